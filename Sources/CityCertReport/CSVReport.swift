import CityCertCore

/// The grade report as CSV (RFC 4180): one row per application and applicable indicator.
///
/// Records end with CRLF; a field holding a comma, a double quote, CR or LF is quoted, with its
/// quotes doubled. Figures are the JSON report's two-decimal strings; a phase with no sheet that
/// counts (JSON null) is an empty field; booleans are `true`/`false`; `city_type` and `status` are
/// the JSON values (`large`, `provisional`), while `government` and `indicator_name` are in the
/// language asked for. The application's figures (`total`, `app_max`, `percent`, `grade`,
/// `certified`) repeat on each of its rows so that every row stands alone in a spreadsheet.
/// Invalid applications have no rows (they are listed by the other formats). The header row is in
/// the language asked for (``koreanColumns`` in Korean, ``columns`` in English); the command writes
/// the byte order mark by default in Korean, for Korean Excel.
public enum CSVReport {
    /// The header row, in this order.
    public static let columns = [
        "round", "application", "government", "city_type", "status", "field", "item", "indicator",
        "indicator_name", "score", "max", "written", "site", "written_sheets", "site_sheets", "spread",
        "flagged", "total", "app_max", "percent", "grade", "certified",
        "low", "high", "range_low", "range_high", "grade_low", "grade_high", "certified_low", "certified_high",
        "missing_written", "missing_site", "finalized_by", "finalized_at", "decision_total", "decision_grade", "decision_note",
    ]

    /// The header row in Korean (`--lang ko`), column for column.
    public static let koreanColumns = [
        "회차", "신청 ID", "지자체", "유형", "상태", "분야", "항목", "지표",
        "지표명", "점수", "만점", "서면", "현장", "서면수", "현장수", "편차",
        "편차 큼", "총점", "신청 만점", "득점률", "등급", "인증",
        "지표 최저", "지표 최고", "범위 최저", "범위 최고", "최저 등급", "최고 등급", "최저 시 인증", "최고 시 인증",
        "서면 미제출", "현장 미제출", "확정자", "확정 일시", "의결 총점", "의결 등급", "의결 메모",
    ]

    /// The header row in a language: the machine names of the columns in English, Korean words in Korean.
    public static func header(_ language: Language) -> [String] { language == .ko ? koreanColumns : columns }

    /// The UTF-8 byte order mark that spreadsheet programs look for, written only when asked.
    public static let byteOrderMark = "\u{FEFF}"

    public static func render(_ round: RoundEvaluation, language: Language = .ko, byteOrderMark bom: Bool = false) -> String {
        var out = bom ? byteOrderMark : ""
        for row in rows(round, language: language) {
            out += row.map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// The records, header first, as unquoted text.
    public static func rows(_ round: RoundEvaluation, language: Language = .ko) -> [[String]] {
        let c = ReportContent(round, language: language)
        var out = [header(language)]
        for e in round.applications {
            let ev = e.evaluation
            for r in ev.indicators {
                out.append([
                    round.round, e.application.id, c.government(e.application), ev.cityType.rawValue,
                    ev.status.rawValue, r.field, r.item, r.id, c.indicatorName(r.id),
                    r.score.description, r.max.description,
                    r.written.aggregate?.description ?? "", r.site.aggregate?.description ?? "",
                    String(r.written.sheets), String(r.site.sheets), r.spread.description, String(r.flagged),
                    ev.total.description, ev.max.description, ev.percent.description, String(ev.grade),
                    String(ev.certified),
                    // Spec §3.9 for the indicator and the application, who is missing, the decision (spec §4).
                    r.low.description, r.high.description,
                    ev.range.low.description, ev.range.high.description, String(ev.range.gradeLow), String(ev.range.gradeHigh),
                    String(ev.range.certifiedLow), String(ev.range.certifiedHigh),
                    ev.missingWritten.joined(separator: " "), ev.missingSite.joined(separator: " "),
                    e.decision?.finalizedBy ?? "", e.decision?.finalizedAt ?? "", e.decision?.total ?? "",
                    e.decision.map { String($0.grade) } ?? "", e.decision?.note ?? "",
                ])
            }
        }
        return out
    }

    /// One field, quoted when RFC 4180 needs it. A field that a spreadsheet would take for a
    /// formula (it begins with `=`, `+`, `-`, `@`, a tab or a carriage return) is neutralised with
    /// a leading `'` (issue 13: an applicant's or a member's text never runs in a spreadsheet).
    public static func field(_ raw: String) -> String {
        var s = raw
        if let first = s.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { s = "'" + s }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        var quoted = "\""
        for ch in s {
            if ch == "\"" { quoted += "\"\"" } else { quoted.append(ch) }
        }
        return quoted + "\""
    }
}
