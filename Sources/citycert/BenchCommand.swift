import ArgumentParser
import CityCertBench
import CityCertStore
import Foundation

/// `citycert bench`: the performance benchmark (see Docs/performance.md).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure reading, reporting and the workstation on generated stores of several sizes.",
        discussion: """
        For each size, generates a store (9 members by default), then times as medians of --runs runs: whole-process `citycert report --format json` against `find STORE -type f -exec cat {} +`, and in a fresh process: opening the store, evaluating every application, rendering the JSON report, the first screen of the workstation (store opened, applications listed, screen drawn) and each key press on the list and scoring screens (update + render + diff), a save, the chair's overview and consensus screens and the secretary's report screen likewise, and the peak memory. Build in release mode first: swift run -c release citycert bench.
        """)

    @Option(help: "Comma-separated numbers of applications.")
    var sizes: String = "10,100,1000,5000"
    @Option(help: "Committee members.")
    var members: Int = 9
    @Option(help: "Runs per figure (medians are reported).")
    var runs: Int = 5
    @Option(help: "Random seed of the generated stores.")
    var seed: UInt64 = 1
    @Option(help: "Folder for the generated stores (default: a temporary folder).")
    var work: String?
    @Option(help: "Comma-separated store shapes: standard, long-text (a long note on every entry, long narratives).")
    var profiles: String = "standard,long-text"
    @Flag(help: "Keep the generated stores.")
    var keep = false
    @Option(help: .hidden)
    var measure: String?

    func run() throws {
        if let measure {
            let figures = try StoreBenchmark(path: measure, runs: runs).measure()
            let encoder = JSONEncoder()
            Console.out(String(decoding: try encoder.encode(figures), as: UTF8.self) + "\n")
            return
        }
        let list = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !list.isEmpty, list.allSatisfy({ $0 >= 1 }) else { throw ValidationError("--sizes must be numbers such as 10,100,1000") }
        let shapes = try profiles.split(separator: ",").map { name -> StoreGenerator.Profile in
            guard let p = StoreGenerator.Profile(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--profiles takes standard and long-text, found '\(name)'")
            }
            return p
        }
        let dir = work ?? NSTemporaryDirectory() + "citycert-bench-\(getpid())"
        var bench = Benchmark(options: .init(sizes: list, members: members, runs: runs, seed: seed, workDirectory: dir,
                                             keep: keep, executable: ProcessTimer.currentExecutable(), profiles: shapes))
        bench.log = { Console.error($0) }
        #if DEBUG
        Console.error("citycert: warning: this is a debug build; measure with: swift run -c release citycert bench")
        #endif
        let rows = try bench.run()
        if !keep && work == nil { try? FileManager.default.removeItem(atPath: dir) }
        Console.out(Benchmark.table(rows, runs: runs, members: members))
    }
}
