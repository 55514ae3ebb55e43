import CityCertCore
import Foundation

/// Why a store action was refused (a rule, with its case) or failed (the disk).
///
/// Callers and tests match on the case, never on the text; the text is made when it is shown, in
/// the member's language (``message(_:)``).
public enum StoreActionError: Error, Equatable, CustomStringConvertible, Sendable {
    case refused(Refusal)
    /// The disk or the operating system failed; the text says how (not translated).
    case io(String)

    public enum Kind: Sendable, Equatable { case refused, io }

    public var kind: Kind {
        switch self {
        case .refused: return .refused
        case .io: return .io
        }
    }

    /// The refusal, when it is one.
    public var refusal: Refusal? {
        if case .refused(let r) = self { return r }
        return nil
    }

    /// The message in English (the store's language in logs and tests).
    public var message: String { message(.en) }
    public var description: String { message }

    /// The message in a language.
    public func message(_ language: Language) -> String {
        switch self {
        case .refused(let r): return r.text(language)
        case .io(let text): return text
        }
    }

    static func io(_ e: Error) -> StoreActionError { .io("\(e)") }
}

/// Every refusal of the store, one case each, with its words in English and Korean side by side.
public enum Refusal: Equatable, Sendable {
    // Who may act.
    case notAMember(String)
    case osUserMismatch(name: String, member: String, login: String, user: String)
    case ownLoginOnly(user: String, ownName: String, own: String, member: String)
    case noPrivateKey(member: String)
    case mustSign(member: String, reason: String)
    case wrongPrivateKey(path: String, member: String, publicKey: String)
    case secretaryDoesNotScore(name: String)
    case conflictOfInterest(name: String, application: String)
    case notOnSiteTeam(name: String, application: String)
    case onlyChairDecides
    case onlySecretaryOrChairSeals

    // Which application.
    case noApplication(String)
    case noValidApplication(String)
    case invalidApplication(String)
    case invalidApplicationID(String)
    case applicationFinal(String)
    case finalInLogOnly(String)

    // An entry.
    case notApplicable(indicator: String, application: String)
    case quantitativeNeedsValue(indicator: String)
    case qualitativeNeedsLevel(indicator: String)
    case noSuchLevel(indicator: String, level: Int, levels: [Int])
    case valueTooLarge(indicator: String, value: String)
    case outsideRange(indicator: String, value: String, range: String)
    case textTooLong(indicator: String)
    case farFromSubmitted(indicator: String, value: String, submitted: String)

    // A sheet.
    case sheetSubmitted(phase: Phase, application: String)
    case siteBeforeWritten
    case missingEntries([String], nothingSaved: Bool)
    case unreadable(path: String)
    case damaged(path: String)
    case damagedLeftAsIs(path: String)
    case namesAnother(path: String)
    case unsignedSheetNotAdopted(path: String)
    case foreignSheetNotAdopted(path: String, uid: String, member: String)
    case disagreesWithLog(path: String, store: String)
    case cannotCompleteSave(path: String, location: String, reason: String)
    case replayRefused(String)

    // The offline form.
    case formTooLarge(source: String)
    case headerMissing(source: String, key: String)
    case staleForm(source: String, member: String, application: String, phase: Phase, changedAt: String?)
    indirect case formLine(source: String, line: Int, FormLine)

    // Decisions and the round.
    case alreadyFinal(String, detail: String?)
    case cannotFinalize(application: String, FinalizeRule.Reason)
    case rangeCrossesLine(low: String, high: String, gradeLow: Int, gradeHigh: Int)
    case notFinal(String)
    case decisionNotInLog(String)
    case reopenNeedsReason(String)
    case rulesChanged([String])
    case logFailsVerification
    case cannotSeal(unreadable: [String])

    /// What is wrong with one line of an uploaded form.
    public enum FormLine: Equatable, Sendable {
        case expectedKeyValue
        case headerTwice(String)
        case lineTwice(String)
        case notAnIndicator(key: String, standards: String)
        case unsupportedVersion(String)
        case invalidApplicationID(String)
        case otherMembersForm(owner: String, actingAs: String)
        case badPhase
        case notApplicable(indicator: String, application: String, cityType: String)
        case notANumber(indicator: String, text: String, EnteredNumber.Failure)
        case notALevel(indicator: String, text: String, levels: [Int])
        case outsideRange(indicator: String, value: String, range: String)
        case unknownLine(key: String, indicator: String)
    }

