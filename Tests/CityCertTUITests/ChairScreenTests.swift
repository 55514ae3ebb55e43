import CityCertCore
@testable import CityCertTUI
import Testing
import TestSupport

/// The chair's overview and consensus screens, with Korean names, with and without flags.
@Suite struct ChairScreenTests {
    func lines(_ state: AppState) -> [String] { View.render(state).lines() }

    @Test func overviewByTypeClosestRangeToTheCertificationLineFirst() {
        let out = lines(ChairFixture.overviewState())
        let expected = [
            "  지자체    상태    서면  현장     총점      % 등급      인증      ±인증선  ⚑ 미제출 / 손상",
            " 대도시",
            "  김해시    잠정     5/7   1/3  1214.71  60.74 4? (4–3)  미인증?   −185.29  1 손상 임소영 · 서면…",
            "  수원시    완료     8/8   4/4  1627.15  81.36 2 (3–2)   인증      +227.15  2",
            " 중소도시",
            "  나주시    잠정     3/8   0/8   493.82  49.38 5?        미인증?   −206.18    서면 이서연",
            " 오류가 있는 신청서 (Enter: 사유)",
            "  2025-jeonju  applications/2025-jeonju/application.yaml:7: city_type 'small' contradicts populati…",
        ]
        #expect(lineDiff(Array(out[3...10]), expected) == nil, "\(lineDiff(Array(out[3...10]), expected) ?? "")")
        var state = ChairFixture.overviewState()
        #expect(Update.update(&state, .key(.enter)) == [.chair(.openConsensus("2025-gimhae"))], "the range crossing the line comes first")
        _ = Update.update(&state, .key(.char("o")))
        guard case .overview(let o) = state.screen else { return }
        #expect(o.ordered.map(\.id) == ["2025-gimhae", "2025-suwon", "2025-naju"], "by id within type")
    }

    /// The invalid application is a row of its own: the cursor reaches it and Enter shows why.
    @Test func overviewInvalidRowOpensItsReason() {
        var state = ChairFixture.overviewState()
        _ = Update.update(&state, .key(.char("G")))
        #expect(Update.update(&state, .key(.enter)).isEmpty)
        guard case .notice(let title, let lines)? = state.overlay else { Issue.record("no reason shown"); return }
        #expect(title == "2025-jeonju: 오류")
        #expect(lines.joined(separator: " ").contains("city_type 'small' contradicts population 641000"))
    }

    /// At 80 columns in English the grade, its range and the certification are never cut; at 160
    /// the names and the missing list use the width.
    @Test func overviewAt80And160Columns() {
        let narrow = lines(ChairFixture.overviewState(width: 80, language: .en))
        #expect(narrow[3] == "  City     Status   Wr.  Site    Total Grade     Cert.       ±Line  ⚑ Missing…")
        #expect(narrow[5] == "  Gimhae-… prov.    5/7   1/3  1214.71 4? (4–3)  no?       −185.29  1 damaged…")
        #expect(narrow.allSatisfy { DisplayWidth.of($0) <= 80 })
        let wide = lines(ChairFixture.overviewState(width: 160, height: 48))
        #expect(wide[5] == "  김해시                   잠정     5/7   1/3  1214.71  60.74 4? (4–3)  미인증?   −185.29  1 손상 임소영 · 서면 윤재현")
    }

    @Test func consensusMatrixWithAFlag() {
        let out = lines(ChairFixture.consensusState(flagged: true))
        #expect(out[1].hasPrefix(" [서면평가]  현장실사  │ 2등급 · 인증 · 총점 161.33 / 200.00 (80.67%) · 범위 5–1등급"), "grade and certification first")
        #expect(out[2] == " 잠정, 미제출 — 서면: 김민수 위원 m4 위원 m5 위원 m6 — 현장: 이서연 박준호")
        #expect(out[3] == " 지표                      김민수 이서연 박준호 최지은 위원 m 위원 m 위원 m   집계   편차   배점")
        #expect(out[10] == " L2      지표 L2                · 100.00 100.00  20.00      ·      ·      ·  73.33  80.00 100.00 ⚑", "the flag next to its numbers")
        #expect(out[7] == " L1      지표 L1                ·  48.00  48.00  48.00      ·      ·      ·  48.00   0.00  60.00")
        #expect(out[8].hasSuffix("73.33 / 100.00"), "item and field subtotals")
    }

