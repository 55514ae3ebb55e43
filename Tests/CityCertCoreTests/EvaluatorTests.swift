import CityCertCore
import Foundation
import Testing
import TestSupport

@Suite struct EvaluatorTests {
    let evaluator = Evaluator(standards: Fixture.standards(), committee: Fixture.committee())

    @Test func trimmedMeanOverFiveSheetsAndPlainMeanUnder() {
        // L1 (60 points): levels 5,4,4,3,1 → 60,48,48,36,12 → trimmed (48+48+36)/3 = 44
        let five = zip(Fixture.members, [5, 4, 4, 3, 1]).map { Fixture.sheet($0, written: Fixture.levels($1, 5)) }
        let e = evaluator.evaluate(Fixture.app(type: .large), sheets: five)
        #expect(e.indicator("L1")?.written.aggregate?.description == "44.00")
        #expect(e.indicator("L1")?.score.description == "44.00", "only the written phase counts")
        #expect(e.indicator("L1")?.written.sheets == 5)
        // four sheets: plain mean (60+48+48+36)/4 = 48
        let four = Array(five.prefix(4))
        #expect(evaluator.evaluate(Fixture.app(type: .large), sheets: four).indicator("L1")?.score.description == "48.00")
    }

    @Test func notApplicableToSmallCities() {
        let sheets = ["m1", "m2"].map { Fixture.sheet($0, written: Fixture.levels(5)) }
        let e = evaluator.evaluate(Fixture.app(type: .small), sheets: sheets)
        #expect(e.indicators.map(\.id) == ["Q1", "L1"])
        #expect(e.max.description == "100.00")
        #expect(e.fields.map(\.id) == ["f1"], "a field with nothing applicable is left out")
        #expect(e.total.description == "100.00")
        #expect(e.grade == 1 && e.certified)
    }

    @Test func siteSheetFromOutsideTheSiteTeamIsIgnored() {
        let sheets = [
            Fixture.sheet("m1", written: Fixture.levels(3, 5), site: Fixture.levels(5, 5)),
            Fixture.sheet("m3", written: Fixture.levels(3, 5), site: Fixture.levels(1, 1)),  // m3 is not on the site team
        ]
        let e = evaluator.evaluate(Fixture.app(type: .large), sheets: sheets)
        let l1 = e.indicator("L1")!
        #expect(l1.site.sheets == 1)
        #expect(l1.site.aggregate?.description == "60.00")
        // 0.7 × 36 + 0.3 × 60 = 25.2 + 18 = 43.2
        #expect(l1.score.description == "43.20")
    }

    @Test func draftsConflictsAndSecretaryDoNotCount() {
        let committee = Fixture.committee(conflicts: [Conflict(member: "m2", application: "a", kind: .recusal)])
        let ev = Evaluator(standards: Fixture.standards(), committee: committee)
        let sheets = [
            Fixture.sheet("m1", written: Fixture.levels(5, 5)),
            Fixture.sheet("m2", written: Fixture.levels(1, 1)),                    // conflicted
            Fixture.sheet("m3", written: Fixture.levels(1, 1), status: .draft),    // draft
            Fixture.sheet("sec", written: Fixture.levels(1, 1)),                   // secretary
            Fixture.sheet("ghost", written: Fixture.levels(1, 1)),                 // unknown
        ]
        let e = ev.evaluate(Fixture.app(type: .large), sheets: sheets)
        #expect(e.indicator("L1")?.written.members.map(\.member) == ["m1"])
        #expect(e.total.description == "200.00")
        #expect(e.status == .provisional)
        #expect(!e.missingWritten.contains("m2") && e.missingWritten.contains("m3") && e.missingWritten.contains("chair"))
    }

