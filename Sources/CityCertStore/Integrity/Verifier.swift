import CityCertCore
import Foundation

/// What `citycert verify` found: errors (the store fails), warnings (interrupted changes that the
/// next change or `--repair` completes), and what was checked.
public struct VerifyReport: Sendable {
    public var errors: [Problem] = []
    public var warnings: [Problem] = []
    /// Complete lines of the log.
    public var lines = 0
    /// Sheet files that agree with the log.
    public var sheets = 0
    /// Decision files that agree with the log.
    public var decisions = 0

    /// Sheets whose last logged change is not yet in the file (member, application).
    var pendingSheets: [SheetKey] = []
    /// Applications whose decision file is ahead of or behind the log by one interrupted action.
    var pendingDecisions: [String] = []
    var tornTail = false
    /// The line of the last seal, if the round is sealed.
    public var sealedAt: Int?
    /// Records whose signature was checked and is valid.
    public var signedRecords = 0
    /// The line whose hash is the anchor given to verify, if found.
    public var anchorLine: Int?

    /// Whether the store passed: the chain is intact and every file agrees with the log.
    public var passed: Bool { errors.isEmpty }
    /// Whether something is left for `verify --repair` to complete.
    public var hasPending: Bool { !pendingSheets.isEmpty || !pendingDecisions.isEmpty || tornTail }
}

/// A member's sheet of an application.
struct SheetKey: Hashable, Comparable, Sendable {
    var member: String
    var application: String
    var path: String { "scores/\(member)/\(application).json" }
    static func < (a: SheetKey, b: SheetKey) -> Bool { (a.member, a.application) < (b.member, b.application) }
}

extension Store {
    /// Checks the audit log's hash chain and that every sheet and decision agrees with the log
    /// (spec §2). Read-only; a sheet or decision that looks one change behind or ahead is re-read
    /// under its lock before it is judged, so a change in progress is never mistaken for a fault.
    /// With `anchor` (a log head written down elsewhere, e.g. in the minutes), the log must still
    /// contain a line with that hash, intact: otherwise it was rolled back or rewritten.
    public func verify(anchor: String? = nil) -> VerifyReport {
        var report = verifyLogAndFiles(anchor: anchor)
        if let anchor {
            let a = anchor.lowercased()
            if let line = report.anchorLine {
                if report.errors.contains(where: { $0.path == "audit.log" && ($0.line ?? Int.max) <= line }) {
                    report.errors.append(Problem(path: "audit.log", line: line, "the anchored head \(a) is here, but the log up to it does not verify"))
                }
            } else {
                report.errors.append(Problem(path: "audit.log", "the anchored head \(a) is not in the log: the log was rolled back or rewritten since it was written down"))
            }
        }
        return report
    }

    private func verifyLogAndFiles(anchor: String?) -> VerifyReport {
        var report = VerifyReport()
        guard let (bytes, lines) = readLog(&report) else { return report }
        let records = checkChain(bytes, lines, anchor: anchor, report: &report)
        var replay = LogReplay(store: self)
        replay.replay(records, report: &report)
        checkSeal(replay, report: &report)
        checkSheetFiles(replay, logged: records.count, report: &report)
        checkDecisionFiles(replay, report: &report)
        return report
    }

    /// The log's bytes and lines; an incomplete last line is reported (and a whole record that only
    /// lacks its newline kept).
    private func readLog(_ report: inout VerifyReport) -> ([UInt8], AuditLines)? {
        let bytes: [UInt8]
        do {
            bytes = try audit.readBytes()
        } catch {
            report.errors.append(Problem(path: "audit.log", "\(error)"))
            return nil
        }
        var lines = AuditLines(bytes)
        if let torn = lines.torn, AuditLog.wholeRecord(bytes[torn]) != nil {
            // Only the newline is missing: a whole record (a sheet may name it), never dropped.
            lines.complete.append(torn)
            lines.torn = nil
            report.tornTail = true
            report.warnings.append(Problem(path: "audit.log", line: lines.complete.count,
                "the last line lacks its newline (a whole record): the next change or `citycert verify --repair` puts it back", severity: .warning))
        }
        report.lines = lines.complete.count
        if lines.torn != nil {
            report.tornTail = true
            report.warnings.append(Problem(path: "audit.log", line: lines.complete.count + 1,
                "the last line is incomplete (an append that never completed; nothing depends on it): the next change or `citycert verify --repair` removes it", severity: .warning))
        }
        return (bytes, lines)
    }

