import CityCertCore
import Foundation
import Yams

/// Reads one authored YAML file into model values, collecting `path:line: message` problems.
///
/// The walk is driven by the expected schema, never by the document, and is bounded by a budget of
/// nodes, so anchors and aliases cannot blow it up; each accessor names what it expected.
final class YAMLReader {
    let path: String
    private(set) var problems: [Problem] = []
    private var budget = 500_000
    /// The most problems kept per file: past this a file is hopeless and one more line says so.
    private let maxProblems = 200

    init(path: String) { self.path = path }

    var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// Parses the text; a syntax error becomes a problem with its line.
    func parse(_ text: String) -> Node? {
        if let reason = YAMLGuard.rejection(of: text) {
            error(line: nil, reason)
            return nil
        }
        do {
            // No tag resolution: the reader takes every scalar as text and converts it itself, and the
            // default resolver's regular expressions (run on every mapping key to find duplicates)
            // were the largest cost of reading a store. Keys are then compared as text, as the reader does.
            guard let node = try Yams.compose(yaml: text, Resolver.basic) else {
                error(line: 1, "the file is empty")
                return nil
            }
            return node
        } catch let e as YamlError {
            let (line, message) = Self.describe(e)
            error(line: line, message)
        } catch {
            self.error(line: nil, "cannot parse YAML: \(error)")
        }
        return nil
    }

    static func describe(_ e: YamlError) -> (Int?, String) {
        switch e {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let ctx = context.map { "\($0.text) " } ?? ""
            return (mark.line, "YAML syntax error: \(ctx)\(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark.line, "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in a mapping")
        case let .reader(problem, _, _, _):
            return (nil, "cannot read the file as YAML: \(problem)")
        default:
            return (nil, "YAML error: \(e)")
        }
    }

    func error(_ node: Node?, _ message: String) { error(line: node?.mark?.line, message) }

    func warning(_ node: Node?, _ message: String) {
        problems.append(Problem(path: path, line: node?.mark?.line, message, severity: .warning))
    }

    func error(line: Int?, _ message: String) {
        if problems.count < maxProblems {
            problems.append(Problem(path: path, line: line, message))
        } else if problems.count == maxProblems {
            problems.append(Problem(path: path, line: line, "too many problems; the rest of this file is not checked"))
        }
    }

    private func spend(_ node: Node?) -> Bool {
        budget -= 1
        if budget == 0 { error(node, "the document is too large (too many nodes, or aliases that multiply it)") }
        return budget > 0
    }

    // MARK: - Shapes

    /// A mapping with string keys, or nil (and a problem) when the node is something else.
    func map(_ node: Node?, _ what: String, required: Bool = true) -> YAMLMap? {
        guard let node else {
            if required { error(line: nil, "\(what) is missing") }
            return nil
        }
        guard spend(node) else { return nil }
        guard case .mapping(let m) = node else {
            error(node, "\(what) must be a mapping (key: value)")
            return nil
        }
        var pairs: [(String, Node, Node)] = []
        for (k, v) in m {
            guard case .scalar(let s) = k else { error(k, "\(what): keys must be plain text"); continue }
            pairs.append((s.string, k, v))
        }
        return YAMLMap(node: node, pairs: pairs)
    }

    /// A sequence's elements, or nil (and a problem).
    func seq(_ node: Node?, _ what: String, required: Bool = true) -> [Node]? {
        guard let node else {
            if required { error(line: nil, "\(what) is missing") }
            return nil
        }
        guard spend(node) else { return nil }
        guard case .sequence(let s) = node else {
            error(node, "\(what) must be a list")
            return nil
        }
        return Array(s)
    }

    /// A scalar's text (null is absent).
    func scalar(_ node: Node?, _ what: String, required: Bool = true) -> String? {
        guard let node else {
            if required { error(line: nil, "\(what) is missing") }
            return nil
        }
        guard spend(node) else { return nil }
        guard case .scalar(let s) = node else {
            error(node, "\(what) must be a single value, not a list or mapping")
            return nil
        }
        if s.style == .plain, ["", "~", "null", "Null", "NULL"].contains(s.string) {
            if required { error(node, "\(what) is empty") }
            return nil
        }
        return s.string
    }

    /// A non-empty string.
    func string(_ node: Node?, _ what: String, required: Bool = true) -> String? {
        guard let s = scalar(node, what, required: required) else { return nil }
        if Self.isBlank(s) {
            if required { error(node, "\(what) is empty") }
            return nil
        }
        return s
    }

    func int(_ node: Node?, _ what: String, required: Bool = true, range: ClosedRange<Int>? = nil) -> Int? {
        guard let s = scalar(node, what, required: required) else { return nil }
        let cleaned = s.replacingOccurrences(of: "_", with: "")
        guard let v = Int(cleaned) else {
            error(node, "\(what) must be a whole number, found '\(s)'")
            return nil
        }
        if let range, !range.contains(v) {
            error(node, "\(what) must be between \(range.lowerBound) and \(range.upperBound), found \(v)")
            return nil
        }
        return v
    }

    func decimal(_ node: Node?, _ what: String, required: Bool = true) -> Decimal? {
        guard let s = scalar(node, what, required: required) else { return nil }
        guard let v = Self.parseDecimal(s) else {
            error(node, "\(what) must be a number (magnitude below 10^15), found '\(s)'")
            return nil
        }
        return v
    }

    private static let posix = Locale(identifier: "en_US_POSIX")
    private static let numberBytes = Set("0123456789+-.eE".utf8)

    /// Whether the text is empty or only whitespace (`trimmingCharacters(in: .whitespaces).isEmpty`,
    /// without building the trimmed copy).
    static func isBlank(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy(isWhitespace)
    }

    /// `s.trimmingCharacters(in: .whitespaces)`, without the cost when there is nothing to trim.
    static func trimmed(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last,
              isWhitespace(first) || isWhitespace(last) else { return s }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// What `CharacterSet.whitespaces` holds — the tab, the space separators (category Zs) and,
    /// in Foundation's set, the zero-width space U+200B — without building that set for every
    /// character asked about (every text of every application). `YAMLWhitespaceTests` compares them.
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c == " " || c == "\t" }
        return c.value == 0x200B || c.properties.generalCategory == .spaceSeparator
    }

