import CityCertCore
@testable import CityCertTUI
import Foundation
import Testing
import TestSupport

/// The evidence viewer: `o` opens an indicator's evidence, the runtime's answer is shown laid out
/// with Hangul aligned at 80×24, PgUp/PgDn turn PDF pages, `/` and `n` search, scoring keys act on
/// the viewer's indicator, `q` goes back.
@Suite struct EvidenceViewerTests {
    static let page3 = """
                         3. 공공데이터 개방 현황
    수원시는 공공데이터포털과 시 누리집을 통해 행정 데이터를 개방하고 있다.
            항목            실적   단위
     공공데이터 개방 건수      12   건
     오픈API 제공 건수        112   건
    \u{0C}
    """

    func viewer(_ state: AppState) -> EvidenceViewerState? { TUIFixture.scoring(state)?.viewer }

    /// The scoring screen with the viewer open on Q1 (one PDF, page 3) and its page read.
    func openQ1(width: Int = 80, height: Int = 24) -> (AppState, [Effect]) {
        var state = TUIFixture.scoringState(width: width, height: height)
        let effects = TUIFixture.press([.char("o")], &state)
        _ = Update.update(&state, .evidenceRead(application: "a", file: "evidence/data.pdf", page: 3,
                                                .pdfPage(text: Self.page3, page: 3, pageCount: 5)))
        return (state, effects)
    }

