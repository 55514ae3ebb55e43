/// Text made safe to print on a terminal: control characters (C0 but tab and line ends, DEL, C1,
/// and the bidirectional overrides) become `�`, so a note or an id read from a file can never
/// move the cursor, clear the screen or retitle the window of whoever prints it.
public enum TerminalSafe {
    /// `text` with every control character replaced by U+FFFD; newlines kept when `keepNewlines`.
    public static func clean(_ text: String, keepNewlines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0, keepNewlines: keepNewlines) }) else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            out.append(isControl(u, keepNewlines: keepNewlines) ? "\u{FFFD}" : u)
        }
        return String(out)
    }

    static func isControl(_ u: Unicode.Scalar, keepNewlines: Bool) -> Bool {
        switch u.value {
        case 0x0A, 0x0D: return !keepNewlines   // CR kept with newlines: CRLF line ends (CSV)
        case 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true   // bidirectional embeddings, overrides, isolates
        default: return false
        }
    }
}
