import CityCertCore
@testable import CityCertStore
import Foundation
import Testing
import TestSupport

/// Every error of issue 2 item 2: a bad file in, a clear `path:line: message` out, and the rest of the store opens.
@Suite struct StoreValidationTests {
    func open(_ files: [String: String?]) throws -> (Store, [Problem], TempStore) {
        let t = try TempStore(files)
        let store = try Store.open(at: t.path)
        return (store, store.validate(), t)
    }

    func openError(_ files: [String: String?]) throws -> [Problem] {
        let t = try TempStore(files)
        defer { t.remove() }
        do {
            _ = try Store.open(at: t.path)
            Issue.record("the store opened although it should not")
            return []
        } catch {
            return error.problems
        }
    }

    @Test func theDefaultFixtureIsClean() throws {
        let (store, problems, t) = try open([:])
        defer { t.remove() }
        #expect(problems.isEmpty, "\(problems)")
        #expect(store.applicationIDs == ["app-a", "app-b"])
    }

    @Test func unknownIndicatorInAnApplication() throws {
        let (store, problems, t) = try open([
            "applications/app-b/application.yaml": TempStore.application(id: "app-b", population: 120000, extra: "  ZZ-9: {value: 3}"),
        ])
        defer { t.remove() }
        // the extra line lands under self_evaluation; make it a quantitative key instead
        _ = store
        let yaml = TempStore.application(id: "app-b", population: 120000)
            .replacingOccurrences(of: "quantitative:\n", with: "quantitative:\n  ZZ-9: {value: 3}\n")
        try t.write("applications/app-b/application.yaml", yaml)
        let fresh = try Store.open(at: t.path)
        let p = fresh.validate()
        #expect(p.map(\.description).contains("applications/app-b/application.yaml:8: quantitative.ZZ-9: unknown indicator 'ZZ-9' (not in the standards)"), "\(p)")
        #expect(fresh.application("app-b").application == nil, "the application is invalid")
        #expect(fresh.application("app-a").application != nil, "the rest opens")
        _ = problems
    }

    @Test func duplicateIndicatorID() throws {
        let standards = TempStore.standards.replacingOccurrences(of: "- id: L1\n", with: "- id: Q1\n")
        let problems = try openError(["standards/t.yaml": standards])
        #expect(problems.map(\.description).contains { $0.hasPrefix("standards/t.yaml:30: duplicate indicator id 'Q1'") && $0.contains("first at line 21") }, "\(problems)")
    }

    @Test func badIdentifiers() throws {
        let committee = TempStore.committee.replacingOccurrences(of: "{id: park,", with: "{id: Park Jihoon,")
        let problems = try openError(["committee.yaml": committee])
        #expect(problems.map(\.description).contains { $0.hasPrefix("committee.yaml:4: member id 'Park Jihoon' is not a valid id") }, "\(problems)")

        let t = try TempStore(["applications/Bad_Folder/application.yaml": "id: x"])
        defer { t.remove() }
        let store = try Store.open(at: t.path)
        #expect(store.validate().map(\.description).contains("applications/Bad_Folder: folder name 'Bad_Folder' is not a valid application id"))
    }

    @Test func evidenceThatLeavesTheFolder() throws {
        let yaml = TempStore.application(id: "app-b", population: 120000)
            .replacingOccurrences(of: "evidence: [evidence/a.txt]}", with: "evidence: [../app-a/evidence/a.txt, /etc/passwd]}")
        let (_, problems, t) = try open(["applications/app-b/application.yaml": yaml])
        defer { t.remove() }
        let d = problems.map(\.description)
        #expect(d.contains("applications/app-b/application.yaml:10: self_evaluation.L1: evidence '../app-a/evidence/a.txt' leaves the application folder ('..' is not allowed)"), "\(d)")
        #expect(d.contains("applications/app-b/application.yaml:10: self_evaluation.L1: evidence '/etc/passwd' must be relative to the application folder, not absolute"), "\(d)")
    }