    /// A decimal number as text (digits, an optional sign, point and exponent); nil otherwise.
    static func parseDecimal(_ s: String) -> Decimal? {
        let t = Self.trimmed(s)
        guard t.utf8.count <= 40 else { return nil }
        // Plain digits (nearly every value) are read exactly without Foundation's locale-aware parser.
        if let exact = ExactDecimal(plain: t) { return EntryValue.isAcceptable(exact) ? exact.decimal : nil }
        guard !t.isEmpty, t.count <= 40,
              t.utf8.allSatisfy({ numberBytes.contains($0) }),
              t.contains(where: { $0.isNumber }) else { return nil }
        guard let d = Decimal(string: t, locale: posix), EntryValue.isAcceptable(d) else { return nil }
        // Decimal(string:) accepts a prefix ("1.2.3" → 1.2): insist that the whole text is one number.
        guard t.filter({ $0 == "." }).count <= 1 else { return nil }
        return d
    }

    /// The most points one indicator may be worth: far above any real standards, and low enough
    /// that no sum or product of spec §3 can overflow (see Docs/reliability.md).
    static let maxPoints = Points(1_000_000)

    func points(_ node: Node?, _ what: String, required: Bool = true) -> Points? {
        guard let s = scalar(node, what, required: required) else { return nil }
        guard let p = Points(s), p >= .zero, p <= Self.maxPoints else {
            error(node, "\(what) must be a number of points from 0 to 1,000,000 with at most 2 decimals, found '\(s)'")
            return nil
        }
        return p
    }

    /// A share in [0, 1] with at most 4 decimals.
    func share(_ node: Node?, _ what: String, required: Bool = true) -> Share? {
        guard let s = scalar(node, what, required: required) else { return nil }
        guard let v = Share(s) else {
            error(node, "\(what) must be a number with at most 4 decimals, found '\(s)'")
            return nil
        }
        guard v >= .zero, v <= .one else {
            error(node, "\(what) must be between 0 and 1, found \(s)")
            return nil
        }
        return v
    }

    /// The keys of a localized text given as a map (spec §2).
    static let localizedKeys = ["ko", "en"]

    /// A plain string or `{ko, en}`.
    func localized(_ node: Node?, _ what: String, required: Bool = true) -> LocalizedText? {
        guard let node else {
            if required { error(line: nil, "\(what) is missing") }
            return nil
        }
        if case .scalar = node {
            return string(node, what, required: required).map(LocalizedText.init)
        }
        guard let m = map(node, what) else { return nil }
        m.checkKeys(Self.localizedKeys, what: what, reader: self)
        let ko = m["ko"].flatMap { string($0, "\(what).ko", required: false) }
        let en = m["en"].flatMap { string($0, "\(what).en", required: false) }
        guard ko != nil || en != nil else {
            error(node, "\(what) needs a Korean (ko) or English (en) text")
            return nil
        }
        return LocalizedText(ko: ko, en: en)
    }

    /// An application, member, field or item id.
    func identifier(_ node: Node?, _ what: String, required: Bool = true) -> String? {
        guard let s = string(node, what, required: required) else { return nil }
        guard Identifier.isValid(s) else {
            error(node, "\(what) '\(s)' is not a valid id (lowercase letters, digits, '.', '_', '-'; starting with a letter or digit; at most 64)")
            return nil
        }
        return s
    }

    /// An indicator id.
    func indicatorID(_ node: Node?, _ what: String) -> String? {
        guard let s = string(node, what) else { return nil }
        guard Identifier.isValidIndicator(s) else {
            error(node, "\(what) '\(s)' is not a valid indicator id (letters, digits, '.', '_', '-'; starting with a letter or digit; at most 32)")
            return nil
        }
        return s
    }
}

/// A YAML mapping with its keys as text, in document order.
struct YAMLMap {
    let node: Node
    let pairs: [(key: String, keyNode: Node, value: Node)]

    subscript(key: String) -> Node? { pairs.first { $0.key == key }?.value }

    var line: Int? { node.mark?.line }

    /// Reports keys other than the allowed ones (a typo would otherwise be silently ignored).
    /// (A list, not a set: the few allowed keys are compared in place, with no hashing per mapping.)
    func checkKeys(_ allowed: [String], what: String, reader: YAMLReader) {
        for p in pairs where !allowed.contains(p.key) {
            reader.warning(p.keyNode, "\(what): unknown key '\(p.key)' is ignored")
        }
    }

    func checkKeys(_ allowed: Set<String>, what: String, reader: YAMLReader) {
        checkKeys(Array(allowed), what: what, reader: reader)
    }
}
