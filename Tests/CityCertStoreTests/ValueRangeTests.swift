import CityCertCore
@testable import CityCertStore
import Foundation
import Testing
import TestSupport

/// Spec §2, standards `range`: the values that make sense. A member's entry outside it is refused,
/// a sheet entry outside it is an error (the sheet is ignored), a submitted value outside it is a
/// `validate` warning on its line (the application stays valid).
@Suite struct ValueRangeTests {
    static let ranged = TempStore.standards(q1Range: "{min: 0, max: 100}")

    func store(_ files: [String: String?] = [:]) throws -> (Store, TempStore) {
        var all: [String: String?] = ["standards/t.yaml": Self.ranged]
        for (k, v) in files { all[k] = v }
        let t = try TempStore(all)
        return (try Store.open(at: t.path), t)
    }

    @Test func theRangeIsRead() throws {
        let (s, t) = try store()
        defer { t.remove() }
        let q1 = s.standards.indicator("Q1")!
        #expect(q1.range == ValueRange(min: 0, max: 100))
        #expect(q1.range?.description == "0–100")
        #expect(s.standards.indicator("L1")?.range == nil)
        #expect(q1.allows(0) && q1.allows(100) && q1.allows(Decimal(string: "12.5")!))
        #expect(!q1.allows(-3) && !q1.allows(Decimal(string: "100.01")!))
        #expect(s.validate().isEmpty, "\(s.validate())")
    }

    @Test func oneSidedRangesAndTheirText() {
        #expect(ValueRange(min: 0, max: nil).description == "≥ 0")
        #expect(ValueRange(min: nil, max: Decimal(string: "2.5")!).description == "≤ 2.5")
        #expect(ValueRange(min: 0, max: nil).contains(1_000_000))
        #expect(!ValueRange(min: 0, max: nil).contains(Decimal(string: "-0.01")!))
    }

    @Test func aMinAboveTheMaxIsAnErrorWithItsLine() throws {
        let bad = TempStore.standards(q1Range: "{min: 10, max: 1}")
        let t = try TempStore(["standards/t.yaml": bad])
        defer { t.remove() }
        do {
            _ = try Store.open(at: t.path)
            Issue.record("standards with min above max opened")
        } catch {
            #expect(error.problems.map(\.description).contains("standards/t.yaml:26: indicator Q1: range.min (10) is above range.max (1)"), "\(error.problems)")
        }
    }

    @Test func aMembersEntryOutsideTheRangeIsRefusedAndNothingChanges() throws {
        let (s, t) = try store()
        defer { t.remove() }
        for bad in ["-3", "250", "100.5"] {
            #expect(throws: StoreActionError.self) {
                try s.setEntry(Entry(value: Decimal(string: bad)!), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
            }
            do {
                _ = try s.setEntry(Entry(value: Decimal(string: bad)!), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
            } catch {
                #expect(error.message == "Q1: \(bad) is outside the range of this indicator (0–100)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: t.path + "/scores/lee/app-a.json"), "nothing was written")
        let sheet = try s.setEntry(Entry(value: 100), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        #expect(sheet.phases[.written]?.entries["Q1"]?.value == 100, "the bound itself is inside")
    }

    @Test func aSheetEntryOutsideTheRangeMakesTheSheetAnError() throws {
        let (s, t) = try store([
            "scores/lee/app-a.json": TempStore.sheet(member: "lee", app: "app-a", written: ["Q1": "{\"value\": 250}"], writtenStatus: "draft"),
        ])
        defer { t.remove() }
        let problems = s.validate().map(\.description)
        #expect(problems.contains("scores/lee/app-a.json: written.Q1: the value 250 is outside the indicator's range 0–100"), "\(problems)")
        #expect(s.sheets(for: "app-a").sheets.isEmpty, "the sheet is ignored")
    }

    @Test func aSubmittedValueOutsideTheRangeIsAWarningAndTheApplicationStaysValid() throws {
        let app = TempStore.application(id: "app-b", population: 120000)
            .replacingOccurrences(of: "Q1: {value: 7,", with: "Q1: {value: -5,")
        let (s, t) = try store(["applications/app-b/application.yaml": app])
        defer { t.remove() }
        let problems = s.validate()
        #expect(problems.map(\.description) == ["applications/app-b/application.yaml:8: warning: quantitative.Q1.value -5 is outside the indicator's range 0–100"])
        #expect(s.application("app-b").application?.quantitative["Q1"]?.value == -5, "valid, with the value as submitted")
    }
}
