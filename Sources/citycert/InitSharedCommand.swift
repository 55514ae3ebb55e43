import ArgumentParser
import CityCertCore
import CityCertStore
import Foundation

/// `citycert init-shared`: owners and modes for a store shared by the committee's Unix group.
struct InitSharedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init-shared",
        abstract: "Set the owners and modes of a store shared by the committee's Unix group (run as root).",
        discussion: """
        The store folder 3770 (nothing for others; sticky, so no member renames committee.yaml, standards/ or applications/), authored files the secretary's and read-only for the group (0640, folders 2750), audit.log and .audit.lock 0660, scores/ 3770 with each member's folder their own (2750; 3770 for a member without a login), decisions/ the chair's (2750) with a lock file per application (0660). Owners come from the logins in committee.yaml. Run it again after adding applications. See Docs/deployment.md. Exit status: 0, 1 when it cannot, 2 for a wrong command line.
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "The committee's Unix group.")
    var group: String

    func run() throws {
        let store = try storeOptions.open()
        do {
            let changes = try SharedSetup.apply(store, group: group)
            for c in changes { Console.line("mode \(c)") }
            Console.line("shared with group \(group): \(changes.count) mode(s) changed")
        } catch {
            Console.error("citycert: init-shared: \(error.message)")
            throw ExitCode(1)
        }
    }
}
