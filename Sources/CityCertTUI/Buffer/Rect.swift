/// A rectangle of cells: origin (x, y) at the top left, size in columns and rows.
///
/// Layout helpers never produce negative sizes: insetting or splitting more than is available
/// yields empty rectangles, which drawing simply ignores.
public struct Rect: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The rectangle at the origin covering a whole buffer or screen of the given size.
    public init(width: Int, height: Int) {
        self.init(x: 0, y: 0, width: width, height: height)
    }

    /// The column just right of the rectangle.
    public var maxX: Int { x + width }
    /// The row just below the rectangle.
    public var maxY: Int { y + height }
    /// Whether the rectangle covers no cell.
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// Whether the cell (x, y) lies inside the rectangle.
    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// The overlap of two rectangles (empty, at the clamped origin, when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The rectangle shrunk by `n` cells on every side (the inside of a box when `n` is 1).
    public func inset(_ n: Int) -> Rect {
        inset(horizontal: n, vertical: n)
    }

    /// The rectangle shrunk by `horizontal` columns left and right and `vertical` rows top and bottom.
    public func inset(horizontal: Int, vertical: Int) -> Rect {
        let w = max(0, width - 2 * horizontal)
        let h = max(0, height - 2 * vertical)
        return Rect(x: x + min(horizontal, width / 2), y: y + min(vertical, height / 2), width: w, height: h)
    }

    /// Splits the rectangle into rows, top to bottom.
    ///
    /// A number is a fixed height (cut when the space runs out); `nil` shares what is left after
    /// the fixed rows equally among the `nil` entries (earlier ones get the remainder).
    /// `rows([1, nil, 1])` is a title line, a body and a status line.
    public func rows(_ heights: [Int?]) -> [Rect] {
        Rect.split(total: height, sizes: heights).map { offset, size in
            Rect(x: x, y: y + offset, width: width, height: size)
        }
    }

    /// Splits the rectangle into columns, left to right, with the same rules as `rows`.
    public func columns(_ widths: [Int?]) -> [Rect] {
        Rect.split(total: width, sizes: widths).map { offset, size in
            Rect(x: x + offset, y: y, width: size, height: height)
        }
    }

    /// Offsets and lengths for `rows` and `columns`.
    private static func split(total: Int, sizes: [Int?]) -> [(offset: Int, size: Int)] {
        let fixed = sizes.reduce(0) { $0 + max(0, $1 ?? 0) }
        let flexibleCount = sizes.filter { $0 == nil }.count
        let rest = max(0, total - fixed)
        var result: [(offset: Int, size: Int)] = []
        var offset = 0
        var flexibleIndex = 0
        for size in sizes {
            var length: Int
            if let size {
                length = max(0, size)
            } else {
                length = rest / flexibleCount + (flexibleIndex < rest % flexibleCount ? 1 : 0)
                flexibleIndex += 1
            }
            length = min(length, max(0, total - offset))
            result.append((offset, length))
            offset += length
        }
        return result
    }
}
