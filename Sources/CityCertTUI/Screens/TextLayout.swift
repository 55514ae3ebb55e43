import CityCertCore

/// Laying out text by display width: wrapping, columns of a table row.
enum TextLayout {
    /// Wraps text into lines of at most `width` columns, breaking at spaces where it can
    /// (Korean text without spaces breaks between characters).
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let w = DisplayWidth.of(String(word))
                let sep = line.isEmpty ? 0 : 1
                if lineWidth + sep + w <= width {
                    if sep == 1 { line += " " }
                    line += word
                    lineWidth += sep + w
                    continue
                }
                if !line.isEmpty { lines.append(line); line = ""; lineWidth = 0 }
                for ch in word {
                    let cw = DisplayWidth.of(ch)
                    if lineWidth + cw > width { lines.append(line); line = ""; lineWidth = 0 }
                    line.append(ch)
                    lineWidth += cw
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// A column of a table row.
    struct Column {
        var text: String
        var width: Int
        var alignRight = false
        var style: Style? = nil
    }

    /// Draws columns left to right from x, one space apart; each is padded or cut to its width.
    static func row(_ buffer: inout Buffer, x: Int, y: Int, _ columns: [Column], style: Style, maxX: Int) {
        var cx = x
        for c in columns {
            guard cx < maxX else { break }
            let w = min(c.width, maxX - cx)
            buffer.put(DisplayWidth.pad(c.text, to: w, alignRight: c.alignRight), x: cx, y: y, style: c.style ?? style, maxWidth: w)
            cx += w + 1
        }
    }

    /// The text without its first `columns` display columns (a wide character cut in half becomes a space).
    static func dropColumns(_ text: String, _ columns: Int) -> String {
        guard columns > 0 else { return text }
        var skipped = 0
        var rest = Substring(text)
        while skipped < columns, let c = rest.first {
            skipped += DisplayWidth.of(c)
            rest = rest.dropFirst()
        }
        return (skipped > columns ? " " : "") + rest
    }

    /// Thousands separators: 1193000 → "1,193,000".
    static func grouped(_ n: Int) -> String {
        let s = String(n.magnitude)
        var out = ""
        for (i, c) in s.enumerated() {
            if i > 0, (s.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}
