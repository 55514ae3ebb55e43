import Foundation

/// Whether a member's value is far from the applicant's: more than ten times apart either way (a
/// unit or a typing slip, such as 6,300 for 6.3 thousand). The workstation asks once before saving
/// such a value; `score` and `sheet import` refuse it unless told it is meant (`--accept-far`).
public enum ValueCheck {
    public static func isFar(_ value: Decimal, from submitted: Decimal) -> Bool {
        let a = value.magnitude, b = submitted.magnitude
        if a == 0 || b == 0 { return a != b && max(a, b) >= 1 }
        return a > b * 10 || b > a * 10
    }
}
