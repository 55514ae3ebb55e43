import CityCertCore
import Foundation
import ZIPFoundation

/// A small writer of Office Open XML workbooks (`.xlsx`): sheets of text and number cells, a bold
/// header row frozen at the top, column widths, and number formats (`0.00`, `0`).
///
/// Only the parts a spreadsheet program needs are written ([Content_Types].xml, the relationships,
/// workbook.xml, styles.xml, one worksheet per sheet), as XML text; ZIPFoundation packs them in
/// memory, so rendering stays a pure function from sheets to bytes. Strings are inline (no shared
/// string table), which every reader (Excel, LibreOffice, openpyxl) accepts.
public struct XLSXWriter {
    /// A cell's value and the style it is shown with.
    public enum Cell: Sendable, Hashable {
        case text(String)
        /// A decimal written as it is (`"1423.50"`), shown with two decimals.
        case decimal(String)
        /// An integer, shown without decimals.
        case integer(Int)
        case bool(Bool)
        case empty
    }

    /// One worksheet: a header row (bold, frozen) and rows of cells.
    public struct Sheet: Sendable {
        public var name: String
        public var header: [String]
        public var rows: [[Cell]]
        /// Column widths in characters (a Hangul character counts two); nil: worked out from the content.
        public var widths: [Double]?

        public init(name: String, header: [String], rows: [[Cell]], widths: [Double]? = nil) {
            self.name = name; self.header = header; self.rows = rows; self.widths = widths
        }
    }

    /// Style indices of styles.xml's `cellXfs`.
    enum Style: Int { case general = 0, header = 1, decimal = 2, integer = 3 }

    /// The workbook's bytes (a zip archive).
    public static func workbook(_ sheets: [Sheet]) throws -> Data {
        guard let archive = try? Archive(data: Data(), accessMode: .create) else { throw WriteError("cannot create the archive") }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbookXML(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (i, s) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(s))) }
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: Date(timeIntervalSince1970: 315_532_800),   // 1980-01-01: reproducible bytes
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw WriteError("the archive has no data") }
        return bytes
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
        init(_ d: String) { description = "xlsx: \(d)" }
    }

    // MARK: Parts

    static func contentTypes(_ n: Int) -> String {
        var x = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        x += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        x += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        x += #"<Default Extension="xml" ContentType="application/xml"/>"#
        x += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        x += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for i in 1...max(1, n) {
            x += #"<Override PartName="/xl/worksheets/sheet\#(i).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return x + "</Types>"
    }

    static let rootRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static func workbookXML(_ sheets: [Sheet]) -> String {
        var x = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        x += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        for (i, s) in sheets.enumerated() {
            x += #"<sheet name="\#(xml(sheetName(s.name)))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }
        return x + "</sheets></workbook>"
    }

    static func workbookRelationships(_ n: Int) -> String {
        var x = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        x += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for i in 0..<n {
            x += #"<Relationship Id="rId\#(i + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
        }
        x += #"<Relationship Id="rId\#(n + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        return x + "</Relationships>"
    }

    /// Fonts: regular and bold; fills: the two required and a grey header; formats: general, bold
    /// header, `0.00` (built-in format 2), `0` (built-in format 1).
    static let styles = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + #"<fonts count="2"><font><sz val="10"/><name val="맑은 고딕"/></font><font><b/><sz val="10"/><name val="맑은 고딕"/></font></fonts>"#
        + #"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
        + #"<fill><patternFill patternType="solid"><fgColor rgb="FFE6E6E6"/><bgColor indexed="64"/></patternFill></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"><alignment wrapText="1" vertical="center"/></xf>"#
        + #"<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    static func worksheet(_ s: Sheet) -> String {
        var x = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        x += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        x += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        x += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        x += #"<sheetFormatPr defaultRowHeight="15"/><cols>"#
        for (i, w) in (s.widths ?? widths(s)).enumerated() {
            x += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(String(format: "%.1f", w))" customWidth="1"/>"#
        }
        x += "</cols><sheetData>"
        x += row(1, s.header.map(Cell.text), header: true)
        for (i, r) in s.rows.enumerated() { x += row(i + 2, r, header: false) }
        x += "</sheetData>"
        if !s.rows.isEmpty, !s.header.isEmpty {
            x += #"<autoFilter ref="A1:\#(column(s.header.count - 1))\#(s.rows.count + 1)"/>"#
        }
        return x + "</worksheet>"
    }

    static func row(_ n: Int, _ cells: [Cell], header: Bool) -> String {
        var x = "<row r=\"\(n)\">"
        for (i, cell) in cells.enumerated() {
            let ref = "\(column(i))\(n)"
            switch cell {
            case .empty: continue
            case .text(let t):
                let style = header ? #" s="\#(Style.header.rawValue)""# : ""
                x += #"<c r="\#(ref)" t="inlineStr"\#(style)><is><t xml:space="preserve">\#(xml(t))</t></is></c>"#
            case .decimal(let d): x += #"<c r="\#(ref)" s="\#(Style.decimal.rawValue)"><v>\#(xml(d))</v></c>"#
            case .integer(let v): x += #"<c r="\#(ref)" s="\#(Style.integer.rawValue)"><v>\#(v)</v></c>"#
            case .bool(let b): x += #"<c r="\#(ref)" t="b"><v>\#(b ? 1 : 0)</v></c>"#
            }
        }
        return x + "</row>"
    }

    /// Widths from the header and the cells: the widest text in display columns (Hangul counts two), within 6…50.
    static func widths(_ s: Sheet) -> [Double] {
        (0..<s.header.count).map { i in
            var w = displayWidth(s.header[i]) + 2
            for r in s.rows where i < r.count {
                switch r[i] {
                case .text(let t): w = Swift.max(w, displayWidth(t) + 1)
                case .decimal(let d): w = Swift.max(w, d.count + 2)
                case .integer(let v): w = Swift.max(w, String(v).count + 2)
                case .bool: w = Swift.max(w, 6)
                case .empty: break
                }
            }
            return Double(Swift.min(50, Swift.max(6, w)))
        }
    }

    static func displayWidth(_ s: String) -> Int { DisplayWidth.of(s) }

    /// `A`, `B`, …, `Z`, `AA`, …
    static func column(_ i: Int) -> String {
        let a = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return i < 26 ? String(a[i]) : column(i / 26 - 1) + String(a[i % 26])
    }

    /// A sheet name as Excel accepts it: at most 31 characters, none of `[]:*?/\`.
    static func sheetName(_ s: String) -> String {
        String(s.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
    }

    /// Text escaped for XML content and attributes; characters XML 1.0 forbids are dropped.
    static func xml(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case _ where u.value < 0x20 && u != "\t" && u != "\n" && u != "\r": continue
            case _ where u.value == 0xFFFE || u.value == 0xFFFF: continue
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
