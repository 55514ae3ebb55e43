import Foundation

/// The certification standards: fields → items → indicators, with the scoring, aggregation and grading rules.
public struct Standards: Sendable {
    public var id: String
    public var title: LocalizedText
    public var largeCityMinPopulation: Int
    public var combination: PhaseCombination
    public var aggregation: AggregationMethod
    /// trimmed-mean drops the highest and lowest only with at least this many values.
    public var trimMinMembers: Int
    public var flagSpreadShare: Share
    /// Grade bands, best (highest min_percent) first.
    public var grades: [GradeBand]
    public var certifiedGrades: Set<Int>
    /// The fields in order; `let`, like the indexes below that are derived from them once.
    public let fields: [Field]

    /// Every indicator in standards order.
    public let indicators: [Indicator]
    private let indicatorIndex: [String: Int]
    private let location: [String: (field: String, item: String)]
    /// The applicable indicators per city type, computed once (they are asked for per sheet and per screen).
    private let applicable: [CityType: [Indicator]]
    private let applicableIDs: [CityType: [String]]
    private let maxima: [CityType: Points]
    private let applicableByPosition: [CityType: [Bool]]

    public init(id: String, title: LocalizedText, largeCityMinPopulation: Int, combination: PhaseCombination,
                aggregation: AggregationMethod, trimMinMembers: Int, flagSpreadShare: Share,
                grades: [GradeBand], certifiedGrades: Set<Int>, fields: [Field]) {
        self.id = id
        self.title = title
        self.largeCityMinPopulation = largeCityMinPopulation
        self.combination = combination
        self.aggregation = aggregation
        self.trimMinMembers = trimMinMembers
        self.flagSpreadShare = flagSpreadShare
        self.grades = grades.sorted { $0.minPercent > $1.minPercent }
        self.certifiedGrades = certifiedGrades
        self.fields = fields
        var all: [Indicator] = []
        var index: [String: Int] = [:]
        var loc: [String: (String, String)] = [:]
        for f in fields {
            for it in f.items {
                for ind in it.indicators where index[ind.id] == nil {
                    index[ind.id] = all.count
                    loc[ind.id] = (f.id, it.id)
                    all.append(ind)
                }
            }
        }
        indicators = all
        indicatorIndex = index
        location = loc
        var byType: [CityType: [Indicator]] = [:]
        for type in CityType.allCases { byType[type] = all.filter { $0.isApplicable(to: type) } }
        applicable = byType
        applicableIDs = byType.mapValues { $0.map(\.id) }
        applicableByPosition = Dictionary(uniqueKeysWithValues: CityType.allCases.map { type in (type, all.map { $0.isApplicable(to: type) }) })
        maxima = Dictionary(uniqueKeysWithValues: byType.map { type, list in (type, list.reduce(.zero) { $0 + $1.points(for: type) }) })
    }

    /// The indicator with this id.
    public func indicator(_ id: String) -> Indicator? { indicatorIndex[id].map { indicators[$0] } }
    /// The position of an indicator in ``indicators`` (reading `indicators[i].kind` copies less
    /// than ``indicator(_:)``, which copies the whole indicator: names, points and bands).
    public func position(of id: String) -> Int? { indicatorIndex[id] }
    /// The field and item ids holding an indicator.
    public func location(of indicatorID: String) -> (field: String, item: String)? { location[indicatorID] }

    /// The city type a population implies.
    public func cityType(forPopulation population: Int) -> CityType {
        population >= largeCityMinPopulation ? .large : .small
    }

    /// The indicators applicable to a city type (points above 0), in standards order.
    public func applicableIndicators(for type: CityType) -> [Indicator] {
        applicable[type] ?? indicators.filter { $0.isApplicable(to: type) }
    }

    /// Whether each indicator of ``indicators`` (by position) applies to a city type.
    public func applicability(for type: CityType) -> [Bool] {
        applicableByPosition[type] ?? indicators.map { $0.isApplicable(to: type) }
    }

    /// The ids of ``applicableIndicators(for:)``.
    public func applicableIndicatorIDs(for type: CityType) -> [String] {
        applicableIDs[type] ?? applicableIndicators(for: type).map(\.id)
    }

    /// The maximum total for a city type.
    public func maxPoints(for type: CityType) -> Points {
        maxima[type] ?? applicableIndicators(for: type).reduce(.zero) { $0 + $1.points(for: type) }
    }
}

/// One of the three fields (혁신성, 거버넌스·제도, 서비스·기술·인프라).
public struct Field: Sendable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var items: [Item]
    public init(id: String, name: LocalizedText, items: [Item]) { self.id = id; self.name = name; self.items = items }
}

/// An item of a field, holding indicators.
public struct Item: Sendable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var indicators: [Indicator]
    public init(id: String, name: LocalizedText, indicators: [Indicator]) { self.id = id; self.name = name; self.indicators = indicators }
}

/// A scored indicator, quantitative (value against bands) or qualitative (maturity level).
///
/// A value with its fields in one shared box (copied only when a copy is changed): the evaluation and
/// the sheet checks look indicators up for every entry of every sheet, and copying the names, points
/// and bands field by field (a retain each) was a measurable part of reading a round.
public struct Indicator: Sendable, Identifiable {
    private final class Box: @unchecked Sendable {   // never changed once shared: see `box`
        var id: String
        var name: LocalizedText
        var description: LocalizedText?
        var points: [CityType: Points]
        var kind: IndicatorKind
        var range: ValueRange?

