import CityCertCore
@testable import CityCertStore
import Foundation
import Testing

/// ``ApplicationReader``'s fast path never disagrees with its fallback (the general parser): whenever
/// it answers, the fallback finds the same application and no problem at all. Checked on generated
/// and sample files, on tricky YAML, on thousands of deterministic mutations (each either read the
/// same or left to the fallback), and on the form the applications list reads.
@Suite struct ApplicationReaderTests {
    /// A generated store for one test; the caller removes `dir` when done (the store reads lazily).
    func generated() throws -> (Store, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-fastpath-\(UUID().uuidString)")
        try StoreGenerator.generate(at: dir.path, options: .init(applications: 24, members: 9, seed: 11))
        return (try Store.open(at: dir.path), dir)
    }

    func reader(id: String, store: Store) -> ApplicationReader {
        ApplicationReader(path: "applications/\(id)/application.yaml", folderID: id, standards: store.standards) {
            store.files.evidenceCheck(folder: "applications/\(id)", relative: $0)
        }
    }

    func general(_ text: String, id: String, store: Store) -> (Application?, [Problem]) {
        reader(id: id, store: store).generalPath(text)
    }

    func fast(_ text: String, id: String, store: Store) -> Application? {
        reader(id: id, store: store).fastPath(text)
    }

    func same(_ a: Application, _ b: Application) -> Bool {
        a.id == b.id && a.government == b.government && a.province == b.province && a.population == b.population
            && a.cityType == b.cityType && a.submittedAt == b.submittedAt && a.quantitative == b.quantitative
            && a.selfEvaluation == b.selfEvaluation
    }

