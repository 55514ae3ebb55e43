import CityCertCore
import CityCertStore
import Foundation
import Testing

/// `citycert generate`: a store valid by the spec, the same for the same seed, in every state.
@Suite struct StoreGeneratorTests {
    func temp() -> URL { FileManager.default.temporaryDirectory.appendingPathComponent("citycert-gen-\(UUID().uuidString)") }

    func files(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let walk = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in walk where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            out[String(url.path.dropFirst(dir.path.count))] = try Data(contentsOf: url)
        }
        return out
    }

    @Test func generatedStoreValidatesAndHasEveryState() throws {
        let dir = temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = try StoreGenerator.generate(at: dir.path, options: .init(applications: 40, members: 9, seed: 1))
        let store = try Store.open(at: dir.path)
        let errors = store.validate().filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.prefix(5))")
        #expect(store.standards.indicators.count == 60)
        #expect(store.standards.maxPoints(for: .large) == Points(2000))
        #expect(store.standards.maxPoints(for: .small) == Points(1000))
        #expect(store.committee.members.count == 9)
        #expect(!store.committee.conflicts.isEmpty && !store.committee.siteTeams.isEmpty)
        #expect(summary.decisions > 0 && summary.draftPhases > 0 && summary.submittedPhases > 0)
        let statuses = Set(store.evaluateAll().applications.map(\.evaluation.status))
        #expect(statuses == [.provisional, .complete, .final])
        // Every decision agrees with the evaluation of its application.
        for e in store.evaluateAll().applications {
            guard let d = e.decision else { continue }
            #expect(d.total == e.evaluation.total.description && d.grade == e.evaluation.grade)
        }
    }

    /// The long-text profile: long notes (some over several lines) and narratives, and still valid.
    @Test func theLongTextProfileWritesLongNotesAndNarratives() throws {
        let long = temp()
        defer { try? FileManager.default.removeItem(at: long) }
        try StoreGenerator.generate(at: long.path, options: .init(applications: 8, seed: 3, profile: .longText))
        let store = try Store.open(at: long.path)
        #expect(store.validate().filter { $0.severity == .error }.isEmpty)
        let notes = store.applicationIDs.flatMap { store.sheets(for: $0).sheets }
            .flatMap { $0.phases.values.flatMap { $0.entries.values.compactMap(\.note) } }
        #expect(notes.contains { $0.contains("\n") } && notes.contains { $0.count > 300 }, "long notes, some over several lines")
        let narratives = store.applicationIDs.compactMap { store.application($0).application }
            .flatMap { $0.selfEvaluation.values.compactMap(\.narrative) }
        #expect(narratives.contains { $0.count > 500 })
    }

    @Test func theSameSeedGivesTheSameFiles() throws {
        let a = temp(), b = temp(), c = temp()
        defer { for d in [a, b, c] { try? FileManager.default.removeItem(at: d) } }
        try StoreGenerator.generate(at: a.path, options: .init(applications: 12, members: 9, seed: 7))
        try StoreGenerator.generate(at: b.path, options: .init(applications: 12, members: 9, seed: 7))
        try StoreGenerator.generate(at: c.path, options: .init(applications: 12, members: 9, seed: 8))
        let fa = try files(a)
        #expect(fa == (try files(b)))
        #expect(fa != (try files(c)))
    }

    @Test func withHistoryTheAuditLogVerifies() throws {
        let dir = temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        try StoreGenerator.generate(at: dir.path, options: .init(applications: 3, members: 6, seed: 2, history: true))
        let store = try Store.open(at: dir.path)
        #expect(store.validate().filter { $0.severity == .error }.isEmpty)
        let report = store.verify()
        #expect(report.passed, "\(report.errors.prefix(5))")
        #expect(report.lines > 0)
    }

    @Test func refusesAFolderThatIsNotEmpty() throws {
        let dir = temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: dir.appendingPathComponent("keep.txt"))
        #expect(throws: StoreGenerator.GenerateError.self) {
            try StoreGenerator.generate(at: dir.path, options: .init(applications: 1))
        }
    }
}
