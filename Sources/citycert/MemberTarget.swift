import ArgumentParser
import CityCertCore
import CityCertStore

/// `--store`, `--as MEMBER` and `--application`: who acts on which application, shared by `score`,
/// `sheet export`, `finalize` and `reopen`.
struct MemberTarget: ParsableArguments {
    @OptionGroup var storeOptions: StoreOptions
    @Option(name: .customLong("as"), help: "Act as this committee member (member id; the chair for finalize and reopen). Default: the member whose login is your user name.")
    var member: String?
    @Option(help: "The application id.")
    var application: String

    func validate() throws {
        guard Identifier.isValid(application) else { throw ValidationError("'\(application)' is not a valid application id") }
        if let member, !Identifier.isValid(member) { throw ValidationError("'\(member)' is not a valid member id") }
    }

    /// The open store, the acting member (identity checked), and the application (which must be in the store).
    func resolve() throws -> (Store, String, String) {
        let store = try storeOptions.open()
        let memberID = try ActingMember.resolve(member, in: store)
        guard store.applicationIDs.contains(application) else { throw ValidationError("no application '\(application)' in the store") }
        return (store, memberID, application)
    }
}
