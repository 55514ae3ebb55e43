import CityCertCore
import Foundation

/// Why a store action was refused (a rule) or failed (the disk).
public struct StoreActionError: Error, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable { case refused, io }
    public var kind: Kind
    public var message: String
    public var description: String { message }

    static func refused(_ m: String) -> StoreActionError { StoreActionError(kind: .refused, message: m) }
    static func io(_ e: Error) -> StoreActionError { StoreActionError(kind: .io, message: "\(e)") }
}

/// The store's only doors for changes: each checks the committee's rules, writes atomically under a
/// lock, and appends to the audit log. The TUI, the `score` command and sheet import all come here.
extension Store {
    // MARK: - Sheets

    /// Sets (or, with nil, clears) one entry of a member's sheet, saving it as a draft.
    /// The sheet is re-read under its lock, so other entries saved meanwhile (another terminal) are kept.
    @discardableResult
    public func setEntry(_ entry: Entry?, indicator: String, member: String, application: String, phase: Phase) throws(StoreActionError) -> ScoreSheet {
        let app = try scorable(member: member, application: application, phase: phase)
        guard let ind = standards.indicator(indicator), ind.isApplicable(to: app.cityType) else {
            throw .refused("\(indicator) is not an applicable indicator of \(application)")
        }
        if let entry {
            if ind.isQuantitative, entry.level != nil { throw .refused("\(indicator) is quantitative: enter a value, not a level") }
            if !ind.isQuantitative, entry.value != nil { throw .refused("\(indicator) is qualitative: choose a level, not a value") }
            if let l = entry.level, !ind.levels.contains(where: { $0.level == l }) {
                throw .refused("\(indicator) has no level \(l)")
            }
        }
        return try updateSheet(member: member, application: application) { sheet in
            var ps = sheet.phases[phase] ?? PhaseSheet()
            guard ps.status == .draft else {
                throw StoreActionError.refused("your \(phase.rawValue) sheet for \(application) is submitted: reopen it to change it")
            }
            let cleaned = entry.flatMap { e -> Entry? in
                let note = e.note?.isEmpty == true ? nil : e.note
                let q = e.clarification?.isEmpty == true ? nil : e.clarification
                let c = Entry(value: e.value, level: e.level, note: note, clarification: q)
                return c.isScored || note != nil || q != nil ? c : nil
            }
            if ps.entries[indicator] == cleaned { return nil }
            ps.entries[indicator] = cleaned
            ps.updatedAt = timestamp()
            sheet.phases[phase] = ps
            var detail: [(String, JSONValue)] = [("indicator", .string(indicator))]
            detail.append(("value", cleaned?.value.map { .string("\($0)") } ?? .null))
            detail.append(("level", cleaned?.level.map(JSONValue.int) ?? .null))
            detail.append(("note", cleaned?.note.map(JSONValue.string) ?? .null))
            detail.append(("clarification", cleaned?.clarification.map(JSONValue.string) ?? .null))
            return ("entry", detail)
        }
    }

    /// Submits a phase of a member's sheet; refused, naming them, while applicable indicators lack an entry.
    @discardableResult
    public func submit(member: String, application: String, phase: Phase) throws(StoreActionError) -> ScoreSheet {
        let app = try scorable(member: member, application: application, phase: phase)
        return try updateSheet(member: member, application: application) { sheet in
            var ps = sheet.phases[phase] ?? PhaseSheet()
            if ps.status == .submitted { return nil }
            let missing = missingEntries(ps, for: app)
            guard missing.isEmpty else {
                throw StoreActionError.refused("cannot submit: \(missing.count) indicator(s) have no entry: \(missing.prefix(10).joined(separator: ", "))\(missing.count > 10 ? ", …" : "")")
            }
            let now = timestamp()
            ps.status = .submitted
            ps.submittedAt = now
            ps.updatedAt = now
            sheet.phases[phase] = ps
            return ("submit", [("entries", .int(ps.entries.count))])
        }
    }

    /// Reopens a submitted phase as a draft (allowed until the chair finalizes).
    @discardableResult
    public func reopenSheet(member: String, application: String, phase: Phase) throws(StoreActionError) -> ScoreSheet {
        _ = try scorable(member: member, application: application, phase: phase)
        return try updateSheet(member: member, application: application) { sheet in
            guard var ps = sheet.phases[phase], ps.status == .submitted else { return nil }
            ps.status = .draft
            ps.submittedAt = nil
            ps.updatedAt = timestamp()
            sheet.phases[phase] = ps
            return ("reopen-sheet", [])
        }
    }

    /// The applicable indicators a phase sheet has no scored entry for, in standards order.
    public func missingEntries(_ ps: PhaseSheet?, for app: Application) -> [String] {
        standards.applicableIndicators(for: app.cityType).filter { ps?.entries[$0.id]?.isScored != true }.map(\.id)
    }

