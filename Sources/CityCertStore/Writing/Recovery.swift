import CityCertCore
import Foundation

/// Completing changes that a crash interrupted. The audit log is the write-ahead log: a change is
/// committed once its record is on disk, and a file that lags behind its records is brought up to
/// date from them. Nothing here invents a change: it applies what the log already says.
extension Store {
    /// Brings every sheet of an application up to date with the log, and adopts into the log the
    /// sheets written by other programs (a generated store), so a decision rests only on sheets the
    /// log accounts for. Refuses when a sheet disagrees with the log. Call with the decision's lock held.
    func bringSheetsUpToDate(_ application: String) throws {
        var members = Set(scoringMemberFolders().filter { Identifier.isValid($0) && files.exists("scores/\($0)/\(application).json") })
        for r in try audit.applicationRecords(application) where r.action.isSheetAction && Identifier.isValid(r.actor) {
            members.insert(r.actor)
        }
        for member in members.sorted() {
            try FileLock.withLock(files.url("scores/\(member)/.\(application).json.lock")) {
                _ = try SheetWriter.open(self, member: member, application: application)
            }
        }
    }

    /// Completes an interrupted finalize or reopen of an application from its records: writes the
    /// decision file of a finalize that was logged but not written, or removes the file left by a
    /// logged reopen. Returns what was done. Call with the decision's lock held.
    @discardableResult
    func completeInterruptedDecision(_ application: String) throws -> String? {
        let path = "decisions/\(application).json"
        let records = try audit.decisionRecords(application: application)
        var logged: Decision?
        for r in records { try? SheetReplay.applyDecision(r, to: &logged) }
        let exists = files.exists(path)
        if let logged, !exists {
            try AtomicFile.write(Self.encode(logged), to: files.url(path))
            return "\(path): written from the logged finalize (audit.log:\(records.last!.line))"
        }
        if logged == nil, exists, records.last?.action == .reopen,
           let f = records.last(where: { $0.action == .finalize }), let was = try? SheetReplay.decision(f),
           let data = files.url(path).contentsIfSmall, let file = try? SheetLoader.decodeDecision(data),
           Self.difference(file: file, log: was) == nil {
            try AtomicFile.remove(files.url(path))
            return "\(path): removed after the logged reopen (audit.log:\(records.last!.line))"
        }
        return nil
    }

    /// Completes what `verify` reports as interrupted: sheets whose last logged change is not in
    /// the file, a decision file left by an interrupted reopen, a decision not yet logged, an
    /// incomplete last line of the log. Refused when the log's chain is broken (the log must be
    /// trusted before anything is written from it). Returns what was done, one line each.
    public func repair() throws(StoreActionError) -> [String] {
        let report = verify()
        if report.errors.contains(where: { $0.path == "audit.log" }) {
            throw .refused(.logFailsVerification)
        }
        var done: [String] = []
        do {
            if report.tornTail {
                done.append(try audit.cutIncompleteTail())
            }
            for key in report.pendingSheets {
                try FileLock.withLock(files.url("decisions/.\(key.application).lock"), shared: true) {
                    try FileLock.withLock(files.url("scores/\(key.member)/.\(key.application).json.lock")) {
                        _ = try SheetWriter.open(self, member: key.member, application: key.application, adopt: false)
                    }
                }
                done.append("\(key.path): completed the interrupted save")
            }
            for app in report.pendingDecisions {
                try FileLock.withLock(files.url("decisions/.\(app).lock")) {
                    if let what = try completeInterruptedDecision(app) { done.append(what) }
                }
            }
        } catch let e as StoreActionError {
            throw e
        } catch {
            throw .io(error)
        }
        return done
    }
}

extension URL {
    /// The file's bytes when it is at most 4 MiB.
    var contentsIfSmall: Data? {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
              size.intValue <= SheetLoader.maxBytes else { return nil }
        return try? Data(contentsOf: self)
    }
}
