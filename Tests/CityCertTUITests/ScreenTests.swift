import CityCertCore
import Foundation
@testable import CityCertTUI
import Testing
import TestSupport

/// Screens rendered into a cell buffer and compared with the expected text, with Korean names.
@Suite struct ScreenTests {
    func lines(_ state: AppState) -> [String] { View.render(state).lines() }

    /// The display column where `needle` starts in `line`.
    func column(of needle: String, in line: String) -> Int? {
        guard let r = line.range(of: needle) else { return nil }
        return DisplayWidth.of(String(line[..<r.lowerBound]))
    }

    @Test func applicationListAt80x24() {
        let out = lines(TUIFixture.listState())
        let expected = [
            " citycert · 2025년 스마트도시 인증                                이서연 (위원)",
            " 유형: 전체  상태: 전체  정렬: ID  (4/4)",
            "",
            "  지자체           유형           인구 서면평가       현장실사",
            "  춘천시 Chuncheo… 중소도시    286,000 —              —              이해충돌",
            "  2025-jeonju      -                 - —              —              오류",
            "  나주시 Naju-si   중소도시    117,000 제출 완료      해당 없음",
            "  수원시 Suwon-si  대도시    1,193,000 작성 중 2/3    시작 전",
        ]
        #expect(lineDiff(Array(out.prefix(8)), expected) == nil, "\(lineDiff(Array(out.prefix(8)), expected) ?? "")")
        #expect(out.count == 24)
        #expect(out[21] == String(repeating: "─", count: 80))
        #expect(out[23] == " ↑↓ 이동  Enter 열기  t 유형  s 상태  o 정렬  r 새로고침  ? 도움말  q 종료")
        // Every row is at most 80 columns, and the population column ends at the same column.
        #expect(out.allSatisfy { DisplayWidth.of($0) <= 80 })
        let ends = [out[4], out[6], out[7]].compactMap { line -> Int? in
            guard let r = line.range(of: #"[0-9,]+\d "#, options: .regularExpression) else { return nil }
            return DisplayWidth.of(String(line[..<r.upperBound]))
        }
        #expect(Set(ends).count == 1, "population right-aligned in one column: \(ends)")
    }

    @Test func applicationListWideInEnglish() {
        let out = lines(TUIFixture.listState(width: 120, height: 40, language: .en))
        #expect(out[0].hasPrefix(" citycert · 2025 Smart City Certification"))
        #expect(out[0].hasSuffix("이서연 (member)"), "the right side ends one column from the edge")
        #expect(DisplayWidth.of(out[0]) == 119)
        #expect(out[3] == "  City                               Type     Population Written        Site")
        #expect(out[7] == "  Suwon-si 수원시                    large     1,193,000 draft 2/3      not started")
        #expect(out.count == 40)
    }

    @Test func scoringQualitativeAt80x24() {
        var state = TUIFixture.scoringState()
        TUIFixture.press([.char("a"), .down, .char("4")], &state)
        let out = lines(state)
        let expected = [
            " 수원시 Suwon-si · 대도시 · 1,193,000                                    이서연",
            " [서면평가]  현장실사  │ 작성 중 │ 88.00/200.00점 · 미입력 100.00 · 2/3",
            String(repeating: "─", count: 80),
            " 혁신성                         │ L1  지표 L1",
            "  데이터                        │ 배점 60.00 · 정성",
            " ✓   Q1 정량 Q1                 │",
            " ✓   L1 지표 L1                 │ 신청 수준 4",
            " 서비스                         │           리빙랩 3곳 운영",
            "  센터                          │ 수준   ● 내 선택  ◆ 신청",
            " ·   L2 지표 L2                 │   [5]  100%   60.00  L5",
            "                                │ ●◆[4]   80%   48.00  L4",
            "                                │   [3]   60%   36.00  L3",
            "                                │   [2]   40%   24.00  L2",
            "                                │   [1]   20%   12.00  L1",
            "                                │",
            "                                │ 내 평가   수준 4 → 48.00점",
            "                                │",
            "                                │ 다른 위원의 점수는 제출 후 볼 수 있습니다.",
        ]
        #expect(lineDiff(Array(out.prefix(expected.count)), expected) == nil, "\(lineDiff(Array(out.prefix(expected.count)), expected) ?? "")")
        #expect(out[23] == " 1-5 수준 o 증빙 n 메모 c 질의 x 지움 v 전체 Tab 단계 S 제출 ? 도움말 q 뒤로")
        // The pane separator stays in one column on every row, Hangul or not.
        for line in out[3...20] { #expect(column(of: "│", in: line) == 32, "\(line)") }
    }

    @Test func scoringQuantitativeWhileTypingShowsTheNewBand() {
        var state = TUIFixture.scoringState()
        TUIFixture.press([.char("a"), .char("e"), .backspace, .backspace, .char("7")], &state)
        let out = lines(state)
        #expect(out[10...14].map { $0.dropFirst(32) }.map(String.init) == [
            "│ 구간   ● 내 값  ◆ 제출값  ▸ 입력 중",
            "│ ●◆  ≥ 10 건           100%    40.00",
            "│   ▸ ≥ 5 건          66.67%    26.67",
            "│     ≥ 0 건             20%     8.00",
            "│     그 외               0%     0.00",
        ])
        #expect(String(out[15].dropFirst(32)) == "│ 입력 중   7 → 26.67점")
        #expect(out[16].contains("┌ Q1 확인 값 ─"))
        #expect(out[18].hasPrefix("     │ 7 "))
    }

