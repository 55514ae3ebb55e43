import CityCertCore

/// The chair's overview: every application with status, progress, total, grade and the grades its
/// range can still reach, how far it is from the certification line (closest range first within
/// each city type), who is missing, whose sheet is damaged; invalid applications last, with why.
enum OverviewScreen {
    /// One line of the list: a type heading, an application, or an invalid application.
    private enum Line { case heading(String), row(Int), invalid(Int) }

    static func draw(_ b: inout Buffer, _ s: OverviewState, _ state: AppState, _ theme: Theme) {
        let lang = state.language
        Chrome.header(&b, left: "citycert · " + TUILabels(lang).chairSOverview + " · " + (state.session?.roundTitle.text(lang) ?? ""),
                      right: state.session?.member.name ?? "", theme: theme)
        b.put(TUILabels(lang).overviewOrder(byBoundary: s.byBoundary), x: 1, y: 1, style: theme.dim, maxWidth: b.width - 2)
        let layout = Layout(width: b.width, lang: lang)
        var y = 3
        TextLayout.row(&b, x: 2, y: y, layout.header(), style: theme.title, maxX: b.width - 1)
        y += 1

        let rows = s.ordered
        var lines: [Line] = []
        var lastType: CityType?
        for i in 0..<rows.count {
            if rows[i].cityType != lastType {
                lines.append(.heading(ApplicationListScreen.typeName(rows[i].cityType, lang)))
                lastType = rows[i].cityType
            }
            lines.append(.row(i))
        }
        if !s.invalidRows.isEmpty {
            lines.append(.heading(TUILabels(lang).invalidApplicationsEnterWhy))
            lines += s.invalidRows.indices.map(Line.invalid)
        }
        let limit = b.height - 2
        let visible = max(1, limit - y)
        let cursorLine = lines.firstIndex { line in
            switch line {
            case .row(let i): return i == s.cursor
            case .invalid(let i): return rows.count + i == s.cursor
            case .heading: return false
            }
        } ?? 0
        let first = max(0, min(cursorLine - visible / 2, lines.count - visible))
        for line in lines[first..<min(lines.count, first + visible)] {
            switch line {
            case .heading(let text):
                b.put(text, x: 1, y: y, style: theme.title, maxWidth: b.width - 2)
            case .row(let i):
                let style = i == s.cursor ? theme.selected : Style()
                if i == s.cursor { b.fill(Rect(x: 1, y: y, width: b.width - 2, height: 1), style: style) }
                TextLayout.row(&b, x: 2, y: y, layout.columns(rows[i], theme, selected: i == s.cursor), style: style, maxX: b.width - 1)
            case .invalid(let i):
                let r = s.invalidRows[i]
                let selected = rows.count + i == s.cursor
                if selected { b.fill(Rect(x: 1, y: y, width: b.width - 2, height: 1), style: theme.selected) }
                let reason = r.reasons.first.map { "  " + $0 } ?? ""
                b.put(DisplayWidth.truncate(r.id + reason, to: b.width - 3), x: 2, y: y, style: selected ? theme.selected : theme.bad, maxWidth: b.width - 3)
            }
            y += 1
        }
        Chrome.footer(&b, lang, status: state.status, hints: OverviewKeys.footer.text(lang), theme: theme)
    }

    /// The overview's columns for a terminal width: names and the missing list take what is left;
    /// below 100 columns the percentage gives way (the grade and certification never do).
    struct Layout {
        let lang: Language
        let nameWidth: Int
        let showPercent: Bool
        let missingWidth: Int

        init(width: Int, lang: Language) {
            self.lang = lang
            showPercent = width >= 100
            let fixed = 6 + 5 + 5 + 8 + (showPercent ? 7 : 0) + 9 + 7 + 9 + 2 + 9   // columns and their separators
            let free = max(0, width - 4 - fixed)
            nameWidth = max(8, min(24, free / 3))
            missingWidth = max(8, free - nameWidth - 1)
        }

