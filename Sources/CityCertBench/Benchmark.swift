import CityCertStore
import Foundation

/// The whole benchmark (`citycert bench`): for each size, a generated store, the in-process figures
/// measured in a fresh child process (so its peak memory is that size's alone), and the
/// whole-process `citycert report --format json` against `cat` of every file of the same store.
public struct Benchmark {
    public struct Options: Sendable {
        public var sizes: [Int]
        public var members: Int
        public var runs: Int
        public var seed: UInt64
        /// Where the stores are generated (removed afterwards unless `keep`).
        public var workDirectory: String
        public var keep: Bool
        /// The `citycert` executable (this one).
        public var executable: String
        /// The shapes of generated store measured at each size (standard; long-text: long notes).
        public var profiles: [StoreGenerator.Profile]

        public init(sizes: [Int], members: Int, runs: Int, seed: UInt64, workDirectory: String, keep: Bool, executable: String,
                    profiles: [StoreGenerator.Profile] = [.standard]) {
            self.sizes = sizes; self.members = members; self.runs = runs; self.seed = seed
            self.workDirectory = workDirectory; self.keep = keep; self.executable = executable; self.profiles = profiles
        }
    }

    /// One size's figures.
    public struct Row: Sendable {
        public var size: Int
        public var profile: StoreGenerator.Profile
        public var summary: StoreGenerator.Summary
        public var generateSeconds: Double
        public var inProcess: StoreBenchmark.Figures
        public var reportWall: Double
        public var reportCPU: Double
        public var reportPeakMiB: Double
        public var catWall: Double
        public var ratio: Double
    }

    public let options: Options
    /// Progress lines (to standard error).
    public var log: (String) -> Void = { _ in }

    public init(options: Options) { self.options = options }

    public func run() throws -> [Row] {
        let fm = FileManager.default
        try fm.createDirectory(atPath: options.workDirectory, withIntermediateDirectories: true)
        guard let find = ProcessTimer.which("find") else { throw ProcessTimer.SpawnError(description: "find is not on PATH") }
        var rows: [Row] = []
        for profile in options.profiles {
        for n in options.sizes {
            let dir = "\(options.workDirectory)/store-\(n)x\(options.members)-seed\(options.seed)-\(profile.rawValue)"
            try? fm.removeItem(atPath: dir)
            log("generating \(n) applications × \(options.members) members (\(profile.rawValue)) in \(dir) …")
            let (summary, genMs) = try Stopwatch.time {
                try StoreGenerator.generate(at: dir, options: .init(applications: n, members: options.members, seed: options.seed, profile: profile))
            }
            log("  \(summary)")

            // Whole processes first, on the store as generated: report json and cat, in turn.
            let runs = options.runs
            var report: [ProcessTimer.Run] = [], cat: [ProcessTimer.Run] = [], ratios: [Double] = []
            let reportCommand = [options.executable, "report", "--store", dir, "--format", "json"]
            let catCommand = [find, dir, "-type", "f", "-exec", "cat", "{}", "+"]
            _ = try ProcessTimer.run(reportCommand)   // warm-up (page cache, dynamic loader)
            _ = try ProcessTimer.run(catCommand)
            for _ in 0..<runs {
                let r = try ProcessTimer.run(reportCommand)
                guard r.status == 0 else { throw ProcessTimer.SpawnError(description: "citycert report exited \(r.status) on \(dir)") }
                let c = try ProcessTimer.run(catCommand)
                report.append(r); cat.append(c); ratios.append(r.wallMilliseconds / c.wallMilliseconds)
            }
            log("  report json \(Self.fmt(Stopwatch.median(report.map(\.wallMilliseconds)))) ms, cat \(Self.fmt(Stopwatch.median(cat.map(\.wallMilliseconds)))) ms")

            // In-process figures in a child, which measures and writes them as JSON.
            let out = "\(dir).figures.json"
            let child = try ProcessTimer.run([options.executable, "bench", "--measure", dir, "--runs", String(runs)], output: out)
            guard child.status == 0, let data = fm.contents(atPath: out) else {
                throw ProcessTimer.SpawnError(description: "the measuring process exited \(child.status) on \(dir)")
            }
            try? fm.removeItem(atPath: out)
            let figures = try JSONDecoder().decode(StoreBenchmark.Figures.self, from: data)
            log("  first screen \(Self.fmt(figures.firstScreen)) ms, list key \(Self.fmt(figures.listKeyMedian)) ms, scoring key \(Self.fmt(figures.scoringKeyMedian)) ms, paste of 5,000 characters \(Self.fmt(figures.pasteNote)) ms")
            rows.append(Row(size: n, profile: profile, summary: summary, generateSeconds: genMs / 1000, inProcess: figures,
                            reportWall: Stopwatch.median(report.map(\.wallMilliseconds)),
                            reportCPU: Stopwatch.median(report.map(\.cpuMilliseconds)),
                            reportPeakMiB: report.map(\.peakMemoryMiB).max() ?? 0,
                            catWall: Stopwatch.median(cat.map(\.wallMilliseconds)),
                            ratio: Stopwatch.median(ratios)))
            if !options.keep { try? fm.removeItem(atPath: dir) }
        }
        }
        return rows
    }

