import CityCertCore
@testable import CityCertStore
import Foundation
import Testing
import TestSupport

/// The offline form: export, edit, upload (issue 5 item 1).
@Suite struct SheetFormTests {
    @Test func theFormShowsTheIndicatorsAndTheEntries() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        try store.setEntry(Entry(value: 12.5, note: "포털 확인\n2줄", clarification: "원자료?"), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        let form = try store.exportSheetForm(member: "lee", application: "app-a", phase: .written)
        let lines = form.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The version is the phase's: the written phase as the sheet file writes it.
        let phase = try #require(store.sheet(member: "lee", application: "app-a")?.phases[.written])
        #expect(lines.contains("version: sha256:\(AuditLog.sha256Hex(Array(try JSONEncoder.store.encode(phase))))"))
        for expected in [
            "citycert-sheet: 1", "application: app-a", "member: lee", "phase: written",
            "# status: draft · 1 of 3 indicators scored",
            "# Q1 공공데이터 개방 건수 / Open datasets — quantitative, 40.00 points",
            "#   bands: ≥ 10 → 40.00 · ≥ 5 → 26.67 · ≥ 0 → 8.00  (unit: 건 / datasets)",
            "#   submitted by the applicant: 7  evidence: evidence/a.txt, evidence/a.txt p.3",
            "Q1: 12.5", "Q1.note: 포털 확인\\n2줄", "Q1.ask: 원자료?",
            "#   levels: 5 (60.00) 최우수 · 4 (48.00) 우수 · 3 (36.00) 보통 · 2 (24.00) 미흡 · 1 (12.00) 부족",
            "#   claimed by the applicant: 4",
            "L1: ", "L1.note: ", "L2: ",
        ] {
            #expect(lines.contains(expected), "missing «\(expected)» in\n\(form)")
        }
    }

    @Test func anEditedFormIsAppliedAsOneChangeAndSubmitted() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        try store.setEntry(Entry(value: 12.5, note: "old"), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        let before = try IntegrityFixture.logLines(t).count
        var form = try store.exportSheetForm(member: "lee", application: "app-a", phase: .written)
        form = form.replacingOccurrences(of: "Q1.note: old\n", with: "Q1.note: 두 줄\\n메모\n")
            .replacingOccurrences(of: "L1: \n", with: "L1: 4\n")
            .replacingOccurrences(of: "L2: \n", with: "L2:5\n")
            .replacingOccurrences(of: "L2.ask: \n", with: "L2.ask: 센터 운영 인력은?\n")
        let result = try store.importSheetForm(form, member: "lee", submit: true)
        #expect(result.changed == ["Q1", "L1", "L2"] && result.submitted)
        let sheet = try #require(store.sheet(member: "lee", application: "app-a"))
        #expect(sheet.phases[.written]?.status == .submitted)
        #expect(sheet.phases[.written]?.entries["Q1"] == Entry(value: 12.5, note: "두 줄\n메모"))
        #expect(sheet.phases[.written]?.entries["L2"] == Entry(level: 5, clarification: "센터 운영 인력은?"))
        let lines = try IntegrityFixture.logLines(t)
        #expect(lines.count == before + 1, "three entries and the submission are one record: all of the form or none")
        let record = try AuditJSON.parse(Array(lines.last!.utf8))
        #expect(record["action"]?.stringValue == "sheet-batch" && record["detail"]?["submit"] == .bool(true))
        #expect(try IntegrityFixture.verify(t) == ([], []))

        // The same form again ("did it go through?"): its version is old, but it changes nothing, so
        // it is no change rather than a refusal.
        let again = try store.importSheetForm(form, member: "lee")
        #expect(again.changed.isEmpty && !again.submitted)
        #expect(try IntegrityFixture.logLines(t).count == before + 1)
        // Changed after that, it is stale and refused whole.
        #expect { _ = try store.importSheetForm(form.replacingOccurrences(of: "L2:5\n", with: "L2: 1\n"), member: "lee") }
            throws: { ($0 as? StoreActionError)?.refusal.map { if case .staleForm = $0 { true } else { false } } == true }
    }

