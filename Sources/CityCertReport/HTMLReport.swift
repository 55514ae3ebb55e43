import CityCertCore

/// The grade report as one print-ready HTML document (A4), with no external resources.
///
/// A cover page (round, standards, committee), a summary of every application by city type, then one
/// page per application: its facts, the score table, an inline SVG bar chart of each field's score
/// against its maximum, the flagged indicators with each phase's spread, and a block of signature
/// lines for the chair and the members eligible for it. Every text from the store is escaped.
public enum HTMLReport {
    public static func render(_ round: RoundEvaluation, language: Language = .ko) -> String {
        let c = ReportContent(round, language: language)
        var h = """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <title>\(esc(c.title))</title>
        <style>
        \(HTMLStyle.css)
        </style>
        </head>
        <body>

        """
        h += cover(c)
        h += summary(c)
        for e in round.applications { h += application(e, c) }
        h += "</body>\n</html>\n"
        return h
    }

    // MARK: Cover and summary

    static func cover(_ c: ReportContent) -> String {
        let l = c.labels
        var h = "<section class=\"cover\">\n<h1>\(esc(c.title))</h1>\n"
        h += "<p class=\"sub\">\(l.round) \(esc(c.round.round)) · \(l.standards) <code>\(esc(c.round.standards.id))</code></p>\n"
        h += "<p class=\"sub\">\(esc(c.standardsTitle))</p>\n"
        h += "<h2>\(l.committee)</h2>\n<table class=\"committee\">\n"
        h += "<thead><tr><th>\(l.role)</th><th>\(l.name)</th><th>\(l.affiliation)</th></tr></thead>\n<tbody>\n"
        for m in c.committeeMembers {
            h += "<tr><td>\(l.role(m.role))</td><td>\(esc(m.name))</td><td>\(esc(m.affiliation ?? ""))</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n</section>\n"
    }

    static func summary(_ c: ReportContent) -> String {
        let l = c.labels
        var h = "<section class=\"summary page\">\n<h2>\(l.summary)</h2>\n"
        for group in c.byType {
            h += "<h3>\(l.cityType(group.type)) (\(group.applications.count))</h3>\n<table class=\"summary-table\">\n<thead><tr>"
            h += "<th>\(l.application)</th><th>\(l.government)</th><th class=\"num\">\(l.total)</th><th class=\"num\">\(l.max)</th>"
            h += "<th class=\"num\">\(l.percent)</th><th class=\"num\">\(l.grade)</th><th>\(l.certification)</th><th>\(l.status)</th>"
            h += "</tr></thead>\n<tbody>\n"
            for e in group.applications {
                let ev = e.evaluation
                h += "<tr><td><a href=\"#app-\(esc(e.application.id))\">\(esc(e.application.id))</a></td>"
                h += "<td>\(esc(c.government(e.application)))</td>"
                h += "<td class=\"num\">\(ev.total)</td><td class=\"num\">\(ev.max)</td><td class=\"num\">\(ev.percent)</td>"
                h += "<td class=\"num\">\(ev.grade)</td><td class=\"\(ev.certified ? "yes" : "no")\">\(l.certified(ev.certified))</td>"
                h += "<td>\(l.status(ev.status))</td></tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        if !c.round.invalid.isEmpty {
            h += "<h3>\(l.invalid) (\(c.round.invalid.count))</h3>\n<ul class=\"invalid\">\n"
            for p in c.round.invalid { h += "<li><code>\(esc(p.description))</code></li>\n" }
            h += "</ul>\n"
        }
        return h + "</section>\n"
    }

    // MARK: One application

    static func application(_ e: EvaluatedApplication, _ c: ReportContent) -> String {
        let l = c.labels
        let app = e.application
        let ev = e.evaluation
        var h = "<section class=\"application page\" id=\"app-\(esc(app.id))\">\n"
        h += "<h2>\(esc(c.government(app))) <small>\(esc(app.id))</small></h2>\n<table class=\"facts\">\n"
        var facts: [(String, String)] = []
        if let p = c.province(app) { facts.append((l.province, esc(p))) }
        facts += [(l.cityType, l.cityType(ev.cityType)), (l.population, ReportNumber.grouped(app.population)),
                  (l.status, l.status(ev.status))]
        if let s = app.submittedAt { facts.append((l.submittedAt, esc(s))) }
        facts += [(l.total, "<strong class=\"total\">\(ev.total)</strong> / \(ev.max)"), (l.percent, "\(ev.percent)%"),
                  (l.grade, "<strong class=\"grade\">\(ev.grade)</strong>"),
                  (l.certification, "<strong class=\"\(ev.certified ? "yes" : "no")\">\(l.certified(ev.certified))</strong>"),
                  (l.range, esc(c.rangeLine(e)))]
        if let d = c.decisionLine(e) { facts.append((l.decision, esc(d))) }
        if let note = e.decision?.note, !note.isEmpty { facts.append((l.note, esc(note))) }
        if ev.status != .final {
            if !ev.missingWritten.isEmpty { facts.append((l.missingWritten, esc(ev.missingWritten.map(c.memberLabel).joined(separator: ", ")))) }
            if !ev.missingSite.isEmpty { facts.append((l.missingSite, esc(ev.missingSite.map(c.memberLabel).joined(separator: ", ")))) }
        }
        for (k, v) in facts { h += "<tr><th>\(k)</th><td>\(v)</td></tr>\n" }
        h += "</table>\n"
        h += scoreTable(e, c)
        h += "<h3>\(l.chart)</h3>\n" + chart(e, c)
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

    /// One horizontal bar per field: the grey track is the field's maximum, the bar its score.
    static func chart(_ e: EvaluatedApplication, _ c: ReportContent) -> String {
        let fields = e.evaluation.fields
        let labelW = 190, barW = 330, rowH = 30, top = 8
        let height = top * 2 + rowH * fields.count
        var h = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"680\" height=\"\(height)\" "
        h += "viewBox=\"0 0 680 \(height)\" role=\"img\" aria-label=\"\(esc(c.labels.chart))\">\n"
        for (i, f) in fields.enumerated() {
            let y = top + i * rowH
            let filled = f.max.hundredths > 0 ? Int(Int64(barW) * min(f.score.hundredths, f.max.hundredths) / f.max.hundredths) : 0
            let name = DisplayWidth.truncate(c.fieldName(f.id), to: 28)
            h += "<text x=\"0\" y=\"\(y + 19)\" class=\"label\">\(esc(name))</text>\n"
            h += "<rect x=\"\(labelW)\" y=\"\(y + 5)\" width=\"\(barW)\" height=\"20\" class=\"track\"/>\n"
            h += "<rect x=\"\(labelW)\" y=\"\(y + 5)\" width=\"\(filled)\" height=\"20\" class=\"bar\"/>\n"
            h += "<text x=\"\(labelW + barW + 8)\" y=\"\(y + 19)\" class=\"figure\">\(f.score) / \(f.max) (\(f.score.percent(of: f.max))%)</text>\n"
        }
        return h + "</svg>\n"
    }

    static func flagged(_ e: EvaluatedApplication, _ c: ReportContent) -> String {
        let l = c.labels
        let list = e.evaluation.flagged
        var h = "<h3>\(l.flagged)</h3>\n"
        guard !list.isEmpty else { return h + "<p>\(l.noneFlagged)</p>\n" }
        h += "<table class=\"flags\">\n<thead><tr><th>\(l.scoreTableName)</th><th class=\"num\">\(l.max)</th>"
        h += "<th class=\"num\">\(l.writtenSpread)</th><th class=\"num\">\(l.siteSpread)</th><th class=\"num\">\(l.threshold)</th></tr></thead>\n<tbody>\n"
        for r in list {
            h += "<tr><td><code>\(esc(r.id))</code> \(esc(c.indicatorName(r.id)))</td><td class=\"num\">\(r.max)</td>"
            h += "<td class=\"num\">\(esc(c.spreadDetail(r.written)))</td><td class=\"num\">\(esc(c.spreadDetail(r.site)))</td>"
            h += "<td class=\"num\">&gt; \(c.flagThreshold(r))</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    static func signatures(_ e: EvaluatedApplication, _ c: ReportContent) -> String {
        let l = c.labels
        var h = "<div class=\"signatures\">\n<h3>\(l.signatures)</h3>\n"
        for m in c.signatories(e) {
            h += "<div class=\"signature\"><span class=\"role\">\(l.role(m.role))</span> "
            h += "<span class=\"name\">\(esc(m.name))</span>"
            if let a = m.affiliation, !a.isEmpty { h += " <span class=\"affiliation\">\(esc(a))</span>" }
            h += "<span class=\"line\">\(l.signature)</span><span class=\"date\">\(l.date)</span></div>\n"
        }
        return h + "</div>\n"
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

/// The report's print style sheet: A4 pages, a Korean font fallback list, one page per application.
enum HTMLStyle {
    static let css = """
    @page { size: A4; margin: 18mm 15mm 18mm 15mm; }
    html { font-family: "Noto Sans CJK KR", "Noto Sans KR", "Nanum Gothic", "Malgun Gothic", "Apple SD Gothic Neo", sans-serif;
           font-size: 10pt; color: #111; }
    body { margin: 0; }
    h1 { font-size: 20pt; margin: 40mm 0 6mm; }
    h2 { font-size: 15pt; margin: 0 0 4mm; border-bottom: 2px solid #333; padding-bottom: 1mm; }
    h2 small { font-size: 10pt; color: #555; font-weight: normal; }
    h3 { font-size: 11.5pt; margin: 6mm 0 2mm; }
    .sub { font-size: 12pt; margin: 1mm 0; }
    .cover h2 { margin-top: 12mm; }
    .page { page-break-before: always; break-before: page; }
    table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
    th, td { border: 1px solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
    thead { display: table-header-group; }
    tr { page-break-inside: avoid; break-inside: avoid; }
    th { background: #eee; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    table.facts { width: auto; }
    table.facts th { width: 32mm; }
    table.scores { font-size: 8.5pt; }
    tr.field td { font-weight: bold; background: #f3f3f3; }
    tr.item td:first-child { padding-left: 4mm; }
    tr.indicator td:first-child { padding-left: 8mm; }
    tr.flagged td { background: #fff3cd; }
    tr.sum td { font-weight: bold; border-top: 2px solid #333; }
    td.flag { text-align: center; color: #b00; }
    .yes { color: #060; } .no { color: #900; }
    svg.chart { display: block; margin: 2mm 0; }
    svg.chart text { font-family: inherit; font-size: 11px; fill: #111; }
    svg.chart .track { fill: #e3e3e3; } svg.chart .bar { fill: #2b6cb0; }
    .signatures { page-break-inside: avoid; break-inside: avoid; }
    .signature { display: flex; align-items: baseline; gap: 3mm; margin: 5mm 0; }
    .signature .role { width: 14mm; } .signature .name { width: 22mm; }
    .signature .affiliation { flex: 1; font-size: 8.5pt; color: #444; }
    .signature .line { width: 50mm; border-bottom: 1px solid #000; color: #888; font-size: 8pt; }
    .signature .date { width: 28mm; border-bottom: 1px solid #000; color: #888; font-size: 8pt; }
    ul.invalid code { white-space: pre-wrap; }
    """
}
