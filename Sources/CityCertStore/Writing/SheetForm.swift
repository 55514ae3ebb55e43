import CityCertCore
import Foundation

/// The offline score form (like HotCRP's offline review form): a member's sheet of one application
/// and phase as editable text, and the upload that applies it through the store actions.
///
/// ```
/// citycert-sheet: 1
/// application: 2025-suwon
/// member: lee
/// phase: written
/// version: sha256:3f2a…            the sheet file as exported ("none": there was none)
/// # IN-01 공공데이터 개방 건수 — quantitative, 40.00 points …
/// IN-01: 12.5
/// IN-01.note: checked against the portal
/// IN-01.ask:
/// ```
/// Lines starting with `#` and blank lines are ignored. A note or question is one line: a line
/// break is written `\n` and a backslash `\\`. An empty value clears it. An indicator left out of
/// the form is left as it is.
public enum SheetForm {
    /// What an upload did.
    public struct ImportResult: Sendable {
        /// The indicators whose entry changed, in standards order.
        public var changed: [String] = []
        /// Whether the phase was submitted by this upload.
        public var submitted = false
        public var application = ""
        public var phase = Phase.written
    }

    /// What the form says about one indicator (nil: the line is not in the form).
    struct FormPart {
        var setsScore = false
        var value: Decimal?
        var level: Int?
        var note: String?
        var ask: String?
    }

    /// The version of a sheet file: `sha256:<hex>` of its bytes, `none` without a file.
    static func version(of bytes: Data?) -> String {
        bytes.map { "sha256:" + AuditLog.sha256Hex(Array($0)) } ?? "none"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\n")
    }

