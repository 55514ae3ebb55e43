import CityCertCore
@testable import CityCertStore
import Foundation
import Testing
import TestSupport

/// `verify` checks what the records mean, not only the chain (issue 13 items 2, 3 and 4): the
/// committee's rules on replay, `os_user` against `login`, decisions against the sheets, the seal,
/// and an anchored head.
@Suite struct VerifyMeaningTests {
    /// Appends a correctly chained record, as a member with a shell could (no key in this store).
    static func forge(_ t: TempStore, actor: String, action: String, application: String?, phase: String? = nil,
                      detail: [(String, JSONValue)], osUser: String = "tester") throws {
        let store = try Store.open(at: t.path)
        try store.audit.append(.init(at: "2025-09-30T00:00:00Z", actor: actor, action: AuditAction(action), application: application,
                                     phase: phase, detail: detail + [("os_user", .string(osUser))]))
    }

    @Test func aRecordInTheChairsNameFromAnotherAccountIsNamed() throws {
        let t = try TempStore()
        defer { t.remove() }
        try Self.forge(t, actor: "kim", action: "entry", application: "app-a", phase: "written",
                       detail: SheetReplay.entryDetail(indicator: "Q1", Entry(value: 5)), osUser: "leeseo")
        let (errors, _) = try IntegrityFixture.verify(t)
        #expect(errors.contains { $0.hasPrefix("audit.log:1:") && $0.contains("made by the operating-system user 'leeseo', but kim's login is 'kminsu'") }, "\(errors)")
    }

    @Test func aDecisionThatDisagreesWithTheSheetsIsNamed() throws {
        let (t, chair) = try IntegrityFixture.historyStore()
        defer { t.remove() }
        try chair.reopen(application: "app-a", by: "kim", reason: "정정")
        // The chair's shell: a finalize with grade 1 and a matching decision file.
        let d = Decision(application: "app-a", finalizedBy: "kim", finalizedAt: "2025-09-30T00:00:00Z",
                         total: Points(200), max: Points(200), grade: 1, certified: true)
        try Self.forge(t, actor: "kim", action: "finalize", application: "app-a", detail: SheetReplay.finalizeDetail(d), osUser: "kminsu")
        try t.write("decisions/app-a.json", String(decoding: try Store.encode(d), as: UTF8.self))
        let line = try IntegrityFixture.logLines(t).count
        let (errors, _) = try IntegrityFixture.verify(t)
        #expect(errors.contains { $0.hasPrefix("audit.log:\(line):") && $0.contains("the decision on app-a disagrees with the sheets as logged up to it: total 200.00, the sheets give") && $0.contains("grade 1, the sheets give") }, "\(errors)")
        #expect(errors.count == 1, "\(errors)")
    }

