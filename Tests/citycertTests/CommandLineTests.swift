import Foundation
import Testing
import TestSupport

/// The `citycert` executable as scripts use it: output and exit codes of spec §4.
@Suite struct CommandLineTests {
    /// The built binary: $CITYCERT_BIN, else next to the test bundle (`swift test` builds it).
    static var binary: URL? {
        if let p = ProcessInfo.processInfo.environment["CITYCERT_BIN"] { return URL(fileURLWithPath: p) }
        let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for dir in [runner, runner.deletingLastPathComponent(), repo.appendingPathComponent(".build/debug")] {
            let candidate = dir.appendingPathComponent("citycert")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    struct Run { var status: Int32; var out: String; var err: String }

    func run(_ args: [String]) throws -> Run {
        let bin = try #require(Self.binary, "build citycert first (swift build) or set CITYCERT_BIN")
        let p = Process()
        p.executableURL = bin
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    @Test func reportJSONOfAStoreWithAnInvalidApplicationExitsZero() throws {
        let t = try TempStore(["applications/app-b/application.yaml": TempStore.application(id: "app-b", population: 120000, type: "large")])
        defer { t.remove() }
        let r = try run(["report", "--store", t.path, "--format", "json"])
        #expect(r.status == 0, "\(r.err)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect((doc["applications"] as? [Any])?.count == 1)
        let invalid = try #require(doc["invalid"] as? [[String: Any]])
        #expect(invalid.first?["path"] as? String == "applications/app-b/application.yaml")
        #expect(invalid.first?["line"] as? Int == 5)
        // Keys in the order of spec §4.
        let order = ["\"round\"", "\"standards\"", "\"applications\"", "\"invalid\""].compactMap { r.out.range(of: $0)?.lowerBound }
        #expect(order == order.sorted() && order.count == 4)
    }

    @Test func anUnreadableStoreExitsOne() throws {
        let t = try TempStore(["committee.yaml": "members: [\n"])
        defer { t.remove() }
        let r = try run(["report", "--store", t.path, "--format", "json"])
        #expect(r.status == 1)
        #expect(r.err.contains("committee.yaml:"))
        #expect(try run(["report", "--store", "/nonexistent/store"]).status == 1)
    }

    @Test func aWrongCommandLineExitsTwo() throws {
        let t = try TempStore()
        defer { t.remove() }
        #expect(try run(["report", "--store", t.path, "--format", "pdf"]).status == 2)
        #expect(try run(["report", "--store", t.path, "--application", "../etc"]).status == 2)
        #expect(try run(["report", "--store", t.path, "--application", "no-such-app"]).status == 2)
        #expect(try run(["report"]).status == 2, "--store is required")
        #expect(try run(["report", "--store", t.path, "--bogus"]).status == 2)
    }

    @Test func validateListsProblemsAndExitsOneOnlyForErrors() throws {
        let clean = try TempStore()
        defer { clean.remove() }
        let ok = try run(["validate", "--store", clean.path])
        #expect(ok.status == 0 && ok.out.isEmpty, "\(ok.out)")
        let bad = try TempStore(["applications/app-b/application.yaml": TempStore.application(id: "app-b", population: 120000, type: "large")])
        defer { bad.remove() }
        let r = try run(["validate", "--store", bad.path])
        #expect(r.status == 1)
        #expect(r.out == "applications/app-b/application.yaml:5: city_type 'large' contradicts population 120000: under 500000 makes it 'small'\n")
    }

    @Test func theWorkstationRefusesWithoutATerminal() throws {
        let t = try TempStore()
        defer { t.remove() }
        let r = try run(["--store", t.path, "--as", "park"])
        #expect(r.status == 2)
        #expect(r.err.contains("needs a terminal"))
    }

    @Test func textReportIsAlignedWithHangul() throws {
        let t = try TempStore()
        defer { t.remove() }
        let r = try run(["report", "--store", t.path, "--format", "text"])
        #expect(r.status == 0)
        #expect(r.out.contains("가나시"))
    }

    /// The benchmark runs end to end on a small store, and its measuring process reaches every
    /// screen it times (a figure left at zero would mean a screen was never reached).
    @Test func benchmarkMeasuresEveryScreen() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-bench-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("s").path
        #expect(try run(["generate", "--out", store, "--applications", "12", "--members", "7", "--seed", "4"]).status == 0)
        let measured = try run(["bench", "--measure", store, "--runs", "1"])
        #expect(measured.status == 0, "\(measured.err)")
        let figures = try #require(JSONSerialization.jsonObject(with: Data(measured.out.utf8)) as? [String: Any])
        for key in ["open", "evaluateAll", "firstScreen", "openApplication", "backToList", "chairFirstScreen", "openConsensus",
                    "backToOverview", "secretaryFirstScreen", "pasteNote", "saveLongNote"] {
            #expect((figures[key] as? Double ?? 0) > 0, "\(key)")
        }
        for key in ["overviewKey", "consensusKey", "reportKey", "longNoteKey"] {
            #expect(((figures[key] as? [String: Any])?["max"] as? Double ?? 0) > 0, "\(key)")
        }
        #expect(figures["applications"] as? Int == 12)

        let table = try run(["bench", "--sizes", "5", "--runs", "1", "--members", "5", "--work", dir.appendingPathComponent("w").path])
        #expect(table.status == 0, "\(table.err)")
        #expect(table.out.contains("| 5 |") && table.out.contains("report json (process)") && table.out.contains("consensus key")
                && table.out.contains("paste 5,000 characters into a note"))
    }
}
