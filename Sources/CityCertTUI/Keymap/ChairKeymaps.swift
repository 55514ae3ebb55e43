import CityCertCore

extension OverviewKeys {
    enum Action: Sendable, Equatable { case move, open, sort, ownScoring, report, reload, back }
    static let keymap = Keymap<Action>(bindings: [
        KeyBinding([.enter, .right, .char("l")], .open, "Enter / → / l", "consensus screen (invalid row: why)", "합의 화면 (오류 행: 사유)"),
        KeyBinding([.char("o")], .sort, "o", "sort: range closest to the certification line / id", "정렬: 인증선에 가까운 범위 / ID"),
        KeyBinding([.char("w")], .ownScoring, "w", "your own scoring (applications list)", "내 평가 (신청서 목록)"),
        KeyBinding([.char("P")], .report, "P", "grade report (preview, write)", "등급 보고서 (미리보기, 저장)"),
        KeyBinding([.char("r"), .function(5)], .reload, "r / F5", "reload", "새로고침"),
    ] + Moves.bindings(.move) + [
        KeyBinding([.char("q"), .escape], .back, "q / Esc", "back; quit from the top", "뒤로; 첫 화면에서 종료"),
    ])
    static let footer = Footer<Action>(
        hints: [Hint("Enter", .open, "consensus", "합의 화면"), Hint("o", .sort, "sort", "정렬"), Hint("w", .ownScoring, "score", "내 평가"),
                Hint("P", .report, "report", "보고서"), Hint("r", .reload, "reload", "새로 읽기")],
        global: [Hint("?", .help, "keys", "도움말"), Hint("L", .language, "한", nil)],
        last: [Hint("q", .back, "quit", "종료")])
}

extension ConsensusKeys {
    enum Action: Sendable, Equatable {
        case move, phase, panel, membersRight, membersLeft, nextFlag, questions, read, finalize, reopen, reload, back
    }
    static let keymap = Keymap<Action>(bindings: [
        KeyBinding([.tab, .backTab, .char("p")], .phase, "Tab / Shift-Tab / p", "written ↔ site matrix", "서면 ↔ 현장 점수표"),
        KeyBinding([.char("f")], .nextFlag, "f", "next flagged indicator", "다음 편차 경고 지표"),
        KeyBinding([.char("h")], .panel, "h", "how solid is the grade ↔ indicator detail", "등급 안정성 ↔ 지표 상세"),
        KeyBinding([.char("]")], .membersRight, "]", "scroll the member columns right (narrow terminal)", "위원 열 오른쪽으로 (좁은 화면)"),
        KeyBinding([.char("[")], .membersLeft, "[", "scroll the member columns left", "위원 열 왼쪽으로"),
        KeyBinding([.char("c")], .questions, "c", "all clarification questions", "질의 목록"),
        KeyBinding([.char("v"), .enter], .read, "v / Enter", "the indicator in full", "지표 전체 보기"),
        KeyBinding([.char("F")], .finalize, "F", "finalize (when complete): note, full picture, typed id if the range crosses the line",
                   "최종 확정 (완료 시): 메모, 전체 현황, 범위가 인증선을 넘나들면 ID 입력"),
        KeyBinding([.char("O")], .reopen, "O", "reopen a final application (asks why)", "확정 취소 (사유 입력)"),
        KeyBinding([.char("r"), .function(5)], .reload, "r / F5", "reload", "새로고침"),
    ] + Moves.bindings(.move) + [
        KeyBinding([.char("q"), .escape, .left], .back, "q / Esc / ←", "back to the overview", "전체 현황으로"),
    ])
    static func footer(final: Bool) -> Footer<Action> {
        let decision = final ? Hint("O", Action.reopen, "reopen", "확정 취소") : Hint("F", Action.finalize, "finalize", "확정")
        return Footer(hints: [Hint("Tab", .phase, "phase", "단계"), Hint("f", .nextFlag, "next flag", "다음 경고"), Hint("h", .panel, "how solid", "등급 안정성"),
                              Hint("v", .read, "view", "전체"), Hint("c", .questions, "questions", "질의"), decision],
                      global: [Hint("?", .help, "keys", "도움말")], last: [Hint("q", .back, "back", "뒤로")], separator: " ")
    }
}

