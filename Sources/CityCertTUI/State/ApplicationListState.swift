import CityCertCore

/// The applications list: every application with the member's progress, filtered and sorted.
public struct ApplicationListState: Sendable {
    public enum TypeFilter: Sendable, CaseIterable { case all, large, small }
    public enum StatusFilter: Sendable, CaseIterable { case all, toDo, inProgress, submitted }
    public enum Sort: Sendable, CaseIterable { case id, name, population, progress }

    public var all: [ApplicationSummary]
    public var cursor = 0
    public var typeFilter: TypeFilter = .all
    public var statusFilter: StatusFilter = .all
    public var sort: Sort = .id

    public init(all: [ApplicationSummary]) { self.all = all }

    /// The rows shown, after filter and sort.
    public func visible(language: Language) -> [ApplicationSummary] {
        let filtered = all.filter { s in
            switch typeFilter {
            case .all: break
            case .large: if s.cityType != .large { return false }
            case .small: if s.cityType != .small { return false }
            }
            let written = s.progress[.written] ?? .notStarted
            switch statusFilter {
            case .all: return true
            case .toDo: return s.canOpen && written == .notStarted
            case .inProgress: if case .draft = written { return true } else { return false }
            case .submitted: return written == .submitted
            }
        }
        switch sort {
        case .id: return filtered.sorted { $0.id < $1.id }
        case .name: return filtered.sorted { ($0.government.text(language), $0.id) < ($1.government.text(language), $1.id) }
        case .population: return filtered.sorted { ($0.population ?? 0, $0.id) > ($1.population ?? 0, $1.id) }
        case .progress: return filtered.sorted { (Self.rank($0), $0.id) < (Self.rank($1), $1.id) }
        }
    }

    /// Least done first, so the work to do comes to the top.
    static func rank(_ s: ApplicationSummary) -> Int {
        guard s.canOpen else { return 9 }
        switch s.progress[.written] ?? .notStarted {
        case .notStarted: return 0
        case .draft: return 1
        case .submitted: return s.progress[.site] == .submitted ? 3 : 2
        case .notOnTeam: return 4
        }
    }
}