    /// Step 1, the chain: the records in order; the first line that breaks it is named.
    private func checkChain(_ bytes: [UInt8], _ lines: AuditLines, anchor: String?, report: inout VerifyReport) -> [AuditRecord] {
        var records: [AuditRecord] = []
        var chainBroken = false
        var previousHash = ""
        for (n, range) in lines.complete.enumerated() {
            let number = n + 1
            switch AuditRecord.parse(bytes[range], line: number) {
            case .failure(let e):
                if !chainBroken { report.errors.append(Problem(path: "audit.log", line: number, e.message)); chainBroken = true }
            case .success(let r):
                if !chainBroken {
                    var why: String?
                    if r.seq != number {
                        why = "seq is \(r.seq), expected \(number): a line was removed, added or moved"
                    } else if r.prev != previousHash {
                        why = number == 1 ? "prev must be empty on the first line"
                            : "prev is not the hash of line \(number - 1): a line before this one was changed, removed or moved"
                    } else if !AuditRecord.hashMatches(bytes[range], hash: r.hash) {
                        why = "hash does not match the line's content: this line was changed"
                    }
                    if let why { report.errors.append(Problem(path: "audit.log", line: number, why)); chainBroken = true }
                }
                previousHash = r.hash
                if let anchor, r.hash == anchor.lowercased(), report.anchorLine == nil { report.anchorLine = number }
                records.append(r)
            }
        }
        return records
    }

    /// Step 2b: the authored files against the last seal.
    private func checkSeal(_ replay: LogReplay, report: inout VerifyReport) {
        if let sealedFiles = replay.sealedFiles, let lastSeal = replay.lastSeal {
            report.sealedAt = lastSeal.line
            let (now, unreadable) = authoredFiles()
            for (path, why) in Self.sealDifferences(sealed: sealedFiles, now: now, unreadable: unreadable) {
                report.errors.append(Problem(path: path, "\(why) (sealed at audit.log:\(lastSeal.line))"))
            }
        }
    }

    /// Step 3: the sheet files against the log (a sheet that looks one change behind or ahead is
    /// judged again under its lock).
    private func checkSheetFiles(_ replay: LogReplay, logged: Int, report: inout VerifyReport) {
        var onDisk: Set<SheetKey> = []
        for member in files.listDirectory("scores") where files.isDirectory("scores/\(member)") {
            for file in files.listDirectory("scores/\(member)") where file.hasSuffix(".json") {
                let app = String(file.dropLast(5))
                guard Identifier.isValid(member), Identifier.isValid(app) else {
                    report.errors.append(Problem(path: "scores/\(member)/\(file)", "not a sheet citycert can have written (invalid member or application id)"))
                    continue
                }
                onDisk.insert(SheetKey(member: member, application: app))
            }
        }
        if logged == 0, !onDisk.isEmpty {
            report.errors.append(Problem(path: "audit.log", "the log is missing or empty, but the store has \(onDisk.count) sheet(s): they were written outside citycert (e.g. `citycert generate` without --history) and have no recorded history"))
        }
        for key in onDisk.union(replay.bySheet.keys).sorted() {
            var verdict = assessSheet(records: replay.bySheet[key] ?? [], file: sheetFile(key))
            if case .ok = verdict {} else {
                verdict = FileLock.withExistingLockShared(files.url("scores/\(key.member)/.\(key.application).json.lock")) {
                    let fresh = (try? audit.sheetRecords(member: key.member, application: key.application, after: nil)) ?? []
                    return assessSheet(records: fresh, file: sheetFile(key))
                }
            }
            switch verdict {
            case .ok: if onDisk.contains(key) { report.sheets += 1 }
            case .pending(let r):
                report.pendingSheets.append(key)
                report.warnings.append(Problem(path: "audit.log", line: r.line,
                    "\(r.action) of \(key.path) is logged but not yet in the file (an interrupted save): the next save of this sheet or `citycert verify --repair` completes it", severity: .warning))
            case .mismatch(let m):
                report.errors.append(Problem(path: key.path, m))
            }
        }
    }