    /// Checks one text: if the fast reader answers, the general one agrees and is silent.
    /// The entry point gives what the fallback gives whenever the fast path gives up.
    func check(_ text: String, id: String, store: Store, expectFast: Bool = false) {
        let (app, problems) = general(text, id: id, store: store)
        guard let f = fast(text, id: id, store: store) else {
            #expect(!expectFast, "the fast reader gave up on a clean file:\n\(text)")
            switch reader(id: id, store: store).read(text) {
            case .valid(let a, let warnings):
                #expect(app.map { same($0, a) } == true && warnings == problems, "read differs from the fallback on:\n\(text)")
            case .invalid(let p):
                #expect(app == nil && p == problems, "read differs from the fallback on:\n\(text)")
            }
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


    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sample-data")

    @Test func readsTheSampleApplicationsAsTheFallback() throws {
        let store = try Store.open(at: Self.sample.path)
        var clean = 0
        for id in store.applicationIDs {
            let text = try String(contentsOf: Self.sample.appendingPathComponent("applications/\(id)/application.yaml"), encoding: .utf8)
            check(text, id: id, store: store)
            // The sample's applications are plain: the fast path reads every one the fallback finds clean.
            let problems = general(text, id: id, store: store).1
            #expect((fast(text, id: id, store: store) != nil) == problems.isEmpty, "\(id): \(problems)")
            if problems.isEmpty { clean += 1 }
        }
        #expect(clean == store.applicationIDs.count - 1, "one sample application has a deliberate error")
    }

    /// YAML the fast path must either read exactly as the fallback or leave to it: quoted keys, flow
    /// style, anchors, comments, Korean text, CRLF, a byte order mark, tags, block scalars.
    @Test func trickyYAML() throws {
        let (store, dir) = try generated()
        defer { try? FileManager.default.removeItem(at: dir) }
        let id = store.applicationIDs[0]
        let ind = store.standards.indicators
        let q = ind.first { $0.isQuantitative }!.id, l = ind.first { !$0.isQuantitative }!
        let level = l.levels[0].level
        let head = "id: \(id)\ngovernment: {ko: 가나시, en: Gana-si}\npopulation: 600000\n"
        let cases = [
            "\"id\": \(id)\n\"government\": 가나시\npopulation: 600000\n",
            "'id': \(id)\ngovernment: 가나시\npopulation: 600000\n",
            head + "\"quantitative\": {\(q): 7}\n",
            head + "quantitative: {\"\(q)\": {value: 7}}\n",
            "{id: \(id), government: 가나시, population: 600000}\n",
            head + "self_evaluation: {\(l.id): {level: \(level), narrative: '주민 참여, 예산 확보: 완료', evidence: []}}\n",
            head + "quantitative: {\(q): {value: 7, evidence: [evidence/plan.pdf, {file: evidence/plan.pdf, page: 2}]}}\n",
            "id: \(id)\ngovernment: &g 가나시\nprovince: *g\npopulation: 600000\n",
            head + "quantitative:\n  \(q): &v {value: 7}\nself_evaluation: *v\n",
            "# 신청서\nid: \(id) # 폴더 이름\n\n# 이름\ngovernment: 가나시 # 한국어\npopulation: 600000   # 명\n",
            head + "quantitative:\n  # 값\n  \(q):   # 지표\n    value: 7 # 단위\n",
            head + "province: 경상남도 김해시 \"중앙\" 로 '12'\nsubmitted_at: 2025년 8월 19일\n",
            head + "self_evaluation:\n  \(l.id):\n    level: \(level)\n    narrative: \"스마트도시 \\\"통합\\\" 플랫폼\\n2단계\"\n",
            head.replacingOccurrences(of: "\n", with: "\r\n"),
            (head + "quantitative:\n  \(q): {value: 7}\n").replacingOccurrences(of: "\n", with: "\r\n"),
            "\u{FEFF}" + head,
            "\u{FEFF}" + head + "quantitative: {\(q): 7}\n",
            "---\n" + head,
            head + "...\n",
            "%YAML 1.2\n---\n" + head,
            head + "province: !!str 경기도\n",
            head + "population: !!int 600000\n",
            head + "self_evaluation:\n  \(l.id):\n    level: \(level)\n    narrative: |\n      여러 줄\n      설명\n",
            head + "self_evaluation:\n  \(l.id):\n    level: \(level)\n    narrative: >\n      접힌\n      설명\n",
            head + "province: 여러\n  줄\n",
            head + "? province\n: 경기도\n",
            head + "government: 다른시\n",
            head + "quantitative:\n  \(q): {value: 7}\n  \(q): {value: 8}\n",
            head + "quantitative:\n\t\(q): 7\n",
            head + "province: {ko: 경기도, en: Gyeonggi-do, ja: 京畿道}\n",
            head + "province: {ko: '', en: \"\"}\n",
            head + "province: ''\n",
            head + "submitted_at: ~\ncity_type: null\n",
            head + "quantitative:\n  \(q):\n    - 7\n",
            head + "quantitative:\n  \(q): {value: 0x10}\n",
            head + "quantitative:\n  \(q): {value: .5}\n",
            head + "quantitative:\n  \(q): {value: +7}\n",
            head + "quantitative:\n  \(q): {value: 7.}\n",
            head + "quantitative:\n  \(q): {value: 007}\n",
            head + "quantitative:\n  \(q): {value: \"7 \"}\n",
            head + "quantitative:\n  \(q): {value: 7, note: 'a''b', evidence: evidence/plan.pdf}\n",
            head + "self_evaluation:\n  \(l.id): {level: '\(level)'}\n",
            head + "self_evaluation:\n  \(l.id): {level: \(level).0}\n",
            head + "population: '600000'\n",
            head + "population: 6e5\n",
            "id: '\(id)'\ngovernment: \"가나시\"\npopulation: 600000\n",
        ]
        for text in cases { check(text, id: id, store: store) }
        // The plain cases are the fast path's own: it must not give those up.
        for text in [cases[5], cases[6], cases[9], cases[10], cases[11], cases[12], cases[40]] {
            check(text, id: id, store: store, expectFast: true)
        }
    }

    /// The applications list reads the form only, by the same reader: the form of a clean file is the
    /// whole file's form without values and claims; a problem only in the sections does not hide the
    /// form; a problem in the form makes the list read the whole file.
    @Test func theFormIsReadByTheSameReader() throws {
        let (store, dir) = try generated()
        defer { try? FileManager.default.removeItem(at: dir) }
        for id in store.applicationIDs {
            let data = try Data(contentsOf: dir.appendingPathComponent("applications/\(id)/application.yaml"))
            let form = try #require(reader(id: id, store: store).readForm(data))
            let whole = try #require(reader(id: id, store: store).read(String(decoding: data, as: UTF8.self)).application)
            #expect(form.id == whole.id && form.government == whole.government && form.province == whole.province
                && form.population == whole.population && form.cityType == whole.cityType && form.submittedAt == whole.submittedAt)
            #expect(form.quantitative.isEmpty && form.selfEvaluation.isEmpty)
            // The form's text is read the same by both steps.
            check(try #require(ApplicationReader.formText(data)), id: id, store: store, expectFast: true)
        }
        let id = store.applicationIDs[0]
        let q = store.standards.indicators.first { $0.isQuantitative }!.id
        let head = "id: \(id)\ngovernment: 가나시\npopulation: 600000\n"
        let r = reader(id: id, store: store)
        #expect(r.readForm(Data((head + "quantitative:\n  \(q): {value: [broken\n  NOPE: 1\n").utf8))?.government.ko == "가나시")
        #expect(r.readForm(Data((head + "self_evaluation:\n  \t- ").utf8) + Data([0xFF, 0x0A]))?.population == 600000,
                "invalid UTF-8 in a section is left for the whole read")
        #expect(r.readForm(Data(("\u{FEFF}" + head).utf8))?.population == 600000)
        #expect(r.readForm(Data((head + "province: [a\n").utf8)) == nil)
        #expect(r.readForm(Data((head + "unknown: 1\n").utf8)) == nil, "a warning in the form: the whole file is read")
        #expect(r.readForm(Data((head + "- a\n").utf8)) == nil)
        #expect(r.readForm(Data("# nothing\n".utf8)) == nil)
        // Line numbers stay those of the file: the sections are blanked, not removed.
        let text = try #require(ApplicationReader.formText(Data(("quantitative:\n  \(q): 1\n" + head).utf8)))
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 6)
        #expect(text.hasPrefix("\n\nid: "))
    }


