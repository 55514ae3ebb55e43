import CityCertCore

/// A screenful of cells that screens render into and the terminal backend draws by diff.
///
/// The buffer keeps one invariant: a wide character occupies its cell and a continuation cell to
/// its right, and there is never an orphan half. Every write goes through one place that blanks
/// the other half of a wide character it overwrites. Writes outside the buffer are clipped;
/// a zero-size buffer is valid.
public struct Buffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    private var cells: [Cell]

    /// A blank buffer of the given size (negative sizes count as 0).
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle.
    public var area: Rect { Rect(width: width, height: height) }

    /// The cell at (x, y): a blank cell outside the buffer on read, ignored outside on write.
    ///
    /// Setting a cell keeps wide characters whole: a wide symbol also claims the next cell (or
    /// becomes a space in the last column), and a continuation (`""`) is stored as a space.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, x < width, y >= 0, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            let symbol = newValue.symbol.isEmpty ? " " : newValue.symbol
            let w = newValue.symbol.isEmpty ? 1 : max(1, DisplayWidth.of(symbol))
            write(symbol, width: w, style: newValue.style, x: x, y: y)
        }
    }

    /// Writes text at (x, y), clipped to `maxWidth` columns (default: to the right edge), and
    /// returns the columns used.
    ///
    /// Wide characters take two cells; one that would not fit fully is replaced by a space.
    /// Zero-width characters that are not part of a grapheme (controls, a lone combining mark)
    /// are skipped.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var column = x
        for character in text {
            guard column < limit else { break }
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column + w > limit {
                write(" ", width: 1, style: style, x: column, y: y)
                column += 1
                break
            }
            if column >= 0 {
                write(String(character), width: w, style: style, x: column, y: y)
            } else if column + w > 0 {
                // A wide character straddling the left edge: only its right half is visible.
                write(" ", width: 1, style: style, x: 0, y: y)
            }
            column += w
        }
        return max(0, column - x)
    }

    /// Fills a rectangle (clipped to the buffer) with a symbol in a style.
    public mutating func fill(_ rect: Rect, style: Style, symbol: String = " ") {
        let area = rect.intersection(self.area)
        guard !area.isEmpty else { return }
        let glyph = symbol.isEmpty ? " " : symbol
        let w = max(1, DisplayWidth.of(glyph))
        for row in area.y..<area.maxY {
            var column = area.x
            while column < area.maxX {
                if column + w <= area.maxX {
                    write(glyph, width: w, style: style, x: column, y: row)
                } else {
                    write(" ", width: 1, style: style, x: column, y: row)
                }
                column += w
            }
        }
    }

    /// Draws a Unicode box (`┌─┐│└┘`) along the edge of a rectangle, with an optional title in
    /// the top border, clipped to the border. Boxes smaller than 2×2 are not drawn.
    public mutating func box(_ rect: Rect, title: String? = nil, style: Style = .plain) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        hline(x: rect.x + 1, y: rect.y, width: rect.width - 2, style: style)
        hline(x: rect.x + 1, y: bottom, width: rect.width - 2, style: style)
        for row in (rect.y + 1)..<bottom {
            write("│", width: 1, style: style, x: rect.x, y: row)
            write("│", width: 1, style: style, x: right, y: row)
        }
        write("┌", width: 1, style: style, x: rect.x, y: rect.y)
        write("┐", width: 1, style: style, x: right, y: rect.y)
        write("└", width: 1, style: style, x: rect.x, y: bottom)
        write("┘", width: 1, style: style, x: right, y: bottom)
        if let title, !title.isEmpty, rect.width > 2 {
            let room = rect.width - 2
            let label = DisplayWidth.truncate(" \(title) ", to: room)
            put(label, x: rect.x + 1, y: rect.y, style: style, maxWidth: room)
        }
    }

    /// Draws a horizontal line (`─`) of `width` columns.
    public mutating func hline(x: Int, y: Int, width: Int, style: Style = .plain) {
        guard width > 0, y >= 0, y < height else { return }
        for column in max(0, x)..<max(max(0, x), min(self.width, x + width)) {
            write("─", width: 1, style: style, x: column, y: y)
        }
    }

    /// The text of each row: continuations skipped, trailing spaces trimmed.
    public func lines() -> [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width {
                let cell = cells[row * width + column]
                if !cell.isContinuation { line += cell.symbol }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The cells that differ from `previous`, row by row, continuations skipped; every cell when
    /// the sizes differ.
    public func diff(from previous: Buffer) -> [(x: Int, y: Int, cell: Cell)] {
        let sameSize = previous.width == width && previous.height == height
        var changes: [(x: Int, y: Int, cell: Cell)] = []
        for index in cells.indices {
            let cell = cells[index]
            if cell.isContinuation { continue }
            if sameSize && previous.cells[index] == cell { continue }
            changes.append((x: index % width, y: index / width, cell: cell))
        }
        return changes
    }

    // MARK: - The one place that writes cells

    /// Writes a symbol of display width `w` (1 or 2) at (x, y), keeping wide characters whole.
    private mutating func write(_ symbol: String, width w: Int, style: Style, x: Int, y: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        if w >= 2 && x + 1 >= width {
            write(" ", width: 1, style: style, x: x, y: y)
            return
        }
        let index = y * width + x
        release(index, x: x)
        if w >= 2 {
            release(index + 1, x: x + 1)
            cells[index] = Cell(symbol: symbol, style: style)
            cells[index + 1] = Cell(symbol: "", style: style)
        } else {
            cells[index] = Cell(symbol: symbol, style: style)
        }
    }

    /// Blanks the other half of the wide character that covers cell `index` (column `x`), if any.
    private mutating func release(_ index: Int, x: Int) {
        if cells[index].isContinuation {
            if x > 0 { cells[index - 1].symbol = " " }
            cells[index].symbol = " "
        } else if x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1].symbol = " "
        }
    }
}
