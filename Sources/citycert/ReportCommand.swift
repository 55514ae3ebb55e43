import ArgumentParser
import CityCertCore
import CityCertReport
import CityCertStore
import Foundation

/// `citycert report`: the grade report in one of several formats.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the grade report of a store (json, text, csv, markdown, html, pdf, xlsx).",
        discussion: """
        pdf and xlsx are written to the file named by --out (pdf is the html report printed by headless Chromium: \
        install the Debian package chromium, or name the browser in CITYCERT_CHROMIUM). The other formats go to \
        standard output, or to --out. Exit status: 0 when the store opened (invalid applications are listed), 1 when \
        the store cannot be read or the file cannot be written, 2 for a wrong command line.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text, csv, markdown, html, pdf, xlsx }

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .json
    @Option(help: "Write the report to this file (needed for pdf and xlsx).")
    var out: String?
    @Option(help: "Only this application.")
    var application: String?
    @Option(help: "Language of labels and names in text, csv, markdown, html, pdf and xlsx: ko or en.")
    var lang: LanguageArgument = .ko
    @Flag(inversion: .prefixedNo, help: "Start the csv output with a UTF-8 byte order mark, for Excel (default: yes with --lang ko, no with --lang en).")
    var bom: Bool?
    @Option(help: "An annex of the html, pdf and xlsx report: members (scores by member) or notes (members' notes and questions); repeat for both.")
    var annex: [AnnexArgument] = []
    @Flag(help: "Name members in the annexes as 위원 A, B, … instead of by name.")
    var anonymous = false
    @Option(help: "The issue date printed on the report, YYYY-MM-DD (default: today in Korea's time zone).")
    var issued: String?
    @Option(help: "The document number printed on every page (default: CC-<round>-<date>-<check>).")
    var number: String?
    @Option(help: "Seconds Chromium may take to print the pdf.")
    var timeout: Int = 120

    func validate() throws {
        if let application, !Identifier.isValid(application) {
            throw ValidationError("'\(application)' is not a valid application id")
        }
        if (format == .pdf || format == .xlsx) && out == nil {
            throw ValidationError("--format \(format.rawValue) needs --out FILE")
        }
        if let issued, Self.issueDate(issued) == nil {
            throw ValidationError("--issued takes a date as YYYY-MM-DD, not '\(issued)'")
        }
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
    }

    /// Noon in Korea on a `YYYY-MM-DD` date.
    static func issueDate(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10 else { return nil }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = KoreanTime.koreaZone
        let c = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12)
        guard c.isValidDate(in: cal) else { return nil }
        return cal.date(from: c)
    }

    func run() throws {
        let store = try storeOptions.open()
        if let application, !store.applicationIDs.contains(application) {
            Console.error("citycert: no application '\(application)' in the store")
            throw ExitCode(2)
        }
        if format == .json && out == nil {
            // Written a batch at a time: the memory stays that of one batch, whatever the store's size.
            var stream = JSONReport.Stream()
            Console.out(stream.start(round: store.round, standards: store.standards.id))
            // The JSON report shows no note or question: they are checked, not built.
            let invalid = store.evaluateInBatches(only: application, text: .checked, rendering: JSONReport.Stream.part) {
                Console.out(stream.add(parts: $0))
            }
            Console.out(stream.finish(invalid: invalid))
            return
        }
        let round = store.evaluateAll(only: application)
        let language = lang.language
        let options = ReportOptions(issuedAt: issued.flatMap(Self.issueDate) ?? Date(), annexes: Set(annex.map(\.annex)),
                                    anonymous: anonymous, documentNumber: number)
        do {
            switch format {
            case .pdf:
                let written = try PDFPrinter.print(html: HTMLReport.render(round, language: language, options: options),
                                                   to: out!, timeout: TimeInterval(timeout))
                Console.error("citycert: wrote \(written)")
            case .xlsx:
                let written = try ExportFile.write(try XLSXReport.render(round, language: language, options: options), to: out!)
                Console.error("citycert: wrote \(written)")
            default:
                let text: String
                switch format {
                case .text: text = TextReport.render(round, language: language)
                case .csv: text = CSVReport.render(round, language: language, byteOrderMark: bom ?? (language == .ko))
                case .markdown: text = MarkdownReport.render(round, language: language)
                case .html: text = HTMLReport.render(round, language: language, options: options)
                default: text = JSONReport.render(round)
                }
                if let out { try ExportFile.write(text, to: out) } else { Console.out(text) }
            }
        } catch {
            Console.error("citycert: \(error)")
            throw ExitCode(1)
        }
    }
}

/// `--lang ko|en`.
enum LanguageArgument: String, ExpressibleByArgument, CaseIterable {
    case ko, en
    var language: Language { self == .ko ? .ko : .en }
}

/// `--annex members|notes`.
enum AnnexArgument: String, ExpressibleByArgument, CaseIterable {
    case members, notes
    var annex: ReportOptions.Annex { self == .members ? .members : .notes }
}