    @Test func othersScoresAfterSubmittingWithHistogram() {
        var sheet = ScoreSheet(application: "a", member: "m1")
        sheet.phases[.written] = PhaseSheet(status: .submitted, entries: Fixture.levels(4, 5))
        let members = [("m1", 4), ("m2", 4), ("m3", 2)].map { MemberPoints(member: $0.0, points: Points(60).times(Share(tenThousandths: Int64($0.1) * 2000)),
                                                                         entry: Entry(level: $0.1, note: $0.0 == "m3" ? "현장 확인 필요" : nil)) }
        let peers: [Phase: [String: PhaseResult]] = [.written: ["L1": PhaseResult(members: members, aggregate: Points(40), spread: Points(24))]]
        var state = TUIFixture.scoringState(sheet: sheet, peers: peers, width: 100, height: 40)
        if case .scoring(var s) = state.screen {
            s.open.memberNames = ["m1": "이서연", "m2": "박지훈", "m3": "최유진", "m4": "정하늘"]
            s.open.notSubmitted = [.written: ["m4"]]
            state.screen = .scoring(s)
        }
        TUIFixture.press([.down], &state)
        let out = lines(state).map { String($0.dropFirst(42)) }
        let start = try! #require(out.firstIndex { $0.contains("위원 점수 · 서면평가") })
        #expect(out[start] == "위원 점수 · 서면평가  집계 40.00  편차 24.00")
        // Names, not ids; each member's level, points and note; who has not submitted.
        #expect(Array(out[(start + 1)...(start + 4)]) == ["*이서연 수준 4    48.00", " 박지훈 수준 4    48.00", " 최유진 수준 2    24.00  현장 확인 필요", "미제출: 정하늘"])
        #expect(Array(out[(start + 5)...(start + 9)]) == [" 5  0", "▶4 ██ 2  ◀ 나", " 3  0", " 2 █ 1", " 1  0"])
        #expect(lines(state)[1].contains("제출 완료"))
    }

    @Test func peerHistogramCountsTheLowestBandAndMarksYours() {
        var sheet = ScoreSheet(application: "a", member: "m1")
        sheet.phases[.written] = PhaseSheet(status: .submitted, entries: Fixture.levels(4, 5, q1: -1))
        // Q1's bands are ≥10, ≥5, ≥0: a value below 0 meets none and scores 0 ("그 외").
        let members = [("m1", -1), ("m2", -2), ("m3", 12), ("m4", 6)].map { MemberPoints(member: $0.0, points: .zero, entry: Entry(value: Decimal($0.1))) }
        let peers: [Phase: [String: PhaseResult]] = [.written: ["Q1": PhaseResult(members: members, aggregate: Points(20), spread: Points(40))]]
        let state = TUIFixture.scoringState(sheet: sheet, peers: peers, width: 100, height: 40)
        let out = lines(state).map { String($0.dropFirst(42)) }
        let start = try! #require(out.firstIndex { $0.hasPrefix(" ≥10") })
        #expect(Array(out[start...(start + 3)]) == [" ≥10   █ 1", " ≥5    █ 1", " ≥0     0", "▶그 외 ██ 2  ◀ 나"])
    }

    @Test func siteTabShowsTheWrittenEntryAndAggregateAndRefusesSubmitBeforeWritten() {
        var sheet = ScoreSheet(application: "a", member: "m1")
        sheet.phases[.written] = PhaseSheet(status: .draft, entries: Fixture.levels(4, 5))
        sheet.phases[.site] = PhaseSheet(status: .draft, entries: Fixture.levels(3, 5))
        var state = TUIFixture.scoringState(sheet: sheet, width: 100, height: 40)
        TUIFixture.press([.tab, .down], &state)
        var text = lines(state).joined(separator: "\n")
        #expect(text.contains("서면 평가 수준 4 → 48.00점  (작성 중)"), "\(text)")
        #expect(!text.contains("서면 집계"), "no aggregate before the written sheet is submitted")
        let effects = TUIFixture.press([.char("S")], &state)
        #expect(effects.isEmpty && state.overlay == nil)
        #expect(state.status?.text(state.language).hasPrefix("서면평가 평가표를 먼저 제출하세요") == true)

        sheet.phases[.written]?.status = .submitted
        let peers: [Phase: [String: PhaseResult]] = [.written: ["L1": PhaseResult(members: [], aggregate: Points(44), spread: .zero)]]
        state = TUIFixture.scoringState(sheet: sheet, peers: peers, width: 100, height: 40)
        TUIFixture.press([.tab, .down], &state)
        text = lines(state).joined(separator: "\n")
        #expect(text.contains("서면 평가 수준 4 → 48.00점  (제출)"), "\(text)")
        #expect(text.contains("서면 집계 44.00점"), "\(text)")
        TUIFixture.press([.char("S")], &state)
        guard case .confirm? = state.overlay else { Issue.record("expected the confirmation"); return }
    }