    @Test func aStaleFormIsRefusedAndChangesNothing() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        let form = try store.exportSheetForm(member: "lee", application: "app-a", phase: .written)
        #expect(form.contains("version: none\n"))
        // Meanwhile, in the workstation:
        try store.setEntry(Entry(level: 2), indicator: "L1", member: "lee", application: "app-a", phase: .written)
        let lines = try IntegrityFixture.logLines(t)
        #expect { _ = try store.importSheetForm(form.replacingOccurrences(of: "Q1: \n", with: "Q1: 8\n"), member: "lee", source: "form.txt") } throws: {
            let m = ($0 as? StoreActionError)?.message ?? ""
            return m.hasPrefix("form.txt is stale: lee's written sheet of app-a changed since the form was exported (last changed ")
        }
        #expect(try IntegrityFixture.logLines(t) == lines)
    }

    @Test func unreadableLinesAreNamedAndNothingIsWritten() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        let form = try store.exportSheetForm(member: "lee", application: "app-a", phase: .written)
        let cases: [(String, String)] = [
            (form.replacingOccurrences(of: "Q1: \n", with: "Q1: 12,5\n"), "Q1: '12,5': a comma is read only as a thousands separator"),
            (form.replacingOccurrences(of: "L1: \n", with: "L1: 6\n"), "L1: '6' is not a level of this indicator (5, 4, 3, 2, 1)"),
            (form.replacingOccurrences(of: "L1: \n", with: "L1: 4\nL1: 3\n"), "L1 appears twice"),
            (form.replacingOccurrences(of: "L1: \n", with: "ZZ-1: 4\n"), "'ZZ-1' is not an indicator of the standards (t-1)"),
            (form.replacingOccurrences(of: "L1: \n", with: "just words\n"), "expected 'key: value'"),
            (form.replacingOccurrences(of: "L1.note: \n", with: "L1.Note: 확인\n"), "'L1.Note' is not a line of the form: L1's lines are L1:, L1.note: and L1.ask:"),
            (form.replacingOccurrences(of: "Q1: \n", with: "Q1: 1e30\n"), "Q1: '1e30' is not a number"),
            (form.replacingOccurrences(of: "version: none\n", with: ""), "the header line 'version:' is missing"),
            (form.replacingOccurrences(of: "phase: written", with: "phase: oral"), "phase must be written or site"),
            (form.replacingOccurrences(of: "application: app-a", with: "application: ../app-b"), "'../app-b' is not a valid application id"),
        ]
        for (text, message) in cases {
            #expect { _ = try store.importSheetForm(text, member: "lee", source: "f.txt") } throws: {
                let m = ($0 as? StoreActionError)?.message ?? ""
                return m.hasPrefix("f.txt") && m.contains(message)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: t.root.appendingPathComponent("audit.log").path))
        // A non-applicable indicator: L2 has no points for small cities.
        let small = try store.exportSheetForm(member: "park", application: "app-b", phase: .written)
        #expect(!small.contains("L2:"))
        #expect { _ = try store.importSheetForm(small + "L2: 5\n", member: "park", source: "f.txt") } throws: {
            ($0 as? StoreActionError)?.message.contains("L2 is not applicable to app-b (small city)") == true
        }
    }

    @Test func aFullWidthColonSeparatesTheKeyLikeAColon() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try IntegrityFixture.open(t)
        let form = try store.exportSheetForm(member: "lee", application: "app-a", phase: .written)
        let result = try store.importSheetForm(form.replacingOccurrences(of: "L1: \n", with: "L1：4\n")
            .replacingOccurrences(of: "L1.note: \n", with: "L1.note: 비고：확인\n"), member: "lee")
        #expect(result.changed == ["L1"])
        #expect(store.sheet(member: "lee", application: "app-a")?.phases[.written]?.entries["L1"] == Entry(level: 4, note: "비고：확인"))
    }

    @Test func aBackslashThatIsNotAnEscapeIsKeptAsTyped() {
        #expect(SheetForm.unescape(#"자료는 D:\data\평가 폴더\n둘째 줄 \\ 끝\"#) == "자료는 D:\\data\\평가 폴더\n둘째 줄 \\ 끝\\")
        for note in ["D:\\data", "두 줄\n메모", "끝에 \\", "\\n 글자 그대로"] {
            #expect(SheetForm.unescape(SheetForm.escape(note)) == note, "\(note)")
        }
    }
}
