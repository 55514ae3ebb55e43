import ArgumentParser
import CityCertCore
import CityCertStore
import Foundation

/// `--store DIR`, shared by the commands that read a store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store directory (store.yaml, standards/, committee.yaml, applications/, …).")
    var store: String
    @Option(name: .long, help: ArgumentHelp("The private signing key to sign with (default: $CITYCERT_KEY, else $XDG_CONFIG_HOME/citycert/keys/<member>.ed25519).", valueName: "file"))
    var key: String?

    /// Opens the store, or prints why it cannot be read and exits 1.
    func open() throws -> Store {
        do {
            let s = try Store.open(at: store)
            if let key { s.keySource = .file(key) }
            // Trust on first use: a rolled-back log or keys changed without a seal, said first.
            for warning in s.checkKnownState(KnownStores.standard()) { Console.error("citycert: \(warning)") }
            return s
        } catch {
            Console.error("citycert: cannot open the store at \(store):")
            for p in error.problems { Console.error("  \(p)") }
            throw ExitCode(1)
        }
    }
}

/// Writing to standard output and standard error.
enum Console {
    /// Text on standard output; on a terminal, stripped of control characters (a note or a name read
    /// from a file never moves the cursor or clears the screen). Piped or redirected, it is as is.
    static func out(_ s: String) { FileHandle.standardOutput.write(Data((stdoutIsTerminal ? TerminalSafe.clean(s) : s).utf8)) }
    static let stdoutIsTerminal = isatty(1) == 1
    static func out(_ bytes: [UInt8]) { FileHandle.standardOutput.write(Data(bytes)) }
    /// A line on standard error, stripped of control characters (file contents are never trusted).
    static func error(_ s: String) { FileHandle.standardError.write(Data((TerminalSafe.clean(s) + "\n").utf8)) }
    /// A line on standard output, stripped of control characters.
    static func line(_ s: String) { FileHandle.standardOutput.write(Data((TerminalSafe.clean(s, keepNewlines: false) + "\n").utf8)) }
    /// A line of `validate`'s output, stripped of control characters.
    static func problem(_ p: Problem) { line(p.description) }

    /// The language of the member's screen (`LC_ALL`, `LC_MESSAGES`, `LANG`), as the workstation picks it.
    static var language: Language { OpenCommand.defaultLanguage(ProcessInfo.processInfo.environment) }

    /// A store refusal (or failure) on standard error, in the language of the screen.
    static func refused(_ error: StoreActionError) {
        let ko = language == .ko
        let what = error.kind == .refused ? (ko ? "거부됨" : "refused") : (ko ? "실패" : "failed")
        Console.error("citycert: \(what): \(error.message(language))")
    }
}
