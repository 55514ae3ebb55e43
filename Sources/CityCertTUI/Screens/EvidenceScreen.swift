import CityCertCore
import Foundation

/// The evidence viewer, drawn over the scoring screen's panes: the list of an indicator's evidence,
/// or one file (a PDF page, text, Markdown, CSV as columns, or what to do with another file), with
/// the indicator and the member's entry on top so that scoring from here shows at once.
enum EvidenceScreen {
    /// Where the viewer is drawn on a screen of this size: the scoring screen's body.
    static func frame(width: Int, height: Int) -> Rect { Rect(x: 0, y: 2, width: width, height: max(3, height - 5)) }
    /// The columns text is laid out in.
    static func textWidth(_ state: AppState) -> Int { textWidth(width: state.width) }
    static func textWidth(width: Int) -> Int { max(10, frame(width: width, height: 0).width - 4) }
    /// The rows of text shown at once (the box, the indicator line and the position line take 4).
    static func textHeight(_ state: AppState) -> Int { textHeight(height: state.height) }
    static func textHeight(height: Int) -> Int { max(1, frame(width: 0, height: height).height - 4) }

    static func draw(_ b: inout Buffer, _ v: EvidenceViewerState, _ s: ScoringState, _ state: AppState, _ theme: Theme) {
        let lang = state.language
        let rect = frame(width: b.width, height: b.height)
        b.fill(rect, style: theme.overlay)
        let inner = rect.width - 4
        let title: String
        if let d = v.document {
            var t = d.evidence.file
            if d.kind == .pdf {
                let count = d.pageCount.map { "/\($0)" } ?? ""
                t += TUILabels(lang).page("\(d.page)", "\(count)")
            }
            title = t
        } else {
            title = TUILabels(lang).evidenceFile("\(v.entries.count)")
        }
        b.box(rect, title: DisplayWidth.truncate(title, to: max(1, rect.width - 6)), style: theme.border)
        // The indicator and the member's entry: what `a`, `e` and the level keys change.
        if let ind = s.indicators.first(where: { $0.id == v.indicator }) {
            b.put(DisplayWidth.truncate(indicatorLine(ind, s, lang), to: inner), x: rect.x + 2, y: rect.y + 1, style: theme.title, maxWidth: inner)
        }
        let top = rect.y + 2, rows = max(1, rect.height - 4)
        if let d = v.document {
            let lines = layout(d, width: inner, lang)
            let needles = highlights(v, s)
            for (i, line) in lines.dropFirst(d.scroll).prefix(rows).enumerated() {
                drawHighlighted(&b, line, x: rect.x + 2, y: top + i, width: inner, needles: needles, theme: theme)
            }
            var position = d.content == nil ? TUILabels(lang).reading : ""
            if d.content != nil, lines.count > rows {
                position = TUILabels(lang).lines("\(d.scroll + 1)", "\(min(lines.count, d.scroll + rows))", "\(lines.count)")
            }
            if let input = v.searchInput {
                position = TUILabels(lang).find + input + "▏"
            } else if !v.search.isEmpty, d.content != nil {
                let count = lines.filter { $0.localizedCaseInsensitiveContains(v.search) }.count
                position += (position.isEmpty ? "" : " · ") + TUILabels(lang).linesOf("\(v.search)", "\(count)")
            }
            b.put(DisplayWidth.truncate(position, to: inner), x: rect.x + 2, y: rect.maxY - 2, style: v.searchInput != nil ? theme.warn : theme.dim, maxWidth: inner)
        } else {
            let fileWidth = max(10, min(inner - 30, v.entries.map { DisplayWidth.of($0.file) }.max() ?? 0))
            for (i, e) in v.entries.enumerated().prefix(rows) {
                let line = listLine(e, v.infos[e.file], lang, width: inner, fileWidth: fileWidth)
                let style = i == v.listCursor ? theme.selected : (v.infos[e.file]?.problem != nil ? theme.warn : Style())
                if i == v.listCursor { b.fill(Rect(x: rect.x + 1, y: top + i, width: rect.width - 2, height: 1), style: style) }
                b.put(line, x: rect.x + 2, y: top + i, style: style, maxWidth: inner)
            }
            b.put(TUILabels(lang).enterOpensQCloses, x: rect.x + 2, y: rect.maxY - 2, style: theme.dim, maxWidth: inner)
        }
    }

