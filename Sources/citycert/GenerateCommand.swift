import ArgumentParser
import CityCertStore
import Foundation

/// `citycert generate`: a deterministic synthetic store for benchmarks and tests.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a deterministic synthetic store (for benchmarks and tests).",
        discussion: """
        The store is valid by the spec: standards of 60 indicators (2,000 points large, 1,000 small), a committee with Korean names, conflicts and site teams, applications in every state (not started, drafts, submitted, complete, finalized). The same seed gives the same files. Without --history the sheets and decisions are written directly and the store has no audit log (a benchmark store has no history); with --history every change goes through the store's actions and is logged (slow: for small stores).
        """)

    @Option(help: "The folder to create (must not exist, or be empty).")
    var out: String
    @Option(help: "Number of applications.")
    var applications: Int = 100
    @Option(help: "Number of committee members (a chair, members, and a secretary when 3 or more).")
    var members: Int = 9
    @Option(help: "Random seed.")
    var seed: UInt64 = 1
    @Option(help: "The round (used in ids and titles).")
    var round: String = "2025"
    @Flag(help: "Write sheets and decisions through the store actions, with the audit log (slow).")
    var history = false
    @Option(help: "standard, or long-text: a long note on every entry and long narratives.")
    var profile: StoreGenerator.Profile = .standard

    func run() throws {
        let started = Date()
        do {
            let summary = try StoreGenerator.generate(
                at: out, options: .init(applications: applications, members: members, seed: seed, round: round, history: history,
                                           profile: profile))
            Console.error("citycert: generated \(out): \(summary) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        } catch {
            Console.error("citycert: \(error)")
            throw ExitCode(1)
        }
    }
}

extension StoreGenerator.Profile: ExpressibleByArgument {}
