import ArgumentParser
import CityCertCore
import CityCertReport
import CityCertStore

/// `citycert report`: the grade report in one of several formats.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the grade report of a store (json, text, csv, markdown, html).",
        discussion: "Exit status: 0 when the store opened (invalid applications are listed), 1 when the store cannot be read, 2 for a wrong command line.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text, csv, markdown, html }

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .json
    @Option(help: "Only this application.")
    var application: String?
    @Option(help: "Language of labels and names in text, csv, markdown and html: ko or en.")
    var lang: LanguageArgument = .ko
    @Flag(help: "Start the csv output with a UTF-8 byte order mark (for spreadsheet programs).")
    var bom = false

    func validate() throws {
        if let application, !Identifier.isValid(application) {
            throw ValidationError("'\(application)' is not a valid application id")
        }
    }

    func run() throws {
        let store = try storeOptions.open()
        if let application, !store.applicationIDs.contains(application) {
            Console.error("citycert: no application '\(application)' in the store")
            throw ExitCode(2)
        }
        if format == .json {
            // Written a batch at a time: the memory stays that of one batch, whatever the store's size.
            var stream = JSONReport.Stream()
            Console.out(stream.start(round: store.round, standards: store.standards.id))
            let invalid = store.evaluateInBatches(only: application, rendering: JSONReport.Stream.part) {
                Console.out(stream.add(parts: $0))
            }
            Console.out(stream.finish(invalid: invalid))
            return
        }
        let round = store.evaluateAll(only: application)
        let language = lang.language
        switch format {
        case .json: Console.out(JSONReport.render(round))
        case .text: Console.out(TextReport.render(round, language: language))
        case .csv: Console.out(CSVReport.render(round, language: language, byteOrderMark: bom))
        case .markdown: Console.out(MarkdownReport.render(round, language: language))
        case .html: Console.out(HTMLReport.render(round, language: language))
        }
    }
}

/// `--lang ko|en`.
enum LanguageArgument: String, ExpressibleByArgument, CaseIterable {
    case ko, en
    var language: Language { self == .ko ? .ko : .en }
}
