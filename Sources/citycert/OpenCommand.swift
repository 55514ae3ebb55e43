import ArgumentParser
import CityCertCore
import CityCertStore

/// The default command: the terminal workstation.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the terminal workstation (the default).")

    @Option(help: "The store directory; without it, a writable copy of the bundled sample store.")
    var store: String?
    @Option(name: .customLong("as"), help: "Act as this committee member (default: the member whose login is your user name).")
    var member: String?

    func run() throws {
        Console.error("citycert: the terminal workstation is not built yet; try `citycert report --store DIR`")
        throw ExitCode(2)
    }
}
