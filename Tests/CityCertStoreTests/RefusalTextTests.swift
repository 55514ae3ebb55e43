import CityCertCore
@testable import CityCertStore
import Foundation
import Testing
import TestSupport

/// The store's refusals in Korean, for the screens and `score`/`sheet` in Korean (issue 11).
/// `AccessTests.everyRuleRefusesWithAMessage` checks every refusal a rule makes has its Korean.
@Suite struct RefusalTextTests {
    @Test func refusalsAndFormLinesInKorean() {
        func ko(_ m: String) -> String { StoreActionError(kind: .refused, message: m).message(.ko) }
        #expect(ko("IN-02: -3 is outside the range of this indicator (≥ 0)") == "IN-02: -3은(는) 이 지표의 허용 범위(≥ 0)를 벗어납니다")
        #expect(ko("your written sheet for 2025-suwon is submitted: reopen it to change it") == "2025-suwon의 서면평가 평가표는 제출되었습니다. 바꾸려면 다시 여세요")
        #expect(ko("form.txt:12: IN-03: 'x' is not a level of this indicator (1, 2, 3, 4, 5)") == "form.txt:12: IN-03: 'x'은(는) 이 지표의 수준이 아닙니다 (1, 2, 3, 4, 5)")
        #expect(ko("/tmp/f.txt:3: IN-01 appears twice") == "/tmp/f.txt:3: IN-01이(가) 두 번 나옵니다")
        #expect(ko("app-b is not complete; still to submit — written: lee, park; site: kim") == "app-b 평가가 끝나지 않았습니다. 미제출 — 서면평가: lee, park; 현장실사: kim")
        #expect(ko("form.txt:7: Q1: '0,5': a comma is read only as a thousands separator (1,234); write a decimal point (0.5) (quantitative indicator)")
                == "form.txt:7: Q1: '0,5': 쉼표는 천 단위 구분(1,234)으로만 읽습니다. 소수점은 점으로 쓰세요 (예: 0.5)")
        #expect(ko("the range 138.67–186.67 (grades 4–1) crosses the certification line: give a note saying why the grade stands")
                == "가능 범위 138.67–186.67(4–1등급)가 인증선을 넘나듭니다. 등급을 유지하는 이유를 메모로 남기세요")
        // A message without a translation (a disk error) stays as it is.
        #expect(ko("No space left on device") == "No space left on device")
        #expect(StoreActionError(kind: .refused, message: "x is final: the chair must reopen it before any sheet changes").message(.en)
                == "x is final: the chair must reopen it before any sheet changes")
    }

    @Test func everyTranslationIsKorean() {
        for (pattern, template) in RefusalText.table {
            #expect(template.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "\(pattern)")
        }
    }

    /// A real refusal through `sheet import`, in Korean.
    @Test func aFormRefusalInKorean() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try Store.open(at: t.path)
        let form = try store.exportSheetForm(member: "park", application: "app-a", phase: .written)
        do {
            _ = try store.importSheetForm(form + "\nL1: 9\n", member: "park", source: "form.txt")
            Issue.record("a level 9 was accepted")
        } catch {
            #expect(error.message(.ko).unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "\(error.message(.ko))")
            #expect(error.message(.ko).hasPrefix("form.txt:"))
        }
    }
}