    /// "IN-01 공공데이터 · 제출 12.5 % · 내 평가 12.5 → 40.00점"
    static func indicatorLine(_ ind: Indicator, _ s: ScoringState, _ lang: Language) -> String {
        var parts = ["\(ind.id) \(ind.name.text(lang))"]
        if ind.isQuantitative {
            let unit = ind.unit?.text(lang) ?? ""
            if let v = s.application.quantitative[ind.id]?.value { parts.append(TUILabels(lang).submittedWithUnit("\(v)", "\(unit)")) }
        } else if let c = s.application.selfEvaluation[ind.id] {
            parts.append(TUILabels(lang).claimedLevel("\(c.level)"))
        }
        let e = s.entry(ind.id)
        if let v = e?.value, let p = s.points(ind, e) {
            parts.append(TUILabels(lang).yoursPoints("\(v)", "\(p)"))
        } else if let l = e?.level, let p = s.points(ind, e) {
            parts.append(TUILabels(lang).yoursLevelPoints("\(l)", "\(p)"))
        } else {
            parts.append(TUILabels(lang).yoursNoEntryYet)
        }
        return parts.joined(separator: " · ")
    }

    /// A row of the list: file, type, size, page.
    static func listLine(_ e: Evidence, _ info: EvidenceInfo?, _ lang: Language, width: Int, fileWidth: Int) -> String {
        let kind = EvidenceKind.of(e.file).label(lang)
        let size = info?.size.map(sizeText) ?? ""
        let page = e.page.map { TUILabels(lang).p("\($0)") } ?? ""
        let head = DisplayWidth.pad(DisplayWidth.truncate(e.file, to: fileWidth), to: fileWidth) + " " + DisplayWidth.pad(kind, to: 9)
        if let problem = info?.problem { return head + problem }
        return head + DisplayWidth.pad(size, to: 9, alignRight: true) + "  " + page
    }

    static func sizeText(_ n: Int64) -> String {
        if n < 1024 { return "\(n) B" }
        if n < 1024 * 1024 { return "\((n + 512) / 1024) KB" }
        return String(format: "%.1f MB", Double(n) / 1_048_576)
    }

