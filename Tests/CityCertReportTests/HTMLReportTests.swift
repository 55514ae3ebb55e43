import CityCertCore
import CityCertReport
import Foundation
import Testing

@Suite struct HTMLReportTests {
    let round = ReportFixture.round()
    var html: String { HTMLReport.render(round) }

    /// The `<section>` of one application.
    func section(_ id: String, in html: String) throws -> String {
        let start = try #require(html.range(of: "<section class=\"application page\" id=\"app-\(id)\">"))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func printReadyDocumentWithoutExternalResources() {
        let h = html
        #expect(h.hasPrefix("<!DOCTYPE html>\n<html lang=\"ko\">\n"))
        #expect(h.contains("<meta charset=\"utf-8\">"))
        #expect(h.contains("@page { size: A4;"))
        #expect(h.contains(#"font-family: "Noto Sans CJK KR", "Noto Sans KR", "Nanum Gothic", "Malgun Gothic", "Apple SD Gothic Neo", sans-serif;"#))
        #expect(h.contains("page-break-before: always"))
        #expect(h.components(separatedBy: "class=\"application page\"").count - 1 == 2)
        for external in ["<link", "<script", "src=", "@import", "url(", "https:"] {
            #expect(!h.contains(external), "\(external)")
        }
        #expect(h.hasSuffix("</body>\n</html>\n"))
        #expect(HTMLReport.render(round, language: .en).contains("<html lang=\"en\">"))
    }

    @Test func everyTextIsEscaped() {
        let h = html
        #expect(h.contains("교통 &quot;스마트&quot; 신호, 보행|안전 &lt;시범&gt; &amp; &#39;확대&#39;"))
        #expect(!h.contains("<시범>"))
        #expect(!h.contains("'확대'"))
        #expect(h.contains("서울대학교 &lt;환경대학원&gt;"), "affiliations too")
        #expect(HTMLReport.esc(#"a&b<c>d"e'f"#) == "a&amp;b&lt;c&gt;d&quot;e&#39;f")
    }

    @Test func eachApplicationShowsItsTotalGradeAndFigures() throws {
        let h = html
        for f in try ReportFixture.jsonFigures(round) {
            let s = try section(f.id, in: h)
            #expect(s.contains("<strong class=\"total\">\(f.total)</strong> / \(f.max)"))
            #expect(s.contains("<th>득점률</th><td>\(f.percent)%</td>"))
            #expect(s.contains("<strong class=\"grade\">\(f.grade)</strong>"))
            #expect(s.contains(f.certified ? ">인증</strong>" : ">미인증</strong>"))
            for ind in f.indicators {
                let cells = [ind["score"] as! String, ind["max"] as! String, ind["written"] as? String ?? "-",
                             ind["site"] as? String ?? "-", String(ind["written_sheets"] as! Int),
                             String(ind["site_sheets"] as! Int), ind["spread"] as! String]
                let row = cells.map { "<td class=\"num\">\($0)</td>" }.joined()
                #expect(s.contains(row), "\(ind["id"]!)")
            }
            // summary row on the summary page
            #expect(h.contains("<td class=\"num\">\(f.total)</td><td class=\"num\">\(f.max)</td><td class=\"num\">\(f.percent)</td><td class=\"num\">\(f.grade)</td>"))
        }
    }

    @Test func barChartPerFieldAgainstItsMaximum() throws {
        let s = try section("2026-andong", in: html)
        #expect(s.components(separatedBy: "<svg ").count - 1 == 1)
        #expect(s.components(separatedBy: "class=\"bar\"").count - 1 == 2, "one bar per field")
        #expect(s.contains("<text x=\"0\" y=\"27\" class=\"label\">혁신성</text>"))
        #expect(s.contains("16.00 / 20.00 (80.00%)"))
        // 16/20 of a 330-pixel track
        #expect(s.contains("width=\"264\" height=\"20\" class=\"bar\""))
    }

    @Test func flaggedIndicatorsWithEachPhasesSpread() throws {
        let s = try section("2026-suwon", in: html)
        #expect(s.contains("<td class=\"num\">16.00 (24.00~40.00)</td><td class=\"num\">0.00 (40.00~40.00)</td><td class=\"num\">&gt; 10.00</td>"))
        #expect(s.contains("<td class=\"num\">18.00 (12.00~30.00)</td>"))
        let a = try section("2026-andong", in: html)
        #expect(a.contains("<td class=\"num\">8.00 (12.00~20.00)</td><td class=\"num\">-</td>"), "no site sheet: -")
    }

    @Test func signaturesOfTheEligibleMembersOnly() throws {
        let andong = try section("2026-andong", in: html)
        let block = String(andong[andong.range(of: "<div class=\"signatures\">")!.lowerBound...])
        #expect(block.contains("<span class=\"role\">위원장</span> <span class=\"name\">김민수</span>"))
        #expect(block.contains("이서연"))
        #expect(!block.contains("박준호"), "conflicted on 안동시")
        #expect(!block.contains("한지우"), "secretaries do not sign")
        #expect(block.components(separatedBy: "class=\"line\"").count - 1 == 2)
        let suwon = try section("2026-suwon", in: html)
        #expect(suwon.contains("박준호"))
    }

    @Test func coverAndSummary() {
        let h = html
        #expect(h.contains("<h1>2026년 스마트도시 인증 (시험)</h1>"))
        #expect(h.contains("<code>kr-test-2026</code>"))
        #expect(h.contains("<tr><td>간사</td><td>한지우</td><td>국토연구원</td></tr>"))
        let large = h.range(of: "<h3>대도시 (1)</h3>")!.lowerBound
        let small = h.range(of: "<h3>중소도시 (1)</h3>")!.lowerBound
        #expect(large < small)
        #expect(h.contains("<li><code>applications/2026-jeonju/application.yaml:7: city_type &#39;small&#39; contradicts population 641000</code></li>"))
    }
}
