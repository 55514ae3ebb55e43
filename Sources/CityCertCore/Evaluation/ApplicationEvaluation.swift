/// Where an application stands (spec §3.7).
public enum ApplicationStatus: String, Sendable, Hashable {
    case provisional, complete, final
}

/// One member's points for an indicator in one phase, from a sheet that counts.
public struct MemberPoints: Sendable, Hashable {
    public var member: String
    public var points: Points
    /// The entry the points come from (value or level, note, question).
    public var entry: Entry

    public init(member: String, points: Points, entry: Entry) { self.member = member; self.points = points; self.entry = entry }
}

/// The figures of one phase for one indicator.
public struct PhaseResult: Sendable, Hashable {
    /// Members' points from submitted sheets that count, in committee order.
    public var members: [MemberPoints]
    /// `agg(p,i)`; nil when no sheet of the phase counts.
    public var aggregate: Points?
    public var spread: Points
    public var sheets: Int { members.count }

    public init(members: [MemberPoints], aggregate: Points?, spread: Points) {
        self.members = members; self.aggregate = aggregate; self.spread = spread
    }
}

/// The evaluation of one indicator of one application.
public struct IndicatorResult: Sendable, Hashable {
    public var id: String
    public var item: String
    public var field: String
    public var max: Points
    public var score: Points
    public var written: PhaseResult
    public var site: PhaseResult
    /// The larger of the two phases' spreads.
    public var spread: Points
    public var flagged: Bool
    /// Spec §3.9: the score with every member's points of each phase at that phase's lowest
    /// (highest) points; equal to `score` when the indicator is not flagged.
    public var low: Points
    public var high: Points

    public func phase(_ p: Phase) -> PhaseResult { p == .written ? written : site }
}

/// A field or item subtotal.
public struct Subtotal: Sendable, Hashable {
    public var id: String
    /// The field an item belongs to; nil for a field.
    public var field: String?
    public var score: Points
    public var max: Points
}

/// Everything spec §3 derives for one application: scores, totals, grade, status, flags.
public struct ApplicationEvaluation: Sendable {
    public var application: String
    public var cityType: CityType
    public var status: ApplicationStatus
    public var method: AggregationMethod
    public var total: Points
    public var max: Points
    public var percent: Points
    public var grade: Int
    public var certified: Bool
    public var fields: [Subtotal]
    public var items: [Subtotal]
    public var indicators: [IndicatorResult]
    /// Eligible members still to submit the written phase / the site phase (site team only).
    public var missingWritten: [String]
    public var missingSite: [String]
    /// How far the grade can move while the committee settles its disagreements (spec §3.9).
    public var range: GradeRange

    /// The result of one indicator.
    public func indicator(_ id: String) -> IndicatorResult? { indicators.first { $0.id == id } }
    /// The flagged indicators.
    public var flagged: [IndicatorResult] { indicators.filter(\.flagged) }
}

/// Spec §3.9: the totals with every flagged indicator at its lowest and at its highest, and the
/// grades and certification they give. The grade can only end between `gradeHigh` and `gradeLow`.
public struct GradeRange: Sendable, Hashable {
    public var low: Points
    public var high: Points
    public var gradeLow: Int
    public var gradeHigh: Int
    public var certifiedLow: Bool
    public var certifiedHigh: Bool

    public init(low: Points, high: Points, gradeLow: Int, gradeHigh: Int, certifiedLow: Bool, certifiedHigh: Bool) {
        self.low = low; self.high = high; self.gradeLow = gradeLow; self.gradeHigh = gradeHigh
        self.certifiedLow = certifiedLow; self.certifiedHigh = certifiedHigh
    }

    /// Whether the range holds more than one grade.
    public var crossesGrade: Bool { gradeLow != gradeHigh }
    /// Whether the range crosses the certification line (certified at one end, not at the other).
    public var crossesCertification: Bool { certifiedLow != certifiedHigh }
}
