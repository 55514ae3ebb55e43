import CityCertCore
import Foundation

/// What the applications list shows of one application for one member.
public struct ListingEntry: Sendable {
    public var id: String
    /// The application as far as the list needs it: its form (government, population, city type),
    /// read from the file's header; the values and claims are read when the application is opened.
    /// Invalid when the header itself is broken (or the whole file, when it has been read).
    public var application: ApplicationLoad
    /// The member's own sheet (nil when there is none, or it is broken).
    public var sheet: ScoreSheet?
    public var isFinal: Bool
}

extension Store {
    /// Every application (or those in `ids`) for the list of `member`, read on all cores: the form
    /// of each application and the member's own sheet, nothing of the other members.
    ///
    /// The list of a large round must come up at once, so the form is read from the top of
    /// `application.yaml` without the values and claims below it (which are most of the file); an
    /// application already read whole is taken from the cache. A problem in the values or claims
    /// shows when the application is opened, and in `validate` and the reports, as always.
    public func listing(member: String, ids: [String]? = nil) -> [ListingEntry] {
        listing(member: member, ids: ids) { $0 }
    }

    /// The listing with each entry turned into a row by `row` on the thread that read it (so that
    /// the sheets read are also let go on both cores); `row` must be safe to call from several
    /// threads at once.
    public func listing<Row>(member: String, ids: [String]? = nil, row: (ListingEntry) -> Row) -> [Row] {
        let final = finalApplications()
        return Parallel.map(ids ?? applicationIDs) { id in
            let load = header(id)
            var sheet: ScoreSheet?
            if let app = load.application, Identifier.isValid(member) {
                let (s, p) = readSheet(path: "scores/\(member)/\(id).json", member: member, applicationID: id, application: app)
                sheet = p.contains { $0.severity == .error } ? nil : s
            }
            return row(ListingEntry(id: id, application: load, sheet: sheet, isFinal: final.contains(id)))
        }
    }

    /// The application's form: from the cache when read whole, else from the file with its
    /// `quantitative` and `self_evaluation` sections left out (their lines blanked, so that any
    /// line number stays right). When the form has any problem, the whole file is read (and kept)
    /// so that the list shows exactly what opening it would.
    public func header(_ id: String) -> ApplicationLoad {
        if let cached = cachedApplication(id) { return cached }
        let folder = "applications/\(id)"
        let path = "\(folder)/application.yaml"
        guard Identifier.isValid(id) else { return application(id) }
        var problems: [Problem] = []
        guard let data = files.data(path, problems: &problems), let head = Self.headerText(data) else { return application(id) }
        let noEvidence: (String) -> ApplicationLoader.EvidenceCheck = { _ in .ok }
        if let app = ApplicationFastPath(folderID: id, standards: standards, evidenceCheck: noEvidence).load(head) {
            return .valid(app, warnings: [])
        }
        let loader = ApplicationLoader(path: path, folderID: id, standards: standards, evidenceCheck: noEvidence)
        if let app = loader.load(head), loader.reader.problems.isEmpty { return .valid(app, warnings: []) }
        return application(id)
    }

    /// The text with the lines of the top-level `quantitative:` and `self_evaluation:` sections
    /// made empty; nil when the file does not have the plain layout this relies on, or the rest is
    /// not UTF-8 text. Only what is kept is checked for UTF-8: the sections left out are most of
    /// the file, and are checked when the application is read whole.
    static func headerText(_ data: Data) -> String? {
        data.withUnsafeBytes { raw -> String? in
            let b = raw.bindMemory(to: UInt8.self)
            var out: [UInt8] = []
            out.reserveCapacity(1024)
            var inSection = false, sawKey = false
            var i = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0   // a byte order mark
            func starts(_ word: StaticString, at i: Int) -> Bool {
                let n = word.utf8CodeUnitCount
                guard i + n <= b.count else { return false }
                for k in 0..<n where b[i + k] != word.utf8Start[k] { return false }
                return true
            }
            while i < b.count {
                let base = b.baseAddress!
                var end = b.count
                if let hit = memchr(base + i, 0x0A, b.count - i) { end = Int(bitPattern: hit) - Int(bitPattern: base) }
                if end > i {
                    let first = b[i]
                    if first != UInt8(ascii: " "), first != UInt8(ascii: "#") {
                        // A line at the left margin starts a top-level key.
                        if first == UInt8(ascii: "-") || first == 0x09 || first == UInt8(ascii: "{")
                            || first == UInt8(ascii: "[") || first == UInt8(ascii: "%") { return nil }
                        inSection = starts("quantitative:", at: i) || starts("self_evaluation:", at: i)
                        sawKey = true
                    }
                    if !inSection { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<end])) }
                }
                if end < b.count { out.append(0x0A) }
                i = end + 1
            }
            return sawKey ? String(validating: out, as: UTF8.self) : nil
        }
    }
}
