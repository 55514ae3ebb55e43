import CityCertCore
import Foundation

/// The fast path of ``ApplicationReader``: a clean file read straight from its bytes.
///
/// Reading every application of a round was dominated by composing YAML nodes and walking them.
/// This path parses the plain shape authored applications have (``FastYAML``) into an
/// ``Application``, applying the rules of the fallback (`ApplicationReader+General.swift`) to the
/// keys of ``ApplicationReader/Schema``. It answers only when the file is *clean* — the fallback
/// would find no problem at all, not even a warning — and gives up (nil) at anything else, so it
/// never changes what is accepted or what is said, only how fast a clean file is read.
extension ApplicationReader {
    /// The application, or nil when the fallback must decide.
    ///
    /// It reads the file's bytes as they are: every text it keeps (each scalar) and every text it
    /// skips (comments) is checked as UTF-8 on the way, so the whole file is not validated first
    /// (the fallback does that, with the line of the first bad byte).
    func fastPath(_ data: Data) -> Application? {
        data.withUnsafeBytes { raw in fastPath(raw.bindMemory(to: UInt8.self)) }
    }

    /// The same on a text (tests, and the form).
    func fastPath(_ text: String) -> Application? {
        var text = text
        return text.withUTF8 { fastPath($0) }
    }

    private func fastPath(_ bytes: UnsafeBufferPointer<UInt8>) -> Application? {
        FastPath(folderID: folderID, standards: standards, evidenceCheck: evidenceCheck, goodFiles: goodFiles).load(bytes)
    }
}

/// The rules of the fallback, for clean files: every check that would give a problem gives nil.
/// (A class: its methods are passed around as closures, and copying the standards, the evidence
/// check and the cache of good files at every one was a measurable part of reading a round.)
private final class FastPath {
    let folderID: String
    let standards: Standards
    let evidenceCheck: (String) -> ApplicationReader.EvidenceCheck
    let goodFiles: ApplicationReader.GoodFiles
    typealias Schema = ApplicationReader.Schema

    init(folderID: String, standards: Standards, evidenceCheck: @escaping (String) -> ApplicationReader.EvidenceCheck,
         goodFiles: ApplicationReader.GoodFiles) {
        self.folderID = folderID; self.standards = standards; self.evidenceCheck = evidenceCheck; self.goodFiles = goodFiles
    }

    /// The application, or nil when the general reader must decide.
    func load(_ bytes: UnsafeBufferPointer<UInt8>) -> Application? {
        var parser = FastYAML(bytes)
        guard let root = parser.document() else { return nil }
        return application(root)
    }

    private func application(_ root: FastNode) -> Application? {
        guard case .map(let m) = root, m.keys(within: Schema.top) else { return nil }
        guard let id = m["id"].flatMap(string), Identifier.isValid(id), id == folderID else { return nil }
        guard let government = m["government"].flatMap({ localized($0, required: true) }) else { return nil }
        var province: LocalizedText?
        if let node = m["province"] {
            guard let p = localized(node, required: false) else { return nil }
            province = p.ko == nil && p.en == nil ? nil : p
        }
        guard let population = m["population"].flatMap(string).flatMap({ wholeNumber($0, max: Int(Int32.max)) }) else { return nil }
        var type = standards.cityType(forPopulation: population)
        if let node = m["city_type"] {
            guard case .scalar(let s) = node else { return nil }
            if !s.isNullish {
                guard let given = CityType(rawValue: s.text), given == type else { return nil }
                type = given
            }
        }
        // A city type the standards give no points to cannot be scored (the fallback's rule).
        guard standards.maxPoints(for: type) > .zero else { return nil }
        var submittedAt: String?
        if let node = m["submitted_at"] {
            guard case .scalar(let s) = node else { return nil }
            submittedAt = s.isNullish ? nil : s.text
        }
        guard let quantitative = quantitative(m["quantitative"]), let claims = selfEvaluation(m["self_evaluation"]) else { return nil }
        return Application(id: id, government: government, province: province, population: population,
                           cityType: type, submittedAt: submittedAt, quantitative: quantitative, selfEvaluation: claims)
    }

    /// A required non-blank string (YAMLReader.string).
    private func string(_ node: FastNode) -> String? {
        guard case .scalar(let s) = node, !s.isNullish, !YAMLReader.isBlank(s.text) else { return nil }
        return s.text
    }

    /// An optional string: nil value when absent, null or blank; nil result when not a scalar.
    private func optionalString(_ node: FastNode?) -> String?? {
        guard let node else { return .some(nil) }
        guard case .scalar(let s) = node else { return nil }
        if s.isNullish || YAMLReader.isBlank(s.text) { return .some(nil) }
        return .some(s.text)
    }