    @Test func consensusWithoutFlagsAt80ColumnsScrollsMembers() {
        var state = ChairFixture.consensusState(flagged: false, width: 80, height: 24)
        var out = lines(state)
        #expect(!out.joined().contains("⚑"))
        #expect(out[3] == " 1-6/7   김민수 이서연 박준호 최지은 위원 m 위원 m   집계   편차   배점")
        #expect(out[10] == " L2           ·  80.00  80.00  80.00      ·      ·  80.00   0.00 100.00")
        #expect(out.allSatisfy { DisplayWidth.of($0) <= 80 })
        _ = Update.update(&state, .key(.char("]")))
        out = lines(state)
        #expect(out[3] == " 2-7/7   이서연 박준호 최지은 위원 m 위원 m 위원 m   집계   편차   배점")
    }

    /// In English at 80 columns the header keeps the grade and certification; the missing list wraps.
    @Test func consensusHeaderInEnglishAt80() {
        let out = lines(ChairFixture.consensusState(flagged: true, width: 80, height: 24, language: .en))
        #expect(out[1] == " [written evaluation]  site inspection  │ grade 2 · certified · 161.33 (80.67%)", "a figure is never cut")
        #expect(out[2] == " provisional, missing — written: 김민수 위원 m4 위원 m5 위원 m6 — site: 이서연")
        #expect(out[3] == " 박준호")
    }

    @Test func finalCityShowsWhoFinalizedWhenAndTheNote() {
        let out = lines(ChairFixture.consensusState(flagged: true, decision: true))
        #expect(out[0].hasPrefix(" 수원시 Suwon-si · 대도시 · 확정"))
        #expect(out[2] == " 확정: 김민수, 2025-10-01 09:00 KST · 메모: 전원 합의")
        #expect(out.last!.contains("O 확정 취소"))
    }

    @Test func aDecisionThatDisagreesWithTheSheetsIsFlagged() {
        let out = lines(ChairFixture.consensusState(flagged: true, width: 80, height: 24, language: .en, decision: true, decisionTotal: .zero))
        #expect(out[2] == " ⚠ the decision (0.00, grade 2) disagrees with the sheets (161.33, grade 2) ·")
        #expect(out[3] == " finalized by 김민수, 2025-10-01 09:00 KST · note: 전원 합의")
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

    /// A provisional city: the view names the aggregation actually used (a plain mean under
    /// trim_min_members, written only without site sheets), says the figures will change, and
    /// shows the range across the certification line and what moves it.
    @Test func robustnessPanelOfAProvisionalCityWhoseRangeCrossesTheLine() {
        var state = ChairFixture.consensusState(flagged: true)
        _ = Update.update(&state, .key(.char("h")))
        let out = lines(state)
        let expected = [
            " 집계 = 단순 평균 (평가표 5장 미만: 절사 없음) · 점수 = 서면만 (현장 평가표 없음)",
            " 잠정: 미제출 평가표가 있어 아래 수치는 아직 바뀝니다 (안정성 판단 보류).",
            " 현재까지 범위 108.00–188.00 (5–1등급) — 제출된 평가표 기준, 미제출 평가표가 들어오면 바뀝니다",
            " 경계 여유: 다음 등급까지 +18.67 · 현 등급 하한보다 1.33 높음 · 인증선 140.00 (+21.33)",
            " 범위를 가장 크게 움직이는 지표: L2 20.00–100.00",
            " 집계 방법별: 평균 161.33 → 2✓  중앙값 188.00 → 1✓  절사평균 161.33 → 2✓",
            " 위원별 합의 대비 평균 차이 (참고용): 이서연 +8.89  박준호 +8.89  최지은 -17.78",
        ]
        let got = Array(out[17...23]).map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
        #expect(lineDiff(got, expected) == nil, "\(lineDiff(got, expected) ?? "")")
        #expect(!out.joined().contains("인증 여부가 바뀌지"), "no verdict of solidity while provisional")
    }

    @Test func robustnessPanelInEnglishAt80WrapsInsteadOfCutting() {
        var state = ChairFixture.consensusState(flagged: true, width: 80, height: 24, language: .en)
        _ = Update.update(&state, .key(.char("h")))
        let out = lines(state)
        #expect(out[14].hasPrefix(" agg. = plain mean (< 5 sheets) · score = written only (no site sheet yet)"))
        #expect(out[16].hasPrefix(" Range so far 108.00–188.00 (grades 5–1) — from the sheets in; missing sheets"))
        #expect(out.contains { $0.hasPrefix(" Moves it most: L2 20.00–100.00") })
    }

    @Test func finalizeRefusedWithTheReason() {
        var state = ChairFixture.consensusState(flagged: false, refusal: .incomplete(written: ["chair"], site: []))
        #expect(Update.update(&state, .key(.char("F"))).isEmpty)
        guard case .notice(let title, let lines)? = state.overlay else { Issue.record("no refusal shown"); return }
        #expect(title == "확정할 수 없습니다")
        #expect(lines == ["평가가 끝나지 않았습니다. 미제출 — 서면평가: 김민수"])
        // After L, in English: the reason is put into words when it is shown, not when it was read.
        _ = Update.update(&state, .key(.escape))
        _ = Update.update(&state, .key(.char("L")))
        _ = Update.update(&state, .key(.char("F")))
        guard case .notice(let en, let enLines)? = state.overlay else { Issue.record("no refusal shown"); return }
        #expect(en == "Cannot finalize" && enLines == ["a is not complete; still to submit — written: chair"], "\(enLines)")
    }

    @Test func finalizeAsksForANoteThenConfirmsWithTheFullPicture() {
        var state = ChairFixture.consensusState(flagged: false)
        _ = Update.update(&state, .key(.char("F")))
        guard case .prompt(let p)? = state.overlay else { Issue.record("no note prompt"); return }
        #expect(p.title == "의결 메모 (선택)")
        for c in "합의" { _ = Update.update(&state, .key(.char(c))) }
        _ = Update.update(&state, .key(.enter))
        guard case .confirm(let c)? = state.overlay else { Issue.record("no confirmation"); return }
        #expect(c.lines.contains("2등급 · 인증 · 총점 168.00 / 200.00 (84.00%)"))
        #expect(c.lines.contains("경계 여유: 1등급까지 +12.00 · 2등급 하한보다 8.00 높음"))
        #expect(c.lines.contains("현재까지 범위 168.00–168.00 (2등급) — 제출된 평가표 기준, 미제출 평가표가 들어오면 바뀝니다"),
                "provisional: no verdict on the range")
        #expect(c.lines.contains("메모: 합의"))
        #expect(Update.update(&state, .key(.char("y"))) == [.chair(.finalize(application: "a", note: "합의"))])
    }

