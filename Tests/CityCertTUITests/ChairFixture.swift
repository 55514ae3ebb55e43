@testable import CityCertCore
@testable import CityCertTUI
import Foundation
import TestSupport

/// The chair's screens built from evaluations of the shared model fixture.
enum ChairFixture {
    static let chair = Member(id: "chair", name: "김민수", role: .chair)

    /// Three members scoring; `spread` makes L2 disagree (flagged) or agree.
    static func data(flagged: Bool, decision: Bool = false, decisionTotal: Points? = nil, refusal: FinalizeRule.Reason? = nil) -> ConsensusData {
        let committee = Fixture.committee()
        let levels = flagged ? [5, 5, 1] : [4, 4, 4]
        var sheets = zip(["m1", "m2", "m3"], levels).map { Fixture.sheet($0, written: Fixture.levels(4, $1, q1: 12)) }
        sheets[0].phases[.written]!.entries["L1"]!.note = "현장 확인 필요"
        sheets[1].phases[.written]!.entries["L1"]!.clarification = "참여 명단?"
        let app = TUIFixture.application()
        let ev = Evaluator(standards: Fixture.standards(), committee: committee)
        let e = ev.evaluate(app, sheets: sheets)
        let all = AggregationMethod.allCases.map { ev.evaluate(app, sheets: sheets, method: $0) }
        let members = committee.eligibleMembers(for: "a").map { m -> Member in
            var m = m
            m.name = ["chair": "김민수", "m1": "이서연", "m2": "박준호", "m3": "최지은"][m.id] ?? m.name
            return m
        }
        let d = decision ? Decision(application: "a", finalizedBy: "chair", finalizedAt: "2025-10-01T00:00:00Z", total: decisionTotal ?? e.total,
                                    max: e.max, grade: e.grade, certified: e.certified, note: "전원 합의") : nil
        let final = d == nil ? e : ev.evaluate(app, sheets: sheets, decision: d)
        return ConsensusData(application: app, evaluation: final, robustness: Robustness.analyze(e, byMethod: all, standards: Fixture.standards()),
                             decision: d, finalizeRefusal: refusal, members: members, siteTeam: ["m1", "m2"],
                             progress: ["m1": [.written: .submitted], "m2": [.written: .submitted], "m3": [.written: .submitted]])
    }

    static func consensusState(flagged: Bool, width: Int = 100, height: Int = 30, language: Language = .ko, refusal: FinalizeRule.Reason? = nil,
                               decision: Bool = false, decisionTotal: Points? = nil) -> AppState {
        let d = data(flagged: flagged, decision: decision, decisionTotal: decisionTotal, refusal: refusal)
        var state = AppState(width: width, height: height, language: language, colors: false,
                             screen: .consensus(ConsensusState(data: d, standards: Fixture.standards())))
        state.session = Session(member: chair, standards: Fixture.standards(), committee: Fixture.committee(),
                                roundTitle: LocalizedText(ko: "2025년 스마트도시 인증", en: "2025 certification"), storePath: "/tmp")
        return state
    }

    static func overviewState(width: Int = 100, height: Int = 24, language: Language = .ko) -> AppState {
        let rows = [
            OverviewRow(id: "2025-suwon", government: LocalizedText(ko: "수원시", en: "Suwon-si"), cityType: .large, status: .complete,
                        total: Points("1627.15")!, max: Points(2000), percent: Points("81.36")!, grade: 2, certified: true,
                        written: (8, 8), site: (4, 4), missing: [], nearestBoundary: Points("27.15")!, flagged: 2,
                        range: GradeRange(low: Points("1599.62")!, high: Points("1640.42")!, gradeLow: 3, gradeHigh: 2, certifiedLow: true, certifiedHigh: true),
                        gradesInRange: [2, 3], lineDistance: Points("199.62")!, aboveLine: Points("227.15")!),
            OverviewRow(id: "2025-gimhae", government: LocalizedText(ko: "김해시", en: "Gimhae-si"), cityType: .large, status: .provisional,
                        total: Points("1214.71")!, max: Points(2000), percent: Points("60.74")!, grade: 4, certified: false,
                        written: (5, 7), site: (1, 3), missing: ["윤재현"], nearestBoundary: Points("14.71")!, flagged: 1,
                        range: GradeRange(low: Points("1190.00")!, high: Points("1410.00")!, gradeLow: 4, gradeHigh: 3, certifiedLow: false, certifiedHigh: true),
                        gradesInRange: [3, 4], lineDistance: .zero, aboveLine: Points("-185.29")!,
                        damaged: [(name: "임소영", reason: "not valid JSON (line 1)")]),
            OverviewRow(id: "2025-naju", government: LocalizedText(ko: "나주시", en: "Naju-si"), cityType: .small, status: .provisional,
                        total: Points("493.82")!, max: Points(1000), percent: Points("49.38")!, grade: 5, certified: false,
                        written: (3, 8), site: (0, 8), missing: ["이서연"], nearestBoundary: Points("106.18")!, flagged: 0,
                        lineDistance: Points("206.18")!, aboveLine: Points("-206.18")!),
        ]
        let invalid = [InvalidRow(id: "2025-jeonju", reasons: ["applications/2025-jeonju/application.yaml:7: city_type 'small' contradicts population 641000"])]
        var state = AppState(width: width, height: height, language: language, colors: false,
                             screen: .overview(OverviewState(rows: rows, invalidRows: invalid)))
        state.session = consensusState(flagged: false).session
        return state
    }
}
