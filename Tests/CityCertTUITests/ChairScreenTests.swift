import CityCertCore
@testable import CityCertTUI
import Testing
import TestSupport

/// The chair's overview and consensus screens, with Korean names, with and without flags.
@Suite struct ChairScreenTests {
    func lines(_ state: AppState) -> [String] { View.render(state).lines() }

    @Test func overviewByTypeClosestToABoundaryFirst() {
        let out = lines(ChairFixture.overviewState())
        let expected = [
            "  지자체           상태    서면  현장     총점      % 등급 인증      경계  ⚑ 미제출",
            " 대도시",
            "  김해시           잠정     5/7   1/3  1214.71  60.74    4 미인증   14.71  1 서면 윤재현 임소영",
            "  수원시           완료     8/8   4/4  1627.15  81.36    2 인증     27.15  2",
            " 중소도시",
            "  나주시           잠정     3/8   0/8   493.82  49.38    5 미인증  106.18    서면 이서연",
            "",
            " 오류: 2025-jeonju",
        ]
        #expect(lineDiff(Array(out[3...10]), expected) == nil, "\(lineDiff(Array(out[3...10]), expected) ?? "")")
        var state = ChairFixture.overviewState()
        #expect(Update.update(&state, .key(.enter)) == [.openConsensus("2025-gimhae")])
        _ = Update.update(&state, .key(.char("o")))
        guard case .overview(let o) = state.screen else { return }
        #expect(o.ordered.map(\.id) == ["2025-gimhae", "2025-suwon", "2025-naju"], "by id within type")
    }

    @Test func consensusMatrixWithAFlag() {
        let out = lines(ChairFixture.consensusState(flagged: true))
        #expect(out[1] == " [서면평가]  현장실사  │ 총점 161.33 / 200.00 (80.67%) · 2등급 · 인증")
        #expect(out[2] == " 지표                      김민수 이서연 박준호 최지은 위원 m 위원 m 위원 m   집계   편차   배점")
        #expect(out[9] == " L2      지표 L2                · 100.00 100.00  20.00      ·      ·      ·  73.33  80.00 100.00  ⚑")
        #expect(out[6] == " L1      지표 L1                ·  48.00  48.00  48.00      ·      ·      ·  48.00   0.00  60.00")
        #expect(out[7].hasSuffix("73.33 / 100.00"), "item and field subtotals")
    }

    @Test func consensusWithoutFlagsAt80ColumnsScrollsMembers() {
        var state = ChairFixture.consensusState(flagged: false, width: 80, height: 24)
        var out = lines(state)
        #expect(!out.joined().contains("⚑"))
        #expect(out[2] == " 1-6/7   김민수 이서연 박준호 최지은 위원 m 위원 m   집계   편차   배점")
        #expect(out[9] == " L2           ·  80.00  80.00  80.00      ·      ·  80.00   0.00 100.00")
        #expect(out.allSatisfy { DisplayWidth.of($0) <= 80 })
        _ = Update.update(&state, .key(.char("]")))
        out = lines(state)
        #expect(out[2] == " 2-7/7   이서연 박준호 최지은 위원 m 위원 m 위원 m   집계   편차   배점")
    }

    @Test func indicatorDetailShowsNotesQuestionsAndHistogram() {
        var state = ChairFixture.consensusState(flagged: true)
        _ = Update.update(&state, .key(.down))   // L1
        let out = lines(state)
        let panel = out[18...23].joined(separator: "\n")
        #expect(out[17].hasPrefix(" L1 지표 L1 · 점수 48.00 / 60.00 · 서면 48.00 · 현장 -"))
        #expect(panel.contains("이서연 L4 48.00") && panel.contains("현장 확인 필요"))
        #expect(panel.contains("박준호 L4 48.00") && panel.contains("질의: 참여 명단?"))
        #expect(panel.contains("4 ███ 3"))
    }

