/// How solid a grade is (for the chair): the margins to the grade boundaries, the grade the same
/// sheets give under each aggregation method, the flagged indicators that alone could move the
/// city across the certification line, and each member's mean difference from the consensus.
///
/// Shown, never used to change a score.
public struct Robustness: Sendable {
    /// Points to gain to reach the next better grade; nil at the best grade.
    public var toNextGrade: Points?
    /// Points that can be lost while keeping the grade; nil at the lowest grade (it cannot drop).
    public var aboveBoundary: Points?
    /// The lowest total that is certified (nil when no grade certifies).
    public var certificationLine: Points?
    public var byMethod: [MethodOutcome]
    public var pivotal: [PivotalIndicator]
    public var members: [MemberLean]
    /// Spec §3.9: the totals and grades the flagged indicators together can reach.
    public var range: GradeRange
    /// The flagged indicators, the widest low–high first: what moves the range most.
    public var movers: [Mover]
    /// How far the range is from the certification line: zero when it crosses it (see
    /// ``certificationDistance(_:line:)``).
    public var lineDistance: Points
    /// The total minus the certification line: positive above it, negative below (nil without one).
    public var aboveLine: Points?

    /// A flagged indicator with its own low and high (spec §3.9).
    public struct Mover: Sendable, Equatable {
        public var id: String
        public var score: Points
        public var low: Points
        public var high: Points
        public var width: Points { high - low }
    }

    /// The total and grade under one aggregation method.
    public struct MethodOutcome: Sendable, Equatable {
        public var method: AggregationMethod
        public var total: Points
        public var grade: Int
        public var certified: Bool
    }

    /// A flagged indicator whose score, moved to its low or high (spec §3.9), alone
    /// changes certification.
    public struct PivotalIndicator: Sendable, Equatable {
        public var id: String
        public var score: Points
        /// The indicator at its low (high) of spec §3.9: each phase at its lowest (highest) points.
        public var low: Points
        public var high: Points
        /// The total with that one indicator at `low` (if certified now) or `high` (if not).
        public var totalIfMoved: Points
        /// True when the move would lose certification; false when it would gain it.
        public var couldLose: Bool
    }

    /// A member's mean difference from the aggregate over the indicators they scored (both phases).
    public struct MemberLean: Sendable, Equatable {
        public var member: String
        public var meanDifference: Points
        public var count: Int
    }

    /// The lowest total (in hundredths) that reaches a band: `ceil(min_percent × max / 100)`.
    public static func threshold(_ band: GradeBand, max: Points) -> Points {
        let product = band.minPercent.hundredths * max.hundredths      // in 10^-4 × 10^-2 … / 100 → hundredths × 10^4
        let q = product / 10_000, r = product % 10_000
        return Points(hundredths: r > 0 ? q + 1 : q)
    }

    /// Analyses an evaluation; `byMethod` holds the same application evaluated under each method.
    public static func analyze(_ e: ApplicationEvaluation, byMethod: [ApplicationEvaluation], standards: Standards) -> Robustness {
        let grades = standards.grades  // best first
        let current = grades.firstIndex { $0.grade == e.grade }
        var toNext: Points?
        var above: Points?
        if let i = current {
            if i > 0 { toNext = threshold(grades[i - 1], max: e.max) - e.total }
            if grades[i].minPercent > .zero { above = e.total - threshold(grades[i], max: e.max) }
        }
        let certifiedBands = grades.filter { standards.certifiedGrades.contains($0.grade) }
        let line = certifiedBands.last.map { threshold($0, max: e.max) }

        var pivotal: [PivotalIndicator] = []
        if let line {
            for r in e.indicators where r.flagged {
                // The indicator at its own low or high of spec §3.9 (each phase at its extreme).
                let lo = r.low, hi = r.high
                let moved = e.certified ? e.total - r.score + lo : e.total - r.score + hi
                let crosses = e.certified ? moved < line : moved >= line
                if crosses {
                    pivotal.append(PivotalIndicator(id: r.id, score: r.score, low: lo, high: hi, totalIfMoved: moved, couldLose: e.certified))
                }
            }
        }

        var diffs: [String: [Points]] = [:]
        for r in e.indicators {
            for phase in [r.written, r.site] {
                guard let agg = phase.aggregate else { continue }
                for m in phase.members { diffs[m.member, default: []].append(m.points - agg) }
            }
        }
        let members = diffs.keys.sorted().map { id in
            MemberLean(member: id, meanDifference: Points.mean(diffs[id]!), count: diffs[id]!.count)
        }

        let movers = e.indicators.filter(\.flagged)
            .map { Mover(id: $0.id, score: $0.score, low: $0.low, high: $0.high) }
            .sorted { ($0.width, $1.id) > ($1.width, $0.id) }

        return Robustness(
            toNextGrade: toNext, aboveBoundary: above, certificationLine: line,
            byMethod: byMethod.map { MethodOutcome(method: $0.method, total: $0.total, grade: $0.grade, certified: $0.certified) },
            pivotal: pivotal, members: members, range: e.range, movers: movers,
            lineDistance: certificationDistance(e.range, line: line), aboveLine: line.map { e.total - $0 })
    }

    /// The distance from a range to the certification line: zero when the line lies within it
    /// (the grade can end on either side), else the gap between the line and the nearer end.
    public static func certificationDistance(_ range: GradeRange, line: Points?) -> Points {
        guard let line else { return Points(hundredths: Int64.max / 4) }
        if range.crossesCertification || (range.low < line && range.high >= line) { return .zero }
        return range.low >= line ? range.low - line : line - range.high
    }

    /// The grades a range holds, best first (`grade_high` … `grade_low`).
    public static func grades(in range: GradeRange, standards: Standards) -> [Int] {
        let all = standards.grades.map(\.grade)
        guard let hi = all.firstIndex(of: range.gradeHigh), let lo = all.firstIndex(of: range.gradeLow), hi <= lo else {
            return [range.gradeHigh]
        }
        return Array(all[hi...lo])
    }

    /// The distance to the nearest grade boundary (above or below), for sorting the overview.
    public var nearestBoundary: Points {
        [toNextGrade, aboveBoundary].compactMap { $0 }.min() ?? Points(hundredths: Int64.max / 4)
    }
}
