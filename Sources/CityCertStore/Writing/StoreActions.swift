import CityCertCore
import Foundation

/// The store's only doors for changes: each checks the committee's rules (identity included), takes
/// its locks, logs the change in the audit log and then writes the file atomically (see
/// ``SheetWriter`` and `Docs/reliability.md`). Every change to a sheet — the TUI, `score` and
/// `sheet import` — goes through ``edit(_:member:application:phase:reopen:submit:expecting:)``
/// (SheetEdit.swift); `finalize` and `reopen` are here.
extension Store {
    // MARK: - Sheets

    /// An entry as it will be stored (empty notes dropped; nil when nothing is left), or why it does
    /// not fit the indicator.
    static func checked(_ entry: Entry?, indicator ind: Indicator) throws(StoreActionError) -> Entry? {
        guard let e = entry else { return nil }
        if ind.isQuantitative, e.level != nil { throw .refused(.quantitativeNeedsValue(indicator: ind.id)) }
        if !ind.isQuantitative, e.value != nil { throw .refused(.qualitativeNeedsLevel(indicator: ind.id)) }
        if let l = e.level, !ind.levels.contains(where: { $0.level == l }) {
            throw .refused(.noSuchLevel(indicator: ind.id, level: l, levels: ind.levels.map(\.level)))
        }
        if let v = e.value, !EntryValue.isAcceptable(v) {
            throw .refused(.valueTooLarge(indicator: ind.id, value: "\(v)"))
        }
        if let v = e.value, let range = ind.range, !range.contains(v) {
            throw .refused(.outsideRange(indicator: ind.id, value: v.plainText, range: range.description))
        }
        for text in [e.note, e.clarification] where (text?.utf8.count ?? 0) > 16 * 1024 {
            throw .refused(.textTooLong(indicator: ind.id))
        }
        let note = e.note?.isEmpty == true ? nil : e.note
        let q = e.clarification?.isEmpty == true ? nil : e.clarification
        let c = Entry(value: e.value, level: e.level, note: note, clarification: q)
        return c.isScored || note != nil || q != nil ? c : nil
    }

    /// The applicable indicators a phase sheet has no scored entry for, in standards order.
    public func missingEntries(_ ps: PhaseSheet?, for app: Application) -> [String] {
        standards.applicableIndicators(for: app.cityType).filter { ps?.entries[$0.id]?.isScored != true }.map(\.id)
    }

    /// Checks that a member may change their sheet of an application in a phase; returns the application.
    func scorable(member: String, application: String, phase: Phase) throws(StoreActionError) -> Application {
        guard let m = committee.member(member) else { throw .refused(.notAMember(member)) }
        guard m.canScore else { throw .refused(.secretaryDoesNotScore(name: m.name)) }
        guard let app = self.application(application).application else {
            throw .refused(applicationIDs.contains(application) ? .invalidApplication(application) : .noApplication(application))
        }
        if committee.conflict(member: member, application: application) != nil {
            throw .refused(.conflictOfInterest(name: m.name, application: application))
        }
        if phase == .site, !committee.isOnSiteTeam(member, application: application) {
            throw .refused(.notOnSiteTeam(name: m.name, application: application))
        }
        if files.exists("decisions/\(application).json") {
            throw .refused(.applicationFinal(application))
        }
        return app
    }

    // MARK: - Decisions

