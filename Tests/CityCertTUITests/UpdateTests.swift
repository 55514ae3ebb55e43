import CityCertCore
@testable import CityCertTUI
import Foundation
import Testing
import TestSupport

/// state + key → new state + effects, for every key path.
@Suite struct UpdateTests {
    @Test func chooseMemberWithArrowsAndEnter() {
        var state = AppState(screen: .chooseMember(MemberListState(members: Fixture.committee().members, reason: "")))
        let effects = TUIFixture.press([.down, .char("j"), .up, .enter], &state)
        #expect(effects == [.chooseMember("m1")])
        #expect(TUIFixture.press([.char("q")], &state) == [.quit])
        #expect(state.quitting)
    }

    /// A member chosen from the committee list goes back to it with q (chosen by login: q quits).
    @Test func qOnTheFirstScreenGoesBackToTheCommitteeList() {
        var state = AppState(screen: .chooseMember(MemberListState(members: Fixture.committee().members, reason: "")))
        #expect(TUIFixture.press([.down, .enter], &state) == [.chooseMember("m1")])
        _ = Update.update(&state, .sessionStarted(TUIFixture.session(), TUIFixture.summaries()))
        guard case .applications = state.screen else { Issue.record("not on the list"); return }
        #expect(TUIFixture.press([.char("q")], &state).isEmpty)
        guard case .chooseMember(let back) = state.screen else { Issue.record("not back on the committee list"); return }
        #expect(back.cursor == 1 && state.session == nil && !state.quitting)
        #expect(TUIFixture.press([.char("q")], &state) == [.quit], "q there quits")
        var byLogin = TUIFixture.listState()
        #expect(TUIFixture.press([.char("q")], &byLogin) == [.quit])
    }

    @Test func applicationListOpensAndRefusesConflicts() {
        var state = TUIFixture.listState()
        // sorted by id: chuncheon (conflict), jeonju (invalid), naju, suwon
        #expect(TUIFixture.press([.enter], &state).isEmpty, "a conflicted application cannot be opened")
        guard case .notice(let title, let why)? = state.overlay else { Issue.record("no conflict notice"); return }
        #expect(title == "이해충돌")
        #expect(why == ["춘천시에 이해충돌이 있어 열 수 없습니다.", "유형: 회피", "사유: 자문"])
        TUIFixture.press([.escape], &state)
        #expect(TUIFixture.press([.down, .enter], &state).isEmpty, "an invalid application shows its problem")
        guard case .notice(_, let lines)? = state.overlay else { Issue.record("no notice"); return }
        #expect(lines.contains("city_type contradicts population"))
        TUIFixture.press([.escape], &state)
        #expect(TUIFixture.press([.char("G"), .enter], &state) == [.openApplication("2025-suwon")])
    }

    @Test func applicationListFiltersAndSorts() {
        var state = TUIFixture.listState()
        func ids() -> [String] {
            guard case .applications(let s) = state.screen else { return [] }
            return s.visible(language: state.language).map(\.id)
        }
        #expect(ids() == ["2025-chuncheon", "2025-jeonju", "2025-naju", "2025-suwon"])
        TUIFixture.press([.char("t")], &state)            // large only
        #expect(ids() == ["2025-suwon"])
        TUIFixture.press([.char("t")], &state)            // small only
        #expect(ids() == ["2025-chuncheon", "2025-naju"])
        TUIFixture.press([.char("t"), .char("s"), .char("s")], &state)   // all types; status: draft
        #expect(ids() == ["2025-suwon"])
        TUIFixture.press([.char("s"), .char("s"), .char("o"), .char("o")], &state)  // status all; sort by population
        #expect(ids() == ["2025-suwon", "2025-chuncheon", "2025-naju", "2025-jeonju"])
        #expect(TUIFixture.press([.char("r")], &state) == [.loadApplications])
    }

    @Test func levelKeySavesAnEntryAtOnce() {
        var state = TUIFixture.scoringState()
        // cursor on Q1 (quantitative); move to L1 and choose level 4
        let effects = TUIFixture.press([.down, .char("4")], &state)
        #expect(effects == [.setEntry(application: "a", phase: .written, indicator: "L1", entry: Entry(level: 4))])
        #expect(TUIFixture.scoring(state)?.entry("L1")?.level == 4, "the screen answers before the save returns")
        #expect(TUIFixture.press([.char("9")], &state).isEmpty, "no level 9")
        #expect(state.status?.kind == .error)
        #expect(TUIFixture.press([.char("a")], &state).isEmpty, "a is for quantitative indicators")
    }

