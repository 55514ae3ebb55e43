import CityCertCore
import Foundation

/// One change of an application's sheets or decision, as the audit log tells it.
public struct HistoryEvent: Sendable {
    /// The line of `audit.log`.
    public var line: Int
    public var at: String
    public var actor: String
    public var action: AuditAction
    public var phase: Phase?
    /// The indicator of an entry's change (an `entry` record, or one entry of a `sheet-batch`).
    public var indicator: String?
    /// What the change did: `512 → 510`, `note "" → "checked"`, `submitted (55 entries)`.
    public var change: String
}

extension Store {
    /// How an application's sheets (one member's, with `member`) and its decision evolved, replayed
    /// from the audit log. Lines that cannot be read are listed in `problems` (see `verify`).
    public func history(application: String, member: String? = nil) throws(StoreActionError) -> (events: [HistoryEvent], problems: [String]) {
        guard Identifier.isValid(application) else { throw .refused(.invalidApplicationID(application)) }
        let bytes: [UInt8]
        do { bytes = try audit.readBytes() } catch { throw .io(error) }
        let lines = AuditLines(bytes)
        var sheets: [String: ScoreSheet] = [:]
        var events: [HistoryEvent] = []
        var problems: [String] = []
        for (n, range) in lines.complete.enumerated() {
            let r: AuditRecord
            switch AuditRecord.parse(bytes[range], line: n + 1) {
            case .failure(let e): problems.append(e.description); continue
            case .success(let rec): r = rec
            }
            guard r.application == application else { continue }
            let event = HistoryEvent(line: r.line, at: r.at, actor: r.actor, action: r.action, phase: r.phase, indicator: nil, change: "")
            switch r.action.scope {
            case .sheet:
                var sheet = sheets[r.actor] ?? ScoreSheet(application: application, member: r.actor)
                let before = sheet
                do {
                    try SheetReplay.apply(r, to: &sheet)
                } catch {
                    problems.append("audit.log:\(r.line): \(error.message)")
                    continue
                }
                sheets[r.actor] = sheet
                guard member == nil || member == r.actor else { continue }
                events += Self.sheetEvents(event, record: r, before: before, after: sheet)
            case .decision:
                events.append(Self.decisionEvent(event, record: r))
            case .store:
                continue
            case .unknown:
                var e = event
                e.change = "(unknown action)"
                events.append(e)
            }
        }
        return (events, problems)
    }

    /// What a sheet record changed: one event per entry it set, with its reopening or submission
    /// (an `adopt-sheet`, which has no phase, is one event).
    static func sheetEvents(_ event: HistoryEvent, record r: AuditRecord, before: ScoreSheet, after sheet: ScoreSheet) -> [HistoryEvent] {
        func with(_ change: String, indicator: String? = nil) -> HistoryEvent {
            var e = event
            e.change = change
            e.indicator = indicator
            return e
        }
        guard let phase = r.phase else {
            let count = sheet.phases.values.reduce(0) { $0 + $1.entries.count }
            return [with("adopted a sheet written outside citycert (\(sheet.phases.keys.map(\.rawValue).sorted().joined(separator: ", ")); \(count) entries)")]
        }
        let entries = SheetReplay.indicators(r).map { id in
            with(entryChange(before.phases[phase]?.entries[id], sheet.phases[phase]?.entries[id]), indicator: id)
        }
        let submitted = with("submitted (\(sheet.phases[phase]?.entries.count ?? 0) entries)")
        switch r.action {
        case .entry:
            return entries
        case .sheetBatch:
            return (r.detail["reopen"] == .bool(true) ? [with("reopened as a draft")] : []) + entries
                + (SheetReplay.submits(r) ? [submitted] : [])
        case .submit:
            return [submitted]
        case .reopenSheet:
            return [with("reopened as a draft")]
        case .adoptSheet, .finalize, .reopen, .seal, .other:
            return []
        }
    }

    /// What a decision record did.
    static func decisionEvent(_ event: HistoryEvent, record r: AuditRecord) -> HistoryEvent {
        var e = event
        if r.action == .finalize {
            let total = r.detailString("total") ?? "?", max = r.detailString("max") ?? "?"
            let grade = r.detail["grade"]?.intValue.map(String.init) ?? "?"
            let certified = r.detail["certified"] == .bool(true) ? "certified" : "not certified"
            let note = r.detailString("note").map { " · note \"\($0)\"" } ?? ""
            e.change = "finalized: \(total) / \(max) · grade \(grade) · \(certified)\(note)"
        } else {
            e.change = "reopened the application" + (r.detailString("reason").map { ": \($0)" } ?? "")
        }
        return e
    }

    /// The last time the chair reopened an application (who, when, why), from the audit log; nil
    /// when it never was, or when the log cannot be read.
    public func lastReopen(application: String) -> (by: String, at: String, reason: String?)? {
        guard let bytes = try? audit.readBytes() else { return nil }
        var last: (by: String, at: String, reason: String?)?
        for (n, range) in AuditLines(bytes).complete.enumerated() {
            guard case .success(let r) = AuditRecord.parse(bytes[range], line: n + 1),
                  r.application == application else { continue }
            if r.action == .reopen { last = (r.actor, r.at, r.detailString("reason")) }
            if r.action == .finalize { last = nil }
        }
        return last
    }

    /// `— → 512`, `512 → 510 · note "" → "checked"`, `level 3 → level 4`.
    static func entryChange(_ old: Entry?, _ new: Entry?) -> String {
        func score(_ e: Entry?) -> String {
            if let v = e?.value { return EntryValue.format(v) }
            if let l = e?.level { return "level \(l)" }
            return "—"
        }
        func quoted(_ s: String?) -> String {
            guard let s else { return "\"\"" }
            let short = s.count > 60 ? String(s.prefix(60)) + "…" : s
            return "\"" + short.replacingOccurrences(of: "\n", with: "\\n") + "\""
        }
        var parts: [String] = []
        if old?.value != new?.value || old?.level != new?.level { parts.append("\(score(old)) → \(score(new))") }
        if old?.note != new?.note { parts.append("note \(quoted(old?.note)) → \(quoted(new?.note))") }
        if old?.clarification != new?.clarification {
            parts.append("question \(quoted(old?.clarification)) → \(quoted(new?.clarification))")
        }
        return parts.isEmpty ? "(no change)" : parts.joined(separator: " · ")
    }
}
