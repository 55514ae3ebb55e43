import ArgumentParser
import CityCertCore
import CityCertStore
import Foundation

/// `citycert finalize`: the chair's decision on an application (spec §2 `decisions/`).
struct FinalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finalize",
        abstract: "Finalize an application as the chair: write its decision from the current evaluation.",
        discussion: """
        Refused (exit 1) unless you are the chair, the application is complete (every eligible member has submitted) and enough members remain for the aggregation method. While final, no sheet of the application changes. Exit status: 0, 1 when refused, 2 for a wrong command line.
        """)

    @OptionGroup var target: MemberTarget
    @Option(help: "The committee's note on the decision.")
    var note: String?

    func run() throws {
        let (store, chair, application) = try target.resolve()
        do {
            let d = try store.finalize(application: application, by: chair, note: note)
            print("\(application): final · \(d.total) / \(d.max) · grade \(d.grade) · \(d.certified ? "certified" : "not certified")")
        } catch {
            Console.refused(error)
            throw ExitCode(1)
        }
    }
}

/// `citycert reopen`: the chair reopens a final application (its decision is removed, the change logged).
struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: "Reopen a final application as the chair (removes its decision; members can change their sheets again).",
        discussion: "Exit status: 0, 1 when refused, 2 for a wrong command line.")

    @OptionGroup var target: MemberTarget
    @Option(help: "Why it is reopened (required; recorded in the audit log).")
    var reason: String?

    func run() throws {
        let (store, chair, application) = try target.resolve()
        do {
            try store.reopen(application: application, by: chair, reason: reason)
            print("\(application): reopened")
        } catch {
            Console.refused(error)
            throw ExitCode(1)
        }
    }
}