    /// Checks that a member may change their sheet of an application in a phase; returns the application.
    func scorable(member: String, application: String, phase: Phase) throws(StoreActionError) -> Application {
        guard let m = committee.member(member) else { throw .refused("'\(member)' is not a member of the committee") }
        guard m.canScore else { throw .refused("\(m.name) is the secretary and does not score") }
        guard let app = self.application(application).application else {
            throw .refused(applicationIDs.contains(application) ? "\(application) is invalid and cannot be scored" : "no application '\(application)'")
        }
        if committee.conflict(member: member, application: application) != nil {
            throw .refused("\(m.name) has a conflict of interest on \(application) and cannot score it")
        }
        if phase == .site, !committee.siteTeam(for: application).contains(where: { $0.id == member }) {
            throw .refused("\(m.name) is not on the site team of \(application)")
        }
        if files.exists("decisions/\(application).json") {
            throw .refused("\(application) is final: the chair must reopen it before any sheet changes")
        }
        return app
    }

    /// Reads the member's sheet under its lock, applies `change`, and writes it and an audit record
    /// when the change returns one (nil: nothing changed).
    private func updateSheet(member: String, application: String,
                             _ change: (inout ScoreSheet) throws -> (String, [(String, JSONValue)])?) throws(StoreActionError) -> ScoreSheet {
        let path = "scores/\(member)/\(application).json"
        let lock = files.url("scores/\(member)/.\(application).json.lock")
        do {
            return try FileLock.withLock(lock) { () throws -> ScoreSheet in
                var sheet: ScoreSheet
                if files.exists(path) {
                    var problems: [Problem] = []
                    guard let data = files.data(path, problems: &problems),
                          let s = try? JSONDecoder().decode(ScoreSheet.self, from: data) else {
                        throw StoreActionError.refused("\(path) is damaged; it is left as it is (see `citycert validate`)")
                    }
                    sheet = s
                } else {
                    sheet = ScoreSheet(application: application, member: member)
                }
                let phaseBefore = sheet.phases
                guard let (action, detail) = try change(&sheet) else { return sheet }
                let phase = Phase.allCases.first { phaseBefore[$0] != sheet.phases[$0] }
                try AtomicFile.write(Self.encode(sheet), to: files.url(path))
                try audit.append(.init(at: timestamp(), actor: member, action: action, application: application,
                                       phase: phase?.rawValue, detail: detail))
                return sheet
            }
        } catch let e as StoreActionError {
            throw e
        } catch {
            throw .io(error)
        }
    }

    // MARK: - Decisions

    /// Finalizes an application (chair only): writes the decision from the current evaluation.
    @discardableResult
    public func finalize(application: String, by chair: String, note: String? = nil) throws(StoreActionError) -> Decision {
        try requireChair(chair)
        guard let app = self.application(application).application else { throw .refused("no valid application '\(application)'") }
        if files.exists("decisions/\(application).json") { throw .refused("\(application) is already final") }
        let evaluation = Evaluator(standards: standards, committee: committee)
            .evaluate(app, sheets: sheets(for: application).sheets)
        if let reason = FinalizeRule.refusal(evaluation, standards: standards, committee: committee) { throw .refused(reason) }
        let decision = Decision(application: application, finalizedBy: chair, finalizedAt: timestamp(),
                                total: evaluation.total, max: evaluation.max, grade: evaluation.grade,
                                certified: evaluation.certified, note: note?.isEmpty == true ? nil : note)
        do {
            try FileLock.withLock(files.url("decisions/.\(application).lock")) {
                let data = try JSONEncoder.store.encode(decision)
                try AtomicFile.write(data + Data("\n".utf8), to: files.url("decisions/\(application).json"))
                try audit.append(.init(at: decision.finalizedAt, actor: chair, action: "finalize", application: application, phase: nil,
                                       detail: [("total", .string(decision.total)), ("max", .string(decision.max)),
                                                ("grade", .int(decision.grade)), ("certified", .bool(decision.certified))]))
            }
        } catch {
            throw .io(error)
        }
        return decision
    }

    /// Reopens a final application (chair only): removes the decision.
    public func reopen(application: String, by chair: String, reason: String? = nil) throws(StoreActionError) {
        try requireChair(chair)
        guard files.exists("decisions/\(application).json") else { throw .refused("\(application) is not final") }
        do {
            try FileLock.withLock(files.url("decisions/.\(application).lock")) {
                try AtomicFile.remove(files.url("decisions/\(application).json"))
                try audit.append(.init(at: timestamp(), actor: chair, action: "reopen", application: application, phase: nil,
                                       detail: [("reason", reason.map(JSONValue.string) ?? .null)]))
            }
        } catch {
            throw .io(error)
        }
    }

    private func requireChair(_ id: String) throws(StoreActionError) {
        guard committee.member(id)?.role == .chair else { throw .refused("only the chair finalizes or reopens an application") }
    }

    // MARK: - Plumbing

    var audit: AuditLog { AuditLog(url: files.url("audit.log"), lockURL: files.url(".audit.lock")) }

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
}

extension JSONEncoder {
    /// Pretty, sorted and with UTF-8 kept: the form of every tool-written file.
    static var store: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }
}
