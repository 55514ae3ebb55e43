import CityCertCore
@testable import CityCertStore
import Foundation
import Testing
import TestSupport

/// `citycert verify`: the hash chain, and every sheet and decision against the log (issue 5 item 6).
@Suite struct VerifyTests {
    @Test func aStoreWrittenThroughTheActionsVerifies() throws {
        let (t, _) = try IntegrityFixture.historyStore()
        defer { t.remove() }
        let report = try Store.open(at: t.path).verify()
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(report.sheets == 7 && report.decisions == 1)
        #expect(report.lines == (try IntegrityFixture.logLines(t)).count)
    }

    @Test func everyLineIsCanonicalAndChained() throws {
        let (t, _) = try IntegrityFixture.historyStore()
        defer { t.remove() }
        var previous = ""
        for (n, line) in try IntegrityFixture.logLines(t).enumerated() {
            let json = try AuditJSON.parse(Array(line.utf8))
            #expect(json["seq"]?.intValue == n + 1)
            #expect(json["prev"]?.stringValue == previous)
            guard case .object(let pairs) = json else { Issue.record("not an object"); return }
            let body = AuditJSON.object(pairs.filter { $0.0 != "hash" }).canonical()
            #expect(AuditLog.sha256Hex(body) == json["hash"]?.stringValue, "line \(n + 1)")
            #expect(line == String(body.dropLast()) + ",\"hash\":\"\(json["hash"]!.stringValue!)\"}", "compact, keys sorted, hash last")
            previous = json["hash"]!.stringValue!
        }
    }

