/// An exact share with four decimals (ten-thousandths), as in band and level shares and phase weights.
public struct Share: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Units per whole: a share of 1 is 10,000 ten-thousandths.
    public static let scale: Int64 = 10_000
    /// The value in ten-thousandths.
    public var tenThousandths: Int64

    public init(tenThousandths: Int64) { self.tenThousandths = tenThousandths }
    /// Parses a decimal with at most four digits after the point.
    public init?(_ text: String) {
        guard let v = FixedDecimal.parse(text, scale: 4) else { return nil }
        tenThousandths = v
    }

    public static let zero = Share(tenThousandths: 0)
    public static let one = Share(tenThousandths: scale)

    /// Four-decimal text with trailing zeros removed (`"0.6667"`, `"1"`).
    public var description: String {
        var s = FixedDecimal.format(tenThousandths, scale: 4)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    public static func < (a: Share, b: Share) -> Bool { a.tenThousandths < b.tenThousandths }
}