    static func unescape(_ s: String) -> String {
        var out = ""
        var escaping = false
        for c in s {
            if escaping {
                out.append(c == "n" ? "\n" : c)
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        if escaping { out.append("\\") }
        return out
    }

    static func both(_ t: LocalizedText) -> String {
        guard let ko = t.ko, let en = t.en, ko != en else { return t.text(.ko) }
        return "\(ko) / \(en)"
    }
}

extension Store {
    /// The offline form of a member's sheet of an application and phase. The same rules as scoring
    /// apply to who may export (identity, no conflict, not the secretary, site team for the site
    /// phase); a final application can be exported (read-only) but not imported.
    public func exportSheetForm(member: String, application: String, phase: Phase) throws(StoreActionError) -> String {
        try checkIdentity(member)
        let app: Application
        do {
            app = try scorable(member: member, application: application, phase: phase)
        } catch where isFinal(application) && error.message.contains("is final") {
            guard let a = self.application(application).application else { throw error }
            app = a
        }
        let path = "scores/\(member)/\(application).json"
        var problems: [Problem] = []
        let bytes = files.exists(path) ? files.data(path, problems: &problems, limit: SheetLoader.maxBytes) : nil
        if files.exists(path), bytes == nil { throw .refused("\(path) cannot be read") }
        var sheet = ScoreSheet(application: application, member: member)
        if let bytes {
            guard let (s, _) = try? StoredSheet.decode(bytes) else { throw .refused("\(path) is damaged; see `citycert validate`") }
            sheet = s
        }
        let ps = sheet.phases[phase]
        let m = committee.member(member)!
        let type = app.cityType
        let applicable = standards.applicableIndicators(for: type)
        let done = applicable.filter { ps?.entries[$0.id]?.isScored == true }.count
        var out: [String] = []
        func add(_ s: String) { out.append(s) }
        add("# citycert score sheet (offline form) — \(SheetForm.both(title))")
        add("# \(application) \(SheetForm.both(app.government)) · \(type.rawValue) city · \(phase == .written ? "written evaluation (서면평가)" : "site inspection (현장실사)") · \(m.name) (\(m.id))")
        add("#")
        add("# Edit the lines that do not start with '#':")
        add("#   ID: value         the value you verified (quantitative) or the level you choose (qualitative)")
        add("#   ID.note: text     your note;  ID.ask: text   a question to the applicant")
        add("# An empty value clears it; an indicator you delete from the form is left as it is.")
        add("# Notes are one line: write a line break as \\n. Do not change the header lines below.")
        add("# Upload: citycert sheet import --store STORE --as \(member) --file FILE [--submit]")
        add("citycert-sheet: 1")
        add("application: \(application)")
        add("member: \(member)")
        add("phase: \(phase.rawValue)")
        add("version: \(SheetForm.version(of: bytes))")
        add("# status: \(ps?.status.rawValue ?? "not started")\(isFinal(application) ? " · the application is FINAL: this form is read-only" : "") · \(done) of \(applicable.count) indicators scored")
        for field in standards.fields {
            let fieldIndicators = field.items.flatMap(\.indicators).filter { $0.isApplicable(to: type) }
            guard !fieldIndicators.isEmpty else { continue }
            add("")
            add("# ══ \(SheetForm.both(field.name))")
            for item in field.items {
                let inds = item.indicators.filter { $0.isApplicable(to: type) }
                guard !inds.isEmpty else { continue }
                add("# ── \(SheetForm.both(item.name))")
                for ind in inds {
                    let pts = ind.points(for: type)
                    add("#")
                    add("# \(ind.id) \(SheetForm.both(ind.name)) — \(ind.isQuantitative ? "quantitative" : "qualitative"), \(pts) points")
                    if ind.isQuantitative {
                        let bands = ind.bands.map { b -> String in
                            let bound: String
                            switch b.bound {
                            case .atLeast(let t): bound = "≥ \(t)"
                            case .atMost(let t): bound = "≤ \(t)"
                            }
                            return "\(bound) → \(pts.times(b.share))"
                        }
                        add("#   bands: \(bands.joined(separator: " · "))\(ind.unit.map { "  (unit: \(SheetForm.both($0)))" } ?? "")")
                        if let v = app.quantitative[ind.id] {
                            add("#   submitted by the applicant: \(EntryValue.format(v.value))\(v.evidence.isEmpty ? "" : "  evidence: " + v.evidence.map { $0.file + ($0.page.map { " p.\($0)" } ?? "") }.joined(separator: ", "))")
                        } else {
                            add("#   submitted by the applicant: nothing")
                        }
                    } else {
                        add("#   levels: \(ind.levels.map { "\($0.level) (\(pts.times($0.share))) \($0.text.text(.ko))" }.joined(separator: " · "))")
                        if let c = app.selfEvaluation[ind.id] {
                            add("#   claimed by the applicant: \(c.level)")
                        } else {
                            add("#   claimed by the applicant: nothing")
                        }
                    }
                    let e = ps?.entries[ind.id]
                    add("\(ind.id): \(e?.value.map(EntryValue.format) ?? e?.level.map(String.init) ?? "")")
                    add("\(ind.id).note: \(SheetForm.escape(e?.note ?? ""))")
                    add("\(ind.id).ask: \(SheetForm.escape(e?.clarification ?? ""))")
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Applies an uploaded form as `member`: refused as a whole when the sheet changed since the
    /// form was exported (its version line) or when a line cannot be read; otherwise every changed
    /// entry is saved through the same action as the workstation's (one audit record each), all
    /// under the sheet's lock, then the phase is submitted when asked.
    public func importSheetForm(_ text: String, member: String, source: String = "the form", submit: Bool = false) throws(StoreActionError) -> SheetForm.ImportResult {
        try checkIdentity(member)
        guard text.utf8.count <= 4 * 1024 * 1024 else { throw .refused("\(source) is larger than 4 MiB") }
        var header: [String: (String, Int)] = [:]
        var values: [String: (String, Int)] = [:]
        var notes: [String: (String, Int)] = [:]
        var asks: [String: (String, Int)] = [:]
        func fail(_ line: Int, _ m: String) -> StoreActionError { .refused("\(source):\(line): \(m)") }
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = n + 1
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if number == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else { throw fail(number, "expected 'key: value'") }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            var value = String(line[line.index(after: colon)...])
            if value.hasPrefix(" ") { value.removeFirst() }
            if ["citycert-sheet", "application", "member", "phase", "version"].contains(key) {
                guard header[key] == nil else { throw fail(number, "'\(key)' appears twice") }
                header[key] = (value.trimmingCharacters(in: .whitespaces), number)
                continue
            }
            var id = key
            var target = 0
            if key.hasSuffix(".note") { id = String(key.dropLast(5)); target = 1 }
            if key.hasSuffix(".ask") { id = String(key.dropLast(4)); target = 2 }
            guard Identifier.isValidIndicator(id), standards.indicator(id) != nil else {
                throw fail(number, "'\(key)' is not an indicator of the standards (\(standards.id))")
            }
            switch target {
            case 0:
                guard values[id] == nil else { throw fail(number, "\(id) appears twice") }
                values[id] = (value.trimmingCharacters(in: .whitespaces), number)
            case 1:
                guard notes[id] == nil else { throw fail(number, "\(id).note appears twice") }
                notes[id] = (SheetForm.unescape(value), number)
            default:
                guard asks[id] == nil else { throw fail(number, "\(id).ask appears twice") }
                asks[id] = (SheetForm.unescape(value), number)
            }
        }
        for key in ["citycert-sheet", "application", "member", "phase", "version"] where header[key] == nil {
            throw .refused("\(source): the header line '\(key):' is missing (export the form again with `citycert sheet export`)")
        }
        guard header["citycert-sheet"]!.0 == "1" else { throw fail(header["citycert-sheet"]!.1, "unsupported form version '\(header["citycert-sheet"]!.0)'") }
        let application = header["application"]!.0
        guard Identifier.isValid(application) else { throw fail(header["application"]!.1, "'\(application)' is not a valid application id") }
        guard header["member"]!.0 == member else {
            throw fail(header["member"]!.1, "this form is \(header["member"]!.0)'s sheet; you are acting as \(member)")
        }
        guard let phase = Phase(rawValue: header["phase"]!.0) else { throw fail(header["phase"]!.1, "phase must be written or site") }
        let version = header["version"]!.0
        let app = try scorable(member: member, application: application, phase: phase)

        // Every line is checked before anything is written.
        var wanted: [(Indicator, SheetForm.FormPart)] = []
        for ind in standards.indicators where values[ind.id] != nil || notes[ind.id] != nil || asks[ind.id] != nil {
            let line = values[ind.id]?.1 ?? notes[ind.id]?.1 ?? asks[ind.id]!.1
            guard ind.isApplicable(to: app.cityType) else { throw fail(line, "\(ind.id) is not applicable to \(application) (\(app.cityType.rawValue) city)") }
            var part = SheetForm.FormPart(note: notes[ind.id]?.0, ask: asks[ind.id]?.0)
            if let (text, n) = values[ind.id] {
                part.setsScore = true
                if text.isEmpty {
                    // cleared
                } else if ind.isQuantitative {
                    switch EnteredNumber.parse(text) {
                    case .success(let v): part.value = v
                    case .failure(let why): throw fail(n, "\(ind.id): \(why.message(text, korean: false)) (quantitative indicator)")
                    }
                } else {
                    guard let l = Int(text), ind.levels.contains(where: { $0.level == l }) else {
                        throw fail(n, "\(ind.id): '\(text)' is not a level of this indicator (\(ind.levels.map { String($0.level) }.joined(separator: ", ")))")
                    }
                    part.level = l
                }
            }
            wanted.append((ind, part))
        }

        return try SheetWriter.withSheet(self, member: member, application: application) { w in
            let found = SheetForm.version(of: w.bytesAsFound)
            guard found == version else {
                throw StoreActionError.refused("\(source) is stale: \(member)'s \(application) sheet changed since the form was exported (form \(version.prefix(19))…, now \(found.prefix(19))…). Export it again, redo your changes there, and upload that.")
            }
            var result = SheetForm.ImportResult(application: application, phase: phase)
            for (ind, p) in wanted {
                let ps = w.sheet.phases[phase] ?? PhaseSheet()
                let current = ps.entries[ind.id]
                var e = current ?? Entry()
                if p.setsScore { e.value = p.value; e.level = p.level }
                if let note = p.note { e.note = note }
                if let ask = p.ask { e.clarification = ask }
                let cleaned = try Self.checked(e, indicator: ind)
                if cleaned == current { continue }
                guard ps.status == .draft else {
                    throw StoreActionError.refused("your \(phase.rawValue) sheet for \(application) is submitted: reopen it to change it (`citycert score --reopen`)")
                }
                try w.commit(action: "entry", phase: phase, detail: SheetReplay.entryDetail(indicator: ind.id, cleaned), at: timestamp())
                result.changed.append(ind.id)
            }
            if submit, w.sheet.phases[phase]?.status != .submitted {
                let ps = w.sheet.phases[phase] ?? PhaseSheet()
                let missing = missingEntries(ps, for: app)
                guard missing.isEmpty else {
                    throw StoreActionError.refused("saved \(result.changed.count) change(s), but cannot submit: \(missing.count) indicator(s) have no entry: \(missing.prefix(10).joined(separator: ", "))\(missing.count > 10 ? ", …" : "")")
                }
                try w.commit(action: "submit", phase: phase, detail: [("entries", .int(ps.entries.count))], at: timestamp())
                result.submitted = true
            }
            return result
        }
    }
}
