import CityCertCore
@testable import CityCertStore
import Foundation
import Testing
import TestSupport

/// Two terminals of the same member never silently overwrite each other: every save re-reads the
/// sheet under its lock and changes only its own entry (or its own part of an entry). Two store
/// objects on separate threads stand for two processes (each lock is its own open file, so flock
/// excludes them just as it excludes processes); the process-level test is citycertTests.
@Suite struct MergeTests {
    @Test func twoTerminalsOfOneMemberKeepEachOthersEntries() async throws {
        let t = try TempStore()
        defer { t.remove() }
        let rounds = 40
        let a = try IntegrityFixture.open(t), b = try IntegrityFixture.open(t)
        // Terminal A enters values for Q1 and levels for L1; terminal B writes notes on L1 and levels for L2,
        // all at the same time.
        async let first: Void = Task.detached {
            for i in 1...rounds {
                try a.setEntry(Entry(value: Decimal(i)), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
                try a.edit([SheetEdit("L1", .level([5, 4, 3, 2, 1][i % 5]))], member: "lee", application: "app-a", phase: .written)
            }
        }.value
        async let second: Void = Task.detached {
            for i in 1...rounds {
                try b.edit([SheetEdit("L1", .note("note \(i)"))], member: "lee", application: "app-a", phase: .written)
                try b.setEntry(Entry(level: i % 2 == 0 ? 5 : 1), indicator: "L2", member: "lee", application: "app-a", phase: .written)
            }
        }.value
        try await first
        try await second
        let sheet = try #require(Store.open(at: t.path).sheet(member: "lee", application: "app-a"))
        let entries = try #require(sheet.phases[.written]?.entries)
        #expect(entries["Q1"] == Entry(value: Decimal(rounds)))
        #expect(entries["L1"] == Entry(level: [5, 4, 3, 2, 1][rounds % 5], note: "note \(rounds)"), "both parts of one entry are kept")
        #expect(entries["L2"] == Entry(level: rounds % 2 == 0 ? 5 : 1))
        // Every change is one record: nothing was lost in the log either.
        #expect(try IntegrityFixture.logLines(t).count == 4 * rounds)
        #expect(try IntegrityFixture.verify(t) == ([], []))
        let (events, _) = try a.history(application: "app-a", member: "lee")
        #expect(events.filter { $0.indicator == "Q1" }.map(\.change).prefix(2) == ["— → 1", "1 → 2"])
    }

    @Test func theSameEntryFromTwoTerminalsIsLastWriterWinsAndBothAreLogged() async throws {
        let t = try TempStore()
        defer { t.remove() }
        let a = try IntegrityFixture.open(t), b = try IntegrityFixture.open(t)
        async let x: Void = Task.detached { for i in 0..<30 { try a.setEntry(Entry(value: Decimal(100 + i)), indicator: "Q1", member: "park", application: "app-b", phase: .written) } }.value
        async let y: Void = Task.detached { for i in 0..<30 { try b.setEntry(Entry(value: Decimal(200 + i)), indicator: "Q1", member: "park", application: "app-b", phase: .written) } }.value
        try await x
        try await y
        let lines = try IntegrityFixture.logLines(t)
        let last = try AuditJSON.parse(Array(lines.last!.utf8))
        let onDisk = try #require(Store.open(at: t.path).sheet(member: "park", application: "app-b")?.phases[.written]?.entries["Q1"]?.value)
        #expect(last["detail"]?["value"]?.stringValue == "\(onDisk)", "the file holds the last logged value")
        #expect(lines.count >= 59 && lines.count <= 60, "every save that changed the entry is logged")
        #expect(try IntegrityFixture.verify(t) == ([], []))
    }
}