    /// YAMLReader.localized; with `required: false` a map of blank texts gives an empty text
    /// (the caller decides), a blank plain string gives nil (an error there too).
    private func localized(_ node: FastNode, required: Bool) -> LocalizedText? {
        switch node {
        case .scalar:
            return string(node).map(LocalizedText.init)
        case .map(let m):
            guard m.keys(within: Schema.localized) else { return nil }
            guard let ko = optionalString(m["ko"]), let en = optionalString(m["en"]), ko != nil || en != nil else { return nil }
            return LocalizedText(ko: ko, en: en)
        case .seq:
            return nil
        }
    }

    /// Digits only (the general reader also takes signs and underscores: it decides those).
    private func wholeNumber(_ s: String, max: Int) -> Int? {
        guard !s.isEmpty, s.utf8.count <= 10, s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let v = Int(s), v <= max else { return nil }
        return v
    }

    /// `isNull` of the fallback: absent, or a plain "", "~" or "null".
    private func isNull(_ node: FastNode?) -> Bool {
        guard let node else { return true }
        if case .scalar(let s) = node, s.plain, s.text.isEmpty || s.text == "~" || s.text == "null" { return true }
        return false
    }

    private func quantitative(_ node: FastNode?) -> [String: SubmittedValue]? {
        if isNull(node) { return [:] }
        guard case .map(let m) = node! else { return nil }
        var result: [String: SubmittedValue] = [:]
        result.reserveCapacity(m.pairs.count)
        for (key, value) in m.pairs {
            guard let ind = standards.indicator(key), ind.isQuantitative else { return nil }
            switch value {
            case .scalar(let s):
                // A value outside the indicator's range is a warning: the general reader says it.
                guard !s.isNullish, let v = YAMLReader.parseDecimal(s.text), ind.allows(v) else { return nil }
                result[key] = SubmittedValue(value: v)
            case .map(let vm):
                guard vm.keys(within: Schema.value) else { return nil }
                if isNull(vm["value"]) { continue }
                guard case .scalar(let s)? = vm["value"], !s.isNullish, let v = YAMLReader.parseDecimal(s.text), ind.allows(v),
                      let evidence = evidence(vm["evidence"]), let note = optionalString(vm["note"]) else { return nil }
                result[key] = SubmittedValue(value: v, evidence: evidence, note: note)
            case .seq:
                return nil
            }
        }
        return result
    }

    private func selfEvaluation(_ node: FastNode?) -> [String: SelfEvaluation]? {
        if isNull(node) { return [:] }
        guard case .map(let m) = node! else { return nil }
        var result: [String: SelfEvaluation] = [:]
        result.reserveCapacity(m.pairs.count)
        for (key, value) in m.pairs {
            guard let ind = standards.indicator(key), !ind.isQuantitative, case .map(let cm) = value,
                  cm.keys(within: Schema.claim) else { return nil }
            if isNull(cm["level"]) { continue }
            guard let level = cm["level"].flatMap(string).flatMap({ wholeNumber($0, max: Int.max) }),
                  ind.levels.contains(where: { $0.level == level }),
                  let narrative = optionalString(cm["narrative"]), let evidence = evidence(cm["evidence"]) else { return nil }
            result[key] = SelfEvaluation(level: level, narrative: narrative, evidence: evidence)
        }
        return result
    }

    private func evidence(_ node: FastNode?) -> [Evidence]? {
        if isNull(node) { return [] }
        let list: [FastNode]
        switch node! {
        case .scalar: list = [node!]
        case .seq(let items): list = items
        case .map: return nil
        }
        var result: [Evidence] = []
        result.reserveCapacity(list.count)
        for item in list {
            var page: Int?
            let file: String
            switch item {
            case .map(let em):
                guard em.keys(within: Schema.evidence), let f = em["file"].flatMap(string) else { return nil }
                file = f
                if let p = em["page"] {
                    guard case .scalar(let s) = p else { return nil }
                    if !s.isNullish {
                        guard let v = wholeNumber(s.text, max: 1_000_000), v >= 1 else { return nil }
                        page = v
                    }
                }
            case .scalar:
                guard let f = string(item) else { return nil }
                file = f
            case .seq:
                return nil
            }
            if !goodFiles.contains(file) {
                guard EvidencePath.rejection(of: file) == nil, evidenceCheck(file) == .ok else { return nil }
                goodFiles.insert(file)
            }
            result.append(Evidence(file: file, page: page))
        }
        return result
    }
}

