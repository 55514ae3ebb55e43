import CityCertCore

/// Help, prompts, confirmations and notices, drawn in a box over the screen.
enum OverlayScreen {
    static func draw(_ b: inout Buffer, _ overlay: Overlay, _ state: AppState, _ theme: Theme) {
        let lang = state.language
        switch overlay {
        case .help:
            // No blank line before the last: the scoring screen's keys fill a 24-row terminal.
            box(&b, title: HelpText.title(for: state.screen, lang),
                lines: HelpText.lines(for: state.screen, lang) + [TUILabels(lang).anyKeyCloses], theme: theme)
        case .notice(let title, let lines):
            box(&b, title: title, lines: lines + ["", TUILabels(lang).anyKeyCloses], theme: theme)
        case .reader(let title, let lines, let scroll):
            reader(&b, title: title, lines: lines, scroll: scroll, state: state, theme: theme)
        case .confirm(let c):
            box(&b, title: c.title, lines: c.lines + ["", TUILabels(lang).yEnterYesN], theme: theme)
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
        b.put(TUILabels(lang).pgupPgdnScrollOther + position,
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
        case .find: keys = TUILabels(lang).enterFindAgainNext
        case .reportPath: keys = TUILabels(lang).enterWriteEscCancel
        case .note, .clarification: keys = TUILabels(lang).enterSaveAltEnter
        case .value, .finalizeNote, .finalizeTyped, .reopenReason: keys = TUILabels(lang).enterSaveEscCancel
        }
        let hint = p.hint.map { keys + "   " + $0 } ?? keys
        b.put(hint, x: rect.x + 2, y: rect.maxY - 2, style: theme.dim, maxWidth: width - 4)
    }
}

/// The keys of each screen, for the help overlay: the screen's table (``Keymap``), then the keys
/// every screen shares.
enum HelpText {
    static func lines(for screen: Screen, _ lang: Language) -> [String] {
        let own: [String]
        switch screen {
        case .chooseMember: own = MemberListKeys.keymap.helpLines(lang)
        case .applications: own = ApplicationListKeys.keymap.helpLines(lang)
        case .scoring(let s):
            if let v = s.viewer {
                own = (v.document == nil ? EvidenceKeys.listKeymap : EvidenceKeys.documentKeymap).helpLines(lang)
            } else {
                own = ScoringKeys.keymap.helpLines(lang)
            }
        case .overview: own = OverviewKeys.keymap.helpLines(lang)
        case .consensus: own = ConsensusKeys.keymap.helpLines(lang)
        case .report(let r): own = r.showingPreview ? ReportKeys.previewKeymap.helpLines(lang) : ReportKeys.keymap.helpLines(lang)
        }
        return own + Keymap.global.helpLines(lang)
    }

    /// The help's title (the scoring screen's says that every change is saved at once).
    static func title(for screen: Screen, _ lang: Language) -> String {
        if case .scoring(let s) = screen, s.viewer == nil { return lang.pick(ScoringKeys.helpTitle.en, ScoringKeys.helpTitle.ko) }
        return TUILabels(lang).keys
    }
}
