import CityCertCore

/// The grade report as plain text for a terminal or a printer, at most 100 columns wide.
///
/// Columns are laid out by display width (``DisplayWidth``), so a Hangul name takes two columns per
/// syllable and the figures still line up; names too long for their column end with `…`.
/// Figures are the JSON report's two-decimal strings; a phase with no sheet that counts shows `-`.
public enum TextReport {
    /// The widest line the report prints.
    public static let width = 100
    /// The width of the name column of the score table; the figures start one column after it.
    public static let nameWidth = 39
    static let figureWidth = 8
    static let sheetsWidth = 6

    public static func render(_ round: RoundEvaluation, language: Language = .ko) -> String {
        let c = ReportContent(round, language: language)
        let l = c.labels
        var out: [String] = []
        out.append(DisplayWidth.truncate(c.title, to: width))
        out += wrap("\(l.round) \(round.round)  \(l.standards) \(round.standards.id) (\(c.standardsTitle))")
        out.append(String(repeating: "=", count: width))
        for (i, e) in round.applications.enumerated() {
            out.append("")
            out += application(e, number: i + 1, of: round.applications.count, c)
        }
        out.append("")
        out.append(String(repeating: "=", count: width))
        out += summary(c)
        if !round.invalid.isEmpty {
            out.append("")
            out.append("\(l.invalid) (\(round.invalid.count))")
            for p in round.invalid { out += wrap(p.description, indent: "  ", hanging: "      ") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: One application

    static func application(_ e: EvaluatedApplication, number: Int, of count: Int, _ c: ReportContent) -> [String] {
        let l = c.labels
        let app = e.application
        let ev = e.evaluation
        var out: [String] = []
        var heading = "[\(number)/\(count)] \(app.id)  \(c.government(app))"
        if let p = c.province(app) { heading += " (\(p))" }
        out.append(DisplayWidth.truncate(heading, to: width))
        out.append(fact(l.cityType, l.cityType(ev.cityType)))
        out.append(fact(l.population, ReportNumber.grouped(app.population)))
        out.append(fact(l.status, l.status(ev.status)))
        out.append("")
        out += table(c.rows(e), l)
        out.append("")
        out.append(fact(l.total, ev.total.description))
        out.append(fact(l.max, ev.max.description))
        out.append(fact(l.percent, ev.percent.description + "%"))
        out.append(fact(l.grade, String(ev.grade)))
        out.append(fact(l.certification, l.certified(ev.certified)))
        out += wrap(fact(l.range, c.rangeLine(e)), hanging: "  ")
        let flagged = ev.flagged
        out.append(fact(l.flagged, flagged.isEmpty ? l.noneFlagged : String(flagged.count)))
        for r in flagged {
            let name = DisplayWidth.truncate("\(r.id) \(c.indicatorName(r.id))", to: 40)
            out += wrap("\(name): \(l.writtenSpread) \(c.spreadDetail(r.written)), "
                        + "\(l.siteSpread) \(c.spreadDetail(r.site)), \(l.threshold) \(c.flagThreshold(r))",
                        indent: "  ", hanging: "      ")
        }
        if ev.status != .final {
            if !ev.missingWritten.isEmpty {
                out += wrap(fact(l.missingWritten, ev.missingWritten.map(c.memberLabel).joined(separator: ", ")), hanging: "  ")
            }
            if !ev.missingSite.isEmpty {
                out += wrap(fact(l.missingSite, ev.missingSite.map(c.memberLabel).joined(separator: ", ")), hanging: "  ")
            }
        }
        if let line = c.decisionLine(e) {
            out += wrap(fact(l.decision, line), hanging: "  ")
            if let note = e.decision?.note, !note.isEmpty { out += wrap(fact(l.note, note), hanging: "  ") }
        }
        return out
    }

    /// The score table: a header, a rule, then one row per field, item and indicator.
    static func table(_ rows: [ReportContent.Row], _ l: ReportLabels) -> [String] {
        let rule = String(repeating: "-", count: width)
        var out = [line(l.scoreTableName, [l.score, l.max, l.written, l.site], [l.writtenSheets, l.siteSheets], l.spread, flag: false),
                   rule]
        for row in rows {
            let indent = String(repeating: " ", count: 2 * row.level.rawValue)
            let name = row.level == .indicator ? "\(row.id) \(row.name)" : row.name
            if let r = row.indicator {
                out.append(line(indent + name,
                                [r.score.description, r.max.description,
                                 r.written.aggregate?.description ?? l.none, r.site.aggregate?.description ?? l.none],
                                [String(r.written.sheets), String(r.site.sheets)], r.spread.description, flag: r.flagged))
            } else {
                out.append(line(indent + name, [row.score.description, row.max.description, "", ""], ["", ""], "", flag: false))
            }
        }
        out.append(rule)
        out.append(l.legendFlag)
        return out
    }

    /// A table row: the name, four figures, two counts and the spread, each right-aligned in its
    /// column, then ` !` for a flagged indicator. Every row is 98 columns wide up to the flag, blanks
    /// included, so the columns line up whatever the text in them.
    static func line(_ name: String, _ figures: [String], _ counts: [String], _ spread: String, flag: Bool) -> String {
        var s = DisplayWidth.pad(name, to: nameWidth)
        for f in figures { s += " " + DisplayWidth.pad(f, to: figureWidth, alignRight: true) }
        for n in counts { s += " " + DisplayWidth.pad(n, to: sheetsWidth, alignRight: true) }
        s += " " + DisplayWidth.pad(spread, to: figureWidth, alignRight: true)
        if flag { s += " !" }
        return s
    }

    // MARK: Summary

    static func summary(_ c: ReportContent) -> [String] {
        let l = c.labels
        let widths = [16, 20, 9, 9, 7, 5, 13, 8]
        func row(_ cells: [String]) -> String {
            trimTrailing(zip(cells, widths).enumerated().map { i, cw in
                DisplayWidth.pad(cw.0, to: cw.1, alignRight: (2...5).contains(i))
            }.joined(separator: " "))
        }
        var out = [l.summary, "",
                   row([l.application, l.government, l.total, l.max, l.percent, l.grade, l.certification, l.status]),
                   String(repeating: "-", count: widths.reduce(widths.count - 1, +))]
        for group in c.byType {
            out.append("\(l.cityType(group.type)) (\(group.applications.count))")
            for e in group.applications {
                let ev = e.evaluation
                out.append(row([e.application.id, c.government(e.application), ev.total.description, ev.max.description,
                                ev.percent.description, String(ev.grade), l.certified(ev.certified), l.status(ev.status)]))
            }
        }
        return out
    }

    // MARK: Lines

    /// `label:    value`: the label and its colon padded to 15 columns (a wider label keeps one space).
    static func fact(_ label: String, _ value: String) -> String {
        let w = DisplayWidth.of(label) + 1
        return label + ":" + String(repeating: " ", count: w < 15 ? 15 - w : 1) + value
    }

    /// Breaks a line into lines of at most `width` columns, at spaces where it can; the first line
    /// starts with `indent`, the others with `hanging` (default: `indent`).
    static func wrap(_ text: String, indent: String = "", hanging: String? = nil) -> [String] {
        let hang = hanging ?? indent
        var lines: [String] = []
        var current = indent
        var currentWidth = DisplayWidth.of(indent)
        var lastSpace: String.Index?
        for ch in text {
            let w = DisplayWidth.of(ch)
            if currentWidth + w > width {
                if let sp = lastSpace, current[current.index(after: sp)...].count < 40 {
                    let rest = String(current[current.index(after: sp)...])
                    lines.append(String(current[..<sp]))
                    current = hang + rest
                } else {
                    lines.append(current)
                    current = hang
                }
                currentWidth = DisplayWidth.of(current)
                lastSpace = nil
            }
            if ch == " " { lastSpace = current.endIndex }
            current.append(ch)
            currentWidth += w
        }
        lines.append(current)
        return lines
    }

    static func trimTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
