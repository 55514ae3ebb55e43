import ArgumentParser
import CityCertCore
import CityCertStore
import Foundation

/// `citycert history`: how an application's sheets and decision evolved, from the audit log.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Replay how an application's sheets (and decision) evolved: time, who, what, old → new.",
        discussion: """
        One line per change, from audit.log: the log line, the time, the member, the phase, the action, the indicator and the change (old → new). Like `report`, it reads every member's sheets: on a shared server, reading the store is governed by its Unix group (see Docs/deployment.md). Exit status: 0, 1 when the log cannot be read, 2 for a wrong command line.
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "The application id.")
    var application: String
    @Option(help: "Only this member's sheet (the decisions are always shown).")
    var member: String?

    func validate() throws {
        guard Identifier.isValid(application) else { throw ValidationError("'\(application)' is not a valid application id") }
        if let member, !Identifier.isValid(member) { throw ValidationError("'\(member)' is not a valid member id") }
    }

    func run() throws {
        let store = try storeOptions.open()
        guard store.applicationIDs.contains(application) else { throw ValidationError("no application '\(application)' in the store") }
        if let member, store.committee.member(member) == nil {
            throw ValidationError("'\(member)' is not a member of the committee; members: \(store.committee.members.map(\.id).joined(separator: ", "))")
        }
        let (events, problems): ([HistoryEvent], [String])
        do {
            (events, problems) = try store.history(application: application, member: member)
        } catch {
            Console.error("citycert: \(error.message)")
            throw ExitCode(1)
        }
        for p in problems { Console.error("citycert: \(p)") }
        if events.isEmpty { print("no recorded change of \(application)\(member.map { " by \($0)" } ?? "")") }
        let actorWidth = max(5, events.map(\.actor.count).max() ?? 0)
        let actionWidth = max(6, events.map(\.action.rawValue.count).max() ?? 0)
        for e in events {
            let where_ = "audit.log:\(e.line)".padding(toLength: 15, withPad: " ", startingAt: 0)
            let actor = e.actor.padding(toLength: actorWidth, withPad: " ", startingAt: 0)
            let phase = (e.phase?.rawValue ?? "—").padding(toLength: 7, withPad: " ", startingAt: 0)
            let action = e.action.rawValue.padding(toLength: actionWidth, withPad: " ", startingAt: 0)
            let ind = (e.indicator ?? "").padding(toLength: 8, withPad: " ", startingAt: 0)
            Console.line("\(where_) \(e.at)  \(actor)  \(phase) \(action)  \(ind) \(e.change)")
        }
    }
}
