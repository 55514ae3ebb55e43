import CityCertCore

/// The text of an open field (a note, a question, a value, a search) and its cursor.
///
/// The text is kept as an array of characters, so that typing, deleting and pasting at the cursor
/// cost the length of what changes and of the text after the cursor, never a copy of the text per
/// character (pasting 2,320 characters took minutes when the screen re-measured the text before
/// the cursor once per column it scrolled, for every character). A multi-line field keeps line
/// breaks (Alt-Enter, Ctrl-J, a paste); a one-line field turns a pasted line break into a space.
/// Lines are wrapped for display by ``layout(width:)``, by display width (Hangul is two columns).
public struct TextField: Sendable, Equatable {
    public private(set) var characters: [Character]
    /// The cursor, in characters (0…count).
    public var cursor: Int
    /// Whether Alt-Enter / Ctrl-J and pasted line breaks make new lines.
    public let multiline: Bool

    public init(_ text: String = "", multiline: Bool = false) {
        self.multiline = multiline
        var chars = Array(text)
        if !multiline { chars = chars.map { $0.isNewline ? " " : $0 } }
        characters = chars
        cursor = chars.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// Inserts text at the cursor (a paste: one insertion, whatever its length).
    public mutating func insert(_ text: String) {
        var new = Array(text)
        if !multiline { new = new.map { $0.isNewline ? " " : $0 } }
        guard !new.isEmpty else { return }
        cursor = min(max(0, cursor), characters.count)
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
    }

    /// Applies an editing key; `width` is the columns the field is wrapped at (for ↑ ↓ Home End).
    /// Returns false when the key is not an editing key.
    @discardableResult
    public mutating func apply(_ key: Key, width: Int) -> Bool {
        cursor = min(max(0, cursor), characters.count)
        switch key {
        case .char(let c):
            characters.insert(c, at: cursor)
            cursor += 1
        case .lineBreak:
            guard multiline else { return false }
            characters.insert("\n", at: cursor)
            cursor += 1
        case .backspace:
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(characters.count, cursor + 1)
        case .up, .ctrl("p"), .down, .ctrl("n"):
            let lines = layout(width: width)
            let (line, column) = position(in: lines)
            let target = key == .up || key == .ctrl("p") ? line - 1 : line + 1
            if lines.indices.contains(target) { cursor = index(in: lines[target], atColumn: column, last: target == lines.count - 1) }
            else { cursor = target < 0 ? 0 : characters.count }
        case .home, .ctrl("a"):
            let lines = layout(width: width)
            cursor = lines[position(in: lines).line].lowerBound
        case .end, .ctrl("e"):
            let lines = layout(width: width)
            let line = position(in: lines).line
            cursor = lineEnd(lines[line], last: line == lines.count - 1)
        case .ctrl("u"):
            let start = logicalLineStart(cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .ctrl("k"):
            let end = characters[cursor...].firstIndex(of: "\n") ?? characters.count
            characters.removeSubrange(cursor..<end)
        default:
            return false
        }
        return true
    }

    private func logicalLineStart(_ i: Int) -> Int {
        var j = i
        while j > 0, characters[j - 1] != "\n" { j -= 1 }
        return j
    }

    /// The visual lines at `width` columns, as ranges of characters (a line break belongs to no line).
    /// Breaks after a space where the line has one, else between characters (Korean without spaces).
    public func layout(width: Int) -> [Range<Int>] {
        let width = max(2, width)
        var lines: [Range<Int>] = []
        var start = 0, lineWidth = 0, afterSpace = -1
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == "\n" {
                lines.append(start..<i)
                start = i + 1; lineWidth = 0; afterSpace = -1
                i += 1
                continue
            }
            let w = DisplayWidth.of(c)
            if lineWidth + w > width, i > start {
                let breakAt = afterSpace > start ? afterSpace : i
                lines.append(start..<breakAt)
                start = breakAt; afterSpace = -1
                lineWidth = characters[breakAt..<i].reduce(0) { $0 + DisplayWidth.of($1) }
            }
            lineWidth += w
            if c == " " { afterSpace = i + 1 }
            i += 1
        }
        lines.append(start..<characters.count)
        return lines
    }

    /// The visual line and display column of the cursor.
    public func position(in lines: [Range<Int>]) -> (line: Int, column: Int) {
        // The last line starting at or before the cursor (a soft wrap puts the cursor on the next line).
        var lo = 0, hi = lines.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lines[mid].lowerBound <= cursor { lo = mid } else { hi = mid - 1 }
        }
        let line = lines[lo]
        let column = characters[line.lowerBound..<min(max(line.lowerBound, cursor), line.upperBound)].reduce(0) { $0 + DisplayWidth.of($1) }
        return (lo, column)
    }

    /// The character index in a line closest to a display column, not past its end.
    private func index(in line: Range<Int>, atColumn column: Int, last: Bool) -> Int {
        var x = 0
        for i in line {
            let w = DisplayWidth.of(characters[i])
            if x + w > column { return i }
            x += w
        }
        return lineEnd(line, last: last)
    }

    /// Where End puts the cursor: after the line, or on its last character when the next line
    /// continues it (a soft wrap: after it would be the next line's start).
    private func lineEnd(_ line: Range<Int>, last: Bool) -> Int {
        if last || line.upperBound >= characters.count || characters[line.upperBound] == "\n" { return line.upperBound }
        return max(line.lowerBound, line.upperBound - 1)
    }
}