    @Test func onlyTheChairFinalizesAndTheSecretaryNeverScores() throws {
        let (t, chair) = try IntegrityFixture.historyStore()
        defer { t.remove() }
        let decision = try JSONDecoder().decode(Decision.self, from: Data(contentsOf: t.root.appendingPathComponent("decisions/app-a.json")))
        try chair.reopen(application: "app-a", by: "kim", reason: "정정")
        // lee finalizes with exactly the figures the chair had: only the actor is wrong.
        var d = decision
        d.finalizedBy = "lee"
        try Self.forge(t, actor: "lee", action: "finalize", application: "app-a", detail: SheetReplay.finalizeDetail(d))
        try Self.forge(t, actor: "han", action: "entry", application: "app-b", phase: "written",
                       detail: SheetReplay.entryDetail(indicator: "Q1", Entry(value: 5)))
        let n = try IntegrityFixture.logLines(t).count
        let r = try Store.open(at: t.path).verify()
        let log = r.errors.filter { $0.path == "audit.log" }.map(\.description)
        #expect(log == ["audit.log:\(n - 1): lee finalizes app-a, but only the chair may",
                        "audit.log:\(n): han is the secretary and does not score (entry of app-b)"], "\(r.errors)")
    }

    @Test func aForgedSubmissionOfAnIncompleteSheetIsNamed() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        try store.setEntry(Entry(value: 3), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        try Self.forge(t, actor: "lee", action: "submit", application: "app-a", phase: "written", detail: [("entries", .int(1))])
        let (errors, _) = try IntegrityFixture.verify(t)
        #expect(errors.contains { $0.hasPrefix("audit.log:2:") && $0.contains("lee submits the written sheet of app-a with 2 indicator(s) without an entry (L1, L2)") }, "\(errors)")
    }

    @Test func everyProblemIsNamedNotOnlyTheFirst() throws {
        let t = try TempStore()
        defer { t.remove() }
        try Self.forge(t, actor: "kim", action: "entry", application: "app-a", phase: "written",
                       detail: SheetReplay.entryDetail(indicator: "Q1", Entry(value: 5)), osUser: "x")
        try Self.forge(t, actor: "han", action: "entry", application: "app-a", phase: "written",
                       detail: SheetReplay.entryDetail(indicator: "Q1", Entry(value: 5)))
        try Self.forge(t, actor: "lee", action: "finalize", application: "app-b",
                       detail: SheetReplay.finalizeDetail(Decision(application: "app-b", finalizedBy: "lee", finalizedAt: "x",
                                                                   total: .zero, max: .zero, grade: 5, certified: false)))
        let r = try Store.open(at: t.path).verify()
        let lines = Set(r.errors.compactMap { $0.path == "audit.log" ? $0.line : nil })
        #expect(lines == [1, 2, 3], "\(r.errors)")
    }

    @Test(.enabled(if: geteuid() == 0, "chown needs the superuser"))
    func aSheetPlantedByAnotherUserIsNeverAdopted() throws {
        let entries = ["Q1": "{\"value\": 40}", "L1": "{\"level\": 5}", "L2": "{\"level\": 5}"]
        let t = try TempStore(["scores/lee/app-a.json": TempStore.sheet(member: "lee", app: "app-a", written: entries, writtenStatus: "draft")])
        defer { t.remove() }
        let path = t.root.appendingPathComponent("scores/lee/app-a.json").path
        #expect(chown(path, 65534, 65534) == 0)
        let store = try Store.open(at: t.path)   // the superuser, acting as lee
        do {
            try store.setEntry(Entry(value: 3), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
            Issue.record("a planted sheet was adopted")
        } catch {
            #expect(error.message.contains("was written outside citycert by another user (uid 65534) and has no history: it is not adopted in lee's name"), "\(error.message)")
        }
        #expect(!FileManager.default.fileExists(atPath: t.root.appendingPathComponent("audit.log").path))
    }

    // MARK: - Seal

    @Test func theSecretarySealsAndEveryLaterChangeToAnAuthoredFileIsNamed() throws {
        let (t, _) = try IntegrityFixture.historyStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        let (seq, count) = try store.seal(by: "han")
        let all = try IntegrityFixture.logLines(t)
        #expect(count == 7 && seq == all.count)
        let line = all.last!
        #expect(line.contains("\"action\":\"seal\"") && line.contains("\"application\":null") && line.contains("\"phase\":null")
                && line.contains("\"applications/app-a/evidence/a.txt\":\"") && line.contains("\"store.yaml\":\""))
        var r = try Store.open(at: t.path).verify()
        #expect(r.errors.isEmpty && r.sealedAt == seq, "\(r.errors)")

        try t.write("applications/app-b/application.yaml", TempStore.application(id: "app-b", population: 420000))
        try t.write("applications/app-a/evidence/new.pdf", "%PDF")
        try FileManager.default.removeItem(at: t.root.appendingPathComponent("applications/app-a/evidence/a.txt"))
        try t.write("committee.yaml", TempStore.committee + "\n")
        r = try Store.open(at: t.path).verify()
        #expect(r.errors.map(\.description) == [
            "applications/app-a/evidence/a.txt: removed after the last seal (sealed at audit.log:\(seq))",
            "applications/app-a/evidence/new.pdf: added after the last seal (sealed at audit.log:\(seq))",
            "applications/app-b/application.yaml: changed after the last seal (sealed at audit.log:\(seq))",
            "committee.yaml: changed after the last seal (sealed at audit.log:\(seq))",
        ], "\(r.errors)")

        // A deliberate correction is sealed again; the log keeps both seals.
        try store.seal(by: "han")
        r = try Store.open(at: t.path).verify()
        #expect(r.errors.isEmpty && r.sealedAt == seq + 1, "\(r.errors)")
    }

    @Test func onlyTheSecretaryOrTheChairSeals() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        #expect(throws: StoreActionError.refused(.onlySecretaryOrChairSeals)) { try store.seal(by: "lee") }
        try Self.forge(t, actor: "lee", action: "seal", application: nil, detail: [("files", .object([]))])
        let (errors, _) = try IntegrityFixture.verify(t)
        #expect(errors.contains { $0.hasPrefix("audit.log:1:") && $0.contains("lee seals the round, but only the secretary or the chair may") }, "\(errors)")
    }

    @Test func validateWarnsWhileASignedRoundIsUnsealed() throws {
        let s = try SignatureTests.SignedStore(members: ["han"])
        defer { s.remove() }
        let warning = "the round is not sealed"
        #expect(try s.open().validate().contains { $0.message.hasPrefix(warning) })
        try s.open().seal(by: "han")
        #expect(!(try s.open().validate().contains { $0.message.hasPrefix(warning) }))
    }

    // MARK: - Anchor

    @Test func anAnchoredHeadMustStillBeInTheLog() throws {
        let (t, _) = try IntegrityFixture.historyStore()
        defer { t.remove() }
        let lines = try IntegrityFixture.logLines(t)
        let head = try #require(try AuditJSON.parse(Array(lines[9].utf8))["hash"]?.stringValue)
        var r = try Store.open(at: t.path).verify(anchor: head)
        #expect(r.errors.isEmpty && r.anchorLine == 10, "\(r.errors)")
        // The log rolled back to before the anchor (and the files with it): the chain alone is intact.
        try IntegrityFixture.writeLog(t, Array(lines.prefix(9)))
        r = try Store.open(at: t.path).verify(anchor: head)
        #expect(r.errors.contains { $0.message.contains("the anchored head \(head) is not in the log: the log was rolled back or rewritten") }, "\(r.errors)")
    }
}