/// A parsed value of the fast reader's YAML subset.
enum FastNode {
    case scalar(FastScalar)
    case map(FastMap)
    case seq([FastNode])
}

struct FastScalar {
    var text: String
    /// Plain (unquoted): only plain scalars can be null.
    var plain: Bool
    /// A plain "", "~", "null", "Null" or "NULL" (YAMLReader.scalar takes these as absent).
    var isNullish: Bool { plain && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL") }
}

struct FastMap {
    var pairs: [(String, FastNode)]
    subscript(key: String) -> FastNode? { pairs.first { $0.0 == key }?.1 }
    func keys(within allowed: [String]) -> Bool { pairs.allSatisfy { allowed.contains($0.0) } }
}

/// The YAML subset: block mappings and sequences by indentation (spaces only), flow mappings and
/// sequences on one line, one-line scalars, comments. Every method returns nil at anything else.
private struct FastYAML {
    let b: UnsafeBufferPointer<UInt8>
    /// Content lines: (indent, start of content, end of content without trailing spaces).
    var lines: [(indent: Int, start: Int, end: Int)] = []
    var li = 0

    init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

    static let space = UInt8(ascii: " "), hash = UInt8(ascii: "#"), colon = UInt8(ascii: ":"), dash = UInt8(ascii: "-")
    /// The bytes a line may hold with no further look: printable ASCII, and every byte of a
    /// multi-byte character but the first bytes of U+0080–U+00BF (C2) and U+F000–U+FFFF (EF), among
    /// which are the C1 controls and the non-characters.
    static let plainByte: [Bool] = (0...255).map { c in (0x20..<0x7F).contains(c) || (c >= 0x80 && c != 0xC2 && c != 0xEF) }

    mutating func document() -> FastNode? {
        guard splitLines(), !lines.isEmpty, lines[0].indent == 0 else { return nil }
        guard let root = block(indent: 0), li == lines.count else { return nil }
        return root
    }

    /// Splits into content lines, skipping blank and comment lines; nil on tabs, CR, and document markers.
    mutating func splitLines() -> Bool {
        var i = 0
        let plainByte = Self.plainByte   // read once: a static is checked for its first use on every access
        while i < b.count {
            var indent = 0
            while i < b.count, b[i] == Self.space { indent += 1; i += 1 }
            let start = i
            while i < b.count, b[i] != 0x0A {
                // Only printable characters, as YAML requires: no tab, CR or other control, no C1
                // control (U+0080–U+009F), no U+FEFF, U+FFFE or U+FFFF.
                let c = b[i]
                if plainByte[Int(c)] { i += 1; continue }
                if c < 0x20 || c == 0x7F { return false }
                if c == 0xC2, i + 1 < b.count, b[i + 1] < 0xA0 { return false }
                if c == 0xEF, i + 2 < b.count, (b[i + 1] == 0xBB && b[i + 2] == 0xBF) || (b[i + 1] == 0xBF && b[i + 2] >= 0xBE) { return false }
                i += 1
            }
            var end = i
            while end > start, b[end - 1] == Self.space { end -= 1 }
            i += 1
            if start == end { continue }
            if b[start] == Self.hash {
                // A comment is the only text the parse skips: it must be UTF-8 as well.
                guard Self.isUTF8(b, start, end) else { return false }
                continue
            }
            if indent > 64 { return false }
            if indent == 0, end - start >= 3, (b[start] == Self.dash && b[start + 1] == Self.dash && b[start + 2] == Self.dash)
                || (b[start] == UInt8(ascii: ".") && b[start + 1] == UInt8(ascii: ".") && b[start + 2] == UInt8(ascii: ".")) { return false }
            if b[start] == UInt8(ascii: "%") { return false }
            lines.append((indent, start, end))
        }
        return true
    }

    /// A block mapping or sequence whose lines start at `indent`.
    mutating func block(indent: Int) -> FastNode? {
        guard li < lines.count, lines[li].indent == indent else { return nil }
        let l = lines[li]
        if b[l.start] == Self.dash, l.end == l.start + 1 || b[l.start + 1] == Self.space { return sequence(indent: indent) }
        return mapping(indent: indent)
    }

