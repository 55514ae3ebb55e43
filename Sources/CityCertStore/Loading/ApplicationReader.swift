import CityCertCore
import Foundation

/// The one reader of `applications/<id>/application.yaml` (spec §2).
///
/// Two entry points, one way of reading: ``read(_:)`` gives the whole application (opening it,
/// `validate`, every report); ``readForm(_:)`` gives only its form (government, population, city
/// type) for the applications list. Both run the same two steps:
///
/// 1. **The fast path** (`ApplicationReader+Fast.swift`) — the reader proper for the files authors
///    write. The plain shape they have (block and flow mappings and sequences, plain, single- and
///    double-quoted one-line scalars, comments) is parsed straight from the file's bytes into an
///    ``Application``, applying the same rules as the fallback, and checking as UTF-8 each scalar and
///    comment it meets (so the file is not validated as a whole first). It answers only when the file is
///    *clean*: the fallback would find no problem at all, not even a warning. At the first thing it
///    does not expect (an anchor, a tag, a quoted key, a multi-line scalar, a tab, a CR, a byte order
///    mark, bytes that are not UTF-8, an unknown key, a value out of range, a missing evidence file…)
///    it gives up.
/// 2. **The fallback** (`ApplicationReader+General.swift`) — the general parser: the file is read as
///    UTF-8 text as every YAML file of the store is (``FileAccess/text(_:path:problems:)``: the line
///    of the first bad byte, a leading byte order mark dropped), Yams composes the document and every
///    rule is checked with its message and line. It decides every file the fast
///    path gives up on, so what is accepted and what is said never depend on the fast path, only how
///    fast a clean file is read.
///
/// The keys each part of the file may hold are ``Schema``, the one list both steps check against. A
/// differential test (`ApplicationReaderTests`) runs both steps over generated, sample and mutated
/// files and tricky YAML, and fails if the fast path ever answers where the fallback disagrees.
struct ApplicationReader {
    /// The file's path in the store, for the fallback's messages.
    let path: String
    let folderID: String
    let standards: Standards
    /// Checks an evidence path on disk (outside the folder, missing).
    let evidenceCheck: (String) -> EvidenceCheck
    /// Evidence paths the fast path already found fine in this file (most are named many times).
    let goodFiles = GoodFiles()

    enum EvidenceCheck { case ok, missing, escapes }

    final class GoodFiles {
        private var files: Set<String> = []
        func contains(_ f: String) -> Bool { files.contains(f) }
        func insert(_ f: String) { files.insert(f) }
    }

    /// The keys of `application.yaml` (spec §2): anything else is a warning of the fallback, and makes
    /// the fast path give up.
    enum Schema {
        static let top = ["id", "government", "province", "population", "city_type", "submitted_at",
                          "quantitative", "self_evaluation"]
        /// A value under `quantitative` (or a bare number).
        static let value = ["value", "evidence", "note"]
        /// A claim under `self_evaluation`.
        static let claim = ["level", "narrative", "evidence"]
        /// An evidence entry given as a map (or a bare path).
        static let evidence = ["file", "page"]
        /// A localized text given as a map (or a plain string).
        static let localized = YAMLReader.localizedKeys
        /// The top-level sections the form leaves out: the values and the claims, most of the file.
        static let sections = ["quantitative", "self_evaluation"]
    }

    init(path: String, folderID: String, standards: Standards, evidenceCheck: @escaping (String) -> EvidenceCheck) {
        self.path = path
        self.folderID = folderID
        self.standards = standards
        self.evidenceCheck = evidenceCheck
    }

    /// The whole application from the file's bytes: the fast path's answer, or else the fallback's
    /// with its problems (a file that is not UTF-8 text is one problem, with the line of the first
    /// bad byte, as for every file of the store).
    func read(_ data: Data) -> ApplicationLoad {
        if let app = fastPath(data) { return .valid(app, warnings: []) }
        var problems: [Problem] = []
        guard let text = FileAccess.text(data, path: path, problems: &problems) else { return .invalid(problems) }
        return fallback(text)
    }

    /// The whole application from a text: the same two steps.
    func read(_ text: String) -> ApplicationLoad {
        if let app = fastPath(text) { return .valid(app, warnings: []) }
        return fallback(text)
    }

    private func fallback(_ text: String) -> ApplicationLoad {
        let (app, problems) = generalPath(text)
        if let app { return .valid(app, warnings: problems) }
        return .invalid(problems)
    }

    /// The form only: the file with its ``Schema/sections`` left out (``formText(_:)``), read as
    /// ``read(_:)`` reads (fast path, then fallback), with no values or claims. Nil when the form is
    /// not clean (the fallback finds any problem in it) or the file does not have the plain layout
    /// this relies on: the caller then reads the whole file, so that what is shown is exactly what
    /// opening it would show.
    func readForm(_ data: Data) -> Application? {
        guard let text = Self.formText(data) else { return nil }
        guard case .valid(let app, let warnings) = read(text), warnings.isEmpty else { return nil }
        return app
    }

    /// The text with the lines of the top-level ``Schema/sections`` made empty (so that any line
    /// number stays right); nil when the file does not have the plain layout this relies on, or what
    /// is kept is not UTF-8. Only what is kept is checked for UTF-8: the sections are most of the
    /// file, and are checked when the application is read whole.
    static func formText(_ data: Data) -> String? {
        data.withUnsafeBytes { raw -> String? in
            let b = raw.bindMemory(to: UInt8.self)
            var out: [UInt8] = []
            out.reserveCapacity(1024)
            var inSection = false, sawKey = false
            var i = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0   // a byte order mark
            while i < b.count {
                let end = lineEnd(b, from: i)
                if end > i, b[i] != UInt8(ascii: " "), b[i] != UInt8(ascii: "#") {
                    // A line at the left margin starts a top-level key.
                    guard startsKey(b[i]) else { return nil }
                    inSection = sectionKeys.contains { starts(b, with: $0, at: i) }
                    sawKey = true
                }
                if end > i, !inSection { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<end])) }
                if end < b.count { out.append(0x0A) }
                i = end + 1
            }
            return sawKey ? String(validating: out, as: UTF8.self) : nil
        }
    }

    /// `quantitative:` and `self_evaluation:` as bytes.
    private static let sectionKeys = Schema.sections.map { Array("\($0):".utf8) }

    /// Whether a line at the left margin may start a key of a block mapping (not a sequence, a flow
    /// collection, a directive or a tab).
    private static func startsKey(_ c: UInt8) -> Bool {
        c != UInt8(ascii: "-") && c != 0x09 && c != UInt8(ascii: "{") && c != UInt8(ascii: "[") && c != UInt8(ascii: "%")
    }

    private static func lineEnd(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        let base = b.baseAddress!
        guard let hit = memchr(base + i, 0x0A, b.count - i) else { return b.count }
        return Int(bitPattern: hit) - Int(bitPattern: base)
    }

    private static func starts(_ b: UnsafeBufferPointer<UInt8>, with word: [UInt8], at i: Int) -> Bool {
        guard i + word.count <= b.count else { return false }
        for k in 0..<word.count where b[i + k] != word[k] { return false }
        return true
    }
}

/// The textual rules for evidence paths: relative, inside the application folder.
enum EvidencePath {
    /// Why a path is refused, or nil when it is acceptable as text.
    static func rejection(of path: String) -> String? {
        if path.hasPrefix("/") || path.hasPrefix("~") { return "must be relative to the application folder, not absolute" }
        if path.contains("\0") { return "contains a NUL character" }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains("..") { return "leaves the application folder ('..' is not allowed)" }
        return nil
    }
}
