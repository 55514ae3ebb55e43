import ArgumentParser
import CityCertCore
import CityCertStore
import Foundation

/// `citycert sheet export|import`: a member's sheet as an editable text form, and its upload.
struct SheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: "Export your score sheet as an editable text form, or upload an edited one.",
        subcommands: [SheetExportCommand.self, SheetImportCommand.self])
}

struct SheetExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print your sheet of an application as an offline form (edit it, then `sheet import`).",
        discussion: """
        The form lists every applicable indicator with its bands or levels, what the applicant submitted, and your entry as `IND: value`, `IND.note: text`, `IND.ask: text` lines. Its `version:` line identifies this phase of your sheet as exported: an upload is refused when the phase has changed since (the other phase may change meanwhile). Exit status: 0, 1 when refused (conflict of interest, secretary, identity), 2 for a wrong command line.
        """)

    @OptionGroup var target: MemberTarget
    @Option(help: "written or site.")
    var phase: PhaseArgument = .written

    func run() throws {
        let (store, memberID, application) = try target.resolve()
        do {
            Console.out(try store.exportSheetForm(member: memberID, application: application, phase: phase.phase))
        } catch {
            Console.refused(error)
            throw ExitCode(1)
        }
    }
}

struct SheetImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Upload an edited sheet form: every changed entry is saved (and the phase submitted with --submit).",
        discussion: """
        All of the form or none of it: refused as a whole, changing nothing, when a line cannot be read (the message names it), when an entry or the submission is refused, or when this phase of the sheet has changed since the form was exported (export it again; uploading the same form twice is no change). Otherwise the changed entries (and --reopen, --submit) are saved as one change through the same door as the workstation's. The form may have Windows (CR LF) line ends and a byte-order mark; it must be UTF-8. Exit status: 0, 1 when refused, 2 for a wrong command line.
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(name: .customLong("as"), help: "Act as this committee member (member id).")
    var member: String?
    @Option(help: "The edited form ('-' for standard input).")
    var file: String
    @Flag(help: "Submit the phase after the changes are saved.")
    var submit = false
    @Flag(help: "Reopen the submitted phase as a draft first (the form's changes need it).")
    var reopen = false
    @Flag(help: "Save values more than ten times away from the applicant's (you checked them).")
    var acceptFar = false

    func run() throws {
        let store = try storeOptions.open()
        let memberID = try ActingMember.resolve(member, in: store)
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let d = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            data = d
        }
        guard let text = String(data: data, encoding: .utf8) else {
            Console.error("citycert: refused: \(file) is not UTF-8 text: save it as UTF-8 (in Notepad: Save as… › Encoding › UTF-8) and upload it again")
            throw ExitCode(1)
        }
        do {
            let result = try store.importSheetForm(text, member: memberID, source: file == "-" ? "<stdin>" : file,
                                                   reopen: reopen, submit: submit, acceptFar: acceptFar)
            let what = result.changed.isEmpty ? "no change" : "\(result.changed.count) change(s): \(result.changed.joined(separator: ", "))"
            Console.out("imported \(memberID) \(result.application) \(result.phase.rawValue): \(result.reopened ? "reopened; " : "")\(what)\(result.submitted ? "; submitted" : "")\n")
        } catch {
            Console.refused(error)
            throw ExitCode(1)
        }
    }
}
