import Testing
import CityCertCore

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnEach() {
        #expect(DisplayWidth.of("a") == 1)
        #expect(DisplayWidth.of("Suwon") == 5)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func hangulIsTwoColumns() {
        #expect(DisplayWidth.of("가") == 2)
        #expect(DisplayWidth.of("수원시") == 6)
        #expect(DisplayWidth.of("ㄱ") == 2)  // compatibility jamo
        #expect(DisplayWidth.of(Character("힣")) == 2)
    }

    @Test func conjoiningJamoSequenceIsOneWideCluster() {
        let han = "\u{1112}\u{1161}\u{11AB}"  // ᄒ + ᅡ + ᆫ
        #expect(han.count == 1)
        #expect(DisplayWidth.of(han) == 2)
    }

    @Test func mixedKoreanAndLatin() {
        #expect(DisplayWidth.of("수원시 Suwon") == 12)
    }

    @Test func combiningMarksAreZero() {
        #expect(DisplayWidth.of("\u{0301}") == 0)
        #expect(DisplayWidth.of("e\u{0301}") == 1)
        #expect(DisplayWidth.of("\u{200D}") == 0)  // zero-width joiner
        #expect(DisplayWidth.of("\u{FE0F}") == 0)  // variation selector
    }

    @Test func controlsAreZero() {
        #expect(DisplayWidth.of("\n") == 0)
        #expect(DisplayWidth.of("\t") == 0)
        #expect(DisplayWidth.of("\u{7F}") == 0)
    }

    @Test func emojiAndCJKAreTwo() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("中") == 2)
        #expect(DisplayWidth.of("あ") == 2)
        #expect(DisplayWidth.of("Ａ") == 2)  // fullwidth A
    }

    @Test func boxDrawingAndPunctuationAreOne() {
        for s in ["─", "│", "┌", "┘", "…", "·", "█", "é", "Ω"] {
            #expect(DisplayWidth.of(s) == 1, "\(s)")
        }
    }

    @Test func truncateKeepsShortText() {
        #expect(DisplayWidth.truncate("수원", to: 4) == "수원")
        #expect(DisplayWidth.truncate("abc", to: 10) == "abc")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
    }

    @Test func truncateAddsEllipsis() {
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
        #expect(DisplayWidth.truncate("수원시청", to: 7) == "수원시…")
    }

    @Test func truncateNeverSplitsAWideCharacter() {
        // Budget for text is 5 columns: "수원" (4) fits, "시" would straddle → space.
        let cut = DisplayWidth.truncate("수원시청", to: 6)
        #expect(cut == "수원… ")
        #expect(DisplayWidth.of(cut) == 6)
        for width in 0...10 {
            let t = DisplayWidth.truncate("가나다라마 Suwon", to: width)
            #expect(DisplayWidth.of(t) <= width)
        }
        #expect(DisplayWidth.truncate("가나", to: 1) == "…")
        #expect(DisplayWidth.truncate("가나", to: 1, ellipsis: "") == " ")
    }

    @Test func padMakesExactWidth() {
        #expect(DisplayWidth.pad("수원", to: 6) == "수원  ")
        #expect(DisplayWidth.pad("수원", to: 6, alignRight: true) == "  수원")
        #expect(DisplayWidth.pad("수원시청", to: 5) == "수원…")
        #expect(DisplayWidth.pad("abc", to: 0) == "")
        for width in 0...12 {
            #expect(DisplayWidth.of(DisplayWidth.pad("수원시 Suwon", to: width)) == width)
        }
    }
}
