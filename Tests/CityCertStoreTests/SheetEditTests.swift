import CityCertCore
@testable import CityCertStore
import Foundation
import Testing
import TestSupport

/// The one door for sheet changes (issue 10 item 1): a list of edits, optionally reopening and
/// submitting, is one commit — checked whole before anything is written, one record, one write.
@Suite struct SheetEditTests {
    @Test func aBadEditAnywhereInTheListWritesNothing() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        try store.setEntry(Entry(value: 3), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        let log = try IntegrityFixture.logLines(t)
        let sheet = try #require(store.sheet(member: "lee", application: "app-a"))
        #expect(throws: StoreActionError.self) {
            try store.edit([SheetEdit("Q1", .value(7)), SheetEdit("L1", .level(4)), SheetEdit("L2", .level(9))],
                           member: "lee", application: "app-a", phase: .written)
        }
        #expect(try IntegrityFixture.logLines(t) == log, "nothing logged")
        #expect(store.sheet(member: "lee", application: "app-a") == sheet, "nothing written")
    }

    @Test func reopenEditsAndSubmitAreOneRecordThatVerifyAndHistoryReplay() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        let all = [SheetEdit("Q1", .value(12.5)), SheetEdit("L1", .level(4)), SheetEdit("L2", .level(5))]
        let first = try store.edit(all, member: "lee", application: "app-a", phase: .written, submit: true)
        #expect(first.changed == ["Q1", "L1", "L2"] && first.submitted && !first.reopened)
        let before = try IntegrityFixture.logLines(t).count
        let second = try store.edit([SheetEdit("Q1", .note("다시 확인")), SheetEdit("L1", .level(3))],
                                    member: "lee", application: "app-a", phase: .written, reopen: true, submit: true)
        #expect(second.reopened && second.submitted && second.changed == ["Q1", "L1"])
        let lines = try IntegrityFixture.logLines(t)
        #expect(lines.count == before + 1)
        let record = try AuditJSON.parse(Array(lines.last!.utf8))
        #expect(record["action"]?.stringValue == "sheet-batch")
        #expect(record["detail"]?["reopen"] == .bool(true) && record["detail"]?["submit"] == .bool(true))
        let ps = try #require(store.sheet(member: "lee", application: "app-a")?.phases[.written])
        #expect(ps.status == .submitted && ps.entries["Q1"] == Entry(value: 12.5, note: "다시 확인") && ps.entries["L1"] == Entry(level: 3))
        #expect(try IntegrityFixture.verify(t) == ([], []))
        let (events, problems) = try store.history(application: "app-a", member: "lee")
        #expect(problems.isEmpty)
        #expect(events.suffix(4).map(\.change) == ["reopened as a draft", "note \"\" → \"다시 확인\"", "level 4 → level 3", "submitted (3 entries)"],
                "\(events.suffix(4).map(\.change))")
    }

    @Test func editsThatChangeNothingRecordNothing() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        try store.edit([SheetEdit("Q1", .value(5)), SheetEdit("L1", .level(2))], member: "lee", application: "app-a", phase: .written)
        let log = try IntegrityFixture.logLines(t)
        let again = try store.edit([SheetEdit("Q1", .value(5)), SheetEdit("L1", .note("")), SheetEdit("L2", .clear)],
                                   member: "lee", application: "app-a", phase: .written)
        #expect(again.changed.isEmpty)
        #expect(try IntegrityFixture.logLines(t) == log)
        // A single change is the keystroke's own `entry` record, as before.
        try store.edit([SheetEdit("Q1", .value(6))], member: "lee", application: "app-a", phase: .written)
        #expect(try AuditJSON.parse(Array(IntegrityFixture.logLines(t).last!.utf8))["action"]?.stringValue == "entry")
    }

    @Test func aSubmittedSheetRefusesEditsWithoutReopen() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        try store.edit([SheetEdit("Q1", .value(5)), SheetEdit("L1", .level(2)), SheetEdit("L2", .level(5))],
                       member: "lee", application: "app-a", phase: .written, submit: true)
        #expect { try store.edit([SheetEdit("Q1", .value(6))], member: "lee", application: "app-a", phase: .written) }
            throws: { ($0 as? StoreActionError) == .refused(.sheetSubmitted(phase: .written, application: "app-a")) }
    }

    @Test func theActionVocabularyIsReadOnce() {
        for action in AuditAction.known { #expect(AuditAction(action.rawValue) == action) }
        #expect(AuditAction("rewrite") == .other("rewrite") && AuditAction("rewrite").scope == .unknown)
        #expect(AuditAction.known.filter(\.isSheetAction) == [.entry, .sheetBatch, .submit, .reopenSheet, .adoptSheet])
    }
}