    @Test func linesWrittenByAnotherToolAreRecomputedCanonically() throws {
        // A line as Python's json.dumps(sort_keys=True) writes it: hash among the sorted keys,
        // non-ASCII escaped, spaces after separators; its hash is over the canonical ASCII form.
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        try store.setEntry(Entry(value: 7, note: "확인 \u{1F600}"), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        let ours = try IntegrityFixture.logLines(t)[0]
        let json = try AuditJSON.parse(Array(ours.utf8))
        guard case .object(let pairs) = json else { return }
        let withoutHash = AuditJSON.object(pairs.filter { $0.0 != "hash" })
        let python = withoutHash.canonical(.python)
        #expect(python.contains("\\ud83d\\ude00") && python.contains("\\ud655"))
        let hash = AuditLog.sha256Hex(python)
        let spaced = AuditJSON.object(pairs.map { $0.0 == "hash" ? ($0.0, .string(hash)) : $0 }).canonical(.python)
            .replacingOccurrences(of: "\":", with: "\": ").replacingOccurrences(of: ",\"", with: ", \"")
        try IntegrityFixture.writeLog(t, [spaced])
        // The sheet's marker still names seq 1, so only the chain decides.
        let report = try Store.open(at: t.path).verify()
        #expect(report.errors.isEmpty, "\(report.errors)")
    }

    // MARK: - Tampering

    /// One way of tampering with a store, and what verify must name.
    struct Tamper: CustomTestStringConvertible, Sendable {
        var name: String
        /// The error verify must report (a substring of one error line).
        var expected: String
        var apply: @Sendable (TempStore) throws -> Void
        var testDescription: String { name }
    }

    static func editSheet(_ t: TempStore, _ path: String, _ edit: (inout [String: Any]) -> Void) throws {
        let url = t.root.appendingPathComponent(path)
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        edit(&json)
        try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .prettyPrinted]).write(to: url)
    }

    static func editEntry(_ t: TempStore, _ path: String, phase: String, _ id: String, _ edit: @escaping (inout [String: Any]) -> Void) throws {
        try editSheet(t, path) { json in
            var phases = json["phases"] as! [String: Any]
            var ps = phases[phase] as! [String: Any]
            var entries = ps["entries"] as! [String: Any]
            var e = entries[id] as? [String: Any] ?? [:]
            edit(&e)
            entries[id] = e.isEmpty ? nil : e
            ps["entries"] = entries
            phases[phase] = ps
            json["phases"] = phases
        }
    }

    /// The log line (1-based) of the last record matching all the given fragments.
    static func line(_ t: TempStore, _ fragments: String...) throws -> Int {
        let lines = try IntegrityFixture.logLines(t)
        return try #require(lines.lastIndex { l in fragments.allSatisfy { l.contains($0) } }) + 1
    }

    static func rehash(_ line: String, prev: String? = nil) throws -> String {
        guard case .object(var pairs) = try AuditJSON.parse(Array(line.utf8)) else { return line }
        pairs.removeAll { $0.0 == "hash" }
        if let prev { pairs = pairs.map { $0.0 == "prev" ? ($0.0, .string(prev)) : $0 } }
        let body = AuditJSON.object(pairs).canonical()
        return String(body.dropLast()) + ",\"hash\":\"\(AuditLog.sha256Hex(body))\"}"
    }

    static let tampers: [Tamper] = [
        Tamper(name: "a value in a sheet edited", expected: "scores/lee/app-a.json: written.Q1: the file has value 99, note \"n0\", the log has value 3, note \"n0\" (audit.log:") { t in
            try editEntry(t, "scores/lee/app-a.json", phase: "written", "Q1") { $0["value"] = 99 }
        },
        Tamper(name: "a note in a sheet edited", expected: "scores/park/app-a.json: written.Q1: the file has value 4, note \"forged\", the log has value 4, note \"n1\"") { t in
            try editEntry(t, "scores/park/app-a.json", phase: "written", "Q1") { $0["note"] = "forged" }
        },
        Tamper(name: "a level in a sheet edited", expected: "scores/choi/app-a.json: site.L1: the file has level 5, the log has level 1 (audit.log:") { t in
            try editEntry(t, "scores/choi/app-a.json", phase: "site", "L1") { $0["level"] = 5 }
        },
        Tamper(name: "an entry removed from a sheet", expected: "scores/kim/app-a.json: written.L2: the file has no entry, the log has level") { t in
            try editEntry(t, "scores/kim/app-a.json", phase: "written", "L2") { $0 = [:] }
        },
        Tamper(name: "a submitted sheet turned back into a draft", expected: "scores/jung/app-a.json: written: the file says draft, the log says submitted (audit.log:") { t in
            try editSheet(t, "scores/jung/app-a.json") { json in
                var phases = json["phases"] as! [String: Any]
                var ps = phases["written"] as! [String: Any]
                ps["status"] = "draft"
                phases["written"] = ps
                json["phases"] = phases
            }
        },
        Tamper(name: "a sheet deleted", expected: "scores/jung/app-a.json: the file is missing, but the log has 4 changes of it") { t in
            try FileManager.default.removeItem(at: t.root.appendingPathComponent("scores/jung/app-a.json"))
        },
        Tamper(name: "a sheet added by hand", expected: "scores/choi/app-b.json: not in the audit log") { t in
            try t.write("scores/choi/app-b.json", TempStore.sheet(member: "choi", app: "app-b", written: ["Q1": "{\"value\": 10}", "L1": "{\"level\": 5}"]))
        },
        Tamper(name: "a sheet replaced by another member's", expected: "scores/lee/app-a.json: names member 'park'") { t in
            try t.write("scores/lee/app-a.json", try IntegrityFixture.read(t, "scores/park/app-a.json"))
        },
        Tamper(name: "a sheet's audit_seq changed", expected: "scores/lee/app-a.json: audit_seq is 1, but its last change is seq") { t in
            try editSheet(t, "scores/lee/app-a.json") { $0["audit_seq"] = 1 }
        },
        Tamper(name: "a line deleted from the middle of the log", expected: "audit.log:5: seq is 6, expected 5: a line was removed, added or moved") { t in
            var lines = try IntegrityFixture.logLines(t)
            lines.remove(at: 4)
            try IntegrityFixture.writeLog(t, lines)
        },
        Tamper(name: "the last line of the log deleted", expected: "scores/park/app-b.json: written.L1: the file has level 2, the log has no entry") { t in
            // The last record is park's L1 on app-b: without it, the sheet is ahead of the log.
            let lines = try IntegrityFixture.logLines(t)
            try IntegrityFixture.writeLog(t, Array(lines.dropLast()))
        },
        Tamper(name: "the finalize line deleted (and the chain re-hashed after it)", expected: "decisions/app-a.json: not in the audit log: no finalize record of app-a") { t in
            var lines = try IntegrityFixture.logLines(t)
            let n = try line(t, "\"action\":\"finalize\"") - 1
            lines.remove(at: n)
            var prev = n > 0 ? (try AuditJSON.parse(Array(lines[n - 1].utf8)))["hash"]!.stringValue! : ""
            for i in n..<lines.count {
                guard case .object(var pairs) = try AuditJSON.parse(Array(lines[i].utf8)) else { continue }
                pairs = pairs.map { $0.0 == "seq" ? ($0.0, .number(String(i + 1))) : $0 }
                lines[i] = try rehash(AuditJSON.object(pairs).canonical(), prev: prev)
                prev = (try AuditJSON.parse(Array(lines[i].utf8)))["hash"]!.stringValue!
            }
            try IntegrityFixture.writeLog(t, lines)
        },
        Tamper(name: "two lines of the log swapped", expected: "audit.log:3: seq is 4, expected 3") { t in
            var lines = try IntegrityFixture.logLines(t)
            lines.swapAt(2, 3)
            try IntegrityFixture.writeLog(t, lines)
        },
        Tamper(name: "a line of the log edited", expected: "hash does not match the line's content: this line was changed") { t in
            var lines = try IntegrityFixture.logLines(t)
            let n = try line(t, "\"actor\":\"lee\"", "\"indicator\":\"Q1\"") - 1
            lines[n] = lines[n].replacingOccurrences(of: "\"value\":\"3\"", with: "\"value\":\"9\"")
            try IntegrityFixture.writeLog(t, lines)
        },
        Tamper(name: "a line of the log edited and its hash recomputed", expected: "prev is not the hash of line") { t in
            var lines = try IntegrityFixture.logLines(t)
            let n = try line(t, "\"actor\":\"lee\"", "\"indicator\":\"Q1\"") - 1
            lines[n] = try rehash(lines[n].replacingOccurrences(of: "\"value\":\"3\"", with: "\"value\":\"9\""))
            try IntegrityFixture.writeLog(t, lines)
        },
        Tamper(name: "a value changed in the log with the whole chain recomputed", expected: "scores/lee/app-a.json: written.Q1: the file has value 3, note \"n0\", the log has value 9") { t in
            var lines = try IntegrityFixture.logLines(t)
            let n = try line(t, "\"actor\":\"lee\"", "\"indicator\":\"Q1\"") - 1
            lines[n] = lines[n].replacingOccurrences(of: "\"value\":\"3\"", with: "\"value\":\"9\"")
            var prev = n > 0 ? (try AuditJSON.parse(Array(lines[n - 1].utf8)))["hash"]!.stringValue! : ""
            for i in n..<lines.count {
                lines[i] = try rehash(lines[i], prev: prev)
                prev = (try AuditJSON.parse(Array(lines[i].utf8)))["hash"]!.stringValue!
            }
            try IntegrityFixture.writeLog(t, lines)
        },
        Tamper(name: "a line of the log made unreadable", expected: "audit.log:2: not a JSON object") { t in
            var lines = try IntegrityFixture.logLines(t)
            lines[1] = String(lines[1].dropLast(5))
            try IntegrityFixture.writeLog(t, lines)
        },
        Tamper(name: "the decision's total changed", expected: "decisions/app-a.json: total is 1.00, the log says") { t in
            try editSheet(t, "decisions/app-a.json") { $0["total"] = "1.00" }
        },
        Tamper(name: "the decision's grade changed", expected: "decisions/app-a.json: grade is 1, the log says") { t in
            try editSheet(t, "decisions/app-a.json") { $0["grade"] = 1 }
        },
        Tamper(name: "the decision's note changed", expected: "decisions/app-a.json: the note differs from the logged one") { t in
            try editSheet(t, "decisions/app-a.json") { $0["note"] = "다른 메모" }
        },
        Tamper(name: "a decision added by hand", expected: "decisions/app-b.json: not in the audit log: no finalize record of app-b") { t in
            try t.write("decisions/app-b.json", try IntegrityFixture.read(t, "decisions/app-a.json").replacingOccurrences(of: "app-a", with: "app-b"))
        },
        Tamper(name: "the log emptied", expected: "audit.log: the log is missing or empty, but the store has 7 sheet(s)") { t in
            try t.write("audit.log", "")
        },
    ]

    @Test(arguments: tampers)
    func tamperingIsNamed(_ tamper: Tamper) throws {
        let (t, _) = try IntegrityFixture.historyStore()
        defer { t.remove() }
        try tamper.apply(t)
        let (errors, _) = try IntegrityFixture.verify(t)
        #expect(errors.contains { $0.contains(tamper.expected) }, "\(tamper.name): expected «\(tamper.expected)» in \(errors)")
    }

    @Test func theFirstBrokenLineIsNamedOnce() throws {
        let (t, _) = try IntegrityFixture.historyStore()
        defer { t.remove() }
        var lines = try IntegrityFixture.logLines(t)
        lines.remove(at: 9)
        lines.swapAt(20, 21)
        try IntegrityFixture.writeLog(t, lines)
        let (errors, _) = try IntegrityFixture.verify(t)
        // The chain is named once, at its first break; what the replay then finds wrong (issue 13:
        // every problem with its line) is named too, but never as another break of the chain.
        let chain = errors.filter { $0.contains("a line was removed") || $0.contains("prev is not") || $0.contains("hash does not match") }
        #expect(chain == ["audit.log:10: seq is 11, expected 10: a line was removed, added or moved"], "\(errors)")
        #expect(errors.first == "audit.log:10: seq is 11, expected 10: a line was removed, added or moved")
    }

    @Test func aDeletedDecisionIsRestoredFromTheLog() throws {
        let (t, chair) = try IntegrityFixture.historyStore()
        defer { t.remove() }
        let original = try IntegrityFixture.read(t, "decisions/app-a.json")
        try FileManager.default.removeItem(at: t.root.appendingPathComponent("decisions/app-a.json"))
        let (errors, warnings) = try IntegrityFixture.verify(t)
        #expect(errors.isEmpty)
        #expect(warnings.contains { $0.hasPrefix("decisions/app-a.json: warning: app-a was finalized at audit.log:") }, "\(warnings)")
        // No sheet can change meanwhile: the log says the application is final.
        let member = try IntegrityFixture.open(t)
        #expect(throws: StoreActionError.self) { try member.setEntry(nil, indicator: "Q1", member: "lee", application: "app-a", phase: .written) }
        #expect(try chair.repair() == ["decisions/app-a.json: written from the logged finalize (audit.log:\(try Self.line(t, "\"action\":\"finalize\"")))"])
        #expect(try IntegrityFixture.read(t, "decisions/app-a.json") == original)
        #expect(try IntegrityFixture.verify(t) == ([], []))
    }
}
