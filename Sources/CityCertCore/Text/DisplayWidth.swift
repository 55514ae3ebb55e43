/// Terminal display width of text, in columns, computed in pure Swift.
///
/// The rule follows what glibc's `wcwidth` does in a UTF-8 locale, so that the cell buffer and the
/// terminal agree about where every character lands, without depending on the machine's locale:
///
/// - East Asian Wide and Fullwidth characters take 2 columns: Hangul syllables, leading jamo and
///   compatibility jamo, CJK ideographs and punctuation, kana, fullwidth forms, emoji with emoji
///   presentation.
/// - Zero columns: combining and enclosing marks (Mn, Me), format characters (Cf: ZWJ, ZWSP, …)
///   except the few that `wcwidth` prints (soft hyphen, prepended concatenation marks), control
///   characters, line and paragraph separators, and the Hangul medial vowels and final consonants
///   (U+1160–U+11FF, U+D7B0–U+D7FF), which join a leading consonant.
/// - Everything else takes 1 column, including box drawing, `…`, `·` and `█`.
///
/// A grapheme cluster (`Character`) takes the width of its widest scalar, so "é" written as
/// e + U+0301 is 1 and a conjoining jamo sequence (ᄒ+ᅡ+ᆫ) is 2.
public enum DisplayWidth {
    /// The width of a string in columns: the sum of the widths of its characters.
    public static func of(_ s: String) -> Int {
        var total = 0
        for c in s { total += of(c) }
        return total
    }

    /// The width of one grapheme cluster in columns: 0, 1 or 2.
    public static func of(_ c: Character) -> Int {
        var widest = 0
        for scalar in c.unicodeScalars {
            let w = of(scalar: scalar)
            if w > widest { widest = w }
            if widest == 2 { break }
        }
        return widest
    }

    /// The width of one Unicode scalar in columns: 0, 1 or 2.
    public static func of(scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if v >= 0xAC00 && v <= 0xD7A3 { return 2 }
        if (v >= 0x1160 && v <= 0x11FF) || (v >= 0xD7B0 && v <= 0xD7FF) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .control, .lineSeparator, .paragraphSeparator:
            return 0
        case .format:
            return printedFormatCharacters.contains(v) ? 1 : 0
        default:
            return isWide(v) ? 2 : 1
        }
    }

    /// Cuts `s` so that it fits in `width` columns, ending with `ellipsis` when something was cut.
    ///
    /// The result is never wider than `width`. A wide character is never split: when only one
    /// column is left for it, a space takes its place (after the ellipsis), so the result is
    /// exactly `width` columns whenever the text was cut. When even the ellipsis does not fit,
    /// the text is cut without one.
    public static func truncate(_ s: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return s }
        let ellipsisWidth = of(ellipsis)
        let mark = ellipsisWidth <= width ? ellipsis : ""
        let budget = width - (ellipsisWidth <= width ? ellipsisWidth : 0)
        var result = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > budget { break }
            result.append(c)
            used += w
        }
        result += mark
        used += of(mark)
        if used < width { result += String(repeating: " ", count: width - used) }
        return result
    }

    /// Truncates `s` when it is too wide, then pads it with spaces to exactly `width` columns.
    public static func pad(_ s: String, to width: Int, alignRight: Bool = false) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(s, to: width)
        let fill = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? fill + cut : cut + fill
    }

    // MARK: - Tables

    /// Format characters (Cf) that `wcwidth` gives one column: the soft hyphen and the
    /// prepended concatenation marks.
    private static let printedFormatCharacters: Set<UInt32> = [
        0x00AD, 0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06DD, 0x070F,
        0x0890, 0x0891, 0x08E2, 0x110BD, 0x110CD,
    ]

    /// Whether a scalar is East Asian Wide or Fullwidth (binary search in `wideRanges`).
    private static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if v < range.lower {
                high = mid - 1
            } else if v > range.upper {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, from Unicode's EastAsianWidth.txt (checked
    /// against glibc 2.36 `wcwidth`), with unassigned gaps inside wide blocks merged in.
    private static let wideRanges: [(lower: UInt32, upper: UInt32)] = [
        (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC),
        (0x23F0, 0x23F0), (0x23F3, 0x23F3), (0x25FD, 0x25FE), (0x2614, 0x2615),
        (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693), (0x26A1, 0x26A1),
        (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE),
        (0x26D4, 0x26D4), (0x26EA, 0x26EA), (0x26F2, 0x26F3), (0x26F5, 0x26F5),
        (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B),
        (0x2728, 0x2728), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755),
        (0x2757, 0x2757), (0x2795, 0x2797), (0x27B0, 0x27B0), (0x27BF, 0x27BF),
        (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x2E80, 0x303E),
        (0x3041, 0xA4C6), (0xA960, 0xA97C), (0xAC00, 0xD7A3), (0xF900, 0xFAFF),
        (0xFE10, 0xFE19), (0xFE30, 0xFE6B), (0xFF01, 0xFF60), (0xFFE0, 0xFFE6),
        (0x16FE0, 0x18D08), (0x1AFF0, 0x1B2FB), (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF),
        (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F200, 0x1F265), (0x1F300, 0x1F320),
        (0x1F32D, 0x1F335), (0x1F337, 0x1F37C), (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA),
        (0x1F3CF, 0x1F3D3), (0x1F3E0, 0x1F3F0), (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E),
        (0x1F440, 0x1F440), (0x1F442, 0x1F4FC), (0x1F4FF, 0x1F53D), (0x1F54B, 0x1F54E),
        (0x1F550, 0x1F567), (0x1F57A, 0x1F57A), (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A4),
        (0x1F5FB, 0x1F64F), (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2),
        (0x1F6D5, 0x1F6DF), (0x1F6EB, 0x1F6EC), (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7F0),
        (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF), (0x1FA70, 0x1FAFF),
        (0x20000, 0x3FFFD),
    ]
}
