import CityCertCore
@testable import CityCertStore
import Foundation
import Testing
import TestSupport

/// `applicationsChanged(since:)` reads the audit log's records, not its bytes: it never misses an
/// application a record names, never invents one a record does not name, and says "cannot tell" (nil)
/// for anything that is not a record of an application.
@Suite struct ChangesTests {
    /// From every cursor taken along a run of saves, the changed applications are exactly those saved since.
    @Test func namesExactlyTheApplicationsSavedSinceEachCursor() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try Store.open(at: t.path)
        var rng = SplitMix64(seed: 7)
        var cursors: [(cursor: Int64, saved: Int)] = [(store.auditCursor(), 0)]
        var saved: [String] = []
        var level = [String: Int]()
        for step in 0..<24 {
            let app = rng.below(2) == 0 ? "app-a" : "app-b"
            let next = level[app] == 4 ? 3 : 4   // always a change: a save that changes nothing is not logged
            level[app] = next
            try store.setEntry(Entry(level: next), indicator: "L1", member: "park", application: app, phase: .written)
            saved.append(app)
            if step % 3 == 0 { cursors.append((store.auditCursor(), saved.count)) }
        }
        for (cursor, count) in cursors {
            let changed = try #require(store.applicationsChanged(since: cursor))
            #expect(changed.applications == Set(saved[count...]))
            #expect(changed.cursor == store.auditCursor())
        }
    }

    func appending(_ lines: [String]) throws -> (TempStore, Store, Int64) {
        let t = try TempStore()
        let store = try Store.open(at: t.path)
        try store.setEntry(Entry(level: 4), indicator: "L1", member: "park", application: "app-a", phase: .written)
        let start = store.auditCursor()
        let handle = try FileHandle(forWritingTo: t.root.appendingPathComponent("audit.log"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(lines.map { $0 + "\n" }.joined().utf8))
        try handle.close()
        return (t, store, start)
    }

    static let tail = #""at":"2025-09-01T10:00:00Z","hash":"00","phase":"written","prev":"00","seq":2"#

    /// Records written by another tool, keys in another order, spaces after the separators, a detail
    /// that mentions another application: the record's own `application` is the one named.
    @Test func readsTheRecordNotTheFirstMatchingBytes() throws {
        let lines = [
            #"{"detail":{"application":"app-b","note":"\"application\":\"app-b\""},"action":"entry","actor":"park","application":"app-a","#
                + Self.tail + "}",
            #"{"action": "entry", "actor": "park", "application": "app-b", "detail": {}, "#
                + Self.tail.replacingOccurrences(of: "\":", with: "\": ").replacingOccurrences(of: ",\"", with: ", \"") + "}",
        ]
        let (t, store, start) = try appending(lines)
        defer { t.remove() }
        #expect(store.applicationsChanged(since: start)?.applications == ["app-a", "app-b"])
        let (t2, store2, start2) = try appending([lines[0]])
        defer { t2.remove() }
        #expect(store2.applicationsChanged(since: start2)?.applications == ["app-a"], "app-b is only mentioned in the detail")
    }

    /// A line that is not a record of one application: nothing can be told, the screen reads everything.
    @Test func cannotTellFromALineThatIsNotARecordOfAnApplication() throws {
        let notTellable = [
            #"{"action":"seal","actor":"han","application":null,"detail":{"files":{}},"# + Self.tail.replacingOccurrences(of: #""phase":"written""#, with: #""phase":null"#) + "}",
            #"{"action":"entry","actor":"park","application":"app-a","# + Self.tail,   // not closed
            #"{"action":"entry","actor":"park","application":"../app-a","# + Self.tail + "}",
            #"{"action":"entry","actor":"park","# + Self.tail + "}",   // no application
            #"not json "application":"app-a""#,
        ]
        for line in notTellable {
            let (t, store, start) = try appending([line])
            defer { t.remove() }
            #expect(store.applicationsChanged(since: start) == nil, "\(line)")
        }
    }
}
