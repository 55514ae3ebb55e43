import CityCertCore

/// Scoring one application: the indicator tree on the left, the indicator on the right.
enum ScoringScreen {
    static func draw(_ b: inout Buffer, _ s: ScoringState, _ state: AppState, _ theme: Theme) {
        let lang = state.language
        let app = s.application
        let typeName = ApplicationListScreen.typeName(app.cityType, lang)
        let sheetState: String
        if s.open.isFinal { sheetState = TUILabels(lang).finalMark }
        else if s.isSubmitted { sheetState = TUILabels(lang).submitted }
        else { sheetState = TUILabels(lang).draft }
        Chrome.header(&b, left: "\(app.government.text(lang)) \(app.government.text(lang.other)) · \(typeName) · \(TextLayout.grouped(app.population))",
                      right: "\(state.session?.member.name ?? "")", theme: theme)

        // Phase tabs and the running tally.
        var x = 1
        for phase in Phase.allCases {
            let name = ScoringKeys.phaseName(phase, lang)
            let label = phase == s.phase ? "[\(name)]" : " \(name) "
            let style: Style = phase == s.phase ? theme.selected : (phase == .site && !s.open.onSiteTeam ? theme.dim : Style())
            x += b.put(label, x: x, y: 1, style: style) + 1
        }
        let tally = s.tally
        let summary = TUILabels(lang).open("\(sheetState)", "\(tally.total)", "\(s.maxPoints)", "\(tally.open)", "\(tally.done)", "\(s.indicators.count)")
        b.put(summary, x: x, y: 1, style: s.isSubmitted ? theme.good : Style(), maxWidth: b.width - x - 1)

        let top = 2
        let bottom = b.height - 3           // the separator row above the status line
        let leftWidth = max(24, min(44, b.width * 2 / 5))
        b.hline(x: 0, y: top, width: b.width, style: theme.border)
        for y in (top + 1)..<bottom { b.put("│", x: leftWidth, y: y, style: theme.border) }
        TreePane.draw(&b, s, Rect(x: 0, y: top + 1, width: leftWidth, height: bottom - top - 1), lang, theme)
        let promptValue: String? = {
            if case .prompt(let p)? = state.overlay, case .value(let id) = p.purpose, id == s.current?.id { return p.text }
            return nil
        }()
        DetailPane.draw(&b, s, Rect(x: leftWidth + 2, y: top + 1, width: b.width - leftWidth - 3, height: bottom - top - 1),
                        lang, theme, typing: promptValue)

        if let v = s.viewer { EvidenceScreen.draw(&b, v, s, state, theme) }

        let status = state.status ?? s.savedAt.map { StatusLine(.saved(at: $0), .success) }
        let hints: String
        if let v = s.viewer {
            hints = EvidenceKeys.footer(v, quantitative: s.current?.isQuantitative == true).text(lang)
        } else {
            hints = ScoringKeys.footer(quantitative: s.current?.isQuantitative == true).text(lang)
        }
        Chrome.footer(&b, lang, status: status, hints: hints, theme: theme)
    }
}

/// The fields → items → indicators tree with a mark per indicator.
enum TreePane {
    static func draw(_ b: inout Buffer, _ s: ScoringState, _ area: Rect, _ lang: Language, _ theme: Theme) {
        guard area.height > 0 else { return }
        let cursorRow = s.rows.firstIndex(of: .indicator(s.cursor)) ?? 0
        let first = max(0, min(cursorRow - area.height / 2, s.rows.count - area.height))
        for (line, i) in (first..<min(s.rows.count, first + area.height)).enumerated() {
            let y = area.y + line
            switch s.rows[i] {
            case .field(_, let name):
                b.put(DisplayWidth.truncate(name.text(lang), to: area.width - 2), x: area.x + 1, y: y, style: theme.title, maxWidth: area.width - 1)
            case .item(_, let name):
                b.put(DisplayWidth.truncate(" " + name.text(lang), to: area.width - 2), x: area.x + 1, y: y, style: theme.dim, maxWidth: area.width - 1)
            case .indicator(let n):
                let ind = s.indicators[n]
                let entry = s.entry(ind.id)
                let mark = entry?.isScored == true ? "✓" : "·"
                var style = Style()
                if n == s.cursor {
                    style = theme.selected
                    b.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
                }
                let markStyle = n == s.cursor ? style : (entry?.isScored == true ? theme.good : theme.dim)
                b.put(mark, x: area.x + 1, y: y, style: markStyle)
                b.put(entry?.note != nil ? "✎" : " ", x: area.x + 2, y: y, style: n == s.cursor ? style : theme.warn)
                b.put(entry?.clarification != nil ? "?" : " ", x: area.x + 3, y: y, style: n == s.cursor ? style : theme.warn)
                b.put(DisplayWidth.truncate("\(ind.id) \(ind.name.text(lang))", to: area.width - 6), x: area.x + 5, y: y, style: style, maxWidth: area.width - 6)
            }
        }
    }
}
