import CityCertCore
@testable import CityCertStore
import Foundation
import Testing
import TestSupport

/// The store on a shared server (issue 13 item 5), in one process: lock files, a bounded wait
/// that names the holder, duplicate JSON keys, a last line missing only its newline.
@Suite(.serialized) struct SharedServerTests {
    @Test func lockFilesAppearWithTheirFinalModeWhateverTheUmask() throws {
        let t = try TempStore()
        defer { t.remove() }
        let old = umask(0o077)
        defer { umask(old) }
        let store = try IntegrityFixture.open(t)
        try store.setEntry(Entry(value: 3), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        for lock in [".audit.lock", "scores/lee/.app-a.json.lock", "decisions/.app-a.lock"] {
            var st = stat()
            #expect(stat(t.root.appendingPathComponent(lock).path, &st) == 0 && st.st_mode & 0o777 == 0o660, "\(lock): \(String(st.st_mode & 0o777, radix: 8))")
        }
        // No temporary file is left behind by the creation.
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test func aWriterThatWaitsSaysWhoHoldsTheLockAndGivesUp() throws {
        let t = try TempStore()
        defer { t.remove() }
        let url = t.root.appendingPathComponent(".audit.lock")
        // Someone holds a shared flock on the log's lock (a reader that never lets go).
        let held = try FileLock.openLock(url)
        #expect(flock(held, LOCK_SH) == 0)
        defer { close(held) }
        let fd = try FileLock.openLock(url)
        defer { close(fd) }
        final class Notes: @unchecked Sendable { var lines: [String] = [] }
        let notes = Notes()
        let started = Date()
        do {
            try FileLock.acquire(fd, url: url, shared: false, timeout: 0.3) { notes.lines.append($0) }
            Issue.record("locked through a held lock")
        } catch {
            #expect("\(error)".contains("gave up after 0.3 s waiting for the lock, held by process \(getpid()) of user") && "\(error)".contains("(shared)"), "\(error)")
            #expect("\(error)".contains("nothing was changed"))
        }
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(notes.lines.count == 1 && notes.lines[0].hasPrefix("waiting for .audit.lock, held by process \(getpid())"), "\(notes.lines)")
        // Once it is let go, the writer gets it.
        flock(held, LOCK_UN)
        try FileLock.acquire(fd, url: url, shared: false, timeout: 0.3, notice: nil)
    }

    @Test func aDeletedLockFileNeverLetsTwoWritersAppendAtOnce() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        try store.setEntry(Entry(value: 3), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        // A writer holds the log (as one that took `.audit.lock` before someone deleted it would).
        let log = open(t.root.appendingPathComponent("audit.log").path, O_RDWR)
        #expect(log >= 0 && flock(log, LOCK_EX) == 0)
        try FileManager.default.removeItem(at: t.root.appendingPathComponent(".audit.lock"))
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = try? store.setEntry(Entry(value: 4), indicator: "Q1", member: "park", application: "app-a", phase: .written)
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 0.5) == .timedOut, "the second writer waits for the log itself")
        #expect(try IntegrityFixture.logLines(t).count == 1)
        flock(log, LOCK_UN)
        close(log)
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(try IntegrityFixture.logLines(t).count == 2)
        #expect(try Store.open(at: t.path).verify().errors.isEmpty)
    }

    @Test func aSheetOrDecisionWithAKeyTwiceIsAnError() throws {
        let sheet = #"{"format": 1, "application": "app-a", "member": "lee", "phases": {"written": {"status": "draft", "updated_at": null, "submitted_at": null, "entries": {"Q1": {"value": 3, "value": 9}}}}}"#
        let decision = #"{"format": 1, "application": "app-a", "finalized_by": "kim", "finalized_at": "x", "total": "1.00", "max": "200.00", "grade": 5, "grade": 1, "certified": false}"#
        let t = try TempStore(["scores/lee/app-a.json": sheet, "decisions/app-a.json": decision])
        defer { t.remove() }
        let problems = try Store.open(at: t.path).validate().map(\.description)
        #expect(problems.contains { $0.hasPrefix("scores/lee/app-a.json") && $0.contains("key 'value' appears twice") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("decisions/app-a.json") && $0.contains("key 'grade' appears twice") }, "\(problems)")
    }

    @Test func repairNeverDropsAWholeLastRecordThatLacksOnlyItsNewline() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        try store.setEntry(Entry(value: 3), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        try store.setEntry(Entry(value: 4), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        let url = t.root.appendingPathComponent("audit.log")
        var bytes = try Data(contentsOf: url)
        bytes.removeLast()   // the last byte (the newline) cut; the sheet names that record's seq
        try bytes.write(to: url)
        let report = try Store.open(at: t.path).verify()
        #expect(report.errors.isEmpty && report.lines == 2, "\(report.errors)")
        #expect(report.warnings.map(\.message) == ["the last line lacks its newline (a whole record): the next change or `citycert verify --repair` puts it back"])
        #expect(try Store.open(at: t.path).repair() == ["audit.log: put back the newline of the last line (a whole record; nothing is dropped)"])
        #expect(try IntegrityFixture.logLines(t).count == 2)
        let again = try Store.open(at: t.path).verify()
        #expect(again.errors.isEmpty && again.warnings.isEmpty && again.sheets == 1, "\(again.errors) \(again.warnings)")
        // A save does the same.
        bytes = try Data(contentsOf: url)
        bytes.removeLast()
        try bytes.write(to: url)
        try store.setEntry(Entry(value: 5), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        #expect(try IntegrityFixture.logLines(t).count == 3)
        #expect(try Store.open(at: t.path).verify().errors.isEmpty)
    }
}