    /// Step 4: the decision files against the log.
    private func checkDecisionFiles(_ replay: LogReplay, report: inout VerifyReport) {
        var decisionFiles: Set<String> = []
        for file in files.listDirectory("decisions") where file.hasSuffix(".json") {
            let app = String(file.dropLast(5))
            guard Identifier.isValid(app) else {
                report.errors.append(Problem(path: "decisions/\(file)", "not a decision citycert can have written (invalid application id)"))
                continue
            }
            decisionFiles.insert(app)
        }
        for app in decisionFiles.union(replay.decisions.keys).sorted() {
            var verdict = assessDecision(app, records: replay.decisionRecords[app] ?? [])
            if case .ok = verdict {} else {
                verdict = FileLock.withExistingLockShared(files.url("decisions/.\(app).lock")) {
                    assessDecision(app, records: (try? audit.decisionRecords(application: app)) ?? [])
                }
            }
            switch verdict {
            case .ok: if decisionFiles.contains(app) { report.decisions += 1 }
            case .pending(let m):
                report.pendingDecisions.append(app)
                report.warnings.append(Problem(path: "decisions/\(app).json", m, severity: .warning))
            case .mismatch(let m):
                report.errors.append(Problem(path: "decisions/\(app).json", m))
            }
        }
    }


    // MARK: - Meaning

    /// Spec §2 *Signatures*: a record of a member with a key needs a valid `sig`; with
    /// `signatures: required`, a record of a member without a key is an error.
    func checkSignature(_ r: AuditRecord, member: Member?, report: inout VerifyReport) {
        func bad(_ m: String) { report.errors.append(Problem(path: "audit.log", line: r.line, m)) }
        if let key = member?.publicKey {
            guard let sig = r.sig else { bad("not signed, but \(r.actor) has a key in committee.yaml: a record in \(r.actor)'s name that \(r.actor) did not sign"); return }
            if Signatures.isValid(sig: sig, hash: r.hash, publicKey: key) {
                report.signedRecords += 1
            } else {
                bad("sig is not \(r.actor)'s signature of this record's hash (committee.yaml key): forged or altered")
            }
        } else if signaturesRequired {
            bad("store.yaml says signatures: required, but \(r.actor) has no key in committee.yaml")
        } else if r.sig != nil {
            report.warnings.append(Problem(path: "audit.log", line: r.line, "signed, but \(r.actor) has no key in committee.yaml to check it with", severity: .warning))
        }
    }

    /// A finalize must agree with the evaluation of the sheets as replayed up to it.
    func checkDecision(_ d: Decision, record r: AuditRecord, sheets: [SheetKey: ScoreSheet], report: inout VerifyReport) {
        guard let app = application(r.application, keep: false).application else {
            report.errors.append(Problem(path: "audit.log", line: r.line, "\(r.application) is finalized, but its application is missing or invalid now"))
            return
        }
        // The sheets as the store would read them then: each replayed sheet through the same checks
        // as a sheet file (a sheet the loader rejects does not count, as at finalize).
        let own = sheets.filter { $0.key.application == r.application }.sorted { $0.key < $1.key }.compactMap { key, sheet -> ScoreSheet? in
            guard let data = try? StoredSheet.encode(sheet, auditSeq: nil) else { return nil }
            let (read, problems) = SheetLoader.sheet(data, path: key.path, member: key.member, application: app, applicationID: key.application,
                                                     standards: standards, committee: committee)
            return problems.contains { $0.severity == .error } ? nil : read
        }
        let e = Evaluator(standards: standards, committee: committee).evaluate(app, sheets: own)
        var diffs: [String] = []
        if Points(d.total) != e.total { diffs.append("total \(d.total), the sheets give \(e.total)") }
        if Points(d.max) != e.max { diffs.append("max \(d.max), the standards give \(e.max)") }
        if d.grade != e.grade { diffs.append("grade \(d.grade), the sheets give \(e.grade)") }
        if d.certified != e.certified { diffs.append("certified \(d.certified), the sheets give \(e.certified)") }
        if e.status != .complete, diffs.isEmpty {
            // citycert refuses to finalize then; the spec does not forbid it (another tool may allow it).
            report.warnings.append(Problem(path: "audit.log", line: r.line, "\(r.application) was finalized before every eligible member had submitted (the figures agree with the sheets then)", severity: .warning))
        }
        if !diffs.isEmpty {
            report.errors.append(Problem(path: "audit.log", line: r.line, "the decision on \(r.application) disagrees with the sheets as logged up to it: \(diffs.joined(separator: "; "))"))
        }
    }