    /// The document as lines of at most `width` columns.
    static func layout(_ d: EvidenceDocument, width: Int, _ lang: Language) -> [String] {
        guard let content = d.content else { return [TUILabels(lang).reading] }
        switch content {
        case .text(let text):
            return d.kind == .csv ? csvLines(text, width: width) : wrapped(text, width: width)
        case .pdfPage(let text, _, _):
            let lines = wrapped(text, width: width)
            return lines.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty })
                ? [TUILabels(lang).thisPageHasNo]
                : lines
        case .other(let type, let size, let open):
            return [d.evidence.file, TUILabels(lang).type("\(type)"), TUILabels(lang).size("\(sizeText(size))"), "",
                    TUILabels(lang).cannotBeShownTerminal, "  " + open]
        case .failed(let why):
            return wrapped(why, width: width)
        }
    }

    /// Text cleaned of control characters (tabs as spaces, a PDF's form feed dropped) and wrapped.
    static func wrapped(_ text: String, width: Int) -> [String] {
        var clean = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\t", with: "    ")
        clean.unicodeScalars.removeAll { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }
        while clean.hasSuffix("\n") { clean.removeLast() }
        // Leading spaces are part of a laid-out page: kept, and lines are cut by columns rather than words.
        return clean.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let s = String(line).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            return DisplayWidth.of(s) <= width ? [s] : TextLayout.wrap(s, width: width)
        }
    }

    /// CSV as aligned columns (Hangul counted as two columns); a row wider than the pane is wrapped.
    static func csvLines(_ text: String, width: Int) -> [String] {
        let rows = CSV.parse(text)
        guard !rows.isEmpty else { return [] }
        let n = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: n)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], min(40, DisplayWidth.of(c))) } }
        var out: [String] = []
        for (ri, r) in rows.enumerated() {
            let cells = (0..<n).map { i -> String in
                let c = i < r.count ? r[i] : ""
                let cut = DisplayWidth.of(c) > widths[i] ? DisplayWidth.truncate(c, to: widths[i]) : c
                let numeric = EnteredNumber.value(c) != nil
                return DisplayWidth.pad(cut, to: widths[i], alignRight: numeric)
            }
            let line = cells.joined(separator: " │ ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            out += DisplayWidth.of(line) <= width ? [line] : TextLayout.wrap(line, width: width)
            if ri == 0, rows.count > 1 {
                out.append(String(DisplayWidth.truncate(widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─"), to: width)))
            }
        }
        return out
    }

    /// What is highlighted on the page: the submitted value (as written and with thousands
    /// separators) and the search.
    static func highlights(_ v: EvidenceViewerState, _ s: ScoringState) -> [String] {
        var out: [String] = []
        if let value = s.application.quantitative[v.indicator]?.value { out += valueForms(value) }
        if !v.search.isEmpty { out.append(v.search) }
        return out
    }

    /// "1234.5" → ["1234.5", "1,234.5"]
    static func valueForms(_ value: Decimal) -> [String] {
        let plain = "\(value)"
        var forms = [plain]
        let parts = plain.split(separator: ".", maxSplits: 1)
        if let whole = Int(parts[0]), abs(whole) >= 1000 {
            forms.append(TextLayout.grouped(whole) + (parts.count > 1 ? "." + parts[1] : ""))
        }
        return forms
    }

    /// Draws a line with every occurrence of the needles highlighted (a number only where it is
    /// not part of a longer number: 12.5 is not highlighted in 112.5).
    static func drawHighlighted(_ b: inout Buffer, _ line: String, x: Int, y: Int, width: Int, needles: [String], theme: Theme) {
        let marks = matchRanges(line, needles)
        var cx = x
        var i = line.startIndex
        for r in marks + [line.endIndex..<line.endIndex] {
            if i < r.lowerBound { cx += b.put(String(line[i..<r.lowerBound]), x: cx, y: y, maxWidth: x + width - cx) }
            if !r.isEmpty { cx += b.put(String(line[r]), x: cx, y: y, style: theme.highlight, maxWidth: x + width - cx) }
            i = r.upperBound
            if cx >= x + width { break }
        }
    }

    /// The ranges of a line that match a needle (case-insensitive), in order, not overlapping.
    static func matchRanges(_ line: String, _ needles: [String]) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        for n in needles where !n.isEmpty {
            var from = line.startIndex
            while let r = line.range(of: n, options: .caseInsensitive, range: from..<line.endIndex) {
                from = r.upperBound
                let isNumber = n.first?.isNumber == true
                if isNumber {
                    let before = r.lowerBound > line.startIndex ? line[line.index(before: r.lowerBound)] : " "
                    let after = r.upperBound < line.endIndex ? line[r.upperBound] : " "
                    if before.isNumber || before == "." || after.isNumber || (after == "." && line.index(after: r.upperBound) < line.endIndex && line[line.index(after: r.upperBound)].isNumber) { continue }
                }
                if !ranges.contains(where: { $0.overlaps(r) }) { ranges.append(r) }
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }
}

/// A small CSV reader (RFC 4180: quoted fields, doubled quotes, commas and newlines inside quotes).
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, afterQuote = false
        let t = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for c in t {
            if quoted {
                if c == "\"" { quoted = false; afterQuote = true } else { field.append(c) }
                continue
            }
            switch c {
            case "\"":
                if afterQuote { field.append("\"") }
                quoted = true; afterQuote = false
            case ",": row.append(field); field = ""; afterQuote = false
            case "\n", "\r\n":
                row.append(field); rows.append(row); row = []; field = ""; afterQuote = false
            case "\r": break
            default: field.append(c); afterQuote = false
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
