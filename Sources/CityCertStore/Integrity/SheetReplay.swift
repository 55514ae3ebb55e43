import CityCertCore
import Foundation

/// How each audit record changes a sheet or a decision: the single definition used by the store
/// actions (which apply the record they log), by `verify` and `history` (which replay the log), and
/// by recovery (which completes a save whose record is logged but whose file was not written).
///
/// A sheet is therefore a function of its records: entries, status, `submitted_at` and
/// `updated_at` (the record's `at`) all come from the log.
enum SheetReplay {
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Applies one sheet record (`entry`, `sheet-batch`, `submit`, `reopen-sheet`, `adopt-sheet`) to a sheet.
    static func apply(_ r: AuditRecord, to sheet: inout ScoreSheet) throws(Failure) {
        switch r.action {
        case .entry:
            let phase = try self.phase(r)
            try setEntry(r.detail, phase: phase, at: r.at, in: &sheet)
        case .sheetBatch:
            let phase = try self.phase(r)
            if r.detail["reopen"] == .bool(true) { try reopen(phase, at: r.at, in: &sheet) }
            guard case .array(let entries)? = r.detail["entries"] else { throw Failure(message: "a sheet-batch record needs its entries") }
            for e in entries { try setEntry(e, phase: phase, at: r.at, in: &sheet) }
            if r.detail["submit"] == .bool(true) { try submit(phase, at: r.at, in: &sheet) }
        case .submit:
            try submit(phase(r), at: r.at, in: &sheet)
        case .reopenSheet:
            try reopen(phase(r), at: r.at, in: &sheet)
        case .adoptSheet:
            try adopt(r.detail, into: &sheet)
        case .finalize, .reopen, .seal, .other:
            throw Failure(message: "'\(r.action)' is not a sheet action")
        }
    }

    private static func phase(_ r: AuditRecord) throws(Failure) -> Phase {
        guard let phase = r.phase else { throw Failure(message: "a\(r.action == .entry ? "n" : "") \(r.action) record needs a phase") }
        return phase
    }

    /// One entry (`indicator`, `value`, `level`, `note`, `clarification`) set in a draft phase.
    private static func setEntry(_ d: AuditJSON, phase: Phase, at: String, in sheet: inout ScoreSheet) throws(Failure) {
        guard let indicator = d["indicator"]?.stringValue, Identifier.isValidIndicator(indicator) else {
            throw Failure(message: "an entry record needs a valid indicator id")
        }
        let entry = try self.entry(d, what: indicator)
        var ps = sheet.phases[phase] ?? PhaseSheet()
        guard ps.status == .draft else { throw Failure(message: "changes \(indicator) of a submitted \(phase.rawValue) sheet") }
        ps.entries[indicator] = entry
        ps.updatedAt = at
        sheet.phases[phase] = ps
    }

    private static func submit(_ phase: Phase, at: String, in sheet: inout ScoreSheet) throws(Failure) {
        var ps = sheet.phases[phase] ?? PhaseSheet()
        guard ps.status == .draft else { throw Failure(message: "submits a \(phase.rawValue) sheet that is already submitted") }
        ps.status = .submitted
        ps.submittedAt = at
        ps.updatedAt = at
        sheet.phases[phase] = ps
    }

    private static func reopen(_ phase: Phase, at: String, in sheet: inout ScoreSheet) throws(Failure) {
        guard var ps = sheet.phases[phase], ps.status == .submitted else {
            throw Failure(message: "reopens a \(phase.rawValue) sheet that is not submitted")
        }
        ps.status = .draft
        ps.submittedAt = nil
        ps.updatedAt = at
        sheet.phases[phase] = ps
    }

    private static func adopt(_ detail: AuditJSON, into sheet: inout ScoreSheet) throws(Failure) {
        func fail(_ m: String) -> Failure { Failure(message: m) }
        guard sheet.phases.isEmpty else { throw fail("adopts a sheet that already has a history") }
        guard case .object(let phases)? = detail["sheet"] else { throw fail("an adopt-sheet record needs the sheet") }
        for (name, value) in phases {
            guard let phase = Phase(rawValue: name) else { throw fail("unknown phase '\(name)'") }
            guard let status = value["status"]?.stringValue.flatMap(SheetStatus.init(rawValue:)) else {
                throw fail("\(name): status must be draft or submitted")
            }
            var ps = PhaseSheet(status: status, updatedAt: value["updated_at"]?.stringValue,
                                submittedAt: value["submitted_at"]?.stringValue)
            guard case .object(let entries)? = value["entries"] else { throw fail("\(name): entries missing") }
            for (id, e) in entries {
                guard Identifier.isValidIndicator(id) else { throw fail("\(name): '\(id)' is not an indicator id") }
                ps.entries[id] = try entry(e, what: id)
            }
            sheet.phases[phase] = ps
        }
    }

    /// The indicators a record sets (one for `entry`, those of a batch, none otherwise).
    static func indicators(_ r: AuditRecord) -> [String] {
        switch r.action {
        case .entry: return r.detailString("indicator").map { [$0] } ?? []
        case .sheetBatch:
            guard case .array(let entries)? = r.detail["entries"] else { return [] }
            return entries.compactMap { $0["indicator"]?.stringValue }
        default: return []
        }
    }

    /// Whether a record submits a phase (`submit`, or a batch that ends by submitting).
    static func submits(_ r: AuditRecord) -> Bool {
        r.action == .submit || (r.action == .sheetBatch && r.detail["submit"] == .bool(true))
    }

