import CityCertCore
@testable import CityCertStore
import Foundation
import Testing

/// Showing one application reads only that application's files: its folder, its sheets and its
/// decision, never another application's (so a screen costs the same in a store of any size).
@Suite struct ReadScopeTests {
    /// Whether a touched path belongs to application `id` (or is the listing of the sheet folders).
    func belongs(_ path: String, to id: String, members: [String]) -> Bool {
        if path == "scores" || path == "decisions" || path.hasPrefix("applications/\(id)/") || path == "applications/\(id)" { return true }
        if path == "decisions/\(id).json" || path == "decisions/.\(id).lock" { return true }
        let parts = path.split(separator: "/").map(String.init)
        if parts.count == 2, parts[0] == "scores", members.contains(parts[1]) { return true }   // is it a folder?
        if parts.count == 3, parts[0] == "scores", parts[2] == "\(id).json" { return true }
        return false
    }

    @Test func openingOneApplicationReadsOnlyItsFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-scope-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try StoreGenerator.generate(at: dir.path, options: .init(applications: 30, members: 9, seed: 5))
        let recorder = FileRecorder()
        let store = try Store.open(at: dir.path, recorder: recorder)
        let opened = recorder.take()
        #expect(!opened.contains { $0.hasPrefix("applications/") && $0.split(separator: "/").count > 2 },
                "opening the store reads no application: \(opened.filter { $0.hasPrefix("applications/") }.prefix(3))")
        #expect(!opened.contains { $0.hasPrefix("scores/") }, "opening the store reads no sheet")

        let members = store.committee.members.map(\.id)
        let member = store.committee.members.first { $0.role == .member }!.id
        var checked = 0
        for id in store.applicationIDs where store.committee.conflict(member: member, application: id) == nil {
            // What the workstation does to show an application, and what the chair's screen and a
            // one-application report do.
            _ = store.application(id)
            _ = store.sheet(member: member, application: id)
            _ = store.peerResults(member: member, application: id)
            _ = store.isFinal(id)
            _ = store.evaluate(id)
            _ = store.decision(for: id)
            let touched = recorder.take()
            #expect(touched.contains("applications/\(id)/application.yaml"))
            let foreign = touched.filter { !belongs($0, to: id, members: members) }
            #expect(foreign.isEmpty, "showing \(id) touched other files: \(foreign.prefix(5))")
            checked += 1
            if checked == 8 { break }
        }
        #expect(checked == 8)

        // A one-application report reads that application's files only.
        let id = store.applicationIDs[3]
        _ = store.evaluateAll(only: id)
        let foreign = recorder.take().filter { !belongs($0, to: id, members: members) }
        #expect(foreign.isEmpty, "report --application \(id) touched: \(foreign.prefix(5))")
    }
}
