import Foundation

/// A decimal number held exactly as an integer times a power of ten, so that comparing it costs a
/// few integer operations.
///
/// Foundation's `Decimal` normalizes both operands on every comparison (about 0.4 µs each, whatever
/// the numbers): with a comparison per band of every quantitative entry of every sheet, that was
/// the largest single cost of evaluating a round. Values and band thresholds are therefore also held
/// as `ExactDecimal` where they are read, and compared as such; a number with more significant
/// digits than an `Int64` holds has none, and is compared as a `Decimal`.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Without trailing zeros (zero is 0 × 10^0), so that equal numbers are equal values.
    public let significand: Int64
    public let exponent: Int

    /// `significand × 10^exponent`.
    public init(significand: Int64, exponent: Int) {
        var s = significand, e = exponent
        if s == 0 { e = 0 }
        while s != 0, s % 10 == 0 { s /= 10; e += 1 }
        self.significand = s
        self.exponent = e
    }

    /// Plain decimal text: an optional sign, digits, an optional point and digits (`-12.50`, `3`,
    /// `.5`, `7.`), with at most 18 significant digits; nil for anything else (exponents, spaces,
    /// words, more digits).
    public init?(plain text: some StringProtocol) {
        var s = String(text)
        guard let v = s.withUTF8({ ExactDecimal(utf8: $0) }) else { return nil }
        self = v
    }

    /// The same as ``init(plain:)``, from UTF-8 bytes.
    public init?(utf8 text: UnsafeBufferPointer<UInt8>) {
        var negative = false
        var significand: Int64 = 0
        var exponent = 0
        var zeros = 0           // zeros read but not yet multiplied in (they may be trailing)
        var sawDigit = false, afterPoint = false
        for (i, c) in text.enumerated() {
            switch c {
            case UInt8(ascii: "-") where i == 0: negative = true
            case UInt8(ascii: "+") where i == 0: break
            case UInt8(ascii: "."):
                guard !afterPoint else { return nil }
                afterPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                if afterPoint { exponent -= 1 }
                let digit = Int64(c - UInt8(ascii: "0"))
                if digit == 0 { zeros += 1; continue }
                if significand == 0 {
                    significand = digit
                } else {
                    guard zeros < Self.powers.count - 1 else { return nil }
                    let (m, o1) = significand.multipliedReportingOverflow(by: Self.powers[zeros + 1])
                    let (a, o2) = m.addingReportingOverflow(digit)
                    guard !o1, !o2, a < Self.limit else { return nil }
                    significand = a
                }
                zeros = 0
            default:
                return nil
            }
        }
        guard sawDigit else { return nil }
        self.init(significand: negative ? -significand : significand, exponent: significand == 0 ? 0 : exponent + zeros)
    }

    /// The same number as a Foundation `Decimal`, exactly.
    public init?(_ decimal: Decimal) {
        guard decimal.isFinite, !decimal.isNaN else { return nil }
        // `Decimal` offers no cheap access to its digits; its text is exact (and this is only for
        // values that were not read from text: typed, replayed or decoded by Foundation).
        self.init(plain: decimal.description)
    }

    /// The same number as a Foundation `Decimal` (as `Decimal(string:)` reads its text).
    public var decimal: Decimal {
        Decimal(sign: significand < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(significand.magnitude))
    }

    /// Whether |self| < 10^power.
    public func magnitudeIsBelow(powerOfTen power: Int) -> Bool {
        guard significand != 0 else { return true }
        var digits = 0
        var m = significand.magnitude
        while m > 0 { m /= 10; digits += 1 }
        // 10^(digits-1) ≤ |significand| < 10^digits, so |self| < 10^(digits + exponent) and no less
        // than 10^(digits - 1 + exponent).
        return digits + exponent <= power
    }

    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool {
        let sa = a.significand.signum(), sb = b.significand.signum()
        if sa != sb { return sa < sb }
        if sa == 0 { return false }
        if a.exponent == b.exponent { return a.significand < b.significand }
        // Same sign: compare the magnitudes, bringing the one with the larger exponent down to the
        // other's. If that overflows, its magnitude is the larger one.
        let (hi, lo) = a.exponent > b.exponent ? (a, b) : (b, a)
        let shift = hi.exponent - lo.exponent
        let hiIsLarger: Bool
        if shift >= Self.unsignedPowers.count {
            hiIsLarger = true
        } else {
            let (scaled, overflow) = hi.significand.magnitude.multipliedReportingOverflow(by: Self.unsignedPowers[shift])
            hiIsLarger = overflow || scaled > lo.significand.magnitude
            if !overflow, scaled == lo.significand.magnitude { return false }
        }
        let aIsLarger = (a.exponent > b.exponent) == hiIsLarger
        return sa > 0 ? !aIsLarger : aIsLarger
    }

    public var description: String {
        let digits = String(significand.magnitude)
        let sign = significand < 0 ? "-" : ""
        if exponent >= 0 { return sign + digits + String(repeating: "0", count: exponent) }
        let places = -exponent
        if digits.count > places { return sign + digits.dropLast(places) + "." + digits.suffix(places) }
        return sign + "0." + String(repeating: "0", count: places - digits.count) + digits
    }

    /// Significands stay below 10^18, so that any two of them can be brought to one exponent in the
    /// unsigned range when they are close enough to need it.
    private static let limit: Int64 = 1_000_000_000_000_000_000
    private static let powers: [Int64] = (0...18).map { (0..<$0).reduce(Int64(1)) { acc, _ in acc * 10 } }
    private static let unsignedPowers: [UInt64] = (0...19).map { (0..<$0).reduce(UInt64(1)) { acc, _ in acc * 10 } }
}