    @Test func acceptTheSubmittedValue() {
        var state = TUIFixture.scoringState()
        #expect(TUIFixture.press([.char("a")], &state) == [.setEntry(application: "a", phase: .written, indicator: "Q1", entry: Entry(value: 12))])
        #expect(TUIFixture.press([.char("3")], &state).isEmpty, "levels are for qualitative indicators")
    }

    @Test func enterACorrectedValueWithPreview() {
        var state = TUIFixture.scoringState()
        TUIFixture.press([.char("e")], &state)
        guard case .prompt(let p)? = state.overlay else { Issue.record("no prompt"); return }
        #expect(p.text == "", "the prompt starts empty (typing must not append to a value)")
        #expect(p.hint?.contains("12") == true, "the submitted value is shown under the field")
        TUIFixture.press(TUIFixture.type("x7"), &state)
        #expect(TUIFixture.press([.enter], &state).isEmpty, "x7 is not a number")
        #expect(state.status?.kind == .error)
        let effects = TUIFixture.press([.home, .delete, .end, .enter], &state)
        #expect(effects == [.setEntry(application: "a", phase: .written, indicator: "Q1", entry: Entry(value: 7))])
        #expect(state.overlay == nil)
    }

    @Test func escapeCancelsAPrompt() {
        var state = TUIFixture.scoringState()
        TUIFixture.press([.char("n")] + TUIFixture.type("메모"), &state)
        #expect(TUIFixture.press([.escape], &state).isEmpty)
        #expect(state.overlay == nil)
        #expect(TUIFixture.scoring(state)?.entry("Q1") == nil)
    }

