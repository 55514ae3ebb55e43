import CityCertCore
import Foundation

/// The grade report as one print-ready HTML document (A4), with no external resources.
///
/// A cover page (round, standards, committee), a summary of every application by city type, then one
/// page per application: its facts, the score table, an inline SVG bar chart of each field's score
/// against its maximum, the flagged indicators with each phase's spread, and a block of signature
/// lines for the chair and the members eligible for it. Every text from the store is escaped.
public enum HTMLReport {
    public static func render(_ round: RoundEvaluation, language: Language = .ko, options: ReportOptions = ReportOptions()) -> String {
        let c = ReportContent(round, language: language, options: options)
        var h = """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <title>\(esc(c.title))</title>
        <style>
        \(HTMLStyle.css)
        \(HTMLStyle.pages(c))
        </style>
        </head>
        <body>

        """
        h += cover(c)
        h += summary(c)
        for e in round.applications { h += application(e, c) }
        if !c.round.invalid.isEmpty { h += invalidAnnex(c) }
        if options.annexes.contains(.members) { h += membersAnnex(c) }
        if options.annexes.contains(.notes) { h += notesAnnex(c) }
        h += "</body>\n</html>\n"
        return h
    }

    // MARK: Cover and summary

    static func cover(_ c: ReportContent) -> String {
        let l = c.labels
        var h = "<section class=\"cover\">\n<h1>\(esc(c.title))</h1>\n"
        h += "<p class=\"sub\">\(l.round) \(esc(c.round.round)) · \(l.standards) <code>\(esc(c.round.standards.id))</code></p>\n"
        h += "<p class=\"sub\">\(esc(c.standardsTitle))</p>\n"
        h += "<p class=\"sub\">\(l.issued) \(esc(c.issueDate)) · \(l.documentNumber) \(esc(c.documentNumber))</p>\n"
        h += "<div class=\"keep\"><h2>\(l.committee)</h2>\n<table class=\"committee\">\n"
        h += "<thead><tr><th>\(l.role)</th><th>\(l.name)</th><th>\(l.affiliation)</th></tr></thead>\n<tbody>\n"
        for m in c.committeeMembers {
            h += "<tr><td>\(l.role(m.role))</td><td>\(esc(m.name))</td><td>\(esc(m.affiliation ?? ""))</td></tr>\n"
        }
        return h + "</tbody>\n</table></div>\n</section>\n"
    }

    /// Every city in one table (large cities first), then the chart comparing them.
    static func summary(_ c: ReportContent) -> String {
        let l = c.labels
        var h = "<section class=\"summary page\">\n<h2>\(l.allCities)</h2>\n<table class=\"summary-table\">\n<thead><tr>"
        h += "<th>\(l.application)</th><th>\(l.government)</th><th>\(l.cityType)</th><th class=\"num\">\(l.total)</th><th class=\"num\">\(l.max)</th>"
        h += "<th class=\"num\">\(l.percent)</th><th class=\"num\">\(l.grade)</th><th>\(l.certification)</th><th>\(l.range)</th><th>\(l.status)</th>"
        h += "</tr></thead>\n<tbody>\n"
        for group in c.byType {
            for e in group.applications {
                let ev = e.evaluation
                h += "<tr class=\"\(ev.status.rawValue)\"><td><a href=\"#app-\(esc(e.application.id))\">\(esc(e.application.id))</a></td>"
                h += "<td>\(esc(c.government(e.application)))</td><td>\(l.cityType(group.type))</td>"
                h += "<td class=\"num\">\(ev.total)</td><td class=\"num\">\(ev.max)</td><td class=\"num\">\(ev.percent)</td>"
                h += "<td class=\"num\">\(ev.grade)</td><td class=\"\(ev.certified ? "yes" : "no")\">\(l.certified(ev.certified))</td>"
                h += "<td class=\"range\">\(esc(c.rangeLine(e)))</td><td>\(l.status(ev.status))"
                if e.decisionDisagrees { h += " <span class=\"disagree\">⚠ \(l.disagreementShort)</span>" }
                h += "</td></tr>\n"
            }
        }
        h += "</tbody>\n</table>\n"
        if !c.round.invalid.isEmpty {
            h += "<p class=\"muted\">\(l.invalidAnnex): \(c.round.invalid.count) — \(l.annex) A</p>\n"
        }
        h += "<div class=\"keep\"><h3>\(l.comparison)</h3>\n" + comparisonChart(c) + "</div>\n"
        return h + "</section>\n"
    }

