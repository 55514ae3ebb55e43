import CityCertCore
@testable import CityCertStore
import Foundation
import Testing
import TestSupport

/// Hostile input never escapes the store or crashes the program: every case ends in a clear
/// problem (issue 5 item 5). A trap (overflow, stack exhaustion) would kill this test process.
@Suite struct HostileInputTests {
    func problems(_ files: [String: String?], _ prepare: (TempStore) throws -> Void = { _ in }) throws -> [String] {
        let t = try TempStore(files)
        defer { t.remove() }
        try prepare(t)
        do {
            return try Store.open(at: t.path).validate().map(\.description)
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func idsThatWouldLeaveTheStore() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        #expect(store.sheet(member: "../lee", application: "app-a") == nil)
        #expect(store.sheet(member: "lee", application: "../../etc/passwd") == nil)
        #expect(store.decision(for: "../app-a").decision == nil)
        #expect(store.application("../app-a").application == nil)
        #expect(throws: StoreActionError.self) { _ = try store.history(application: "../../etc") }
        #expect(throws: StoreActionError.self) { _ = try store.exportSheetForm(member: "lee", application: "app-a/../app-b", phase: .written) }
        try FileManager.default.createDirectory(at: t.root.appendingPathComponent("applications/Bad..Id"), withIntermediateDirectories: true)
        let p = try Store.open(at: t.path).validate().map(\.description)
        #expect(p.contains("applications/Bad..Id: folder name 'Bad..Id' is not a valid application id"), "\(p)")
    }

    @Test func filesThatAreNotRegularFilesAreNotRead() throws {
        // A FIFO would block a reader forever; /dev/zero never ends.
        let fifo = try problems([:]) { t in
            let path = t.root.appendingPathComponent("applications/app-b/application.yaml").path
            try FileManager.default.removeItem(atPath: path)
            #expect(mkfifo(path, 0o644) == 0)
        }
        #expect(fifo.contains("applications/app-b/application.yaml: not a regular file (a folder, device or pipe): not read"), "\(fifo)")
        let zero = try problems([:]) { t in
            let path = t.root.appendingPathComponent("applications/app-b/application.yaml").path
            try FileManager.default.removeItem(atPath: path)
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
        }
        #expect(zero.contains("applications/app-b/application.yaml: not a regular file (a folder, device or pipe): not read"), "\(zero)")
    }

    @Test func hugeFiles() throws {
        let big = String(repeating: "# padding padding padding padding padding padding padding padding\n", count: 140_000)
        let p = try problems(["applications/app-b/application.yaml": TempStore.application(id: "app-b", population: 120000) + big])
        #expect(p.contains("applications/app-b/application.yaml: the file is larger than 8 MiB"), "\(p.prefix(3))")
        let sheet = "{\"format\": 1, \"pad\": \"" + String(repeating: "x", count: 5 * 1024 * 1024) + "\"}"
        let q = try problems(["scores/park/app-b.json": sheet])
        #expect(q.contains("scores/park/app-b.json: the file is larger than 4 MiB"), "\(q.prefix(3))")
    }

    @Test func invalidUTF8() throws {
        var bytes = Array(TempStore.committee.utf8)
        bytes.insert(contentsOf: [0xC3, 0x28], at: bytes.firstIndex(of: 0x0A)! + 3)
        let p = try problems([:]) { t in try Data(bytes).write(to: t.root.appendingPathComponent("committee.yaml")) }
        #expect(p == ["committee.yaml:2: the file is not valid UTF-8 text"], "\(p)")
        let s = try problems(["scores/park/app-b.json": "{}"]) { t in
            try Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]).write(to: t.root.appendingPathComponent("scores/park/app-b.json"))
        }
        #expect(s.contains { $0.hasPrefix("scores/park/app-b.json: not valid JSON") }, "\(s)")
    }

    @Test func yamlAliasBombs() throws {
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...12 { bomb += "a\(i): &a\(i) [*a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1)]\n" }
        let app = TempStore.application(id: "app-b", population: 120000)
            .replacingOccurrences(of: "submitted_at: 2025-08-01", with: "submitted_at: 2025-08-01\n" + bomb.replacingOccurrences(of: "\n", with: "\n").split(separator: "\n").map { "x_\($0)" }.joined(separator: "\n"))
        let start = Date()
        let p = try problems(["applications/app-b/application.yaml": app])
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(p.contains { $0.hasPrefix("applications/app-b/application.yaml") }, "\(p)")
        // Aliases where the schema walks: the committee's members.
        let committee = "m: &m {id: kim, name: 김, role: chair}\nmembers: [" + Array(repeating: "*m", count: 2000).joined(separator: ", ") + "]\n"
        let q = try problems(["committee.yaml": committee])
        #expect(q.contains { $0.contains("duplicate member id 'kim'") }, "\(q.prefix(3))")
    }

    @Test func deeplyNestedDocuments() throws {
        let flow = "members: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        #expect(try problems(["committee.yaml": flow]) == ["committee.yaml: the file is nested too deeply (over 64 brackets)"])
        let block = "members:\n" + String(repeating: "- ", count: 50_000) + "x\n"
        let b = try problems(["committee.yaml": block])
        #expect(b.count == 1 && b[0].hasPrefix("committee.yaml"), "\(b)")
        var indented = "members:\n"
        for i in 0..<600 { indented += String(repeating: " ", count: i + 1) + "k\(i):\n" }
        let c = try problems(["committee.yaml": indented])
        #expect(c == ["committee.yaml: the file is nested too deeply (indentation over 512)"], "\(c)")
        let json = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let d = try problems(["scores/park/app-b.json": json])
        #expect(d.contains { $0.hasPrefix("scores/park/app-b.json: not valid JSON") }, "\(d)")
    }

    @Test func numbersOutOfRange() throws {
        let p1 = try problems(["applications/app-b/application.yaml": TempStore.application(id: "app-b", population: 120000).replacingOccurrences(of: "population: 120000", with: "population: 1e30")])
        #expect(p1.contains { $0.contains("population must be a whole number, found '1e30'") }, "\(p1)")
        let p2 = try problems(["applications/app-b/application.yaml": TempStore.application(id: "app-b", population: 120000).replacingOccurrences(of: "population: 120000", with: "population: 99999999999999999999")])
        #expect(p2.contains { $0.contains("population must be") }, "\(p2)")
        let s1 = try problems(["standards/t.yaml": TempStore.standards.replacingOccurrences(of: "points: {large: 40, small: 50}", with: "points: {large: 1e20, small: 50}")])
        #expect(s1.contains { $0.contains("points.large must be a number of points from 0 to 1,000,000") }, "\(s1)")
        let s2 = try problems(["standards/t.yaml": TempStore.standards.replacingOccurrences(of: "points: {large: 40, small: 50}", with: "points: {large: 99999999999999.99, small: 50}")])
        #expect(s2.contains { $0.contains("points.large must be a number of points from 0 to 1,000,000") }, "\(s2)")
        let s3 = try problems(["standards/t.yaml": TempStore.standards.replacingOccurrences(of: "{at_least: 10, share: 1.0}", with: "{at_least: 10, share: 999999999999999}")])
        #expect(s3.contains { $0.contains("share must be a number with at most 4 decimals") || $0.contains("share must be between 0 and 1") }, "\(s3)")
        let s4 = try problems(["standards/t.yaml": TempStore.standards.replacingOccurrences(of: "{at_least: 10, share: 1.0}", with: "{at_least: 1e300, share: 1.0}")])
        #expect(s4.contains { $0.contains("at_least must be a number (magnitude below 10^15), found '1e300'") }, "\(s4)")
        let s5 = try problems(["standards/t.yaml": TempStore.standards.replacingOccurrences(of: "{grade: 1, min_percent: 90}", with: "{grade: 99999999999999999999, min_percent: 90}")])
        #expect(!s5.isEmpty)
        let v = try problems(["scores/park/app-b.json": TempStore.sheet(member: "park", app: "app-b", written: ["Q1": "{\"value\": 1e30}", "L1": "{\"level\": 3}"])])
        #expect(v.contains("scores/park/app-b.json: written.Q1: the value is out of range (its magnitude must be below 10^15)"), "\(v)")
        let l = try problems(["scores/park/app-b.json": TempStore.sheet(member: "park", app: "app-b", written: ["Q1": "{\"value\": 1}", "L1": "{\"level\": 99999999999999999999}"])])
        #expect(l.contains { $0.hasPrefix("scores/park/app-b.json") }, "\(l)")
        let d = try problems(["decisions/app-b.json": "{\"format\": 1, \"application\": \"app-b\", \"finalized_by\": \"kim\", \"finalized_at\": \"x\", \"total\": \"99999999999999999.99\", \"max\": \"1.00\", \"grade\": 1, \"certified\": true}"])
        #expect(d.contains { $0.hasPrefix("decisions/app-b.json: total and max") }, "\(d)")
    }

    @Test func aHostileAuditLog() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        try store.setEntry(Entry(value: 4), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        let good = try IntegrityFixture.logLines(t)
        // A last line whose seq is the largest Int: no overflow, a refusal.
        try IntegrityFixture.writeLog(t, good + [#"{"seq":9223372036854775807,"hash":"x","prev":"","at":"","actor":"lee","action":"entry","application":"app-b"}"#])
        #expect { try store.setEntry(Entry(value: 5), indicator: "Q1", member: "lee", application: "app-a", phase: .written) } throws: {
            ($0 as? StoreActionError)?.message.contains("seq is out of range") == true
        }
        #expect(try IntegrityFixture.verify(t).errors.first == "audit.log:2: seq is 9223372036854775807, expected 2: a line was removed, added or moved")
        // A line longer than 1 MiB, a number longer than 64 digits, nesting.
        try IntegrityFixture.writeLog(t, good + ["{\"seq\":2,\"x\":\"" + String(repeating: "y", count: 1_100_000) + "\"}"])
        #expect(try IntegrityFixture.verify(t).errors.first == "audit.log:2: the line is longer than 1 MiB")
        try IntegrityFixture.writeLog(t, good + ["{\"seq\":" + String(repeating: "9", count: 100) + "}"])
        #expect(try IntegrityFixture.verify(t).errors.first?.hasPrefix("audit.log:2: not a JSON object: number too long") == true)
        try IntegrityFixture.writeLog(t, good + [String(repeating: "[", count: 10_000)])
        #expect(try IntegrityFixture.verify(t).errors.first?.hasPrefix("audit.log:2: not a JSON object: nested too deeply") == true)
        // The log as a symbolic link to a file elsewhere is neither read nor appended to.
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-outside-\(UUID().uuidString)")
        try Data(good.joined(separator: "\n").appending("\n").utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.removeItem(at: t.root.appendingPathComponent("audit.log"))
        try FileManager.default.createSymbolicLink(at: t.root.appendingPathComponent("audit.log"), withDestinationURL: outside)
        #expect(try IntegrityFixture.verify(t).errors.first == "audit.log: cannot read audit.log: it is a symbolic link or not a regular file")
        #expect(throws: StoreActionError.self) { try store.setEntry(Entry(value: 6), indicator: "Q1", member: "lee", application: "app-a", phase: .written) }
        #expect(try String(contentsOf: outside, encoding: .utf8).split(separator: "\n").count == 1, "nothing appended through the link")
    }
}
