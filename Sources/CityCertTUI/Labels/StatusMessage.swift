import CityCertCore

/// What the status line says, as a value: it is put into words (``text(_:)``) only when the line
/// is drawn, so that `L` shows the same message in the other language.
///
/// Every status text of the TUI is here, in one table; a message composed by the runtime in both
/// languages (a store's refusal) is ``said(_:)``.
public enum StatusMessage: Sendable, Equatable {
    /// A text given in both languages (or the same in both: a plain string).
    case said(LocalizedText)
    // The session and the list
    case signedIn(name: String, role: Role)
    case chooseWhoIsAtTheKeyboard
    case secretaryDoesNotScore
    case storeReadAgain
    case rulesReadAgain([String])
    // Scoring
    case notOnSiteTeam
    case phase(Phase)
    case everyIndicatorEntered
    case sheetNotSubmitted
    case chooseLevelWithNumber
    case nothingSubmitted(indicator: String)
    case acceptOrEnterValue
    case noSuchLevel(indicator: String, level: Int)
    case finalizedReadOnly
    case submittedReopenWithR
    case alreadySubmitted
    case submitWrittenFirst
    case saved(at: String)
    case submitted(application: String, phase: Phase)
    case sheetReopened(application: String, phase: Phase)
    case findMatches(String, count: Int)
    case findNoMatch(String)
    case valueRequired
    case valueOutOfRange(indicator: String, value: String, range: String)
    // Drafts, prompts and pastes
    case draftDiscarded
    case draftRestored
    case cancelled
    case pasteIgnored
    // Evidence
    case noEvidence(indicator: String)
    case lastPage
    case firstPage
    case searchFirst
    case searchNotOnPage(String)
    case searchHit(String, line: Int, match: Int, of: Int)
    // The chair
    case noFlaggedIndicator
    case notFinal(application: String)
    case finalizeNoteRequired
    case notFinalizedMistyped(application: String)
    case reopenReasonRequired
    case finalized(application: String, total: String, max: String, grade: Int)
    case applicationReopened(application: String)
    // Report and seal
    case chooseAtLeastOne
    case byteOrderMark(Bool)
    case printingPDF
    case reportWritten(path: String, format: String, count: Int)
    case noPDFPreview(LocalizedText)
    case sealed(files: Int, seq: Int)

    /// The message in words.
    public func text(_ lang: Language) -> String {
        StatusText(lang).text(self)
    }
}

/// The words of every ``StatusMessage``, in Korean or English.
struct StatusText {
    let lang: Language
    init(_ lang: Language) { self.lang = lang }

    func t(_ en: String, _ ko: String) -> String { lang.pick(en, ko) }

