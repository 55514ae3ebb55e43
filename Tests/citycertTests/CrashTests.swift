import CityCertCore
import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Saves killed with SIGKILL at random moments (issue 5 item 3): `citycert score` runs in a child
/// process that prints each save once it is on disk; the test kills it at a random moment
/// (deterministic seed) and then checks that the store opens, no sheet is corrupt, every
/// acknowledged save is there, and `citycert verify` passes. The figures are in Docs/reliability.md.
@Suite(.serialized, .enabled(if: CitycertBinary.isAvailable, CitycertBinary.skipReason), .enabled(if: Stress.enabled, Comment(rawValue: Stress.skipReason)))
struct CrashTests {
    /// SplitMix64 (the generator's), so the kill moments are the same on every run.
    typealias RNG = SplitMix64

    /// What the test knows of one member's written sheet: the acknowledged state.
    struct Model {
        var entries: [String: String] = [:]
        var submitted = false
    }

    /// Starts a child and kills it `offset` seconds after it has acknowledged `acks` saves (or
    /// after start for 0), unless it has finished by then. Returns its output, whether it was
    /// killed, when it printed its first line and the times between its lines.
    static func runAndKill(_ args: [String], afterAcks acks: Int?, offset: TimeInterval) throws
        -> (out: String, killed: Bool, firstLine: TimeInterval?, gaps: [TimeInterval]) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CitycertBinary.path!)
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        let started = Date()
        try p.run()
        let fd = pipe.fileHandleForReading.fileDescriptor
        var out = [UInt8](), lines = 0
        var reached: Date? = acks == 0 ? started : nil
        var firstLine: TimeInterval?, lastLine = started, gaps: [TimeInterval] = []
        var killed = false, eof = false
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !eof {
            if let r = reached, !killed, Date() >= r.addingTimeInterval(offset) {
                if kill(p.processIdentifier, SIGKILL) == 0 { killed = true }
            }
            if !killed, Date().timeIntervalSince(started) > 60 { kill(p.processIdentifier, SIGKILL); killed = true }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 1) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { eof = true; break }
            for b in buffer[..<n] where b == 0x0A {
                lines += 1
                let now = Date()
                if firstLine == nil { firstLine = now.timeIntervalSince(started) } else { gaps.append(now.timeIntervalSince(lastLine)) }
                lastLine = now
                if let acks, reached == nil, lines >= acks { reached = now }
            }
            out += buffer[..<n]
        }
        p.waitUntilExit()
        return (String(decoding: out, as: UTF8.self), killed && p.terminationReason == .uncaughtSignal, firstLine, gaps)
    }

    /// Totals over the rounds.
    struct Tally {
        var runs = 0, kills = 0, killsBeforeLastSave = 0, acknowledged = 0, interrupted = 0, verifies = 0, lines = 0
        var startup = 0.15, perSave = 0.015
    }

    @Test(.timeLimit(.minutes(5))) func savesKilledAtRandomMomentsLoseNothingAcknowledged() throws {
        // Fresh stores now and then keep each verify quick (it reads the whole log).
        let total = Int(ProcessInfo.processInfo.environment["CITYCERT_CRASH_ITERATIONS"] ?? "") ?? 200
        var rng = RNG(seed: 0x5EED_2025)
        var tally = Tally()
        let started = Date()
        for round in 0..<max(1, total / 40) {
            try crashRound(iterations: min(40, total - round * 40), rng: &rng, tally: &tally)
        }
        #expect(tally.kills >= tally.runs * 3 / 4, "most runs were killed (\(tally.kills) of \(tally.runs))")
        print("crash: \(tally.runs) runs of `citycert score`, \(tally.kills) killed with SIGKILL (\(tally.killsBeforeLastSave) before their last save), \(tally.acknowledged) saves acknowledged and all found after the kill, \(tally.interrupted) kills left a logged save unwritten (completed by the next save or repair), \(tally.verifies) verify runs passed; \(tally.lines) audit lines; \(Int(Date().timeIntervalSince(started))) s")
    }

    func crashRound(iterations: Int, rng: inout RNG, tally: inout Tally) throws {
        let indicators = 24
        let t = try TempStore(["standards/t.yaml": CitycertBinary.standards(quantitative: indicators)])
        defer { t.remove() }
        let store = t.path
        let members = ["lee", "park"]
        var models = ["lee": Model(), "park": Model()]
        /// A logged save not yet in the file: its log line and the value the file still shows.
        var pendingPrevious: [String: (line: Int, previous: String?)] = [:]
        let all = (1...indicators).map { "Q\($0)" } + ["L1"]

        var value = 1000
        for i in 0..<iterations {
            let member = members[i % 2]
            var model = models[member]!
            var args = ["score", "--store", store, "--as", member, "--application", "app-a", "--phase", "written"]
            // The saves this run makes, in order: (indicator, value), or ("reopen"/"submit", "").
            var planned: [(String, String)] = []
            if model.submitted {
                args.append("--reopen")
                planned.append(("reopen", ""))
            }
            let submitting = i < 2 || rng.below(6) == 0
            let chosen = submitting ? all : Array(all.shuffled(using: &rng).prefix(4 + rng.below(12)))
            for id in chosen {
                value += 1
                let level = 1 + value % 5
                args += ["--set", "\(id)=\(id == "L1" ? String(level) : String(value))"]
                planned.append((id, id == "L1" ? "L\(level)" : String(value)))
            }
            if submitting {
                args.append("--submit")
                planned.append(("submit", ""))
            }
            // Kill at a random moment: after a random number of acknowledged saves, a random part of
            // a save's duration later (from the start for none: anywhere in start-up or the first save).
            // The first two runs of each store are not killed.
            let target = i < 2 ? nil : rng.below(planned.count)
            let fraction = Double(rng.below(1000)) / 1000
            let offset = target == 0 ? fraction * (tally.startup + tally.perSave) : fraction * tally.perSave
            let (out, killed, firstLine, gaps) = try Self.runAndKill(args, afterAcks: target, offset: offset)
            if target == nil {
                #expect(!killed)
                if let firstLine { tally.startup = firstLine }
                if !gaps.isEmpty { tally.perSave = gaps.sorted()[gaps.count / 2] }
            }
            tally.runs += 1

            // What the child acknowledged, in order.
            let acks = out.split(separator: "\n").filter { $0.hasPrefix("saved ") || $0.hasPrefix("submitted ") || $0.hasPrefix("reopened ") }
            tally.acknowledged += acks.count
            for n in 0..<min(acks.count, planned.count) {
                let (id, v) = planned[n]
                switch id {
                case "reopen": model.submitted = false
                case "submit": model.submitted = true
                default:
                    #expect(acks[n].contains(" \(id): "), "iteration \(i): ack \(n) «\(acks[n])» is not for \(id)")
                    model.entries[id] = v
                }
            }
            if killed {
                tally.kills += 1
                if acks.count < planned.count { tally.killsBeforeLastSave += 1 }
            }

            // The store opens and verifies. A save that was logged but not written is reported as
            // interrupted; it is committed (the next save of that sheet completes it).
            let verify = try CitycertBinary.run(["verify", "--store", store])
            tally.verifies += 1
            #expect(verify.status == 0, "iteration \(i) (killed: \(killed)): verify failed:\n\(verify.out)")
            // The logged-but-unwritten record of a member's sheet, if verify reports one: (line, what it sets).
            let logLines = try String(contentsOf: t.root.appendingPathComponent("audit.log"), encoding: .utf8).split(separator: "\n")
            func pending(_ m: String) -> (line: Int, change: (String, String))? {
                for l in verify.out.split(separator: "\n") where l.contains("of scores/\(m)/app-a.json is logged but not yet in the file") {
                    guard let n = Int(l.dropFirst("audit.log:".count).prefix { $0.isNumber }), n <= logLines.count,
                          let json = try? JSONSerialization.jsonObject(with: Data(logLines[n - 1].utf8)) as? [String: Any],
                          let action = json["action"] as? String else { continue }
                    let detail = json["detail"] as? [String: Any] ?? [:]
                    switch action {
                    case "submit": return (n, ("submit", ""))
                    case "reopen-sheet": return (n, ("reopen", ""))
                    default:
                        let id = detail["indicator"] as? String ?? "?"
                        let v = (detail["value"] as? String) ?? (detail["level"] as? NSNumber).map { "L\($0)" } ?? ""
                        return (n, (id, v))
                    }
                }
                return nil
            }
            let (status, entries) = try CitycertBinary.entries(t, "scores/\(member)/app-a.json")
            if acks.count < planned.count {
                // The save in flight at the kill: committed if its record is logged (the file may lag) or the file has it.
                let (id, v) = planned[acks.count]
                let p = pending(member)
                let logged = p.map { $0.change == (id, v) } ?? false
                if logged {
                    tally.interrupted += 1
                    pendingPrevious[member] = (p!.line, id == "submit" || id == "reopen" ? nil : model.entries[id])
                }
                switch id {
                case "reopen": if logged || status == "draft" { model.submitted = false }
                case "submit": if logged || status == "submitted" { model.submitted = true }
                default: if logged || entries[id] == v { model.entries[id] = v }
                }
            }
            models[member] = model

            // No sheet is corrupt; every acknowledged (or logged) save is there, but for one logged
            // save whose file write the kill prevented (for both sheets).
            for m in members {
                let (status, entries) = try CitycertBinary.entries(t, "scores/\(m)/app-a.json")
                let p = pending(m)
                if p == nil || p!.line != pendingPrevious[m]?.line { pendingPrevious[m] = nil }
                #expect(p == nil || pendingPrevious[m] != nil, "iteration \(i): \(m) has an unexplained pending record")
                for (id, v) in models[m]!.entries where entries[id] != v {
                    if let p, p.change.0 == id, entries[id] == pendingPrevious[m]?.previous { continue }
                    Issue.record("iteration \(i): \(m)'s \(id) acknowledged as \(v) but the sheet has \(entries[id] ?? "nothing")")
                }
                if p == nil, status != nil {
                    #expect((status == "submitted") == models[m]!.submitted, "iteration \(i): \(m)'s status is \(status!)")
                }
            }
        }
        // The last interrupted saves are completed by a repair; then every sheet is exactly the model.
        let repair = try CitycertBinary.run(["verify", "--store", store, "--repair"])
        #expect(repair.status == 0 && !repair.out.contains("warning"), "\(repair.out)")
        for member in members {
            let (_, entries) = try CitycertBinary.entries(t, "scores/\(member)/app-a.json")
            #expect(entries == models[member]!.entries, "\(member): the sheet is every acknowledged save plus the completed ones")
        }
        tally.lines += try String(contentsOf: t.root.appendingPathComponent("audit.log"), encoding: .utf8).split(separator: "\n").count
    }
}
