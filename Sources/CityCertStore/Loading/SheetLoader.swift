import CityCertCore
import Foundation

/// The one reader of the tool-written JSON files: score sheets (``decode(_:)``, checked by
/// ``sheet(_:path:member:application:applicationID:standards:committee:)``) and decisions
/// (``decision(_:path:applicationID:committee:)``).
///
/// A sheet is decoded in two steps: the fast path (`SheetLoader+Fast.swift`), a single pass over the
/// bytes that answers only for a well-formed sheet, and its fallback ``generalPath(_:)``
/// (`JSONDecoder`, after the duplicate-key check), which decides everything else and gives the
/// errors. `SheetDecoderTests` checks that the two build the same sheet and `audit_seq`.
/// What a reader of sheets needs of the entries' notes and questions.
///
/// `checked` is for a whole-round pass that shows none of them (the JSON report, the chair's
/// overview): every note and question is still checked as it is when kept (a sheet with a broken one
/// is refused all the same), but not built as a string, which on a store of long notes was the
/// largest single cost of reading it. The entries then come without notes and questions.
public enum EntryText: Sendable, Equatable {
    case kept, checked
}

enum SheetLoader {
    /// Largest tool-written file accepted (a sheet of 60 entries with notes is a few KiB).
    static let maxBytes = 4 * 1024 * 1024

    /// A decoded sheet file: the sheet and citycert's marker of the last audit record applied to it
    /// (`audit_seq`, an addition to spec §2 that other tools ignore).
    typealias StoredRead = (sheet: ScoreSheet, auditSeq: Int?)

    /// Decodes a sheet file; throws what `JSONDecoder` (or the duplicate-key check) throws for a
    /// document it rejects.
    static func decode(_ data: Data, text: EntryText = .kept) throws -> StoredRead {
        if let read = fastPath(data, text: text) { return read }
        return try generalPath(data)
    }

    /// The fallback: `JSONDecoder`, which reads any JSON and says what is wrong with it.
    static func generalPath(_ data: Data) throws -> StoredRead {
        try DuplicateKeys.check(data)
        let sheet = try JSONDecoder().decode(ScoreSheet.self, from: data)
        let marker = try? JSONDecoder().decode(AuditSeqMarker.self, from: data)
        return (sheet, marker?.seq)
    }

    private struct AuditSeqMarker: Decodable {
        var seq: Int?
        enum CodingKeys: String, CodingKey { case seq = "audit_seq" }
    }

    /// Decodes a sheet and checks it against the standards, the application and the committee.
    /// Returns the sheet and the problems; any error means the sheet must not count.
    static func sheet(_ data: Data, path: String, member: String, application: Application?,
                      applicationID: String, standards: Standards, committee: Committee,
                      text: EntryText = .kept) -> (ScoreSheet?, [Problem]) {
        guard data.count <= maxBytes else { return (nil, [Problem(path: path, "the file is larger than 4 MiB")]) }
        let sheet: ScoreSheet
        do {
            sheet = try decode(data, text: text).sheet
        } catch {
            return (nil, [decodingProblem(error, path: path, what: "score sheet")])
        }
        var problems = checkNames(sheet, path: path, member: member, applicationID: applicationID, committee: committee)
        let check = SheetCheck(path: path, application: application, standards: standards)
        // The entries are checked in file order (phase, then id) so that problems are listed in a
        // stable order; sorting costs more than the checks, so a first pass in any order tells
        // whether there is anything to list at all (the usual case: nothing).
        var found: [Problem] = []
        for (phase, ps) in sheet.phases { check.phase(phase, ps, sorted: false, into: &found) }
        if !found.isEmpty {
            found = []
            for (phase, ps) in sheet.phases.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { check.phase(phase, ps, sorted: true, into: &found) }
        }
        problems += found
        return (sheet, problems)
    }

    /// The sheet's format and names against where it is filed, and whether its member counts.
    private static func checkNames(_ sheet: ScoreSheet, path: String, member: String, applicationID: String,
                                   committee: Committee) -> [Problem] {
        var problems: [Problem] = []
        func err(_ m: String) { problems.append(Problem(path: path, m)) }
        if sheet.format != 1 { err("unsupported sheet format \(sheet.format) (this program reads format 1)") }
        if sheet.application != applicationID { err("the sheet names application '\(sheet.application)' but is filed under '\(applicationID)'") }
        if sheet.member != member { err("the sheet names member '\(sheet.member)' but is filed under '\(member)'") }
        // Sheets of members who do not count are a normal situation (spec §3.2): said, and not counted.
        func warn(_ m: String) { problems.append(Problem(path: path, m, severity: .warning)) }
        if let m = committee.member(member) {
            if m.role == .secretary {
                warn("sheet from \(m.id) (\(m.name)), the secretary, who does not score: not counted")
            } else if let c = committee.conflict(member: member, application: applicationID) {
                let kind = c.kind.map { " (\($0.rawValue))" } ?? ""
                warn("sheet from member \(member), who has a conflict\(kind) on \(applicationID): not counted")
            }
        } else {
            warn("sheet from unknown member '\(member)' (not in committee.yaml): not counted")
        }
        return problems
    }

    /// The checks of one phase's entries against the standards and the application.
    private struct SheetCheck {
        let path: String
        let application: Application?
        let standards: Standards

