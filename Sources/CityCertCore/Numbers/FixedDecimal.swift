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
        let negative = units < 0
        let magnitude = units.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<scale { divisor *= 10 }
        let whole = magnitude / divisor
        var text = String(whole)
        if scale > 0 {
            let frac = String(magnitude % divisor)
            text += "." + String(repeating: "0", count: scale - frac.count) + frac
        }
        return negative ? "-" + text : text
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
