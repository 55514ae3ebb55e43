import CityCertCore
import CityCertReport
import Testing

/// The cells of a Markdown table row, split at the pipes that are not escaped.
func markdownCells(_ row: String) -> [String] {
    var cells: [String] = []
    var cell = ""
    var escaped = false
    for ch in row {
        if escaped { cell.append(ch); escaped = false; continue }
        if ch == "\\" { cell.append(ch); escaped = true; continue }
        if ch == "|" { cells.append(trimmed(cell)); cell = ""; continue }
        cell.append(ch)
    }
    cells.append(trimmed(cell))
    return Array(cells.dropFirst().dropLast())   // the text before the first and after the last pipe
}

@Suite struct MarkdownReportTests {
    let round = ReportFixture.round()
    var lines: [String] { MarkdownReport.render(round).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    @Test func pipesInNamesAreEscapedAndEveryRowKeepsItsColumns() {
        let md = MarkdownReport.render(round)
        #expect(md.contains(#"`IN-02` 교통 "스마트" 신호, 보행\|안전 \<시범\> & '확대' | 24.00 | 30.00 |"#))
        #expect(!md.contains("보행|안전"))
        var tables = 0
        var header = 0
        for line in lines where line.hasPrefix("|") {
            let cells = markdownCells(line)
            if line.hasPrefix("|---") { tables += 1; continue }
            if cells.first == "분야 / 항목 / 지표" { header = cells.count }
            #expect(cells.count == 9 || cells.count == 8, "\(line)")
        }
        #expect(header == 9)
        #expect(tables == 2 + 2, "two score tables and two summary tables (large, small)")
    }

    @Test func escapeFunction() {
        #expect(MarkdownReport.escape("a|b*c_d`e[f]<g>#h\\i~j") == ##"a\|b\*c\_d\`e\[f\]\<g\>\#h\\i\~j"##)
        #expect(MarkdownReport.escape("줄\n바꿈") == "줄 바꿈")
        #expect(MarkdownReport.escape("수원시 2026-suwon") == "수원시 2026-suwon")
    }

    @Test func figuresEqualTheJSONFigures() throws {
        for f in try ReportFixture.jsonFigures(round) {
            let start = try #require(lines.firstIndex { $0.hasPrefix("## \(f.id) ") })
            let section = lines[start...].prefix { $0 == lines[start] || !$0.hasPrefix("## ") }
            for ind in f.indicators {
                let id = ind["id"] as! String
                let row = try #require(section.first { $0.contains("`\(id)`") && $0.hasPrefix("|") })
                let cells = markdownCells(row)
                #expect(Array(cells[1...7]) == [ind["score"] as! String, ind["max"] as! String,
                                                ind["written"] as? String ?? "-", ind["site"] as? String ?? "-",
                                                String(ind["written_sheets"] as! Int), String(ind["site_sheets"] as! Int),
                                                ind["spread"] as! String])
                #expect(cells[8] == ((ind["flagged"] as! Bool) ? "!" : ""))
            }
            #expect(section.contains("- 총점: **\(f.total)** / \(f.max)"))
            #expect(section.contains("- 득점률: \(f.percent)%"))
            #expect(section.contains("- 등급: \(f.grade)"))
            #expect(section.contains("- 인증: **\(f.certified ? "인증" : "미인증")**"))
        }
    }

    @Test func sameContentAsTheTextReport() {
        let md = MarkdownReport.render(round)
        #expect(md.hasPrefix("# 2026년 스마트도시 인증 (시험)\n"))
        #expect(md.contains("## 2026-andong 안동시 (경상북도)"))
        #expect(md.contains("- 인구: 1,190,000"))
        #expect(md.contains("- 상태: 잠정"))
        #expect(md.contains("- 확정: 김민수 (kim), 2026-09-21 00:00 KST (비고: 현장실사 반영)"))
        #expect(md.contains("- 가능 범위: 64.20–88.00 · 4–2등급 · 인증선을 넘나듦"))
        #expect(md.contains(#"- `IN-01` 공공데이터 개방 건수: 서면 편차 16.00 (24.00\~40.00), 현장 편차 0.00 (40.00\~40.00), 기준 10.00"#))
        let large = md.range(of: "### 대도시 (1)")!.lowerBound
        let small = md.range(of: "### 중소도시 (1)")!.lowerBound
        #expect(large < small)
        #expect(md.contains(#"- applications/2026-jeonju/application.yaml:7: city\_type 'small' contradicts population 641000"#))
    }
}