/// Trust on first use: a member's citycert remembers the log head and the keys it saw.
@Suite struct KnownStoresTests {
    func known() -> (KnownStores, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-state-\(UUID().uuidString)")
        return (KnownStores(path: dir.appendingPathComponent("citycert/known-stores.json").path), dir)
    }

    @Test func aRolledBackLogIsSaidFirst() throws {
        let (t, _) = try IntegrityFixture.historyStore()
        defer { t.remove() }
        let (k, dir) = known()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try Store.open(at: t.path).checkKnownState(k).isEmpty)          // first use: remembered
        var st = stat()
        #expect(stat(k.path, &st) == 0 && st.st_mode & 0o777 == 0o600)
        let store = try IntegrityFixture.open(t)
        try store.setEntry(Entry(level: 4), indicator: "L1", member: "park", application: "app-b", phase: .written)
        #expect(try Store.open(at: t.path).checkKnownState(k).isEmpty)          // it grew: fine
        // Someone rolls the log back by two lines (a consistent chain, files to match).
        let lines = try IntegrityFixture.logLines(t)
        try IntegrityFixture.writeLog(t, Array(lines.dropLast(2)))
        let warnings = try Store.open(at: t.path).checkKnownState(k)
        #expect(warnings.count == 1 && warnings[0].contains("is shorter than when you last saw it") && warnings[0].contains("rolled back or rewritten"), "\(warnings)")
        // A rewritten log of the same length: the line seen is no longer there.
        var rewritten = lines
        rewritten[lines.count - 1] = lines[lines.count - 2]
        try IntegrityFixture.writeLog(t, rewritten)
        let again = try Store.open(at: t.path).checkKnownState(k)
        #expect(again.count == 1 && again[0].contains("no longer contains the line you saw"), "\(again)")
    }

    @Test func keysChangedWithoutASealAreSaid() throws {
        let s = try SignatureTests.SignedStore(members: ["han", "lee"])
        defer { s.remove() }
        let (k, dir) = known()
        defer { try? FileManager.default.removeItem(at: dir) }
        try s.open().seal(by: "han")
        #expect(try s.open().checkKnownState(k).isEmpty)
        // lee's key replaced in committee.yaml by another (say, one a colleague holds).
        let other = try KeyFile.create(s.keys.appendingPathComponent("other.ed25519").path)
        let committee = try IntegrityFixture.read(s.t, "committee.yaml")
        try s.t.write("committee.yaml", committee.replacingOccurrences(of: s.keyOf["lee"]!.committeeKey, with: other.committeeKey))
        let warnings = try s.open().checkKnownState(k)
        #expect(warnings.count == 1 && warnings[0].contains("keys") && warnings[0].contains("(lee)") && warnings[0].contains("no seal was recorded since"), "\(warnings)")
        // The secretary seals the correction: accepted, and remembered.
        try s.open().seal(by: "han")
        #expect(try s.open().checkKnownState(k).isEmpty)
        #expect(try s.open().checkKnownState(k).isEmpty)
    }
}
