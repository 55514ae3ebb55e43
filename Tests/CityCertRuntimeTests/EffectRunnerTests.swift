import CityCertCore
import CityCertRuntime
@testable import CityCertStore
@testable import CityCertTUI
import Foundation
import Testing
import TestSupport

/// The application driven key by key against a real temporary store: what the member types ends up
/// in the sheet file, and what the screens show comes from the store.
@Suite struct EffectRunnerTests {
    func start(_ t: TempStore, as member: String?) throws -> (EffectRunner, AppState) {
        let store = try Store.open(at: t.path)
        let runner = EffectRunner(store: store, memberID: member)
        return (runner, runner.start(language: .ko, colors: false, width: 80, height: 24, reason: "test"))
    }

    func press(_ keys: [Key], _ runner: EffectRunner, _ state: inout AppState) {
        for k in keys { runner.send(.key(k), to: &state) }
    }

    func sheetOnDisk(_ t: TempStore, _ member: String, _ app: String) throws -> ScoreSheet {
        try JSONDecoder().decode(ScoreSheet.self, from: Data(contentsOf: t.root.appendingPathComponent("scores/\(member)/\(app).json")))
    }

    @Test func chooseMemberThenScoreAndSubmit() throws {
        let t = try TempStore()
        defer { t.remove() }
        var (runner, state) = try start(t, as: nil)
        guard case .chooseMember = state.screen else { Issue.record("expected the member list"); return }
        press([.down, .down, .enter], runner, &state)            // kim, lee, park
        #expect(state.session?.member.id == "park")
        guard case .applications(let list) = state.screen else { Issue.record("expected the list"); return }
        #expect(list.all.map(\.id) == ["app-a", "app-b"])
        press([.enter], runner, &state)                          // app-a (large)
        guard case .scoring = state.screen else { Issue.record("expected scoring"); return }
        press([.char("a"), .down, .char("4"), .down, .char("5")], runner, &state)
        var sheet = try sheetOnDisk(t, "park", "app-a")
        #expect(sheet.phases[.written]?.entries["Q1"] == Entry(value: 7))
        #expect(sheet.phases[.written]?.entries["L1"] == Entry(level: 4))
        #expect(sheet.phases[.written]?.entries["L2"] == Entry(level: 5))
        #expect(sheet.phases[.written]?.status == .draft)
        #expect(state.status?.kind == .success)
        press([.char("S"), .char("y")], runner, &state)
        sheet = try sheetOnDisk(t, "park", "app-a")
        #expect(sheet.phases[.written]?.status == .submitted)
        #expect(sheet.phases[.written]?.submittedAt != nil)
        // After submitting, the member sees the committee's points for the phase.
        guard case .scoring(let s) = state.screen else { Issue.record("expected scoring"); return }
        #expect(s.open.peers[.written]?["L1"]?.members.map(\.member) == ["park"])
        #expect(s.open.peers[.site] == nil, "the site phase is not submitted: nothing of it is shown")
        // Back to the list: progress is read again.
        press([.char("q")], runner, &state)
        guard case .applications(let after) = state.screen else { Issue.record("expected the list"); return }
        #expect(after.all.first { $0.id == "app-a" }?.progress[.written] == .submitted)
        let log = try String(contentsOf: t.root.appendingPathComponent("audit.log"), encoding: .utf8)
        #expect(log.split(separator: "\n").count == 4, "three entries and a submit")
    }

    @Test func refusedChangesAreReportedAndNothingIsWritten() throws {
        let t = try TempStore()
        defer { t.remove() }
        var (runner, state) = try start(t, as: "lee")
        // lee has a conflict on app-b: the list shows it and it cannot be opened.
        guard case .applications(let list) = state.screen else { Issue.record("expected the list"); return }
        #expect(list.all.first { $0.id == "app-b" }?.conflict != nil)
        press([.down, .enter], runner, &state)
        guard case .applications = state.screen else { Issue.record("a conflicted application must not open"); return }
        guard case .notice(let title, _)? = state.overlay else { Issue.record("the conflict is explained"); return }
        #expect(title == "이해충돌")
        press([.escape], runner, &state)
        #expect(!FileManager.default.fileExists(atPath: t.root.appendingPathComponent("scores/lee/app-b.json").path))
        // lee is not on the site team of app-a.
        press([.up, .enter, .tab], runner, &state)
        guard case .scoring(let s) = state.screen else { Issue.record("expected scoring"); return }
        #expect(s.phase == .written)
        #expect(state.status?.kind == .error)
    }

    @Test func sitePhaseForTheTeamAndPartialDraftProgress() throws {
        let t = try TempStore()
        defer { t.remove() }
        var (runner, state) = try start(t, as: "choi")
        press([.enter, .tab, .char("a"), .char("q")], runner, &state)
        let sheet = try sheetOnDisk(t, "choi", "app-a")
        #expect(sheet.phases[.site]?.entries["Q1"] == Entry(value: 7))
        #expect(sheet.phases[.written] == nil)
        guard case .applications(let list) = state.screen else { Issue.record("expected the list"); return }
        let row = list.all.first { $0.id == "app-a" }
        #expect(row?.progress[.site] == .draft(done: 1, of: 3))
        #expect(row?.progress[.written] == .notStarted)
        #expect(list.all.first { $0.id == "app-b" }?.progress[.site] == .notStarted, "no site team listed: every eligible member inspects")
    }

