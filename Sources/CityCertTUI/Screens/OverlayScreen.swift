import CityCertCore

/// Help, prompts, confirmations and notices, drawn in a box over the screen.
enum OverlayScreen {
    static func draw(_ b: inout Buffer, _ overlay: Overlay, _ state: AppState, _ theme: Theme) {
        let lang = state.language
        switch overlay {
        case .help:
            box(&b, title: lang.pick("Keys", "키 안내"), lines: HelpText.lines(for: state.screen, lang) + ["", lang.pick("Any key closes.", "아무 키나 누르면 닫힙니다.")], theme: theme)
        case .notice(let title, let lines):
            box(&b, title: title, lines: lines + ["", lang.pick("Any key closes.", "아무 키나 누르면 닫힙니다.")], theme: theme)
        case .reader(let title, let lines, let scroll):
            reader(&b, title: title, lines: lines, scroll: scroll, state: state, theme: theme)
        case .confirm(let c):
            box(&b, title: c.title, lines: c.lines + ["", lang.pick("y / Enter: yes    n / Esc: no", "y / Enter: 예    n / Esc: 아니오")], theme: theme)
        case .prompt(let p):
            prompt(&b, p, lang, theme)
        }
    }

    /// A centred box sized to its lines, wrapped at the screen's width (clipped to its height).
    static func box(_ b: inout Buffer, title: String, lines: [String], theme: Theme) {
        let maxInner = max(10, b.width - 8)
        let lines = lines.flatMap { DisplayWidth.of($0) > maxInner ? TextLayout.wrap($0, width: maxInner) : [$0] }
        let inner = min(maxInner, max(DisplayWidth.of(title) + 4, lines.map(DisplayWidth.of).max() ?? 0))
        let height = min(b.height - 2, lines.count + 2)
        let rect = Rect(x: (b.width - inner - 4) / 2, y: max(1, (b.height - height) / 2), width: inner + 4, height: height)
        b.fill(rect, style: theme.overlay)
        b.box(rect, title: title, style: theme.border)
        let room = height - 2
        let shown = lines.count > room ? Array(lines.prefix(max(0, room - 1))) + ["…"] : lines
        for (i, line) in shown.enumerated() {
            b.put(DisplayWidth.truncate(line, to: inner), x: rect.x + 2, y: rect.y + 1 + i, style: Style(), maxWidth: inner)
        }
    }

    /// The reader's box size for a screen: nearly the whole screen, at most 100 columns wide.
    static func readerWidth(_ state: AppState) -> Int { min(state.width - 2, 100) }
    static func readerHeight(_ state: AppState) -> Int { state.height - 2 }
    /// Columns for text inside the reader.
    public static func readerTextWidth(_ state: AppState) -> Int { readerTextWidth(state.width) }
    static func readerTextWidth(_ screenWidth: Int) -> Int { min(screenWidth - 2, 100) - 4 }

    static func reader(_ b: inout Buffer, title: String, lines: [String], scroll: Int, state: AppState, theme: Theme) {
        let rect = Rect(x: (b.width - readerWidth(state)) / 2, y: 1, width: readerWidth(state), height: readerHeight(state))
        b.fill(rect, style: theme.overlay)
        b.box(rect, title: title, style: theme.border)
        let room = rect.height - 3
        for (i, line) in lines.dropFirst(scroll).prefix(room).enumerated() {
            b.put(DisplayWidth.truncate(line, to: rect.width - 4), x: rect.x + 2, y: rect.y + 1 + i, maxWidth: rect.width - 4)
        }
        let lang = state.language
        let position = lines.count > room ? " (\(scroll + 1)–\(min(lines.count, scroll + room))/\(lines.count))" : ""
        b.put(lang.pick("↑↓ PgUp PgDn scroll · other keys close", "↑↓ PgUp PgDn 이동 · 다른 키 닫기") + position,
              x: rect.x + 2, y: rect.maxY - 2, style: theme.dim, maxWidth: rect.width - 4)
    }

