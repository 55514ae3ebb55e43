/// Every application of a round evaluated, with what the reports need to name things.
public struct RoundEvaluation: Sendable {
    public var round: String
    public var title: LocalizedText
    public var standards: Standards
    public var committee: Committee
    /// Valid applications in id order.
    public var applications: [EvaluatedApplication]
    /// Errors that made an application (or another file) unusable: the report's `invalid`.
    public var invalid: [Problem]

    public init(round: String, title: LocalizedText, standards: Standards, committee: Committee,
                applications: [EvaluatedApplication], invalid: [Problem]) {
        self.round = round; self.title = title; self.standards = standards; self.committee = committee
        self.applications = applications; self.invalid = invalid
    }
}

/// One application with its evaluation and decision.
public struct EvaluatedApplication: Sendable {
    public var application: Application
    public var evaluation: ApplicationEvaluation
    public var decision: Decision?
    /// Errors that left one of its sheets or its decision file out (a damaged sheet is named, not
    /// taken for a sheet never submitted).
    public var problems: [Problem]
    public init(application: Application, evaluation: ApplicationEvaluation, decision: Decision?, problems: [Problem] = []) {
        self.application = application; self.evaluation = evaluation; self.decision = decision; self.problems = problems
    }

    /// Whether the decision's total or grade disagrees with the sheets as they are now.
    public var decisionDisagrees: Bool { decision.map { evaluation.disagrees(with: $0) } ?? false }

    /// The members whose sheet file cannot be read, with why (`scores/<member>/<app>.json`).
    public var damagedSheets: [(member: String, reason: String)] {
        problems.compactMap { p in
            let parts = p.path.split(separator: "/")
            guard parts.count == 3, parts[0] == "scores", parts[2] == "\(application.id).json" else { return nil }
            return (String(parts[1]), p.message)
        }
    }
}

extension ApplicationEvaluation {
    /// Whether a decision's recorded total or grade differs from what the sheets give now (written
    /// outside citycert, or sheets changed behind a final application).
    public func disagrees(with decision: Decision) -> Bool {
        decision.total != total.description || decision.grade != grade
    }
}
