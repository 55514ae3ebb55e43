import ArgumentParser
import CityCertCore
import CityCertStore
import Foundation

/// `citycert seal`: records the hash of every authored file in the audit log (spec §2 *Seal*).
struct SealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seal",
        abstract: "Seal the round as the secretary (or the chair): record the SHA-256 of every authored file in the audit log.",
        discussion: """
        After a seal, `citycert verify` names every authored file (store.yaml, committee.yaml, the standards, anything under applications/) added, removed or changed without a later seal. Seal once the applications are in; seal again after a deliberate correction (the log keeps both). Exit status: 0, 1 when refused, 2 for a wrong command line.
        """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(name: .customLong("as"), help: "The secretary or chair (default: the member whose login is your user name).")
    var member: String?

    func validate() throws {
        if let member, !Identifier.isValid(member) { throw ValidationError("'\(member)' is not a valid member id") }
    }

    func run() throws {
        let store = try storeOptions.open()
        let id = try ActingMember.resolve(member, in: store)
        do {
            let (seq, count) = try store.seal(by: id)
            print("sealed: \(count) authored file(s) recorded at audit.log:\(seq) by \(id)")
        } catch {
            Console.error("citycert: refused: \(error.message)")
            throw ExitCode(1)
        }
    }
}
