import CityCertCore
@testable import CityCertReport
import Foundation
import Testing
import ZIPFoundation

/// The workbook read back as a spreadsheet program reads it: the zip's parts, the sheets' cells.
@Suite struct XLSXReportTests {
    let round = ReportFixture.round()

    /// The parts of a workbook by path.
    func parts(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var out: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            out[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return out
    }

    @Test func aWorkbookWithTheSheetsAReaderNeeds() throws {
        let p = try parts(XLSXReport.render(round))
        for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                     "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] {
            #expect(p[part] != nil, "\(part)")
        }
        #expect(p["xl/worksheets/sheet3.xml"] == nil, "no member annex unless asked")
        #expect(p["xl/workbook.xml"]!.contains(#"<sheet name="종합" sheetId="1" r:id="rId1"/><sheet name="지표" sheetId="2" r:id="rId2"/>"#))
        let withAnnex = try parts(XLSXReport.render(round, options: ReportOptions(annexes: [.members])))
        #expect(withAnnex["xl/workbook.xml"]!.contains(#"<sheet name="위원별 평가표" sheetId="3""#))
        #expect(withAnnex["[Content_Types].xml"]!.contains("/xl/worksheets/sheet3.xml"))
    }

    @Test func figuresAreNumberCellsWithTwoDecimalFormats() throws {
        let p = try parts(XLSXReport.render(round))
        let summary = p["xl/worksheets/sheet1.xml"]!
        // In id order as the JSON: 안동시 40.00 of 50.00, 80.00%, grade 2; styles 2 = 0.00, 3 = 0.
        #expect(summary.contains(#"<c r="F2" s="2"><v>40.00</v></c><c r="G2" s="2"><v>50.00</v></c><c r="H2" s="2"><v>80.00</v></c><c r="I2" s="3"><v>2</v></c>"#))
        #expect(summary.contains(#"<c r="F3" s="2"><v>80.07</v></c><c r="G3" s="2"><v>100.00</v></c>"#))
        let suwon = round.applications[1].evaluation.range
        #expect(summary.contains(#"<c r="K3" s="2"><v>\#(suwon.low)</v></c><c r="L3" s="2"><v>\#(suwon.high)</v></c>"#), "the range as numbers")
        #expect(p["xl/styles.xml"]!.contains(#"<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#))
        let indicators = p["xl/worksheets/sheet2.xml"]!
        #expect(indicators.contains(#"<c r="E2" t="inlineStr"><is><t xml:space="preserve">IN-01</t></is></c>"#))
        #expect(indicators.contains(#"<c r="G2" s="2"><v>16.00</v></c><c r="H2" s="2"><v>20.00</v></c><c r="I2" s="2"><v>16.00</v></c><c r="K2" s="3"><v>2</v></c>"#))
        #expect(!indicators.contains("<c r=\"J2\""), "안동시 has no site aggregate: an empty cell, not 0")
        #expect(indicators.contains(#"<c r="G4" s="2"><v>36.27</v></c>"#), "수원시's IN-01 as a number")
    }

    @Test func koreanOrEnglishHeadersFrozenWithWidths() throws {
        let ko = try parts(XLSXReport.render(round))["xl/worksheets/sheet2.xml"]!
        #expect(ko.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(ko.contains(#"<col min="6" max="6" width="44.0" customWidth="1"/>"#))
        #expect(ko.contains(#"<t xml:space="preserve">지표명</t>"#) && ko.contains(#"<t xml:space="preserve">현장</t>"#))
        let en = try parts(XLSXReport.render(round, language: .en))["xl/worksheets/sheet2.xml"]!
        #expect(en.contains(#"<t xml:space="preserve">Indicator name</t>"#))
    }

    @Test func textIsEscapedAndAnonymousMembersHaveLetters() throws {
        let p = try parts(XLSXReport.render(round, options: ReportOptions(annexes: [.members], anonymous: true)))
        #expect(p["xl/worksheets/sheet2.xml"]!.contains("교통 &quot;스마트&quot; 신호, 보행|안전 &lt;시범&gt; &amp; &apos;확대&apos;")
                || p["xl/worksheets/sheet2.xml"]!.contains("교통 &quot;스마트&quot; 신호, 보행|안전 &lt;시범&gt; &amp; '확대'"))
        let annex = p["xl/worksheets/sheet3.xml"]!
        #expect(annex.contains(">위원 A<") && annex.contains(">위원 C<"))
        #expect(!annex.contains("김민수"))
        #expect(XLSXWriter.column(0) == "A" && XLSXWriter.column(27) == "AB")
        #expect(XLSXWriter.sheetName("a/b:c[d]") == "a_b_c_d_")
    }
}