    func text(_ m: StatusMessage) -> String {
        switch m {
        case .said(let text): return text.text(lang)
        case let .signedIn(name, role): return t("Signed in as \(name) (\(RoleName.of(role, .en)))", "시작: \(name) (\(RoleName.of(role, .ko)))")
        case .chooseWhoIsAtTheKeyboard: return t("Choose who is at the keyboard.", "누가 평가하는지 고르세요.")
        case .secretaryDoesNotScore: return t("The secretary does not score.", "간사는 평가하지 않습니다.")
        case .storeReadAgain: return t("Read the store again.", "저장소를 다시 읽었습니다.")
        case .rulesReadAgain(let files): return t("Read again: \(files.joined(separator: ", ")) changed.", "다시 읽음: \(files.joined(separator: ", "))이(가) 바뀌었습니다.")
        case .notOnSiteTeam: return t("You are not on the site team of this application.", "이 신청서의 현장실사 위원이 아닙니다.")
        case .phase(let p): return t("Phase: \(Self.phaseName(p, .en))", "단계: \(Self.phaseName(p, .ko))")
        case .everyIndicatorEntered: return t("Every indicator has an entry.", "모든 지표를 입력했습니다.")
        case .sheetNotSubmitted: return t("This sheet is not submitted.", "제출된 평가표가 아닙니다.")
        case .chooseLevelWithNumber: return t("Choose a level with its number key.", "숫자 키로 수준을 고르세요.")
        case .nothingSubmitted(let id): return t("Nothing was submitted for \(id): enter a value with e.", "\(id)에 제출된 값이 없습니다. e로 값을 입력하세요.")
        case .acceptOrEnterValue: return t("Accept with a, or enter a value with e.", "a로 제출값을 인정하거나 e로 값을 입력하세요.")
        case let .noSuchLevel(id, level): return t("\(id) has no level \(level).", "\(id)에는 \(level) 수준이 없습니다.")
        case .finalizedReadOnly: return t("The chair has finalized this application: it is read-only.", "위원장이 확정한 신청서입니다. 수정할 수 없습니다.")
        case .submittedReopenWithR: return t("This sheet is submitted: press R to reopen it.", "제출된 평가표입니다. R로 다시 열 수 있습니다.")
        case .alreadySubmitted: return t("Already submitted.", "이미 제출했습니다.")
        case .submitWrittenFirst: return t("Submit your written sheet first: the site inspection verifies and revises it.", "서면평가 평가표를 먼저 제출하세요: 현장실사는 서면평가를 확인·보완합니다.")
        case .saved(let at): return t("Saved at \(at)", "\(at) 저장됨")
        case let .submitted(app, phase): return t("✓ \(app) · \(Self.shortPhase(phase, .en)): submitted", "✓ \(app) · \(Self.shortPhase(phase, .ko)): 제출 완료")
        case let .sheetReopened(app, phase): return t("\(app) · \(Self.shortPhase(phase, .en)): reopened as a draft", "\(app) · \(Self.shortPhase(phase, .ko)): 작성 중으로 되돌림")
        case let .findMatches(text, count): return t("“\(text)”: \(count) match(es); / Enter for the next", "“\(text)”: \(count)건 일치 — / Enter로 다음")
        case .findNoMatch(let text): return t("No indicator matches “\(text)”.", "“\(text)”에 맞는 지표가 없습니다.")
        case .valueRequired: return t("Type the value you verified (Esc cancels).", "확인한 값을 입력하세요 (Esc 취소).")
        case let .valueOutOfRange(id, value, range): return t("\(id): \(value) is outside the range of this indicator (\(range)).", "\(id): \(value)은(는) 이 지표의 허용 범위(\(range))를 벗어납니다.")
        case .draftDiscarded: return t("The unsaved text was discarded.", "저장하지 않은 글을 버렸습니다.")
        case .draftRestored: return t("Your unsaved text is back: Enter saves it.", "저장하지 않았던 글을 되살렸습니다. Enter로 저장합니다.")
        case .cancelled: return t("Cancelled.", "취소했습니다.")
        case .pasteIgnored: return t("Paste ignored: no text field is open (n opens a note).", "붙여넣기를 무시했습니다: 열린 입력란이 없습니다 (n: 메모).")
        case .noEvidence(let id): return t("No evidence was submitted for \(id).", "\(id)에 제출된 증빙이 없습니다.")
        case .lastPage: return t("This is the last page.", "마지막 쪽입니다.")
        case .firstPage: return t("This is the first page.", "첫 쪽입니다.")
        case .searchFirst: return t("Search with / first.", "먼저 /로 찾으세요.")
        case .searchNotOnPage(let s): return t("“\(s)” is not on this page.", "“\(s)”이(가) 이 쪽에 없습니다.")
        case let .searchHit(s, line, n, count): return t("“\(s)”: line \(line), match \(n) of \(count); n next", "“\(s)”: \(line)줄, \(count)건 중 \(n) — n 다음")
        case .noFlaggedIndicator: return t("No flagged indicator.", "편차 경고 지표가 없습니다.")
        case .notFinal(let app): return t("\(app) is not final.", "\(app)은(는) 확정되지 않았습니다.")
        case .finalizeNoteRequired: return t("A note is required: the range crosses the certification line.", "범위가 인증선을 넘나들어 메모가 필요합니다.")
        case .notFinalizedMistyped(let app): return t("Not finalized: the text typed was not \(app).", "확정하지 않았습니다: \(app)와(과) 다르게 입력했습니다.")
        case .reopenReasonRequired: return t("Say why the application is reopened (Esc cancels).", "확정 취소 사유를 입력하세요 (Esc 취소).")
        case let .finalized(app, total, max, grade): return t("✓ \(app): final · \(total) / \(max) · grade \(grade)", "✓ \(app): 확정 · \(total) / \(max) · \(grade)등급")
        case .applicationReopened(let app): return t("\(app): reopened", "\(app): 확정 취소됨")
        case .chooseAtLeastOne: return t("Choose at least one application (Space).", "신청서를 하나 이상 고르세요 (Space).")
        case .byteOrderMark(let on): return on ? t("CSV with a byte order mark (Korean Excel reads Hangul).", "CSV에 BOM 포함 (한글 Excel에서 한글이 바르게 보임).") : t("CSV without a byte order mark.", "CSV에 BOM 없음.")
        case .printingPDF: return t("Printing the PDF with Chromium… (a few seconds)", "Chromium으로 PDF 인쇄 중… (몇 초 걸립니다)")
        case let .reportWritten(path, format, count): return t("✓ written: \(path) (\(format), \(count) applications)", "✓ 저장: \(path) (\(format), \(count)건)")
        case .noPDFPreview(let why): return t("No PDF preview (\(why.text(.en))); the text report instead.", "PDF 미리보기 불가 (\(why.text(.ko))): 텍스트 보고서로 대신합니다.")
        case let .sealed(files, seq): return t("✓ sealed: \(files) authored files recorded at audit.log:\(seq)", "✓ 봉인: 작성 파일 \(files)개를 audit.log:\(seq)에 기록")
        }
    }

    /// A phase's name in a sentence.
    static func phaseName(_ p: Phase, _ lang: Language) -> String {
        switch p {
        case .written: return lang.pick("written evaluation", "서면평가")
        case .site: return lang.pick("site inspection", "현장실사")
        }
    }

    /// A phase's short name (after an application id).
    static func shortPhase(_ p: Phase, _ lang: Language) -> String {
        lang.pick(p == .written ? "written" : "site", p == .written ? "서면평가" : "현장실사")
    }
}