    @Test func evidenceSymlinkThatLeadsOut() throws {
        let t = try TempStore([:])
        defer { t.remove() }
        try FileManager.default.createSymbolicLink(atPath: t.root.appendingPathComponent("applications/app-b/evidence/link.txt").path,
                                                   withDestinationPath: "/etc/hostname")
        let yaml = TempStore.application(id: "app-b", population: 120000)
            .replacingOccurrences(of: "evidence: [evidence/a.txt]}", with: "evidence: [evidence/link.txt]}")
        try t.write("applications/app-b/application.yaml", yaml)
        let problems = try Store.open(at: t.path).validate().map(\.description)
        #expect(problems.contains("applications/app-b/application.yaml:10: self_evaluation.L1: evidence 'evidence/link.txt' leads outside the application folder (symbolic link)"), "\(problems)")
    }

    @Test func cityTypeThatContradictsThePopulation() throws {
        let (store, problems, t) = try open([
            "applications/app-b/application.yaml": TempStore.application(id: "app-b", population: 120000, type: "large"),
        ])
        defer { t.remove() }
        #expect(problems.map(\.description) == ["applications/app-b/application.yaml:5: city_type 'large' contradicts population 120000: under 500000 makes it 'small'"])
        let round = store.evaluateAll()
        #expect(round.applications.map(\.application.id) == ["app-a"], "the invalid application is not evaluated")
        #expect(round.invalid.count == 1 && round.invalid[0].line == 5)
    }

    @Test func aTypeWithNothingApplicableCannotBeScored() throws {
        // With no points for small cities the maximum is 0 and every grade's test 0 ≥ 0 would hold.
        let standards = TempStore.standards.replacingOccurrences(of: "small: 50", with: "small: 0")
        let (store, problems, t) = try open(["standards/t.yaml": standards])
        defer { t.remove() }
        #expect(problems.map(\.description) == ["applications/app-b/application.yaml:4: the standards have no indicator applicable to small cities, so this application cannot be scored"])
        #expect(store.application("app-a").application != nil)
    }

    @Test func gradeBandsThatDoNotCoverZero() throws {
        let standards = TempStore.standards.replacingOccurrences(of: "{grade: 5, min_percent: 0}", with: "{grade: 5, min_percent: 10}")
        let problems = try openError(["standards/t.yaml": standards])
        #expect(problems.map(\.description).contains("standards/t.yaml:8: grade bands do not cover 0–100: the lowest grade must have min_percent 0"), "\(problems)")

        let above = TempStore.standards.replacingOccurrences(of: "min_percent: 90", with: "min_percent: 120")
        #expect(try openError(["standards/t.yaml": above]).map(\.description).contains { $0.contains("min_percent must be a percentage from 0 to 100") })
    }

    @Test func phaseWeightsThatDoNotSumToOne() throws {
        let standards = TempStore.standards.replacingOccurrences(of: "site: 0.3}", with: "site: 0.4}")
        let problems = try openError(["standards/t.yaml": standards])
        #expect(problems.map(\.description) == ["standards/t.yaml:4: phase weights must sum to 1: written 0.7 + site 0.4 = 1.1000"], "\(problems)")
    }

    @Test func sheetFromUnknownOrConflictedMember() throws {
        let entries = ["Q1": "{\"value\": 7, \"note\": \"\"}", "L1": "{\"level\": 3}"]
        let (store, problems, t) = try open([
            "scores/ghost/app-b.json": TempStore.sheet(member: "ghost", app: "app-b", written: entries),
            "scores/lee/app-b.json": TempStore.sheet(member: "lee", app: "app-b", written: entries),
            "scores/park/app-b.json": TempStore.sheet(member: "park", app: "app-b", written: entries),
        ])
        defer { t.remove() }
        let d = problems.map(\.description)
        #expect(d.contains("scores/ghost/app-b.json: warning: sheet from unknown member 'ghost' (not in committee.yaml): not counted"), "\(d)")
        #expect(d.contains("scores/lee/app-b.json: warning: sheet from member lee, who has a conflict (exclusion) on app-b: not counted"), "\(d)")
        let e = try #require(store.evaluate("app-b"))
        #expect(e.indicator("L1")?.written.members.map(\.member) == ["park"])
    }

