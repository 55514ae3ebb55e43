import CityCertCore
@testable import CityCertStore
import Foundation
import Testing
import TestSupport

/// The states a crash can leave (record logged, file not written; half a line appended), and how
/// they are completed. The process-level SIGKILL loop is in citycertTests/CrashTests.
@Suite struct RecoveryTests {
    /// Logs an entry record exactly as setEntry would, without writing the sheet (a crash between
    /// the two steps of a save).
    func logOnly(_ store: Store, member: String, app: String, _ indicator: String, _ e: Entry?) throws {
        try store.appendAudit(.init(at: store.timestamp(), actor: member, action: .entry, application: app, phase: "written",
                                    detail: SheetReplay.entryDetail(indicator: indicator, e)))
    }

    @Test func anInterruptedSaveIsAWarningAndTheNextSaveCompletesIt() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        try store.setEntry(Entry(value: 4), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        try logOnly(store, member: "lee", app: "app-a", "Q1", Entry(value: 5, note: "logged, not written"))
        let (errors, warnings) = try IntegrityFixture.verify(t)
        #expect(errors.isEmpty, "\(errors)")
        #expect(warnings == ["audit.log:2: warning: entry of scores/lee/app-a.json is logged but not yet in the file (an interrupted save): the next save of this sheet or `citycert verify --repair` completes it"])
        #expect(store.sheet(member: "lee", application: "app-a")?.phases[.written]?.entries["Q1"]?.value == 4, "readers see the last complete state")

        let sheet = try store.setEntry(Entry(level: 3), indicator: "L1", member: "lee", application: "app-a", phase: .written)
        #expect(sheet.phases[.written]?.entries["Q1"] == Entry(value: 5, note: "logged, not written"), "the logged change is completed first")
        #expect(sheet.phases[.written]?.entries["L1"]?.level == 3)
        #expect(try IntegrityFixture.verify(t) == ([], []))
        #expect(try IntegrityFixture.logLines(t).count == 3, "completing writes no new record")
    }

    @Test func aSaveFindsAnInterruptedSaveFarBackInALongLog() throws {
        // The save path reads the log backwards in 64 KiB chunks: the interrupted record of lee's
        // sheet is 250 KiB from the end, behind long lines of other sheets and an incomplete last line.
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        try store.setEntry(Entry(value: 4), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        try logOnly(store, member: "lee", app: "app-a", "Q1", Entry(value: 5))
        let long = String(repeating: "긴 메모 ", count: 600)
        for i in 0..<40 {
            try store.setEntry(Entry(value: Decimal(i), note: long + "\(i)"), indicator: "Q1", member: "park", application: "app-b", phase: .written)
        }
        let handle = try FileHandle(forWritingTo: t.root.appendingPathComponent("audit.log"))
        handle.seekToEndOfFile()
        handle.write(Data(("{\"action\":\"entry\",\"actor\":\"lee\",\"application\":\"app-a\"," + long).utf8))
        try handle.close()
        #expect(try Data(contentsOf: t.root.appendingPathComponent("audit.log")).count > 250_000)
        let sheet = try store.setEntry(Entry(level: 2), indicator: "L1", member: "lee", application: "app-a", phase: .written)
        #expect(sheet.phases[.written]?.entries["Q1"]?.value == 5)
        #expect(try IntegrityFixture.verify(t) == ([], []))
    }

    @Test func anInterruptedFirstSaveIsCompletedByRepair() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        try logOnly(store, member: "park", app: "app-b", "Q1", Entry(value: 11))
        #expect(!FileManager.default.fileExists(atPath: t.root.appendingPathComponent("scores/park/app-b.json").path))
        #expect(try IntegrityFixture.verify(t).errors.isEmpty)
        #expect(try store.repair() == ["scores/park/app-b.json: completed the interrupted save"])
        #expect(store.sheet(member: "park", application: "app-b")?.phases[.written]?.entries["Q1"]?.value == 11)
        #expect(try IntegrityFixture.verify(t) == ([], []))
    }