    @Test func statusCompleteNeedsEveryEligibleWrittenAndEverySiteTeamSite() {
        let everyone = ["chair"] + Fixture.members
        var sheets = everyone.map { Fixture.sheet($0, written: Fixture.levels(4, 4)) }
        #expect(evaluator.evaluate(Fixture.app(type: .large), sheets: sheets).status == .provisional)
        #expect(evaluator.evaluate(Fixture.app(type: .large), sheets: sheets).missingSite == ["m1", "m2"])
        sheets[1] = Fixture.sheet("m1", written: Fixture.levels(4, 4), site: Fixture.levels(4, 4))
        sheets[2] = Fixture.sheet("m2", written: Fixture.levels(4, 4), site: Fixture.levels(4, 4))
        let e = evaluator.evaluate(Fixture.app(type: .large), sheets: sheets)
        #expect(e.status == .complete)
        let decision = Decision(application: "a", finalizedBy: "chair", finalizedAt: "2025-10-01T00:00:00Z",
                                total: e.total, max: e.max, grade: e.grade, certified: e.certified)
        #expect(evaluator.evaluate(Fixture.app(type: .large), sheets: sheets, decision: decision).status == .final)
    }

    @Test func quantitativeBandsAndAtMost() {
        let sheets = [Fixture.sheet("m1", written: Fixture.levels(5, 5, q1: 7))]
        // 7 meets "at least 5" → 0.6667 × 40 = 26.668 → 26.67
        #expect(evaluator.evaluate(Fixture.app(type: .large), sheets: sheets).indicator("Q1")?.score.description == "26.67")
        let lowerBetter = [Band(bound: .atMost(8), share: .one), Band(bound: .atMost(12), share: Share("0.5")!)]
        #expect(Band.share(of: 8, in: lowerBetter) == .one)
        #expect(Band.share(of: Decimal(string: "8.01")!, in: lowerBetter) == Share("0.5"))
        #expect(Band.share(of: 13, in: lowerBetter) == .zero, "no band met: share 0")
    }

    @Test func disagreementFlagAndSpreadPerPhase() {
        // L1 60 points, flag share 0.25 → 15. Levels 5 and 3 → 60 vs 36: spread 24 > 15 → flagged
        let sheets = [Fixture.sheet("m1", written: Fixture.levels(5, 5)), Fixture.sheet("m2", written: Fixture.levels(3, 5))]
        let e = evaluator.evaluate(Fixture.app(type: .large), sheets: sheets)
        #expect(e.indicator("L1")?.spread.description == "24.00")
        #expect(e.indicator("L1")?.flagged == true)
        #expect(e.indicator("L2")?.flagged == false)
        #expect(e.indicator("L2")?.spread == .zero)
    }

