import CityCertCore

/// Who is at the keyboard and what they work on: fixed for a session.
public struct Session: Sendable {
    public var member: Member
    public var standards: Standards
    public var committee: Committee
    public var roundTitle: LocalizedText
    /// Where the store is, shown in the header.
    public var storePath: String

    public init(member: Member, standards: Standards, committee: Committee, roundTitle: LocalizedText, storePath: String) {
        self.member = member; self.standards = standards; self.committee = committee
        self.roundTitle = roundTitle; self.storePath = storePath
    }
}

/// A member's progress on one phase of one application.
public enum SheetProgress: Sendable, Equatable {
    /// Site phase of an application whose site team the member is not on.
    case notOnTeam
    case notStarted
    case draft(done: Int, of: Int)
    case submitted
}

/// One row of the applications list.
public struct ApplicationSummary: Sendable, Identifiable {
    public var id: String
    public var government: LocalizedText
    public var province: LocalizedText?
    public var population: Int?
    public var cityType: CityType?
    /// The first error of an invalid application; nil when valid.
    public var problem: String?
    /// The member's conflict of interest on it, if any: then it cannot be opened.
    public var conflict: Conflict?
    public var isFinal: Bool
    public var progress: [Phase: SheetProgress]

    public init(id: String, government: LocalizedText, province: LocalizedText? = nil, population: Int? = nil,
                cityType: CityType? = nil, problem: String? = nil, conflict: Conflict? = nil, isFinal: Bool = false,
                progress: [Phase: SheetProgress] = [:]) {
        self.id = id; self.government = government; self.province = province; self.population = population
        self.cityType = cityType; self.problem = problem; self.conflict = conflict; self.isFinal = isFinal
        self.progress = progress
    }

    public var isValid: Bool { problem == nil }
    /// Whether the member may open it to score.
    public var canOpen: Bool { isValid && conflict == nil }
}

/// An application opened for scoring: the application, the member's own sheet, and what the member
/// may see of the others (only phases the member has submitted).
public struct OpenApplication: Sendable {
    public var application: Application
    public var sheet: ScoreSheet
    /// Other members' results per indicator, for the phases the member has submitted.
    public var peers: [Phase: [String: PhaseResult]]
    public var isFinal: Bool
    /// Whether the member is on the site team.
    public var onSiteTeam: Bool
    /// For the phases the member has submitted: the eligible members who have not submitted yet.
    public var notSubmitted: [Phase: [String]] = [:]
    /// Committee members' names by id, for the peer panel.
    public var memberNames: [String: String] = [:]

    public init(application: Application, sheet: ScoreSheet, peers: [Phase: [String: PhaseResult]] = [:],
                isFinal: Bool = false, onSiteTeam: Bool = true) {
        self.application = application; self.sheet = sheet; self.peers = peers
        self.isFinal = isFinal; self.onSiteTeam = onSiteTeam
    }
}