    // MARK: - Sheets

    enum SheetVerdict {
        case ok
        /// The file is exactly one logged change behind: this record's save was interrupted.
        case pending(AuditRecord)
        case mismatch(String)
    }

    func sheetFile(_ key: SheetKey) -> Data? {
        guard files.exists(key.path) else { return nil }
        var problems: [Problem] = []
        return files.data(key.path, problems: &problems, limit: SheetLoader.maxBytes) ?? Data()
    }

    /// Compares a sheet file with the replay of its records.
    func assessSheet(records: [AuditRecord], file: Data?) -> SheetVerdict {
        guard let file else {
            if records.isEmpty { return .ok }
            if records.count == 1 { return .pending(records[0]) }
            return .mismatch("the file is missing, but the log has \(records.count) changes of it (the last at audit.log:\(records.last!.line))")
        }
        guard let (sheet, marker) = try? SheetLoader.decode(file) else {
            return .mismatch("cannot be read as a score sheet (see `citycert validate`)")
        }
        guard !records.isEmpty else {
            return .mismatch("not in the audit log: written outside citycert, or its records were removed")
        }
        let key = SheetKey(member: records[0].actor, application: records[0].application)
        if sheet.member != key.member || sheet.application != key.application {
            return .mismatch("names member '\(sheet.member)' and application '\(sheet.application)' but is filed as \(key.path)")
        }
        var full = ScoreSheet(application: key.application, member: key.member)
        var before = full
        for (n, r) in records.enumerated() {
            if n == records.count - 1 { before = full }
            do { try SheetReplay.apply(r, to: &full) } catch { return .mismatch("\(r.location): \(error.message)") }
        }
        let last = records.last!
        if sheet.phases == full.phases {
            if let marker, marker != last.seq {
                return .mismatch("audit_seq is \(marker), but its last change is seq \(last.seq) (audit.log:\(last.line))")
            }
            return .ok
        }
        let previousSeq = records.count >= 2 ? records[records.count - 2].seq : nil
        if sheet.phases == before.phases, marker == previousSeq {
            return .pending(last)
        }
        return .mismatch(Self.difference(file: sheet, log: full, records: records))
    }

    /// The first difference between a sheet file and the log, named precisely.
    static func difference(file: ScoreSheet, log: ScoreSheet, records: [AuditRecord]) -> String {
        func lastLine(_ phase: Phase, where match: (AuditRecord) -> Bool) -> String {
            records.last { ($0.phase == phase || $0.action == .adoptSheet) && match($0) }.map { " (audit.log:\($0.line))" } ?? ""
        }
        for phase in Phase.allCases {
            let f = file.phases[phase], l = log.phases[phase]
            switch (f, l) {
            case (nil, nil): continue
            case (nil, let l?):
                return "\(phase.rawValue): the log has this phase (\(l.status.rawValue), \(l.entries.count) entries\(lastLine(phase) { _ in true })) but the file does not"
            case (.some, nil):
                return "\(phase.rawValue): the file has this phase but the log never recorded it"
            case (let f?, let l?):
                for id in Set(f.entries.keys).union(l.entries.keys).sorted() where f.entries[id] != l.entries[id] {
                    let at = lastLine(phase) { ($0.action != .entry && $0.action != .sheetBatch) || SheetReplay.indicators($0).contains(id) }
                    return "\(phase.rawValue).\(id): the file has \(describe(f.entries[id])), the log has \(describe(l.entries[id]))\(at)"
                }
                if f.status != l.status {
                    return "\(phase.rawValue): the file says \(f.status.rawValue), the log says \(l.status.rawValue)\(lastLine(phase) { $0.action != .entry })"
                }
                if f.submittedAt != l.submittedAt {
                    return "\(phase.rawValue): submitted_at is \(f.submittedAt ?? "null") in the file, \(l.submittedAt ?? "null") in the log\(lastLine(phase) { $0.action != .entry })"
                }
                if f.updatedAt != l.updatedAt {
                    return "\(phase.rawValue): updated_at is \(f.updatedAt ?? "null") in the file, \(l.updatedAt ?? "null") in the log\(lastLine(phase) { _ in true })"
                }
            }
        }
        return "the file does not agree with the log"
    }

