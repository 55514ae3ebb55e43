import CityCertCore
import CityCertReport
import Testing

/// The text between display columns `from` and `to` (a wide character takes two columns).
func displayColumns(_ line: String, _ from: Int, _ to: Int) -> String {
    var col = 0
    var out = ""
    for ch in line {
        let w = DisplayWidth.of(ch)
        if col >= from && col + w <= to { out.append(ch) }
        col += w
    }
    return out
}

func trimmed(_ s: String) -> String {
    String(s.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
}

@Suite struct TextReportTests {
    let round = ReportFixture.round()
    var text: String { TextReport.render(round, language: .ko) }
    var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The lines of one application's block, from its `[n/N]` heading to the next blank-line section.
    func block(_ id: String, in lines: [String]) -> [String] {
        guard let start = lines.firstIndex(where: { $0.hasPrefix("[") && $0.contains(id) }) else { return [] }
        let rest = lines[(start + 1)...]
        let end = rest.firstIndex { $0.hasPrefix("[") || $0.hasPrefix("====") } ?? lines.endIndex
        return Array(lines[start..<end])
    }

    /// The score table's header and rows (rules and legend left out).
    func tableRows(_ block: [String]) -> [String] {
        guard let header = block.firstIndex(where: { $0.hasPrefix("분야 / 항목 / 지표") || $0.hasPrefix("Field / item") }) else { return [] }
        return [block[header]] + block[(header + 2)...].prefix { !$0.hasPrefix("-----") }
    }

    @Test func everyTableRowHasTheSameWidthUpToTheFlag() {
        for id in ["2026-andong", "2026-suwon"] {
            let rows = tableRows(block(id, in: lines))
            #expect(rows.count == (id == "2026-suwon" ? 1 + 2 + 2 + 3 : 1 + 2 + 2 + 2))
            for row in rows {
                let w = DisplayWidth.of(row)
                #expect(w == 98 || (w == 100 && row.hasSuffix(" !")), "\(w): |\(row)|")
            }
        }
    }

    @Test func scoreColumnStartsAtTheSameDisplayColumnWithHangul() throws {
        let figures = try ReportFixture.jsonFigures(round)
        for f in figures {
            let rows = tableRows(block(f.id, in: lines))
            #expect(trimmed(displayColumns(rows[0], 40, 48)) == "점수")
            #expect(trimmed(displayColumns(rows[0], 49, 57)) == "만점")
            for ind in f.indicators {
                let id = ind["id"] as! String
                let row = try #require(rows.first { $0.hasPrefix("    \(id) ") })
                #expect(displayColumns(row, 39, 40) == " ", "the name column ends at column 39: |\(row)|")
                #expect(trimmed(displayColumns(row, 40, 48)) == ind["score"] as? String)
                #expect(trimmed(displayColumns(row, 49, 57)) == ind["max"] as? String)
                #expect(trimmed(displayColumns(row, 58, 66)) == (ind["written"] as? String ?? "-"))
                #expect(trimmed(displayColumns(row, 67, 75)) == (ind["site"] as? String ?? "-"))
                #expect(trimmed(displayColumns(row, 76, 82)) == String(ind["written_sheets"] as! Int))
                #expect(trimmed(displayColumns(row, 83, 89)) == String(ind["site_sheets"] as! Int))
                #expect(trimmed(displayColumns(row, 90, 98)) == ind["spread"] as? String)
                #expect(row.hasSuffix(" !") == (ind["flagged"] as! Bool))
            }
        }
    }

    @Test func totalsMatchJSONAndTheSumOfTheRows() throws {
        for f in try ReportFixture.jsonFigures(round) {
            let b = block(f.id, in: lines)
            let sum = tableRows(b).filter { $0.hasPrefix("    ") }
                .compactMap { Points(trimmed(displayColumns($0, 40, 48))) }
                .reduce(Points.zero, +)
            #expect(sum.description == f.total)
            #expect(b.contains("총점:          \(f.total)"))
            #expect(b.contains("만점:          \(f.max)"))
            #expect(b.contains("득점률:        \(f.percent)%"))
            #expect(b.contains("등급:          \(f.grade)"))
            #expect(b.contains("인증:          \(f.certified ? "인증" : "미인증")"))
        }
    }

    @Test func factsStatusAndDecisionInKorean() {
        let andong = block("2026-andong", in: lines)
        #expect(andong[0] == "[1/2] 2026-andong  안동시 (경상북도)")
        #expect(andong.contains("유형:          중소도시"))
        #expect(andong.contains("인구:          153,000"))
        #expect(andong.contains("상태:          잠정"))
        #expect(andong.contains("현장실사 미제출: 김민수 (kim), 이서연 (lee)"))
        let suwon = block("2026-suwon", in: lines)
        #expect(suwon.contains("인구:          1,190,000"))
        #expect(suwon.contains("상태:          확정"))
        #expect(suwon.contains("확정:          김민수 (kim), 2026-09-21 00:00 KST"), "in Korea's time")
        #expect(suwon.contains("가능 범위:     64.20–88.00 · 4–2등급 · 인증선을 넘나듦"), "\(suwon)")
        #expect(andong.contains("가능 범위:     36.00–44.00 · 3–2등급 · 잠정: 미제출 평가표가 들어오면 바뀜"), "provisional: no verdict")
        #expect(suwon.contains("편차 큰 지표:  2"))
        #expect(suwon.contains { $0.hasPrefix("  IN-02 교통 \"스마트\"") && $0.contains("서면 편차 18.00 (12.00~30.00)") })
    }

    /// A decision whose total disagrees with the sheets is marked, with its own figures.
    @Test func aDecisionThatDisagreesWithTheSheetsIsMarked() {
        var r = round
        let i = r.applications.firstIndex { $0.application.id == "2026-suwon" }!
        r.applications[i].decision?.total = "0.00"
        let text = TextReport.render(r, language: .en)
        #expect(text.contains("— ⚠ the decision disagrees with the sheets (0.00,\n  Grade 2)"), "wrapped under its fact")
        #expect(!TextReport.render(round, language: .en).contains("⚠"), "an agreeing decision is not marked")
    }

    @Test func longNamesAreCutWithAnEllipsisAndNothingIsWiderThan100() {
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 100 })
        let row = lines.first { $0.hasPrefix("    GV-01 ") }
        #expect(row?.contains("…") == true)
        #expect(!text.contains(ReportFixture.longName))
    }

    @Test func summaryListsLargeCitiesFirstThenInvalid() {
        let summary = Array(lines.drop { !$0.hasPrefix("종합 (유형별)") })
        let large = summary.firstIndex { $0.hasPrefix("대도시 (1)") }
        let suwon = summary.firstIndex { $0.hasPrefix("2026-suwon ") }
        let small = summary.firstIndex { $0.hasPrefix("중소도시 (1)") }
        let andong = summary.firstIndex { $0.hasPrefix("2026-andong ") }
        #expect(large != nil && suwon != nil && small != nil && andong != nil)
        #expect(large! < suwon! && suwon! < small! && small! < andong!)
        let row = summary[suwon!]
        #expect(row.contains("수원시") && row.contains(" 80.07 ") && row.contains("100.00") && row.hasSuffix("확정"))
        #expect(summary.contains("  applications/2026-jeonju/application.yaml:7: city_type 'small' contradicts population 641000"))
    }

    @Test func englishLabelsAndNames() {
        let en = TextReport.render(round, language: .en)
        #expect(en.contains("[1/2] 2026-andong  Andong-si (Gyeongsangbuk-do)"))
        #expect(en.contains("Status:        provisional"))
        #expect(en.contains("Status:        final"))
        #expect(en.contains("Certification: certified"))
        #expect(en.contains("    IN-01 Open datasets "))
        #expect(!en.contains("잠정"))
    }

    @Test func groupedNumbers() {
        #expect(ReportNumber.grouped(0) == "0")
        #expect(ReportNumber.grouped(999) == "999")
        #expect(ReportNumber.grouped(1000) == "1,000")
        #expect(ReportNumber.grouped(1_190_000) == "1,190,000")
        #expect(ReportNumber.grouped(-12_345) == "-12,345")
    }
}
