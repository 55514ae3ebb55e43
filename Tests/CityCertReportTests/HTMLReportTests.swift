import CityCertCore
@testable import CityCertReport
import Foundation
import Testing

@Suite struct HTMLReportTests {
    let round = ReportFixture.round()
    /// 2025-11-30 12:00 in Korea.
    static let issued = Date(timeIntervalSince1970: 1_764_471_600)
    var html: String { HTMLReport.render(round, options: ReportOptions(issuedAt: Self.issued)) }

    /// The `<section>` of one application.
    func section(_ id: String, in html: String) throws -> String {
        let start = try #require(html.range(of: "id=\"app-\(id)\">"))
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
        #expect(h.components(separatedBy: "class=\"application page ").count - 1 == 2)
        for external in ["<link", "<script", "src=", "@import", "https:", "url(\"http", "url(\"file"] {
            #expect(!h.contains(external), "\(external)")
        }
        #expect(h.components(separatedBy: "url(").count - 1 == 1, "the watermark only, as a data URL")
        #expect(h.contains("url(\"data:image/svg+xml;base64,"))
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
        #expect(s.components(separatedBy: "<div class=\"bar\" ").count - 1 == 2, "one bar per field")
        #expect(s.contains("<div class=\"bar-label\">혁신성</div>"), "the whole name, in a box that wraps")
        #expect(s.contains("16.00 / 20.00 (80.00%)"))
        #expect(s.contains("<div class=\"bar\" style=\"width: 80.00%\"></div>"))
        #expect(!s.contains("…"), "no label is cut")
    }

    @Test func everyPageCarriesTitleIssueDateNumberAndPageNumbers() {
        let h = html
        #expect(h.contains(#"@top-left { content: "2026년 스마트도시 인증 (시험)";"#))
        #expect(h.contains(#"@top-right { content: "발행일 2025. 11. 30.";"#))
        #expect(h.contains(#"@bottom-right { content: counter(page) "\2002/\2002" counter(pages);"#))
        #expect(h.contains(#"@bottom-left { content: "문서번호 CC-2026-20251130-"#))
        #expect(h.contains("발행일 2025. 11. 30. · 문서번호 CC-2026-20251130-"), "on the cover too")
        let en = HTMLReport.render(round, language: .en, options: ReportOptions(issuedAt: Self.issued, documentNumber: "MOLIT-7"))
        #expect(en.contains(#"content: "Issued 2025. 11. 30.";"#) && en.contains(#"content: "Document no. MOLIT-7";"#))
        #expect(HTMLStyle.cssString("a\"b\\c</style>") == #""a\22 b\5c c\3c /style\3e ""#)
    }

    @Test func provisionalPagesCarryTheMarkAndNoSignatures() throws {
        let h = html
        #expect(h.contains("@page provisional {\n  @top-center { content: \"잠정 (확정 전)\";"))
        #expect(h.contains("section.provisional { page: provisional; background-image: url("))
        let andong = try section("2026-andong", in: h)
        #expect(h.contains("<section class=\"application page provisional\" id=\"app-2026-andong\">"))
        #expect(andong.contains("잠정 (확정 전)"))
        #expect(!andong.contains("class=\"signatures\"") && !andong.contains("class=\"line\""), "no signature on a grade not decided")
        #expect(andong.contains("<tr><th>현장실사 미제출</th><td>김민수, 이서연</td></tr>"), "names, no ids")
    }

