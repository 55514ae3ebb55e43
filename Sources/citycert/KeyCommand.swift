import ArgumentParser
import CityCertCore
import CityCertStore
import Foundation

/// `citycert key init|show`: a member's Ed25519 signing key (spec §2 *Signatures*).
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Make or show your Ed25519 signing key (its public half goes into committee.yaml as key: ed25519:…).",
        subcommands: [KeyInitCommand.self, KeyShowCommand.self])
}

/// The member and key file a `key` subcommand works on.
struct KeyTarget: ParsableArguments {
    @Option(name: .customLong("as"), help: "The member id (default: the member whose login is your user name, with --store).")
    var member: String?
    @Option(help: "A store, to find the member by your login and compare with its committee.yaml.")
    var store: String?
    @Option(name: .long, help: ArgumentHelp("The key file (default: $CITYCERT_KEY, else $XDG_CONFIG_HOME/citycert/keys/<member>.ed25519).", valueName: "file"))
    var key: String?

    func validate() throws {
        if let member, !Identifier.isValid(member) { throw ValidationError("'\(member)' is not a valid member id") }
        if member == nil, store == nil, key == nil { throw ValidationError("give --as MEMBER (or --store STORE to find you by your login)") }
    }

    /// The store (if given), the member id (if known) and the key file's path.
    func resolve() throws -> (Store?, String?, String) {
        var opened: Store?
        if let store {
            do { opened = try Store.open(at: store) } catch {
                Console.error("citycert: cannot open the store at \(store):")
                for p in error.problems { Console.error("  \(p)") }
                throw ExitCode(1)
            }
        }
        var id = member
        if id == nil, let s = opened { id = try ActingMember.resolve(nil, in: s) }
        if let id, let s = opened, s.committee.member(id) == nil {
            throw ValidationError("'\(id)' is not a member of the committee")
        }
        guard let path = key ?? id.map({ KeyFile.defaultPath(member: $0) }) else {
            throw ValidationError("give --as MEMBER or --key FILE")
        }
        return (opened, id, path)
    }
}

/// `citycert key init`: makes the member's private key, owner-only, never over an existing one.
struct KeyInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make your private signing key (owner-only file) and print the key: line for committee.yaml.",
        discussion: "Never overwrites a key. Exit status: 0, 1 when the key cannot be made, 2 for a wrong command line.")

    @OptionGroup var target: KeyTarget

    func run() throws {
        let (_, id, path) = try target.resolve()
        do {
            let key = try KeyFile.create(path)
            print("made \(path) (readable by you only; keep it so, and keep a copy somewhere safe)")
            print("give this line to the secretary for your entry in committee.yaml\(id.map { " (member \($0))" } ?? ""):")
            print("  key: \(key.committeeKey)")
        } catch {
            Console.error("citycert: \(error.message)")
            throw ExitCode(1)
        }
    }
}

/// `citycert key show`: the public key of the member's private key, and whether the store agrees.
struct KeyShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the key: line of your private signing key (and, with --store, whether committee.yaml has it).",
        discussion: "Exit status: 0, 1 when the key cannot be read or committee.yaml has another key, 2 for a wrong command line.")

    @OptionGroup var target: KeyTarget

    func run() throws {
        let (store, id, path) = try target.resolve()
        let key: SigningKey
        do { key = try KeyFile.read(path) } catch {
            Console.error("citycert: \(error.message)")
            throw ExitCode(1)
        }
        print("\(path)")
        print("  key: \(key.committeeKey)")
        if let store, let id, let m = store.committee.member(id) {
            if m.publicKey == key.publicKeyBase64 {
                print("committee.yaml: \(id) has this key: your records are signed")
            } else if m.publicKey == nil {
                print("committee.yaml: \(id) has no key yet: ask the secretary to add the line above")
            } else {
                Console.error("citycert: committee.yaml gives \(id) another key (ed25519:\(m.publicKey!)): this key cannot sign \(id)'s records")
                throw ExitCode(1)
            }
        }
    }
}