    /// A range across the certification line: a note is required, and the id must be typed again.
    @Test func finalizingACityWhoseRangeCrossesTheLineNeedsANoteAndTheTypedID() {
        var state = ChairFixture.consensusState(flagged: true)
        _ = Update.update(&state, .key(.char("F")))
        guard case .prompt(let p)? = state.overlay else { Issue.record("no note prompt"); return }
        #expect(p.title == "의결 메모 (필수: 범위가 인증선을 넘나듭니다)")
        #expect(Update.update(&state, .key(.enter)).isEmpty)
        #expect(state.status?.kind == .error, "an empty note is refused")
        guard case .prompt? = state.overlay else { Issue.record("the prompt closed"); return }
        for c in "L2 재검토 후 합의" { _ = Update.update(&state, .key(.char(c))) }
        _ = Update.update(&state, .key(.enter))
        guard case .confirm(let c)? = state.overlay else { Issue.record("no confirmation"); return }
        #expect(c.lines.contains("현재까지 범위 108.00–188.00 (5–1등급) — 제출된 평가표 기준, 미제출 평가표가 들어오면 바뀝니다"))
        #expect(c.lines.contains("⚠ 편차 경고 지표에 따라 인증 여부가 아직 바뀔 수 있습니다."))
        #expect(Update.update(&state, .key(.char("y"))).isEmpty, "y alone does not finalize")
        guard case .prompt(let typed)? = state.overlay else { Issue.record("no typed confirmation"); return }
        #expect(typed.title == "확정하려면 a 입력 (범위가 인증선을 넘나듦)")
        _ = Update.update(&state, .key(.char("b")))
        #expect(Update.update(&state, .key(.enter)).isEmpty, "a wrong id finalizes nothing")
        #expect(state.overlay == nil && state.status?.kind == .error)
        // Again, with the right id: the note typed before is offered again, not lost.
        _ = Update.update(&state, .key(.char("F")))
        guard case .prompt(let again)? = state.overlay else { Issue.record("no note prompt"); return }
        #expect(again.text == "L2 재검토 후 합의")
        _ = Update.update(&state, .key(.enter))
        _ = Update.update(&state, .key(.char("y")))
        _ = Update.update(&state, .key(.char("a")))
        #expect(Update.update(&state, .key(.enter)) == [.chair(.finalize(application: "a", note: "L2 재검토 후 합의"))])
    }

