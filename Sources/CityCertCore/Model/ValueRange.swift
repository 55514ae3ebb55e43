import Foundation

/// The values that make sense for a quantitative indicator (spec §2, standards `range`): inclusive
/// bounds, either of which may be absent.
///
/// A member's entry outside the range is refused, a tool-written sheet entry outside it makes the
/// sheet an error, and an applicant's submitted value outside it is a `validate` warning.
public struct ValueRange: Sendable, Hashable {
    public var min: Decimal?
    public var max: Decimal?

    public init(min: Decimal?, max: Decimal?) { self.min = min; self.max = max }

    /// Whether a value lies within the bounds (inclusive).
    public func contains(_ value: Decimal) -> Bool {
        if let min, value < min { return false }
        if let max, value > max { return false }
        return true
    }

    /// The range as people write it: `0–100`, `≥ 0`, `≤ 100`.
    public var description: String {
        switch (min, max) {
        case let (lo?, hi?): return "\(lo.plainText)–\(hi.plainText)"
        case let (lo?, nil): return "≥ \(lo.plainText)"
        case let (nil, hi?): return "≤ \(hi.plainText)"
        case (nil, nil): return "any value"
        }
    }
}

extension Decimal {
    /// The number as plain text in the POSIX locale (`12.5`, `-3`), never in exponent form.
    public var plainText: String { NSDecimalNumber(decimal: self).description(withLocale: Locale(identifier: "en_US_POSIX")) }
}
