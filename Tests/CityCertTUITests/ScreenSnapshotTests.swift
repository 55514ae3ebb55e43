import CityCertCore
@testable import CityCertTUI
import Foundation
import Testing
import TestSupport

/// Every screen recorded as text at 80×24 and 120×40, in Korean and English, in `__Snapshots__/`:
/// a change of layout shows in the diff under review. `CITYCERT_RECORD=1 swift test --filter
/// ScreenSnapshotTests` records them again after a deliberate change.
@Suite struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (120, 40)]

    func snap(_ name: String, _ make: (Int, Int, Language) -> AppState) {
        for (w, h) in Self.sizes {
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
        snap("overview") { w, h, lang in ChairFixture.overviewState(width: w, height: h, language: lang) }
    }

    @Test func consensusProvisionalWithARangeAcrossTheLine() {
        snap("consensus-provisional") { w, h, lang in ChairFixture.consensusState(flagged: true, width: w, height: h, language: lang) }
    }

    @Test func howSolidProvisional() {
        snap("how-solid-provisional") { w, h, lang in
            var s = ChairFixture.consensusState(flagged: true, width: w, height: h, language: lang)
            _ = Update.update(&s, .key(.char("h")))
            return s
        }
    }

    @Test func consensusFinal() {
        snap("consensus-final") { w, h, lang in ChairFixture.consensusState(flagged: false, width: w, height: h, language: lang, decision: true) }
    }

    @Test func finalizeConfirmation() {
        snap("finalize-confirmation") { w, h, lang in
            var s = ChairFixture.consensusState(flagged: true, width: w, height: h, language: lang)
            _ = Update.update(&s, .key(.char("F")))
            for c in "합의" { _ = Update.update(&s, .key(.char(c))) }
            _ = Update.update(&s, .key(.enter))
            return s
        }
    }
}
