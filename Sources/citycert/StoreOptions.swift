import ArgumentParser
import CityCertCore
import CityCertStore
import Foundation

/// `--store DIR`, shared by the commands that read a store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store directory (store.yaml, standards/, committee.yaml, applications/, …).")
    var store: String

    /// Opens the store, or prints why it cannot be read and exits 1.
    func open() throws -> Store {
        do {
            return try Store.open(at: store)
        } catch {
            Console.error("citycert: cannot open the store at \(store):")
            for p in error.problems { Console.error("  \(p)") }
            throw ExitCode(1)
        }
    }
}

/// Writing to standard output and standard error.
enum Console {
    static func out(_ s: String) { FileHandle.standardOutput.write(Data(s.utf8)) }
    static func out(_ bytes: [UInt8]) { FileHandle.standardOutput.write(Data(bytes)) }
    static func error(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

    /// The language of the member's screen (`LC_ALL`, `LC_MESSAGES`, `LANG`), as the workstation picks it.
    static var language: Language { OpenCommand.defaultLanguage(ProcessInfo.processInfo.environment) }

    /// A store refusal (or failure) on standard error, in the language of the screen.
    static func refused(_ error: StoreActionError) {
        let ko = language == .ko
        let what = error.kind == .refused ? (ko ? "거부됨" : "refused") : (ko ? "실패" : "failed")
        Console.error("citycert: \(what): \(error.message(language))")
    }
}