    public func text(_ language: Language) -> String {
        let (en, ko) = texts
        return language == .ko ? ko : en
    }

    private static func list(_ ids: [String], max: Int = 10) -> String {
        ids.prefix(max).joined(separator: ", ") + (ids.count > max ? ", …" : "")
    }

    private static func phase(_ p: Phase) -> String { p == .written ? "서면평가" : "현장실사" }

    /// The English and the Korean of the refusal: one table, switched exhaustively, so a new
    /// refusal cannot be added without its words in both languages.
    private var texts: (String, String) {
        switch self {
        case .notAMember(let id):
            return ("'\(id)' is not a member of the committee", "'\(id)'은(는) 위원회 위원이 아닙니다")
        case let .osUserMismatch(name, member, login, user):
            return ("acting as \(name) (\(member)) requires being the operating-system user '\(login)'; you are '\(user)'",
                    "\(name)(\(member))(으)로 평가하려면 운영체제 사용자 '\(login)'(으)로 로그인해야 합니다. 현재 사용자: '\(user)'")
        case let .ownLoginOnly(user, ownName, own, member):
            return ("you are '\(user)', the login of \(ownName) (\(own)): you can act only as \(own), not as \(member)",
                    "현재 사용자 '\(user)'은(는) \(ownName)(\(own))의 로그인입니다. \(own)(으)로만 평가할 수 있고 \(member)(으)로는 할 수 없습니다")
        case .noPrivateKey(let m):
            return ("\(m) has a signing key in committee.yaml, and no private key is available here to sign with: refused",
                    "\(m)은(는) committee.yaml에 서명 키가 있으나 여기에는 서명할 개인 키가 없어 거부합니다")
        case let .mustSign(m, reason):
            return ("\(m) has a signing key in committee.yaml, so every record must be signed: \(reason)",
                    "\(m)은(는) committee.yaml에 서명 키가 있어 모든 기록에 서명해야 합니다: \(reason)")
        case let .wrongPrivateKey(path, m, key):
            return ("the private key \(path) is not \(m)'s key in committee.yaml (its public key is \(key)): refused",
                    "개인 키 \(path)은(는) committee.yaml에 있는 \(m)의 키가 아니므로 거부합니다 (공개 키 \(key))")
        case .secretaryDoesNotScore(let name):
            return ("\(name) is the secretary and does not score", "\(name)은(는) 간사이므로 평가하지 않습니다")
        case let .conflictOfInterest(name, app):
            return ("\(name) has a conflict of interest on \(app) and cannot score it", "\(name)은(는) \(app)에 이해충돌이 있어 평가할 수 없습니다")
        case let .notOnSiteTeam(name, app):
            return ("\(name) is not on the site team of \(app)", "\(name)은(는) \(app)의 현장실사 위원이 아닙니다")
        case .onlyChairDecides:
            return ("only the chair finalizes or reopens an application", "신청서 확정과 확정 취소는 위원장만 할 수 있습니다")
        case .onlySecretaryOrChairSeals:
            return ("only the secretary or the chair seals the round", "평가 회차 봉인은 간사나 위원장만 할 수 있습니다")
        case .noApplication(let id):
            return ("no application '\(id)'", "신청서 '\(id)'이(가) 없습니다")
        case .noValidApplication(let id):
            return ("no valid application '\(id)'", "유효한 신청서 '\(id)'이(가) 없습니다")
        case .invalidApplication(let id):
            return ("\(id) is invalid and cannot be scored", "\(id)은(는) 유효하지 않아 평가할 수 없습니다")
        case .invalidApplicationID(let id):
            return ("'\(id)' is not a valid application id", "'\(id)'은(는) 올바른 신청서 ID가 아닙니다")
        case .applicationFinal(let id):
            return ("\(id) is final: the chair must reopen it before any sheet changes",
                    "\(id)은(는) 확정되었습니다. 평가표를 바꾸려면 위원장이 확정을 취소해야 합니다")
        case .finalInLogOnly(let id):
            return ("\(id) is final (the audit log finalized it; its decision file is missing: run `citycert verify --repair`)",
                    "\(id)은(는) 확정되었습니다 (감사 로그에 확정 기록이 있으나 의결 파일이 없습니다: `citycert verify --repair`를 실행하세요)")
        case let .notApplicable(ind, app):
            return ("\(ind) is not an applicable indicator of \(app)", "\(ind)은(는) \(app)에 적용되는 지표가 아닙니다")
        case .quantitativeNeedsValue(let ind):
            return ("\(ind) is quantitative: enter a value, not a level", "\(ind)은(는) 정량 지표입니다. 수준이 아니라 값을 입력하세요")
        case .qualitativeNeedsLevel(let ind):
            return ("\(ind) is qualitative: choose a level, not a value", "\(ind)은(는) 정성 지표입니다. 값이 아니라 수준을 고르세요")
        case let .noSuchLevel(ind, level, levels):
            let all = levels.map(String.init).joined(separator: ", ")
            return ("\(ind) has no level \(level) (levels: \(all))", "\(ind)에는 \(level) 수준이 없습니다 (수준: \(all))")
        case let .valueTooLarge(ind, v):
            return ("\(ind): the value \(v) is out of range (it must be below 10^15 in magnitude)",
                    "\(ind): 값 \(v)은(는) 범위를 벗어납니다 (절댓값이 10^15 미만이어야 합니다)")
        case let .outsideRange(ind, v, range):
            return ("\(ind): \(v) is outside the range of this indicator (\(range))", "\(ind): \(v)은(는) 이 지표의 허용 범위(\(range))를 벗어납니다")
        case .textTooLong(let ind):
            return ("\(ind): a note or question is limited to 16 KiB", "\(ind): 메모와 질의는 16 KiB까지입니다")
        case let .farFromSubmitted(ind, v, submitted):
            return ("\(ind): \(v) is more than ten times away from the value the applicant submitted (\(submitted)) — a unit or typing slip? Nothing was saved; if it is the value you verified, give it again with --accept-far",
                    "\(ind): \(v)은(는) 신청자가 제출한 값(\(submitted))과 열 배 넘게 차이 납니다. 단위나 입력 실수가 아닌지 확인하세요. 아무것도 저장하지 않았습니다. 확인한 값이 맞으면 --accept-far를 붙여 다시 입력하세요")
        case let .sheetSubmitted(phase, app):
            return ("your \(phase.rawValue) sheet for \(app) is submitted: reopen it to change it",
                    "\(app)의 \(Self.phase(phase)) 평가표는 제출되었습니다. 바꾸려면 다시 여세요")
        case .siteBeforeWritten:
            return ("cannot submit the site sheet while your written sheet is not submitted: the site inspection verifies and revises the written evaluation, so submit the written sheet first",
                    "서면평가 평가표를 제출하지 않은 채 현장실사 평가표를 제출할 수 없습니다. 현장실사는 서면평가를 확인하고 고치는 단계이므로 서면평가 평가표를 먼저 제출하세요")
        case let .missingEntries(ids, nothingSaved):
            return ("cannot submit: \(ids.count) indicator(s) have no entry: \(Self.list(ids))\(nothingSaved ? "; nothing was saved" : "")",
                    "제출할 수 없습니다: \(ids.count)개 지표 미입력: \(Self.list(ids))\(nothingSaved ? ". 아무것도 저장하지 않았습니다" : "")")
        case .unreadable(let path):
            return ("\(path) cannot be read", "\(path)을(를) 읽을 수 없습니다")
        case .damaged(let path):
            return ("\(path) is damaged; see `citycert validate`", "\(path)이(가) 손상되었습니다. `citycert validate`를 보세요")
        case .damagedLeftAsIs(let path):
            return ("\(path) is damaged; it is left as it is (see `citycert validate` and `citycert verify`)",
                    "\(path)이(가) 손상되어 그대로 둡니다 (`citycert validate`, `citycert verify` 참조)")
        case .namesAnother(let path):
            return ("\(path) names another member or application; it is left as it is (see `citycert validate`)",
                    "\(path)에 다른 위원이나 신청서가 적혀 있어 그대로 둡니다 (`citycert validate` 참조)")
        case .unsignedSheetNotAdopted(let path):
            return ("\(path) has no history in the audit log: where records are signed, a sheet is only the record of its member's own changes, so it is not adopted (move it away, or see `citycert verify`)",
                    "\(path)은(는) 감사 로그에 이력이 없습니다. 기록에 서명하는 저장소에서 평가표는 위원 자신의 변경 기록일 뿐이므로 받아들이지 않습니다 (옮기거나 `citycert verify`를 보세요)")
        case let .foreignSheetNotAdopted(path, uid, member):
            return ("\(path) was written outside citycert by another user (uid \(uid)) and has no history: it is not adopted in \(member)'s name; see `citycert verify`",
                    "\(path)은(는) citycert 밖에서 다른 사용자(uid \(uid))가 썼고 이력이 없어 \(member)의 이름으로 받아들이지 않습니다. `citycert verify`를 보세요")
        case let .disagreesWithLog(path, store):
            return ("\(path) does not agree with the audit log (changed outside citycert?); run `citycert verify --store \(store)`",
                    "\(path)이(가) 감사 로그와 맞지 않습니다 (citycert 밖에서 바뀌었습니까?). `citycert verify --store \(store)`를 실행하세요")
        case let .cannotCompleteSave(path, location, reason):
            return ("cannot complete the interrupted save of \(path) (\(location): \(reason)); run `citycert verify`",
                    "\(path)의 중단된 저장을 마칠 수 없습니다 (\(location): \(reason)). `citycert verify`를 실행하세요")
        case .replayRefused(let reason):
            return (reason, reason)
        case .formTooLarge(let source):
            return ("\(source) is larger than 4 MiB", "\(source)이(가) 4 MiB보다 큽니다")
        case let .headerMissing(source, key):
            return ("\(source): the header line '\(key):' is missing (export the form again with `citycert sheet export`)",
                    "\(source): 머리 줄 '\(key):'이(가) 없습니다 (`citycert sheet export`로 양식을 다시 내보내세요)")
        case let .staleForm(source, member, app, phase, changedAt):
            let when = changedAt.map { " (last changed \($0))" } ?? ""
            let whenKo = changedAt.map { " (마지막 변경 \($0))" } ?? ""
            return ("\(source) is stale: \(member)'s \(phase.rawValue) sheet of \(app) changed since the form was exported\(when), and nothing was saved. Export it again to a new file, carry your changes over, and upload that (`citycert history` shows what changed).",
                    "\(source)은(는) 오래된 양식입니다: 양식을 내보낸 뒤 \(member)의 \(app) \(Self.phase(phase)) 평가표가 바뀌어\(whenKo) 아무것도 저장하지 않았습니다. 새 파일로 다시 내보내 변경을 옮긴 뒤 올리세요 (바뀐 내용은 `citycert history`로 볼 수 있습니다).")
        case let .formLine(source, line, problem):
            let (en, ko) = problem.texts
            return ("\(source):\(line): \(en)", "\(source):\(line): \(ko)")
        case let .alreadyFinal(id, detail):
            return ("\(id) is already final\(detail.map { " (\($0))" } ?? "")", "\(id)은(는) 이미 확정되었습니다\(detail.map { " (\($0))" } ?? "")")
        case let .cannotFinalize(app, reason):
            return (reason.text(application: app, language: .en, name: { $0 }), Self.korean(reason, application: app))
        case let .rangeCrossesLine(low, high, gl, gh):
            return ("the range \(low)–\(high) (grades \(gl)–\(gh)) crosses the certification line: give a note saying why the grade stands",
                    "가능 범위 \(low)–\(high)(\(gl)–\(gh)등급)가 인증선을 넘나듭니다. 등급을 유지하는 이유를 메모로 남기세요")
        case .notFinal(let id):
            return ("\(id) is not final", "\(id)은(는) 확정되지 않았습니다")
        case .decisionNotInLog(let id):
            return ("decisions/\(id).json is not in the audit log (written outside citycert?); see `citycert verify`",
                    "decisions/\(id).json이(가) 감사 로그에 없습니다 (citycert 밖에서 썼습니까?). `citycert verify`를 보세요")
        case .reopenNeedsReason(let id):
            return ("say why \(id) is reopened: the reason is kept in the audit log", "\(id)의 확정을 취소하는 사유를 적으세요. 사유는 감사 기록에 남습니다")
        case .rulesChanged(let files):
            let list = files.joined(separator: ", ")
            return ("\(list) changed since the store was opened: read the store again (r) and check before deciding",
                    "저장소를 연 뒤 \(list)이(가) 바뀌었습니다. 다시 읽고(r) 확인한 뒤 결정하세요")
        case .logFailsVerification:
            return ("the audit log itself fails verification; nothing is repaired from it", "감사 로그 자체가 검증에 실패하여 아무것도 복구하지 않습니다")
        case .cannotSeal(let unreadable):
            return ("cannot seal: cannot read \(Self.list(unreadable, max: 5))", "봉인할 수 없습니다: 읽을 수 없는 파일 \(Self.list(unreadable, max: 5))")
        }
    }

