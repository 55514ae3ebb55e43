import CityCertCore

/// The applications list: every application with the member's progress, filtered and sorted.
public struct ApplicationListState: Sendable {
    public enum TypeFilter: Sendable, CaseIterable { case all, large, small }
    public enum StatusFilter: Sendable, CaseIterable { case all, toDo, inProgress, submitted }
    public enum Sort: Sendable, CaseIterable { case id, name, population, progress }

    public var all: [ApplicationSummary] { didSet { orders = Orders(all); refilter() } }
    public var cursor = 0
    public var typeFilter: TypeFilter = .all { didSet { refilter() } }
    public var statusFilter: StatusFilter = .all { didSet { refilter() } }
    public var sort: Sort = .id { didSet { refilter() } }
    /// Every sort order, computed once per list, and the rows shown in each language, computed when
    /// a filter or the sort changes: each key press and each draw asks for the rows, and sorting and
    /// copying thousands of rows each time was too slow.
    private var orders: Orders
    private var shown: (ko: [Int], en: [Int]) = ([], [])

    public init(all: [ApplicationSummary]) {
        self.all = all
        orders = Orders(all)
        refilter()
    }

    private mutating func refilter() {
        let ko = order(.ko).filter { shows(all[$0]) }
        shown = (ko, sort == .name ? order(.en).filter { shows(all[$0]) } : ko)
    }

    private func order(_ language: Language) -> [Int] {
        switch sort {
        case .id: return orders.id
        case .name: return language == .ko ? orders.nameKo : orders.nameEn
        case .population: return orders.population
        case .progress: return orders.progress
        }
    }

    /// The rows shown: a view of `all` in the order and with the filters chosen (no copy).
    public struct Rows: RandomAccessCollection, Sendable {
        let all: [ApplicationSummary]
        let order: [Int]
        public var startIndex: Int { 0 }
        public var endIndex: Int { order.count }
        public subscript(i: Int) -> ApplicationSummary { all[order[i]] }
    }

    /// Positions in `all`, in each sort order.
    struct Orders: Sendable {
        var id: [Int], population: [Int], progress: [Int], nameKo: [Int], nameEn: [Int]

        init(_ all: [ApplicationSummary]) {
            let idx = Array(all.indices)
            id = idx.sorted { all[$0].id < all[$1].id }
            population = idx.sorted { (all[$0].population ?? 0, all[$0].id) > (all[$1].population ?? 0, all[$1].id) }
            progress = idx.sorted { (ApplicationListState.rank(all[$0]), all[$0].id) < (ApplicationListState.rank(all[$1]), all[$1].id) }
            func byName(_ language: Language) -> [Int] {
                let names = all.map { $0.government.text(language) }
                return idx.sorted { (names[$0], all[$0].id) < (names[$1], all[$1].id) }
            }
            nameKo = byName(.ko)
            nameEn = byName(.en)
        }
    }

    /// The rows shown, after filter and sort.
    public func visible(language: Language) -> Rows {
        Rows(all: all, order: language == .ko ? shown.ko : shown.en)
    }

    /// Whether a row passes the type and status filters.
    func shows(_ s: ApplicationSummary) -> Bool {
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
