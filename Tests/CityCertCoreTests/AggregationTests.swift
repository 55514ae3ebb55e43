import CityCertCore
import Testing

@Suite struct AggregationTests {
    let p: (String) -> Points = { Points($0)! }

    @Test func trimmedMeanDropsExtremesFromFiveSheets() {
        let values = ["40", "32", "32", "24", "8"].map(p)
        // drop 40 and 8: (32 + 32 + 24) / 3 = 29.333… → 29.33
        #expect(Aggregation.aggregate(values, method: .trimmedMean, trimMinMembers: 5).description == "29.33")
        #expect(Aggregation.aggregate(values, method: .mean, trimMinMembers: 5).description == "27.20")
    }

    @Test func trimmedMeanIsPlainMeanUnderTheMinimum() {
        let values = ["40", "32", "24", "8"].map(p)
        #expect(Aggregation.aggregate(values, method: .trimmedMean, trimMinMembers: 5).description == "26.00")
    }

    @Test func medianOfEvenCountIsMeanOfMiddleTwo() {
        let values = ["40", "8", "26.67", "32"].map(p)
        // middle two of 8, 26.67, 32, 40: (26.67 + 32) / 2 = 29.335 → 29.34
        #expect(Aggregation.aggregate(values, method: .median, trimMinMembers: 5).description == "29.34")
        #expect(Aggregation.aggregate(["5", "1", "3"].map(p), method: .median, trimMinMembers: 5).description == "3.00")
    }

    @Test func weightedCombination() {
        let w = Share("0.7")!, s = Share("0.3")!
        // 0.7 × 26.67 + 0.3 × 40 = 18.669 + 12 = 30.669 → 30.67
        #expect(Aggregation.combine(written: p("26.67"), site: p("40"), by: .weighted(written: w, site: s)).description == "30.67")
        #expect(Aggregation.combine(written: p("26.67"), site: nil, by: .weighted(written: w, site: s)).description == "26.67")
        #expect(Aggregation.combine(written: nil, site: p("12"), by: .weighted(written: w, site: s)).description == "12.00")
        #expect(Aggregation.combine(written: nil, site: nil, by: .weighted(written: w, site: s)) == .zero)
    }

    @Test func siteRevises() {
        #expect(Aggregation.combine(written: p("20"), site: p("30"), by: .siteRevises) == p("30"))
        #expect(Aggregation.combine(written: p("20"), site: nil, by: .siteRevises) == p("20"))
    }

    @Test func exactlySeventyPercentIsGradeThree() {
        let grades = [90, 80, 70, 60, 0].enumerated().map { GradeBand(grade: $0.offset + 1, minPercent: Points($0.element)) }
        #expect(Aggregation.grade(total: p("1400.00"), max: p("2000.00"), grades: grades) == 3)
        #expect(Aggregation.grade(total: p("1399.99"), max: p("2000.00"), grades: grades) == 4)
        #expect(Aggregation.grade(total: p("1800.00"), max: p("2000.00"), grades: grades) == 1, "exactly 90% is grade 1")
        #expect(Aggregation.grade(total: p("1799.99"), max: p("2000.00"), grades: grades) == 2)
        #expect(Aggregation.grade(total: p("0"), max: p("2000.00"), grades: grades) == 5)
        // 69.995% displays as 70.00 but is not 70%: exact comparison
        #expect(Aggregation.grade(total: p("699.95"), max: p("1000.00"), grades: grades) == 4)
        #expect(p("699.95").percent(of: p("1000")).description == "70.00")
    }

    @Test func flagIsStrictlyAboveTheShare() {
        // 0.25 × 40 = 10: a spread of 10 is not flagged, 10.01 is
        #expect(!Aggregation.isFlagged(spread: p("10"), points: p("40"), share: Share("0.25")!))
        #expect(Aggregation.isFlagged(spread: p("10.01"), points: p("40"), share: Share("0.25")!))
        #expect(Aggregation.spread([p("3")]) == .zero)
        #expect(Aggregation.spread([p("3"), p("9"), p("5")]) == p("6"))
    }
}
