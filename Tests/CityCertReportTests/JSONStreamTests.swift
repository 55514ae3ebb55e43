import CityCertCore
import CityCertReport
import CityCertStore
import Foundation
import Testing

/// `report --format json` is written a batch at a time; joined, the pieces are exactly the document
/// `JSONReport.render` makes of the whole round.
@Suite struct JSONStreamTests {
    @Test(arguments: [1, 7, 64])
    func streamedReportIsTheRenderedOne(batch: Int) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try StoreGenerator.generate(at: dir.path, options: .init(applications: 20, members: 9, seed: 9))
        // An invalid application too, so that "invalid" is not empty.
        try Data("id: 2025-99999-broken\npopulation: x\n".utf8)
            .write(to: dir.appendingPathComponent("applications/2025-99999-broken/application.yaml").creatingFolder())
        let store = try Store.open(at: dir.path)
        var stream = JSONReport.Stream()
        var text = stream.start(round: store.round, standards: store.standards.id)
        let invalid = store.evaluateInBatches(batchSize: batch) { text += String(decoding: stream.add($0), as: UTF8.self) }
        text += stream.finish(invalid: invalid)
        let round = try Store.open(at: dir.path).evaluateAll()
        #expect(!round.invalid.isEmpty)
        #expect(text == JSONReport.render(round))

        // As `report` writes it: each application rendered where it was evaluated.
        var parts = JSONReport.Stream()
        var bytes = Array(parts.start(round: store.round, standards: store.standards.id).utf8)
        let invalidToo = store.evaluateInBatches(batchSize: batch, rendering: JSONReport.Stream.part) { bytes += parts.add(parts: $0) }
        bytes += Array(parts.finish(invalid: invalidToo).utf8)
        #expect(String(decoding: bytes, as: UTF8.self) == text)

        let empty = JSONReport.Stream()
        let none = empty.start(round: "r", standards: store.standards.id) + empty.finish(invalid: [])
        #expect(none == JSONReport.render(RoundEvaluation(round: "r", title: LocalizedText("r"), standards: store.standards,
                                                          committee: store.committee, applications: [], invalid: [])))
    }
}

private extension URL {
    func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