    @Test func noteAndClarificationKeepTheScore() {
        var state = TUIFixture.scoringState()
        TUIFixture.press([.char("a")], &state)
        let note = TUIFixture.press([.char("n")] + TUIFixture.type("포털 확인") + [.enter], &state)
        #expect(note == [.setEntry(application: "a", phase: .written, indicator: "Q1", entry: Entry(value: 12, note: "포털 확인"))])
        let ask = TUIFixture.press([.char("c")] + TUIFixture.type("근거 자료?") + [.enter], &state)
        #expect(ask == [.setEntry(application: "a", phase: .written, indicator: "Q1", entry: Entry(value: 12, note: "포털 확인", clarification: "근거 자료?"))])
        let clear = TUIFixture.press([.char("x")], &state)
        #expect(clear == [.setEntry(application: "a", phase: .written, indicator: "Q1", entry: Entry(note: "포털 확인", clarification: "근거 자료?"))],
                "clearing removes the score, not the note and question")
    }

    @Test func submitShowsWhatIsMissing() {
        var state = TUIFixture.scoringState()
        TUIFixture.press([.char("a")], &state)
        #expect(TUIFixture.press([.char("S")], &state).isEmpty)
        guard case .notice(let title, let lines)? = state.overlay else { Issue.record("no notice"); return }
        #expect(title.contains("2"))
        #expect(lines.map { $0.prefix(2) } == ["L1", "L2"])
        #expect(TUIFixture.scoring(state)?.current?.id == "L1", "the cursor goes to the first missing indicator")
    }

    @Test func submitAsksForConfirmation() {
        var state = TUIFixture.scoringState()
        TUIFixture.press([.char("a"), .down, .char("5"), .down, .char("1"), .char("S")], &state)
        guard case .confirm(let c)? = state.overlay else { Issue.record("no confirmation"); return }
        #expect(c.lines.contains { $0.contains("120.00 / 200.00") }, "40 + 60 + 100 × 0.2")
        #expect(TUIFixture.press([.char("n")], &state).isEmpty, "n cancels")
        TUIFixture.press([.char("S")], &state)
        #expect(TUIFixture.press([.char("y")], &state) == [.submit(application: "a", phase: .written)])
    }

    @Test func submittedSheetIsReadOnlyUntilReopened() {
        var sheet = ScoreSheet(application: "a", member: "m1")
        sheet.phases[.written] = PhaseSheet(status: .submitted, entries: Fixture.levels(4, 5))
        var state = TUIFixture.scoringState(sheet: sheet)
        #expect(TUIFixture.press([.char("a")], &state).isEmpty)
        #expect(state.status?.text(state.language).contains("R") == true)
        TUIFixture.press([.char("R")], &state)
        #expect(TUIFixture.press([.enter], &state) == [.reopenSheet(application: "a", phase: .written)])
    }

    @Test func finalApplicationIsReadOnly() {
        var state = TUIFixture.scoringState(isFinal: true)
        #expect(TUIFixture.press([.char("a"), .char("e"), .char("n")], &state).isEmpty)
        #expect(state.overlay == nil)
        #expect(state.status?.text(state.language).contains("확정") == true)
    }

    @Test func phaseSwitchOnlyForTheSiteTeam() {
        var state = TUIFixture.scoringState(onSiteTeam: false)
        TUIFixture.press([.tab], &state)
        #expect(TUIFixture.scoring(state)?.phase == .written)
        #expect(state.status?.kind == .error)
        var team = TUIFixture.scoringState()
        TUIFixture.press([.tab], &team)
        #expect(TUIFixture.scoring(team)?.phase == .site)
        #expect(TUIFixture.press([.char("a")], &team) == [.setEntry(application: "a", phase: .site, indicator: "Q1", entry: Entry(value: 12))])
        TUIFixture.press([.char("p")], &team)
        #expect(TUIFixture.scoring(team)?.phase == .written)
    }

    @Test func findByIDOrName() {
        var state = TUIFixture.scoringState(language: .en)
        TUIFixture.press([.char("/")] + TUIFixture.type("l2") + [.enter], &state)
        #expect(TUIFixture.scoring(state)?.current?.id == "L2")
        TUIFixture.press([.char("/"), .ctrl("u")] + TUIFixture.type("정량") + [.enter], &state)
        #expect(TUIFixture.scoring(state)?.current?.id == "Q1", "Korean names are searched too")
        // "지표" matches L1 and L2: / Enter again goes to the next match, wrapping around.
        TUIFixture.press([.char("/"), .ctrl("u")] + TUIFixture.type("지표") + [.enter], &state)
        #expect(TUIFixture.scoring(state)?.current?.id == "L1")
        #expect(state.status?.text(state.language).contains("2") == true)
        TUIFixture.press([.char("/")], &state)
        guard case .prompt(let p)? = state.overlay else { Issue.record("no prompt"); return }
        #expect(p.text == "", "the search prompt starts empty")
        TUIFixture.press([.enter], &state)
        #expect(TUIFixture.scoring(state)?.current?.id == "L2", "Enter on an empty search finds the last one's next match")
        TUIFixture.press([.char("/"), .enter], &state)
        #expect(TUIFixture.scoring(state)?.current?.id == "L1")
        TUIFixture.press([.char("/"), .ctrl("u")] + TUIFixture.type("zzz") + [.enter], &state)
        #expect(state.status?.kind == .error)
    }

    @Test func nextMissingWraps() {
        var state = TUIFixture.scoringState()
        TUIFixture.press([.char("a"), .char("m")], &state)
        #expect(TUIFixture.scoring(state)?.current?.id == "L1")
        TUIFixture.press([.char("4"), .char("m")], &state)
        #expect(TUIFixture.scoring(state)?.current?.id == "L2")
        TUIFixture.press([.char("5"), .char("m")], &state)
        #expect(state.status?.kind == .success, "all entered")
    }

    @Test func helpLanguageAndBack() {
        var state = TUIFixture.scoringState()
        TUIFixture.press([.char("?")], &state)
        guard case .help? = state.overlay else { Issue.record("no help"); return }
        #expect(TUIFixture.press([.char("a")], &state).isEmpty,
                "a key that closes the help only closes it (it could change a score the member did not mean)")
        #expect(state.overlay == nil)
        TUIFixture.press([.char("?")], &state)
        #expect(TUIFixture.press([.escape], &state).isEmpty, "Esc only closes")
        #expect(state.overlay == nil && TUIFixture.scoring(state) != nil)
        TUIFixture.press([.char("L")], &state)
        #expect(state.language == .en)
        #expect(TUIFixture.press([.char("q")], &state) == [.loadApplications])
        guard case .applications = state.screen else { Issue.record("not back at the list"); return }
    }

    @Test func viewShowsTheWholeIndicatorInAScrollableReader() {
        var sheet = ScoreSheet(application: "a", member: "m1")
        sheet.phases[.written] = PhaseSheet(status: .submitted, entries: Fixture.levels(4, 5))
        let peers: [Phase: [String: PhaseResult]] = [.written: ["Q1": PhaseResult(members: [MemberPoints(member: "m1", points: Points(40), entry: Entry(value: 12))],
                                                                                     aggregate: Points(40), spread: .zero)]]
        var state = TUIFixture.scoringState(sheet: sheet, peers: peers, width: 80, height: 12 + 4)
        TUIFixture.press([.char("v")], &state)
        guard case .reader(let title, let lines, 0)? = state.overlay else { Issue.record("no reader"); return }
        #expect(title == "Q1 정량 Q1")
        #expect(lines.contains("제출값    12 건"))
        #expect(lines.contains { $0.hasPrefix("위원 점수 · 서면평가") }, "the committee's points are in the full view")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= OverlayScreen.readerTextWidth(state) })
        TUIFixture.press([.pageDown], &state)
        guard case .reader(_, _, let scrolled)? = state.overlay else { Issue.record("the reader closed on PgDn"); return }
        #expect(scrolled > 0)
        let text = View.render(state).lines().joined(separator: "\n")
        #expect(text.contains("PgUp PgDn 이동"))
        TUIFixture.press([.char("q")], &state)
        #expect(state.overlay == nil)
        #expect(TUIFixture.scoring(state) != nil, "q closes the reader only")
    }

    @Test func aKeyThatClosesTheHelpDoesNothingElse() {
        var state = TUIFixture.scoringState()
        TUIFixture.press([.down, .char("3")], &state)
        TUIFixture.press([.char("?")], &state)
        guard case .help? = state.overlay else { Issue.record("no help"); return }
        let effects = TUIFixture.press([.char("x")], &state)
        #expect(state.overlay == nil)
        #expect(effects.isEmpty, "x closes the help and clears nothing: \(effects)")
    }

    @Test func aKeyThatClosesTheReaderIsAlsoDone() {
        var state = TUIFixture.scoringState()
        TUIFixture.press([.down, .char("v")], &state)
        guard case .reader? = state.overlay else { Issue.record("no reader"); return }
        let effects = TUIFixture.press([.char("3")], &state)
        #expect(state.overlay == nil)
        #expect(effects == [.setEntry(application: "a", phase: .written, indicator: "L1", entry: Entry(level: 3))], "3 closes the view and sets level 3")
    }

    @Test func aPromptIsNotTypedIntoWhileTheWindowIsTooSmall() {
        var state = TUIFixture.scoringState()
        TUIFixture.press([.char("n")], &state)
        _ = Update.update(&state, .resize(width: 40, height: 10))
        TUIFixture.press([.char("x"), .char("y")], &state)
        _ = Update.update(&state, .resize(width: 80, height: 24))
        guard case .prompt(let p)? = state.overlay else { Issue.record("the prompt is kept"); return }
        #expect(p.text == "")
    }

    @Test func statusOfOneScreenDoesNotFollowToTheNext() {
        var state = TUIFixture.scoringState()
        TUIFixture.press([.char("/")] + TUIFixture.type("zzz") + [.enter], &state)
        #expect(state.status?.kind == .error)
        TUIFixture.press([.char("q")], &state)
        #expect(state.status == nil)
    }

    @Test func backToTheListKeepsItsCursorAndFilters() {
        var state = TUIFixture.listState()
        TUIFixture.press([.char("G"), .enter], &state)          // suwon, the last row
        var suwon = TUIFixture.application()
        suwon.id = "2025-suwon"
        _ = Update.update(&state, .applicationOpened(OpenApplication(application: suwon, sheet: ScoreSheet(application: "2025-suwon", member: "m1"))))
        // Only the row of the application left is read again, with what is final.
        #expect(TUIFixture.press([.char("q")], &state) == [.refreshApplications(left: "2025-suwon")])
        var row = TUIFixture.summaries()[0]
        row.progress = [.written: .submitted, .site: .notStarted]
        _ = Update.update(&state, .applicationRowsLoaded([(id: "2025-suwon", row: row)], final: ["2025-naju"]))
        guard case .applications(let list) = state.screen else { Issue.record("not on the list"); return }
        #expect(list.cursor == 3)
        #expect(list.all.map(\.id) == TUIFixture.summaries().map(\.id))
        #expect(list.all.first { $0.id == "2025-suwon" }?.progress[.written] == .submitted)
        #expect(list.all.filter(\.isFinal).map(\.id) == ["2025-naju"])
        // An application gone meanwhile leaves the list.
        _ = Update.update(&state, .applicationRowsLoaded([(id: "2025-suwon", row: nil)], final: []))
        guard case .applications(let shorter) = state.screen else { Issue.record("not on the list"); return }
        #expect(shorter.all.map(\.id) == ["2025-chuncheon", "2025-naju", "2025-jeonju"])
        #expect(shorter.cursor == 2, "the cursor stays on the list")
    }

    @Test func tickAsksToRefreshOnlyWithoutAnOverlay() {
        var state = TUIFixture.scoringState()
        #expect(Update.update(&state, .tick) == [.refreshIfChanged(.openApplication("a"))])
        TUIFixture.press([.char("n")], &state)
        #expect(Update.update(&state, .tick).isEmpty, "not while typing")
        // The list and the overview read again only what changed.
        var list = TUIFixture.listState()
        #expect(Update.update(&list, .tick) == [.refreshIfChanged(.refreshApplications(left: nil))])
        var overview = ChairFixture.overviewState()
        #expect(Update.update(&overview, .tick) == [.refreshIfChanged(.chair(.refreshOverview(left: nil)))])
    }

    @Test func tooSmallIgnoresKeysButQuits() {
        var state = TUIFixture.scoringState(width: 40, height: 10)
        #expect(TUIFixture.press([.char("a"), .char("4")], &state).isEmpty)
        #expect(TUIFixture.press([.char("q")], &state) == [.quit])
    }

    @Test func savedAndFailedMessages() {
        var state = TUIFixture.scoringState()
        var sheet = ScoreSheet(application: "a", member: "m1")
        sheet.phases[.written] = PhaseSheet(entries: ["Q1": Entry(value: 3)])
        _ = Update.update(&state, .sheetSaved(sheet, at: "10:00:01"))
        #expect(TUIFixture.scoring(state)?.savedAt == "10:00:01")
        #expect(TUIFixture.scoring(state)?.entry("Q1")?.value == 3)
        _ = Update.update(&state, .failed(LocalizedText("disk full")))
        #expect(state.status == StatusLine("disk full", .error))
        _ = Update.update(&state, .resize(width: 120, height: 40))
        #expect(state.width == 120 && state.height == 40)
    }

    @Test func promptEditingWithHangul() {
        var field = TextField("수원")
        field.apply(.char("시"), width: 40)
        field.apply(.left, width: 40)
        field.apply(.backspace, width: 40)
        #expect(field.text == "수시" && field.cursor == 1)
        field.apply(.ctrl("k"), width: 40)
        #expect(field.text == "수")
        #expect(EnteredNumber.value("1,234.5") == Decimal(string: "1234.5"))
        #expect(EnteredNumber.value("0,5") == nil, "a decimal comma is never read as 5")
        #expect(EnteredNumber.value("1.2.3") == nil)
        #expect(EnteredNumber.value("-3") == -3)
        #expect(EnteredNumber.value("3-") == nil)
    }

    /// A status line is a value put into words when drawn: `L` redraws it in the other language,
    /// whether update said it (a key), or the runtime did (a store's refusal, in both languages).
    @Test func languageSwitchRedrawsTheStatusLine() {
        var state = TUIFixture.listState()
        #expect(TUIFixture.press([.char("r")], &state) == [.loadApplications])
        let statusRow = { (s: AppState) in View.render(s).lines()[s.height - 2] }
        #expect(statusRow(state) == " 저장소를 다시 읽었습니다.")
        TUIFixture.press([.char("L")], &state)
        #expect(statusRow(state) == " Read the store again.")
        _ = Update.update(&state, .failed(LocalizedText(ko: "제출된 평가표입니다", en: "the sheet is submitted")))
        #expect(statusRow(state) == " the sheet is submitted")
        TUIFixture.press([.char("L")], &state)
        #expect(statusRow(state) == " 제출된 평가표입니다")
        var scoring = TUIFixture.scoringState()
        TUIFixture.press([.char("p")], &scoring)
        #expect(statusRow(scoring).hasPrefix(" 단계: 현장실사"), "\(statusRow(scoring))")
        TUIFixture.press([.char("L")], &scoring)
        #expect(statusRow(scoring).hasPrefix(" Phase: site inspection"), "\(statusRow(scoring))")
    }
}
