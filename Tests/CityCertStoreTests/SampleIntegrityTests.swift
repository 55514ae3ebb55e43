import CityCertCore
@testable import CityCertStore
import Foundation
import Testing

/// The bundled sample store has a complete history: every sheet and the decision came through the
/// store's actions (scripts/rebuild-sample-history.py), so `verify` passes on it.
@Suite struct SampleIntegrityTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sample-data")

    @Test func theSampleStoreVerifies() throws {
        let store = try Store.open(at: Self.sample.path)
        let report = store.verify()
        #expect(report.errors.isEmpty, "\(report.errors.prefix(5))")
        #expect(report.warnings.isEmpty, "\(report.warnings.prefix(5))")
        #expect(report.sheets == 49 && report.decisions == 1)
        #expect(store.decision(for: "2025-suwon").decision?.finalizedBy == "kim")
        let (events, problems) = try store.history(application: "2025-suwon")
        #expect(problems.isEmpty)
        #expect(events.last?.action == .finalize)
    }
}
