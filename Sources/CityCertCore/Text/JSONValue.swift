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
        String(decoding: serializedBytes(indent: indent), as: UTF8.self)
    }

    /// ``serialized(indent:)`` as UTF-8 bytes, the form it is written in (appending bytes costs less
    /// than appending to a `String`, which was a tenth of the JSON report's time).
    public func serializedBytes(indent: Int?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(into: &out, indent: indent)
        return out
    }

    /// Appends the value to `out`, as ``serializedBytes(indent:)`` would give it.
    public func write(into out: inout [UInt8], indent: Int?) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .string(let s): JSONValue.escape(s, into: &out)
        case .array(let items):
            writeContainer(into: &out, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), count: items.count, indent: indent) { i, out, ind in
                items[i].write(into: &out, indent: ind)
            }
        case .object(let pairs):
            writeContainer(into: &out, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), count: pairs.count, indent: indent) { i, out, ind in
                JSONValue.escape(pairs[i].0, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                pairs[i].1.write(into: &out, indent: ind)
            }
        }
    }

    private func writeContainer(into out: inout [UInt8], open: UInt8, close: UInt8, count: Int, indent: Int?,
                                element: (Int, inout [UInt8], Int?) -> Void) {
        out.append(open)
        guard count > 0 else { out.append(close); return }
        let inner = indent.map { $0 + 2 }
        for i in 0..<count {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            if let inner { JSONValue.newline(indent: inner, into: &out) }
            element(i, &out, inner)
        }
        if let indent { JSONValue.newline(indent: indent, into: &out) }
        out.append(close)
    }

    private static func newline(indent: Int, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    /// Writes a JSON string literal (UTF-8 kept as is; quotes, backslashes and controls escaped).
    public static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escape at all: copy them whole.
        guard s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out.append(contentsOf: s.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for u in s.utf8 {
            switch u {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                        hex[Int(u >> 4)], hex[Int(u & 0xF)]])
            default: out.append(u)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
