import CityCertCore

/// Scoring one application in one phase: the tree of indicators with a cursor, and the open sheet.
public struct ScoringState: Sendable {
    public var open: OpenApplication
    public var phase: Phase
    /// Index into `indicators`.
    public var cursor = 0
    /// The applicable indicators, in standards order.
    public let indicators: [Indicator]
    /// The tree rows (fields, items, indicators) drawn on the left.
    public let rows: [TreeRow]
    /// When the sheet was last saved, for the status line.
    public var savedAt: String?
    /// The last search, offered again by `/` so that Enter finds the next match.
    public var lastFind = ""
    /// The evidence viewer (`o`), open over the panes; scoring keys act on its indicator.
    public var viewer: EvidenceViewerState?

    public init(open: OpenApplication, standards: Standards, phase: Phase = .written) {
        self.open = open
        self.phase = phase
        let type = open.application.cityType
        var rows: [TreeRow] = []
        var indicators: [Indicator] = []
        for field in standards.fields {
            let items = field.items.filter { $0.indicators.contains { $0.isApplicable(to: type) } }
            guard !items.isEmpty else { continue }
            rows.append(.field(field.id, field.name))
            for item in items {
                rows.append(.item(item.id, item.name))
                for ind in item.indicators where ind.isApplicable(to: type) {
                    rows.append(.indicator(indicators.count))
                    indicators.append(ind)
                }
            }
        }
        self.rows = rows
        self.indicators = indicators
    }

    public var application: Application { open.application }
    public var current: Indicator? { indicators.indices.contains(cursor) ? indicators[cursor] : nil }
    public var phaseSheet: PhaseSheet? { open.sheet.phases[phase] }
    public var isSubmitted: Bool { phaseSheet?.status == .submitted }
    /// Whether the member may change entries now.
    public var isEditable: Bool { !isSubmitted && !open.isFinal && (phase == .written || open.onSiteTeam) }

    public func entry(_ id: String) -> Entry? { phaseSheet?.entries[id] }

    /// Points an entry earns on an indicator, for this city type.
    public func points(_ ind: Indicator, _ entry: Entry?) -> Points? {
        guard let entry, let share = ind.share(for: entry) else { return nil }
        return ind.points(for: application.cityType).times(share)
    }

    /// The most this application can score.
    public var maxPoints: Points { indicators.reduce(.zero) { $0 + $1.points(for: application.cityType) } }

    /// The member's running total in this phase, the points not yet entered, and how many are entered.
    public var tally: (total: Points, open: Points, done: Int) {
        var total = Points.zero, open = Points.zero, done = 0
        for ind in indicators {
            if let p = points(ind, entry(ind.id)) { total += p; done += 1 } else { open += ind.points(for: application.cityType) }
        }
        return (total, open, done)
    }
}

/// A row of the indicator tree.
public enum TreeRow: Sendable, Equatable {
    case field(String, LocalizedText)
    case item(String, LocalizedText)
    case indicator(Int)

    public static func == (a: TreeRow, b: TreeRow) -> Bool {
        switch (a, b) {
        case let (.field(x, _), .field(y, _)), let (.item(x, _), .item(y, _)): return x == y
        case let (.indicator(x), .indicator(y)): return x == y
        default: return false
        }
    }
}