extension ReportKeys {
    enum Action: Sendable, Equatable {
        case move, choose, all, format, preview, write, membersAnnex, notesAnnex, byteOrderMark, seal, back
    }
    static let keymap = Keymap<Action>(bindings: [
        KeyBinding([.char(" "), .char("x")], .choose, "Space / x", "choose an application", "신청서 선택"),
        KeyBinding([.char("a")], .all, "a", "all / none", "전체 / 해제"),
        KeyBinding([.char("f")], .format, "f", "format: text, markdown, html, csv, pdf, xlsx", "형식: text, markdown, html, csv, pdf, xlsx"),
        KeyBinding([.enter, .char("v")], .preview, "Enter / v", "preview in the terminal (pdf: its pages)", "화면 미리보기 (pdf: 쪽별)"),
        KeyBinding([.char("w")], .write, "w", "write the report to a file (asks before writing over one)", "파일로 저장 (기존 파일은 묻고 덮어씀)"),
        KeyBinding([.char("b")], .byteOrderMark, "b", "CSV with / without the BOM for Excel", "CSV의 BOM 포함 / 제외 (Excel용)"),
        KeyBinding([.char("m")], .membersAnnex, "m", "member annex: none, named, anonymous", "위원별 부록: 없음, 실명, 익명"),
        KeyBinding([.char("n")], .notesAnnex, "n", "notes and questions annex", "의견·질의 부록"),
        KeyBinding([.char("S")], .seal, "S", "seal the round: the hash of every authored file into the log", "회차 봉인: 모든 작성 파일의 해시를 감사 로그에 기록"),
    ] + Moves.bindings(.move, space: false) + [
        KeyBinding([.char("q"), .escape], .back, "q / Esc", "back; quit from the top", "뒤로; 첫 화면에서 종료"),
    ])
    static func footer(_ format: ReportState.Format) -> Footer<Action> {
        // The format's own keys: b for the CSV's BOM, m n for the annexes of pdf, html and xlsx.
        let extra: [Hint<Action>] = format == .csv ? [Hint("b", .byteOrderMark, "BOM", "BOM")]
            : [.pdf, .html, .xlsx].contains(format) ? [Hint("m n", .membersAnnex, "annexes", "부록")] : []
        return Footer(hints: [Hint("Space", .choose, "pick", "선택"), Hint("a", .all, "all", "전체"), Hint("f", .format, "format", "형식"),
                              Hint("Enter", .preview, "view", "미리보기"), Hint("w", .write, "write", "저장")] + extra,
                      global: [Hint("?", .help, "keys", "도움말")], last: [Hint("q", .back, "back", "뒤로")])
    }

    enum PreviewAction: Sendable, Equatable { case up, down, screenUp, screenDown, top, bottom, right, left, write, back }
    /// The keys of the preview.
    static let previewKeymap = Keymap<PreviewAction>(bindings: [
        KeyBinding([.up, .char("k")], .up, "↑ / k", "scroll up", "위로"),
        KeyBinding([.down, .char("j")], .down, "↓ / j", "scroll down", "아래로"),
        KeyBinding([.pageUp], .screenUp, "PgUp", "a screen up", "한 화면 위"),
        KeyBinding([.pageDown, .char(" ")], .screenDown, "PgDn / Space", "a screen down", "한 화면 아래"),
        KeyBinding([.home, .char("g")], .top, "Home / g", "top", "처음"),
        KeyBinding([.end, .char("G")], .bottom, "End / G", "bottom", "끝"),
        KeyBinding([.right, .char("l")], .right, "→ / l", "scroll right", "오른쪽으로"),
        KeyBinding([.left, .char("h")], .left, "← / h", "scroll left", "왼쪽으로"),
        KeyBinding([.char("w")], .write, "w", "write the report to a file", "파일로 저장"),
        KeyBinding([.char("q"), .escape], .back, "q / Esc", "back to the list", "목록으로"),
    ])
    static let previewFooter = Footer<PreviewAction>(
        hints: [Hint("↑↓ ←→ PgUp PgDn", .up, "scroll", "이동"), Hint("w", .write, "write to file", "파일로 저장")],
        global: [], last: [Hint("q", .back, "back", "뒤로")])
}
