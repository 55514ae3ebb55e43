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
        /// Whether the phase was reopened by this upload.
        public var reopened = false
        public var application = ""
        public var phase = Phase.written
    }

    /// The version of one phase of a sheet: `sha256:<hex>` of the phase as the sheet file writes it,
    /// `none` while the phase has nothing. Per phase, so that uploading the site form does not make
    /// the written form stale.
    static func version(of phase: PhaseSheet?) -> String {
        guard let phase, let data = try? JSONEncoder.store.encode(phase) else { return "none" }
        return "sha256:" + AuditLog.sha256Hex(Array(data))
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
                // `\n` and `\\` are the form's escapes; any other backslash is kept as typed
                // (a Windows path such as D:\data).
                switch c {
                case "n": out.append("\n")
                case "\\": out.append("\\")
                default: out.append("\\"); out.append(c)
                }
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
        } catch where isFinal(application) && error.refusal == .applicationFinal(application) {
            guard let a = self.application(application).application else { throw error }
            app = a
        }
        let sheet = try sheetAsFound(member: member, application: application)
        let ps = sheet.phases[phase]
        let m = committee.member(member)!
        let type = app.cityType
        let applicable = standards.applicableIndicators(for: type)
        let done = applicable.filter { ps?.entries[$0.id]?.isScored == true }.count
        var out = [
            "# citycert score sheet (offline form) — \(SheetForm.both(title))",
            "# \(application) \(SheetForm.both(app.government)) · \(type.rawValue) city · \(phase == .written ? "written evaluation (서면평가)" : "site inspection (현장실사)") · \(m.name) (\(m.id))",
            "#",
            "# Edit the lines that do not start with '#':",
            "#   ID: value         the value you verified (quantitative) or the level you choose (qualitative)",
            "#   ID.note: text     your note;  ID.ask: text   a question to the applicant",
            "# An empty value clears it; an indicator you delete from the form is left as it is.",
            "# Notes are one line: write a line break as \\n. Do not change the header lines below.",
            "# Upload: citycert sheet import --store STORE --as \(member) --file FILE [--submit]",
            "citycert-sheet: 1",
            "application: \(application)",
            "member: \(member)",
            "phase: \(phase.rawValue)",
            "version: \(SheetForm.version(of: ps))",
            "# status: \(ps?.status.rawValue ?? "not started")\(isFinal(application) ? " · the application is FINAL: this form is read-only" : "") · \(done) of \(applicable.count) indicators scored",
        ]
        for field in standards.fields {
            let fieldIndicators = field.items.flatMap(\.indicators).filter { $0.isApplicable(to: type) }
            guard !fieldIndicators.isEmpty else { continue }
            out += ["", "# ══ \(SheetForm.both(field.name))"]
            for item in field.items {
                let inds = item.indicators.filter { $0.isApplicable(to: type) }
                guard !inds.isEmpty else { continue }
                out.append("# ── \(SheetForm.both(item.name))")
                for ind in inds { out += SheetForm.lines(ind, of: app, entry: ps?.entries[ind.id]) }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A member's sheet file as it is now.
    private func sheetAsFound(member: String, application: String) throws(StoreActionError) -> ScoreSheet {
        let path = "scores/\(member)/\(application).json"
        guard files.exists(path) else { return ScoreSheet(application: application, member: member) }
        var problems: [Problem] = []
        guard let bytes = files.data(path, problems: &problems, limit: SheetLoader.maxBytes) else { throw .refused(.unreadable(path: path)) }
        guard let (sheet, _) = try? SheetLoader.decode(bytes) else { throw .refused(.damaged(path: path)) }
        return sheet
    }

    /// Applies an uploaded form as `member`: refused as a whole when the sheet changed since the
    /// form was exported (its version line) or when a line cannot be read; otherwise every changed
    /// entry, and the submission when asked, is saved through the one door for sheet changes
    /// (``edit(_:member:application:phase:reopen:submit:expecting:)``): all of the form or none of it.
    public func importSheetForm(_ text: String, member: String, source: String = "the form", reopen: Bool = false, submit: Bool = false,
                                acceptFar: Bool = false) throws(StoreActionError) -> SheetForm.ImportResult {
        try checkIdentity(member)
        guard text.utf8.count <= 4 * 1024 * 1024 else { throw .refused(.formTooLarge(source: source)) }
        let form = try SheetForm.Lines(text, source: source, standards: standards)
        let application = try form.header("application")
        guard Identifier.isValid(application.text) else { throw form.fail(application.line, .invalidApplicationID(application.text)) }
        let owner = try form.header("member")
        guard owner.text == member else { throw form.fail(owner.line, .otherMembersForm(owner: owner.text, actingAs: member)) }
        let phaseLine = try form.header("phase")
        guard let phase = Phase(rawValue: phaseLine.text) else { throw form.fail(phaseLine.line, .badPhase) }
        let version = try form.header("version").text
        let app = try scorable(member: member, application: application.text, phase: phase)
        let edits = try form.edits(for: app, standards: standards)
        let outcome = try edit(edits, member: member, application: app.id, phase: phase, reopen: reopen, submit: submit,
                               acceptFar: acceptFar, expecting: ExpectedSheetVersion(version: version, source: source))
        return SheetForm.ImportResult(changed: outcome.changed, submitted: outcome.submitted, reopened: outcome.reopened,
                                      application: app.id, phase: phase)
    }
}

extension SheetForm {
    /// The lines of an uploaded form, read and checked for shape (each error names its line).
    struct Lines {
        static let headerKeys = ["citycert-sheet", "application", "member", "phase", "version"]
        let source: String
        private var headers: [String: (text: String, line: Int)] = [:]
        /// The indicator lines by key (`IN-01`, `IN-01.note`, `IN-01.ask`): the text and its line.
        private var parts: [String: (text: String, line: Int)] = [:]

        func fail(_ line: Int, _ problem: Refusal.FormLine) -> StoreActionError { .refused(.formLine(source: source, line: line, problem)) }

        init(_ text: String, source: String, standards: Standards) throws(StoreActionError) {
            self.source = source
            // Line ends of any editor: CR LF (Windows; one Character in Swift, so it is not "\n") and CR.
            let text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                try read(String(raw), number: n + 1, standards: standards)
            }
            for key in Self.headerKeys where headers[key] == nil {
                throw .refused(.headerMissing(source: source, key: key))
            }
            let form = headers["citycert-sheet"]!
            guard form.text == "1" else { throw fail(form.line, .unsupportedVersion(form.text)) }
        }

        private mutating func read(_ raw: String, number: Int, standards: Standards) throws(StoreActionError) {
            var line = raw
            if line.hasSuffix("\r") { line.removeLast() }
            if number == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return }
            // The key ends at the first colon; a full-width one (：, typed with a Korean input method) counts.
            guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { throw fail(number, .expectedKeyValue) }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            var value = String(line[line.index(after: colon)...])
            if value.hasPrefix(" ") { value.removeFirst() }
            if Self.headerKeys.contains(key) {
                guard headers[key] == nil else { throw fail(number, .headerTwice(key)) }
                headers[key] = (value.trimmingCharacters(in: .whitespaces), number)
                return
            }
            let (id, suffix) = key.hasSuffix(".note") ? (String(key.dropLast(5)), ".note")
                : key.hasSuffix(".ask") ? (String(key.dropLast(4)), ".ask") : (key, "")
            guard Identifier.isValidIndicator(id), standards.indicator(id) != nil else {
                // `IN-03.Note`, `IN-03.memo`: the indicator is right, the line's name is not.
                if let dot = key.lastIndex(of: "."), standards.indicator(String(key[..<dot])) != nil {
                    throw fail(number, .unknownLine(key: key, indicator: String(key[..<dot])))
                }
                throw fail(number, .notAnIndicator(key: key, standards: standards.id))
            }
            guard parts[id + suffix] == nil else { throw fail(number, .lineTwice(id + suffix)) }
            parts[id + suffix] = (suffix.isEmpty ? value.trimmingCharacters(in: .whitespaces) : SheetForm.unescape(value), number)
        }

        func header(_ key: String) throws(StoreActionError) -> (text: String, line: Int) {
            guard let h = headers[key] else { throw .refused(.headerMissing(source: source, key: key)) }
            return h
        }

        /// The form's changes, in standards order; every value is read and checked here, so that a
        /// bad line refuses the whole form before anything is written.
        func edits(for app: Application, standards: Standards) throws(StoreActionError) -> [SheetEdit] {
            var edits: [SheetEdit] = []
            for ind in standards.indicators {
                let (value, note, ask) = (parts[ind.id], parts[ind.id + ".note"], parts[ind.id + ".ask"])
                guard let line = value?.line ?? note?.line ?? ask?.line else { continue }
                guard ind.isApplicable(to: app.cityType) else {
                    throw fail(line, .notApplicable(indicator: ind.id, application: app.id, cityType: app.cityType.rawValue))
                }
                if let value { edits.append(SheetEdit(ind.id, try score(value.text, of: ind, line: value.line))) }
                if let note { edits.append(SheetEdit(ind.id, .note(note.text))) }
                if let ask { edits.append(SheetEdit(ind.id, .question(ask.text))) }
            }
            return edits
        }

        private func score(_ text: String, of ind: Indicator, line n: Int) throws(StoreActionError) -> SheetEdit.Change {
            if ind.isQuantitative {
                guard !text.isEmpty else { return .value(nil) }
                switch EnteredNumber.parse(text) {
                case .success(let v):
                    if let range = ind.range, !range.contains(v) {
                        throw fail(n, .outsideRange(indicator: ind.id, value: v.plainText, range: range.description))
                    }
                    return .value(v)
                case .failure(let why): throw fail(n, .notANumber(indicator: ind.id, text: text, why))
                }
            }
            guard !text.isEmpty else { return .level(nil) }
            guard let l = EnteredNumber.level(text), ind.levels.contains(where: { $0.level == l }) else {
                throw fail(n, .notALevel(indicator: ind.id, text: text, levels: ind.levels.map(\.level)))
            }
            return .level(l)
        }
    }

    /// An indicator's lines in the form: what it is, what the applicant submitted, and the member's
    /// entry (value or level, note, question) to edit.
    static func lines(_ ind: Indicator, of app: Application, entry e: Entry?) -> [String] {
        let pts = ind.points(for: app.cityType)
        var out = ["#", "# \(ind.id) \(both(ind.name)) — \(ind.isQuantitative ? "quantitative" : "qualitative"), \(pts) points"]
        if ind.isQuantitative {
            let bands = ind.bands.map { b -> String in
                switch b.bound {
                case .atLeast(let t): return "≥ \(t) → \(pts.times(b.share))"
                case .atMost(let t): return "≤ \(t) → \(pts.times(b.share))"
                }
            }
            out.append("#   bands: \(bands.joined(separator: " · "))\(ind.unit.map { "  (unit: \(both($0)))" } ?? "")")
            if let v = app.quantitative[ind.id] {
                let evidence = v.evidence.map { $0.file + ($0.page.map { " p.\($0)" } ?? "") }.joined(separator: ", ")
                out.append("#   submitted by the applicant: \(EntryValue.format(v.value))\(v.evidence.isEmpty ? "" : "  evidence: " + evidence)")
            } else {
                out.append("#   submitted by the applicant: nothing")
            }
        } else {
            out.append("#   levels: \(ind.levels.map { "\($0.level) (\(pts.times($0.share))) \($0.text.text(.ko))" }.joined(separator: " · "))")
            out.append("#   claimed by the applicant: \(app.selfEvaluation[ind.id].map { String($0.level) } ?? "nothing")")
        }
        out.append("\(ind.id): \(e?.value.map(EntryValue.format) ?? e?.level.map(String.init) ?? "")")
        out.append("\(ind.id).note: \(escape(e?.note ?? ""))")
        out.append("\(ind.id).ask: \(escape(e?.clarification ?? ""))")
        return out
    }
}
