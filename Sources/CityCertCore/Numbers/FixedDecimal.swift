import Foundation

/// Parsing, formatting and rounding of fixed-point decimals held as scaled integers.
///
/// Every figure of spec §3 is a decimal with a small number of places, so it is held as an
/// integer count of 10^-scale units; sums are exact and every division rounds half up
/// (towards +∞ at exactly one half) with ``FixedDecimal/divideRoundingHalfUp(_:by:)``.
public enum FixedDecimal {
    /// Parses `"-12.5"`, `"3"`, `"0.6667"` into units of 10^-scale; nil when malformed or with
    /// more than `scale` digits after the point (trailing zeros beyond the scale are accepted).
    public static func parse(_ text: String, scale: Int) -> Int64? {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() } else if s.first == "+" { s = s.dropFirst() }
        guard !s.isEmpty else { return nil }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        var frac = parts.count > 1 ? parts[1] : ""
        guard !(whole.isEmpty && frac.isEmpty) else { return nil }
        guard whole.allSatisfy(\.isASCIIDigit), frac.allSatisfy(\.isASCIIDigit) else { return nil }
        while frac.count > scale, frac.last == "0" { frac = frac.dropLast() }
        guard frac.count <= scale, whole.count <= 15 else { return nil }
        // Checked arithmetic: a hostile file may hold more digits than an Int64 takes.
        var value: Int64 = 0
        func push(_ digit: Int64) -> Bool {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(digit)
            value = a
            return !o1 && !o2
        }
        for c in whole { guard push(Int64(c.asciiValue! - 48)) else { return nil } }
        var fracDigits = 0
        for c in frac { guard push(Int64(c.asciiValue! - 48)) else { return nil }; fracDigits += 1 }
        while fracDigits < scale { guard push(0) else { return nil }; fracDigits += 1 }
        return negative ? -value : value
    }

    /// Formats units of 10^-scale with exactly `scale` digits after the point.
    public static func format(_ units: Int64, scale: Int) -> String {
        var out: [UInt8] = []
        append(units, scale: scale, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends ``format(_:scale:)``'s text as UTF-8, without making a string (a report writes
    /// thousands of figures).
    public static func append(_ units: Int64, scale: Int, to out: inout [UInt8]) {
        precondition((0...20).contains(scale), "scale out of range")
        var m = units.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { digits in
            // Written backwards: the fraction's digits, the point, the whole part's, the sign.
            var n = 0
            for _ in 0..<scale { digits[n] = UInt8(ascii: "0") + UInt8(m % 10); m /= 10; n += 1 }
            if scale > 0 { digits[n] = UInt8(ascii: "."); n += 1 }
            repeat { digits[n] = UInt8(ascii: "0") + UInt8(m % 10); m /= 10; n += 1 } while m > 0
            if units < 0 { digits[n] = UInt8(ascii: "-"); n += 1 }
            out.reserveCapacity(out.count + n)
            for k in stride(from: n - 1, through: 0, by: -1) { out.append(digits[k]) }
        }
    }

    /// `numerator / denominator` rounded half up (a half goes towards +∞); the denominator must be positive.
    public static func divideRoundingHalfUp(_ numerator: Int64, by denominator: Int64) -> Int64 {
        precondition(denominator > 0, "division by a non-positive denominator")
        let twice = 2 * numerator + denominator
        let d = 2 * denominator
        // floor division
        let q = twice / d
        return (twice % d != 0 && (twice < 0)) ? q - 1 : q
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
