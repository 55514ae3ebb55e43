import Foundation
import Testing
import TestSupport

/// Nine members saving and submitting at once, each in their own `citycert score` process, one of
/// them from two terminals, while readers evaluate the store (`citycert report`): no update lost,
/// no reader sees a broken file, `verify` passes (issue 5 item 3).
@Suite(.serialized, .enabled(if: CitycertBinary.isAvailable, CitycertBinary.skipReason), .enabled(if: Stress.enabled, Comment(rawValue: Stress.skipReason)))
struct ConcurrencyTests {
    static let members = ["kim", "lee", "park", "choi", "jung", "kang", "yoon", "lim", "seo"]
    static let indicators = 20

    /// Starts a child without waiting for it.
    static func start(_ args: [String]) throws -> (Process, Pipe, Pipe) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CitycertBinary.path!)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return (p, out, err)
    }

    /// Runs the children at once and waits for all; returns (status, stdout, stderr) each.
    static func all(_ runs: [[String]]) throws -> [(Int32, String, String)] {
        let started = try runs.map(start)
        return started.map { p, out, err in
            let o = out.fileHandleForReading.readDataToEndOfFile()
            let e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
        }
    }

    /// The value member `m` gives indicator `i` (distinct per member and application).
    static func value(_ m: Int, _ i: Int, _ app: String) -> Int { (app == "app-a" ? 100 : 5000) + m * 37 + i * 11 }

    /// One `score` command: the whole sheet (`part` nil), or half of it — the first half of the
    /// quantitative indicators (0) or the rest and L1 (1) — as a member typing in two terminals.
    static func scoreArgs(_ store: String, _ m: Int, _ app: String, _ phase: String, part: Int? = nil, submit: Bool) -> [String] {
        // The values are not the applicant's on purpose (distinct per member): say they are meant.
        var a = ["score", "--store", store, "--as", members[m], "--application", app, "--phase", phase, "--accept-far"]
        let half = indicators / 2
        let range = part == 0 ? 1...half : part == 1 ? (half + 1)...indicators : 1...indicators
        for i in range { a += ["--set", "Q\(i)=\(value(m, i, app) + (phase == "site" ? 1 : 0))"] }
        if part != 0 { a += ["--set", "L1=\(1 + m % 5)"] }
        if submit { a.append("--submit") }
        return a
    }

    /// Only the submission of a member's sheet.
    static func submitArgs(_ store: String, _ m: Int, _ app: String) -> [String] {
        ["score", "--store", store, "--as", members[m], "--application", app, "--phase", "written", "--submit"]
    }

    @Test(.timeLimit(.minutes(3))) func nineMembersAtOnceLoseNothing() throws {
        let t = try TempStore(["standards/t.yaml": CitycertBinary.standards(quantitative: Self.indicators),
                               "committee.yaml": CitycertBinary.nineMembers])
        defer { t.remove() }
        let store = t.path

        // Readers evaluate the whole time the writers run.
        final class Readers: @unchecked Sendable {
            var runs = 0, failures: [String] = []
            var stop = false
            let lock = NSLock()
        }
        let readers = Readers()
        let readerGroup = DispatchGroup()
        for n in 0..<2 {
            readerGroup.enter()
            DispatchQueue.global().async {
                defer { readerGroup.leave() }
                while !readers.lock.withLock({ readers.stop }) {
                    let args = n == 0 ? ["report", "--store", store, "--format", "json"] : ["history", "--store", store, "--application", "app-a"]
                    guard let r = try? CitycertBinary.run(args) else { continue }
                    var failure: String?
                    if r.status != 0 { failure = "\(args[0]) exit \(r.status): \(r.err)" }
                    if n == 0, r.status == 0 {
                        let json = try? JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
                        if (json?["invalid"] as? [Any])?.isEmpty != true { failure = "report saw an invalid file: \(r.out.suffix(300))" }
                    }
                    readers.lock.withLock {
                        readers.runs += 1
                        if let failure { readers.failures.append(failure) }
                    }
                }
            }
        }

        // Round 1, all at once: nine members score app-a and eight score app-b, each sheet from two
        // terminals (half of the entries each); lee scores app-b from two terminals too (values
        // from one, notes and L1 from the other).
        var round1: [[String]] = []
        for m in 0..<9 { round1 += [0, 1].map { Self.scoreArgs(store, m, "app-a", "written", part: $0, submit: false) } }
        for m in 0..<9 where m != 1 { round1 += [0, 1].map { Self.scoreArgs(store, m, "app-b", "written", part: $0, submit: false) } }
        var terminal1 = ["score", "--store", store, "--as", "lee", "--application", "app-b", "--phase", "written", "--accept-far"]
        var terminal2 = terminal1
        for i in 1...Self.indicators {
            terminal1 += ["--set", "Q\(i)=\(Self.value(1, i, "app-b"))"]
            terminal2 += ["--note", "Q\(i)=terminal 2 on Q\(i)"]
        }
        terminal2 += ["--set", "L1=4"]
        round1 += [terminal1, terminal2]
        let writers1 = round1.count
        for (n, r) in try Self.all(round1).enumerated() {
            #expect(r.0 == 0, "writer \(n) (\(round1[n][4]) \(round1[n][6])): exit \(r.0): \(r.2)")
        }
        // Round 2, at once: every written sheet submitted. Round 3, at once: the site team's site
        // sheets (a site sheet is submitted only after its member's written one).
        let round2 = (0..<9).flatMap { m in ["app-a", "app-b"].map { Self.submitArgs(store, m, $0) } }
        for (n, r) in try Self.all(round2).enumerated() { #expect(r.0 == 0, "writer \(n): \(r.2)") }
        let round3 = [1, 2, 3].map { Self.scoreArgs(store, $0 == 1 ? 0 : $0, "app-a", "site", submit: true) }
        for (n, r) in try Self.all(round3).enumerated() { #expect(r.0 == 0, "site writer \(n): \(r.2)") }
        readers.lock.withLock { readers.stop = true }
        readerGroup.wait()

        // Nothing lost: every member's sheets hold exactly what they set, submitted.
        for (m, member) in Self.members.enumerated() {
            for app in ["app-a", "app-b"] {
                let (status, entries) = try CitycertBinary.entries(t, "scores/\(member)/\(app).json")
                var expected = Dictionary(uniqueKeysWithValues: (1...Self.indicators).map { ("Q\($0)", String(Self.value(m, $0, app))) })
                expected["L1"] = member == "lee" && app == "app-b" ? "L4" : "L\(1 + m % 5)"
                #expect(entries == expected, "\(member) \(app)")
                #expect(status == "submitted", "\(member) \(app)")
            }
        }
        let lee = try CitycertBinary.json(t, "scores/lee/app-b.json")
        let leeEntries = ((lee["phases"] as! [String: Any])["written"] as! [String: Any])["entries"] as! [String: [String: Any]]
        #expect((1...Self.indicators).allSatisfy { leeEntries["Q\($0)"]?["note"] as? String == "terminal 2 on Q\($0)" },
                "both terminals' changes are in every entry")
        for member in ["kim", "park", "choi"] {
            let (status, entries) = try CitycertBinary.entries(t, "scores/\(member)/app-a.json", phase: "site")
            #expect(status == "submitted" && entries.count == Self.indicators + 1, "\(member) site")
        }

        // Every command is one change, one line of the log, and the log agrees with every file.
        let expectedLines = round1.count + round2.count + round3.count
        let lines = try String(contentsOf: t.root.appendingPathComponent("audit.log"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == expectedLines)
        let verify = try CitycertBinary.run(["verify", "--store", store])
        #expect(verify.status == 0 && !verify.out.contains("warning"), "\(verify.out)")

        // The chair finalizes what the nine submitted.
        let finalize = try CitycertBinary.run(["finalize", "--store", store, "--as", "kim", "--application", "app-a", "--note", "전원 합의"])
        #expect(finalize.status == 0, "\(finalize.err)")
        #expect(try CitycertBinary.run(["verify", "--store", store]).status == 0)
        #expect(readers.failures.isEmpty, "\(readers.failures.prefix(3))")
        #expect(readers.runs > 0)
        print("concurrency: \(writers1) writer processes at once (9 members, each sheet from two terminals), then \(round2.count) submissions and \(round3.count) site sheets; \(lines.count) changes (\(Self.indicators + 1) entries per sheet) logged, none lost; \(readers.runs) reader runs (report, history) during the writes, all clean; verify passed")
    }
}
