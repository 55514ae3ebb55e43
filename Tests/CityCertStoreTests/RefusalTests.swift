import CityCertCore
@testable import CityCertStore
import Foundation
import Testing
import TestSupport

/// The store's refusals as typed cases, in English and Korean (issues 10 and 11): callers match on
/// the case; the words are made when shown. `AccessTests.everyRuleRefusesWithAMessage` checks that
/// every rule refuses with its message.
@Suite struct RefusalTests {
    @Test func refusalsAndFormLinesInKorean() {
        func ko(_ r: Refusal) -> String { StoreActionError.refused(r).message(.ko) }
        #expect(ko(.outsideRange(indicator: "IN-02", value: "-3", range: "≥ 0")) == "IN-02: -3은(는) 이 지표의 허용 범위(≥ 0)를 벗어납니다")
        #expect(ko(.sheetSubmitted(phase: .written, application: "2025-suwon")) == "2025-suwon의 서면평가 평가표는 제출되었습니다. 바꾸려면 다시 여세요")
        #expect(ko(.formLine(source: "form.txt", line: 12, .notALevel(indicator: "IN-03", text: "x", levels: [1, 2, 3, 4, 5])))
                == "form.txt:12: IN-03: 'x'은(는) 이 지표의 수준이 아닙니다 (1, 2, 3, 4, 5)")
        #expect(ko(.formLine(source: "/tmp/f.txt", line: 3, .lineTwice("IN-01"))) == "/tmp/f.txt:3: IN-01이(가) 두 번 나옵니다")
        #expect(ko(.cannotFinalize(application: "app-b", .incomplete(written: ["lee", "park"], site: ["kim"])))
                == "app-b 평가가 끝나지 않았습니다. 미제출 — 서면평가: lee, park; 현장실사: kim")
        #expect(ko(.formLine(source: "form.txt", line: 7, .notANumber(indicator: "Q1", text: "0,5", .ambiguousComma)))
                == "form.txt:7: Q1: '0,5': 쉼표는 천 단위 구분(1,234)으로만 읽습니다. 소수점은 점으로 쓰세요 (예: 0.5)")
        #expect(ko(.rangeCrossesLine(low: "138.67", high: "186.67", gradeLow: 4, gradeHigh: 1))
                == "가능 범위 138.67–186.67(4–1등급)가 인증선을 넘나듭니다. 등급을 유지하는 이유를 메모로 남기세요")
        #expect(ko(.missingEntries(["L1", "L2"], nothingSaved: true)) == "제출할 수 없습니다: 2개 지표 미입력: L1, L2. 아무것도 저장하지 않았습니다")
        // A disk error stays as the system said it.
        #expect(StoreActionError.io("No space left on device").message(.ko) == "No space left on device")
        #expect(StoreActionError.refused(.applicationFinal("x")).message(.en) == "x is final: the chair must reopen it before any sheet changes")
        // The English is the store's words, exactly.
        #expect(StoreActionError.refused(.missingEntries((1...12).map { "Q\($0)" }, nothingSaved: false)).message
                == "cannot submit: 12 indicator(s) have no entry: Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8, Q9, Q10, …")
        #expect(StoreActionError.refused(.cannotFinalize(application: "app-b", .tooFewMembers(eligible: 2, need: 3, method: "trimmed-mean"))).message
                == "only 2 eligible member(s) remain on app-b; trimmed-mean needs 3")
    }

    /// One of every refusal: each has English and Korean words, and they differ (a refusal that
    /// only repeats a system or replay message is the exception).
    static let everyRefusal: [Refusal] = [
        .notAMember("x"), .osUserMismatch(name: "이서연", member: "lee", login: "slee", user: "kim"),
        .ownLoginOnly(user: "slee", ownName: "이서연", own: "lee", member: "park"), .noPrivateKey(member: "lee"),
        .mustSign(member: "lee", reason: "no such file"), .wrongPrivateKey(path: "k", member: "lee", publicKey: "ed25519:x"),
        .secretaryDoesNotScore(name: "한"), .conflictOfInterest(name: "이", application: "a"), .notOnSiteTeam(name: "이", application: "a"),
        .onlyChairDecides, .onlySecretaryOrChairSeals, .noApplication("a"), .noValidApplication("a"), .invalidApplication("a"),
        .invalidApplicationID("A!"), .applicationFinal("a"), .finalInLogOnly("a"), .notApplicable(indicator: "Q1", application: "a"),
        .quantitativeNeedsValue(indicator: "Q1"), .qualitativeNeedsLevel(indicator: "L1"), .noSuchLevel(indicator: "L1", level: 9, levels: [1, 5]),
        .valueTooLarge(indicator: "Q1", value: "1e16"), .outsideRange(indicator: "Q1", value: "-1", range: "0–100"), .textTooLong(indicator: "Q1"),
        .sheetSubmitted(phase: .site, application: "a"), .siteBeforeWritten, .missingEntries(["Q1"], nothingSaved: false),
        .unreadable(path: "p"), .damaged(path: "p"), .damagedLeftAsIs(path: "p"), .namesAnother(path: "p"),
        .unsignedSheetNotAdopted(path: "p"), .foreignSheetNotAdopted(path: "p", uid: "7", member: "lee"),
        .disagreesWithLog(path: "p", store: "/s"), .cannotCompleteSave(path: "p", location: "audit.log:3", reason: "r"),
        .formTooLarge(source: "f"), .headerMissing(source: "f", key: "phase"),
        .staleForm(source: "f", member: "lee", application: "a", phase: .written, changedAt: "2026-11-30T10:00:00Z"), .farFromSubmitted(indicator: "IN-05", value: "6300", submitted: "6.3"),
        .formLine(source: "f", line: 1, .outsideRange(indicator: "Q1", value: "150", range: "0–100")),
        .formLine(source: "f", line: 1, .unknownLine(key: "Q1.memo", indicator: "Q1")),
        .formLine(source: "f", line: 1, .expectedKeyValue), .formLine(source: "f", line: 1, .headerTwice("phase")),
        .formLine(source: "f", line: 1, .notAnIndicator(key: "ZZ", standards: "s")), .formLine(source: "f", line: 1, .unsupportedVersion("2")),
        .formLine(source: "f", line: 1, .invalidApplicationID("A!")), .formLine(source: "f", line: 1, .otherMembersForm(owner: "park", actingAs: "lee")),
        .formLine(source: "f", line: 1, .badPhase), .formLine(source: "f", line: 1, .notApplicable(indicator: "L2", application: "a", cityType: "small")),
        .formLine(source: "f", line: 1, .notANumber(indicator: "Q1", text: "abc", .notANumber)),
        .formLine(source: "f", line: 1, .notANumber(indicator: "Q1", text: "1e99", .tooLarge)),
        .alreadyFinal("a", detail: nil), .cannotFinalize(application: "a", .alreadyFinal), .notFinal("a"), .decisionNotInLog("a"),
        .reopenNeedsReason("a"), .rulesChanged(["committee.yaml"]), .logFailsVerification, .cannotSeal(unreadable: ["store.yaml"]),
    ]

    @Test func everyRefusalHasKoreanWords() {
        for r in Self.everyRefusal {
            let (en, ko) = (r.text(.en), r.text(.ko))
            #expect(!en.isEmpty && en != ko, "\(r)")
            #expect(ko.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "\(r): \(ko)")
        }
        #expect(Refusal.replayRefused("changes Q1 of a submitted written sheet").text(.ko) == "changes Q1 of a submitted written sheet")
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
