@testable import CityCertCore
import Foundation
import Testing
import TestSupport

@Suite struct RobustnessTests {
    let standards = Fixture.standards()

    @Test func thresholdsRoundUpToTheNextHundredth() {
        // 70% of 2000 = 1400 exactly; 72.5% of 333.33 = 241.664… → 241.67
        #expect(Robustness.threshold(GradeBand(grade: 3, minPercent: Points(70)), max: Points(2000)) == Points(1400))
        #expect(Robustness.threshold(GradeBand(grade: 3, minPercent: Points("72.5")!), max: Points("333.33")!) == Points("241.67")!)
    }

    @Test func marginsAndCertificationLine() {
        // Large: max 200. Levels: L1 60×0.8=48, L2 100×0.8=80, Q1 12 → 40: total 168 = 84% → grade 2
        let sheets = Fixture.members.prefix(3).map { Fixture.sheet($0, written: Fixture.levels(4, 4, q1: 12)) }
        let e = Evaluator(standards: standards, committee: Fixture.committee()).evaluate(Fixture.app(type: .large), sheets: Array(sheets))
        #expect(e.total == Points(168) && e.grade == 2)
        let r = Robustness.analyze(e, byMethod: [], standards: standards)
        #expect(r.toNextGrade == Points(12), "90% of 200 = 180")
        #expect(r.aboveBoundary == Points(8), "80% of 200 = 160")
        #expect(r.certificationLine == Points(140))
        #expect(r.nearestBoundary == Points(8))
        #expect(r.pivotal.isEmpty, "nothing is flagged")
    }

    @Test func aFlaggedIndicatorThatAloneCouldLoseCertification() {
        // L2 (100 points): levels 5, 5, 1 → 100, 100, 20: spread 80 > 25 → flagged; mean 73.33
        // Q1: 12 → 40; L1 level 1 → 12. Total 40 + 12 + 73.33 = 125.33 → 62.67% → grade 4, not certified.
        // With L2 at the highest member's 100: 152 ≥ 140 → could gain certification.
        let sheets = zip(Fixture.members.prefix(3), [5, 5, 1]).map { Fixture.sheet($0, written: Fixture.levels(1, $1, q1: 12)) }
        let e = Evaluator(standards: standards, committee: Fixture.committee()).evaluate(Fixture.app(type: .large), sheets: Array(sheets))
        #expect(e.total == Points("125.33")! && !e.certified)
        let r = Robustness.analyze(e, byMethod: [], standards: standards)
        #expect(r.pivotal == [Robustness.PivotalIndicator(id: "L2", score: Points("73.33")!, low: Points(20), high: Points(100),
                                                           totalIfMoved: Points(152), couldLose: false)])
        // Each member's mean difference from the consensus: L1 and Q1 agree (0); L2 100 − 73.33 = 26.67 or 20 − 73.33 = −53.33
        #expect(r.members.map(\.member) == ["m1", "m2", "m3"])
        #expect(r.members.map(\.meanDifference) == [Points("8.89")!, Points("8.89")!, Points("-17.78")!])
    }

    @Test func gradeUnderEachMethod() {
        let sheets = zip(Fixture.members, [5, 5, 5, 1, 1]).map { Fixture.sheet($0, written: Fixture.levels($1, 5)) }
        let ev = Evaluator(standards: standards, committee: Fixture.committee())
        let app = Fixture.app(type: .large)
        let all = AggregationMethod.allCases.map { ev.evaluate(app, sheets: sheets, method: $0) }
        let r = Robustness.analyze(ev.evaluate(app, sheets: sheets), byMethod: all, standards: standards)
        // Q1 40 + L2 100 + L1: mean 40.80 / median 60 / trimmed 44
        #expect(r.byMethod.map(\.total) == [Points("180.80")!, Points(200), Points(184)])
        #expect(r.byMethod.map(\.grade) == [1, 1, 1])
    }
}
