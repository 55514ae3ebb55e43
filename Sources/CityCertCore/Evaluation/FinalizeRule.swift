/// When the chair may finalize an application (issue: finalize is refused, with the reason, while the
/// application is not complete or fewer members remain than the aggregation method needs).
public enum FinalizeRule {
    /// The fewest counted sheets a method needs to mean what it says: a trimmed mean drops two
    /// values, so it needs `trim_min_members`; a mean or median needs one.
    public static func minimumSheets(_ method: AggregationMethod, trimMinMembers: Int) -> Int {
        method == .trimmedMean ? trimMinMembers : 1
    }

    /// Why the application cannot be finalized now, or nil when it can.
    public static func refusal(_ e: ApplicationEvaluation, standards: Standards, committee: Committee) -> String? {
        if e.status == .final { return "\(e.application) is already final" }
        if e.status != .complete {
            var missing: [String] = []
            if !e.missingWritten.isEmpty { missing.append("written: \(e.missingWritten.joined(separator: ", "))") }
            if !e.missingSite.isEmpty { missing.append("site: \(e.missingSite.joined(separator: ", "))") }
            return "\(e.application) is not complete; still to submit — \(missing.joined(separator: "; "))"
        }
        let eligible = committee.eligibleMembers(for: e.application).count
        let need = minimumSheets(standards.aggregation, trimMinMembers: standards.trimMinMembers)
        if eligible < need {
            return "only \(eligible) eligible member(s) remain on \(e.application); \(standards.aggregation.rawValue) needs \(need)"
        }
        return nil
    }
}
