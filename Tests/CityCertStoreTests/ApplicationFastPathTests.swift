import CityCertCore
@testable import CityCertStore
import Foundation
import Testing

/// The fast application reader never disagrees with the general one: whenever it answers, the
/// general reader finds the same application and no problem at all. Checked on generated files and
/// on thousands of deterministic mutations of them (each either read the same or left to the
/// general reader).
@Suite struct ApplicationFastPathTests {
    /// A generated store for one test; the caller removes `dir` when done (the store reads lazily).
    func generated() throws -> (Store, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-fastpath-\(UUID().uuidString)")
        try StoreGenerator.generate(at: dir.path, options: .init(applications: 24, members: 9, seed: 11))
        return (try Store.open(at: dir.path), dir)
    }

    func general(_ text: String, id: String, store: Store) -> (Application?, [Problem]) {
        let loader = ApplicationLoader(path: "applications/\(id)/application.yaml", folderID: id, standards: store.standards) {
            store.files.evidenceCheck(folder: "applications/\(id)", relative: $0)
        }
        let app = loader.load(text)
        return (app, loader.reader.problems)
    }

    func fast(_ text: String, id: String, store: Store) -> Application? {
        ApplicationFastPath(folderID: id, standards: store.standards) {
            store.files.evidenceCheck(folder: "applications/\(id)", relative: $0)
        }.load(text)
    }

    func same(_ a: Application, _ b: Application) -> Bool {
        a.id == b.id && a.government == b.government && a.province == b.province && a.population == b.population
            && a.cityType == b.cityType && a.submittedAt == b.submittedAt && a.quantitative == b.quantitative
            && a.selfEvaluation == b.selfEvaluation
    }

    /// Checks one text: if the fast reader answers, the general one agrees and is silent.
    func check(_ text: String, id: String, store: Store, expectFast: Bool = false) {
        let (app, problems) = general(text, id: id, store: store)
        guard let f = fast(text, id: id, store: store) else {
            #expect(!expectFast, "the fast reader gave up on a clean file:\n\(text)")
            return
        }
        #expect(problems.isEmpty, "the fast reader accepted a file the general one reports: \(problems)\n\(text)")
        guard let app else { Issue.record("the general reader rejects what the fast one read:\n\(text)"); return }
        #expect(same(f, app), "the readers disagree on:\n\(text)")
    }

    @Test func readsGeneratedApplicationsAsTheGeneralReader() throws {
        let (store, dir) = try generated()
        defer { try? FileManager.default.removeItem(at: dir) }
        for id in store.applicationIDs {
            let text = try String(contentsOf: dir.appendingPathComponent("applications/\(id)/application.yaml"), encoding: .utf8)
            check(text, id: id, store: store, expectFast: true)
        }
    }

    @Test func handWrittenShapes() throws {
        let (store, dir) = try generated()
        defer { try? FileManager.default.removeItem(at: dir) }
        let id = store.applicationIDs[0]
        let ind = store.standards.indicators
        let q = ind.first { $0.isQuantitative }!.id, l = ind.first { !$0.isQuantitative }!.id
        let head = "id: \(id)\ngovernment: {ko: 가나시, en: Gana-si}\npopulation: 600000\n"
        let cases = [
            head + "quantitative:\n  \(q):\n    value: 12.5\n    evidence:\n      - evidence/plan.pdf\n      - {file: evidence/plan.pdf, page: 3}\n",
            head + "quantitative: {\(q): 7}\nself_evaluation: {\(l): {level: 3}}\n",
            head + "# comment\nprovince: 경기도   # trailing\nsubmitted_at: 2025-08-01\nquantitative:\n  \(q): {value: ~}\n",
            head + "quantitative:\n  \(q): {value: '1.5', note: 'it''s \"fine\"'}\n",
            head + "quantitative:\n  \(q): {value: \"2\", note: \"a\\\\b \\\"q\\\" \\n\"}\n",
            head + "self_evaluation:\n  \(l):\n    level: 4\n    narrative: 예산(1,000억) 확보 [계획]\n",
            head + "quantitative: ~\nself_evaluation:\n",
            head + "city_type: large\nprovince: {en: Gyeonggi-do}\n",
            head + "quantitative:\n  \(q): {value: 1e3}\n",
            head + "quantitative:\n  \(q): {value: 1,5}\n",
            head + "quantitative:\n  \(q): {value: 10:30}\n",
            head + "quantitative:\n  \(q): [1]\n",
            head + "quantitative:\n  \(q): {value: 1, evidence: [../out.pdf]}\n",
            head + "quantitative:\n  \(q): {value: 1, evidence: [evidence/none.pdf]}\n",
            head + "unknown: 1\n",
            head + "population: 1\n",
            head + "city_type: small\n",
            head.replacingOccurrences(of: "600000", with: "600_000"),
            head.replacingOccurrences(of: "600000", with: "-5"),
            head + "self_evaluation:\n  \(l): {level: 9}\n",
            head + "self_evaluation:\n  \(q): {level: 3}\n",
            head + "anchor: &a 1\n",
            head + "narrative: |\n  block\n",
            head + "---\n",
            head + "province:\n  ko: 경기도\n   en: x\n",
            head + "submitted_at: \"2025\n  -08\"\n",
            head + "province: \"a\" #c\n",
            head + "province: \"a\"#c\n",
            head + "province: a\tb\n",
            head + "province: a\u{85}b\n",
            head + "province: a\u{FEFF}b\n",
            head + "province: - a\n",
            head + "province: [a, ]\n",
            head + "province: {ko: }\n",
            "id: \(id)\r\ngovernment: 가나시\r\npopulation: 1\r\n",
        ]
        for text in cases { check(text, id: id, store: store) }
    }

    @Test func mutationsNeverMakeTheReadersDisagree() throws {
        let (store, dir) = try generated()
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SplitMix64(seed: 2024)
        let alphabet = Array(" :#-{}[],'\"&*!|>~\n\t.0123456789aéz가\\".unicodeScalars)
        var fastAnswers = 0, total = 0
        for id in store.applicationIDs.prefix(12) {
            let original = try String(contentsOf: dir.appendingPathComponent("applications/\(id)/application.yaml"), encoding: .utf8)
            let scalars = Array(original.unicodeScalars)
            for _ in 0..<250 {
                var s = scalars
                for _ in 0..<(1 + rng.below(3)) {
                    let at = rng.below(s.count)
                    switch rng.below(3) {
                    case 0: s[at] = alphabet[rng.below(alphabet.count)]
                    case 1: s.insert(alphabet[rng.below(alphabet.count)], at: at)
                    default: s.remove(at: at)
                    }
                }
                var text = ""
                text.unicodeScalars.append(contentsOf: s)
                check(text, id: id, store: store)
                total += 1
                if fast(text, id: id, store: store) != nil { fastAnswers += 1 }
            }
        }
        // Many mutations only change a value or a note: the fast reader still reads those.
        #expect(fastAnswers > total / 20)
    }
}
