import ArgumentParser
import CityCertCore
import CityCertStore
import Foundation

/// `citycert verify`: the audit log's hash chain and signatures, the committee's rules on replay,
/// the seal, and every sheet and decision against the log.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the audit log (chain, signatures, who may do what, decisions against the sheets), the seal, and every sheet and decision against the log.",
        discussion: """
        Prints each problem as path:line: message — the first line of audit.log that breaks the chain; every record not signed by its actor when it must be, made from another member's OS account, or not allowed by the committee's rules where it stands; every decision that disagrees with the sheets as logged; every authored file added, removed or changed after the last seal; each file that disagrees with the log — then a summary. Warnings name changes that a crash interrupted (their record is logged, the file not yet written): the next save completes them, or --repair does now.

        --anchor HASH checks that the log still contains, intact, the line with that hash (a head written in the minutes: `tail -n 1 audit.log`). --json prints one JSON document for tools.

        Exit status: 0 when everything checks (warnings allowed), 1 otherwise, 2 for a wrong command line.
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Flag(help: "Complete interrupted changes (never anything the log does not already say), then verify.")
    var repair = false
    @Option(help: ArgumentHelp("A log head written down elsewhere: the log must still contain it.", valueName: "hash"))
    var anchor: String?
    @Flag(help: "Print the result as one JSON document.")
    var json = false

    func validate() throws {
        if let anchor, anchor.count != 64 || !anchor.allSatisfy(\.isHexDigit) {
            throw ValidationError("--anchor must be the 64 hex characters of a line's hash")
        }
    }

    func run() throws {
        let store = try storeOptions.open()
        if repair {
            do {
                for line in try store.repair() { Console.line("repaired: \(line)") }
            } catch {
                Console.error("citycert: repair refused: \(error.message)")
            }
        }
        let report = store.verify(anchor: anchor)
        if json {
            func problems(_ list: [Problem]) -> JSONValue {
                .array(list.map { p in
                    .object([("path", .string(p.path)), ("line", p.line.map(JSONValue.int) ?? .null), ("message", .string(p.message))])
                })
            }
            let doc = JSONValue.object([
                ("passed", .bool(report.passed)),
                ("lines", .int(report.lines)),
                ("signed", .int(report.signedRecords)),
                ("sealed_at", report.sealedAt.map(JSONValue.int) ?? .null),
                ("anchor_line", report.anchorLine.map(JSONValue.int) ?? .null),
                ("sheets", .int(report.sheets)),
                ("decisions", .int(report.decisions)),
                ("errors", problems(report.errors)),
                ("warnings", problems(report.warnings)),
            ])
            Console.out(doc.serialized(pretty: true) + "\n")
            if !report.passed { throw ExitCode(1) }
            return
        }
        for p in report.errors + report.warnings { Console.line(p.description) }
        if report.passed {
            var extra = ""
            if report.signedRecords > 0 { extra += "; \(report.signedRecords) signature(s) valid" }
            if let seal = report.sealedAt { extra += "; authored files as sealed at audit.log:\(seal)" }
            if let anchor = report.anchorLine { extra += "; the anchor is audit.log:\(anchor)" }
            Console.line("verified: audit.log has \(report.lines) line(s), hash chain intact; \(report.sheets) sheet(s) and \(report.decisions) decision(s) agree with it\(extra)\(report.warnings.isEmpty ? "" : " (\(report.warnings.count) warning(s))")")
        } else {
            Console.line("FAILED: \(report.errors.count) problem(s)")
            throw ExitCode(1)
        }
    }
}
