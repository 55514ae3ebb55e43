/// When the chair may finalize an application (issue: finalize is refused, with the reason, while the
/// application is not complete or fewer members remain than the aggregation method needs).
public enum FinalizeRule {
    /// The fewest counted sheets a method needs to mean what it says: a trimmed mean drops two
    /// values, so it needs `trim_min_members`; a mean or median needs one.
    public static func minimumSheets(_ method: AggregationMethod, trimMinMembers: Int) -> Int {
        method == .trimmedMean ? trimMinMembers : 1
    }

    /// Why the application cannot be finalized now, or nil when it can, in the given language
    /// (members named by name in Korean, by id in English).
    public static func refusal(_ e: ApplicationEvaluation, standards: Standards, committee: Committee, language: Language = .en) -> String? {
        let ko = language == .ko
        if e.status == .final { return ko ? "\(e.application)은(는) 이미 확정되었습니다" : "\(e.application) is already final" }
        if e.status != .complete {
            func names(_ ids: [String]) -> String { ids.map { ko ? (committee.member($0)?.name ?? $0) : $0 }.joined(separator: ", ") }
            var missing: [String] = []
            if !e.missingWritten.isEmpty { missing.append((ko ? "서면평가: " : "written: ") + names(e.missingWritten)) }
            if !e.missingSite.isEmpty { missing.append((ko ? "현장실사: " : "site: ") + names(e.missingSite)) }
            return ko ? "평가가 끝나지 않았습니다. 미제출 — \(missing.joined(separator: "; "))"
                      : "\(e.application) is not complete; still to submit — \(missing.joined(separator: "; "))"
        }
        let eligible = committee.eligibleMembers(for: e.application).count
        let need = minimumSheets(standards.aggregation, trimMinMembers: standards.trimMinMembers)
        if eligible < need {
            return ko ? "평가할 수 있는 위원이 \(eligible)명뿐입니다. \(standards.aggregation.rawValue)에는 \(need)명이 필요합니다"
                      : "only \(eligible) eligible member(s) remain on \(e.application); \(standards.aggregation.rawValue) needs \(need)"
        }
        return nil
    }
}