    /// One bar per city: its percent of the maximum, with the grades' thresholds as vertical lines.
    /// Plain HTML boxes, not SVG: long names wrap instead of being cut.
    static func comparisonChart(_ c: ReportContent) -> String {
        let l = c.labels
        var h = "<div class=\"bars comparison\">\n"
        let thresholds = c.round.standards.grades.filter { $0.minPercent.hundredths > 0 }
        var names: [String: Int] = [:]   // a name two applications share is shown with the ids
        for e in c.round.applications { names[c.government(e.application), default: 0] += 1 }
        for e in c.round.applications {
            let ev = e.evaluation
            let width = min(10_000, max(0, ev.percent.hundredths))
            let name = c.government(e.application)
            let label = names[name, default: 0] > 1 ? "\(esc(name)) <small>\(esc(e.application.id))</small>" : esc(name)
            h += "<div class=\"bar-row\"><div class=\"bar-label\">\(label)</div>"
            h += "<div class=\"bar-track\"><div class=\"bar \(ev.certified ? "yes" : "no")\" style=\"width: \(percentCSS(width))\"></div>"
            for g in thresholds {
                h += "<div class=\"mark\" style=\"left: \(percentCSS(g.minPercent.hundredths))\"></div>"
            }
            h += "</div><div class=\"bar-figure\">\(ev.percent)% · \(l.t("\(ev.grade)등급", "grade \(ev.grade)"))</div></div>\n"
        }
        h += "<div class=\"bar-row legend\"><div class=\"bar-label\"></div><div class=\"bar-track axis\">"
        for g in thresholds {
            h += "<span style=\"left: \(percentCSS(g.minPercent.hundredths))\">\(g.grade)</span>"
        }
        h += "</div><div class=\"bar-figure\"></div></div>\n"
        let key = thresholds.map { l.t("\($0.grade)등급 \($0.minPercent)%", "grade \($0.grade) \($0.minPercent)%") }.joined(separator: " · ")
        h += "<p class=\"muted\">\(l.gradeLines): \(key)</p>\n"
        return h + "</div>\n"
    }

    /// Hundredths of a percent as a CSS percentage: `7000` → `70.00%`.
    static func percentCSS(_ hundredths: Int64) -> String {
        "\(hundredths / 100).\(String(format: "%02d", Int(hundredths % 100)))%"
    }

    // MARK: One application

    static func application(_ e: EvaluatedApplication, _ c: ReportContent) -> String {
        let l = c.labels
        let app = e.application
        let ev = e.evaluation
        let final = ev.status == .final
        var h = "<section class=\"application page \(final ? "final" : "provisional")\" id=\"app-\(esc(app.id))\">\n"
        h += "<h2>\(esc(c.government(app))) <small>\(esc(app.id))</small></h2>\n"
        if !final { h += "<p class=\"provisional-note\">\(l.provisionalMark): \(l.provisionalNote)</p>\n" }
        h += "<table class=\"facts\">\n"
        var facts: [(String, String)] = []
        if let p = c.province(app) { facts.append((l.province, esc(p))) }
        facts += [(l.cityType, l.cityType(ev.cityType)), (l.population, ReportNumber.grouped(app.population)),
                  (l.status, l.status(ev.status))]
        if let s = app.submittedAt { facts.append((l.submittedAt, esc(s))) }
        facts += [(l.total, "<strong class=\"total\">\(ev.total)</strong> / \(ev.max)"), (l.percent, "\(ev.percent)%"),
                  (l.grade, "<strong class=\"grade\">\(ev.grade)</strong>"),
                  (l.certification, "<strong class=\"\(ev.certified ? "yes" : "no")\">\(l.certified(ev.certified))</strong>"),
                  (l.range, esc(c.rangeLine(e)))]
        if let d = c.finalizedLine(e) { facts.append((l.decision, esc(d))) }
        if let note = e.decision?.note, !note.isEmpty { facts.append((l.note, esc(note))) }
        if e.decisionDisagrees, let d = e.decision {
            facts.append(("⚠", "<span class=\"disagree\">\(l.disagreement): \(l.decisionRecorded) \(esc(d.total)) · \(l.grade) \(d.grade)</span>"))
        }
        if !final {
            if !ev.missingWritten.isEmpty { facts.append((l.missingWritten, esc(ev.missingWritten.map(c.memberName).joined(separator: ", ")))) }
            if !ev.missingSite.isEmpty { facts.append((l.missingSite, esc(ev.missingSite.map(c.memberName).joined(separator: ", ")))) }
        }
        for (k, v) in facts { h += "<tr><th>\(k)</th><td>\(v)</td></tr>\n" }
        h += "</table>\n"
        h += "<div class=\"keep\"><h3>\(l.chart)</h3>\n" + chart(e, c) + "</div>\n"
        h += scoreTable(e, c)
        h += flagged(e, c)
        h += signatures(e, c)
        return h + "</section>\n"
    }

