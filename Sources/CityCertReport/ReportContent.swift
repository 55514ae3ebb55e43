import CityCertCore

/// What the text, Markdown and HTML reports show, worked out once: names resolved in one language,
/// the score table as rows, the summary grouped by city type, flagged indicators, signatories.
///
/// The renderers only lay this out; every figure here is the evaluation's own ``Points`` (the JSON
/// report's figures), never recomputed.
public struct ReportContent: Sendable {
    public let round: RoundEvaluation
    public let labels: ReportLabels
    public let options: ReportOptions
    public var language: Language { labels.language }

    private let fieldNames: [String: LocalizedText]
    private let itemNames: [String: LocalizedText]

    public init(_ round: RoundEvaluation, language: Language, options: ReportOptions = ReportOptions()) {
        self.round = round
        self.labels = ReportLabels(language)
        self.options = options
        var fields: [String: LocalizedText] = [:]
        var items: [String: LocalizedText] = [:]
        for f in round.standards.fields {
            fields[f.id] = fields[f.id] ?? f.name
            for it in f.items { items[it.id] = items[it.id] ?? it.name }
        }
        fieldNames = fields
        itemNames = items
    }

    // MARK: Names

    public var title: String { round.title.text(language) }
    public var standardsTitle: String { round.standards.title.text(language) }
    public func fieldName(_ id: String) -> String { fieldNames[id]?.text(language) ?? id }
    public func itemName(_ id: String) -> String { itemNames[id]?.text(language) ?? id }
    public func indicatorName(_ id: String) -> String { round.standards.indicator(id)?.name.text(language) ?? id }
    public func government(_ app: Application) -> String { app.government.text(language) }
    public func province(_ app: Application) -> String? {
        guard let p = app.province?.text(language), !p.isEmpty else { return nil }
        return p
    }
    /// `김민수` for a member id, or the id when the committee does not know it.
    public func memberName(_ id: String) -> String { round.committee.member(id)?.name ?? id }
    /// `김민수 (kim)`.
    public func memberLabel(_ id: String) -> String {
        guard let m = round.committee.member(id) else { return id }
        return "\(m.name) (\(m.id))"
    }

    // MARK: Score table

    /// One row of the score table: a field, an item under it, or an indicator under that.
    public struct Row: Sendable {
        public enum Level: Int, Sendable { case field = 0, item = 1, indicator = 2 }
        public var level: Level
        public var id: String
        /// The name in the report's language (an indicator's without its id).
        public var name: String
        public var score: Points
        public var max: Points
        /// The indicator's result; nil for field and item rows.
        public var indicator: IndicatorResult?
    }

    /// Fields, each followed by its items, each followed by its indicators, in standards order.
    public func rows(_ e: EvaluatedApplication) -> [Row] {
        let ev = e.evaluation
        var out: [Row] = []
        for f in ev.fields {
            out.append(Row(level: .field, id: f.id, name: fieldName(f.id), score: f.score, max: f.max))
            for it in ev.items where it.field == f.id {
                out.append(Row(level: .item, id: it.id, name: itemName(it.id), score: it.score, max: it.max))
                for r in ev.indicators where r.item == it.id && r.field == f.id {
                    out.append(Row(level: .indicator, id: r.id, name: indicatorName(r.id),
                                   score: r.score, max: r.max, indicator: r))
                }
            }
        }
        return out
    }

    // MARK: Summary

    /// The applications of each city type, large first, each group in id order; empty groups left out.
    public var byType: [(type: CityType, applications: [EvaluatedApplication])] {
        [CityType.large, .small].compactMap { type in
            let apps = round.applications.filter { $0.evaluation.cityType == type }
            return apps.isEmpty ? nil : (type, apps)
        }
    }

    // MARK: Flags, decision, signatures

    /// `16.00 (4.00~20.00)`: a phase's spread with the lowest and highest member points, or `0.00`
    /// (and `-` for no sheet) when fewer than two sheets count.
    public func spreadDetail(_ p: PhaseResult) -> String {
        let pts = p.members.map(\.points)
        guard pts.count >= 2, let lo = pts.min(), let hi = pts.max() else {
            return pts.isEmpty ? labels.none : p.spread.description
        }
        return "\(p.spread) (\(lo)~\(hi))"
    }

    /// The spread above which an indicator is flagged: `flag_spread_share × points` (display only).
    public func flagThreshold(_ r: IndicatorResult) -> Points { r.max.times(round.standards.flagSpreadShare) }

    /// `김민수 (kim), 2025-09-21 00:00 KST` for a final application; a decision whose total or grade
    /// disagrees with the sheets says so, with its own figures.
    public func decisionLine(_ e: EvaluatedApplication) -> String? {
        guard let d = e.decision else { return nil }
        let line = "\(memberLabel(d.finalizedBy)), \(KoreanTime.format(d.finalizedAt))"
        guard e.decisionDisagrees else { return line }
        return line + " — ⚠ \(labels.decisionDisagrees) (\(d.total), \(labels.grade) \(d.grade))"
    }

    /// Spec §3.9 in a line: `1599.62–1640.42 · 3–2등급 · 어느 쪽이든 인증`.
    public func rangeLine(_ e: EvaluatedApplication) -> String {
        let r = e.evaluation.range
        // While sheets are missing the range is only what the submitted sheets say: no verdict.
        let verdict = e.evaluation.status == .provisional ? labels.rangeProvisional : labels.rangeCertification(r)
        return "\(r.low)–\(r.high) · \(labels.rangeGrades(r)) · \(verdict)"
    }

