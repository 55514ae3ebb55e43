import ArgumentParser
import CityCertCore
import CityCertStore

/// `citycert validate`: every problem of a store, one per line.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check every file of a store; print each problem as path:line: message.",
        discussion: "Exit status: 0 when there is no error (warnings are printed but allowed), 1 otherwise.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store: Store
        do {
            store = try Store.open(at: storeOptions.store)
        } catch {
            for p in error.problems { Console.problem(p) }
            throw ExitCode(1)
        }
        let problems = store.validate()
        for p in problems { Console.problem(p) }
        if problems.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