    static func scoreTable(_ e: EvaluatedApplication, _ c: ReportContent) -> String {
        let l = c.labels
        var h = "<table class=\"scores\">\n<thead><tr><th>\(l.scoreTableName)</th>"
        for head in [l.score, l.max, l.written, l.site, l.writtenSheets, l.siteSheets, l.spread] { h += "<th class=\"num\">\(head)</th>" }
        h += "<th>\(l.flag)</th></tr></thead>\n<tbody>\n"
        for r in c.rows(e) {
            let cls = ["field", "item", "indicator"][r.level.rawValue]
            if let i = r.indicator {
                h += "<tr class=\"\(cls)\(i.flagged ? " flagged" : "")\"><td><code>\(esc(r.id))</code> \(esc(r.name))</td>"
                let cells = [i.score.description, i.max.description, i.written.aggregate?.description ?? l.none,
                             i.site.aggregate?.description ?? l.none, String(i.written.sheets), String(i.site.sheets),
                             i.spread.description]
                for cell in cells { h += "<td class=\"num\">\(cell)</td>" }
                h += "<td class=\"flag\">\(i.flagged ? l.flagMark : "")</td></tr>\n"
            } else {
                h += "<tr class=\"\(cls)\"><td>\(esc(r.name))</td><td class=\"num\">\(r.score)</td><td class=\"num\">\(r.max)</td>"
                h += "<td></td><td></td><td></td><td></td><td></td><td></td></tr>\n"
            }
        }
        h += "<tr class=\"sum\"><td>\(l.total)</td><td class=\"num\">\(e.evaluation.total)</td><td class=\"num\">\(e.evaluation.max)</td>"
        return h + "<td colspan=\"6\"></td></tr>\n</tbody>\n</table>\n"
    }

    /// One bar per field: the grey track is the field's maximum, the bar its score. Long field names wrap.
    static func chart(_ e: EvaluatedApplication, _ c: ReportContent) -> String {
        var h = "<div class=\"bars fields\">\n"
        for f in e.evaluation.fields {
            let share = f.max.hundredths > 0 ? min(10_000, max(0, f.score.hundredths * 10_000 / f.max.hundredths)) : 0
            h += "<div class=\"bar-row\"><div class=\"bar-label\">\(esc(c.fieldName(f.id)))</div>"
            h += "<div class=\"bar-track\"><div class=\"bar\" style=\"width: \(percentCSS(share))\"></div></div>"
            h += "<div class=\"bar-figure\">\(f.score) / \(f.max) (\(f.score.percent(of: f.max))%)</div></div>\n"
        }
        return h + "</div>\n"
    }