    /// The prompt box's width for a screen width.
    static func promptWidth(_ screenWidth: Int) -> Int { min(screenWidth - 4, 70) }
    /// The columns the prompt's text is wrapped at (one column stays free for the cursor).
    public static func promptTextWidth(_ screenWidth: Int) -> Int { max(2, promptWidth(screenWidth) - 5) }
    /// The most lines of text the prompt shows at once (it scrolls to keep the cursor in view).
    static func promptRows(_ screenHeight: Int) -> Int { max(1, min(12, screenHeight - 10)) }

    /// The prompt: its text wrapped at the box's width (line breaks kept), scrolled to the cursor.
    /// Only the lines in view are drawn; laying out the text is one pass over it.
    static func prompt(_ b: inout Buffer, _ p: Prompt, _ lang: Language, _ theme: Theme) {
        let width = promptWidth(b.width)
        let textWidth = promptTextWidth(b.width)
        let lines = p.field.layout(width: textWidth)
        let (cursorLine, _) = p.field.position(in: lines)
        let rows = p.purpose.isMultiline ? min(promptRows(b.height), max(lines.count, 3)) : min(promptRows(b.height), lines.count)
        let height = rows + 4
        let rect = Rect(x: (b.width - width) / 2, y: max(1, b.height - 3 - height), width: width, height: height)
        b.fill(rect, style: theme.overlay)
        b.box(rect, title: p.title, style: theme.border)
        let top = max(0, cursorLine - rows + 1)
        let chars = p.field.characters
        for (row, line) in lines[top..<min(lines.count, top + rows)].enumerated() {
            var x = rect.x + 2
            let y = rect.y + 2 + row
            for i in line {
                let w = DisplayWidth.of(chars[i])
                b.put(String(chars[i]), x: x, y: y, style: i == p.cursor ? theme.selected : Style())
                x += w
            }
            if top + row == cursorLine, p.cursor >= line.upperBound { b.put(" ", x: x, y: y, style: theme.selected) }
        }
        if lines.count > rows {
            b.put(" \(cursorLine + 1)/\(lines.count) ", x: rect.maxX - 10, y: rect.maxY - 1, style: theme.border, maxWidth: 9)
        }
        let keys: String
        switch p.purpose {
        case .find: keys = lang.pick("Enter: find (again: next)   Esc: cancel", "Enter: 찾기 (다시: 다음)   Esc: 취소")
        case .reportPath: keys = lang.pick("Enter: write   Esc: cancel", "Enter: 저장   Esc: 취소")
        case .note, .clarification: keys = lang.pick("Enter: save   Alt-Enter/Ctrl-J: new line   Esc: cancel", "Enter: 저장   Alt-Enter/Ctrl-J: 줄바꿈   Esc: 취소")
        case .value, .finalizeNote, .finalizeTyped, .reopenReason: keys = lang.pick("Enter: save   Esc: cancel", "Enter: 저장   Esc: 취소")
        }
        let hint = p.hint.map { keys + "   " + $0 } ?? keys
        b.put(hint, x: rect.x + 2, y: rect.maxY - 2, style: theme.dim, maxWidth: width - 4)
    }
}

