import CityCertCore

/// The words of the TUI's screens, in Korean or English: the labels of one module in one table,
/// as `ReportLabels` is for the reports. (Status lines are ``StatusMessage``; keys and their help
/// are the screens' ``Keymap`` tables.)
struct TUILabels {
    let language: Language
    init(_ language: Language) { self.language = language }

    /// The English or the Korean words.
    func t(_ en: String, _ ko: String) -> String { language.pick(en, ko) }

    var city: String { t("City", "지자체") }
    var typeColumn: String { t("Type", "유형") }
    var population: String { t("Population", "인구") }
    var writtenColumn: String { t("Written", "서면평가") }
    var siteColumn: String { t("Site", "현장실사") }
    var invalid: String { t("invalid", "오류") }
    var conflict: String { t("conflict", "이해충돌") }
    var finalMark: String { t("final", "확정") }
    var noApplicationMatchesFilters: String { t("No application matches the filters (t, s).", "조건에 맞는 신청서가 없습니다 (t, s).") }
    var notTeam: String { t("not on team", "해당 없음") }
    var notStarted: String { t("not started", "시작 전") }
    var submitted: String { t("submitted", "제출 완료") }
    var large: String { t("large", "대도시") }
    var small: String { t("small", "중소도시") }
    var allFilter: String { t("all", "전체") }
    var draft: String { t("draft", "작성 중") }
    var sortName: String { t("name", "이름") }
    var sortPopulation: String { t("population", "인구") }
    var progress: String { t("progress", "진행") }
    var pleaseEnlargeWindow: String { t("Please enlarge the window", "창을 키워 주세요") }
    var qQuits: String { t("q quits", "q 종료") }
    var certified: String { t("certified", "인증") }
    var notCertified: String { t("not certified", "미인증") }
    var noteAfter: String { t(" · note: ", " · 메모: ") }
    var damagedSheet: String { t("damaged sheet: ", "손상된 평가표: ") }
    var provisionalMissing: String { t("provisional, missing", "잠정, 미제출") }
    var writtenAfterDash: String { t(" — written: ", " — 서면: ") }
    var siteAfterDash: String { t(" — site: ", " — 현장: ") }
    var completeEverySheet: String { t("complete: every sheet is in", "완료: 모든 평가표 제출") }
    var reasonSeparator: String { t(": ", " · 사유: ") }
    var indicatorColumn: String { t("Ind.", "지표") }
    var aggregateColumn: String { t("agg.", "집계") }
    var spread: String { t("spread", "편차") }
    var maxColumn: String { t("max", "배점") }
    var flagged: String { t(" · ⚑ flagged", " · ⚑ 편차 경고") }
    var questionMark: String { t("  ? ", "  질의: ") }
    var membersAreFurtherApart: String { t("⚑ members are further apart than the flag share allows", "⚑ 위원 간 편차가 기준을 넘었습니다") }
    var writtenPrefix: String { t("written ", "서면 ") }
    var sitePrefix: String { t("   site ", "   현장 ") }
    var notePrefix: String { t("note: ", "메모: ") }
    var question: String { t("question: ", "질의: ") }
    var scoreWrittenOnlyNo: String { t("score = written only (no site sheet yet)", "점수 = 서면만 (현장 평가표 없음)") }
    var scoreSiteOnly: String { t("score = site only", "점수 = 현장만") }
    var scoreSiteWhereInspected: String { t("score = site where inspected, else written", "점수 = 현장실사가 있으면 현장, 없으면 서면") }
    var aggregateIs: String { t("agg. = ", "집계 = ") }
    var certifiedAtBothEnds: String { t("certified at both ends", "양 끝 모두 인증") }
    var notCertifiedAtEither: String { t("not certified at either end", "양 끝 모두 미인증") }
    var crossesCertificationLine: String { t("CROSSES the certification line", "인증선을 넘나듦") }
    var range: String { t("Range ", "범위 ") }
    var bestGrade: String { t("best grade", "최고 등급") }
    var lowestGrade: String { t("lowest grade", "최저 등급") }
    var margins: String { t("Margins: ", "경계 여유: ") }
    var movesMost: String { t("Moves it most: ", "범위를 가장 크게 움직이는 지표: ") }
    var noFlaggedIndicatorMembers: String { t("No flagged indicator: the members agree within the flag share.", "편차 경고 지표가 없습니다.") }
    var couldAloneMoveAcross: String { t("Could alone move it across the certification line:", "단독으로 인증 여부를 바꿀 수 있는 지표:") }
    var givesTotal: String { t("gives total", "이면 총점") }
    var method: String { t("By method: ", "집계 방법별: ") }
    var membersVsConsensusShown: String { t("Members vs consensus (shown only): ", "위원별 합의 대비 평균 차이 (참고용): ") }
    var vShowsAll: String { t("… v shows it all", "… v 전체 보기") }
    var quantitative: String { t("quantitative", "정량") }
    var qualitative: String { t("qualitative", "정성") }
    var evidence: String { t("Evidence", "증빙") }
    var submittedValue: String { t("Submitted", "제출값") }
    var applicant: String { t("Applicant", "신청 메모") }
    var nothingSubmitted: String { t("nothing submitted", "제출 없음") }
    var bandsYoursSubmittedTyping: String { t("Bands    ● yours  ◆ submitted  ▸ typing", "구간   ● 내 값  ◆ 제출값  ▸ 입력 중") }
    var otherwise: String { t("otherwise", "그 외") }
    var points: String { t(" points", "점") }
    var typing: String { t("Typing", "입력 중") }
    var claimed: String { t("Claimed", "신청 수준") }
    var noClaim: String { t("no claim", "신청 없음") }
    var levelsYoursClaimed: String { t("Levels   ● yours  ◆ claimed", "수준   ● 내 선택  ◆ 신청") }
    var acceptedAsSubmitted: String { t(" (accepted as submitted)", " (제출값 인정)") }
    var corrected: String { t(" (corrected)", " (수정)") }
    var noEntryYet: String { t("no entry yet", "미입력") }
    var yours: String { t("Yours", "내 평가") }
    var noteHeading: String { t("Note", "메모") }
    var questionHeading: String { t("Question", "질의") }
    var reading: String { t("reading…", "읽는 중…") }
    var find: String { t("Find: ", "찾기: ") }
    var enterOpensQCloses: String { t("Enter opens · q closes", "Enter 열기 · q 닫기") }
    var yoursNoEntryYet: String { t("yours: no entry yet", "내 평가: 미입력") }
    var thisPageHasNo: String { t("(this page has no text: it may be a scanned image)", "(이 쪽에는 텍스트가 없습니다: 스캔 이미지일 수 있습니다)") }
    var cannotBeShownTerminal: String { t("It cannot be shown in a terminal. On a desktop:", "터미널에서는 볼 수 없습니다. 데스크톱에서:") }
    var other: String { t("other", "그 외") }
    var whoAreYou: String { t("Who are you?", "위원 선택") }
    var nameColumn: String { t("Name", "이름") }
    var role: String { t("Role", "역할") }
    var affiliation: String { t("Affiliation", "소속") }
    var chair: String { t("chair", "위원장") }
    var member: String { t("member", "위원") }
    var secretary: String { t("secretary", "간사") }
    var anyKeyCloses: String { t("Any key closes.", "아무 키나 누르면 닫힙니다.") }
    var yEnterYesN: String { t("y / Enter: yes    n / Esc: no", "y / Enter: 예    n / Esc: 아니오") }
    var pgupPgdnScrollOther: String { t("↑↓ PgUp PgDn scroll · other keys close", "↑↓ PgUp PgDn 이동 · 다른 키 닫기") }
    var enterFindAgainNext: String { t("Enter: find (again: next)   Esc: cancel", "Enter: 찾기 (다시: 다음)   Esc: 취소") }
    var enterWriteEscCancel: String { t("Enter: write   Esc: cancel", "Enter: 저장   Esc: 취소") }
    var enterSaveAltEnter: String { t("Enter: save   Alt-Enter/Ctrl-J: new line   Esc: cancel", "Enter: 저장   Alt-Enter/Ctrl-J: 줄바꿈   Esc: 취소") }
    var enterSaveEscCancel: String { t("Enter: save   Esc: cancel", "Enter: 저장   Esc: 취소") }
    var keys: String { t("Keys", "키 안내") }
    var chairSOverview: String { t("Chair's overview", "위원장 종합") }
    var invalidApplicationsEnterWhy: String { t("Invalid applications (Enter: why)", "오류가 있는 신청서 (Enter: 사유)") }
    var status: String { t("Status", "상태") }
    var wr: String { t("Wr.", "서면") }
    var siteShort: String { t("Site", "현장") }
    var total: String { t("Total", "총점") }
    var grade: String { t("Grade", "등급") }
    var cert: String { t("Cert.", "인증") }
    var line: String { t("±Line", "±인증선") }
    var missingDamaged: String { t("Missing / damaged", "미제출 / 손상") }
    var yes: String { t("yes", "인증") }
    var no: String { t("no", "미인증") }
    var damaged: String { t("damaged ", "손상 ") }
    var sitePrefixShort: String { t("site ", "현장 ") }
    var prov: String { t("prov.", "잠정") }
    var compl: String { t("compl.", "완료") }
    var mean: String { t("mean", "평균") }
    var median: String { t("median", "중앙값") }
    var trimmedMean: String { t("trimmed mean", "절사평균") }
    var othersScoresAreShown: String { t("Others' scores are shown after you submit.", "다른 위원의 점수는 제출 후 볼 수 있습니다.") }
    var notYetSubmitted: String { t("Not yet submitted: ", "미제출: ") }
    var you: String { t("  ◀ you", "  ◀ 나") }
    var gradeReport: String { t("Grade report", "등급 보고서") }
    var text: String { t("text", "텍스트") }
    var noBomB: String { t(" no BOM (b)", " BOM 없음 (b)") }
    var members: String { t("members", "위원별") }
    var membersAnonymous: String { t("members, anonymous", "위원별 익명") }
    var notes: String { t("notes", "의견") }
    var noEntry: String { t("no entry", "미입력") }
    var submittedShort: String { t("submitted", "제출") }
    var writtenEvaluation: String { t("Written", "서면 평가") }
    var aggregate: String { t("Aggregate", "서면 집계") }
    var otherKind: String { t("other", "기타") }
    var clarificationQuestions: String { t("Clarification questions", "신청기관 질의 목록") }
    var reasonReopeningRequiredKept: String { t("Reason for reopening (required, kept in the audit log)", "확정 취소 사유 (필수, 감사 기록에 남음)") }
    var cannotFinalize: String { t("Cannot finalize", "확정할 수 없습니다") }
    var decisionNoteRequiredRange: String { t("Decision note (required: the range crosses the certification line)", "의결 메모 (필수: 범위가 인증선을 넘나듭니다)") }
    var decisionNoteOptional: String { t("Decision note (optional)", "의결 메모 (선택)") }
    var reopenApplication: String { t("Reopen application", "확정 취소") }
    var reason: String { t("Reason: ", "사유: ") }
    var aloneAcrossCertificationLine: String { t("Alone across the certification line: ", "단독으로 인증 여부를 바꾸는 지표: ") }
    var noteColon: String { t("Note: ", "메모: ") }
    var finalizeSheetsAreFrozen: String { t("Finalize? Sheets are frozen until you reopen.", "확정할까요? 다시 열기 전까지 평가표는 고정됩니다.") }
    var finalize: String { t("Finalize", "최종 확정") }
    var noQuestions: String { t("No questions.", "질의가 없습니다.") }
    var exclusion: String { t("exclusion", "제척") }
    var challenge: String { t("challenge", "기피") }
    var recusal: String { t("recusal", "회피") }
    var kind: String { t("Kind: ", "유형: ") }
    var conflictInterest: String { t("Conflict of interest", "이해충돌") }
    var invalidApplication: String { t("Invalid application", "유효하지 않은 신청서") }
    var sealRound: String { t("Seal the round", "평가 회차 봉인") }
    var findIndicatorIdName: String { t("Find indicator (id or name)", "지표 찾기 (번호 또는 이름)") }
    var reopenSheet: String { t("Reopen sheet", "평가표 다시 열기") }
    var submitSheet: String { t("Submit sheet", "평가표 제출") }
    var submitYouCanReopen: String { t("Submit? You can reopen it until the chair finalizes.", "제출할까요? 위원장이 확정하기 전까지 다시 열 수 있습니다.") }
    var farFromSubmittedValue: String { t("Far from the submitted value", "제출값과 크게 다름") }
    var writeOverExistingFile: String { t("Write over the existing file?", "기존 파일을 덮어쓸까요?") }
    var noteField: String { t("note", "메모") }
    var questionField: String { t("question", "질의") }
    var value: String { t("value", "값") }
    var unsavedText: String { t("Unsaved text", "저장하지 않은 글") }
    var openAgainFinishN: String { t("Open it again to finish it? (n discards it)", "다시 열어 마저 쓸까요? (n: 버림)") }
}
