import Foundation

/// A JSON value as written in one audit-log line, numbers kept as their text.
///
/// The audit log is hashed over a canonical form (keys sorted, compact), so verifying a line
/// written by another tool means re-serializing exactly what it holds: Foundation's parser would turn
/// `12.50` into a double and lose the key order. This parser is strict (RFC 8259), bounded in depth
/// and rejects invalid UTF-8, so a hostile log can only ever produce an error.
enum AuditJSON: Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([AuditJSON])
    case object([(String, AuditJSON)])

    static func == (a: AuditJSON, b: AuditJSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The value of a key of an object (the first, if repeated).
    subscript(key: String) -> AuditJSON? {
        if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    var isNull: Bool { if case .null = self { return true } else { return false } }

    /// A whole number in the range of `Int`, or nil.
    var intValue: Int? {
        guard case .number(let t) = self, !t.contains("."), !t.contains("e"), !t.contains("E") else { return nil }
        return Int(t)
    }

    /// A decimal (from a number or a numeric string), or nil.
    var decimalValue: Decimal? {
        switch self {
        case .number(let t), .string(let t): return EntryValue.parse(t)
        default: return nil
        }
    }

    // MARK: - Parsing

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    static let maxDepth = 32

    /// Parses one JSON document from bytes; trailing whitespace only.
    static func parse<C: Collection>(_ bytes: C) throws(ParseError) -> AuditJSON where C.Element == UInt8 {
        var p = Parser(bytes: Array(bytes))
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        guard p.i == p.bytes.count else { throw ParseError(description: "unexpected text after the JSON value (column \(p.i + 1))") }
        return v
    }

    private struct Parser {
        let bytes: [UInt8]
        var i = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        }

        func fail(_ m: String) -> ParseError { ParseError(description: "\(m) (column \(i + 1))") }

        mutating func expect(_ word: String) throws(ParseError) {
            for b in word.utf8 {
                guard i < bytes.count, bytes[i] == b else { throw fail("invalid literal") }
                i += 1
            }
        }

        mutating func value(depth: Int) throws(ParseError) -> AuditJSON {
            guard depth <= AuditJSON.maxDepth else { throw fail("nested too deeply") }
            guard i < bytes.count else { throw fail("unexpected end of the line") }
            switch bytes[i] {
            case UInt8(ascii: "n"): try expect("null"); return .null
            case UInt8(ascii: "t"): try expect("true"); return .bool(true)
            case UInt8(ascii: "f"): try expect("false"); return .bool(false)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "["):
                i += 1
                var items: [AuditJSON] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                while true {
                    skipSpace()
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard i < bytes.count else { throw fail("unterminated list") }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                    throw fail("expected ',' or ']'")
                }
            case UInt8(ascii: "{"):
                i += 1
                var pairs: [(String, AuditJSON)] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(pairs) }
                while true {
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a key") }
                    let key = try string()
                    if pairs.contains(where: { $0.0 == key }) { throw fail("key '\(key)' appears twice") }
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                    i += 1
                    skipSpace()
                    pairs.append((key, try value(depth: depth + 1)))
                    skipSpace()
                    guard i < bytes.count else { throw fail("unterminated object") }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(pairs) }
                    throw fail("expected ',' or '}'")
                }
            default:
                return .number(try number())
            }
        }

        mutating func number() throws(ParseError) -> String {
            let start = i
            func digits() -> Int {
                let s = i
                while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
                return i - s
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count else { throw fail("invalid number") }
            if bytes[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { throw fail("invalid value") }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                guard digits() > 0 else { throw fail("invalid number") }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard digits() > 0 else { throw fail("invalid number") }
            }
            guard i - start <= 64 else { throw fail("number too long") }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        mutating func hex4() throws(ParseError) -> UInt32 {
            guard i + 4 <= bytes.count else { throw fail("invalid \\u escape") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[i]
                let d: UInt32
                switch b {
                case 0x30...0x39: d = UInt32(b - 0x30)
                case 0x41...0x46: d = UInt32(b - 0x41 + 10)
                case 0x61...0x66: d = UInt32(b - 0x61 + 10)
                default: throw fail("invalid \\u escape")
                }
                v = v * 16 + d
                i += 1
            }
            return v
        }

        mutating func string() throws(ParseError) -> String {
            i += 1   // opening quote
            var out = String.UnicodeScalarView()
            var raw: [UInt8] = []
            func flushRaw() throws(ParseError) {
                guard !raw.isEmpty else { return }
                guard let s = String(validating: raw, as: UTF8.self) else { throw fail("invalid UTF-8 in a string") }
                out.append(contentsOf: s.unicodeScalars)
                raw.removeAll(keepingCapacity: true)
            }
            while true {
                guard i < bytes.count else { throw fail("unterminated string") }
                let b = bytes[i]
                if b == UInt8(ascii: "\"") { i += 1; break }
                if b < 0x20 { throw fail("control character in a string") }
                if b != UInt8(ascii: "\\") { raw.append(b); i += 1; continue }
                try flushRaw()
                i += 1
                guard i < bytes.count else { throw fail("unterminated string") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append("\"")
                case UInt8(ascii: "\\"): out.append("\\")
                case UInt8(ascii: "/"): out.append("/")
                case UInt8(ascii: "b"): out.append("\u{08}")
                case UInt8(ascii: "f"): out.append("\u{0C}")
                case UInt8(ascii: "n"): out.append("\n")
                case UInt8(ascii: "r"): out.append("\r")
                case UInt8(ascii: "t"): out.append("\t")
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                            throw fail("unpaired surrogate")
                        }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(code) {
                        throw fail("unpaired surrogate")
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw fail("invalid \\u escape") }
                    out.append(scalar)
                default:
                    throw fail("invalid escape")
                }
            }
            try flushRaw()
            return String(out)
        }
    }

    // MARK: - Canonical form

    /// How strings are escaped when the canonical form is rebuilt.
    struct Style {
        /// Non-ASCII as `\uXXXX` (Python's default `ensure_ascii`).
        var asciiOnly = false
        /// `\b` and `\f` instead of `\u0008` and `\u000c` (Python, JavaScript).
        var shortControls = false
        /// `", "` and `": "` between items (Python's default separators).
        var spaced = false

        /// citycert's own form (and Go's, Rust serde_json's, JavaScript's for BMP text).
        static let citycert = Style()
        static let python = Style(asciiOnly: true, shortControls: true)
        static let pythonUnicode = Style(asciiOnly: false, shortControls: true)
        static let all: [Style] = [.citycert, .pythonUnicode, .python,
                                   Style(asciiOnly: true, shortControls: true, spaced: true),
                                   Style(asciiOnly: false, shortControls: true, spaced: true)]
    }

    /// Compact JSON with the keys of every object sorted (by code point).
    func canonical(_ style: Style = .citycert) -> String {
        var out = ""
        write(into: &out, style)
        return out
    }

    private func write(into out: inout String, _ style: Style) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let t): out += t
        case .string(let s): AuditJSON.escape(s, into: &out, style)
        case .array(let items):
            out += "["
            for (n, v) in items.enumerated() {
                if n > 0 { out += style.spaced ? ", " : "," }
                v.write(into: &out, style)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            let sorted = pairs.sorted { Array($0.0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.0.unicodeScalars.map(\.value)) }
            for (n, p) in sorted.enumerated() {
                if n > 0 { out += style.spaced ? ", " : "," }
                AuditJSON.escape(p.0, into: &out, style)
                out += style.spaced ? ": " : ":"
                p.1.write(into: &out, style)
            }
            out += "}"
        }
    }

    private static func escape(_ s: String, into out: inout String, _ style: Style) {
        func hex(_ v: UInt32) -> String {
            let h = String(v, radix: 16)
            return "\\u" + String(repeating: "0", count: max(0, 4 - h.count)) + h
        }
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}" where style.shortControls: out += "\\b"
            case "\u{0C}" where style.shortControls: out += "\\f"
            case let c where c.value < 0x20: out += hex(c.value)
            case let c where style.asciiOnly && c.value > 0x7E:
                if c.value > 0xFFFF {
                    let v = c.value - 0x10000
                    out += hex(0xD800 + (v >> 10)) + hex(0xDC00 + (v & 0x3FF))
                } else {
                    out += hex(c.value)
                }
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }
}
