/// Writes JSON straight into UTF-8 bytes, in the one layout citycert writes (``JSONValue`` writes
/// through it too): keys in the order written, two-space indentation (or compact), UTF-8 kept as is.
///
/// A large document (the JSON report of a round) is written without first building a tree of
/// ``JSONValue``s: building and then walking the tree was most of the report's rendering time.
///
///     var w = JSONWriter(indent: 0)
///     w.object { w in
///         w.key("id"); w.string("app-1")
///         w.key("scores"); w.array { w in w.int(1); w.int(2) }
///     }
public struct JSONWriter {
    /// What has been written.
    public var bytes: [UInt8]
    /// The column of the container being written (nil: compact); its elements go two further.
    private var indent: Int?
    /// Elements written so far in the container being written.
    private var count = 0
    /// Containers open.
    private var depth = 0
    /// Whether a key was just written (its value follows on the same line).
    private var afterKey = false

    /// A writer whose first value starts at column `indent` (nil: compact, no line breaks).
    public init(indent: Int?, capacity: Int = 1024) {
        self.indent = indent
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public mutating func null() { beginValue(); bytes.append(contentsOf: "null".utf8) }
    public mutating func bool(_ b: Bool) { beginValue(); bytes.append(contentsOf: (b ? "true" : "false").utf8) }
    public mutating func int(_ i: Int) { beginValue(); FixedDecimal.append(Int64(i), scale: 0, to: &bytes) }
    public mutating func string(_ s: String) { beginValue(); JSONValue.escape(s, into: &bytes) }
    public mutating func string(_ s: String?) { if let s { string(s) } else { null() } }

    /// Points as the report gives them: a string of two decimals (`"12.50"`); null for none.
    public mutating func string(_ p: Points?) {
        guard let p else { return null() }
        beginValue()
        bytes.append(UInt8(ascii: "\""))
        FixedDecimal.append(p.hundredths, scale: 2, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// The key of the object's next member, a name written in the program (nothing in it to
    /// escape); its value is written next.
    public mutating func key(_ k: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        k.withUTF8Buffer { name in
            assert(!name.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
            bytes.append(contentsOf: name)
        }
        bytes.append(UInt8(ascii: "\""))
        endKey()
    }

    /// The key of the object's next member, any text (escaped as needed).
    public mutating func key(text k: String) {
        separate()
        JSONValue.escape(k, into: &bytes)
        endKey()
    }

    private mutating func endKey() {
        bytes.append(UInt8(ascii: ":"))
        if indent != nil { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    /// An object whose members `body` writes (each a ``key(_:)`` and a value).
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    /// An array whose elements `body` writes.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), body)
    }

    /// An array of the elements, each written by `element`.
    public mutating func array<S: Sequence>(_ elements: S, _ element: (inout JSONWriter, S.Element) -> Void) {
        array { w in for e in elements { element(&w, e) } }
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONWriter) -> Void) {
        beginValue()
        bytes.append(open)
        let outer = (indent: indent, count: count)
        indent = indent.map { $0 + 2 }
        count = 0
        depth += 1
        body(&self)
        depth -= 1
        let written = count
        (indent, count) = outer
        if written > 0, let indent { newline(indent) }
        bytes.append(close)
    }

    /// Before a value: nothing after a key or at the top; in an array, the separator.
    private mutating func beginValue() {
        if afterKey { afterKey = false } else if depth > 0 { separate() }
    }

    /// Before an element of the container being written: a comma after the first, then its line.
    private mutating func separate() {
        if count > 0 { bytes.append(UInt8(ascii: ",")) }
        count += 1
        if let indent { newline(indent) }
    }

    private mutating func newline(_ column: Int) {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<column { bytes.append(UInt8(ascii: " ")) }
    }
}