    /// The entry an `entry` record (or an adopted sheet's entry) describes; nil when it clears it.
    static func entry(_ d: AuditJSON, what: String) throws(Failure) -> Entry? {
        var value: Decimal?
        if let v = d["value"], !v.isNull {
            guard let dec = v.decimalValue else { throw Failure(message: "\(what): value is not a number in range") }
            value = dec
        }
        var level: Int?
        if let l = d["level"], !l.isNull {
            guard let n = l.intValue, (0...99).contains(n) else { throw Failure(message: "\(what): level is not a whole number 0–99") }
            level = n
        }
        func text(_ key: String) throws(Failure) -> String? {
            guard let t = d[key], !t.isNull else { return nil }
            guard let s = t.stringValue else { throw Failure(message: "\(what): \(key) must be text") }
            return s.isEmpty ? nil : s
        }
        let note = try text("note")
        let clarification = try text("clarification")
        if value == nil, level == nil, note == nil, clarification == nil { return nil }
        return Entry(value: value, level: level, note: note, clarification: clarification)
    }

    // MARK: - Detail built by the actions

    /// The detail of an `entry` record.
    static func entryDetail(indicator: String, _ e: Entry?) -> [(String, JSONValue)] {
        [("indicator", .string(indicator)),
         ("value", e?.value.map { .string(EntryValue.format($0)) } ?? .null),
         ("level", e?.level.map(JSONValue.int) ?? .null),
         ("note", e?.note.map(JSONValue.string) ?? .null),
         ("clarification", e?.clarification.map(JSONValue.string) ?? .null)]
    }

    /// The detail of a `sheet-batch` record: reopen first, the entries in order, then submit.
    static func batchDetail(reopen: Bool, entries: [(String, Entry?)], submit: Bool) -> [(String, JSONValue)] {
        [("reopen", .bool(reopen)),
         ("entries", .array(entries.map { .object(entryDetail(indicator: $0.0, $0.1)) })),
         ("submit", .bool(submit))]
    }

    /// The detail of an `adopt-sheet` record: the whole sheet as found.
    static func adoptDetail(_ sheet: ScoreSheet) -> [(String, JSONValue)] {
        let phases: [(String, JSONValue)] = sheet.phases.sorted { $0.key.rawValue < $1.key.rawValue }.map { phase, ps in
            (phase.rawValue, .object([
                ("status", .string(ps.status.rawValue)),
                ("updated_at", ps.updatedAt.map(JSONValue.string) ?? .null),
                ("submitted_at", ps.submittedAt.map(JSONValue.string) ?? .null),
                ("entries", .object(ps.entries.sorted { $0.key < $1.key }.map { id, e in
                    (id, .object(Array(entryDetail(indicator: id, e).dropFirst())))
                })),
            ]))
        }
        return [("sheet", .object(phases))]
    }

    // MARK: - Decisions

    /// Applies a `finalize` or `reopen` record to an application's decision.
    static func applyDecision(_ r: AuditRecord, to decision: inout Decision?) throws(Failure) {
        switch r.action {
        case .finalize:
            guard decision == nil else { throw Failure(message: "finalizes \(r.application), which is already final") }
            decision = try self.decision(r)
        case .reopen:
            guard decision != nil else { throw Failure(message: "reopens \(r.application), which is not final") }
            decision = nil
        case .entry, .sheetBatch, .submit, .reopenSheet, .adoptSheet, .seal, .other:
            throw Failure(message: "'\(r.action)' is not a decision action")
        }
    }

    /// The decision a `finalize` record describes.
    static func decision(_ r: AuditRecord) throws(Failure) -> Decision {
        guard let total = r.detailString("total").flatMap(Points.init), let max = r.detailString("max").flatMap(Points.init),
              let grade = r.detail["grade"]?.intValue, case .bool(let certified)? = r.detail["certified"] else {
            throw Failure(message: "a finalize record needs total, max, grade and certified")
        }
        var note: String?
        if let n = r.detail["note"], !n.isNull {
            guard let s = n.stringValue else { throw Failure(message: "note must be text") }
            note = s
        }
        return Decision(application: r.application, finalizedBy: r.actor, finalizedAt: r.at, total: total, max: max,
                        grade: grade, certified: certified, note: note)
    }

    /// The detail of a `finalize` record.
    static func finalizeDetail(_ d: Decision) -> [(String, JSONValue)] {
        [("total", .string(d.total)), ("max", .string(d.max)), ("grade", .int(d.grade)),
         ("certified", .bool(d.certified)), ("note", d.note.map(JSONValue.string) ?? .null)]
    }
}

extension JSONValue {
    /// The same value as the audit log's reader sees it.
    var auditJSON: AuditJSON {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .number(String(i))
        case .string(let s): return .string(s)
        case .array(let a): return .array(a.map(\.auditJSON))
        case .object(let o): return .object(o.map { ($0.0, $0.1.auditJSON) })
        }
    }
}

/// A score sheet file as citycert writes it, with its marker of the last audit record applied to it
/// (`audit_seq`, an addition to spec §2 that other tools ignore). It is read by the one reader of
/// sheets, `SheetLoader.decode`.
enum StoredSheet {
    private struct Wrapper: Encodable {
        let sheet: ScoreSheet
        let seq: Int?
        enum CodingKeys: String, CodingKey { case seq = "audit_seq" }
        func encode(to encoder: Encoder) throws {
            try sheet.encode(to: encoder)
            if let seq {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(seq, forKey: .seq)
            }
        }
    }

    static func encode(_ sheet: ScoreSheet, auditSeq: Int?) throws -> Data {
        try JSONEncoder.store.encode(Wrapper(sheet: sheet, seq: auditSeq)) + Data("\n".utf8)
    }
}
