import CityCertCore

extension ScoringKeys {
    enum Action: Sendable, Equatable {
        case move, accept, edit, level, evidence, note, question, clear, nextMissing, find, phase, submit, reopen, read, back
    }
    static let keymap = Keymap<Action>(bindings: [
        KeyBinding([.char("a")], .accept, "a", "accept the submitted value", "제출값 인정"),
        KeyBinding([.char("e")], .edit, "e", "enter a corrected value", "값 수정 입력"),
        KeyBinding([], .level, "1 … 5", "choose a maturity level", "성숙도 수준 선택", digits: true),
        KeyBinding([.char("o")], .evidence, "o", "evidence (PgUp PgDn pages, / n find, a e 1-5 score)", "증빙 보기 (PgUp PgDn 쪽, / n 찾기, a e 1-5 평가)"),
        KeyBinding([.char("n")], .note, "n", "note on the indicator", "지표 메모"),
        KeyBinding([.char("c")], .question, "c", "ask the applicant for clarification", "신청기관에 질의"),
        KeyBinding([.char("x"), .delete, .backspace], .clear, "x / Del / Backspace", "clear your entry", "입력 지우기"),
        KeyBinding([.char("m")], .nextMissing, "m", "next indicator without an entry", "다음 미입력 지표"),
        KeyBinding([.char("/")], .find, "/", "find an indicator by id or name", "지표 찾기 (번호, 이름)"),
        KeyBinding([.tab, .backTab, .char("p")], .phase, "Tab / Shift-Tab / p", "written ↔ site phase", "서면평가 ↔ 현장실사"),
        KeyBinding([.char("S")], .submit, "S", "submit the sheet", "평가표 제출"),
        KeyBinding([.char("R")], .reopen, "R", "reopen a submitted sheet", "제출한 평가표 다시 열기"),
        KeyBinding([.char("v"), .enter], .read, "v / Enter", "the indicator in full", "지표 전체 보기"),
    ] + Moves.bindings(.move) + [
        KeyBinding([.char("q"), .escape, .left, .char("h")], .back, "q / Esc / ← / h", "back to the list", "목록으로"),
    ])
    /// Said in the help's title: what every key of this screen does not say.
    static let helpTitle = (en: "Keys · every change is saved at once", ko: "키 안내 · 모든 변경은 즉시 저장됩니다")

    static func footer(quantitative: Bool) -> Footer<Action> {
        let score: [Hint<Action>] = quantitative
            ? [Hint("a", .accept, "accept", "인정"), Hint("e", .edit, "edit", "수정")]
            : [Hint("1-5", .level, "level", "수준")]
        let sheet: [Hint<Action>] = [Hint("o", .evidence, "evidence", "증빙"), Hint("n", .note, "note", "메모"), Hint("c", .question, "ask", "질의")]
            + (quantitative ? [] : [Hint("x", .clear, "del", "지움")])
            + [Hint("v", .read, "all", "전체"), Hint("Tab", .phase, "phase", "단계"), Hint("S", .submit, "submit", "제출")]
        return Footer(hints: score + sheet, global: [Hint("?", .help, "keys", "도움말")], last: [Hint("q", .back, "back", "뒤로")], separator: " ")
    }
}

extension EvidenceKeys {
    enum Action: Sendable, Equatable {
        case up, down, top, bottom, screenDown, screenUp, pageDown, pageUp, open, find, findNext, back, score
    }
    /// Keys that score the viewer's indicator (the scoring screen's own).
    static let scoring: [KeyBinding<Action>] = [
        KeyBinding([.char("a"), .char("e")], .score, "a e", "accept, edit the value", "값 인정, 수정"),
        KeyBinding([], .score, "1 … 5", "choose a level", "수준 선택", digits: true),
        KeyBinding([.char("x"), .delete, .backspace], .score, "x / Del / Backspace", "clear your entry", "입력 지우기"),
    ]
    /// The list of an indicator's evidence files.
    static let listKeymap = Keymap<Action>(bindings: [
        KeyBinding([.up, .char("k")], .up, "↑ / k", "previous file", "이전 파일"),
        KeyBinding([.down, .char("j")], .down, "↓ / j", "next file", "다음 파일"),
        KeyBinding([.home, .char("g")], .top, "Home / g", "first file", "첫 파일"),
        KeyBinding([.end, .char("G")], .bottom, "End / G", "last file", "마지막 파일"),
        KeyBinding([.enter, .char("o"), .right, .char("l")], .open, "Enter / o / → / l", "open the file", "파일 열기"),
    ] + scoring + [
        KeyBinding([.char("q"), .escape, .left, .char("h")], .back, "q / Esc / ← / h", "close the viewer", "증빙 닫기"),
    ])
    /// One evidence file.
    static let documentKeymap = Keymap<Action>(bindings: [
        KeyBinding([.up, .char("k")], .up, "↑ / k", "scroll up", "위로"),
        KeyBinding([.down, .char("j")], .down, "↓ / j", "scroll down", "아래로"),
        KeyBinding([.home, .char("g")], .top, "Home / g", "top", "처음"),
        KeyBinding([.end, .char("G")], .bottom, "End / G", "bottom", "끝"),
        KeyBinding([.char(" "), .ctrl("f")], .screenDown, "Space / Ctrl-F", "a screen down", "한 화면 아래"),
        KeyBinding([.ctrl("b")], .screenUp, "Ctrl-B", "a screen up", "한 화면 위"),
        KeyBinding([.pageDown], .pageDown, "PgDn", "next page of a PDF (a screen down otherwise)", "PDF 다음 쪽 (그 밖에는 한 화면 아래)"),
        KeyBinding([.pageUp], .pageUp, "PgUp", "previous page of a PDF (a screen up otherwise)", "PDF 이전 쪽 (그 밖에는 한 화면 위)"),
        KeyBinding([.char("/")], .find, "/", "find in the text", "본문에서 찾기"),
        KeyBinding([.char("n")], .findNext, "n", "next match", "다음 찾기"),
    ] + scoring + [
        KeyBinding([.char("q"), .escape, .left, .char("h")], .back, "q / Esc / ← / h", "back (to the list, or close)", "뒤로 (목록으로, 또는 닫기)"),
    ])

    /// The key hints in the footer while the viewer is open (the list's or a file's).
    static func footer(_ v: EvidenceViewerState, quantitative: Bool) -> Footer<Action> {
        let score: [Hint<Action>] = quantitative ? [Hint("a", .score, "accept", "인정"), Hint("e", .score, "edit", "수정")] : [Hint("1-5", .score, "level", "수준")]
        if v.document == nil {
            return Footer(hints: [Hint("↑↓", .up, "choose", "선택"), Hint("Enter", .open, "open", "열기")] + score, global: [],
                          last: [Hint("q", .back, "close", "닫기")], separator: " ")
        }
        let find: [Hint<Action>] = [Hint("/", .find, "find", "찾기"), Hint("n", .findNext, "next", "다음")]
        let move: [Hint<Action>] = v.document?.kind == .pdf
            ? [Hint("PgUp PgDn", .pageDown, "page", "쪽"), Hint("↑↓", .up, "scroll", "이동")]
            : [Hint("↑↓ PgUp PgDn", .up, "scroll", "이동")]
        return Footer(hints: move + find + score, global: [], last: [Hint("q", .back, "back", "뒤로")], separator: " ")
    }
}
