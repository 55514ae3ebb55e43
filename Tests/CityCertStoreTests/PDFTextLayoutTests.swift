import CityCertCore
import CityCertStore
import Foundation
import Testing

/// The PDF preview's layout: words placed by their position on the page, Hangul two columns wide.
@Suite struct PDFTextLayoutTests {
    static let bbox = """
    <doc>
      <page width="594.96" height="841.92">
        <word xMin="42.5" yMin="33.5" xMax="67.6" yMax="54.3">2025년</word>
        <word xMin="482.5" yMin="33.5" xMax="504.6" yMax="54.3">발행일</word>
        <word xMin="47.7" yMin="300.0" xMax="70.0" yMax="312.0">IN-01</word>
        <word xMin="72.0" yMin="300.0" xMax="130.0" yMax="312.0">공공데이터</word>
        <word xMin="132.0" yMin="300.0" xMax="150.0" yMax="312.0">개방</word>
        <word xMin="250.0" yMin="300.0" xMax="270.0" yMax="312.0">12.00</word>
        <word xMin="47.7" yMin="314.0" xMax="70.0" yMax="326.0">IN-02</word>
        <word xMin="72.0" yMin="314.0" xMax="95.0" yMax="326.0">Open</word>
        <word xMin="250.0" yMin="314.0" xMax="270.0" yMax="326.0">8.00</word>
        <word xMin="47.7" yMin="328.0" xMax="90.0" yMax="340.0">A&amp;B&lt;C&gt;</word>
      </page>
      <page width="594.96" height="841.92">
        <word xMin="280.0" yMin="800.0" xMax="300.0" yMax="810.0">2</word>
      </page>
    </doc>
    """

    @Test func wordsAtTheirColumnsByDisplayWidth() {
        let pages = PDFTextLayout.pages(bboxXHTML: Self.bbox)
        #expect(pages.count == 2)
        let lines = pages[0]
        #expect(lines[0].hasPrefix("2025년 ") && lines[0].hasSuffix("발행일"))
        #expect(lines[1] == "", "a wide vertical gap is one empty line")
        let a = lines[2], b = lines[3]
        #expect(a.hasPrefix(" IN-01 공공데이터  개방") && b.hasPrefix(" IN-02 Open"), "indented as on the page")
        // The figures start at the same display column although 공공데이터 is wider than it has letters.
        func column(_ line: String, _ word: String) -> Int { DisplayWidth.of(String(line[..<line.range(of: word)!.lowerBound])) }
        #expect(column(a, "12.00") == column(b, "8.00"))
        #expect(column(a, "12.00") == Int(((250.0 - 42.5) / PDFTextLayout.pointsPerColumn).rounded()))
        #expect(lines[4] == " A&B<C>", "entities decoded")
        #expect(pages[1] == ["2"])
    }

    @Test func wordsThatWouldOverlapAreKeptApart() {
        let words = [PDFTextLayout.Word("가나다라마", xMin: 0, yMin: 0, xMax: 20, yMax: 10),
                     PDFTextLayout.Word("x", xMin: 10, yMin: 0, xMax: 12, yMax: 10)]
        #expect(PDFTextLayout.lines(words) == ["가나다라마 x"])
    }
}

/// Finding the browser, and the printer's messages in both languages.
@Suite struct PDFPrinterTests {
    @Test func theBrowserIsNamedOrFoundOnThePath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: PDFPrinter.Failure.noBrowser) { try PDFPrinter.browser(environment: ["PATH": dir.path]) }
        #expect(throws: PDFPrinter.Failure.browserMissing("/nonexistent/chrome")) {
            try PDFPrinter.browser(environment: ["PATH": dir.path, "CITYCERT_CHROMIUM": "/nonexistent/chrome"])
        }
        let fake = dir.appendingPathComponent("chromium-browser").path
        _ = FileManager.default.createFile(atPath: fake, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755])
        #expect(try PDFPrinter.browser(environment: ["PATH": "/nonexistent:\(dir.path)"]) == fake)
    }

    @Test func messagesInTheScreensLanguage() {
        #expect(PDFPrinter.message(PDFPrinter.Failure.noBrowser, .ko).contains("데비안 패키지 chromium을 설치"))
        #expect(PDFPrinter.message(PDFPrinter.Failure.timedOut(seconds: 120), .ko).contains("120초 안에"))
        #expect(PDFPrinter.message(PDFPrinter.Failure.noBrowser, .en) == PDFPrinter.Failure.noBrowser.description)
        #expect(PDFPrinter.Failure.noBrowser.description.contains("install the Debian package chromium"))
    }
}