    @Test func robustnessPanel() {
        var state = ChairFixture.consensusState(flagged: true)
        _ = Update.update(&state, .key(.char("h")))
        let out = lines(state)
        #expect(out[17] == " 집계 = 절사평균 · 편차 = 최고 − 최저 · 점수 = 서면 × 0.7 + 현장 × 0.3")
        #expect(out[18] == " 경계 여유: 다음 등급까지 +18.67 · 현 등급 하한보다 1.33 높음 · 인증선 140.00")
        #expect(out[19] == " 집계 방법별: 평균 161.33 → 2✓  중앙값 188.00 → 1✓  절사평균 161.33 → 2✓")
        #expect(out[21] == "   L2  73.33 → 20.00 이면 총점 108.00")
        #expect(out[23] == " 이서연 +8.89  박준호 +8.89  최지은 -17.78")
    }

    @Test func finalizeRefusedWithTheReason() {
        var state = ChairFixture.consensusState(flagged: false, refusal: "a is not complete; still to submit — written: chair")
        #expect(Update.update(&state, .key(.char("F"))).isEmpty)
        guard case .notice(let title, let lines)? = state.overlay else { Issue.record("no refusal shown"); return }
        #expect(title == "확정할 수 없습니다")
        #expect(lines == ["a is not complete; still to submit — written: chair"])
    }

    @Test func finalizeAsksForANoteThenConfirms() {
        var state = ChairFixture.consensusState(flagged: false)
        _ = Update.update(&state, .key(.char("F")))
        for c in "합의" { _ = Update.update(&state, .key(.char(c))) }
        _ = Update.update(&state, .key(.enter))
        guard case .confirm(let c)? = state.overlay else { Issue.record("no confirmation"); return }
        #expect(c.lines.contains("총점 168.00 / 200.00 (84.00%) · 2등급 · 인증"))
        #expect(c.lines.contains("메모: 합의"))
        #expect(Update.update(&state, .key(.char("y"))) == [.finalize(application: "a", note: "합의")])
    }

    @Test func reopenOnlyWhenFinal() {
        var state = ChairFixture.consensusState(flagged: false)
        #expect(Update.update(&state, .key(.char("O"))).isEmpty)
        #expect(state.status?.kind == .error)
    }

    @Test func nextFlagAndPhaseAndBack() {
        var state = ChairFixture.consensusState(flagged: true)
        _ = Update.update(&state, .key(.char("f")))
        guard case .consensus(let c) = state.screen else { return }
        #expect(c.current?.id == "L2")
        _ = Update.update(&state, .key(.tab))
        guard case .consensus(let site) = state.screen else { return }
        #expect(site.phase == .site)
        #expect(Update.update(&state, .key(.char("q"))) == [.loadOverview], "no overview to go back to: read it")
    }

    /// Back from the consensus screen, only the row of the application left is read again.
    @Test func backToTheOverviewReadsOnlyTheRowLeft() {
        var state = ChairFixture.overviewState()
        guard case .overview(let overview) = state.screen else { return }
        state.savedOverview = overview
        state.screen = ChairFixture.consensusState(flagged: false).screen
        #expect(Update.update(&state, .key(.char("q"))) == [.refreshOverview(left: "a")])
        var suwon = overview.rows[0]
        suwon.status = .final
        _ = Update.update(&state, .overviewRowsLoaded([(id: "2025-suwon", row: suwon)]))
        guard case .overview(let after) = state.screen else { Issue.record("not on the overview"); return }
        #expect(after.rows.first { $0.id == "2025-suwon" }?.status == .final)
        #expect(after.ordered.map(\.id) == overview.ordered.map(\.id))
        // An application that became invalid leaves the rows for the invalid list.
        _ = Update.update(&state, .overviewRowsLoaded([(id: "2025-naju", row: nil)]))
        guard case .overview(let fewer) = state.screen else { return }
        #expect(fewer.rows.map(\.id) == ["2025-suwon", "2025-gimhae"])
        #expect(fewer.invalid == ["2025-jeonju", "2025-naju"])
    }

