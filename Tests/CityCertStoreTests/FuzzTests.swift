import CityCertCore
@testable import CityCertStore
import Foundation
import Testing
import TestSupport

/// A deterministic fuzz test of every loader (issue 5 item 5): thousands of mutated store files,
/// sheets, decisions and audit lines. Each must load or be refused with a problem; a trap
/// (overflow, out-of-range index, stack exhaustion) would kill this process, and a hang would
/// exceed the time limit.
@Suite(.enabled(if: Stress.enabled, Comment(rawValue: Stress.skipReason))) struct FuzzTests {
    /// SplitMix64 (the generator's): small, fast and the same on every machine.
    typealias RNG = SplitMix64

    /// Fragments that matter to YAML and JSON parsers and to the number and path rules.
    static let tokens: [[UInt8]] = [
        "&a ", "*a", "&b [*a, *a, *a]", "<<: *a\n", "[", "]", "{", "}", ": ", "- ", "- - - - ", "\n", "\n  ", "    ",
        "'", "\"", "#", ",", "?", "|", ">", "!!binary ", "!!str ", "%YAML 1.1\n", "---\n", "...\n", "\t", "~", "null",
        "true", "1e30", "-1e30", "1e-300", "99999999999999999999", "9223372036854775807", "-9223372036854775808",
        "0.00001", "-0", "1_000", "0x1F", ".inf", ".nan", "..", "../", "/etc/passwd", "evidence/../../x", "\\u0000",
        "\\ud800", "\u{0}", "\u{FEFF}", "가", "\u{1F600}", "IN-01", "Q1", "L1", "app-a", "kim", "level", "value", "share",
        "points", "at_least", "at_most", "written", "site", "submitted", "draft", "\"seq\":", "\"hash\":\"\"", "{}", "[]",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]

    static func mutate(_ input: [UInt8], _ rng: inout RNG) -> [UInt8] {
        var b = input
        for _ in 0..<(1 + rng.below(4)) {
            let n = b.count
            switch rng.below(9) {
            case 0 where n > 0: b[rng.below(n)] ^= UInt8(1 << rng.below(8))
            case 1 where n > 0:
                let s = rng.below(n); b.removeSubrange(s..<min(n, s + 1 + rng.below(40)))
            case 2 where n > 0:
                let s = rng.below(n); let e = min(n, s + 1 + rng.below(60)); b.insert(contentsOf: b[s..<e], at: rng.below(b.count + 1))
            case 3, 4: b.insert(contentsOf: tokens[rng.below(tokens.count)], at: rng.below(n + 1))
            case 5 where n > 0:
                let s = rng.below(n); b.replaceSubrange(s..<min(n, s + 1 + rng.below(8)), with: tokens[rng.below(tokens.count)])
            case 6 where n > 0: b.removeSubrange(rng.below(n)...)
            case 7: b.insert(contentsOf: (0..<(1 + rng.below(6))).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: rng.below(n + 1))
            case 8 where n > 8:
                // Repeat a small piece many times (deep nesting, long numbers, many keys).
                let s = rng.below(n - 4); let piece = Array(b[s..<(s + 1 + rng.below(3))])
                b.insert(contentsOf: Array([[UInt8]](repeating: piece, count: 1 + rng.below(3000)).joined()), at: s)
            default: b.append(contentsOf: tokens[rng.below(tokens.count)])
            }
        }
        return b
    }

    /// The seeds: the fixture's authored files, sheets, a decision and audit lines from a real history.
    static func seeds() throws -> (standards: String, committee: String, application: String, sheets: [String], decision: String, log: [String], store: Standards, committeeModel: Committee, app: Application) {
        let (t, chair) = try IntegrityFixture.historyStore()
        defer { t.remove() }
        let sheets = try ["scores/lee/app-a.json", "scores/kim/app-a.json", "scores/park/app-b.json"].map { try IntegrityFixture.read(t, $0) }
        return (TempStore.standards, TempStore.committee, TempStore.application(id: "app-a", population: 600000, type: "large"),
                sheets, try IntegrityFixture.read(t, "decisions/app-a.json"), try IntegrityFixture.logLines(t),
                chair.standards, chair.committee, try #require(chair.application("app-a").application))
    }

    @Test(.timeLimit(.minutes(2))) func loadersOnlyEverReturnAClearError() throws {
        let s = try Self.seeds()
        var rng = RNG(seed: 20_251_124)
        var counts = [String: Int](), refused = [String: Int]()
        var slowest = 0.0
        let cases = 6_000
        let evaluator = Evaluator(standards: s.store, committee: s.committeeModel)
        for i in 0..<cases {
            let kind = i % 6
            let start = Date()
            switch kind {
            case 0:
                let text = String(decoding: Self.mutate(Array(s.standards.utf8), &rng), as: UTF8.self)
                let loader = StandardsLoader(path: "standards/t.yaml")
                if let standards = loader.load(text) {
                    // Mutated standards must also evaluate without a trap.
                    let app = ApplicationReader(path: "a.yaml", folderID: "app-a", standards: standards) { _ in .ok }.read(s.application).application
                    if let app {
                        let sheets = s.sheets.compactMap { try? SheetLoader.decode(Data($0.utf8)).0 }
                        _ = Evaluator(standards: standards, committee: s.committeeModel).evaluate(app, sheets: sheets)
                    }
                } else {
                    #expect(loader.reader.hasErrors, "case \(i): refused without a problem")
                    refused["standards", default: 0] += 1
                }
                counts["standards", default: 0] += 1
            case 1:
                let text = String(decoding: Self.mutate(Array(s.committee.utf8), &rng), as: UTF8.self)
                let loader = CommitteeLoader(path: "committee.yaml")
                if loader.load(text) == nil {
                    #expect(loader.reader.hasErrors, "case \(i): refused without a problem")
                    refused["committee", default: 0] += 1
                }
                counts["committee", default: 0] += 1
            case 2:
                let text = String(decoding: Self.mutate(Array(s.application.utf8), &rng), as: UTF8.self)
                let load = ApplicationReader(path: "a.yaml", folderID: "app-a", standards: s.store) { path in
                    EvidencePath.rejection(of: path) == nil ? .ok : .escapes
                }.read(text)
                if let app = load.application {
                    _ = evaluator.evaluate(app, sheets: [])
                } else {
                    #expect(load.problems.contains { $0.severity == .error }, "case \(i): refused without a problem")
                    refused["application", default: 0] += 1
                }
                counts["application", default: 0] += 1
            case 3:
                let data = Data(Self.mutate(Array(s.sheets[i % s.sheets.count].utf8), &rng))
                let (sheet, problems) = SheetLoader.sheet(data, path: "scores/lee/app-a.json", member: "lee", application: s.app,
                                                          applicationID: "app-a", standards: s.store, committee: s.committeeModel)
                if let sheet, !problems.contains(where: { $0.severity == .error }) {
                    _ = evaluator.evaluate(s.app, sheets: [sheet])
                } else {
                    #expect(!problems.isEmpty, "case \(i): refused without a problem")
                    refused["sheet", default: 0] += 1
                }
                _ = try? SheetLoader.decode(data)
                counts["sheet", default: 0] += 1
            case 4:
                let data = Data(Self.mutate(Array(s.decision.utf8), &rng))
                let (d, problems) = SheetLoader.decision(data, path: "decisions/app-a.json", applicationID: "app-a", committee: s.committeeModel)
                if d == nil {
                    #expect(!problems.isEmpty, "case \(i): refused without a problem")
                    refused["decision", default: 0] += 1
                }
                counts["decision", default: 0] += 1
            default:
                let line = Self.mutate(Array(s.log[i % s.log.count].utf8), &rng)
                switch AuditRecord.parse(line[...], line: 1) {
                case .success(let r):
                    _ = AuditRecord.hashMatches(line[...], hash: r.hash)
                    var sheet = ScoreSheet(application: r.application, member: r.actor)
                    try? SheetReplay.apply(r, to: &sheet)
                    var d: Decision?
                    try? SheetReplay.applyDecision(r, to: &d)
                    _ = Store.entryChange(nil, sheet.phases[.written]?.entries.values.first)
                case .failure(let e):
                    #expect(!e.message.isEmpty)
                    refused["audit line", default: 0] += 1
                }
                counts["audit line", default: 0] += 1
            }
            slowest = max(slowest, Date().timeIntervalSince(start))
        }
        #expect(counts.values.reduce(0, +) == cases)
        #expect(slowest < 5, "one case took \(slowest) s")
        print("fuzz: \(cases) cases \(counts.sorted { $0.key < $1.key }); refused with a problem: \(refused.sorted { $0.key < $1.key }); slowest case \(Int(slowest * 1000)) ms")
    }

    /// The same through the files of a real store: open, validate, evaluate, verify and a save
    /// attempt, with mutated files on disk (the read path's file handling included).
    @Test(.timeLimit(.minutes(2))) func storesWithMutatedFilesOpenOrAreRefused() throws {
        let (t, _) = try IntegrityFixture.historyStore()
        defer { t.remove() }
        let paths = ["store.yaml", "standards/t.yaml", "committee.yaml", "applications/app-a/application.yaml",
                     "scores/lee/app-a.json", "scores/park/app-b.json", "decisions/app-a.json", "audit.log"]
        let originals = try paths.map { try Data(contentsOf: t.root.appendingPathComponent($0)) }
        var rng = RNG(seed: 7)
        let cases = 300
        var opened = 0, refusedOpen = 0, verifyFailed = 0
        for i in 0..<cases {
            let k = i % paths.count
            let url = t.root.appendingPathComponent(paths[k])
            try Data(Self.mutate(Array(originals[k]), &rng)).write(to: url)
            do {
                let store = try Store.open(at: t.path)
                store.osUser = OSUser(name: "tester")
                opened += 1
                _ = store.validate()
                _ = store.evaluateAll()
                if !store.verify().passed { verifyFailed += 1 }
                _ = try? store.history(application: "app-a")
                _ = try? store.exportSheetForm(member: "park", application: "app-b", phase: .written)
                _ = try? store.setEntry(Entry(value: 1), indicator: "Q1", member: "park", application: "app-b", phase: .written)
            } catch {
                #expect(!error.problems.isEmpty)
                refusedOpen += 1
            }
            // Every case starts from the same store (a save attempt may have changed the log and a sheet).
            for (p, data) in zip(paths, originals) { try data.write(to: t.root.appendingPathComponent(p)) }
        }
        #expect(opened + refusedOpen == cases)
        print("fuzz (stores on disk): \(cases) cases, \(opened) opened, \(refusedOpen) refused at open, \(verifyFailed) failed verify")
    }
}
