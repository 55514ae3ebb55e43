import ArgumentParser
import CityCertStore
import Foundation

/// `citycert`: the committee's workstation and its scripting commands.
struct CityCertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citycert",
        abstract: "Smart City Certification committee workstation (스마트도시 인증 평가).",
        discussion: """
        Without a subcommand, opens the terminal workstation on a store. Without --store, a writable copy of the bundled sample store is made in a per-user folder and opened.
        """,
        subcommands: [OpenCommand.self, ValidateCommand.self, ReportCommand.self, GenerateCommand.self, BenchCommand.self,
                      ScoreCommand.self, SheetCommand.self, VerifyCommand.self, HistoryCommand.self,
                      FinalizeCommand.self, ReopenCommand.self, SealCommand.self, KeyCommand.self, InitSharedCommand.self],
        defaultSubcommand: OpenCommand.self)
}

/// Runs the command line: errors of the command line exit 2 (spec §4), others as the command says.
@main
enum Main {
    static func main() {
        // A writer that waits for a lock says who holds it (and gives up after a bounded time).
        StoreLocks.notice = { Console.error("citycert: \($0)") }
        do {
            var command = try CityCertCommand.parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = CityCertCommand.exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((CityCertCommand.fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            CityCertCommand.exit(withError: error)
        }
    }
}
