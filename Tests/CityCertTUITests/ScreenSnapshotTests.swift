import CityCertCore
@testable import CityCertTUI
import Foundation
import Testing
import TestSupport

/// Every screen recorded as text at 80×24 and 120×40 (the chair's also at 160×48), in Korean and
/// English, in `__Snapshots__/`:
/// a change of layout shows in the diff under review. `CITYCERT_RECORD=1 swift test --filter
/// ScreenSnapshotTests` records them again after a deliberate change.
@Suite struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (120, 40)]
    /// The chair's screens also at 160×48 (a wide terminal: names, the missing list and notes grow).
    static let chairSizes = sizes + [(160, 48)]

    func snap(_ name: String, sizes: [(Int, Int)] = Self.sizes, _ make: (Int, Int, Language) -> AppState) {
        for (w, h) in sizes {
            for lang in [Language.ko, .en] {
                let lines = View.render(make(w, h, lang)).lines()
                #expect(lines.allSatisfy { DisplayWidth.of($0) <= w }, "\(name) \(w)x\(h) \(lang): no line wider than the terminal")
                expectSnapshot(lines, named: "\(name)-\(w)x\(h)-\(lang == .ko ? "ko" : "en")")
            }
        }
    }

    @Test func committeeList() {
        snap("committee") { w, h, lang in
            AppState(width: w, height: h, language: lang, colors: false,
                     screen: .chooseMember(MemberListState(members: Fixture.committee().members, reason: "")))
        }
    }

    @Test func applicationList() {
        snap("applications") { w, h, lang in TUIFixture.listState(width: w, height: h, language: lang) }
    }

    @Test func scoringQuantitative() {
        snap("scoring-quantitative") { w, h, lang in TUIFixture.scoringState(width: w, height: h, language: lang) }
    }

    @Test func scoringQualitative() {
        snap("scoring-qualitative") { w, h, lang in
            var s = TUIFixture.scoringState(width: w, height: h, language: lang)
            _ = Update.update(&s, .key(.down))
            return s
        }
    }

    @Test func help() {
        snap("help-scoring") { w, h, lang in
            var s = TUIFixture.scoringState(width: w, height: h, language: lang)
            _ = Update.update(&s, .key(.char("?")))
            return s
        }
    }

    @Test func chairOverview() {
        snap("overview", sizes: Self.chairSizes) { w, h, lang in ChairFixture.overviewState(width: w, height: h, language: lang) }
    }

    @Test func consensusProvisionalWithARangeAcrossTheLine() {
        snap("consensus-provisional", sizes: Self.chairSizes) { w, h, lang in ChairFixture.consensusState(flagged: true, width: w, height: h, language: lang) }
    }

    @Test func howSolidProvisional() {
        snap("how-solid-provisional", sizes: Self.chairSizes) { w, h, lang in
            var s = ChairFixture.consensusState(flagged: true, width: w, height: h, language: lang)
            _ = Update.update(&s, .key(.char("h")))
            return s
        }
    }

    @Test func consensusFinal() {
        snap("consensus-final", sizes: Self.chairSizes) { w, h, lang in ChairFixture.consensusState(flagged: false, width: w, height: h, language: lang, decision: true) }
    }

    @Test func finalizeConfirmation() {
        snap("finalize-confirmation", sizes: Self.chairSizes) { w, h, lang in
            var s = ChairFixture.consensusState(flagged: true, width: w, height: h, language: lang)
            _ = Update.update(&s, .key(.char("F")))
            for c in "합의" { _ = Update.update(&s, .key(.char(c))) }
            _ = Update.update(&s, .key(.enter))
            return s
        }
    }

    /// The secretary's report screen: the PDF format with both annexes, and the question before
    /// writing over a file.
    static func reportState(_ w: Int, _ h: Int, _ lang: Language) -> AppState {
        var s = ChairFixture.overviewState(width: w, height: h, language: lang)
        var r = ReportState(applications: [(id: "2025-gimhae", name: LocalizedText(ko: "김해시", en: "Gimhae-si")),
                                           (id: "2025-naju", name: LocalizedText(ko: "나주시", en: "Naju-si")),
                                           (id: "2025-suwon", name: LocalizedText(ko: "수원시", en: "Suwon-si"))])
        r.statuses = ["2025-gimhae": .provisional, "2025-naju": .complete, "2025-suwon": .final]
        r.format = .pdf
        r.choices = ReportChoices(members: .anonymous, notes: true)
        s.screen = .report(r)
        s.overlay = nil
        s.status = nil
        return s
    }

    @Test func reportScreen() {
        snap("report-pdf") { w, h, lang in Self.reportState(w, h, lang) }
    }

    @Test func reportOverwriteQuestion() {
        snap("report-overwrite") { w, h, lang in
            var s = Self.reportState(w, h, lang)
            _ = Update.update(&s, .reportExists(applications: ["2025-suwon"], format: .pdf, path: "/home/han/보고서/citycert-report.pdf"))
            return s
        }
    }
}
