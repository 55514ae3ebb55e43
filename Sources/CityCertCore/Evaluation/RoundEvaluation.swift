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
    public init(application: Application, evaluation: ApplicationEvaluation, decision: Decision?) {
        self.application = application; self.evaluation = evaluation; self.decision = decision
    }
}
