import CityCertCore
import Testing

@Suite struct PointsTests {
    @Test func parsesAndFormatsTwoDecimals() {
        #expect(Points("12.5")?.description == "12.50")
        #expect(Points("0")?.description == "0.00")
        #expect(Points("1423.50")?.hundredths == 142_350)
        #expect(Points("1.234") == nil, "three decimals are not points")
        #expect(Points("1.230")?.description == "1.23", "a trailing zero beyond two decimals is harmless")
        #expect(Points("abc") == nil)
        #expect(Points("-3.1")?.description == "-3.10")
    }

    @Test func shareNeedsRounding() {
        // 40 × 0.6667 = 26.668 → 26.67
        #expect(Points(40).times(Share("0.6667")!).description == "26.67")
        // 50 × 0.3333 = 16.665 → half up → 16.67
        #expect(Points(50).times(Share("0.3333")!).description == "16.67")
        #expect(Share("0.12345") == nil, "five decimals are not a share")
    }

    @Test func meanRoundsHalfUp() {
        // (10 + 10 + 10.01) / 3 = 10.00333… → 10.00
        #expect(Points.mean([Points("10")!, Points("10")!, Points("10.01")!]).description == "10.00")
        // (0.01 + 0.02) / 2 = 0.015 → 0.02 (half up)
        #expect(Points.mean([Points("0.01")!, Points("0.02")!]).description == "0.02")
        // (10 + 20 + 20) / 3 = 16.666… → 16.67
        #expect(Points.mean([Points(10), Points(20), Points(20)]).description == "16.67")
    }

    @Test func percentOfMax() {
        #expect(Points("1423.50")!.percent(of: Points(2000)).description == "71.18")  // 71.175 → 71.18
        #expect(Points(0).percent(of: Points(0)) == .zero)
    }
}
