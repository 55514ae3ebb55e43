import CityCertCore
import Foundation

/// One change a member makes to one indicator of their sheet: the single vocabulary of the
/// workstation, `citycert score` and `sheet import`.
public struct SheetEdit: Equatable, Sendable {
    public enum Change: Equatable, Sendable {
        /// The verified value of a quantitative indicator (nil clears the score).
        case value(Decimal?)
        /// The chosen level of a qualitative indicator (nil clears the score).
        case level(Int?)
        /// The member's note ("" removes it).
        case note(String)
        /// A question to the applicant ("" removes it).
        case question(String)
        /// Removes the entry: score, note and question.
        case clear
        /// The entry as a whole, as the workstation shows it (nil removes it).
        case entry(Entry?)
    }

    public var indicator: String
    public var change: Change

    public init(_ indicator: String, _ change: Change) {
        self.indicator = indicator
        self.change = change
    }

    /// The entry after this change, from the entry as it is now.
    func applied(to current: Entry?) -> Entry? {
        var e = current ?? Entry()
        switch change {
        case .value(let v): e.value = v; e.level = nil
        case .level(let l): e.level = l; e.value = nil
        case .note(let n): e.note = n
        case .question(let q): e.clarification = q
        case .clear: return nil
        case .entry(let whole): return whole
        }
        return e
    }
}

/// What one call of ``Store/edit(_:member:application:phase:reopen:submit:expecting:)`` did.
public struct SheetEditOutcome: Sendable {
    /// The sheet as it is now on disk.
    public var sheet: ScoreSheet
    /// The indicators whose entry changed, in the order of the edits.
    public var changed: [String] = []
    public var reopened = false
    public var submitted = false
}

/// The version of the sheet a change was prepared against (the offline form's `version:` line):
/// the change is refused as a whole when the sheet is no longer that one.
public struct ExpectedSheetVersion: Sendable {
    public var version: String
    /// How the change is named in the refusal (`form.txt`).
    public var source: String

    public init(version: String, source: String) {
        self.version = version
        self.source = source
    }
}

extension Store {
    /// The one door for changes to a member's sheet: reopens the phase (when asked and submitted),
    /// applies the edits in order to the entries as they are on disk now, and submits the phase
    /// (when asked) — all or nothing. Every edit is checked before anything is written; then, under
    /// the sheet's lock, one audit record (the commit point) and one write of the sheet make the
    /// change: `entry` for a single edit, `submit` or `reopen-sheet` alone, else one `sheet-batch`.
    /// A process killed at any point leaves the sheet either as it was or with every change.
    ///
    /// The sheet is re-read under its lock, so entries saved meanwhile by another terminal are kept.
    /// A value more than ten times away from the applicant's (``ValueCheck``) is refused unless
    /// `acceptFar` says the member meant it (the workstation asks first; the commands take a flag).
    /// With `expecting`, the change is refused when the phase is no longer the version it was
    /// prepared against — unless it would change nothing (the same form uploaded twice).
    @discardableResult
    public func edit(_ edits: [SheetEdit], member: String, application: String, phase: Phase,
                     reopen: Bool = false, submit: Bool = false, acceptFar: Bool = false,
                     expecting expected: ExpectedSheetVersion? = nil) throws(StoreActionError) -> SheetEditOutcome {
        try checkIdentity(member)
        let app = try scorable(member: member, application: application, phase: phase)
        var indicators: [String: Indicator] = [:]
        for e in edits where indicators[e.indicator] == nil {
            guard let ind = standards.indicator(e.indicator), ind.isApplicable(to: app.cityType) else {
                throw .refused(.notApplicable(indicator: e.indicator, application: application))
            }
            indicators[e.indicator] = ind
        }
        return try SheetWriter.withSheet(self, member: member, application: application) { w in
            // A form prepared against another version of the phase: refused, unless it changes nothing.
            var stale: StoreActionError?
            if let expected, SheetForm.version(of: w.sheet.phases[phase]) != expected.version {
                stale = .refused(.staleForm(source: expected.source, member: member, application: application, phase: phase,
                                            changedAt: w.sheet.phases[phase]?.updatedAt))
            }
            let plan: PlannedChange
            do {
                plan = try plannedChange(edits, indicators: indicators, sheet: w.sheet, app: app, phase: phase,
                                         reopen: reopen, submit: submit, acceptFar: acceptFar)
            } catch {
                throw stale ?? error
            }
            if let stale, plan.record != nil { throw stale }
            var outcome = SheetEditOutcome(sheet: w.sheet, changed: plan.changed.map(\.0), reopened: plan.reopen, submitted: plan.submit)
            if let (action, detail) = plan.record {
                try w.commit(action: action, phase: phase, detail: detail, at: timestamp())
                outcome.sheet = w.sheet
            }
            return outcome
        }
    }