    /// The figures as Markdown tables.
    public static func table(_ rows: [Row], runs: Int, members: Int) -> String {
        var out = "Medians of \(runs) runs; release build; \(members) members; times in ms.\n\n"
        out += "| applications | store | files | MiB | report json (process) | cat every file | ratio | report CPU | report peak MiB | open | evaluate all | render json | report in process |\n"
        out += "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for r in rows {
            let f = r.inProcess
            out += "| \(r.size) | \(r.profile.rawValue) | \(r.summary.files) | \(fmt(Double(r.summary.bytes) / 1_048_576)) | \(fmt(r.reportWall)) | \(fmt(r.catWall)) | \(fmt(r.ratio))× | \(fmt(r.reportCPU)) | \(fmt(r.reportPeakMiB)) | \(fmt(f.open)) | \(fmt(f.evaluateAll)) | \(fmt(f.renderJSON)) | \(fmt(f.reportInProcess)) |\n"
        }
        out += "\n| applications | first screen | list key median / p99 / max | open application | scoring key median / p99 / max | save (fsync) | back to list | reload (r) | workstation peak MiB |\n"
        out += "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for r in rows {
            let f = r.inProcess
            out += "| \(r.size) | \(fmt(f.firstScreen)) | \(fmt(f.listKeyMedian)) / \(fmt(f.listKeyP99)) / \(fmt(f.listKeyMax)) | \(fmt(f.openApplication)) | \(fmt(f.scoringKeyMedian)) / \(fmt(f.scoringKeyP99)) / \(fmt(f.scoringKeyMax)) | \(f.saveKey < 0 ? "–" : fmt(f.saveKey)) | \(fmt(f.backToList)) | \(fmt(f.reloadList)) | \(fmt(f.workstationPeakMiB)) |\n"
        }
        out += "\n| applications | chair's first screen (overview) | overview key median / p99 / max | open consensus | consensus key median / p99 / max | back to overview | secretary's first screen | report screen key median / p99 / max |\n"
        out += "|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for r in rows {
            let f = r.inProcess
            func keys(_ k: StoreBenchmark.KeyFigures) -> String { "\(fmt(k.median)) / \(fmt(k.p99)) / \(fmt(k.max))" }
            out += "| \(r.size) | \(fmt(f.chairFirstScreen)) | \(keys(f.overviewKey)) | \(fmt(f.openConsensus)) | \(keys(f.consensusKey)) | \(fmt(f.backToOverview)) | \(fmt(f.secretaryFirstScreen)) | \(keys(f.reportKey)) |\n"
        }
        out += "\n| applications | paste 5,000 characters into a note | key in that note median / p99 / max | save it (fsync) |\n"
        out += "|---:|---:|---:|---:|\n"
        for r in rows {
            let f = r.inProcess
            let k = f.longNoteKey
            out += "| \(r.size) | \(f.pasteNote < 0 ? "–" : fmt(f.pasteNote)) | \(fmt(k.median)) / \(fmt(k.p99)) / \(fmt(k.max)) | \(f.saveLongNote < 0 ? "–" : fmt(f.saveLongNote)) |\n"
        }
        return out
    }

    static func fmt(_ v: Double) -> String {
        if v.isNaN { return "–" }
        if v >= 100 { return String(format: "%.0f", v) }
        if v >= 10 { return String(format: "%.1f", v) }
        if v >= 1 { return String(format: "%.2f", v) }
        return String(format: "%.3f", v)
    }
}