    /// `value 12.5, note "checked"`, `level 4`, `no entry`.
    static func describe(_ e: Entry?) -> String {
        guard let e else { return "no entry" }
        var parts: [String] = []
        if let v = e.value { parts.append("value \(EntryValue.format(v))") }
        if let l = e.level { parts.append("level \(l)") }
        if let n = e.note { parts.append("note \"\(n.count > 40 ? String(n.prefix(40)) + "…" : n)\"") }
        if let q = e.clarification { parts.append("question \"\(q.count > 40 ? String(q.prefix(40)) + "…" : q)\"") }
        return parts.joined(separator: ", ")
    }

    // MARK: - Decisions

    enum DecisionVerdict {
        case ok
        case pending(String)
        case mismatch(String)
    }

    /// Compares an application's decision file with its finalize and reopen records.
    func assessDecision(_ app: String, records: [AuditRecord]) -> DecisionVerdict {
        var logged: Decision?
        var lastFinalize: AuditRecord?
        for r in records {
            do { try SheetReplay.applyDecision(r, to: &logged) } catch { return .mismatch("audit.log:\(r.line): \(error.message)") }
            if r.action == .finalize { lastFinalize = r }
        }
        let path = "decisions/\(app).json"
        guard files.exists(path) else {
            if logged != nil, let f = lastFinalize {
                return .pending("\(app) was finalized at audit.log:\(f.line) but its decision file was not written (an interrupted finalize; no sheet can change meanwhile): `citycert verify --repair` writes it from the log")
            }
            return .ok
        }
        var problems: [Problem] = []
        guard let data = files.data(path, problems: &problems, limit: SheetLoader.maxBytes),
              let file = try? SheetLoader.decodeDecision(data) else {
            return .mismatch("cannot be read as a decision (see `citycert validate`)")
        }
        if let logged, let f = lastFinalize {
            if let diff = Self.difference(file: file, log: logged) { return .mismatch("\(diff) (audit.log:\(f.line))") }
            return .ok
        }
        if records.last?.action == .reopen, let f = lastFinalize, let was = try? SheetReplay.decision(f),
           Self.difference(file: file, log: was) == nil {
            return .pending("\(app) was reopened at audit.log:\(records.last!.line) but its decision file is still there (an interrupted reopen; the application stays final meanwhile): `citycert verify --repair` removes it")
        }
        return .mismatch("not in the audit log: no finalize record of \(app)\(records.isEmpty ? "" : " since its reopening at audit.log:\(records.last!.line)") (written or changed outside citycert)")
    }

    /// The first field in which a decision file differs from the logged one.
    static func difference(file: Decision, log: Decision) -> String? {
        if file.application != log.application { return "application is '\(file.application)', not '\(log.application)'" }
        if Points(file.total) != Points(log.total) { return "total is \(file.total), the log says \(log.total)" }
        if Points(file.max) != Points(log.max) { return "max is \(file.max), the log says \(log.max)" }
        if file.grade != log.grade { return "grade is \(file.grade), the log says \(log.grade)" }
        if file.certified != log.certified { return "certified is \(file.certified), the log says \(log.certified)" }
        if file.finalizedBy != log.finalizedBy { return "finalized_by is \(file.finalizedBy), the log says \(log.finalizedBy)" }
        if file.finalizedAt != log.finalizedAt { return "finalized_at is \(file.finalizedAt), the log says \(log.finalizedAt)" }
        if (file.note ?? "") != (log.note ?? "") { return "the note differs from the logged one" }
        return nil
    }
}
