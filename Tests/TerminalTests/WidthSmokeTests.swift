import Testing
import CityCertCore
import CNcursesShim
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The pure-Swift width rule agrees with libc `wcwidth` in a UTF-8 locale.
@Suite struct WidthSmokeTests {
    @Test func displayWidthMatchesWcwidth() throws {
        let utf8 = setlocale(LC_CTYPE, "C.UTF-8") != nil || setlocale(LC_CTYPE, "C.utf8") != nil
        try #require(utf8, "no C.UTF-8 locale on this machine")
        let samples: [Unicode.Scalar] = [
            "a", "Z", "0", " ", "~",                      // ASCII
            "가", "힣", "수", "원", "ㄱ", "ㅏ", "\u{1100}",   // Hangul syllables and jamo
            "中", "日", "本", "、", "。", "あ", "カ",           // CJK and kana
            "Ａ", "！",                                    // fullwidth forms
            "─", "│", "┌", "┐", "└", "┘", "├", "█", "…", "·", // box drawing and punctuation
            "é", "Ω", "Ж",                                // Latin, Greek, Cyrillic
            "\u{0301}", "\u{200D}", "\u{FE0F}",            // combining acute, ZWJ, variation selector
            "\u{1161}", "\u{11AB}",                        // conjoining vowel and final consonant
            "😀", "👍",                                     // emoji
        ]
        for scalar in samples {
            let libc = Int(cc_wcwidth(Int32(bitPattern: scalar.value)))
            #expect(DisplayWidth.of(scalar: scalar) == libc, "U+\(String(scalar.value, radix: 16, uppercase: true))")
            #expect(DisplayWidth.of(Character(scalar)) == libc || libc < 0)
        }
    }
}