    /// The secretary's list of applications scrolls to keep the cursor in view.
    @Test func reportScreenScrollsToTheCursor() {
        let apps = (1...60).map { (id: String(format: "2025-%05d-suwon", $0), name: LocalizedText(ko: "수원시", en: "Suwon-si")) }
        var state = ChairFixture.overviewState(width: 80, height: 24)
        state.screen = .report(ReportState(applications: apps))
        _ = Update.update(&state, .key(.char("G")))
        var text = View.render(state).lines().joined(separator: "\n")
        #expect(text.contains("2025-00060-suwon"), "the last row is shown when the cursor is on it")
        #expect(!text.contains("2025-00001-suwon"))
        #expect(text.contains("60건 중 60건 선택"))
        _ = Update.update(&state, .key(.char("x")))
        _ = Update.update(&state, .key(.char("g")))
        text = View.render(state).lines().joined(separator: "\n")
        #expect(text.contains("[x] 2025-00001-suwon") && !text.contains("2025-00060-suwon"))
        #expect(text.contains("60건 중 59건 선택"))
    }

    /// The report screen offers every format, the CSV's byte order mark, the PDF's pages as text,
    /// and asks before writing over a file.
    @Test func reportScreenFormatsBOMPDFPreviewAndOverwrite() {
        let apps = [(id: "2025-suwon", name: LocalizedText(ko: "수원시", en: "Suwon-si"))]
        var state = ChairFixture.overviewState(width: 100, height: 24)
        state.screen = .report(ReportState(applications: apps))
        var seen: [String] = []
        for _ in ReportState.Format.allCases {
            _ = Update.update(&state, .key(.char("f")))
            guard case .report(let r) = state.screen else { return }
            seen.append(r.format.rawValue)
        }
        #expect(Set(seen) == ["text", "markdown", "html", "csv", "pdf", "xlsx"])
        while case .report(let r) = state.screen, r.format != .csv { _ = Update.update(&state, .key(.char("f"))) }
        #expect(View.render(state).lines().contains { $0.contains("형식: csv BOM (b)") })
        _ = Update.update(&state, .key(.char("b")))
        #expect(View.render(state).lines().contains { $0.contains("형식: csv BOM 없음 (b)") })
        let effects = Update.update(&state, .key(.char("w")))
        #expect(effects.isEmpty)
        guard case .prompt(let p)? = state.overlay else { Issue.record("no prompt"); return }
        #expect(p.text == "citycert-report.csv")
        #expect(Update.update(&state, .key(.enter)) == [.writeReport(applications: ["2025-suwon"], format: .csv, path: "citycert-report.csv", byteOrderMark: false)])

        // The file exists: a question; y writes over it with the same options.
        _ = Update.update(&state, .reportExists(applications: ["2025-suwon"], format: .csv, path: "/tmp/r.csv"))
        #expect(View.render(state).lines().joined(separator: "\n").contains("기존 파일을 덮어쓸까요?"))
        #expect(Update.update(&state, .key(.char("y"))) == [.writeReport(applications: ["2025-suwon"], format: .csv, path: "/tmp/r.csv", overwrite: true, byteOrderMark: false)])
        _ = Update.update(&state, .reportWritten(path: "/srv/reports/r.csv"))
        _ = Update.update(&state, .key(.char("f")))   // csv → pdf
        _ = Update.update(&state, .key(.char("w")))
        guard case .prompt(let next)? = state.overlay else { Issue.record("no prompt"); return }
        #expect(next.text == "/srv/reports/citycert-report.pdf", "the last folder, the format's extension")
        _ = Update.update(&state, .key(.escape))

        // Enter previews the PDF's pages as text.
        #expect(Update.update(&state, .key(.enter)) == [.previewReport(applications: ["2025-suwon"], format: .pdf)])
        _ = Update.update(&state, .reportPreview(["──── 1 / 2 쪽 ────", "수원시", "1 / 2", "──── 2 / 2 쪽 ────", "2 / 2"], pages: 2))
        let text = View.render(state).lines().joined(separator: "\n")
        #expect(text.contains("미리보기 (PDF 2쪽)") && text.contains("──── 1 / 2 쪽"))
    }
}
