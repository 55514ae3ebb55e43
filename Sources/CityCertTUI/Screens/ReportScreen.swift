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
            let kind = s.previewPages.map { lang.pick("PDF, \($0) pages", "PDF \($0)쪽") } ?? TUILabels(lang).text
            b.put(lang.pick("Preview (\(kind)) · lines \(s.scroll + 1)–\(min(s.preview.count, s.scroll + page)) of \(s.preview.count)",
                            "미리보기 (\(kind)) · \(s.preview.count)줄 중 \(s.scroll + 1)–\(min(s.preview.count, s.scroll + page))"),
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
            ? lang.pick("   annexes: \(annexes.isEmpty ? "none" : annexes.joined(separator: ", ")) (m n)",
                        "   부록: \(annexes.isEmpty ? "없음" : annexes.joined(separator: ", ")) (m n)") : ""
        b.put(lang.pick("Format: \(s.format.rawValue)\(bom) (f)   chosen \(s.selected.count) of \(s.applications.count)\(annex)",
                        "형식: \(s.format.rawValue)\(bom) (f)   \(s.applications.count)건 중 \(s.selected.count)건 선택\(annex)"), x: 1, y: 1, style: theme.dim, maxWidth: b.width - 2)
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