    @Test func finalPagesShowWhoFinalizedWhenTheNoteAndTheSignatures() throws {
        let h = html
        #expect(h.contains("<section class=\"application page final\" id=\"app-2026-suwon\">"))
        let suwon = try section("2026-suwon", in: h)
        #expect(suwon.contains("<tr><th>확정</th><td>위원장 김민수, 2026. 9. 21. 00:00</td></tr>"), "Korea's time, names")
        #expect(suwon.contains("<tr><th>비고</th><td>현장실사 반영</td></tr>"))
        #expect(!suwon.contains("잠정"))
        let block = String(suwon[try #require(suwon.range(of: "<div class=\"signatures\">")).lowerBound...])
        #expect(block.contains("<span class=\"role\">위원장</span> <span class=\"name\">김민수</span>"))
        #expect(block.contains("이서연") && block.contains("박준호"), "the members whose sheets counted")
        #expect(!block.contains("한지우"), "secretaries do not sign")
        #expect(block.components(separatedBy: "class=\"line\"").count - 1 == 3)
        #expect(!suwon.contains("⚠"), "the decision agrees with the sheets")
    }

    @Test func aDecisionThatDisagreesWithItsSheetsIsMarked() throws {
        var r = round
        let i = try #require(r.applications.firstIndex { $0.application.id == "2026-suwon" })
        r.applications[i].decision?.total = "90.00"
        r.applications[i].decision?.grade = 1
        let h = HTMLReport.render(r, options: ReportOptions(issuedAt: Self.issued))
        let suwon = try section("2026-suwon", in: h)
        #expect(suwon.contains("확정 결과가 현재 평가표와 다름: 확정 당시 90.00 · 등급 1"))
        #expect(h.contains("확정 <span class=\"disagree\">⚠ 결정≠평가표</span>"), "and in the summary")
    }

    @Test func annexesOfMembersAndNotesWhenAsked() throws {
        #expect(!html.contains("위원별 평가표") && !html.contains("위원 의견 및 질의"))
        let named = HTMLReport.render(round, options: ReportOptions(issuedAt: Self.issued, annexes: [.members, .notes]))
        #expect(named.contains("<h2>부록 B. 위원별 평가표</h2>") && named.contains("<h2>부록 C. 위원 의견 및 질의</h2>"))
        #expect(named.contains("<th class=\"num\">김민수</th><th class=\"num\">이서연</th><th class=\"num\">박준호</th>"))
        #expect(named.contains("<td class=\"num\">24.00 / -</td>"), "park's written points; his site sheet does not count")
        let anonymous = HTMLReport.render(round, options: ReportOptions(issuedAt: Self.issued, annexes: [.members], anonymous: true))
        #expect(anonymous.contains("<th class=\"num\">위원 A</th><th class=\"num\">위원 B</th><th class=\"num\">위원 C</th>"))
        let annex = String(anonymous[try #require(anonymous.range(of: "id=\"annex-members\"")).lowerBound...])
        #expect(!annex.contains("김민수") && !annex.contains("박준호"))
    }

    @Test func flaggedIndicatorsWithEachPhasesSpread() throws {
        let s = try section("2026-suwon", in: html)
        #expect(s.contains("<td class=\"num\">16.00 (24.00~40.00)</td><td class=\"num\">0.00 (40.00~40.00)</td><td class=\"num\">&gt; 10.00</td>"))
        #expect(s.contains("<td class=\"num\">18.00 (12.00~30.00)</td>"))
        let a = try section("2026-andong", in: html)
        #expect(a.contains("<td class=\"num\">8.00 (12.00~20.00)</td><td class=\"num\">-</td>"), "no site sheet: -")
    }


    @Test func theSummaryAndEachPageShowTheRangeOfTheJSONReport() throws {
        let h = html
        let json = try JSONSerialization.jsonObject(with: Data(JSONReport.render(round).utf8)) as! [String: Any]
        for a in json["applications"] as! [[String: Any]] {
            let r = a["range"] as! [String: Any]
            let (lo, hi) = (r["low"] as! String, r["high"] as! String)
            #expect(h.contains("<td class=\"range\">\(lo)–\(hi) · "), "\(a["id"]!)")
            #expect(try section(a["id"] as! String, in: h).contains("<tr><th>가능 범위</th><td>\(lo)–\(hi) · "))
        }
        #expect(try section("2026-suwon", in: h).contains("64.20–88.00 · 4–2등급 · 인증선을 넘나듦"))
    }

    @Test func coverAndSummary() {
        let h = html
        #expect(h.contains("<h1>2026년 스마트도시 인증 (시험)</h1>"))
        #expect(h.contains("<code>kr-test-2026</code>"))
        #expect(h.contains("<tr><td>간사</td><td>한지우</td><td>국토연구원</td></tr>"))
        let summary = String(h[h.range(of: "<section class=\"summary page\">")!.lowerBound...])
        let large = summary.range(of: "2026-suwon</a>")!.lowerBound
        let small = summary.range(of: "2026-andong</a>")!.lowerBound
        #expect(large < small, "one table, large cities first")
        #expect(summary.contains("<th>가능 범위</th>"))
        #expect(summary.contains("<h3>도시별 득점률 비교</h3>"))
        #expect(summary.contains("<div class=\"bar no\" style=\"width: 80.00%\"></div>") || summary.contains("<div class=\"bar yes\" style=\"width: 80.00%\"></div>"))
        #expect(summary.contains("<div class=\"mark\" style=\"left: 70.00%\"></div>"), "the grade thresholds")
        // The invalid application: in an annex, with the reason in Korean, not the developer's diagnostic.
        let before = String(h[..<h.range(of: "id=\"annex-invalid\"")!.lowerBound])
        #expect(!before.contains("contradicts"))
        #expect(h.contains("<tr><td>2026-jeonju</td><td><code>applications/2026-jeonju/application.yaml:7</code></td><td>신청서: 도시 유형이 인구와 맞지 않음 (7행)</td></tr>"))
        #expect(!h.contains("contradicts population"))
    }
}
