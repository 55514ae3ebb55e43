import CityCertCore
@testable import CityCertTUI
import Foundation
import Testing
import TestSupport

/// What a member types as a value: the comma rule, the indicator's range, and a correction far
/// from the submitted value asked once.
@Suite struct ValueEntryTests {
    /// The scoring screen on Q1 (submitted 12) with Q1 range 0–1000.
    func state(language: Language = .ko) -> AppState {
        var state = TUIFixture.scoringState(language: language)
        guard case .scoring(let s) = state.screen else { return state }
        state.screen = .scoring(ScoringState(open: s.open, standards: Fixture.standards(q1Range: ValueRange(min: 0, max: 1000))))
        return state
    }

    func type(_ text: String, _ state: inout AppState) -> [Effect] {
        TUIFixture.press([.char("e"), .end, .ctrl("u")] + text.map { Key.char($0) } + [.enter], &state)
    }

    @Test func aDecimalCommaIsRefusedAndNothingIsSaved() {
        var s = state()
        #expect(type("0,5", &s).isEmpty)
        #expect(s.status?.kind == .error && s.status?.text(s.language).contains("쉼표는 천 단위 구분") == true)
        guard case .prompt? = s.overlay else { Issue.record("the prompt closed"); return }
        // Esc cancels the field, and what the status line said about it goes with it.
        TUIFixture.press([.escape], &s)
        #expect(s.overlay == nil && s.status == nil)
    }

    @Test func aValueOutsideTheRangeIsRefusedWithTheRange() {
        var s = state(language: .en)
        #expect(type("-3", &s).isEmpty)
        #expect(s.status?.text(s.language) == "Q1: -3 is outside the range of this indicator (0–1000).")
        guard case .prompt? = s.overlay else { Issue.record("the prompt closed"); return }
    }

    @Test func aValueFarFromTheSubmittedOneIsAskedOnce() {
        var s = state()
        #expect(type("125", &s).isEmpty, "12 submitted, 125 typed: over ten times")
        guard case .confirm(let c)? = s.overlay else { Issue.record("no confirmation"); return }
        #expect(c.lines.first == "Q1: 입력 125, 신청기관 제출값 12.")
        let effects = TUIFixture.press([.char("y")], &s)
        #expect(effects == [.setEntry(application: "a", phase: .written, indicator: "Q1", entry: Entry(value: 125))])
        // Cancelled: nothing saved.
        var t = state()
        _ = type("1", &t)
        guard case .confirm? = t.overlay else { Issue.record("1 against 12 is asked too: \(String(describing: t.overlay)) \(String(describing: t.status))"); return }
        #expect(TUIFixture.press([.char("n")], &t).isEmpty)
    }

    @Test func aCloseValueAndThousandsAreSavedAtOnce() {
        var s = state()
        #expect(type("11.5", &s) == [.setEntry(application: "a", phase: .written, indicator: "Q1", entry: Entry(value: Decimal(string: "11.5")!))])
        #expect(ValueCheck.isFar(1234, from: 12) && !ValueCheck.isFar(120, from: 12) && ValueCheck.isFar(Decimal(string: "1.1")!, from: 12))
        #expect(!ValueCheck.isFar(0, from: Decimal(string: "0.5")!) && ValueCheck.isFar(0, from: 3))
    }
}