        init(id: String, name: LocalizedText, description: LocalizedText?, points: [CityType: Points],
             kind: IndicatorKind, range: ValueRange?) {
            self.id = id; self.name = name; self.description = description; self.points = points; self.kind = kind
            self.range = range
        }

        func copy() -> Box { Box(id: id, name: name, description: description, points: points, kind: kind, range: range) }
    }

    private var stored: Box
    /// The box, made this value's own before a change.
    private var box: Box {
        mutating get {
            if !isKnownUniquelyReferenced(&stored) { stored = stored.copy() }
            return stored
        }
    }

    public var id: String { get { stored.id } set { box.id = newValue } }
    public var name: LocalizedText { get { stored.name } set { box.name = newValue } }
    public var description: LocalizedText? { get { stored.description } set { box.description = newValue } }
    public var points: [CityType: Points] { get { stored.points } set { box.points = newValue } }
    public var kind: IndicatorKind { get { stored.kind } set { box.kind = newValue } }
    /// The values that make sense (quantitative only); nil: any value.
    public var range: ValueRange? { get { stored.range } set { box.range = newValue } }

    public init(id: String, name: LocalizedText, description: LocalizedText? = nil,
                points: [CityType: Points], kind: IndicatorKind, range: ValueRange? = nil) {
        stored = Box(id: id, name: name, description: description, points: points, kind: kind, range: range)
    }

    /// Whether a value is within the indicator's ``range`` (always, without one).
    public func allows(_ value: Decimal) -> Bool { range?.contains(value) ?? true }

    /// Points for a city type; zero when not applicable.
    public func points(for type: CityType) -> Points { points[type] ?? .zero }
    /// Applicable when its points for the type are above 0.
    public func isApplicable(to type: CityType) -> Bool { points(for: type) > .zero }

    public var isQuantitative: Bool { if case .quantitative = kind { return true } else { return false } }

    /// The levels of a qualitative indicator, best first; empty for a quantitative one.
    public var levels: [Level] { if case .qualitative(let l) = kind { return l } else { return [] } }
    /// The bands of a quantitative indicator; empty for a qualitative one.
    public var bands: [Band] { if case .quantitative(_, let b) = kind { return b } else { return [] } }
    /// The unit of a quantitative indicator.
    public var unit: LocalizedText? { if case .quantitative(let u, _) = kind { return u } else { return nil } }

    /// The share an entry earns: the first band met by its value, or the chosen level's share.
    /// Nil when the entry does not fit the indicator (no value / unknown level).
    public func share(for entry: Entry) -> Share? {
        switch kind {
        case .quantitative(_, let bands):
            guard let v = entry.value else { return nil }
            return Band.share(of: v, exact: entry.exactValue, in: bands)
        case .qualitative(let levels):
            guard let l = entry.level else { return nil }
            return levels.first { $0.level == l }?.share
        }
    }

    /// The index of the first band a value meets.
    public func bandIndex(for value: Decimal) -> Int? { bands.firstIndex { $0.isMet(by: value) } }
}

/// Quantitative or qualitative, with what scores it.
public enum IndicatorKind: Sendable {
    case quantitative(unit: LocalizedText?, bands: [Band])
    case qualitative(levels: [Level])
}

/// A scoring band of a quantitative indicator: `at_least` (higher is better) or `at_most` (lower is better).
public struct Band: Sendable, Hashable {
    public enum Bound: Sendable, Hashable { case atLeast(Decimal), atMost(Decimal) }
    public var bound: Bound { didSet { exactThreshold = Self.exact(bound) } }
    public var share: Share
    /// The threshold held exactly (see ``ExactDecimal``).
    private var exactThreshold: ExactDecimal?

    public init(bound: Bound, share: Share) {
        self.bound = bound; self.share = share
        exactThreshold = Self.exact(bound)
    }

    private static func exact(_ bound: Bound) -> ExactDecimal? {
        switch bound {
        case .atLeast(let t), .atMost(let t): return ExactDecimal(t)
        }
    }

    /// Whether a value meets this band; `exact` is the same value held exactly, when the caller has it.
    public func isMet(by value: Decimal, exact: ExactDecimal? = nil) -> Bool {
        if let exact, let exactThreshold {
            switch bound {
            case .atLeast: return exact >= exactThreshold
            case .atMost: return exact <= exactThreshold
            }
        }
        switch bound {
        case .atLeast(let t): return value >= t
        case .atMost(let t): return value <= t
        }
    }

    /// The share of the first band met; zero when none is.
    public static func share(of value: Decimal, exact: ExactDecimal? = nil, in bands: [Band]) -> Share {
        bands.first { $0.isMet(by: value, exact: exact) }?.share ?? .zero
    }
}

/// A maturity level of a qualitative indicator with its descriptor.
public struct Level: Sendable, Hashable {
    public var level: Int
    public var share: Share
    public var text: LocalizedText
    public init(level: Int, share: Share, text: LocalizedText) { self.level = level; self.share = share; self.text = text }
}

/// A grade and the lowest percentage that reaches it.
public struct GradeBand: Sendable, Hashable {
    public var grade: Int
    /// Percent with up to two decimals.
    public var minPercent: Points
    public init(grade: Int, minPercent: Points) { self.grade = grade; self.minPercent = minPercent }
}

/// How the written and site phases combine (spec §3.4).
public enum PhaseCombination: Sendable, Hashable {
    case weighted(written: Share, site: Share)
    case siteRevises
}

/// How members' points for one indicator and phase become one figure (spec §3.3).
public enum AggregationMethod: String, Sendable, Hashable, CaseIterable {
    case mean
    case median
    case trimmedMean = "trimmed-mean"
}