    /// `위원장 김민수, 2026. 9. 21. 00:00` for the printed report: who finalized by role and name (no
    /// internal id) and when, in Korea's time as a Korean office writes it.
    public func finalizedLine(_ e: EvaluatedApplication) -> String? {
        guard let d = e.decision else { return nil }
        let who = round.committee.member(d.finalizedBy).map { "\(labels.role($0.role)) \($0.name)" } ?? d.finalizedBy
        return "\(who), \(KoreanTime.dateTime(iso: d.finalizedAt))"
    }

    /// The members whose sheets count for an application (in either phase), in committee order.
    public func countedMembers(_ e: EvaluatedApplication) -> [Member] {
        var ids = Set<String>()
        for r in e.evaluation.indicators {
            for m in r.written.members { ids.insert(m.member) }
            for m in r.site.members { ids.insert(m.member) }
        }
        return round.committee.members.filter { ids.contains($0.id) }
    }

    /// Who signs a final application: the chair(s) eligible for it, then the members whose sheets
    /// counted, in committee order. Nobody signs an application that is not final.
    public func signatories(_ e: EvaluatedApplication) -> [Member] {
        guard e.evaluation.status == .final else { return [] }
        let chairs = round.committee.eligibleMembers(for: e.application.id).filter { $0.role == .chair }
        let counted = countedMembers(e).filter { $0.role != .chair }
        return chairs + counted
    }

    /// A member as the annexes name them: `김민수`, or `위원 A` (`Member A`) with `--anonymous`. The
    /// letters follow the committee's order among chairs and members, so they are the same on every page.
    public func annexName(_ id: String) -> String {
        guard options.anonymous else { return memberName(id) }
        let scorers = round.committee.members.filter { $0.role != .secretary }
        guard let i = scorers.firstIndex(where: { $0.id == id }) else { return labels.t("위원 ?", "Member ?") }
        return "\(labels.t("위원", "Member")) \(Self.letters(i))"
    }

    /// A, B, …, Z, AA, AB, …
    static func letters(_ i: Int) -> String {
        let a = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return i < 26 ? String(a[i]) : letters(i / 26 - 1) + String(a[i % 26])
    }

    /// `2025. 11. 30.`
    public var issueDate: String { KoreanTime.date(options.issuedAt) }

    /// `CC-2025-20251130-3F2A`: the round, the issue date and a check of the figures, so that two
    /// reports issued the same day with different figures have different numbers.
    public var documentNumber: String {
        if let n = options.documentNumber { return n }
        var hash: UInt32 = 2_166_136_261
        for e in round.applications {
            for b in "\(e.application.id)|\(e.evaluation.total)|\(e.evaluation.grade)|\(e.evaluation.status.rawValue);".utf8 {
                hash = (hash ^ UInt32(b)) &* 16_777_619
            }
        }
        let check = String(hash & 0xFFFF, radix: 16, uppercase: true)
        return "CC-\(round.round)-\(KoreanTime.compactDate(options.issuedAt))-\(String(repeating: "0", count: 4 - check.count))\(check)"
    }

    /// Why a file made an application invalid, in the report's language (the annex of invalid
    /// applications): the kind of file and the kind of mistake, never the developer's diagnostic.
    public func invalidReason(_ p: Problem) -> String {
        let m = p.message.lowercased()
        let what: String
        if p.path.hasSuffix("application.yaml") { what = labels.t("신청서", "The application form") }
        else if p.path.hasPrefix("scores/") { what = labels.t("평가표", "A score sheet") }
        else if p.path.hasPrefix("decisions/") { what = labels.t("확정 기록", "The decision") }
        else { what = labels.t("파일", "A file") }
        let why: String
        if m.contains("contradicts population") { why = labels.t("도시 유형이 인구와 맞지 않음", "its city type contradicts its population") }
        else if m.contains("unknown indicator") { why = labels.t("인증기준에 없는 지표가 있음", "it names an indicator the standards do not have") }
        else if m.contains("evidence") { why = labels.t("증빙 파일 경로가 올바르지 않음", "an evidence path is not valid") }
        else if m.contains("missing key") || m.contains("is missing") || m.contains("required") { why = labels.t("필수 항목이 빠짐", "a required entry is missing") }
        else if m.contains("not valid json") || m.contains("syntax") || m.contains("cannot read") || m.contains("larger than") {
            why = labels.t("파일을 읽을 수 없음", "the file cannot be read")
        }
        else if m.contains("folder") || m.contains("equals the folder") || m.contains("filed as") { why = labels.t("ID가 폴더 이름과 다름", "its id differs from its folder") }
        else { why = labels.t("값이 규칙에 맞지 않음", "a value breaks the store's rules") }
        let at = p.line.map { labels.t("\($0)행", "line \($0)") }
        return labels.t("\(what): \(why)", "\(what): \(why)") + (at.map { " (\($0))" } ?? "")
    }

    /// The application an invalid file belongs to (`applications/<id>/…`, `scores/<m>/<id>.json`,
    /// `decisions/<id>.json`), or nil.
    public func invalidApplication(_ p: Problem) -> String? {
        let parts = p.path.split(separator: "/").map(String.init)
        guard parts.count >= 2 else { return nil }
        switch parts[0] {
        case "applications": return parts[1]
        case "decisions": return parts[1].hasSuffix(".json") ? String(parts[1].dropLast(5)) : parts[1]
        case "scores" where parts.count >= 3: return parts[2].hasSuffix(".json") ? String(parts[2].dropLast(5)) : parts[2]
        default: return nil
        }
    }

    /// Every committee member, chairs first, then members, then secretaries (the cover page).
    public var committeeMembers: [Member] {
        let order: [Role] = [.chair, .member, .secretary]
        return order.flatMap { role in round.committee.members.filter { $0.role == role } }
    }
}
