import CityCertCore
import CityCertRuntime
import CityCertStore
@testable import CityCertTUI
import Foundation
import Testing
import TestSupport

/// The chair and the secretary, driven by keys against the bundled sample store (copied).
@Suite(.serialized) struct ChairTests {
    /// A private copy of the sample committee's keys (kept for the test run; in the temporary folder).
    static let keys = try! SampleKeys.privateCopy()

    /// A temporary copy of sample-data.
    func sampleCopy() throws -> URL {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-data")
        let dest = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-sample-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: dest)
        return dest
    }

    /// The store, signing with the sample committee's keys (the sample store requires signatures).
    func open(_ root: URL) throws -> Store {
        let store = try Store.open(at: root.path)
        store.keySource = .folder(Self.keys.path)
        return store
    }

    func start(_ root: URL, as member: String) throws -> (EffectRunner, AppState) {
        let store = try open(root)
        let runner = EffectRunner(store: store, memberID: member)
        return (runner, runner.start(language: .ko, colors: false, width: 120, height: 40, reason: ""))
    }

    func press(_ keys: [Key], _ runner: EffectRunner, _ state: inout AppState) {
        for k in keys { runner.send(.key(k), to: &state) }
    }

    @Test func robustnessOfSuwonMatchesAHandComputation() throws {
        let root = try sampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let (runner, _) = try start(root, as: "kim")
        let data = try #require(runner.consensus("2025-suwon"))
        // Computed independently (Python decimal, spec §3) from the sample sheets.
        #expect(data.robustness.byMethod.map(\.total.description) == ["1625.17", "1625.33", "1627.15"])
        #expect(data.robustness.toNextGrade?.description == "172.85")
        #expect(data.robustness.aboveBoundary?.description == "27.15")
        #expect(data.robustness.certificationLine?.description == "1400.00")
        let lean = Dictionary(uniqueKeysWithValues: data.robustness.members.map { ($0.member, $0.meanDifference.description) })
        #expect(lean == ["choi": "-0.05", "jung": "-0.42", "kang": "-0.25", "kim": "0.25", "lee": "-0.02", "lim": "-0.51", "park": "0.35", "yoon": "-0.05"])
        #expect(runner.consensus("2025-goyang")?.finalizeRefusal == nil, "Goyang is complete and not final")
    }

    /// Within each type, the range closest to the certification line first: Goyang's lowest total
    /// (1406.53) is 6.53 above the line of 1400, Gimhae's highest (1231.51) 168.49 below it.
    @Test func overviewPutsTheRangeClosestToTheCertificationLineFirst() throws {
        let root = try sampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let (_, state) = try start(root, as: "kim")
        guard case .overview(let o) = state.screen else { Issue.record("the chair starts on the overview"); return }
        #expect(o.ordered.map(\.id) == ["2025-goyang", "2025-gimhae", "2025-suwon", "2025-chuncheon", "2025-andong", "2025-gangneung", "2025-naju"])
        let goyang = try #require(o.rows.first { $0.id == "2025-goyang" })
        #expect(goyang.lineDistance.description == "6.53" && goyang.aboveLine?.description == "18.33")
        #expect(goyang.gradeText == "3", "the range 1406.53–1436.53 stays in grade 3")
        #expect(o.invalid == ["2025-jeonju"])
        let gimhae = try #require(o.rows.first { $0.id == "2025-gimhae" })
        #expect(gimhae.written.done == 5 && gimhae.written.of == 7)
        #expect(gimhae.missing == ["윤재현", "임소영"])
        #expect(gimhae.missingSite == ["김민수", "윤재현"])
        #expect(gimhae.nearestBoundary.description == "14.71", "60.74% is 14.71 points above the 60% line")
    }

    @Test func finalizeIsRefusedWhileIncompleteThenWorksAndReopens() throws {
        let root = try sampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        var (runner, state) = try start(root, as: "kim")
        press([.down, .enter, .char("F")], runner, &state)       // gimhae: incomplete
        guard case .notice(_, let why)? = state.overlay else { Issue.record("the refusal is shown"); return }
        #expect(why.joined(separator: " ") == "평가가 끝나지 않았습니다. 미제출 — 서면평가: 윤재현, 임소영; 현장실사: 김민수, 윤재현")
        press([.escape], runner, &state)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("decisions/2025-gimhae.json").path))
        press([.char("q"), .up, .enter, .char("F")] + "전원 합의".map { Key.char($0) } + [.enter, .char("y")], runner, &state)
        let decision = try JSONDecoder().decode(Decision.self, from: Data(contentsOf: root.appendingPathComponent("decisions/2025-goyang.json")))
        #expect(decision.total == "1418.33" && decision.grade == 3 && decision.certified && decision.finalizedBy == "kim")
        #expect(decision.note == "전원 합의")
        guard case .consensus(let c) = state.screen else { Issue.record("still on consensus"); return }
        #expect(c.data.evaluation.status == .final)
        // Back on the overview, the row left is read again and the overview is what a full read gives.
        press([.char("q")], runner, &state)
        guard case .overview(let o) = state.screen else { Issue.record("back on the overview"); return }
        #expect(o.rows.first { $0.id == "2025-goyang" }?.status == .final)
        let full = runner.overview()
        #expect(o.ordered.map(\.id) == full.ordered.map(\.id))
        #expect(o.rows.map(\.status) == full.rows.map(\.status) && o.rows.map(\.total) == full.rows.map(\.total))
        #expect(o.invalid == full.invalid)
        press([.enter], runner, &state)
        guard case .consensus(let again) = state.screen, again.data.application.id == "2025-goyang" else { Issue.record("goyang again"); return }
        // A member can no longer change a sheet of it.
        let store = try open(root)
        #expect(throws: StoreActionError.self) { try store.reopenSheet(member: "park", application: "2025-goyang", phase: .written) }
        // The report shows it as final.
        let report = store.evaluateAll()
        #expect(report.applications.first { $0.application.id == "2025-goyang" }?.evaluation.status == .final)
        // Reopen.
        press([.char("O")] + "이의신청".map { Key.char($0) } + [.enter, .char("y")], runner, &state)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("decisions/2025-goyang.json").path))
        let log = try String(contentsOf: root.appendingPathComponent("audit.log"), encoding: .utf8)
        #expect(log.contains("\"action\":\"finalize\"") && log.contains("\"action\":\"reopen\""))
        #expect(log.contains("\"reason\":\"이의신청\""), "the reason is in the audit log")
        // The consensus screen of the reopened application says who reopened it and why.
        guard case .consensus(let reopened) = state.screen else { Issue.record("still on the consensus screen"); return }
        #expect(reopened.data.lastReopen?.by == "kim" && reopened.data.lastReopen?.reason == "이의신청")
        #expect(View.render(state).lines().joined().contains("확정 취소: 김민수"))
    }

    /// Another member (another process, here another Store) submits the written phase of gimhae.
    func submitGimhaeAsLim(_ root: URL) throws {
        let other = try open(root)
        let app = other.application("2025-gimhae").application!
        for ind in other.standards.applicableIndicators(for: .large) {
            try other.setEntry(ind.isQuantitative ? Entry(value: app.quantitative[ind.id]!.value) : Entry(level: 3),
                               indicator: ind.id, member: "lim", application: "2025-gimhae", phase: .written)
        }
        try other.submit(member: "lim", application: "2025-gimhae", phase: .written)
    }

    @Test func theOverviewShowsOthersChangesOnTheNextTick() throws {
        let root = try sampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        var (runner, state) = try start(root, as: "kim")
        func gimhae() -> OverviewRow? {
            guard case .overview(let o) = state.screen else { return nil }
            return o.rows.first { $0.id == "2025-gimhae" }
        }
        #expect(gimhae()?.written.done == 5)
        runner.send(.tick, to: &state)
        #expect(gimhae()?.written.done == 5, "nothing changed: nothing read again")
        // Another member (another process, here another Store) submits meanwhile.
        try submitGimhaeAsLim(root)
        runner.send(.tick, to: &state)
        #expect(gimhae()?.written.done == 6)
        #expect(gimhae()?.missing == ["윤재현"])
    }

    /// Back from a consensus screen, the overview reads again the application left and every one
    /// the audit log says changed meanwhile, even if a tick on the consensus screen saw the change.
    @Test func backToTheOverviewShowsWhatChangedMeanwhile() throws {
        let root = try sampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        var (runner, state) = try start(root, as: "kim")
        func row(_ id: String) -> OverviewRow? {
            guard case .overview(let o) = state.screen else { return nil }
            return o.rows.first { $0.id == id }
        }
        #expect(row("2025-gimhae")?.written.done == 5)
        press([.enter], runner, &state)
        guard case .consensus(let c) = state.screen, c.data.application.id == "2025-goyang" else { Issue.record("goyang's consensus"); return }
        try submitGimhaeAsLim(root)
        runner.send(.tick, to: &state)                       // the consensus screen sees the store change
        press([.char("q")], runner, &state)
        #expect(row("2025-gimhae")?.written.done == 6)
        #expect(row("2025-gimhae")?.missing == ["윤재현"])
        guard case .overview(let o) = state.screen else { return }
        #expect(o.rows.map(\.written.done) == runner.overview().rows.map(\.written.done))
        #expect(o.cursor == 0, "the cursor stays where it was")
    }

    /// A sheet that cannot be read is named as damaged (with its file's problem), never taken for a
    /// sheet not submitted; a decision that disagrees with the sheets is flagged.
    @Test func damagedSheetsAndADisagreeingDecisionAreNamed() throws {
        let root = try sampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("{ not json".utf8).write(to: root.appendingPathComponent("scores/yoon/2025-gimhae.json"))
        let decision = #"{"format": 1, "application": "2025-chuncheon", "finalized_by": "kim", "finalized_at": "2026-11-20T01:00:00Z", "total": "0.00", "max": "1000.00", "grade": 1, "certified": true}"#
        try Data(decision.utf8).write(to: root.appendingPathComponent("decisions/2025-chuncheon.json"))
        var (runner, state) = try start(root, as: "kim")
        guard case .overview(let o) = state.screen else { Issue.record("the chair starts on the overview"); return }
        let gimhae = try #require(o.rows.first { $0.id == "2025-gimhae" })
        #expect(gimhae.damaged.map(\.name) == ["윤재현"])
        #expect(gimhae.damaged.first?.reason.contains("JSON") == true, "\(gimhae.damaged)")
        #expect(gimhae.missing == ["임소영"], "윤재현 is damaged, not missing")
        let chuncheon = try #require(o.rows.first { $0.id == "2025-chuncheon" })
        #expect(chuncheon.decisionDisagrees && chuncheon.status == .final)
        let screen = View.render(state).lines().joined(separator: "\n")
        #expect(screen.contains("확정!"), "the overview marks the disagreeing decision")
        #expect(screen.contains("손상 윤재현"))
        press([.down, .down, .down, .enter], runner, &state)
        guard case .consensus(let c) = state.screen, c.data.application.id == "2025-chuncheon" else { Issue.record("chuncheon's consensus"); return }
        #expect(View.render(state).lines()[2].contains("⚠ 의결(0.00, 1등급)이 평가표(731.88, 3등급)와 다릅니다"))
    }

    @Test func theSecretarySealsTheRoundFromTheReportScreen() throws {
        let root = try sampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        var (runner, state) = try start(root, as: "han")
        guard case .report = state.screen else { Issue.record("the secretary starts on the report screen"); return }
        press([.char("S")], runner, &state)
        guard case .confirm(let c)? = state.overlay, c.action == .seal else { Issue.record("S asks first"); return }
        press([.char("y")], runner, &state)
        #expect(state.status?.kind == .success && state.status?.text(state.language).hasPrefix("✓ 봉인: 작성 파일 99개를 audit.log:") == true, "\(String(describing: state.status))")
        let log = try String(contentsOf: root.appendingPathComponent("audit.log"), encoding: .utf8)
        let last = try #require(log.split(separator: "\n").last)
        #expect(last.contains("\"action\":\"seal\"") && last.contains("\"actor\":\"han\"") && last.contains("\"sig\":"))
        let report = try open(root).verify()
        #expect(report.errors.isEmpty && report.sealedAt == report.lines, "\(report.errors)")
    }

    /// committee.yaml changed while the chair works (a recusal added): reading the overview again
    /// reads the rules again, so the screens and the decision use them.
    @Test func changedRulesAreReadAgain() throws {
        let root = try sampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        var (runner, state) = try start(root, as: "kim")
        let before = runner.store
        let committee = root.appendingPathComponent("committee.yaml")
        var text = try String(contentsOf: committee, encoding: .utf8)
        text = text.replacingOccurrences(of: "conflicts:\n", with: "conflicts:\n  - {member: park, application: 2025-goyang, kind: recusal}\n")
        try Data(text.utf8).write(to: committee)
        press([.char("r")], runner, &state)
        #expect(runner.store !== before, "the store was opened again")
        #expect(runner.store.committee.conflict(member: "park", application: "2025-goyang") != nil)
        guard case .overview(let o) = state.screen else { Issue.record("on the overview"); return }
        #expect(o.rows.first { $0.id == "2025-goyang" }?.written.of == 7, "park no longer counts on goyang")
    }

    @Test func onlyTheChairFinalizes() throws {
        let root = try sampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try open(root)
        #expect(throws: StoreActionError.self) { try store.finalize(application: "2025-goyang", by: "park") }
        #expect(throws: StoreActionError.self) { try store.finalize(application: "2025-goyang", by: "han") }
    }

    @Test func clarificationsAreCollected() throws {
        let root = try sampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try open(root)
        try store.setEntry(Entry(level: 3, clarification: "리빙랩 참여자 명단을 제출해 주세요"), indicator: "IN-07", member: "lim", application: "2025-gimhae", phase: .written)
        var (runner, state) = try start(root, as: "kim")
        // The question of a draft sheet is not in the consensus (drafts don't count); submit lim's sheet through the store first.
        for ind in store.standards.applicableIndicators(for: .large) where ind.id != "IN-07" {
            let entry = ind.isQuantitative ? Entry(value: store.application("2025-gimhae").application!.quantitative[ind.id]!.value) : Entry(level: 3)
            try store.setEntry(entry, indicator: ind.id, member: "lim", application: "2025-gimhae", phase: .written)
        }
        try store.submit(member: "lim", application: "2025-gimhae", phase: .written)
        press([.char("r"), .down, .enter, .char("c")], runner, &state)
        guard case .reader(_, let lines, _)? = state.overlay else { Issue.record("no question list"); return }
        #expect(lines == ["IN-07  임소영: 리빙랩 참여자 명단을 제출해 주세요"])
    }

    @Test func secretaryPreviewsAndWritesTheReport() throws {
        let root = try sampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        var (runner, state) = try start(root, as: "han")
        guard case .report(let r) = state.screen else { Issue.record("the secretary starts on the report screen"); return }
        #expect(r.applications.count == 7 && r.chosen.count == 7)
        #expect(r.statuses["2025-suwon"] == .final && r.statuses["2025-goyang"] == .complete && r.statuses["2025-naju"] == .provisional)
        #expect(View.render(state).lines().contains { $0.contains("2025-suwon") && $0.contains("확정") && $0.contains("수원시") },
                "the list says which applications are final")
        press([.char("a"), .down, .char(" "), .enter], runner, &state)   // none, then chuncheon only
        guard case .report(let shown) = state.screen else { return }
        #expect(shown.showingPreview)
        let text = shown.preview.joined(separator: "\n")
        #expect(text.contains("춘천시") && !text.contains("수원시"))
        #expect(text.contains("731.88"))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-report-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: out) }
        press([.char("w"), .ctrl("u")] + out.path.map { Key.char($0) } + [.enter], runner, &state)
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.contains("<html") && html.contains("춘천시") && html.contains("731.88"))
        #expect(state.status?.kind == .success)
        #expect(state.reportFolder == out.deletingLastPathComponent().path)

        // Writing again to the same file asks first; n keeps the file, y writes over it.
        try Data("keep me".utf8).write(to: out)
        press([.char("q"), .char("w"), .ctrl("u")] + out.path.map { Key.char($0) } + [.enter], runner, &state)
        guard case .confirm(let c)? = state.overlay else { Issue.record("no question before writing over \(out.path)"); return }
        #expect(c.title == "기존 파일을 덮어쓸까요?" && c.lines.first == out.path)
        press([.char("n")], runner, &state)
        #expect(try String(contentsOf: out, encoding: .utf8) == "keep me")
        press([.char("w"), .ctrl("u")] + out.path.map { Key.char($0) } + [.enter, .char("y")], runner, &state)
        #expect(try String(contentsOf: out, encoding: .utf8).contains("춘천시"))

        // The next file is proposed in the folder of the last one, with the format's extension.
        press([.char("f"), .char("f"), .char("f"), .char("w")], runner, &state)   // html → csv → pdf → xlsx
        guard case .prompt(let p)? = state.overlay else { Issue.record("no path prompt"); return }
        #expect(p.text == out.deletingLastPathComponent().path + "/citycert-report.xlsx")
        let xlsx = out.deletingPathExtension().appendingPathExtension("xlsx")
        defer { try? FileManager.default.removeItem(at: xlsx) }
        press([.ctrl("u")] + xlsx.path.map { Key.char($0) } + [.enter], runner, &state)
        var bytes = try Data(contentsOf: xlsx)
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a zip archive")
        #expect(bytes.range(of: Data("xl/worksheets/sheet3.xml".utf8)) == nil, "no member annex unless asked")
        // m: the member annex (a third sheet), written over the file after the question.
        press([.char("m"), .char("w"), .ctrl("u")] + xlsx.path.map { Key.char($0) } + [.enter, .char("y")], runner, &state)
        bytes = try Data(contentsOf: xlsx)
        #expect(bytes.range(of: Data("xl/worksheets/sheet3.xml".utf8)) != nil)
    }

    @Test func secretaryWritesTheCSVWithAByteOrderMarkUnlessToldNot() throws {
        let root = try sampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        var (runner, state) = try start(root, as: "han")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-report-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: out) }
        press([.char("f"), .char("w"), .ctrl("u")] + out.path.map { Key.char($0) } + [.enter], runner, &state)   // html → csv
        let bytes = try Data(contentsOf: out)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("회차,신청 ID,"))
        press([.char("b"), .char("w"), .ctrl("u")] + out.path.map { Key.char($0) } + [.enter, .char("y")], runner, &state)
        #expect(try Data(contentsOf: out).starts(with: Array("회차".utf8)))
    }
}
