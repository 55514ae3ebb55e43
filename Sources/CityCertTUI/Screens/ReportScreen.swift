import CityCertCore

/// The secretary's report screen: choose applications, preview the grade report, write it to a file.
enum ReportScreen {
    static func draw(_ b: inout Buffer, _ s: ReportState, _ state: AppState, _ theme: Theme) {
        let lang = state.language
        Chrome.header(&b, left: "citycert · " + TUILabels(lang).gradeReport + " · " + (state.session?.roundTitle.text(lang) ?? ""),
                      right: state.session?.member.name ?? "", theme: theme)
        if s.showingPreview {
            let page = b.height - 5
            for (i, line) in s.preview.dropFirst(s.scroll).prefix(page).enumerated() {
                b.put(TextLayout.dropColumns(line, s.column), x: 1, y: 2 + i, maxWidth: b.width - 2)
            }
            let kind = s.previewPages.map { TUILabels(lang).pdfPages("\($0)") } ?? TUILabels(lang).text
            b.put(TUILabels(lang).previewLines("\(kind)", "\(s.scroll + 1)", "\(min(s.preview.count, s.scroll + page))", "\(s.preview.count)"),
                  x: 1, y: 1, style: theme.dim, maxWidth: b.width - 2)
            Chrome.footer(&b, lang, status: state.status, hints: ReportKeys.previewFooter.text(lang), theme: theme)
            return
        }
        let bom = s.format == .csv ? (s.choices.byteOrderMark ? " BOM (b)" : TUILabels(lang).noBomB) : ""
        var annexes: [String] = []
        switch s.choices.members {
        case .none: break
        case .named: annexes.append(TUILabels(lang).members)
        case .anonymous: annexes.append(TUILabels(lang).membersAnonymous)
        }
        if s.choices.notes { annexes.append(TUILabels(lang).notes) }
        let annex = [ReportState.Format.pdf, .html, .xlsx].contains(s.format)
            ? TUILabels(lang).annexes(annexes) : ""
        b.put(TUILabels(lang).formatFChosen("\(s.format.rawValue)", "\(bom)", "\(s.selected.count)", "\(s.applications.count)", "\(annex)"), x: 1, y: 1, style: theme.dim, maxWidth: b.width - 2)
        // The rows that fit, scrolled to keep the cursor in view.
        let visible = max(1, b.height - 7)
        let first = max(0, min(s.cursor - visible / 2, s.applications.count - visible))
        for i in first..<min(s.applications.count, first + visible) {
            let a = s.applications[i], y = 3 + i - first
            var style = Style()
            if i == s.cursor {
                style = theme.selected
                b.fill(Rect(x: 1, y: y, width: b.width - 2, height: 1), style: style)
            }
            let box = s.selected.contains(a.id) ? "[x]" : "[ ]"
            let status = s.statuses[a.id].map { Labels.status($0, lang) } ?? ""
            b.put("\(box) \(DisplayWidth.pad(a.id, to: 18)) \(DisplayWidth.pad(status, to: 6)) \(a.name.text(lang)) \(a.name.text(lang.other))",
                  x: 2, y: y, style: style, maxWidth: b.width - 4)
        }
        Chrome.footer(&b, lang, status: state.status, hints: ReportKeys.footer(s.format).text(lang), theme: theme)
    }
}
