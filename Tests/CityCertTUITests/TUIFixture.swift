import CityCertCore
@testable import CityCertTUI
import Foundation
import TestSupport

/// States for the update and screen tests, built from the shared model fixture.
enum TUIFixture {
    static let member = Member(id: "m1", name: "이서연", role: .member)

    static func session() -> Session {
        Session(member: member, standards: Fixture.standards(), committee: Fixture.committee(),
                roundTitle: LocalizedText(ko: "2025년 스마트도시 인증", en: "2025 Smart City Certification"), storePath: "/tmp/s")
    }

    static func application() -> Application {
        Application(id: "a", government: LocalizedText(ko: "수원시", en: "Suwon-si"), province: LocalizedText(ko: "경기도", en: "Gyeonggi-do"),
                    population: 1_193_000, cityType: .large,
                    quantitative: ["Q1": SubmittedValue(value: 12, evidence: [Evidence(file: "evidence/data.pdf", page: 3)], note: "포털 기준")],
                    selfEvaluation: ["L1": SelfEvaluation(level: 4, narrative: "리빙랩 3곳 운영", evidence: [])])
    }

    static func summaries() -> [ApplicationSummary] {
        [
            ApplicationSummary(id: "2025-suwon", government: LocalizedText(ko: "수원시", en: "Suwon-si"), population: 1_193_000, cityType: .large,
                               progress: [.written: .draft(done: 2, of: 3), .site: .notStarted]),
            ApplicationSummary(id: "2025-chuncheon", government: LocalizedText(ko: "춘천시", en: "Chuncheon-si"), population: 286_000, cityType: .small,
                               conflict: Conflict(member: "m1", application: "2025-chuncheon", kind: .recusal, reason: "자문"),
                               progress: [:]),
            ApplicationSummary(id: "2025-naju", government: LocalizedText(ko: "나주시", en: "Naju-si"), population: 117_000, cityType: .small,
                               progress: [.written: .submitted, .site: .notOnTeam]),
            ApplicationSummary(id: "2025-jeonju", government: LocalizedText("2025-jeonju"), problem: "city_type contradicts population"),
        ]
    }

    static func listState(width: Int = 80, height: Int = 24, language: Language = .ko) -> AppState {
        var state = AppState(width: width, height: height, language: language, colors: false, screen: .applications(ApplicationListState(all: summaries())))
        state.session = session()
        return state
    }

    static func scoringState(sheet: ScoreSheet? = nil, peers: [Phase: [String: PhaseResult]] = [:], isFinal: Bool = false,
                             onSiteTeam: Bool = true, width: Int = 80, height: Int = 24, language: Language = .ko) -> AppState {
        let open = OpenApplication(application: application(), sheet: sheet ?? ScoreSheet(application: "a", member: "m1"),
                                   peers: peers, isFinal: isFinal, onSiteTeam: onSiteTeam)
        var state = AppState(width: width, height: height, language: language, colors: false,
                             screen: .scoring(ScoringState(open: open, standards: Fixture.standards())))
        state.session = session()
        return state
    }

    static func scoring(_ state: AppState) -> ScoringState? {
        if case .scoring(let s) = state.screen { return s }
        return nil
    }

    /// Sends keys, returning all the effects.
    @discardableResult
    static func press(_ keys: [Key], _ state: inout AppState) -> [Effect] {
        keys.flatMap { Update.update(&state, .key($0)) }
    }

    static func type(_ text: String) -> [Key] { text.map { Key.char($0) } }
}
