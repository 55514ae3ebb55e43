import CityCertCore
import CityCertReport
import Foundation
import Testing

@Suite struct JSONReportTests {
    let round = ReportFixture.round()

    @Test func topLevelKeysInSpecOrder() {
        let compact = JSONReport.document(round, indent: nil)
        #expect(compact.hasPrefix(#"{"round":"2026","standards":"kr-test-2026","applications":[{"id":"2026-andong","#))
        let order = ["\"round\"", "\"standards\"", "\"applications\"", "\"invalid\""].map { compact.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
    }

    @Test func applicationKeysFiguresAndNulls() {
        let compact = JSONReport.document(round, indent: nil)
        // 안동시: exactly 80% of 50 → grade 2; no site sheet counts → site null; IN-02 not applicable.
        #expect(compact.contains(#"{"id":"2026-andong","government":"안동시","city_type":"small","status":"provisional","total":"40.00","max":"50.00","percent":"80.00","grade":2,"certified":true,"fields":[{"id":"innovation","score":"16.00","max":"20.00"},{"id":"governance","score":"24.00","max":"30.00"}],"items":[{"id":"open-data","field":"innovation","score":"16.00","max":"20.00"},{"id":"institutions","field":"governance","score":"24.00","max":"30.00"}],"indicators":[{"id":"IN-01","item":"open-data","score":"16.00","max":"20.00","written":"16.00","site":null,"written_sheets":2,"site_sheets":0,"spread":"8.00","flagged":true},{"id":"GV-01","item":"institutions","score":"24.00","max":"30.00","written":"24.00","site":null,"written_sheets":2,"site_sheets":0,"spread":"0.00","flagged":false}],"range":{"low":"36.00","high":"44.00","grade_low":3,"grade_high":2,"certified_low":true,"certified_high":true},"missing":{"written":[],"site":["kim","lee"]},"decision":null}"#))
        // §3.9 by hand: IN-01's two members gave 12 and 20 → low 12 + 24 = 36 (72 %, grade 3), high 20 + 24 = 44 (88 %, grade 2).
        // 수원시: 0.7 × 34.67 + 0.3 × 40 = 36.269 → 36.27; park's site sheet is outside the site team.
        #expect(compact.contains(#"{"id":"IN-01","item":"open-data","score":"36.27","max":"40.00","written":"34.67","site":"40.00","written_sheets":3,"site_sheets":2,"spread":"16.00","flagged":true}"#))
        #expect(compact.contains(#""status":"final","total":"80.07","max":"100.00","percent":"80.07","grade":2,"certified":true"#))
        // 수원시's range: IN-01 low 0.7 × 24 + 0.3 × 40 = 28.8, IN-02 low 0.7 × 12 + 0.3 × 24 = 15.6, GV-01 19.8 → 64.2 (grade 4).
        #expect(compact.contains(#""range":{"low":"64.20","high":"88.00","grade_low":4,"grade_high":2,"certified_low":false,"certified_high":true},"missing":{"written":[],"site":[]},"decision":{"finalized_by":"kim","finalized_at":"2026-09-20T15:00:00Z","total":"80.07","grade":2,"note":"현장실사 반영"}}"#))
        #expect(compact.hasSuffix(#""invalid":[{"path":"applications/2026-jeonju/application.yaml","line":7,"error":"city_type 'small' contradicts population 641000"}]}"#))
    }

    @Test func prettyOutputParsesAndEndsWithNewline() throws {
        let text = JSONReport.render(round)
        #expect(text.hasSuffix("}\n"))
        let figures = try ReportFixture.jsonFigures(round)
        #expect(figures.map(\.id) == ["2026-andong", "2026-suwon"])
        #expect(figures.map(\.total) == ["40.00", "80.07"])
    }

    @Test func totalsAreTheSumOfIndicatorScores() {
        for e in round.applications {
            let ev = e.evaluation
            #expect(ev.total == ev.indicators.reduce(Points.zero) { $0 + $1.score })
            for f in ev.fields {
                #expect(f.score == ev.indicators.filter { $0.field == f.id }.reduce(Points.zero) { $0 + $1.score })
            }
        }
    }

    @Test func everyPointFigureHasTwoDecimals() throws {
        let object = try JSONSerialization.jsonObject(with: Data(JSONReport.render(round).utf8)) as? [String: Any]
        let apps = object?["applications"] as? [[String: Any]] ?? []
        var checked = 0
        func check(_ v: Any?) {
            guard let s = v as? String else { return }
            #expect(s.range(of: #"^-?\d+\.\d\d$"#, options: .regularExpression) != nil, "\(s)")
            checked += 1
        }
        for a in apps {
            ["total", "max", "percent"].forEach { check(a[$0]) }
            for key in ["fields", "items", "indicators"] {
                for row in a[key] as? [[String: Any]] ?? [] {
                    ["score", "max", "written", "site", "spread"].forEach { check(row[$0]) }
                }
            }
        }
        #expect(checked > 20)
    }
}
