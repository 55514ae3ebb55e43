import CityCertCore
import CityCertReport
import Foundation
import Testing

/// A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes.
func parseCSV(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text)[...]
    while let ch = chars.popFirst() {
        if quoted {
            if ch == "\"" {
                if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
            } else {
                field.append(ch)
            }
        } else if ch == "\"" && field.isEmpty {
            quoted = true
        } else if ch == "," {
            record.append(field); field = ""
        } else if ch == "\r\n" {
            record.append(field); field = ""
            records.append(record); record = []
        } else {
            field.append(ch)
        }
    }
    if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
    return records
}

@Suite struct CSVReportTests {
    let round = ReportFixture.round()

    @Test func headerRowAsSpecified() {
        let korean = CSVReport.render(round).split(separator: "\r\n").first.map(String.init)
        #expect(korean == "회차,신청 ID,지자체,유형,상태,분야,항목,지표,지표명,점수,만점,서면,현장,서면수,현장수,편차,편차 큼,총점,신청 만점,득점률,등급,인증,"
                + "지표 최저,지표 최고,범위 최저,범위 최고,최저 등급,최고 등급,최저 시 인증,최고 시 인증,서면 미제출,현장 미제출,확정자,확정 일시,의결 총점,의결 등급,의결 메모")
        #expect(CSVReport.koreanColumns.count == CSVReport.columns.count)
        let first = CSVReport.render(round, language: .en).split(separator: "\r\n").first.map(String.init)
        #expect(first == "round,application,government,city_type,status,field,item,indicator,indicator_name,score,max,written,site,written_sheets,site_sheets,spread,flagged,total,app_max,percent,grade,certified,"
                + "low,high,range_low,range_high,grade_low,grade_high,certified_low,certified_high,missing_written,missing_site,finalized_by,finalized_at,decision_total,decision_grade,decision_note")
    }

    /// The range, who is missing and the decision (spec §4) on every row, as the JSON has them.
    @Test func rangeMissingAndDecisionOnEveryRow() {
        let records = parseCSV(CSVReport.render(round, language: .en))
        let h = records[0]
        func col(_ r: [String], _ name: String) -> String { r[h.firstIndex(of: name)!] }
        let andong = records.first { col($0, "application") == "2026-andong" && col($0, "indicator") == "IN-01" }!
        #expect([col(andong, "low"), col(andong, "high")] == ["12.00", "20.00"])
        #expect([col(andong, "range_low"), col(andong, "range_high"), col(andong, "grade_low"), col(andong, "grade_high")] == ["36.00", "44.00", "3", "2"])
        #expect(col(andong, "missing_site") == "kim lee" && col(andong, "finalized_by").isEmpty)
        let suwon = records.first { col($0, "application") == "2026-suwon" }!
        #expect([col(suwon, "finalized_by"), col(suwon, "decision_total"), col(suwon, "decision_grade"), col(suwon, "decision_note")] == ["kim", "80.07", "2", "현장실사 반영"])
        #expect(col(suwon, "certified_low") == "false" && col(suwon, "certified_high") == "true")
    }

    @Test func oneRowPerApplicationAndApplicableIndicator() {
        let records = parseCSV(CSVReport.render(round))
        let expected = round.applications.reduce(0) { $0 + round.standards.applicableIndicators(for: $1.evaluation.cityType).count }
        #expect(expected == 5)
        #expect(records.count == expected + 1)
        #expect(records.allSatisfy { $0.count == CSVReport.columns.count })
        #expect(!records.contains { $0[1] == "2026-andong" && $0[7] == "IN-02" }, "IN-02 is not applicable to small cities")
    }

    @Test func quotesANameWithACommaAndQuotes() {
        let text = CSVReport.render(round)
        #expect(text.contains(#",IN-02,"교통 ""스마트"" 신호, 보행|안전 <시범> & '확대'",24.00,30.00,"#))
        let row = parseCSV(text).first { $0[7] == "IN-02" }
        #expect(row?[8] == ReportFixture.trickyName)
        #expect(CSVReport.field("a\nb") == "\"a\nb\"")
        #expect(CSVReport.field("plain 한글") == "plain 한글")
        // Formula injection (issue 13): neutralised with a leading quote, then quoted as needed.
        #expect(CSVReport.field("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        #expect(CSVReport.field("+1") == "'+1" && CSVReport.field("-2") == "'-2" && CSVReport.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVReport.field("12.50") == "12.50" && CSVReport.field("a=b") == "a=b")
    }

    @Test func crlfRecordsAndNoByteOrderMarkUnlessAsked() {
        let text = CSVReport.render(round, language: .en)
        #expect(!text.hasPrefix("\u{FEFF}"))
        #expect(Array(text.utf8.prefix(5)) == Array("round".utf8))
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let bom = CSVReport.render(round, language: .en, byteOrderMark: true)
        #expect(Array(bom.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(bom.dropFirst() == Substring(text))
    }

    @Test func figuresEqualTheJSONFigures() throws {
        let records = parseCSV(CSVReport.render(round, language: .en))
        let col = Dictionary(uniqueKeysWithValues: records[0].enumerated().map { ($1, $0) })
        for f in try ReportFixture.jsonFigures(round) {
            let rows = records.dropFirst().filter { $0[col["application"]!] == f.id }
            #expect(rows.map { $0[col["indicator"]!] } == f.indicators.map { $0["id"] as! String })
            for (row, ind) in zip(rows, f.indicators) {
                #expect(row[col["score"]!] == ind["score"] as? String)
                #expect(row[col["max"]!] == ind["max"] as? String)
                #expect(row[col["written"]!] == (ind["written"] as? String ?? ""), "null is an empty field")
                #expect(row[col["site"]!] == (ind["site"] as? String ?? ""))
                #expect(row[col["written_sheets"]!] == String(ind["written_sheets"] as! Int))
                #expect(row[col["site_sheets"]!] == String(ind["site_sheets"] as! Int))
                #expect(row[col["spread"]!] == ind["spread"] as? String)
                #expect(row[col["flagged"]!] == String(ind["flagged"] as! Bool))
                #expect(row[col["total"]!] == f.total)
                #expect(row[col["app_max"]!] == f.max)
                #expect(row[col["percent"]!] == f.percent)
                #expect(row[col["grade"]!] == String(f.grade))
                #expect(row[col["certified"]!] == String(f.certified))
                #expect(row[col["round"]!] == "2026")
            }
        }
        let andong = parseCSV(CSVReport.render(round)).first { $0[1] == "2026-andong" }
        #expect(andong?[2] == "안동시")
        #expect(andong?[3] == "small")
        #expect(andong?[4] == "provisional")
        #expect(andong?[12] == "", "no site sheet counts: the JSON null is an empty field")
    }

    @Test func namesInTheLanguageAsked() {
        let records = parseCSV(CSVReport.render(round, language: .en))
        #expect(records.first { $0[1] == "2026-suwon" }?[2] == "Suwon-si")
        #expect(records.first { $0[7] == "IN-01" }?[8] == "Open datasets")
    }
}