    /// Finalizes an application (chair only): writes the decision from the current evaluation.
    ///
    /// Under the decision's lock (exclusive: no sheet of the application changes meanwhile),
    /// interrupted saves of its sheets are completed and sheets written by other programs adopted
    /// into the log, so the decision rests on sheets the log accounts for. As for sheets, the record
    /// is the commit point: it is appended first, then the decision file is written (a crash
    /// between the two leaves an application the log says is final; no sheet can change, and the
    /// next `finalize`, `reopen` or `verify --repair` writes the file from the record).
    @discardableResult
    public func finalize(application: String, by chair: String, note: String? = nil) throws(StoreActionError) -> Decision {
        try requireChair(chair)
        try requireRulesUnchanged()
        guard Identifier.isValid(application), let app = self.application(application).application else {
            throw .refused(.noValidApplication(application))
        }
        do {
            return try FileLock.withLock(files.url("decisions/.\(application).lock")) { () throws -> Decision in
                if let done = try completeInterruptedDecision(application) {
                    throw StoreActionError.refused(.alreadyFinal(application, detail: done))
                }
                if files.exists("decisions/\(application).json") { throw StoreActionError.refused(.alreadyFinal(application, detail: nil)) }
                try bringSheetsUpToDate(application)
                let evaluation = Evaluator(standards: standards, committee: committee)
                    .evaluate(app, sheets: sheets(for: application).sheets)
                if let reason = FinalizeRule.reason(evaluation, standards: standards, committee: committee) {
                    throw StoreActionError.refused(.cannotFinalize(application: application, reason))
                }
                // A grade the flags can still move across the certification line is decided with
                // a word on why it stands (spec §3.9).
                let r = evaluation.range
                if r.crossesCertification, (note ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                    throw StoreActionError.refused(.rangeCrossesLine(low: "\(r.low)", high: "\(r.high)", gradeLow: r.gradeLow, gradeHigh: r.gradeHigh))
                }
                let decision = Decision(application: application, finalizedBy: chair, finalizedAt: timestamp(),
                                        total: evaluation.total, max: evaluation.max, grade: evaluation.grade,
                                        certified: evaluation.certified, note: note?.isEmpty == true ? nil : note)
                try appendAudit(.init(at: decision.finalizedAt, actor: chair, action: .finalize, application: application,
                                      phase: nil, detail: SheetReplay.finalizeDetail(decision)))
                try AtomicFile.write(Self.encode(decision), to: files.url("decisions/\(application).json"))
                return decision
            }
        } catch let e as StoreActionError {
            throw e
        } catch {
            throw .io(error)
        }
    }

    /// Reopens a final application (chair only): records the reopening, then removes the decision
    /// (a crash between the two leaves the application final until `verify --repair` completes it).
    public func reopen(application: String, by chair: String, reason: String? = nil) throws(StoreActionError) {
        try requireChair(chair)
        guard Identifier.isValid(application) else { throw .refused(.noApplication(application)) }
        do {
            try FileLock.withLock(files.url("decisions/.\(application).lock")) {
                let fileExists = files.exists("decisions/\(application).json")
                let loggedFinal = try audit.saysFinal(application)
                guard loggedFinal || fileExists else { throw StoreActionError.refused(.notFinal(application)) }
                guard loggedFinal else {
                    throw StoreActionError.refused(.decisionNotInLog(application))
                }
                // A decision undone is defended at an appeal like one made: the reason is kept.
                guard let why = reason?.trimmingCharacters(in: .whitespacesAndNewlines), !why.isEmpty else {
                    throw StoreActionError.refused(.reopenNeedsReason(application))
                }
                try appendAudit(.init(at: timestamp(), actor: chair, action: .reopen, application: application, phase: nil,
                                      detail: [("reason", reason.map(JSONValue.string) ?? .null)]))
                try AtomicFile.remove(files.url("decisions/\(application).json"))
            }
        } catch let e as StoreActionError {
            throw e
        } catch {
            throw .io(error)
        }
    }

    private func requireChair(_ id: String) throws(StoreActionError) {
        try checkIdentity(id)
        guard committee.member(id)?.role == .chair else { throw .refused(.onlyChairDecides) }
    }

    // MARK: - Plumbing

    var audit: AuditLog { AuditLog(url: files.url("audit.log"), lockURL: files.url(".audit.lock")) }

    /// Appends a record, naming the operating-system user who made the change (`os_user`), signed
    /// by the actor when the actor has a `key` in committee.yaml (refused when it cannot be).
    @discardableResult
    func appendAudit(_ record: AuditLog.Record) throws -> AuditLog.Appended {
        var r = record
        r.detail.append(("os_user", .string(osUser.name)))
        return try audit.append(r, sign: try signer(for: r.actor))
    }

    func timestamp() -> String { Store.iso8601(clock()) }

    static func iso8601(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }

    static func encode(_ sheet: ScoreSheet) throws -> Data {
        try JSONEncoder.store.encode(sheet) + Data("\n".utf8)
    }

    static func encode(_ decision: Decision) throws -> Data {
        try JSONEncoder.store.encode(decision) + Data("\n".utf8)
    }
}

extension JSONEncoder {
    /// Pretty, sorted and with UTF-8 kept: the form of every tool-written file.
    static var store: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }
}
