/// An exact number of points with two decimals (hundredths), the unit of every score in spec §3.
///
/// Points add exactly; products with a ``Share`` and means round half up to two decimals
/// (`round2` of the spec). Formatting always prints exactly two decimals (`"34.67"`).
public struct Points: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The value in hundredths of a point.
    public var hundredths: Int64

    public init(hundredths: Int64) { self.hundredths = hundredths }
    /// Whole points.
    public init(_ whole: Int) { self.hundredths = Int64(whole) * 100 }
    /// Parses a decimal with at most two digits after the point.
    public init?(_ text: String) {
        guard let v = FixedDecimal.parse(text, scale: 2) else { return nil }
        hundredths = v
    }

    public static let zero = Points(hundredths: 0)

    /// Two-decimal text, e.g. `"1423.50"`.
    public var description: String { FixedDecimal.format(hundredths, scale: 2) }

    public static func < (a: Points, b: Points) -> Bool { a.hundredths < b.hundredths }
    public static func + (a: Points, b: Points) -> Points { Points(hundredths: a.hundredths + b.hundredths) }
    public static func - (a: Points, b: Points) -> Points { Points(hundredths: a.hundredths - b.hundredths) }
    public static func += (a: inout Points, b: Points) { a.hundredths += b.hundredths }

    /// `round2(self × share)`.
    public func times(_ share: Share) -> Points {
        Points(hundredths: FixedDecimal.divideRoundingHalfUp(hundredths * share.tenThousandths, by: Share.scale))
    }

    /// `round2(mean of values)`; zero for no values.
    public static func mean<C: Collection>(_ values: C) -> Points where C.Element == Points {
        guard !values.isEmpty else { return .zero }
        let sum = values.reduce(Int64(0)) { $0 + $1.hundredths }
        return Points(hundredths: FixedDecimal.divideRoundingHalfUp(sum, by: Int64(values.count)))
    }

    /// `round2(100 × self / max)`: a percentage with two decimals, zero when max is zero.
    public func percent(of max: Points) -> Points {
        guard max.hundredths > 0 else { return .zero }
        return Points(hundredths: FixedDecimal.divideRoundingHalfUp(hundredths * 10_000, by: max.hundredths))
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let p = Points(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a two-decimal number: \(text)"))
        }
        self = p
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
