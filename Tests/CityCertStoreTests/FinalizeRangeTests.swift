import CityCertCore
@testable import CityCertStore
import Foundation
import Testing
import TestSupport

/// Finalizing a city whose range (spec §3.9) crosses the certification line needs a note.
@Suite struct FinalizeRangeTests {
    /// app-a (large, max 200): its five eligible members submit both phases; L1 levels 5, 5, 5, 1, 1
    /// (60, 60, 60, 12, 12: trimmed 44, flagged), L2 level 5 (100), Q1 7 (26.67) → total 170.67
    /// (grade 2); the range 138.67–186.67 crosses the 70 % line (140).
    func store() throws -> (Store, TempStore) {
        var files: [String: String?] = [:]
        for (member, level) in [("kim", 5), ("lee", 5), ("park", 5), ("choi", 1), ("jung", 1)] {
            let entries = ["Q1": "{\"value\": 7}", "L1": "{\"level\": \(level)}", "L2": "{\"level\": 5}"]
            files["scores/\(member)/app-a.json"] = TempStore.sheet(member: member, app: "app-a", written: entries, site: entries)
        }
        let t = try TempStore(files)
        return (try Store.open(at: t.path), t)
    }

    @Test func aNoteIsRequiredWhenTheRangeCrossesTheLine() throws {
        let (s, t) = try store()
        defer { t.remove() }
        let e = try #require(s.evaluate("app-a"))
        #expect(e.status == .complete && e.total.description == "170.67" && e.grade == 2)
        #expect(e.range.low.description == "138.67" && e.range.high.description == "186.67" && e.range.crossesCertification)
        for note: String? in [nil, "", "   "] {
            do {
                try s.finalize(application: "app-a", by: "kim", note: note)
                Issue.record("finalized without a note")
            } catch {
                #expect(error.message == "the range 138.67–186.67 (grades 4–1) crosses the certification line: give a note saying why the grade stands")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: t.path + "/decisions/app-a.json"))
        let d = try s.finalize(application: "app-a", by: "kim", note: "L1 현장 재확인 후 합의")
        #expect(d.grade == 2 && d.note == "L1 현장 재확인 후 합의")
    }

    /// A decision undone needs a reason, kept in the audit log.
    @Test func aReopenNeedsAReason() throws {
        let (s, t) = try store()
        defer { t.remove() }
        try s.finalize(application: "app-a", by: "kim", note: "합의")
        for reason: String? in [nil, "", "  \n"] {
            do {
                try s.reopen(application: "app-a", by: "kim", reason: reason)
                Issue.record("reopened without a reason")
            } catch {
                #expect(error.message == "say why app-a is reopened: the reason is kept in the audit log")
            }
        }
        #expect(FileManager.default.fileExists(atPath: t.path + "/decisions/app-a.json"), "still final")
        try s.reopen(application: "app-a", by: "kim", reason: "이의신청")
        let log = try String(contentsOfFile: t.path + "/audit.log", encoding: .utf8)
        #expect(log.contains(#""reason":"이의신청""#))
    }

    /// A conflict added to committee.yaml while the program runs: no decision on the old rules.
    @Test func finalizingOnRulesChangedSinceOpeningIsRefused() throws {
        let (s, t) = try store()
        defer { t.remove() }
        #expect(s.rulesChangedSinceOpen().isEmpty)
        try t.write("committee.yaml", TempStore.committee.replacingOccurrences(
            of: "conflicts:\n", with: "conflicts:\n  - {member: park, application: app-a, kind: recusal}\n"))
        #expect(s.rulesChangedSinceOpen() == ["committee.yaml"])
        do {
            try s.finalize(application: "app-a", by: "kim", note: "합의")
            Issue.record("finalized on stale rules")
        } catch {
            #expect(error.message == "committee.yaml changed since the store was opened: read the store again (r) and check before deciding")
        }
        #expect(!FileManager.default.fileExists(atPath: t.path + "/decisions/app-a.json"))
    }
}