    static func flagged(_ e: EvaluatedApplication, _ c: ReportContent) -> String {
        let l = c.labels
        let list = e.evaluation.flagged
        guard !list.isEmpty else { return "<div class=\"keep\"><h3>\(l.flagged)</h3>\n<p>\(l.noneFlagged)</p></div>\n" }
        var h = "<h3 class=\"with-table\">\(l.flagged)</h3>\n"
        h += "<table class=\"flags\">\n<thead><tr><th>\(l.scoreTableName)</th><th class=\"num\">\(l.max)</th>"
        h += "<th class=\"num\">\(l.writtenSpread)</th><th class=\"num\">\(l.siteSpread)</th><th class=\"num\">\(l.threshold)</th></tr></thead>\n<tbody>\n"
        for r in list {
            h += "<tr><td><code>\(esc(r.id))</code> \(esc(c.indicatorName(r.id)))</td><td class=\"num\">\(r.max)</td>"
            h += "<td class=\"num\">\(esc(c.spreadDetail(r.written)))</td><td class=\"num\">\(esc(c.spreadDetail(r.site)))</td>"
            h += "<td class=\"num\">&gt; \(c.flagThreshold(r))</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    /// The signature block of a final application: the chair and the members whose sheets counted.
    /// An application that is not final has none (its pages carry the provisional mark instead).
    static func signatures(_ e: EvaluatedApplication, _ c: ReportContent) -> String {
        let l = c.labels
        let people = c.signatories(e)
        guard !people.isEmpty else { return "" }
        var h = "<div class=\"signatures\">\n<h3>\(l.signatures)</h3>\n<p>\(l.signedBy)</p>\n"
        for m in people {
            h += "<div class=\"signature\"><span class=\"role\">\(l.role(m.role))</span> "
            h += "<span class=\"name\">\(esc(m.name))</span>"
            h += " <span class=\"affiliation\">\(esc(m.affiliation ?? ""))</span>"
            h += "<span class=\"line\">\(l.signature)</span><span class=\"date\">\(l.date)</span></div>\n"
        }
        return h + "</div>\n"
    }

    // MARK: Annexes

    /// Invalid applications: which, the file, and why in the report's language.
    static func invalidAnnex(_ c: ReportContent) -> String {
        let l = c.labels
        var h = "<section class=\"annex page\" id=\"annex-invalid\">\n<h2>\(l.annex) A. \(l.invalidAnnex)</h2>\n"
        h += "<table class=\"invalid\">\n<thead><tr><th>\(l.application)</th><th>\(l.file)</th><th>\(l.reason)</th></tr></thead>\n<tbody>\n"
        for p in c.round.invalid {
            let loc = p.line.map { "\(p.path):\($0)" } ?? p.path
            h += "<tr><td>\(esc(c.invalidApplication(p) ?? "-"))</td><td><code>\(esc(loc))</code></td><td>\(esc(c.invalidReason(p)))</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n</section>\n"
    }

    /// Each member's points per indicator: one table per application, a column per member and phase.
    static func membersAnnex(_ c: ReportContent) -> String {
        let l = c.labels
        var h = "<section class=\"annex page\" id=\"annex-members\">\n<h2>\(l.annex) B. \(l.membersAnnex)</h2>\n"
        for e in c.round.applications {
            let members = c.countedMembers(e)
            h += "<h3 class=\"with-table\">\(esc(c.government(e.application))) <small>\(esc(e.application.id))</small></h3>\n"
            guard !members.isEmpty else { h += "<p>\(l.noneFlagged)</p>\n"; continue }
            h += "<table class=\"members\">\n<thead><tr><th>\(l.t("지표", "Indicator"))</th>"
            for m in members { h += "<th class=\"num\">\(esc(c.annexName(m.id)))</th>" }
            h += "</tr></thead>\n<tbody>\n"
            for r in e.evaluation.indicators {
                h += "<tr\(r.flagged ? " class=\"flagged\"" : "")><td><code>\(esc(r.id))</code></td>"
                for m in members {
                    let w = r.written.members.first { $0.member == m.id }?.points.description ?? l.none
                    let s = r.site.members.first { $0.member == m.id }?.points.description ?? l.none
                    h += "<td class=\"num\">\(w) / \(s)</td>"
                }
                h += "</tr>\n"
            }
            h += "</tbody>\n</table>\n<p class=\"muted\">\(l.written) / \(l.site)</p>\n"
        }
        return h + "</section>\n"
    }

    /// Members' notes and clarification questions, per application and indicator.
    static func notesAnnex(_ c: ReportContent) -> String {
        let l = c.labels
        var h = "<section class=\"annex page\" id=\"annex-notes\">\n<h2>\(l.annex) C. \(l.notesAnnex)</h2>\n"
        for e in c.round.applications {
            var rows = ""
            for r in e.evaluation.indicators {
                for (phase, result) in [(l.written, r.written), (l.site, r.site)] {
                    for m in result.members {
                        let note = m.entry.note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                        let question = m.entry.clarification?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                        guard !note.isEmpty || !question.isEmpty else { continue }
                        rows += "<tr><td><code>\(esc(r.id))</code></td><td>\(phase)</td><td>\(esc(c.annexName(m.member)))</td>"
                        rows += "<td>\(esc(note))</td><td>\(esc(question))</td></tr>\n"
                    }
                }
            }
            h += "<h3 class=\"with-table\">\(esc(c.government(e.application))) <small>\(esc(e.application.id))</small></h3>\n"
            if rows.isEmpty { h += "<p>\(l.noNotes)</p>\n"; continue }
            h += "<table class=\"notes\">\n<thead><tr><th>\(l.t("지표", "Indicator"))</th><th>\(l.phase)</th><th>\(l.member)</th><th>\(l.note)</th><th>\(l.clarification)</th></tr></thead>\n<tbody>\n"
            h += rows + "</tbody>\n</table>\n"
        }
        return h + "</section>\n"
    }

    /// Escapes a text for HTML content and attribute values: `& < > " '`.
    public static func esc(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}

/// The report's print style sheet: A4 pages with the round's title, the issue date, the document
/// number and `N / M` in the page margins (CSS paged media: `@page` margin boxes with
/// `counter(page)` / `counter(pages)`, which Chromium prints since version 131), a Korean font
/// fallback list, one page per application, and the provisional mark on pages not yet final.
enum HTMLStyle {
    /// The `@page` rules, which carry the report's own words (escaped for a CSS string).
    static func pages(_ c: ReportContent) -> String {
        let l = c.labels
        let title = cssString(c.title)
        let issued = cssString("\(l.issued) \(c.issueDate)")
        let number = cssString("\(l.documentNumber) \(c.documentNumber)")
        let mark = cssString(l.provisionalMark)
        // An en space around the slash: pdftotext (and a reader copying the text) keeps `1 / 4`.
        return """
        @page { size: A4; margin: 20mm 15mm 18mm 15mm;
          @top-left { content: \(title); font-size: 8pt; color: #333; vertical-align: bottom; padding-bottom: 2mm; }
          @top-right { content: \(issued); font-size: 8pt; color: #333; vertical-align: bottom; padding-bottom: 2mm; }
          @bottom-left { content: \(number); font-size: 7.5pt; color: #555; vertical-align: top; padding-top: 2mm; }
          @bottom-right { content: counter(page) "\\2002/\\2002" counter(pages); font-size: 8.5pt; vertical-align: top; padding-top: 2mm; }
        }
        @page provisional {
          @top-center { content: \(mark); font-size: 9pt; font-weight: bold; color: #b00000; vertical-align: bottom; padding-bottom: 2mm; }
        }
        section.provisional { page: provisional; background-image: url("\(watermark(l.provisionalMark))"); }
        """
    }

    /// A CSS string literal: quotes, backslashes, `<`, `>`, `&` and control characters as escapes.
    static func cssString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"", "\\", "<", ">", "&": out += "\\" + String(u.value, radix: 16) + " "
            case _ where u.value < 0x20 || u.value == 0x7F: out += "\\" + String(u.value, radix: 16) + " "
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// The provisional watermark: a large rotated pale red text, as an SVG data URL (base64, so no
    /// character of the text can end the URL), repeated down a provisional section page by page.
    static func watermark(_ text: String) -> String {
        let svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 600 800'><text x='300' y='420' font-size='72' "
            + "font-family='Noto Sans CJK KR, Noto Sans KR, sans-serif' font-weight='bold' fill='#c00000' fill-opacity='0.12' "
            + "text-anchor='middle' transform='rotate(-35 300 400)'>\(HTMLReport.esc(text))</text></svg>"
        return "data:image/svg+xml;base64," + Base64.encode(Array(svg.utf8))
    }

    // Backgrounds are translucent so that the provisional watermark shows through every table.
    static let css = """
    html { font-family: "Noto Sans CJK KR", "Noto Sans KR", "Nanum Gothic", "Malgun Gothic", "Apple SD Gothic Neo", sans-serif;
           font-size: 10pt; color: #111; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0; }
    h1 { font-size: 20pt; margin: 40mm 0 6mm; }
    h2 { font-size: 15pt; margin: 0 0 4mm; border-bottom: 2px solid #333; padding-bottom: 1mm; break-after: avoid; page-break-after: avoid; }
    h2 small, h3 small { font-size: 10pt; color: #555; font-weight: normal; }
    h3 { font-size: 11.5pt; margin: 6mm 0 2mm; break-after: avoid; page-break-after: avoid; }
    .keep { break-inside: avoid; page-break-inside: avoid; }
    .sub { font-size: 12pt; margin: 1mm 0; }
    .cover h2 { margin-top: 12mm; }
    .page { page-break-before: always; break-before: page; }
    section.provisional { background-repeat: repeat-y; background-size: 100% 250mm; background-position: top center;
                          box-decoration-break: clone; -webkit-box-decoration-break: clone; }
    .provisional-note { border: 1.5px solid #b00000; color: #b00000; padding: 1.5mm 3mm; font-weight: bold; }
    .disagree { color: #b00000; font-weight: bold; }
    .muted { color: #555; font-size: 8.5pt; }
    table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
    th, td { border: 1px solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: break-word; }
    thead { display: table-header-group; }
    tr { page-break-inside: avoid; break-inside: avoid; }
    th { background: rgba(0, 0, 0, 0.07); }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    table.facts { width: auto; }
    table.facts th { width: 32mm; }
    table.scores, table.members, table.notes, table.summary-table { font-size: 8.5pt; }
    tr.field td { font-weight: bold; background: rgba(0, 0, 0, 0.045); }
    tr.item td:first-child { padding-left: 4mm; }
    tr.indicator td:first-child { padding-left: 8mm; }
    tr.flagged td { background: rgba(255, 193, 7, 0.2); }
    tr.sum td { font-weight: bold; border-top: 2px solid #333; }
    td.flag { text-align: center; color: #b00; }
    .yes { color: #060; } .no { color: #900; }
    .bars { margin: 2mm 0 4mm; }
    .bar-row { display: flex; align-items: center; gap: 3mm; margin: 1.5mm 0; break-inside: avoid; }
    .bar-label { width: 45mm; flex: none; font-size: 9pt; overflow-wrap: anywhere; }
    .bar-track { position: relative; flex: 1; height: 5mm; background: rgba(0, 0, 0, 0.11); }
    .bar { position: absolute; left: 0; top: 0; bottom: 0; background: #2b6cb0; }
    .comparison .bar.yes { background: #2f855a; } .comparison .bar.no { background: #c05621; }
    .bar-track .mark { position: absolute; top: -1mm; bottom: -1mm; border-left: 1px dashed #333; }
    .bar-figure { width: 38mm; flex: none; font-size: 8.5pt; font-variant-numeric: tabular-nums; }
    .legend .bar-track.axis { background: none; height: 4mm; font-size: 7pt; color: #333; }
    .legend .bar-track.axis span { position: absolute; transform: translateX(-50%); white-space: nowrap; }
    .legend .bar-figure { font-size: 7pt; color: #555; }
    .signatures { page-break-inside: avoid; break-inside: avoid; }
    .signature { display: flex; align-items: baseline; gap: 3mm; margin: 6mm 0; }
    .signature .role { width: 14mm; } .signature .name { width: 22mm; }
    .signature .affiliation { flex: 1; font-size: 8.5pt; color: #444; }
    .signature .line { width: 50mm; border-bottom: 1px solid #000; color: #888; font-size: 8pt; }
    .signature .date { width: 28mm; border-bottom: 1px solid #000; color: #888; font-size: 8pt; }
    table.invalid code { white-space: pre-wrap; overflow-wrap: anywhere; }
    table.members td:first-child, table.notes td:first-child, table.invalid td:first-child,
    table.summary-table td:first-child { white-space: nowrap; }
    a { color: inherit; text-decoration: none; }
    .bar-label small { color: #555; font-size: 7.5pt; }
    """
}

/// Standard base64 (RFC 4648), for the data URLs of the printed report.
enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out = [UInt8]()
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i], b1 = i + 1 < bytes.count ? bytes[i + 1] : 0, b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
            out.append(table[Int(b0 >> 2)])
            out.append(table[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(i + 1 < bytes.count ? table[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? table[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
