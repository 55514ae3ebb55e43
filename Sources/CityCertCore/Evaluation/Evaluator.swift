/// Computes spec §3 for one application from the sheets of the store.
public struct Evaluator: Sendable {
    public var standards: Standards
    public var committee: Committee

    public init(standards: Standards, committee: Committee) {
        self.standards = standards
        self.committee = committee
    }

    /// Evaluates an application. Sheets of members who do not count (conflicted, unknown, secretary,
    /// outside the site team for the site phase) and drafts are ignored; `method` overrides the
    /// standards' aggregation method (for "what would the grade be under …").
    public func evaluate(_ application: Application, sheets: [ScoreSheet], decision: Decision? = nil,
                         method: AggregationMethod? = nil) -> ApplicationEvaluation {
        let type = application.cityType
        let appID = application.id
        let method = method ?? standards.aggregation
        // Who counts is worked out once per application (asking the committee per sheet and phase
        // rebuilt the site team every time): the eligible members, and those of them on the site team.
        let eligible = committee.eligibleMembers(for: appID).map(\.id)
        let siteTeam = committee.siteTeam(for: appID).map(\.id)
        let counts: [Phase: Set<String>] = [.written: Set(eligible), .site: Set(siteTeam)]
        let memberOrder = Dictionary(uniqueKeysWithValues: committee.members.enumerated().map { ($1.id, $0) })
        // Per phase, the counted sheets' entries in committee order.
        func countedSheets(_ phase: Phase) -> [CountedSheet] {
            sheets
                .filter { $0.application == appID && $0.isSubmitted(phase) && counts[phase]!.contains($0.member) }
                .sorted { (memberOrder[$0.member] ?? .max, $0.member) < (memberOrder[$1.member] ?? .max, $1.member) }
                .map { (member: $0.member, entries: $0.phases[phase]?.entries ?? [:]) }
        }
        let counted = Counted(written: countedSheets(.written), site: countedSheets(.site))

        var results: [IndicatorResult] = []
        var fields: [Subtotal] = []
        var items: [Subtotal] = []
        for field in standards.fields {
            var fieldSub = Subtotal(id: field.id, field: nil, score: .zero, max: .zero)
            for item in field.items {
                var itemSub = Subtotal(id: item.id, field: field.id, score: .zero, max: .zero)
                for ind in item.indicators where ind.isApplicable(to: type) {
                    let r = evaluate(ind, item: item.id, field: field.id, type: type, counted: counted, method: method)
                    results.append(r)
                    itemSub.score += r.score
                    itemSub.max += r.max
                }
                if itemSub.max > .zero {
                    items.append(itemSub)
                    fieldSub.score += itemSub.score
                    fieldSub.max += itemSub.max
                }
            }
            if fieldSub.max > .zero { fields.append(fieldSub) }
        }
        let total = fields.reduce(Points.zero) { $0 + $1.score }
        let max = fields.reduce(Points.zero) { $0 + $1.max }
        let grade = gradeOf(total, max: max)
        let low = results.reduce(Points.zero) { $0 + $1.low }
        let high = results.reduce(Points.zero) { $0 + $1.high }
        let gradeLow = gradeOf(low, max: max), gradeHigh = gradeOf(high, max: max)
        let range = GradeRange(low: low, high: high, gradeLow: gradeLow, gradeHigh: gradeHigh,
                               certifiedLow: standards.certifiedGrades.contains(gradeLow),
                               certifiedHigh: standards.certifiedGrades.contains(gradeHigh))

        let submittedWritten = Set(counted.written.map(\.member))
        let submittedSite = Set(counted.site.map(\.member))
        let missingWritten = eligible.filter { !submittedWritten.contains($0) }
        let missingSite = siteTeam.filter { !submittedSite.contains($0) }
        let status: ApplicationStatus = decision != nil ? .final
            : (missingWritten.isEmpty && missingSite.isEmpty ? .complete : .provisional)

        return ApplicationEvaluation(
            application: appID, cityType: type, status: status, method: method,
            total: total, max: max, percent: total.percent(of: max),
            grade: grade, certified: standards.certifiedGrades.contains(grade),
            fields: fields, items: items, indicators: results,
            missingWritten: missingWritten, missingSite: missingSite, range: range)
    }

    /// Spec §3.6: the best grade the total reaches (the lowest grade when the bands leave a gap).
    private func gradeOf(_ total: Points, max: Points) -> Int {
        Aggregation.grade(total: total, max: max, grades: standards.grades) ?? standards.grades.last?.grade ?? 0
    }

    /// A counted sheet's member and entries for one phase.
    private typealias CountedSheet = (member: String, entries: [String: Entry])
    /// Per phase, the counted sheets in committee order.
    private struct Counted {
        var written: [CountedSheet]
        var site: [CountedSheet]
        subscript(phase: Phase) -> [CountedSheet] {
            switch phase {
            case .written: written
            case .site: site
            }
        }
    }

    private func evaluate(_ ind: Indicator, item: String, field: String, type: CityType,
                          counted: Counted, method: AggregationMethod) -> IndicatorResult {
        let maxPoints = ind.points(for: type)
        func phaseResult(_ phase: Phase) -> PhaseResult {
            var members: [MemberPoints] = []
            for sheet in counted[phase] {
                guard let entry = sheet.entries[ind.id], let share = ind.share(for: entry) else { continue }
                members.append(MemberPoints(member: sheet.member, points: maxPoints.times(share), entry: entry))
            }
            let values = members.map(\.points)
            return PhaseResult(
                members: members,
                aggregate: values.isEmpty ? nil : Aggregation.aggregate(values, method: method, trimMinMembers: standards.trimMinMembers),
                spread: Aggregation.spread(values))
        }
        let written = phaseResult(.written)
        let site = phaseResult(.site)
        let score = Aggregation.combine(written: written.aggregate, site: site.aggregate, by: standards.combination)
        let flagged = [written.spread, site.spread].contains {
            Aggregation.isFlagged(spread: $0, points: maxPoints, share: standards.flagSpreadShare)
        }
        // §3.9: every member's points of a phase replaced by that phase's lowest (highest), so the
        // phase's aggregate is that extreme, then combined by rule 4.
        var low = score, high = score
        if flagged {
            func extreme(_ pick: ([Points]) -> Points?) -> Points {
                Aggregation.combine(written: pick(written.members.map(\.points)), site: pick(site.members.map(\.points)),
                                    by: standards.combination)
            }
            low = extreme { $0.min() }
            high = extreme { $0.max() }
        }
        return IndicatorResult(id: ind.id, item: item, field: field, max: maxPoints, score: score,
                               written: written, site: site, spread: Swift.max(written.spread, site.spread),
                               flagged: flagged, low: low, high: high)
    }
}
