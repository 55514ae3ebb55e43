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
        var w = JSONWriter(indent: indent, capacity: 0)
        swap(&w.bytes, &out)
        w.value(self)
        swap(&w.bytes, &out)
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

extension JSONWriter {
    /// A value tree, written in place.
    public mutating func value(_ v: JSONValue) {
        switch v {
        case .null: null()
        case .bool(let b): bool(b)
        case .int(let i): int(i)
        case .string(let s): string(s)
        case .array(let items): array(items) { w, item in w.value(item) }
        case .object(let pairs): object { w in for (k, item) in pairs { w.key(text: k); w.value(item) } }
        }
    }
}
