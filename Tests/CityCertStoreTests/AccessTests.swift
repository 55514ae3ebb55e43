import CityCertCore
@testable import CityCertStore
import Foundation
import Testing
import TestSupport

/// The committee's rules, enforced in the store so the workstation, `score` and `sheet import` all
/// obey them (issue 5 item 4). Every attempt below must be refused with a message; the count is
/// the figure in Docs/reliability.md.
@Suite struct AccessTests {
    final class Tally: @unchecked Sendable {
        var refused = 0
        /// Runs an attempt that must be refused by a rule, and counts it.
        func refuses(_ what: String, containing text: String, sourceLocation: SourceLocation = #_sourceLocation,
                     _ body: () throws -> Void) {
            do {
                try body()
                Issue.record("\(what): was allowed", sourceLocation: sourceLocation)
            } catch let e as StoreActionError {
                #expect(e.kind == .refused, "\(what): \(e)", sourceLocation: sourceLocation)
                #expect(e.message.contains(text), "\(what): «\(e.message)» lacks «\(text)»", sourceLocation: sourceLocation)
                // Every refusal has its Korean (the screen's language, issue 11).
                let ko = e.message(.ko)
                #expect(ko != e.message && ko.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) },
                        "\(what): no Korean for «\(e.message)»", sourceLocation: sourceLocation)
                #expect(e.message(.en) == e.message, sourceLocation: sourceLocation)
                refused += 1
            } catch {
                Issue.record("\(what): \(error)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func everyRuleRefusesWithAMessage() throws {
        let (t, chair) = try IntegrityFixture.historyStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        let tally = Tally()
        let before = try IntegrityFixture.logLines(t).count

        // Who scores (the secretary acts as her own login, jwhan).
        let secretary = try IntegrityFixture.open(t, as: "jwhan")
        tally.refuses("the secretary scores", containing: "secretary and does not score") {
            try secretary.setEntry(Entry(value: 3), indicator: "Q1", member: "han", application: "app-b", phase: .written)
        }
        tally.refuses("the secretary submits", containing: "secretary") { try secretary.submit(member: "han", application: "app-b", phase: .written) }
        tally.refuses("an unknown member scores", containing: "not a member") {
            try store.setEntry(Entry(value: 3), indicator: "Q1", member: "ghost", application: "app-b", phase: .written)
        }
        tally.refuses("a conflicted member scores", containing: "conflict of interest") {
            try store.setEntry(Entry(value: 3), indicator: "Q1", member: "lee", application: "app-b", phase: .written)
        }
        tally.refuses("a conflicted member exports the form", containing: "conflict of interest") {
            _ = try store.exportSheetForm(member: "lee", application: "app-b", phase: .written)
        }
        let form = try store.exportSheetForm(member: "park", application: "app-b", phase: .written)
        tally.refuses("a conflicted member uploads a form", containing: "conflict of interest") {
            _ = try store.importSheetForm(form.replacingOccurrences(of: "member: park", with: "member: lee"), member: "lee")
        }
        tally.refuses("a member uploads another member's form", containing: "this form is park's sheet; you are acting as jung") {
            _ = try store.importSheetForm(form, member: "jung")
        }
        tally.refuses("a member outside the site team scores the site phase", containing: "not on the site team") {
            try store.setEntry(Entry(value: 3), indicator: "Q1", member: "jung", application: "app-a", phase: .site)
        }
        tally.refuses("an indicator not applicable to the city type", containing: "not an applicable indicator") {
            try store.setEntry(Entry(level: 5), indicator: "L2", member: "park", application: "app-b", phase: .written)
        }
        tally.refuses("a level the indicator does not have", containing: "has no level 7") {
            try store.setEntry(Entry(level: 7), indicator: "L1", member: "park", application: "app-b", phase: .written)
        }
        tally.refuses("a value for a qualitative indicator", containing: "qualitative: choose a level") {
            try store.setEntry(Entry(value: 3), indicator: "L1", member: "park", application: "app-b", phase: .written)
        }
        tally.refuses("a value out of range", containing: "out of range") {
            try store.setEntry(Entry(value: Decimal(string: "1e20")!), indicator: "Q1", member: "park", application: "app-b", phase: .written)
        }
        tally.refuses("an application id that leaves the store", containing: "no application '../app-a'") {
            try store.setEntry(Entry(value: 3), indicator: "Q1", member: "park", application: "../app-a", phase: .written)
        }
        tally.refuses("a member id that leaves the store", containing: "not a member") {
            try store.setEntry(Entry(value: 3), indicator: "Q1", member: "../park", application: "app-b", phase: .written)
        }
        tally.refuses("submitting an incomplete sheet", containing: "cannot submit: 1 indicator(s) have no entry: L1") {
            try store.setEntry(nil, indicator: "L1", member: "park", application: "app-b", phase: .written)
            try store.submit(member: "park", application: "app-b", phase: .written)
        }

        // A final application is read-only.
        tally.refuses("a sheet entry on a final application", containing: "app-a is final") {
            try store.setEntry(Entry(value: 9), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        }
        tally.refuses("reopening a sheet of a final application", containing: "app-a is final") {
            try store.reopenSheet(member: "lee", application: "app-a", phase: .written)
        }
        let finalForm = try store.exportSheetForm(member: "lee", application: "app-a", phase: .written)
        #expect(finalForm.contains("the application is FINAL: this form is read-only"))
        tally.refuses("uploading a form for a final application", containing: "app-a is final") {
            _ = try store.importSheetForm(finalForm.replacingOccurrences(of: "Q1: 3\n", with: "Q1: 9\n"), member: "lee")
        }

        // Only the chair finalizes and reopens.
        tally.refuses("a member finalizes", containing: "only the chair") { try store.finalize(application: "app-b", by: "park") }
        tally.refuses("the secretary finalizes", containing: "only the chair") { try secretary.finalize(application: "app-b", by: "han") }
        tally.refuses("a member reopens", containing: "only the chair") { try store.reopen(application: "app-a", by: "park") }
        tally.refuses("finalizing an incomplete application", containing: "app-b is not complete") {
            try chair.finalize(application: "app-b", by: "kim")
        }

        // Identity: a member with a login is that OS user, and a login is only its member.
        let mallory = try IntegrityFixture.open(t, as: "mallory")
        tally.refuses("another OS user acts as the chair", containing: "requires being the operating-system user 'kminsu'; you are 'mallory'") {
            try mallory.reopen(application: "app-a", by: "kim")
        }
        tally.refuses("another OS user scores as the chair", containing: "requires being the operating-system user 'kminsu'") {
            try mallory.setEntry(Entry(value: 3), indicator: "Q1", member: "kim", application: "app-b", phase: .written)
        }
        tally.refuses("another OS user exports the chair's sheet", containing: "requires being the operating-system user 'kminsu'") {
            _ = try mallory.exportSheetForm(member: "kim", application: "app-b", phase: .written)
        }
        tally.refuses("the chair's login acts as a member", containing: "you can act only as kim, not as park") {
            try chair.setEntry(Entry(value: 3), indicator: "Q1", member: "park", application: "app-b", phase: .written)
        }
        #expect(tally.refused == 26)
        #expect(try IntegrityFixture.logLines(t).count == before + 1, "only park's cleared L1 was a change")

        // Allowed: a member without a login by any user; the superuser as anyone (and it is recorded).
        try mallory.setEntry(Entry(value: 5), indicator: "Q1", member: "park", application: "app-b", phase: .written)
        let root = try Store.open(at: t.path)
        root.osUser = OSUser(name: "root", isSuperuser: true)
        try root.setEntry(Entry(value: 5), indicator: "Q1", member: "kim", application: "app-b", phase: .written)
        #expect(try IntegrityFixture.logLines(t).last?.contains("\"os_user\":\"root\"") == true)
        #expect(try IntegrityFixture.verify(t) == ([], []))
    }

    @Test func othersScoresStayHiddenUntilTheMemberSubmits() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        try IntegrityFixture.scoreAndSubmit(store, member: "park", application: "app-b", seed: 1)
        try store.setEntry(Entry(value: 7), indicator: "Q1", member: "jung", application: "app-b", phase: .written)
        #expect(store.peerResults(member: "jung", application: "app-b").isEmpty, "a draft sees nothing of the others")
        #expect(store.peerResults(member: "lee", application: "app-b").isEmpty, "a conflicted member sees nothing")
        try store.setEntry(Entry(level: 4), indicator: "L1", member: "jung", application: "app-b", phase: .written)
        try store.submit(member: "jung", application: "app-b", phase: .written)
        #expect(store.peerResults(member: "jung", application: "app-b")[.written]?["Q1"]?.members.count == 2)
    }

    @Test func filesAreGroupWritableWhateverTheUmask() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        let old = umask(0o077)
        defer { umask(old) }
        try store.setEntry(Entry(value: 4), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        func mode(_ p: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: t.root.appendingPathComponent(p).path)[.posixPermissions] as! NSNumber).intValue
        }
        // Issue 13: nothing for others; a sheet is replaced by rename, never written in place, so
        // the group reads it and only its owner writes it; the log is appended to by the group.
        #expect(try mode("scores/lee/app-a.json") == 0o640)
        #expect(try mode("scores/lee/.app-a.json.lock") == 0o660)
        #expect(try mode("audit.log") == 0o660)
        #expect(try mode("scores") & 0o7777 == 0o2770)
        #expect(try mode("scores/lee") & 0o7777 == 0o2770)
        #expect(try mode("decisions") & 0o7777 == 0o2770)
    }
}
