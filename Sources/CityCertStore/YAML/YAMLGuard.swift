/// Cheap checks on YAML text before it is parsed: size and nesting depth, which a recursive parser
/// would otherwise turn into a crash.
enum YAMLGuard {
    static let maxBytes = 8 * 1024 * 1024
    static let maxFlowDepth = 64
    static let maxIndent = 512

    /// Why the text is refused, or nil when it may be parsed.
    static func rejection(of text: String) -> String? {
        if text.utf8.count > maxBytes { return "the file is larger than \(maxBytes / 1024 / 1024) MiB" }
        var depth = 0
        var quote: UInt8? = nil
        var indent = 0
        var atLineStart = true
        for b in text.utf8 {
            if b == UInt8(ascii: "\n") { atLineStart = true; indent = 0; quote = nil; continue }
            if atLineStart {
                if b == UInt8(ascii: " ") {
                    indent += 1
                    if indent > maxIndent { return "the file is nested too deeply (indentation over \(maxIndent))" }
                    continue
                }
                atLineStart = false
            }
            if let q = quote { if b == q { quote = nil }; continue }
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = b
            case UInt8(ascii: "#"): quote = UInt8(ascii: "\n")   // rest of the line is a comment
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maxFlowDepth { return "the file is nested too deeply (over \(maxFlowDepth) brackets)" }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }
}
