import CityCertCore

/// The keys every screen shares, handled by `Update` before the screen's own.
enum GlobalAction: Sendable, Equatable { case help, language, quit }

/// The keys that move a list's cursor (``ListCursor``), for each screen's table.
enum Moves {
    static func bindings<A>(_ action: A, space: Bool = true) -> [KeyBinding<A>] {
        [KeyBinding([.up, .down, .char("j"), .char("k")], action, "↑ ↓ / j k", "move", "이동"),
         KeyBinding([.pageUp, .pageDown, .ctrl("b"), .ctrl("f"), .home, .end, .char("g"), .char("G")] + (space ? [.char(" ")] : []), action,
                    space ? "PgUp PgDn Space Ctrl-B Ctrl-F Home End g G" : "PgUp PgDn Ctrl-B Ctrl-F Home End g G",
                    "page, top, bottom", "페이지, 처음, 끝")]
    }
}

extension Keymap where Action == GlobalAction {
    static let global = Keymap(bindings: [
        KeyBinding([.char("L")], .language, "L", "한국어 / English", "English / 한국어"),
        KeyBinding([.char("?"), .function(1)], .help, "? / F1", "this help", "도움말"),
        KeyBinding([.ctrl("c")], .quit, "Ctrl-C", "quit at once", "즉시 종료"),
    ])
}

extension MemberListKeys {
    enum Action: Sendable, Equatable { case move, choose, quit }
    static let keymap = Keymap<Action>(bindings: [
        KeyBinding([.enter], .choose, "Enter", "act as this member", "이 위원으로 시작"),
    ] + Moves.bindings(.move) + [
        KeyBinding([.char("q"), .escape], .quit, "q / Esc", "quit", "종료"),
    ])
    static let footer = Footer<Action>(
        hints: [Hint("↑↓", .move, "move", "이동"), Hint("Enter", .choose, "choose", "선택")],
        global: [Hint("?", .help, "help", "도움말"), Hint("L", .language, "한국어", "English")],
        last: [Hint("q", .quit, "quit", "종료")])
}

extension ApplicationListKeys {
    enum Action: Sendable, Equatable { case move, open, typeFilter, statusFilter, sort, reload, overview, back }
    static let keymap = Keymap<Action>(bindings: [
        KeyBinding([.enter, .right, .char("l")], .open, "Enter / → / l", "open the application", "신청서 열기"),
        KeyBinding([.char("t")], .typeFilter, "t", "filter by type (all, large, small)", "유형 필터 (전체, 대도시, 중소도시)"),
        KeyBinding([.char("s")], .statusFilter, "s", "filter by your progress", "진행 상태 필터"),
        KeyBinding([.char("o")], .sort, "o", "sort (id, name, population, progress)", "정렬 (ID, 이름, 인구, 진행)"),
        KeyBinding([.char("r"), .function(5)], .reload, "r / F5", "reload", "새로고침"),
        KeyBinding([.char("v")], .overview, "v", "the overview (the chair)", "전체 현황 (위원장)"),
    ] + Moves.bindings(.move) + [
        KeyBinding([.char("q"), .escape], .back, "q / Esc", "back; quit from the top", "뒤로; 첫 화면에서 종료"),
    ])
    /// The list's footer: `q` says where it goes — back (to the chair's overview, or to the
    /// committee list the member was chosen on) or out of the program.
    static func footer(goesBack: Bool) -> Footer<Action> {
        Footer<Action>(
            hints: [Hint("↑↓", .move, "move", "이동"), Hint("Enter", .open, "open", "열기"), Hint("t", .typeFilter, "type", "유형"),
                    Hint("s", .statusFilter, "status", "상태"), Hint("o", .sort, "sort", "정렬"), Hint("r", .reload, "reload", "새로고침")],
            global: [Hint("?", .help, "keys", "도움말"), Hint("L", .language, "한", nil)],
            last: [goesBack ? Hint("q", .back, "back", "뒤로") : Hint("q", .back, "quit", "종료")])
    }
}