        func header() -> [TextLayout.Column] {
            var c: [TextLayout.Column] = [.init(text: TUILabels(lang).city, width: nameWidth), .init(text: TUILabels(lang).status, width: 6),
                                          .init(text: TUILabels(lang).wr, width: 5, alignRight: true),
                                          .init(text: TUILabels(lang).siteShort, width: 5, alignRight: true),
                                          .init(text: TUILabels(lang).total, width: 8, alignRight: true)]
            if showPercent { c.append(.init(text: "%", width: 6, alignRight: true)) }
            c += [.init(text: TUILabels(lang).grade, width: 9), .init(text: TUILabels(lang).cert, width: 7),
                  .init(text: TUILabels(lang).line, width: 9, alignRight: true), .init(text: "⚑", width: 2, alignRight: true),
                  .init(text: TUILabels(lang).missingDamaged, width: missingWidth)]
            return c
        }

        func columns(_ r: OverviewRow, _ theme: Theme, selected: Bool) -> [TextLayout.Column] {
            func st(_ style: Style) -> Style? { selected ? nil : style }
            let moving = r.certificationUnsettled
            let status = Labels.status(r.status, lang) + (r.decisionDisagrees ? "!" : "")
            var c: [TextLayout.Column] = [.init(text: r.government.text(lang), width: nameWidth),
                                          .init(text: status, width: 6, style: r.decisionDisagrees ? st(theme.bad) : nil),
                                          .init(text: "\(r.written.done)/\(r.written.of)", width: 5, alignRight: true),
                                          .init(text: "\(r.site.done)/\(r.site.of)", width: 5, alignRight: true),
                                          .init(text: r.total.description, width: 8, alignRight: true)]
            if showPercent { c.append(.init(text: r.percent.description, width: 6, alignRight: true)) }
            let cert = r.certified ? TUILabels(lang).yes : TUILabels(lang).no
            c += [.init(text: r.gradeText, width: 9, style: moving ? st(theme.warn) : nil),
                  .init(text: cert + (moving ? "?" : ""), width: 7, style: st(moving ? theme.warn : (r.certified ? theme.good : Style()))),
                  .init(text: r.aboveLine.map(OverviewScreen.signed) ?? "", width: 9, alignRight: true),
                  .init(text: r.flagged > 0 ? "\(r.flagged)" : "", width: 2, alignRight: true, style: st(theme.bad)),
                  .init(text: OverviewScreen.missingText(r, lang), width: missingWidth, style: st(r.damaged.isEmpty ? theme.warn : theme.bad))]
            return c
        }
    }

    /// `+14.71` above the line, `−106.18` below it.
    static func signed(_ p: Points) -> String { p >= .zero ? "+\(p)" : "−\(Points.zero - p)" }
}

extension OverviewScreen {
    /// "서면 윤재현 임소영 · 현장 김민수": who is missing, by phase.
    static func missingText(_ r: OverviewRow, _ lang: Language) -> String {
        var parts: [String] = []
        if !r.damaged.isEmpty { parts.append(TUILabels(lang).damaged + r.damaged.map(\.name).joined(separator: " ")) }
        if !r.missing.isEmpty { parts.append(TUILabels(lang).writtenPrefix + r.missing.joined(separator: " ")) }
        if !r.missingSite.isEmpty { parts.append(TUILabels(lang).sitePrefixShort + r.missingSite.joined(separator: " ")) }
        return parts.joined(separator: " · ")
    }
}

/// Labels shared by the chair's and secretary's screens.
enum Labels {
    static func status(_ s: ApplicationStatus, _ lang: Language) -> String {
        switch s {
        case .provisional: return TUILabels(lang).prov
        case .complete: return TUILabels(lang).compl
        case .final: return TUILabels(lang).finalMark
        }
    }

    static func method(_ m: AggregationMethod, _ lang: Language) -> String {
        switch m {
        case .mean: return TUILabels(lang).mean
        case .median: return TUILabels(lang).median
        case .trimmedMean: return TUILabels(lang).trimmedMean
        }
    }
}