    @Test func twoChangesMissingFromASheetAreAnErrorNotAnInterruption() throws {
        // Only one save of a sheet can be interrupted (each save completes the previous one first),
        // so a sheet two changes behind its log was reverted by hand.
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        try store.setEntry(Entry(value: 4), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        let before = try IntegrityFixture.read(t, "scores/lee/app-a.json")
        try store.setEntry(Entry(value: 5), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        try store.setEntry(Entry(value: 6), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        try t.write("scores/lee/app-a.json", before)
        let (errors, _) = try IntegrityFixture.verify(t)
        #expect(errors == ["scores/lee/app-a.json: written.Q1: the file has value 4, the log has value 6 (audit.log:3)"])
        // The next save applies every record after the file's audit_seq: the log is the truth.
        try store.setEntry(Entry(level: 2), indicator: "L1", member: "lee", application: "app-a", phase: .written)
        #expect(store.sheet(member: "lee", application: "app-a")?.phases[.written]?.entries["Q1"]?.value == 6)
        #expect(try IntegrityFixture.verify(t) == ([], []))
    }

    @Test func anIncompleteLastLineIsCutOffByTheNextChange() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        try store.setEntry(Entry(value: 4), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        let handle = try FileHandle(forWritingTo: t.root.appendingPathComponent("audit.log"))
        handle.seekToEndOfFile()
        handle.write(Data("{\"action\":\"entry\",\"actor\":\"lee\",\"appl".utf8))
        try handle.close()
        let (errors, warnings) = try IntegrityFixture.verify(t)
        #expect(errors.isEmpty, "\(errors)")
        #expect(warnings.first?.hasPrefix("audit.log:2: warning: the last line is incomplete") == true, "\(warnings)")
        try store.setEntry(Entry(level: 4), indicator: "L1", member: "lee", application: "app-a", phase: .written)
        #expect(try IntegrityFixture.verify(t) == ([], []))
        #expect(try IntegrityFixture.logLines(t).count == 2)
    }

    @Test func anInterruptedFinalizeKeepsTheApplicationFinalAndIsCompleted() throws {
        let (t, chair) = try IntegrityFixture.historyStore()
        defer { t.remove() }
        try chair.reopen(application: "app-a", by: "kim", reason: "재검토")
        // The finalize record is logged; the decision file is not written.
        let e = try #require(chair.evaluate("app-a"))
        let d = Decision(application: "app-a", finalizedBy: "kim", finalizedAt: chair.timestamp(), total: e.total, max: e.max,
                         grade: e.grade, certified: e.certified)
        try chair.appendAudit(.init(at: d.finalizedAt, actor: "kim", action: .finalize, application: "app-a", phase: nil,
                                    detail: SheetReplay.finalizeDetail(d)))
        let (errors, warnings) = try IntegrityFixture.verify(t)
        #expect(errors.isEmpty, "\(errors)")
        #expect(warnings.count == 1 && warnings[0].contains("its decision file was not written (an interrupted finalize"), "\(warnings)")
        let member = try IntegrityFixture.open(t)
        #expect { try member.setEntry(nil, indicator: "Q1", member: "lee", application: "app-a", phase: .written) }
            throws: { ($0 as? StoreActionError)?.message.contains("app-a is final") == true }
        #expect { try chair.finalize(application: "app-a", by: "kim") } throws: { ($0 as? StoreActionError)?.message.contains("already final") == true }
        #expect(chair.isFinal("app-a"), "the chair's finalize attempt wrote the decision from the log")
        #expect(try IntegrityFixture.verify(t) == ([], []))
    }

    @Test func anInterruptedReopenIsCompletedByRepair() throws {
        let (t, chair) = try IntegrityFixture.historyStore()
        defer { t.remove() }
        try chair.appendAudit(.init(at: chair.timestamp(), actor: "kim", action: .reopen, application: "app-a", phase: nil,
                                    detail: [("reason", .null)]))
        let (errors, warnings) = try IntegrityFixture.verify(t)
        #expect(errors.isEmpty, "\(errors)")
        #expect(warnings.count == 1 && warnings[0].contains("an interrupted reopen"), "\(warnings)")
        #expect(chair.isFinal("app-a"), "the application stays final until it is completed")
        #expect(try chair.repair().first?.hasPrefix("decisions/app-a.json: removed after the logged reopen") == true)
        #expect(!chair.isFinal("app-a"))
        #expect(try IntegrityFixture.verify(t) == ([], []))
    }

    @Test func repairRefusesABrokenChain() throws {
        let (t, chair) = try IntegrityFixture.historyStore()
        defer { t.remove() }
        var lines = try IntegrityFixture.logLines(t)
        lines.remove(at: 3)
        try IntegrityFixture.writeLog(t, lines)
        #expect(throws: StoreActionError.self) { try chair.repair() }
    }

    @Test func sheetsWrittenByAnotherProgramAreAdoptedVisibly() throws {
        let entries = ["Q1": "{\"value\": 7, \"note\": \"\"}", "L1": "{\"level\": 3}"]
        let t = try TempStore(["scores/park/app-b.json": TempStore.sheet(member: "park", app: "app-b", written: entries, writtenStatus: "draft")])
        defer { t.remove() }
        #expect(try IntegrityFixture.verify(t).errors.contains { $0.contains("scores/park/app-b.json: not in the audit log") })
        let store = try IntegrityFixture.open(t)
        try store.setEntry(Entry(value: 8), indicator: "Q1", member: "park", application: "app-b", phase: .written)
        let lines = try IntegrityFixture.logLines(t)
        #expect(lines.count == 2 && lines[0].contains("\"action\":\"adopt-sheet\"") && lines[0].contains("\"level\":3"))
        // Adopted, and said so: the sheet's first entries are not the record of park's own changes.
        let (errors, warnings) = try IntegrityFixture.verify(t)
        #expect(errors.isEmpty && warnings == ["audit.log:1: warning: park's sheet of app-b was adopted as found (written outside citycert): its entries are not the record of the member's own changes"], "\(errors) \(warnings)")
        let (events, _) = try store.history(application: "app-b")
        #expect(events.map(\.change) == ["adopted a sheet written outside citycert (written; 2 entries)", "7 → 8"])
    }
}