        func phase(_ phase: Phase, _ ps: PhaseSheet, sorted: Bool, into problems: inout [Problem]) {
            // Applicable indicators scored, counted on the way: a submitted phase needs them all.
            let applicable = application.map { standards.applicability(for: $0.cityType) }
            var scoredApplicable = 0
            func check(_ id: String, _ entry: Entry) {
                if let position = self.entry(id, entry, phase: phase, into: &problems),
                   let applicable, applicable[position], entry.isScored { scoredApplicable += 1 }
            }
            if sorted {
                for (id, entry) in ps.entries.sorted(by: { $0.key < $1.key }) { check(id, entry) }
            } else {
                for (id, entry) in ps.entries { check(id, entry) }
            }
            if ps.status == .submitted, let application {
                let ids = standards.applicableIndicatorIDs(for: application.cityType)
                if scoredApplicable < ids.count {
                    let missing = ids.filter { ps.entries[$0]?.isScored != true }
                    problems.append(Problem(path: path, "\(phase.rawValue) is submitted but has no entry for \(missing.count) applicable indicator(s): \(missing.prefix(8).joined(separator: ", "))\(missing.count > 8 ? ", …" : "")"))
                }
            }
        }

        /// Checks one entry; returns the indicator's position, nil when the indicator is unknown.
        func entry(_ id: String, _ entry: Entry, phase: Phase, into problems: inout [Problem]) -> Int? {
            func err(_ m: String) { problems.append(Problem(path: path, m)) }
            guard let position = standards.position(of: id) else {
                err("\(phase.rawValue): entry for unknown indicator '\(id)'")
                return nil
            }
            if !EntryValue.isAcceptable(entry) {
                err("\(phase.rawValue).\(id): the value is out of range (its magnitude must be below 10^15)")
            }
            // The indicator is looked up by position, not copied (this runs for every entry of every sheet).
            if standards.indicators[position].isQuantitative {
                if entry.level != nil { err("\(phase.rawValue).\(id): a quantitative indicator takes a value, not a level") }
                if let v = entry.value, let range = standards.indicators[position].range, !range.contains(v) {
                    err("\(phase.rawValue).\(id): the value \(v.plainText) is outside the indicator's range \(range.description)")
                }
            } else {
                if entry.value != nil { err("\(phase.rawValue).\(id): a qualitative indicator takes a level, not a value") }
                if let l = entry.level, !standards.indicators[position].levels.contains(where: { $0.level == l }) {
                    err("\(phase.rawValue).\(id): level \(l) is not a level of this indicator")
                }
            }
            return position
        }
    }

    /// Decodes a decision file (a few lines: no fast path); throws what the duplicate-key check or
    /// `JSONDecoder` throws.
    static func decodeDecision(_ data: Data) throws -> Decision {
        try DuplicateKeys.check(data)
        return try JSONDecoder().decode(Decision.self, from: data)
    }

    /// Decodes a decision and checks its names.
    static func decision(_ data: Data, path: String, applicationID: String, committee: Committee) -> (Decision?, [Problem]) {
        guard data.count <= maxBytes else { return (nil, [Problem(path: path, "the file is larger than 4 MiB")]) }
        let d: Decision
        do {
            d = try decodeDecision(data)
        } catch {
            return (nil, [decodingProblem(error, path: path, what: "decision")])
        }
        var problems: [Problem] = []
        if d.format != 1 { problems.append(Problem(path: path, "unsupported decision format \(d.format)")) }
        if d.application != applicationID { problems.append(Problem(path: path, "the decision names application '\(d.application)' but is filed as '\(applicationID)'")) }
        let limit = Points(hundredths: 1_000_000_000_000)
        if let t = Points(d.total), let m = Points(d.max) {
            if t.hundredths.magnitude > limit.hundredths.magnitude || m.hundredths.magnitude > limit.hundredths.magnitude { problems.append(Problem(path: path, "total and max are out of range")) }
        } else {
            problems.append(Problem(path: path, "total and max must be two-decimal numbers"))
        }
        if committee.member(d.finalizedBy)?.role != .chair {
            problems.append(Problem(path: path, "finalized_by '\(d.finalizedBy)' is not a chair of the committee", severity: .warning))
        }
        return (problems.contains { $0.severity == .error } ? nil : d, problems)
    }

    /// A clear message (with a line where Foundation gives one) for a JSON decoding error.
    static func decodingProblem(_ error: Error, path: String, what: String) -> Problem {
        guard let e = error as? DecodingError else { return Problem(path: path, "cannot read the \(what): \(error)") }
        func at(_ ctx: DecodingError.Context) -> String {
            let keys = ctx.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            return keys.isEmpty ? "" : " at \(keys.joined(separator: "."))"
        }
        switch e {
        case .dataCorrupted(let ctx):
            let text = "\(ctx.debugDescription) \(ctx.underlyingError.map { "\($0)" } ?? "")"
            return Problem(path: path, line: lineNumber(in: text), "not valid JSON\(at(ctx)): \(ctx.debugDescription)")
        case .keyNotFound(let key, let ctx):
            return Problem(path: path, "\(what): missing key '\(key.stringValue)'\(at(ctx))")
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
            return Problem(path: path, "\(what): wrong kind of value\(at(ctx)): \(ctx.debugDescription)")
        @unknown default:
            return Problem(path: path, "cannot read the \(what): \(e)")
        }
    }

    private static func lineNumber(in text: String) -> Int? {
        guard let r = text.range(of: #"line (\d+)"#, options: .regularExpression) else { return nil }
        return Int(text[r].dropFirst(5))
    }
}
