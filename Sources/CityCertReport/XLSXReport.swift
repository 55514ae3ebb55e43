import CityCertCore
import Foundation

/// The grade report as an Excel workbook: a summary sheet (one row per application), an indicator
/// sheet (one row per application and applicable indicator, with written, site, spread and flag),
/// and, when asked, the member annex (one row per application, indicator, member and phase).
///
/// Every figure is a number cell holding the JSON report's exact two-decimal figure (`1423.50`)
/// and shown with the `0.00` format; counts and grades are whole numbers; headers follow the
/// report's language. Invalid applications have no rows (the PDF's annex lists them).
public enum XLSXReport {
    public static func render(_ round: RoundEvaluation, language: Language = .ko, options: ReportOptions = ReportOptions()) throws -> Data {
        try XLSXWriter.workbook(sheets(round, language: language, options: options))
    }

    /// The sheets, before packing (for tests and for other writers).
    public static func sheets(_ round: RoundEvaluation, language: Language = .ko, options: ReportOptions = ReportOptions()) -> [XLSXWriter.Sheet] {
        let c = ReportContent(round, language: language, options: options)
        var out = [summary(c), indicators(c)]
        if options.annexes.contains(.members) { out.append(members(c)) }
        return out
    }

    static func decimal(_ p: Points?) -> XLSXWriter.Cell { p.map { .decimal($0.description) } ?? .empty }

    static func summary(_ c: ReportContent) -> XLSXWriter.Sheet {
        let l = c.labels
        let header = [l.application, l.government, l.province, l.cityType, l.status, l.total, l.max, l.percent, l.grade,
                      l.certification, l.t("범위 하한", "Range low"), l.t("범위 상한", "Range high"), l.t("등급 범위", "Grades in range"),
                      l.decision, l.disagreementShort]
        let rows: [[XLSXWriter.Cell]] = c.round.applications.map { e in
            let ev = e.evaluation
            return [.text(e.application.id), .text(c.government(e.application)), .text(c.province(e.application) ?? ""),
                    .text(l.cityType(ev.cityType)), .text(l.status(ev.status)), decimal(ev.total), decimal(ev.max),
                    decimal(ev.percent), .integer(ev.grade), .text(l.certified(ev.certified)), decimal(ev.range.low),
                    decimal(ev.range.high), .text(l.rangeGrades(ev.range)),
                    .text(c.finalizedLine(e) ?? ""), .text(e.decisionDisagrees ? "⚠" : "")]
        }
        return XLSXWriter.Sheet(name: l.allCities, header: header, rows: rows)
    }

    static func indicators(_ c: ReportContent) -> XLSXWriter.Sheet {
        let l = c.labels
        let header = [l.application, l.government, l.t("분야", "Field"), l.t("항목", "Item"), l.t("지표 ID", "Indicator"),
                      l.t("지표명", "Indicator name"), l.score, l.max, l.written, l.site, l.writtenSheets, l.siteSheets,
                      l.spread, l.flag]
        var rows: [[XLSXWriter.Cell]] = []
        for e in c.round.applications {
            for r in e.evaluation.indicators {
                rows.append([.text(e.application.id), .text(c.government(e.application)), .text(c.fieldName(r.field)),
                             .text(c.itemName(r.item)), .text(r.id), .text(c.indicatorName(r.id)), decimal(r.score),
                             decimal(r.max), decimal(r.written.aggregate), decimal(r.site.aggregate),
                             .integer(r.written.sheets), .integer(r.site.sheets), decimal(r.spread),
                             .text(r.flagged ? l.flagMark : "")])
            }
        }
        return XLSXWriter.Sheet(name: l.indicatorSheet, header: header, rows: rows,
                                widths: [16, 12, 18, 22, 10, 44, 9, 9, 9, 9, 7, 7, 9, 8])
    }

    static func members(_ c: ReportContent) -> XLSXWriter.Sheet {
        let l = c.labels
        let header = [l.application, l.t("지표 ID", "Indicator"), l.member, l.phase, l.points, l.entry, l.note, l.clarification]
        var rows: [[XLSXWriter.Cell]] = []
        for e in c.round.applications {
            for r in e.evaluation.indicators {
                for (phase, result) in [(l.written, r.written), (l.site, r.site)] {
                    for m in result.members {
                        let entry: XLSXWriter.Cell = m.entry.value.map { .decimal("\($0)") } ?? m.entry.level.map { .integer($0) } ?? .empty
                        rows.append([.text(e.application.id), .text(r.id), .text(c.annexName(m.member)), .text(phase),
                                     decimal(m.points), entry, .text(m.entry.note ?? ""), .text(m.entry.clarification ?? "")])
                    }
                }
            }
        }
        return XLSXWriter.Sheet(name: l.membersAnnex, header: header, rows: rows, widths: [16, 10, 12, 8, 9, 9, 40, 40])
    }
}
