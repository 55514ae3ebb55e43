import CityCertCore
import Foundation

/// One member's sheet of one application, held under its lock while changes are made.
///
/// The write order of every change (see `Docs/reliability.md`):
/// 1. under the application's decision lock (shared) and the sheet's lock (exclusive), re-read
///    the sheet file: changes saved meanwhile by another terminal are kept (entry by entry);
/// 2. complete an interrupted earlier save: records of this sheet logged after the file's
///    `audit_seq` are applied and the file written (the log is the write-ahead log);
/// 3. for each change: append the audit record (fsync) — the commit point — then write the sheet
///    atomically with `audit_seq` = that record's seq.
///
/// Decisions follow the same rule: the finalize (or reopen) record first, then the decision file.
final class SheetWriter {
    let store: Store
    let member: String
    let application: String
    /// The sheet as it is now (after the changes made so far).
    private(set) var sheet: ScoreSheet
    /// The seq of the last record applied to the file.
    private(set) var auditSeq: Int?
    /// The bytes of the file as found when the lock was taken (nil: there was no file).
    let bytesAsFound: Data?
    private let path: String

    private init(store: Store, member: String, application: String, sheet: ScoreSheet, auditSeq: Int?, bytes: Data?) {
        self.store = store; self.member = member; self.application = application
        self.sheet = sheet; self.auditSeq = auditSeq; self.bytesAsFound = bytes
        path = "scores/\(member)/\(application).json"
    }

    /// Opens the sheet under the locks and runs `body`; refuses when the application is final.
    static func withSheet<T>(_ store: Store, member: String, application: String,
                             _ body: (SheetWriter) throws -> T) throws(StoreActionError) -> T {
        let files = store.files
        do {
            return try FileLock.withLock(files.url("decisions/.\(application).lock"), shared: true) {
                if files.exists("decisions/\(application).json") {
                    throw StoreActionError.refused(.applicationFinal(application))
                }
                return try FileLock.withLock(files.url("scores/\(member)/.\(application).json.lock")) {
                    let writer = try open(store, member: member, application: application)
                    return try body(writer)
                }
            }
        } catch let e as StoreActionError {
            throw e
        } catch {
            throw .io(error)
        }
    }

    /// Reads the file and brings it up to date with the log (must hold the sheet lock). With
    /// `adopt`, a sheet written by another program (no `audit_seq`, no records) is logged as found.
    static func open(_ store: Store, member: String, application: String, adopt: Bool = true) throws -> SheetWriter {
        let path = "scores/\(member)/\(application).json"
        var bytes: Data?
        var sheet = ScoreSheet(application: application, member: member)
        var marker: Int?
        if store.files.exists(path) {
            var problems: [Problem] = []
            guard let data = store.files.data(path, problems: &problems, limit: SheetLoader.maxBytes),
                  let (s, m) = try? SheetLoader.decode(data) else {
                throw StoreActionError.refused(.damagedLeftAsIs(path: path))
            }
            guard s.member == member, s.application == application else {
                throw StoreActionError.refused(.namesAnother(path: path))
            }
            bytes = data; sheet = s; marker = m
        }
        let writer = SheetWriter(store: store, member: member, application: application, sheet: sheet, auditSeq: marker, bytes: bytes)
        let logged = try store.audit.sheetAndDecisionRecords(member: member, application: application, after: marker)
        // No sheet record can follow a finalize that is not reopened, so a finalize logged after this
        // sheet's last change, and not reopened since, is seen here: the log says the application is
        // final even if its decision file was not written (an interrupted finalize).
        if logged.last(where: { $0.action.isDecisionAction })?.action == .finalize {
            throw StoreActionError.refused(.finalInLogOnly(application))
        }
        let pending = logged.filter { $0.action.isSheetAction }
        if bytes != nil, marker == nil {
            if pending.isEmpty {
                guard adopt else { return writer }
                // A sheet written by another program (a generated store, an older version): its
                // content becomes this sheet's first record, visibly — but only a file the acting
                // OS user owns: a sheet planted in a member's folder by someone else is never
                // adopted in her name.
                if store.signaturesRequired || store.committee.member(member)?.publicKey != nil {
                    throw StoreActionError.refused(.unsignedSheetNotAdopted(path: path))
                }
                if let owner = (try? FileManager.default.attributesOfItem(atPath: store.files.url(path).path))?[.ownerAccountID] as? NSNumber,
                   owner.uint32Value != geteuid(), geteuid() != 0 || owner.uint32Value != 0 {
                    throw StoreActionError.refused(.foreignSheetNotAdopted(path: path, uid: "\(owner)", member: member))
                }
                try writer.commit(action: .adoptSheet, phase: nil, detail: SheetReplay.adoptDetail(sheet),
                                  at: store.timestamp(), replacing: true)
            } else {
                // No marker but a history: accept the file only if it is exactly what the log says.
                var replayed = ScoreSheet(application: application, member: member)
                for r in pending { try apply(r, to: &replayed, path: path) }
                guard replayed.phases == sheet.phases else {
                    throw StoreActionError.refused(.disagreesWithLog(path: path, store: store.root.path))
                }
                try writer.writeFile(replayed, seq: pending.last!.seq)
            }
        } else if !pending.isEmpty {
            // An earlier save logged its change but did not write the file: complete it.
            var replayed = sheet
            for r in pending { try apply(r, to: &replayed, path: path) }
            try writer.writeFile(replayed, seq: pending.last!.seq)
        }
        return writer
    }

    private static func apply(_ r: AuditRecord, to sheet: inout ScoreSheet, path: String) throws {
        do {
            try SheetReplay.apply(r, to: &sheet)
        } catch {
            throw StoreActionError.refused(.cannotCompleteSave(path: path, location: r.location, reason: error.message))
        }
    }

    /// Logs one change and writes the sheet with it: the record is built first and applied with
    /// ``SheetReplay``, exactly as a replay of the log will apply it.
    func commit(action: AuditAction, phase: Phase?, detail: [(String, JSONValue)], at: String, replacing: Bool = false) throws {
        let provisional = AuditRecord(line: 0, seq: 0, at: at, actor: member, action: action, application: application,
                                      phase: phase, detail: JSONValue.object(detail).auditJSON, prev: "", hash: "")
        var next = replacing ? ScoreSheet(application: application, member: member) : sheet
        do {
            try SheetReplay.apply(provisional, to: &next)
        } catch {
            throw StoreActionError.refused(.replayRefused(error.message))
        }
        let appended = try store.appendAudit(.init(at: at, actor: member, action: action, application: application,
                                                   phase: phase?.rawValue, detail: detail))
        do {
            try writeFile(next, seq: appended.seq)
        } catch {
            // The record is the commit point: the change is saved, only its file lags behind.
            throw StoreActionError.io("the change is saved in the audit log (audit.log:\(appended.seq)), but \(path) could not be written (\(error)); the next save of this sheet, or `citycert verify --repair`, writes it")
        }
    }

    private func writeFile(_ next: ScoreSheet, seq: Int) throws {
        try AtomicFile.write(StoredSheet.encode(next, auditSeq: seq), to: store.files.url(path))
        sheet = next
        auditSeq = seq
    }
}