    /// Spec §3.9 on a flagged indicator scored in both phases.
    @Test func rangeMovesEachFlaggedIndicatorToEachPhasesExtremes() {
        // L1 (60): written levels 5, 3, 4 → 60, 36, 48 (mean 48: fewer than 5 sheets); site (team m1, m2)
        // levels 5, 2 → 60, 24 (mean 42). score = 0.7 × 48 + 0.3 × 42 = 46.2; low = 0.7 × 36 + 0.3 × 24
        // = 32.4; high = 0.7 × 60 + 0.3 × 60 = 60. Q1 (40) and L2 (100) agree: 40 and 100 in every case.
        let sheets = [
            Fixture.sheet("m1", written: Fixture.levels(5, 5), site: Fixture.levels(5, 5)),
            Fixture.sheet("m2", written: Fixture.levels(3, 5), site: Fixture.levels(2, 5)),
            Fixture.sheet("m3", written: Fixture.levels(4, 5)),
        ]
        let e = evaluator.evaluate(Fixture.app(type: .large), sheets: sheets)
        let l1 = e.indicator("L1")!
        #expect(l1.flagged)
        #expect([l1.score, l1.low, l1.high].map(\.description) == ["46.20", "32.40", "60.00"])
        let q1 = e.indicator("Q1")!
        #expect(!q1.flagged && q1.low == q1.score && q1.high == q1.score)
        // total 186.2 (93.1 %, grade 1); low 172.4 (86.2 %, grade 2); high 200 (grade 1)
        #expect(e.total.description == "186.20" && e.grade == 1)
        #expect(e.range == GradeRange(low: Points(hundredths: 17240), high: Points(200), gradeLow: 2, gradeHigh: 1,
                                      certifiedLow: true, certifiedHigh: true))
        #expect(e.range.crossesGrade && !e.range.crossesCertification)
        #expect(e.missingWritten == ["chair", "m4", "m5", "m6"], "committee order")
        #expect(e.missingSite.isEmpty)
    }

    @Test func rangeCrossingTheCertificationLine() {
        // A small city (max 100): Q1 50, L1 50. L1 levels 5 and 1 → 50 and 10 (mean 30, spread 40 > 12.5).
        // Q1 values 12 and 12 → 50. total 80 (grade 2); low 60 (grade 4, not certified); high 100 (grade 1).
        let sheets = [Fixture.sheet("m1", written: Fixture.levels(5)), Fixture.sheet("m2", written: Fixture.levels(1))]
        let e = evaluator.evaluate(Fixture.app(type: .small), sheets: sheets)
        #expect(e.total.description == "80.00" && e.grade == 2 && e.certified)
        #expect(e.range.low.description == "60.00" && e.range.high.description == "100.00")
        #expect(e.range.gradeLow == 4 && e.range.gradeHigh == 1)
        #expect(!e.range.certifiedLow && e.range.certifiedHigh && e.range.crossesCertification)
    }

    @Test func rangeUnderSiteRevisesIgnoresAWrittenDisagreementTheSiteSettled() {
        // site-revises: with site sheets the score is the site aggregate. L1 is flagged by the written
        // phase (60 vs 12) but the site team agrees (48, 48): low = high = 48.
        let ev = Evaluator(standards: Fixture.standards(combination: .siteRevises), committee: Fixture.committee())
        let sheets = [
            Fixture.sheet("m1", written: Fixture.levels(5, 5), site: Fixture.levels(4, 5)),
            Fixture.sheet("m2", written: Fixture.levels(1, 5), site: Fixture.levels(4, 5)),
        ]
        let l1 = ev.evaluate(Fixture.app(type: .large), sheets: sheets).indicator("L1")!
        #expect(l1.flagged)
        #expect([l1.score, l1.low, l1.high].map(\.description) == ["48.00", "48.00", "48.00"])
    }

    @Test func noSheetsScoresZeroWithNullPhases() {
        let e = evaluator.evaluate(Fixture.app(type: .large), sheets: [])
        #expect(e.total == .zero)
        #expect(e.indicator("Q1")?.written.aggregate == nil)
        #expect(e.grade == 5 && !e.certified)
    }

    @Test func totalsAddUpExactly() {
        let sheets = zip(Fixture.members, [5, 4, 3, 2, 1, 4]).map { Fixture.sheet($0, written: Fixture.levels($1, 6 - $1, q1: Decimal($1 * 3))) }
        let e = evaluator.evaluate(Fixture.app(type: .large), sheets: sheets)
        #expect(e.total == e.indicators.reduce(.zero) { $0 + $1.score })
        #expect(e.total == e.fields.reduce(.zero) { $0 + $1.score })
        #expect(e.total == e.items.reduce(.zero) { $0 + $1.score })
    }

    @Test func methodOverrideForRobustness() {
        let sheets = zip(Fixture.members, [5, 5, 5, 1, 1]).map { Fixture.sheet($0, written: Fixture.levels($1, 5)) }
        let app = Fixture.app(type: .large)
        // L1: 60,60,60,12,12
        #expect(evaluator.evaluate(app, sheets: sheets, method: .median).indicator("L1")?.score.description == "60.00")
        #expect(evaluator.evaluate(app, sheets: sheets, method: .mean).indicator("L1")?.score.description == "40.80")
        #expect(evaluator.evaluate(app, sheets: sheets).indicator("L1")?.score.description == "44.00")
    }
}