    @Test func reopenAsksForAReason() {
        var state = ChairFixture.consensusState(flagged: false, decision: true)
        _ = Update.update(&state, .key(.char("O")))
        guard case .prompt(let p)? = state.overlay else { Issue.record("no reason prompt"); return }
        #expect(p.title == "확정 취소 사유 (필수, 감사 기록에 남음)")
        #expect(Update.update(&state, .key(.enter)).isEmpty)
        #expect(state.status?.kind == .error, "a reason is required")
        for c in "이의신청 접수" { _ = Update.update(&state, .key(.char(c))) }
        _ = Update.update(&state, .key(.enter))
        guard case .confirm(let c)? = state.overlay else { Issue.record("no confirmation"); return }
        #expect(c.lines.contains("사유: 이의신청 접수"))
        #expect(Update.update(&state, .key(.char("y"))) == [.chair(.reopenApplication("a", reason: "이의신청 접수"))])
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
        #expect(Update.update(&state, .key(.char("q"))) == [.chair(.loadOverview)], "no overview to go back to: read it")
    }

    /// Back from the consensus screen, only the row of the application left is read again.
    @Test func backToTheOverviewReadsOnlyTheRowLeft() {
        var state = ChairFixture.overviewState()
        guard case .overview(let overview) = state.screen else { return }
        state.savedOverview = overview
        state.screen = ChairFixture.consensusState(flagged: false).screen
        #expect(Update.update(&state, .key(.char("q"))) == [.chair(.refreshOverview(left: "a"))])
        var suwon = overview.rows[0]
        suwon.status = .final
        _ = Update.update(&state, .overviewRowsLoaded([(id: "2025-suwon", row: suwon, reasons: [])]))
        guard case .overview(let after) = state.screen else { Issue.record("not on the overview"); return }
        #expect(after.rows.first { $0.id == "2025-suwon" }?.status == .final)
        #expect(after.ordered.map(\.id) == overview.ordered.map(\.id))
        // An application that became invalid leaves the rows for the invalid list.
        _ = Update.update(&state, .overviewRowsLoaded([(id: "2025-naju", row: nil, reasons: ["line 3: bad"])]))
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
        #expect(Update.update(&state, .key(.enter)) == [.chair(.writeReport(applications: ["2025-suwon"], format: .csv, path: "citycert-report.csv", choices: ReportChoices(byteOrderMark: false)))])

        // The file exists: a question; y writes over it with the same options.
        _ = Update.update(&state, .reportExists(applications: ["2025-suwon"], format: .csv, path: "/tmp/r.csv", choices: ReportChoices(byteOrderMark: false)))
        #expect(View.render(state).lines().joined(separator: "\n").contains("기존 파일을 덮어쓸까요?"))
        #expect(Update.update(&state, .key(.char("y"))) == [.chair(.writeReport(applications: ["2025-suwon"], format: .csv, path: "/tmp/r.csv", overwrite: true, choices: ReportChoices(byteOrderMark: false)))])
        _ = Update.update(&state, .reportWritten(path: "/srv/reports/r.csv"))
        _ = Update.update(&state, .key(.char("f")))   // csv → pdf
        _ = Update.update(&state, .key(.char("w")))
        guard case .prompt(let next)? = state.overlay else { Issue.record("no prompt"); return }
        #expect(next.text == "/srv/reports/citycert-report.pdf", "the last folder, the format's extension")
        _ = Update.update(&state, .key(.escape))

        // Enter previews the PDF's pages as text.
        #expect(View.render(state).lines().contains { $0.contains("부록: 없음 (m n)") })
        _ = Update.update(&state, .key(.char("m")))
        _ = Update.update(&state, .key(.char("m")))
        _ = Update.update(&state, .key(.char("n")))
        #expect(View.render(state).lines().contains { $0.contains("부록: 위원별 익명, 의견 (m n)") })
        #expect(Update.update(&state, .key(.enter)) == [.chair(.previewReport(applications: ["2025-suwon"], format: .pdf,
                                                                       choices: ReportChoices(byteOrderMark: false, members: .anonymous, notes: true)))])
        #expect(state.status?.text(state.language) == "Chromium으로 PDF 인쇄 중… (몇 초 걸립니다)", "drawn before Chromium runs")
        #expect(Effect.chair(.previewReport(applications: [], format: .pdf)).takesSeconds)
        #expect(!Effect.chair(.previewReport(applications: [], format: .text)).takesSeconds)
        #expect(Effect.chair(.writeReport(applications: [], format: .pdf, path: "r.pdf")).takesSeconds)
        _ = Update.update(&state, .reportPreview(["──── 1 / 2 쪽 ────", "수원시", "1 / 2", "──── 2 / 2 쪽 ────", "2 / 2"], pages: 2))
        let text = View.render(state).lines().joined(separator: "\n")
        #expect(text.contains("미리보기 (PDF 2쪽)") && text.contains("──── 1 / 2 쪽"))
        #expect(state.status == nil, "printing is over")
    }
}
