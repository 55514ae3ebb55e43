import ArgumentParser
import CityCertCore
import CityCertStore
import Foundation

/// `citycert verify`: the audit log's hash chain, and every sheet and decision against the log.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the audit log's hash chain and that every sheet and decision agrees with it.",
        discussion: """
        Prints each problem as path:line: message — the first line of audit.log that breaks the chain, and each file that disagrees with the log — then a summary. Warnings name changes that a crash interrupted (their record is logged, the file not yet written): the next save completes them, or --repair does now.

        Exit status: 0 when the chain is intact and every file agrees (warnings allowed), 1 otherwise, 2 for a wrong command line.
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Flag(help: "Complete interrupted changes (never anything the log does not already say), then verify.")
    var repair = false

    func run() throws {
        let store = try storeOptions.open()
        if repair {
            do {
                for line in try store.repair() { print("repaired: \(line)") }
            } catch {
                Console.error("citycert: repair refused: \(error.message)")
            }
        }
        let report = store.verify()
        for p in report.errors + report.warnings { print(p) }
        if report.passed {
            print("verified: audit.log has \(report.lines) line(s), hash chain intact; \(report.sheets) sheet(s) and \(report.decisions) decision(s) agree with it\(report.warnings.isEmpty ? "" : " (\(report.warnings.count) warning(s))")")
        } else {
            print("FAILED: \(report.errors.count) problem(s)")
            throw ExitCode(1)
        }
    }
}