    /// What the store reads without the fast path: the file's bytes as UTF-8 text, then the fallback.
    func viaFallback(_ data: Data, _ r: ApplicationReader) -> ApplicationLoad {
        var problems: [Problem] = []
        guard let text = FileAccess.text(data, path: r.path, problems: &problems) else { return .invalid(problems) }
        let (app, p) = r.generalPath(text)
        return app.map { .valid($0, warnings: p) } ?? .invalid(p)
    }

    /// The fast path reads the file's bytes, not a checked string: bytes that are not UTF-8 anywhere
    /// (in a value, a comment, a key, between lines) make the file read as the store reads any such
    /// file, one problem with its line; never an application.
    @Test func bytesThatAreNotUTF8AreLeftToTheFallback() throws {
        let (store, dir) = try generated()
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SplitMix64(seed: 99)
        let bad: [[UInt8]] = [[0xFF], [0xC3], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]]
        var invalid = 0
        for id in store.applicationIDs.prefix(6) {
            let original = try String(contentsOf: dir.appendingPathComponent("applications/\(id)/application.yaml"), encoding: .utf8)
            // Comments everywhere: lines of their own, and after values and keys.
            let commented = original.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { n, line in
                n % 3 == 0 && !line.isEmpty ? "\(line) # 주석 \(n)" : (n % 5 == 0 ? "# 설명 \(n)\n\(line)" : String(line))
            }.joined(separator: "\n")
            let r = reader(id: id, store: store)
            #expect(r.fastPath(Data(commented.utf8)) != nil, "comments must not make the fast path give up")
            let bytes = Array(commented.utf8)
            for _ in 0..<150 {
                var b = bytes
                b.insert(contentsOf: bad[rng.below(bad.count)], at: rng.below(b.count))
                let data = Data(b)
                let (load, expected) = (r.read(data), viaFallback(data, r))
                let sameApplication = switch (load.application, expected.application) {
                case (nil, nil): true
                case let (a?, e?): same(a, e)
                default: false
                }
                #expect(sameApplication && load.problems == expected.problems)
                if String(validating: b, as: UTF8.self) == nil {
                    invalid += 1
                    #expect(r.fastPath(data) == nil)
                    #expect(load.problems.map(\.message) == ["the file is not valid UTF-8 text"] && load.problems.first?.line != nil)
                }
            }
        }
        #expect(invalid > 800)
    }
}
