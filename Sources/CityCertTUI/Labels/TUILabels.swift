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

    // Sentences with figures and names (each argument is the text put in its place).
    func typeStatusSort(_ p0: String, _ p1: String, _ p2: String, _ p3: String, _ p4: String) -> String { t("Type: \(p0)  Status: \(p1)  Sort: \(p2)  (\(p3)/\(p4))", "유형: \(p0)  상태: \(p1)  정렬: \(p2)  (\(p3)/\(p4))") }
    func draftProgress(_ p0: String, _ p1: String) -> String { t("draft \(p0)/\(p1)", "작성 중 \(p0)/\(p1)") }
    func gradeSummary(_ p0: String, _ p1: String) -> String { t("│ grade \(p0) · \(p1)", "│ \(p0)등급 · \(p1)") }
    func totalOfMax(_ p0: String, _ p1: String, _ p2: String) -> String { t(" · \(p0) / \(p1) (\(p2)%)", " · 총점 \(p0) / \(p1) (\(p2)%)") }
    func totalShort(_ p0: String, _ p1: String) -> String { t(" · \(p0) (\(p1)%)", " · \(p0) (\(p1)%)") }
    func rangeGrade(_ p0: String, _ p1: String, _ p2: String, _ p3: String) -> String { t(" · range grade \(p0)–\(p1) (\(p2)–\(p3))", " · 범위 \(p0)–\(p1)등급 (\(p2)–\(p3))") }
    func rangeGrades(_ p0: String, _ p1: String) -> String { t(" · range \(p0)–\(p1)", " · 범위 \(p0)–\(p1)등급") }
    func decisionGradeDisagreesWith(_ p0: String, _ p1: String, _ p2: String, _ p3: String) -> String { t("⚠ the decision (\(p0), grade \(p1)) disagrees with the sheets (\(p2), grade \(p3))", "⚠ 의결(\(p0), \(p1)등급)이 평가표(\(p2), \(p3)등급)와 다릅니다") }
    func finalized(_ p0: String, _ p1: String) -> String { t("finalized by \(p0), \(p1)", "확정: \(p0), \(p1)") }
    func reopened(_ p0: String, _ p1: String) -> String { t("reopened by \(p0), \(p1)", "확정 취소: \(p0), \(p1)") }
    func score(_ p0: String, _ p1: String) -> String { t("score \(p0) / \(p1)", "점수 \(p0) / \(p1)") }
    func plainMeanSheets(_ p0: String) -> String { t("plain mean (< \(p0) sheets)", "단순 평균 (평가표 \(p0)장 미만: 절사 없음)") }
    func writtenSite(_ p0: String, _ p1: String) -> String { t("written \(p0), site \(p1)", "서면 \(p0), 현장 \(p1)") }
    func scoreWrittenSite(_ p0: String, _ p1: String) -> String { t("score = written × \(p0) + site × \(p1)", "점수 = 서면 × \(p0) + 현장 × \(p1)") }
    func grades(_ p0: String, _ p1: String) -> String { t("grades \(p0)–\(p1)", "\(p0)–\(p1)등급") }
    func gradeOnlyOne(_ p0: String) -> String { t("grade \(p0)", "\(p0)등급") }
    func rangeSoFarFrom(_ p0: String, _ p1: String, _ p2: String) -> String { t("Range so far \(p0)–\(p1) (\(p2)) — from the sheets in; missing sheets will move it", "현재까지 범위 \(p0)–\(p1) (\(p2)) — 제출된 평가표 기준, 미제출 평가표가 들어오면 바뀝니다") }
    func gradeOnly(_ p0: String) -> String { t("grade \(p0) only", "\(p0)등급으로 고정") }
    func pointsKind(_ p0: String, _ p1: String) -> String { t("\(p0) points · \(p1)", "배점 \(p0) · \(p1)") }
    func notNumberYet(_ p0: String) -> String { t("“\(p0)” is not a number yet", "“\(p0)”은(는) 아직 숫자가 아닙니다") }
    func levelPoints(_ p0: String, _ p1: String) -> String { t("level \(p0) → \(p1) points", "수준 \(p0) → \(p1)점") }
    func page(_ p0: String, _ p1: String) -> String { t(" · page \(p0)\(p1)", " · \(p0)\(p1)쪽") }
    func evidenceFile(_ p0: String) -> String { t("Evidence · \(p0) file(s)", "증빙 · \(p0)건") }
    func lines(_ p0: String, _ p1: String, _ p2: String) -> String { t("lines \(p0)–\(p1) of \(p2)", "\(p0)–\(p1)/\(p2)줄") }
    func linesOf(_ p0: String, _ p1: String) -> String { t("“\(p0)”: \(p1) line(s)", "“\(p0)”: \(p1)줄") }
    func submittedWithUnit(_ p0: String, _ p1: String) -> String { t("submitted \(p0) \(p1)", "제출 \(p0) \(p1)") }
    func claimedLevel(_ p0: String) -> String { t("claimed \(p0)", "신청 수준 \(p0)") }
    func yoursPoints(_ p0: String, _ p1: String) -> String { t("yours \(p0) → \(p1) points", "내 평가 \(p0) → \(p1)점") }
    func yoursLevelPoints(_ p0: String, _ p1: String) -> String { t("yours: level \(p0) → \(p1) points", "내 평가 수준 \(p0) → \(p1)점") }
    func type(_ p0: String) -> String { t("type: \(p0)", "형식: \(p0)") }
    func size(_ p0: String) -> String { t("size: \(p0)", "크기: \(p0)") }
    func aggregateSpread(_ p0: String, _ p1: String) -> String { t("  aggregate \(p0)  spread \(p1)", "  집계 \(p0)  편차 \(p1)") }
    func level(_ p0: String) -> String { t("level \(p0)", "수준 \(p0)") }
    func previewLines(_ p0: String, _ p1: String, _ p2: String, _ p3: String) -> String { t("Preview (\(p0)) · lines \(p1)–\(p2) of \(p3)", "미리보기 (\(p0)) · \(p3)줄 중 \(p1)–\(p2)") }
    func formatFChosen(_ p0: String, _ p1: String, _ p2: String, _ p3: String, _ p4: String) -> String { t("Format: \(p0)\(p1) (f)   chosen \(p2) of \(p3)\(p4)", "형식: \(p0)\(p1) (f)   \(p3)건 중 \(p2)건 선택\(p4)") }
    func open(_ p0: String, _ p1: String, _ p2: String, _ p3: String, _ p4: String, _ p5: String) -> String { t("│ \(p0) │ \(p1)/\(p2) · open \(p3) · \(p4)/\(p5)", "│ \(p0) │ \(p1)/\(p2)점 · 미입력 \(p3) · \(p4)/\(p5)") }
    func invalidApplication(_ p0: String) -> String { t("\(p0): invalid", "\(p0): 오류") }
    func removeDecisionLetMembers(_ p0: String) -> String { t("Remove the decision on \(p0) and let members change their sheets?", "\(p0)의 확정을 취소하고 평가표 수정을 허용할까요?") }
    func youHaveConflictInterest(_ p0: String) -> String { t("You have a conflict of interest on \(p0); it cannot be opened.", "\(p0)에 이해충돌이 있어 열 수 없습니다.") }
    func typeFinalizeRangeCrosses(_ p0: String) -> String { t("Type \(p0) to finalize (the range crosses the certification line)", "확정하려면 \(p0) 입력 (범위가 인증선을 넘나듦)") }
    func noteOn(_ p0: String) -> String { t("Note on \(p0)", "\(p0) 메모") }
    func questionApplicant(_ p0: String) -> String { t("Question to the applicant on \(p0)", "\(p0) 신청기관 질의") }
    func verifiedValue(_ p0: String) -> String { t("Verified value for \(p0)", "\(p0) 확인 값") }
    func writeReport(_ p0: String) -> String { t("Write the \(p0) report to", "\(p0) 보고서 저장 경로") }
    func emptyEnterAgain(_ p0: String) -> String { t("empty Enter: “\(p0)” again", "빈 칸 Enter: “\(p0)” 다시") }
    func cannotSubmitIndicatorHave(_ p0: String) -> String { t("Cannot submit: \(p0) indicator(s) have no entry", "제출할 수 없습니다: \(p0)개 지표 미입력") }
    func yourTotal(_ p0: String, _ p1: String) -> String { t("Your total: \(p0) / \(p1)", "총점: \(p0) / \(p1)") }
    func youEnteredApplicantSubmitted(_ p0: String, _ p1: String, _ p2: String) -> String { t("\(p0): you entered \(p1); the applicant submitted \(p2).", "\(p0): 입력 \(p1), 신청기관 제출값 \(p2).") }
    func programStoppedWhileYou(_ p0: String, _ p1: String) -> String { t("The program stopped while you were typing a \(p0) on \(p1):", "\(p1) \(p0)을(를) 입력하던 중 프로그램이 멈췄습니다:") }

    var provisionalSheetsAreMissing: String { t("Provisional: sheets are missing; these figures will still change.", "잠정: 미제출 평가표가 있어 아래 수치는 아직 바뀝니다 (안정성 판단 보류).") }
    func nextGrade(_ p0: String) -> String { t("+\(p0) to the next grade", "다음 등급까지 +\(p0)") }
    func aboveItsLine(_ p0: String) -> String { t("\(p0) above its line", "현 등급 하한보다 \(p0) 높음") }
    var noSingleFlagMoves: String { t("No single flag moves it across the line, but the flags together can: see the range.", "단독으로는 아니지만 편차 경고 지표들이 함께 인증 여부를 바꿀 수 있습니다 (범위 참조).") }
    var evenWithEveryFlag: String { t("Even with every flag at its extremes the certification stays the same.", "편차 경고 지표가 모두 극단으로 가도 인증 여부는 그대로입니다.") }
    func p(_ p0: String) -> String { t("p.\(p0)", "\(p0)쪽") }
    func pdfPages(_ p0: String) -> String { t("PDF, \(p0) pages", "PDF \(p0)쪽") }
    var applicationCannotBeRead: String { t("The application cannot be read; `citycert validate` says why.", "신청서를 읽을 수 없습니다. `citycert validate`로 사유를 확인하세요.") }
    func plusToGrade(_ p0: String, _ p1: String) -> String { t("+\(p0) to grade \(p1)", "\(p1)등급까지 +\(p0)") }
    func aboveGradeLine(_ p0: String, _ p1: String) -> String { t("\(p0) above grade \(p1)'s line", "\(p1)등급 하한보다 \(p0) 높음") }
    var flagsTogetherCanStill: String { t("⚠ The flags together can still move this city across the certification line.", "⚠ 편차 경고 지표에 따라 인증 여부가 아직 바뀔 수 있습니다.") }
    var recordShaEveryAuthored: String { t("Record the SHA-256 of every authored file (store.yaml, committee.yaml, the standards,", "모든 작성 파일(store.yaml, committee.yaml, 인증 기준, applications/ 아래 모든 파일)의") }
    var everythingUnderApplicationsAudit: String { t("everything under applications/) in the audit log, signed by you. Any later change", "SHA-256을 감사 로그에 서명하여 기록합니다. 이후 봉인 없이 바뀐 파일은") }
    var withoutNewSealNamed: String { t("without a new seal is named by citycert verify. Seal? (y/n)", "citycert verify가 찾아냅니다. 봉인할까요? (y/n)") }
    func yoursValue(_ p0: String) -> String { t("yours \(p0)", "내 값 \(p0)") }
    func submittedValueIs(_ p0: String) -> String { t("submitted \(p0)", "제출값 \(p0)") }
    var moreThanTenTimes: String { t("More than ten times apart (a unit or a typing slip?). Save it?", "10배 이상 차이가 납니다 (단위나 오타 확인). 저장할까요?") }
    var yWriteOverN: String { t("y: write over it   n: keep it (choose another name with w)", "y: 덮어쓰기   n: 그대로 두기 (w로 다른 이름)") }

    func reopenSheetAsDraft(_ phase: Phase) -> String {
        t("Reopen your \(StatusText.phaseName(phase, .en)) sheet as a draft?", "\(StatusText.phaseName(phase, .ko)) 평가표를 작성 중으로 되돌릴까요?")
    }
    func committeeIn(_ phase: Phase) -> String {
        t("Committee · \(StatusText.phaseName(phase, .en))", "위원 점수 · \(StatusText.phaseName(phase, .ko))")
    }
    func gradeAndTotal(_ grade: String, certified: Bool, _ total: String, _ max: String, _ percent: String) -> String {
        t("Grade \(grade) · \(certified ? "certified" : "not certified") · total \(total) / \(max) (\(percent)%)",
          "\(grade)등급 · \(certified ? "인증" : "미인증") · 총점 \(total) / \(max) (\(percent)%)")
    }
    func overviewOrder(byBoundary: Bool) -> String {
        t("Within each type: \(byBoundary ? "closest to the certification line first (range, then total)" : "by id") (o toggles) · grade (range)",
          "유형별 \(byBoundary ? "인증선에 가까운 순 (범위 기준)" : "ID 순") (o 전환) · 등급 (가능 범위)")
    }
    func writtenAndSite(_ written: String, _ site: String) -> String { t(" · written \(written) · site \(site)", " · 서면 \(written) · 현장 \(site)") }
    func scoreAndSpreads(_ score: String, _ max: String, _ written: String, _ writtenSpread: String, _ site: String, _ siteSpread: String) -> String {
        t("score \(score) / \(max) · written \(written) (spread \(writtenSpread)) · site \(site) (spread \(siteSpread))",
          "점수 \(score) / \(max) · 서면 \(written) (편차 \(writtenSpread)) · 현장 \(site) (편차 \(siteSpread))")
    }
    func certificationLine(_ line: String, _ above: String) -> String { t(" · cert. line \(line) (\(above))", " · 인증선 \(line) (\(above))") }
    func annexes(_ chosen: [String]) -> String {
        t("   annexes: \(chosen.isEmpty ? "none" : chosen.joined(separator: ", ")) (m n)", "   부록: \(chosen.isEmpty ? "없음" : chosen.joined(separator: ", ")) (m n)")
    }
}