    @Test func brokenSheetIsNamedAndIgnored() throws {
        let (store, problems, t) = try open([
            "scores/park/app-a.json": "{\"format\": 1, \"application\": \"app-a\",\n \"member\": \"park\", \"phases\": {",
            "scores/choi/app-a.json": TempStore.sheet(member: "choi", app: "app-a", written: ["Q1": "{\"value\": 7}"]),
            "scores/jung/app-a.json": TempStore.sheet(member: "jung", app: "app-a", written: ["Q9": "{\"value\": 7}"], writtenStatus: "draft"),
        ])
        defer { t.remove() }
        let d = problems.map(\.description)
        #expect(d.contains { $0.hasPrefix("scores/park/app-a.json") && $0.contains("not valid JSON") }, "\(d)")
        #expect(d.contains("scores/choi/app-a.json: written is submitted but has no entry for 2 applicable indicator(s): L1, L2"), "\(d)")
        #expect(d.contains("scores/jung/app-a.json: written: entry for unknown indicator 'Q9'"), "\(d)")
        #expect(store.evaluate("app-a")?.indicator("Q1")?.written.sheets == 0)
    }

    @Test func yamlSyntaxErrorHasItsLine() throws {
        let yaml = "id: app-b\ngovernment: {ko: 가나시\npopulation: 3\n"
        let (store, problems, t) = try open(["applications/app-b/application.yaml": yaml])
        defer { t.remove() }
        #expect(problems.contains { $0.path == "applications/app-b/application.yaml" && $0.line != nil && $0.message.contains("YAML syntax error") }, "\(problems)")
        #expect(store.application("app-a").application != nil)
    }

    @Test func missingStoreFilesCannotOpen() throws {
        #expect(try openError(["store.yaml": nil]).map(\.description) == ["store.yaml: store.yaml is missing: this folder is not a citycert store"])
        #expect(try openError(["committee.yaml": nil]).map(\.description) == ["committee.yaml: committee.yaml is missing"])
    }

    @Test func indicatorWithBothKinds() throws {
        let standards = TempStore.standards.replacingOccurrences(of: "points: {large: 100, small: 0}\n", with: "points: {large: 100, small: 0}\n            quantitative: {bands: [{at_least: 1, share: 1}]}\n")
        let problems = try openError(["standards/t.yaml": standards])
        #expect(problems.map(\.description).contains { $0.contains("indicator L2 has both 'quantitative' and 'qualitative'") }, "\(problems)")
    }

    @Test func siteTeamWithUnknownMemberIsReportedButTheStoreOpens() throws {
        let committee = TempStore.committee.replacingOccurrences(of: "app-a: [kim, park, choi]", with: "app-a: [kim, nobody]")
        let (store, problems, t) = try open(["committee.yaml": committee])
        defer { t.remove() }
        #expect(problems.map(\.description).contains("committee.yaml:11: site_teams.app-a names unknown member 'nobody'"), "\(problems)")
        #expect(store.committee.siteTeam(for: "app-a").map(\.id) == ["kim"])
    }

    @Test func notUTF8IsNamedWithItsLine() throws {
        let t = try TempStore([:])
        defer { t.remove() }
        var bytes = Data("id: app-b\ngovernment: 가\n".utf8)
        bytes.append(contentsOf: [0x70, 0x6F, 0xFF, 0xFE, 0x0A])
        try bytes.write(to: t.root.appendingPathComponent("applications/app-b/application.yaml"))
        let problems = try Store.open(at: t.path).validate().map(\.description)
        #expect(problems.contains("applications/app-b/application.yaml:3: the file is not valid UTF-8 text"), "\(problems)")
    }

    @Test func aliasBombIsRefusedNotExpanded() throws {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i == 1 ? "" : String(i - 1))", count: 10).joined(separator: ", ") + "]\n" }
        yaml += "members: *a9\n"
        let problems = try openError(["committee.yaml": yaml])
        #expect(!problems.isEmpty)
    }
}
