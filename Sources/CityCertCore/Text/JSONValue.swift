/// A JSON value that keeps its keys in the order given, so the report's layout is exactly spec §4's.
///
/// Foundation's encoder sorts or hashes keys; the report needs a fixed order and two-decimal strings,
/// and the audit log a canonical compact form (``sortingKeys()``).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    /// The same value with the keys of every object sorted (the canonical form the audit log hashes).
    public func sortingKeys() -> JSONValue {
        switch self {
        case .array(let items): return .array(items.map { $0.sortingKeys() })
        case .object(let pairs): return .object(pairs.sorted { $0.0 < $1.0 }.map { ($0.0, $0.1.sortingKeys()) })
        default: return self
        }
    }

    /// Compact (`pretty: false`) or indented with two spaces.
    public func serialized(pretty: Bool = true) -> String {
        serialized(indent: pretty ? 0 : nil)
    }

    /// Indented with two spaces as if the value started at column `indent` (nil: compact), so that a
    /// large document can be written a piece at a time and still read as one.
    public func serialized(indent: Int?) -> String {
        var out = ""
        out.reserveCapacity(1024)
        write(into: &out, indent: indent)
        return out
    }

    private func write(into out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .string(let s): JSONValue.escape(s, into: &out)
        case .array(let items):
            writeContainer(into: &out, open: "[", close: "]", count: items.count, indent: indent) { i, out, ind in
                items[i].write(into: &out, indent: ind)
            }
        case .object(let pairs):
            writeContainer(into: &out, open: "{", close: "}", count: pairs.count, indent: indent) { i, out, ind in
                JSONValue.escape(pairs[i].0, into: &out)
                out += indent == nil ? ":" : ": "
                pairs[i].1.write(into: &out, indent: ind)
            }
        }
    }

    private func writeContainer(into out: inout String, open: String, close: String, count: Int, indent: Int?,
                                element: (Int, inout String, Int?) -> Void) {
        out += open
        guard count > 0 else { out += close; return }
        let inner = indent.map { $0 + 2 }
        for i in 0..<count {
            if i > 0 { out += "," }
            if let inner { JSONValue.newline(indent: inner, into: &out) }
            element(i, &out, inner)
        }
        if let indent { JSONValue.newline(indent: indent, into: &out) }
        out += close
    }

    private static let newlines: [String] = (0...40).map { "\n" + String(repeating: " ", count: $0) }

    private static func newline(indent: Int, into out: inout String) {
        out += indent < newlines.count ? newlines[indent] : "\n" + String(repeating: " ", count: indent)
    }

    /// Writes a JSON string literal (UTF-8 kept as is; quotes, backslashes and controls escaped).
    public static func escape(_ s: String, into out: inout String) {
        // Most strings need no escape at all: copy them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += "\""
            out += s
            out += "\""
            return
        }
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }
}
