import CityCertCore

/// What the text, Markdown and HTML reports show, worked out once: names resolved in one language,
/// the score table as rows, the summary grouped by city type, flagged indicators, signatories.
///
/// The renderers only lay this out; every figure here is the evaluation's own ``Points`` (the JSON
/// report's figures), never recomputed.
public struct ReportContent: Sendable {
    public let round: RoundEvaluation
    public let labels: ReportLabels
    public var language: Language { labels.language }

    private let fieldNames: [String: LocalizedText]
    private let itemNames: [String: LocalizedText]

    public init(_ round: RoundEvaluation, language: Language) {
        self.round = round
        self.labels = ReportLabels(language)
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
        return "\(r.low)–\(r.high) · \(labels.rangeGrades(r)) · \(labels.rangeCertification(r))"
    }

    /// The members who sign for an application: its eligible members, chairs first, in committee order.
    public func signatories(_ e: EvaluatedApplication) -> [Member] {
        let eligible = round.committee.eligibleMembers(for: e.application.id)
        return eligible.filter { $0.role == .chair } + eligible.filter { $0.role != .chair }
    }

    /// Every committee member, chairs first, then members, then secretaries (the cover page).
    public var committeeMembers: [Member] {
        let order: [Role] = [.chair, .member, .secretary]
        return order.flatMap { role in round.committee.members.filter { $0.role == role } }
    }
}