    @Test func aCutNarrativeEndsInAnEllipsisAndEveryEvidenceIsListed() {
        let long = String(repeating: "리빙랩을 운영하고 결과를 사업에 반영함. ", count: 12)
        var state = TUIFixture.scoringState()
        if case .scoring(var s) = state.screen {
            s.open.application.selfEvaluation["L1"] = SelfEvaluation(level: 4, narrative: long,
                evidence: [Evidence(file: "evidence/citizen-participation.md", page: 3), Evidence(file: "evidence/plan.pdf", page: 2)])
            state.screen = .scoring(s)
        }
        TUIFixture.press([.down], &state)
        let out = lines(state).map { line in line.firstIndex(of: "│").map { String(line[line.index(after: $0)...]) } ?? "" }
        let narrative = out.filter { $0.hasPrefix("           ") && $0.contains("리빙랩") }
        #expect(narrative.count == 2 && narrative.last!.hasSuffix("…"), "\(out.joined(separator: "\n"))")
        #expect(out.contains { $0.hasPrefix(" 증빙      evidence/citizen-participation.md") })
        #expect(out.contains { $0.hasPrefix("           evidence/plan.pdf p.2") })
        // v shows the narrative whole.
        TUIFixture.press([.char("v")], &state)
        guard case .reader(_, let all, _)? = state.overlay else { Issue.record("expected the reader"); return }
        #expect(all.joined().replacingOccurrences(of: " ", with: "").contains(long.replacingOccurrences(of: " ", with: "")))
    }

    @Test func othersScoresStayHiddenBeforeSubmitting() {
        let out = lines(TUIFixture.scoringState())
        #expect(!out.joined().contains("위원 점수"))
    }

    @Test func helpOverlayListsTheKeys() {
        var state = TUIFixture.scoringState(language: .en)
        TUIFixture.press([.char("?")], &state)
        let text = lines(state).joined(separator: "\n")
        for key in ["accept the submitted value", "choose a maturity level", "submit the sheet", "reopen a submitted sheet", "find an indicator"] {
            #expect(text.contains(key), "\(key)")
        }
        #expect(text.contains("┌ Keys "))
    }

    @Test func tooSmallAsksToEnlarge() {
        let out = lines(TUIFixture.scoringState(width: 50, height: 12, language: .en))
        #expect(out.contains { $0.trimmingCharacters(in: .whitespaces) == "Please enlarge the window" })
        #expect(out.contains { $0.contains("50×12 → 60×16") })
        #expect(View.render(TUIFixture.scoringState(width: 1, height: 1)).width == 1, "even 1×1 renders")
        #expect(View.render(TUIFixture.scoringState(width: 0, height: 0)).lines().isEmpty)
    }

    @Test func noColorStillShowsTheSelection() {
        let state = TUIFixture.listState()
        let b = View.render(state)
        // The cursor row is drawn reversed in monochrome.
        #expect(b[3, 4].style.reverse)
        #expect(!b[3, 5].style.reverse)
    }
}

/// Every screen's key hints fit an 80-column terminal in both languages (nothing cut at the edge).
@Suite struct FooterFitTests {
    @Test func hintsFitEightyColumns() {
        var states: [AppState] = []
        for lang in Language.allCases {
            states.append(TUIFixture.listState(language: lang))
            var q = TUIFixture.scoringState(language: lang)
            states.append(q)
            _ = Update.update(&q, .key(.down))
            states.append(q)
            states.append(ChairFixture.overviewState(width: 80, height: 24))
            states.append(ChairFixture.consensusState(flagged: true, width: 80, height: 24, language: lang))
            var o = ChairFixture.overviewState(width: 80, height: 24)
            o.language = lang
            states.append(o)
        }
        for s in states {
            var s = s
            s.width = 80
            s.height = 24
            let last = View.render(s).lines().last ?? ""
            #expect(DisplayWidth.of(last) <= 79, "\(last)")
            #expect(!last.hasSuffix("q") && (last.hasSuffix("뒤로") || last.hasSuffix("종료") || last.hasSuffix("back") || last.hasSuffix("quit")), "\(last)")
        }
    }
}
