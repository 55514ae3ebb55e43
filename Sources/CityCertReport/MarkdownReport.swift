import CityCertCore

/// The grade report as Markdown (GitHub-flavoured tables), with the content of ``TextReport``.
///
/// Every text from the store is escaped (``escape(_:)``): `|` cannot break a table and `*`, `_`,
/// `<`, … are shown as written. Figures are the JSON report's two-decimal strings; a phase with no
/// sheet that counts shows `-`.
public enum MarkdownReport {
    public static func render(_ round: RoundEvaluation, language: Language = .ko) -> String {
        let c = ReportContent(round, language: language)
        let l = c.labels
        var out: [String] = []
        out.append("# \(escape(c.title))")
        out.append("")
        out.append("- \(l.round): \(escape(round.round))")
        out.append("- \(l.standards): `\(round.standards.id)` \(escape(c.standardsTitle))")
        for e in round.applications {
            out.append("")
            out += application(e, c)
        }
        out.append("")
        out += summary(c)
        if !round.invalid.isEmpty {
            out.append("")
            out.append("## \(l.invalid) (\(round.invalid.count))")
            out.append("")
            for p in round.invalid { out.append("- \(escape(p.description))") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func application(_ e: EvaluatedApplication, _ c: ReportContent) -> [String] {
        let l = c.labels
        let app = e.application
        let ev = e.evaluation
        var heading = "## \(escape(app.id)) \(escape(c.government(app)))"
        if let p = c.province(app) { heading += " (\(escape(p)))" }
        var out = [heading, ""]
        out.append("- \(l.cityType): \(l.cityType(ev.cityType))")
        out.append("- \(l.population): \(ReportNumber.grouped(app.population))")
        out.append("- \(l.status): \(l.status(ev.status))")
        out.append("")
        out.append(row([l.scoreTableName, l.score, l.max, l.written, l.site, l.writtenSheets, l.siteSheets, l.spread, l.flag]))
        out.append("|---|--:|--:|--:|--:|--:|--:|--:|:-:|")
        let indentUnit = "&nbsp;&nbsp;&nbsp;&nbsp;"
        for r in c.rows(e) {
            let indent = String(repeating: indentUnit, count: r.level.rawValue)
            if let i = r.indicator {
                out.append(row([indent + "`\(r.id)` " + escape(r.name), i.score.description, i.max.description,
                                i.written.aggregate?.description ?? l.none, i.site.aggregate?.description ?? l.none,
                                String(i.written.sheets), String(i.site.sheets), i.spread.description,
                                i.flagged ? l.flagMark : ""]))
            } else {
                let name = r.level == .field ? "**\(escape(r.name))**" : indent + escape(r.name)
                out.append(row([name, r.score.description, r.max.description, "", "", "", "", "", ""]))
            }
        }
        out.append("")
        out.append("- \(l.total): **\(ev.total)** / \(ev.max)")
        out.append("- \(l.percent): \(ev.percent)%")
        out.append("- \(l.grade): \(ev.grade)")
        out.append("- \(l.certification): **\(l.certified(ev.certified))**")
        out.append("- \(l.range): \(escape(c.rangeLine(e)))")
        if ev.status != .final {
            if !ev.missingWritten.isEmpty {
                out.append("- \(l.missingWritten): \(ev.missingWritten.map { escape(c.memberLabel($0)) }.joined(separator: ", "))")
            }
            if !ev.missingSite.isEmpty {
                out.append("- \(l.missingSite): \(ev.missingSite.map { escape(c.memberLabel($0)) }.joined(separator: ", "))")
            }
        }
        if let line = c.decisionLine(e) {
            var s = "- \(l.decision): \(escape(line))"
            if let note = e.decision?.note, !note.isEmpty { s += " (\(l.note): \(escape(note)))" }
            out.append(s)
        }
        out.append("")
        out.append("### \(l.flagged)")
        out.append("")
        if ev.flagged.isEmpty {
            out.append(l.noneFlagged)
        } else {
            for r in ev.flagged {
                out.append("- `\(r.id)` \(escape(c.indicatorName(r.id))): \(l.writtenSpread) \(escape(c.spreadDetail(r.written))), "
                           + "\(l.siteSpread) \(escape(c.spreadDetail(r.site))), \(l.threshold) \(c.flagThreshold(r))")
            }
        }
        return out
    }

    static func summary(_ c: ReportContent) -> [String] {
        let l = c.labels
        var out = ["## \(l.summary)"]
        for group in c.byType {
            out += ["", "### \(l.cityType(group.type)) (\(group.applications.count))", ""]
            out.append(row([l.application, l.government, l.total, l.max, l.percent, l.grade, l.certification, l.status]))
            out.append("|---|---|--:|--:|--:|--:|---|---|")
            for e in group.applications {
                let ev = e.evaluation
                out.append(row([escape(e.application.id), escape(c.government(e.application)), ev.total.description,
                                ev.max.description, ev.percent.description, String(ev.grade),
                                l.certified(ev.certified), l.status(ev.status)]))
            }
        }
        return out
    }

    /// `| a | b |` from cells that are already escaped.
    static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

    /// Escapes a text for a Markdown line or table cell: the characters Markdown gives a meaning
    /// to get a backslash, line breaks become spaces.
    public static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\", "|", "*", "_", "`", "[", "]", "<", ">", "#", "~": out += "\\" + String(ch)
            case "\n", "\r", "\r\n": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
