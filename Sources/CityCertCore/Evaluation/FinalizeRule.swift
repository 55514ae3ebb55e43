/// When the chair may finalize an application (issue: finalize is refused, with the reason, while the
/// application is not complete or fewer members remain than the aggregation method needs).
public enum FinalizeRule {
    /// The fewest counted sheets a method needs to mean what it says: a trimmed mean drops two
    /// values, so it needs `trim_min_members`; a mean or median needs one.
    public static func minimumSheets(_ method: AggregationMethod, trimMinMembers: Int) -> Int {
        method == .trimmedMean ? trimMinMembers : 1
    }

    /// Why an application cannot be finalized now.
    public enum Reason: Equatable, Sendable {
        case alreadyFinal
        /// The members (ids) still to submit each phase.
        case incomplete(written: [String], site: [String])
        case tooFewMembers(eligible: Int, need: Int, method: String)

        /// In a language; `name` gives a member's name from an id (Korean names members by name).
        public func text(application: String, language: Language, name: (String) -> String) -> String {
            let ko = language == .ko
            switch self {
            case .alreadyFinal:
                return ko ? "\(application)은(는) 이미 확정되었습니다" : "\(application) is already final"
            case let .incomplete(written, site):
                func names(_ ids: [String]) -> String { ids.map { ko ? name($0) : $0 }.joined(separator: ", ") }
                var missing: [String] = []
                if !written.isEmpty { missing.append((ko ? "서면평가: " : "written: ") + names(written)) }
                if !site.isEmpty { missing.append((ko ? "현장실사: " : "site: ") + names(site)) }
                return ko ? "평가가 끝나지 않았습니다. 미제출 — \(missing.joined(separator: "; "))"
                          : "\(application) is not complete; still to submit — \(missing.joined(separator: "; "))"
            case let .tooFewMembers(eligible, need, method):
                return ko ? "평가할 수 있는 위원이 \(eligible)명뿐입니다. \(method)에는 \(need)명이 필요합니다"
                          : "only \(eligible) eligible member(s) remain on \(application); \(method) needs \(need)"
            }
        }
    }

    /// Why the application cannot be finalized now, or nil when it can.
    public static func reason(_ e: ApplicationEvaluation, standards: Standards, committee: Committee) -> Reason? {
        if e.status == .final { return .alreadyFinal }
        if e.status != .complete { return .incomplete(written: e.missingWritten, site: e.missingSite) }
        let eligible = committee.eligibleMembers(for: e.application).count
        let need = minimumSheets(standards.aggregation, trimMinMembers: standards.trimMinMembers)
        if eligible < need { return .tooFewMembers(eligible: eligible, need: need, method: standards.aggregation.rawValue) }
        return nil
    }

    /// Why the application cannot be finalized now, or nil when it can, in the given language
    /// (members named by name in Korean, by id in English).
    public static func refusal(_ e: ApplicationEvaluation, standards: Standards, committee: Committee, language: Language = .en) -> String? {
        reason(e, standards: standards, committee: committee)?
            .text(application: e.application, language: language) { committee.member($0)?.name ?? $0 }
    }
}
