/// The identifier rules of spec §2.
public enum Identifier {
    /// Application, member, field and item ids: `^[a-z0-9][a-z0-9._-]{0,63}$`.
    public static func isValid(_ s: String) -> Bool {
        check(s, max: 64) { c in ("a"..."z").contains(c) || ("0"..."9").contains(c) }
    }

    /// Indicator ids: `^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$`.
    public static func isValidIndicator(_ s: String) -> Bool {
        check(s, max: 32) { c in ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) }
    }

    private static func check(_ s: String, max: Int, first: (Unicode.Scalar) -> Bool) -> Bool {
        let scalars = Array(s.unicodeScalars)
        guard let head = scalars.first, scalars.count <= max, first(head) else { return false }
        return scalars.dropFirst().allSatisfy { c in first(c) || c == "." || c == "_" || c == "-" }
    }
}