    /// Leaving an application reads its row again and what is final, and the list is then what a
    /// full read would give.
    @Test func leavingAnApplicationReadsItsRowAndWhatIsFinal() throws {
        let t = try TempStore()
        defer { t.remove() }
        var (runner, state) = try start(t, as: "park")
        press([.enter, .char("a")], runner, &state)
        // Meanwhile the chair finalizes the other application.
        try t.write("decisions/app-b.json", #"{"format": 1, "application": "app-b", "finalized_by": "kim", "finalized_at": "2025-10-01T00:00:00Z", "total": "0.00", "max": "200.00", "grade": 5, "certified": false}"#)
        press([.char("q")], runner, &state)
        guard case .applications(let list) = state.screen else { Issue.record("expected the list"); return }
        #expect(list.all.first { $0.id == "app-a" }?.progress[.written] == .draft(done: 1, of: 3))
        #expect(list.all.first { $0.id == "app-b" }?.isFinal == true)
        let full = runner.summaries(for: "park")
        #expect(list.all.map(\.id) == full.map(\.id))
        #expect(list.all.map(\.progress) == full.map(\.progress))
        #expect(list.all.map(\.isFinal) == full.map(\.isFinal))
    }

    /// On the list, a tick reads again the rows of the applications the audit log names since the
    /// list was read (here: the same member in another terminal), and what is final.
    @Test func theListShowsChangesOnTheNextTick() throws {
        let t = try TempStore()
        defer { t.remove() }
        var (runner, state) = try start(t, as: "park")
        func row(_ id: String) -> ApplicationSummary? {
            guard case .applications(let list) = state.screen else { return nil }
            return list.all.first { $0.id == id }
        }
        #expect(row("app-b")?.progress[.written] == .notStarted)
        runner.send(.tick, to: &state)
        let other = try Store.open(at: t.path)
        try other.setEntry(Entry(level: 4), indicator: "L1", member: "park", application: "app-b", phase: .written)
        try t.write("decisions/app-a.json", #"{"format": 1, "application": "app-a", "finalized_by": "kim", "finalized_at": "2025-10-01T00:00:00Z", "total": "0.00", "max": "200.00", "grade": 5, "certified": false}"#)
        runner.send(.tick, to: &state)
        #expect(row("app-b")?.progress[.written] == .draft(done: 1, of: 2))
        #expect(row("app-a")?.isFinal == true)
        guard case .applications(let list) = state.screen else { return }
        let full = runner.summaries(for: "park")
        #expect(list.all.map(\.progress) == full.map(\.progress) && list.all.map(\.isFinal) == full.map(\.isFinal))
    }

    /// Leaving an application touches no other application's files, from the first list of the
    /// session on.
    @Test func leavingAnApplicationReadsNoOtherApplication() throws {
        let t = try TempStore()
        defer { t.remove() }
        let recorder = FileRecorder()
        let runner = EffectRunner(store: try Store.open(at: t.path, recorder: recorder), memberID: "park")
        var state = runner.start(language: .ko, colors: false, width: 80, height: 24, reason: "test")
        press([.enter, .char("a")], runner, &state)
        _ = recorder.take()
        press([.char("q")], runner, &state)
        let touched = recorder.take()
        #expect(!touched.isEmpty)
        #expect(!touched.contains { $0.contains("app-b") }, "\(touched)")
        guard case .applications = state.screen else { Issue.record("back on the list"); return }
    }

    @Test func finalizedApplicationIsReadOnlyInTheTUI() throws {
        let t = try TempStore()
        defer { t.remove() }
        try t.write("decisions/app-a.json", #"{"format": 1, "application": "app-a", "finalized_by": "kim", "finalized_at": "2025-10-01T00:00:00Z", "total": "0.00", "max": "200.00", "grade": 5, "certified": false}"#)
        var (runner, state) = try start(t, as: "park")
        press([.enter, .char("a")], runner, &state)
        #expect(state.status?.kind == .error)
        #expect(!FileManager.default.fileExists(atPath: t.root.appendingPathComponent("scores/park/app-a.json").path))
    }

    @Test func twoTerminalsOfOneMemberMergeEntryByEntry() throws {
        let t = try TempStore()
        defer { t.remove() }
        var (r1, s1) = try start(t, as: "park")
        var (r2, s2) = try start(t, as: "park")
        press([.enter], r1, &s1)
        press([.enter], r2, &s2)
        press([.char("a")], r1, &s1)                 // terminal 1: Q1
        press([.down, .char("3")], r2, &s2)          // terminal 2: L1, from a sheet loaded before Q1 was saved
        let sheet = try sheetOnDisk(t, "park", "app-a")
        #expect(sheet.phases[.written]?.entries["Q1"] == Entry(value: 7), "terminal 2 did not overwrite terminal 1's entry")
        #expect(sheet.phases[.written]?.entries["L1"] == Entry(level: 3))
        guard case .scoring(let view2) = s2.screen else { Issue.record("expected scoring"); return }
        #expect(view2.entry("Q1") == Entry(value: 7), "terminal 2 shows the merged sheet after its save")
    }
}