/// The keys of each screen, for the help overlay.
enum HelpText {
    static func lines(for screen: Screen, _ lang: Language) -> [String] {
        let common = [
            lang.pick("↑ ↓ / j k      move", "↑ ↓ / j k      이동"),
            lang.pick("PgUp PgDn g G  page, top, bottom", "PgUp PgDn g G  페이지, 처음, 끝"),
            lang.pick("L              한국어 / English", "L              English / 한국어"),
            lang.pick("?              this help", "?              도움말"),
            lang.pick("q / Esc        back; quit from the top", "q / Esc        뒤로; 첫 화면에서 종료"),
        ]
        switch screen {
        case .chooseMember:
            return [lang.pick("Enter          act as this member", "Enter          이 위원으로 시작")] + common
        case .applications:
            return [
                lang.pick("Enter          open the application", "Enter          신청서 열기"),
                lang.pick("t              filter by type (all, large, small)", "t              유형 필터 (전체, 대도시, 중소도시)"),
                lang.pick("s              filter by your progress", "s              진행 상태 필터"),
                lang.pick("o              sort (id, name, population, progress)", "o              정렬 (ID, 이름, 인구, 진행)"),
                lang.pick("r              reload", "r              새로고침"),
            ] + common
        case .scoring:
            return [
                lang.pick("a              accept the submitted value", "a              제출값 인정"),
                lang.pick("e              enter a corrected value", "e              값 수정 입력"),
                lang.pick("1 … 5          choose a maturity level", "1 … 5          성숙도 수준 선택"),
                lang.pick("o              evidence (PgUp PgDn pages, / n find, a e 1-5 score)", "o              증빙 보기 (PgUp PgDn 쪽, / n 찾기, a e 1-5 평가)"),
                lang.pick("n              note on the indicator", "n              지표 메모"),
                lang.pick("c              ask the applicant for clarification", "c              신청기관에 질의"),
                lang.pick("x / Del        clear your entry", "x / Del        입력 지우기"),
                lang.pick("m              next indicator without an entry", "m              다음 미입력 지표"),
                lang.pick("/              find an indicator by id or name", "/              지표 찾기 (번호, 이름)"),
                lang.pick("Tab / p        written ↔ site phase", "Tab / p        서면평가 ↔ 현장실사"),
                lang.pick("S              submit the sheet", "S              평가표 제출"),
                lang.pick("R              reopen a submitted sheet", "R              제출한 평가표 다시 열기"),
                lang.pick("Every change is saved at once.", "모든 변경은 즉시 저장됩니다."),
            ] + common
        case .overview:
            return [
                lang.pick("Enter          consensus screen of the application", "Enter          신청서 합의 화면"),
                lang.pick("o              sort: range closest to the certification line / id", "o              정렬: 인증선에 가까운 범위 / ID"),
                lang.pick("Enter          consensus screen (invalid row: why)", "Enter          합의 화면 (오류 행: 사유)"),
                lang.pick("w              your own scoring (applications list)", "w              내 평가 (신청서 목록)"),
                lang.pick("P              grade report (preview, write)", "P              등급 보고서 (미리보기, 저장)"),
                lang.pick("r              reload", "r              새로고침"),
            ] + common
        case .consensus:
            return [
                lang.pick("Tab / p        written ↔ site matrix", "Tab / p        서면 ↔ 현장 점수표"),
                lang.pick("f              next flagged indicator", "f              다음 편차 경고 지표"),
                lang.pick("h              how solid is the grade ↔ indicator detail", "h              등급 안정성 ↔ 지표 상세"),
                lang.pick("[ ]            scroll the member columns (narrow terminal)", "[ ]            위원 열 이동 (좁은 화면)"),
                lang.pick("c              all clarification questions", "c              질의 목록"),
                lang.pick("F              finalize (when complete): note, full picture, typed id if the range crosses the line",
                          "F              최종 확정 (완료 시): 메모, 전체 현황, 범위가 인증선을 넘나들면 ID 입력"),
                lang.pick("O              reopen a final application (asks why)", "O              확정 취소 (사유 입력)"),
                lang.pick("r              reload", "r              새로고침"),
            ] + common
        case .report:
            return [
                lang.pick("Space / x      choose an application", "Space / x      신청서 선택"),
                lang.pick("a              all / none", "a              전체 / 해제"),
                lang.pick("f              format: text, markdown, html, csv, pdf, xlsx", "f              형식: text, markdown, html, csv, pdf, xlsx"),
                lang.pick("Enter          preview in the terminal (pdf: its pages)", "Enter          화면 미리보기 (pdf: 쪽별)"),
                lang.pick("w              write the report to a file (asks before writing over one)", "w              파일로 저장 (기존 파일은 묻고 덮어씀)"),
                lang.pick("b              CSV with / without the BOM for Excel", "b              CSV의 BOM 포함 / 제외 (Excel용)"),
                lang.pick("m              member annex: none, named, anonymous", "m              위원별 부록: 없음, 실명, 익명"),
                lang.pick("n              notes and questions annex", "n              의견·질의 부록"),
                lang.pick("S              seal the round: the hash of every authored file into the log", "S              회차 봉인: 모든 작성 파일의 해시를 감사 로그에 기록"),
            ] + common
        }
    }
}