    /// The Korean of a finalize refusal in the store's words (member ids, as in the English).
    private static func korean(_ reason: FinalizeRule.Reason, application app: String) -> String {
        switch reason {
        case .alreadyFinal:
            return "\(app)은(는) 이미 확정되었습니다"
        case let .incomplete(written, site):
            var missing: [String] = []
            if !written.isEmpty { missing.append("서면평가: " + written.joined(separator: ", ")) }
            if !site.isEmpty { missing.append("현장실사: " + site.joined(separator: ", ")) }
            return "\(app) 평가가 끝나지 않았습니다. 미제출 — \(missing.joined(separator: "; "))"
        case let .tooFewMembers(eligible, need, method):
            return "\(app)에 평가할 수 있는 위원이 \(eligible)명뿐입니다. \(method)에는 \(need)명이 필요합니다"
        }
    }
}

extension Refusal.FormLine {
    fileprivate var texts: (String, String) {
        switch self {
        case .expectedKeyValue:
            return ("expected 'key: value'", "'키: 값' 형식이어야 합니다")
        case .headerTwice(let key):
            return ("'\(key)' appears twice", "'\(key)'이(가) 두 번 나옵니다")
        case .lineTwice(let key):
            return ("\(key) appears twice", "\(key)이(가) 두 번 나옵니다")
        case let .notAnIndicator(key, standards):
            return ("'\(key)' is not an indicator of the standards (\(standards))", "'\(key)'은(는) 평가기준(\(standards))의 지표가 아닙니다")
        case .unsupportedVersion(let v):
            return ("unsupported form version '\(v)'", "지원하지 않는 양식 버전 '\(v)'")
        case .invalidApplicationID(let id):
            return ("'\(id)' is not a valid application id", "'\(id)'은(는) 올바른 신청서 ID가 아닙니다")
        case let .otherMembersForm(owner, actingAs):
            return ("this form is \(owner)'s sheet; you are acting as \(actingAs)", "이 양식은 \(owner)의 평가표입니다. 현재 \(actingAs)(으)로 작업 중입니다")
        case .badPhase:
            return ("phase must be written or site", "phase는 written 또는 site여야 합니다")
        case let .notApplicable(ind, app, type):
            return ("\(ind) is not applicable to \(app) (\(type) city)", "\(ind)은(는) \(app)(\(type) city)에 적용되지 않습니다")
        case let .notANumber(ind, text, why):
            let ko: String
            switch why {
            case .ambiguousComma: ko = "'\(text)': 쉼표는 천 단위 구분(1,234)으로만 읽습니다. 소수점은 점으로 쓰세요 (예: 0.5)"
            case .tooLarge: ko = "'\(text)'은(는) 너무 큽니다 (10^15 미만, 정량 지표)"
            case .empty, .notANumber: ko = "'\(text)'은(는) 숫자가 아닙니다 (정량 지표)"
            }
            return ("\(ind): \(why.message(text, korean: false)) (quantitative indicator)", "\(ind): \(ko)")
        case let .notALevel(ind, text, levels):
            let all = levels.map(String.init).joined(separator: ", ")
            return ("\(ind): '\(text)' is not a level of this indicator (\(all))", "\(ind): '\(text)'은(는) 이 지표의 수준이 아닙니다 (\(all))")
        case let .outsideRange(ind, v, range):
            return ("\(ind): \(v) is outside the range of this indicator (\(range))", "\(ind): \(v)은(는) 이 지표의 허용 범위(\(range))를 벗어납니다")
        case let .unknownLine(key, ind):
            return ("'\(key)' is not a line of the form: \(ind)'s lines are \(ind):, \(ind).note: and \(ind).ask:",
                    "'\(key)'은(는) 양식의 줄이 아닙니다. \(ind)의 줄은 \(ind):, \(ind).note:, \(ind).ask: 입니다")
        }
    }
}