    mutating func mapping(indent: Int) -> FastNode? {
        var pairs: [(String, FastNode)] = []
        while li < lines.count, lines[li].indent == indent {
            let l = lines[li]
            var i = l.start
            guard let key = plainKey(&i, end: l.end), i < l.end, b[i] == Self.colon else { return nil }
            i += 1
            guard !pairs.contains(where: { $0.0 == key }) else { return nil }
            li += 1
            let value: FastNode
            if i == l.end || (b[i] == Self.space && rest(i, l.end).isComment) {
                // The value is the block below, or empty.
                if li < lines.count, lines[li].indent > indent {
                    guard let v = block(indent: lines[li].indent) else { return nil }
                    value = v
                } else {
                    value = .scalar(FastScalar(text: "", plain: true))
                }
            } else {
                guard b[i] == Self.space, let v = inlineValue(skipSpaces(i, l.end), l.end) else { return nil }
                value = v
            }
            pairs.append((key, value))
        }
        // A line indented deeper than a mapping it does not belong to (a continuation): not ours.
        if li < lines.count, lines[li].indent > indent { return nil }
        return .map(FastMap(pairs: pairs))
    }

    mutating func sequence(indent: Int) -> FastNode? {
        var items: [FastNode] = []
        while li < lines.count, lines[li].indent == indent {
            let l = lines[li]
            guard b[l.start] == Self.dash else { return nil }
            li += 1
            if l.end == l.start + 1 { return nil }   // "-" alone: a nested block item
            guard b[l.start + 1] == Self.space, let v = inlineValue(skipSpaces(l.start + 1, l.end), l.end) else { return nil }
            items.append(v)
        }
        if li < lines.count, lines[li].indent > indent { return nil }
        return .seq(items)
    }

    /// Whether only spaces and a comment (after at least one space) remain.
    /// (A comment's text must be UTF-8: the parse reads the file's bytes, not a checked string.)
    func rest(_ i: Int, _ end: Int) -> (isComment: Bool, Void) {
        var j = i
        while j < end, b[j] == Self.space { j += 1 }
        return (j == end || (b[j] == Self.hash && j > i && Self.isUTF8(b, j, end)), ())
    }

    /// Whether the bytes from `start` to `end` are UTF-8 (ASCII, the usual case, needs no validation).
    static func isUTF8(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var ascii = true
        for k in start..<end where b[k] >= 0x80 { ascii = false; break }
        return ascii || String(validating: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self) != nil
    }

    func skipSpaces(_ i: Int, _ end: Int) -> Int {
        var j = i
        while j < end, b[j] == Self.space { j += 1 }
        return j
    }