    /// What a call of ``edit`` will record, checked against the sheet as it is now (nothing written).
    private struct PlannedChange {
        var reopen = false
        var changed: [(String, Entry?)] = []
        var submit = false
        var entryCount = 0

        /// The one record that makes the change (nil: nothing changes).
        var record: (AuditAction, [(String, JSONValue)])? {
            switch (reopen, changed.count, submit) {
            case (false, 0, false): return nil
            case (true, 0, false): return (.reopenSheet, [])
            case (false, 0, true): return (.submit, [("entries", .int(entryCount))])
            case (false, 1, false): return (.entry, SheetReplay.entryDetail(indicator: changed[0].0, changed[0].1))
            default: return (.sheetBatch, SheetReplay.batchDetail(reopen: reopen, entries: changed, submit: submit))
            }
        }
    }

    private func plannedChange(_ edits: [SheetEdit], indicators: [String: Indicator], sheet: ScoreSheet, app: Application,
                               phase: Phase, reopen: Bool, submit: Bool, acceptFar: Bool) throws(StoreActionError) -> PlannedChange {
        let ps = sheet.phases[phase] ?? PhaseSheet()
        var plan = PlannedChange()
        plan.reopen = reopen && ps.status == .submitted
        var entries = ps.entries
        var order: [String] = []
        for e in edits {
            let cleaned = try Self.checked(e.applied(to: entries[e.indicator]), indicator: indicators[e.indicator]!)
            if !order.contains(e.indicator) { order.append(e.indicator) }
            entries[e.indicator] = cleaned
        }
        plan.changed = order.filter { entries[$0] != ps.entries[$0] }.map { ($0, entries[$0]) }
        if !acceptFar {
            for (id, e) in plan.changed {
                guard let v = e?.value, v != ps.entries[id]?.value, let submitted = app.quantitative[id]?.value,
                      ValueCheck.isFar(v, from: submitted) else { continue }
                throw .refused(.farFromSubmitted(indicator: id, value: EntryValue.format(v), submitted: EntryValue.format(submitted)))
            }
        }
        let draft = ps.status == .draft || plan.reopen
        if !plan.changed.isEmpty, !draft {
            throw .refused(.sheetSubmitted(phase: phase, application: app.id))
        }
        guard submit, draft else { return plan }
        // The site inspection verifies and revises the written evaluation: it is submitted after it.
        if phase == .site, sheet.phases[.written]?.status != .submitted {
            throw .refused(.siteBeforeWritten)
        }
        var after = ps
        after.entries = entries.compactMapValues { $0 }
        let missing = missingEntries(after, for: app)
        guard missing.isEmpty else {
            throw .refused(.missingEntries(missing, nothingSaved: !plan.changed.isEmpty))
        }
        plan.submit = true
        plan.entryCount = after.entries.count
        return plan
    }

    // MARK: - The single changes, through the same door

    /// Sets (or, with nil, clears) one entry of a member's sheet, saving it as a draft.
    @discardableResult
    public func setEntry(_ entry: Entry?, indicator: String, member: String, application: String, phase: Phase) throws(StoreActionError) -> ScoreSheet {
        // The workstation asks about a value far from the applicant's before it saves it.
        try edit([SheetEdit(indicator, .entry(entry))], member: member, application: application, phase: phase, acceptFar: true).sheet
    }

    /// Submits a phase of a member's sheet; refused, naming them, while applicable indicators lack an entry.
    @discardableResult
    public func submit(member: String, application: String, phase: Phase) throws(StoreActionError) -> ScoreSheet {
        try edit([], member: member, application: application, phase: phase, submit: true).sheet
    }

    /// Reopens a submitted phase as a draft (allowed until the chair finalizes).
    @discardableResult
    public func reopenSheet(member: String, application: String, phase: Phase) throws(StoreActionError) -> ScoreSheet {
        try edit([], member: member, application: application, phase: phase, reopen: true).sheet
    }
}
