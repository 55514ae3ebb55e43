import CityCertCore
import Foundation

/// The numbers a member may enter for a quantitative indicator: decimals written plainly, within a
/// range no real indicator needs to leave (|value| < 10^15), so no later arithmetic or formatting
/// meets an absurd magnitude.
public enum EntryValue {
    /// Values must stay strictly below this magnitude.
    public static let limit = Decimal(string: "1000000000000000")!

    /// Reads a value as a program stored it (a JSON number or string in `audit.log`, which another
    /// tool may write as `1e3`): `12.5`, `-3`, `1e3`; nil for anything else (words, `1.2.3`, NaN,
    /// out of range). What a member *types* is read by `EnteredNumber.parse` (Core) alone — the
    /// workstation, `score` and `sheet import` — which refuses exponents and reads a comma only as
    /// a thousands separator.
    public static func parse(_ text: String) -> Decimal? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.utf8.count <= 40 else { return nil }
        var sawDigit = false, sawPoint = false, sawExp = false
        var previous: Character = " "
        for (n, c) in t.enumerated() {
            switch c {
            case "0"..."9": sawDigit = true
            case "+", "-": guard n == 0 || previous == "e" || previous == "E" else { return nil }
            case ".": guard !sawPoint, !sawExp else { return nil }; sawPoint = true
            case "e", "E": guard sawDigit, !sawExp else { return nil }; sawExp = true
            default: return nil
            }
            previous = c
        }
        guard sawDigit, previous.isNumber || previous == "." else { return nil }
        guard let d = Decimal(string: t, locale: Locale(identifier: "en_US_POSIX")), isAcceptable(d) else { return nil }
        return d
    }

    /// Whether a decoded value is a number within the range.
    public static func isAcceptable(_ d: Decimal) -> Bool {
        !d.isNaN && d.isFinite && d.magnitude < limit
    }

    /// Whether an entry's value (if any) is within the range; fast when the value is held exactly.
    public static func isAcceptable(_ entry: Entry) -> Bool {
        if let exact = entry.exactValue { return isAcceptable(exact) }
        return entry.value.map(isAcceptable) ?? true
    }

    /// Whether an exact value is within the range.
    public static func isAcceptable(_ exact: ExactDecimal) -> Bool {
        exact.magnitudeIsBelow(powerOfTen: limitPowerOfTen)
    }

    /// `limit` is 10 to this power.
    static let limitPowerOfTen = 15

    /// The plain text of a value (`12.5`, `-3`), as the audit log and the sheet form write it.
    public static func format(_ d: Decimal) -> String {
        "\(d)"
    }
}