    /// A key of letters, digits, '.', '_' and '-' (what ids and field names are made of).
    func plainKey(_ i: inout Int, end: Int) -> String? {
        let start = i
        while i < end {
            let c = b[i]
            let ok = (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
                || c == UInt8(ascii: "_") || c == UInt8(ascii: ".") || (c == Self.dash && i > start)
            guard ok else { break }
            i += 1
        }
        guard i > start else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
    }

    /// A value on the rest of a line: flow collection, quoted or plain scalar, then maybe a comment.
    func inlineValue(_ from: Int, _ end: Int) -> FastNode? {
        var i = from
        guard i < end else { return nil }
        let c = b[i]
        var value: FastNode
        switch c {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard let v = flow(&i, end: end, depth: 0) else { return nil }
            value = v
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            guard let s = quoted(&i, end: end) else { return nil }
            value = .scalar(FastScalar(text: s, plain: false))
        default:
            // Block context: a plain scalar runs to the end of the line or a comment.
            guard Self.canStartPlain(b, i, end) else { return nil }
            var j = i
            var stop = end
            while j < end {
                let d = b[j]
                if d == Self.hash, b[j - 1] == Self.space {
                    guard Self.isUTF8(b, j, end) else { return nil }   // the comment after the value
                    stop = j
                    break
                }
                if d == Self.colon { return nil }   // "a: b" would be a mapping, "10:30" a sexagesimal: not ours
                j += 1
            }
            var e = stop
            while e > i, b[e - 1] == Self.space { e -= 1 }
            guard let text = String(validating: UnsafeBufferPointer(rebasing: b[i..<e]), as: UTF8.self) else { return nil }
            return .scalar(FastScalar(text: text, plain: true))
        }
        guard rest(i, end).isComment else { return nil }
        _ = value
        return value
    }

    /// Whether a plain scalar may start here (not an indicator, as YAML says).
    static func canStartPlain(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        switch b[i] {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
            guard i + 1 < end else { return false }
            let next = b[i + 1]
            return next != space && next != UInt8(ascii: ",") && next != UInt8(ascii: "[") && next != UInt8(ascii: "]")
                && next != UInt8(ascii: "{") && next != UInt8(ascii: "}")
        case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"),
             UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
             UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return false
        default:
            return true
        }
    }

    /// A flow mapping or sequence ending on this line.
    func flow(_ i: inout Int, end: Int, depth: Int) -> FastNode? {
        guard depth < 8 else { return nil }
        let open = b[i]
        let close = open == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
        i += 1
        var pairs: [(String, FastNode)] = []
        var items: [FastNode] = []
        func skipSpaces() { while i < end, b[i] == Self.space { i += 1 } }
        skipSpaces()
        if i < end, b[i] == close { i += 1; return open == UInt8(ascii: "{") ? .map(FastMap(pairs: [])) : .seq([]) }
        while true {
            skipSpaces()
            guard i < end else { return nil }
            if open == UInt8(ascii: "{") {
                guard let key = plainKey(&i, end: end), i + 1 < end, b[i] == Self.colon, b[i + 1] == Self.space,
                      !pairs.contains(where: { $0.0 == key }) else { return nil }
                i += 2
                skipSpaces()
                guard let v = flowValue(&i, end: end, depth: depth) else { return nil }
                pairs.append((key, v))
            } else {
                guard let v = flowValue(&i, end: end, depth: depth) else { return nil }
                if case .map = v {} else if case .scalar = v {} // items of any kind
                items.append(v)
            }
            skipSpaces()
            guard i < end else { return nil }
            if b[i] == UInt8(ascii: ",") {
                i += 1
                skipSpaces()
                if i < end, b[i] == close { return nil }   // a trailing comma: let YAML decide
                continue
            }
            guard b[i] == close else { return nil }
            i += 1
            return open == UInt8(ascii: "{") ? .map(FastMap(pairs: pairs)) : .seq(items)
        }
    }

    /// A value inside a flow collection: a nested collection, a quoted scalar, or a plain scalar
    /// ending at ',', ']' or '}' (no ':' or '#' inside: not ours).
    func flowValue(_ i: inout Int, end: Int, depth: Int) -> FastNode? {
        guard i < end else { return nil }
        let c = b[i]
        if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") { return flow(&i, end: end, depth: depth + 1) }
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
            guard let s = quoted(&i, end: end) else { return nil }
            return .scalar(FastScalar(text: s, plain: false))
        }
        if c == UInt8(ascii: ",") || c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
            return nil   // an empty value ("{a: , b: 1}"): let YAML decide
        }
        guard Self.canStartPlain(b, i, end) else { return nil }
        let start = i
        while i < end {
            let d = b[i]
            if d == UInt8(ascii: ",") || d == UInt8(ascii: "]") || d == UInt8(ascii: "}") { break }
            if d == Self.colon || d == Self.hash || d == UInt8(ascii: "[") || d == UInt8(ascii: "{")
                || d == UInt8(ascii: "\"") || d == UInt8(ascii: "'") { return nil }
            i += 1
        }
        var e = i
        while e > start, b[e - 1] == Self.space { e -= 1 }
        guard e > start, let text = String(validating: UnsafeBufferPointer(rebasing: b[start..<e]), as: UTF8.self) else { return nil }
        return .scalar(FastScalar(text: text, plain: true))
    }

    /// A one-line quoted scalar: '…' with '' for a quote, or "…" with the common escapes.
    func quoted(_ i: inout Int, end: Int) -> String? {
        let q = b[i]
        i += 1
        // The usual case, no escape and no doubled quote: the text is the bytes as they stand.
        var k = i
        while k < end, b[k] != q, b[k] != UInt8(ascii: "\\") { k += 1 }
        if k < end, b[k] == q, q == UInt8(ascii: "\"") || k + 1 == end || b[k + 1] != q {
            defer { i = k + 1 }
            return String(validating: UnsafeBufferPointer(rebasing: b[i..<k]), as: UTF8.self)
        }
        var out: [UInt8] = []
        while i < end {
            // The run up to the next quote or backslash is copied at once.
            var k = i
            while k < end, b[k] != q, b[k] != UInt8(ascii: "\\") { k += 1 }
            if k > i { out.append(contentsOf: b[i..<k]); i = k; continue }
            let c = b[i]
            if c == q {
                if q == UInt8(ascii: "'"), i + 1 < end, b[i + 1] == q { out.append(q); i += 2; continue }
                i += 1
                return String(validating: out, as: UTF8.self)
            }
            if q == UInt8(ascii: "\""), c == UInt8(ascii: "\\") {
                guard i + 1 < end else { return nil }
                switch b[i + 1] {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                default: return nil
                }
                i += 2
                continue
            }
            out.append(c)
            i += 1
        }
        return nil   // not closed on this line: a multi-line scalar, not ours
    }
}