    @Test func oOpensTheNamedPageOfTheOnlyEvidenceAndShowsReadingMeanwhile() {
        var state = TUIFixture.scoringState()
        let effects = TUIFixture.press([.char("o")], &state)
        #expect(effects == [.evidence(.list(application: "a", files: ["evidence/data.pdf"])),
                            .evidence(.read(application: "a", file: "evidence/data.pdf", page: 3))])
        #expect(viewer(state)?.document?.page == 3)
        let out = View.render(state).lines()
        #expect(out.contains { $0.contains("읽는 중…") }, "\(out.joined(separator: "\n"))")
    }

    @Test func pdfPageRenderedWithHangulAt80x24() {
        let (state, _) = openQ1()
        let b = View.render(state)
        let out = b.lines()
        let expected = [
            " 수원시 Suwon-si · 대도시 · 1,193,000                                    이서연",
            " [서면평가]  현장실사  │ 작성 중 │ 0.00/200.00점 · 미입력 200.00 · 0/3",
            "┌ evidence/data.pdf · 3/5쪽 ───────────────────────────────────────────────────┐",
            "│ Q1 정량 Q1 · 제출 12 건 · 내 평가: 미입력                                    │",
            "│                      3. 공공데이터 개방 현황                                 │",
            "│ 수원시는 공공데이터포털과 시 누리집을 통해 행정 데이터를 개방하고 있다.      │",
            "│         항목            실적   단위                                          │",
            "│  공공데이터 개방 건수      12   건                                           │",
            "│  오픈API 제공 건수        112   건                                           │",
        ]
        #expect(lineDiff(Array(out.prefix(expected.count)), expected) == nil, "\(lineDiff(Array(out.prefix(expected.count)), expected) ?? "")")
        #expect(out.count == 24)
        // The box's right border is in the last column on every row of the viewer, Hangul or not.
        for y in 2...20 {
            #expect(DisplayWidth.of(out[y]) == 80, "row \(y): \(out[y])")
            #expect(b[79, y].symbol == (y == 2 ? "┐" : y == 20 ? "┘" : "│"), "row \(y): \(out[y])")
        }
        #expect(out[23] == " PgUp PgDn 쪽 ↑↓ 이동 / 찾기 n 다음 a 인정 e 수정 q 뒤로")
        // The submitted value (12) is highlighted where it stands alone, not inside 112.
        let row = 7, line = out[row]
        let col = DisplayWidth.of(String(line[..<line.range(of: "12")!.lowerBound]))
        #expect(b[col, row].style.reverse && b[col + 1, row].style.reverse)
        let other = out[8]
        let col112 = DisplayWidth.of(String(other[..<other.range(of: "112")!.lowerBound]))
        #expect(!b[col112 + 1, 8].style.reverse)
    }

    @Test func pageDownAsksForTheNextPageAndStopsAtTheLast() {
        var (state, _) = openQ1()
        var effects = TUIFixture.press([.pageDown], &state)
        #expect(effects == [.evidence(.read(application: "a", file: "evidence/data.pdf", page: 4))])
        #expect(viewer(state)?.document?.content == nil)
        // An answer for another page (a slow read of page 3) is dropped.
        _ = Update.update(&state, .evidenceRead(application: "a", file: "evidence/data.pdf", page: 3, .pdfPage(text: "old", page: 3, pageCount: 5)))
        #expect(viewer(state)?.document?.content == nil)
        _ = Update.update(&state, .evidenceRead(application: "a", file: "evidence/data.pdf", page: 4, .pdfPage(text: "넷째 쪽", page: 4, pageCount: 4)))
        #expect(View.render(state).lines()[2].contains("4/4쪽"))
        effects = TUIFixture.press([.pageDown], &state)
        #expect(effects.isEmpty)
        #expect(state.status?.text(state.language) == "마지막 쪽입니다.")
        effects = TUIFixture.press([.pageUp], &state)
        #expect(effects == [.evidence(.read(application: "a", file: "evidence/data.pdf", page: 3))])
    }

    @Test func scoringKeysActOnTheViewersIndicatorAndTheViewerStays() {
        var (state, _) = openQ1()
        let effects = TUIFixture.press([.char("a")], &state)
        #expect(effects == [.setEntry(application: "a", phase: .written, indicator: "Q1", entry: Entry(value: 12))])
        #expect(viewer(state) != nil)
        #expect(View.render(state).lines()[3].contains("내 평가 12 → 40.00점"))
        // e opens the value prompt over the viewer.
        TUIFixture.press([.char("e")], &state)
        guard case .prompt(let p)? = state.overlay else { Issue.record("expected the value prompt"); return }
        #expect(p.purpose == .value(indicator: "Q1"))
    }

    @Test func searchFindsAndNextMovesOn() {
        var (state, _) = openQ1(height: 16)     // a short screen: the text scrolls
        TUIFixture.press([.char("/")] + TUIFixture.type("건") + [.enter], &state)
        #expect(viewer(state)?.search == "건")
        #expect(state.status?.text(state.language).contains("2건 중 1") == true, "\(state.status?.text(state.language) ?? "")")
        TUIFixture.press([.char("n")], &state)
        #expect(state.status?.text(state.language).contains("2건 중 2") == true, "\(state.status?.text(state.language) ?? "")")
        TUIFixture.press([.char("/")] + TUIFixture.type("없는말") + [.enter], &state)
        #expect(state.status?.kind == .error)
    }

    @Test func qClosesTheViewerAndSeveralEntriesAreListedFirst() {
        var (state, _) = openQ1()
        TUIFixture.press([.char("q")], &state)
        #expect(viewer(state) == nil)
        #expect(TUIFixture.scoring(state) != nil, "back on the sheet, not the list")

        var app = TUIFixture.application()
        app.quantitative["Q1"]?.evidence = [Evidence(file: "evidence/표.csv"), Evidence(file: "evidence/plan.pdf", page: 2), Evidence(file: "evidence/photo.jpg")]
        state = TUIFixture.scoringState()
        if case .scoring(var s) = state.screen { s.open.application = app; state.screen = .scoring(s) }
        let effects = TUIFixture.press([.char("o")], &state)
        #expect(effects == [.evidence(.list(application: "a", files: ["evidence/표.csv", "evidence/plan.pdf", "evidence/photo.jpg"]))])
        _ = Update.update(&state, .evidenceListed(application: "a", [EvidenceInfo(file: "evidence/표.csv", size: 120),
                                                                    EvidenceInfo(file: "evidence/plan.pdf", size: 180_000),
                                                                    EvidenceInfo(file: "evidence/photo.jpg", problem: "evidence/photo.jpg does not exist")]))
        let out = View.render(state).lines()
        #expect(out[2].contains("증빙 · 3건"))
        #expect(out[4].contains("evidence/표.csv") && out[4].contains("CSV") && out[4].contains("120 B"), "\(out[4])")
        #expect(out[5].contains("PDF") && out[5].contains("176 KB") && out[5].contains("2쪽"), "\(out[5])")
        #expect(out[6].contains("does not exist"), "\(out[6])")
        let open = TUIFixture.press([.down, .enter], &state)
        #expect(open == [.evidence(.read(application: "a", file: "evidence/plan.pdf", page: 2))])
        TUIFixture.press([.char("q")], &state)
        #expect(viewer(state)?.document == nil, "q goes back to the list")
        TUIFixture.press([.char("q")], &state)
        #expect(viewer(state) == nil)
    }

    @Test func csvIsShownInAlignedColumnsWithHangul() {
        let lines = EvidenceScreen.csvLines("구분,건수,비고\n공공데이터,276,\"포털, 누리집\"\nAPI,28,\n", width: 60)
        #expect(lines == [
            "구분       │ 건수 │ 비고",
            "───────────┼──────┼─────────────",
            "공공데이터 │  276 │ 포털, 누리집",
            "API        │   28 │",
        ])
    }

    @Test func longLinesAreWrappedAndFailuresAreShown() {
        let lines = EvidenceScreen.wrapped(String(repeating: "가", count: 50), width: 76)
        #expect(lines.count == 2 && lines.allSatisfy { DisplayWidth.of($0) <= 76 })
        var state = TUIFixture.scoringState()
        TUIFixture.press([.char("o")], &state)
        _ = Update.update(&state, .evidenceRead(application: "a", file: "evidence/data.pdf", page: 3,
                                                .failed("PDF는 pdftotext로 보여 주는데 설치되어 있지 않습니다: poppler-utils 패키지를 설치하세요")))
        let out = View.render(state).lines()
        #expect(out.contains { $0.contains("poppler-utils") }, "\(out.joined(separator: "\n"))")
    }
}
