import Foundation

/// A local government's application: form, quantitative proposal and qualitative self-evaluation.
public struct Application: Sendable, Identifiable {
    public var id: String
    public var government: LocalizedText
    public var province: LocalizedText?
    public var population: Int
    public var cityType: CityType
    public var submittedAt: String?
    /// Submitted value per quantitative indicator.
    public var quantitative: [String: SubmittedValue]
    /// Claimed level per qualitative indicator.
    public var selfEvaluation: [String: SelfEvaluation]

    public init(id: String, government: LocalizedText, province: LocalizedText? = nil, population: Int,
                cityType: CityType, submittedAt: String? = nil,
                quantitative: [String: SubmittedValue] = [:], selfEvaluation: [String: SelfEvaluation] = [:]) {
        self.id = id; self.government = government; self.province = province; self.population = population
        self.cityType = cityType; self.submittedAt = submittedAt
        self.quantitative = quantitative; self.selfEvaluation = selfEvaluation
    }
}

/// A file of evidence, with the page the applicant's lookup table names.
public struct Evidence: Sendable, Hashable {
    public var file: String
    public var page: Int?
    public init(file: String, page: Int? = nil) { self.file = file; self.page = page }
}

/// The value an applicant submitted for a quantitative indicator.
public struct SubmittedValue: Sendable, Hashable {
    public var value: Decimal
    public var evidence: [Evidence]
    public var note: String?
    public init(value: Decimal, evidence: [Evidence] = [], note: String? = nil) {
        self.value = value; self.evidence = evidence; self.note = note
    }
}

/// The maturity level an applicant claims for a qualitative indicator.
public struct SelfEvaluation: Sendable, Hashable {
    public var level: Int
    public var narrative: String?
    public var evidence: [Evidence]
    public init(level: Int, narrative: String? = nil, evidence: [Evidence] = []) {
        self.level = level; self.narrative = narrative; self.evidence = evidence
    }
}
