import CityCertCore

/// The applications list: every application with the member's progress, filtered and sorted.
public struct ApplicationListState: Sendable {
    public enum TypeFilter: Sendable, CaseIterable { case all, large, small }
    public enum StatusFilter: Sendable, CaseIterable { case all, toDo, inProgress, submitted }
    public enum Sort: Sendable, CaseIterable { case id, name, population, progress }

    public var all: [ApplicationSummary] { didSet { orders = Orders(all); refilter() } }
    public var cursor = 0
    /// Where the audit log ended when the rows were read: the applications it names after that are
    /// read again by a refresh (nil: read every row).
    public var auditCursor: Int64?
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

    /// Some rows read again (a nil row: gone; a new id: added), and which applications are now final.
    public mutating func refresh(_ changed: [(id: String, row: ApplicationSummary?)], final: Set<String>) {
        var rows = all
        for i in rows.indices where rows[i].isFinal != final.contains(rows[i].id) { rows[i].isFinal.toggle() }
        for (id, row) in changed {
            if let i = rows.firstIndex(where: { $0.id == id }) {
                if let row { rows[i] = row } else { rows.remove(at: i) }
            } else if let row {
                rows.append(row)
            }
        }
        all = rows
    }

    private mutating func refilter() {
        let wanted = Orders.mask(typeFilter, statusFilter)
        let ko = order(.ko).filter { orders.classes[$0] & wanted.type != 0 && orders.classes[$0] & wanted.status != 0 }
        shown = (ko, sort == .name ? order(.en).filter { orders.classes[$0] & wanted.type != 0 && orders.classes[$0] & wanted.status != 0 } : ko)
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
    public typealias Rows = OrderedRows<ApplicationSummary>

    /// Positions in `all`, in each sort order, and each row's class for the filters: a filter or sort
    /// key is then a pass over integers (at 5,000 applications, comparing names and looking up each
    /// row's progress took several milliseconds a key).
    struct Orders: Sendable {
        var id: [Int], population: [Int], progress: [Int], nameKo: [Int], nameEn: [Int]
        /// Per row: one bit for its type, one for its status (see ``mask(_:_:)``).
        var classes: [UInt8]

        init(_ all: [ApplicationSummary]) {
            let idx = Array(all.indices)
            let ids = all.map { Array($0.id.utf8) }
            func byKey<K: Comparable>(_ key: (Int) -> K) -> [Int] {
                let keys = idx.map(key)
                return idx.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : ids[$0].lexicographicallyPrecedes(ids[$1]) }
            }
            id = idx.sorted { ids[$0].lexicographicallyPrecedes(ids[$1]) }
            population = byKey { -(all[$0].population ?? 0) }
            progress = byKey { ApplicationListState.rank(all[$0]) }
            // Names in Unicode scalar order (their UTF-8 bytes), which is how Swift orders them once
            // normalized; Hangul syllables are in dictionary order there.
            func byName(_ language: Language) -> [Int] {
                let names = all.map { Array($0.government.text(language).utf8) }
                return idx.sorted { names[$0] != names[$1] ? names[$0].lexicographicallyPrecedes(names[$1]) : ids[$0].lexicographicallyPrecedes(ids[$1]) }
            }
            nameKo = byName(.ko)
            nameEn = byName(.en)
            classes = all.map(Orders.rowClass)
        }

        static let large: UInt8 = 1, small: UInt8 = 2, untyped: UInt8 = 4
        static let toDo: UInt8 = 8, inProgress: UInt8 = 16, submitted: UInt8 = 32, other: UInt8 = 64

        static func rowClass(_ s: ApplicationSummary) -> UInt8 {
            let type = s.cityType == .large ? large : s.cityType == .small ? small : untyped
            let written = s.progress[.written] ?? .notStarted
            let status: UInt8
            switch written {
            case .notStarted: status = s.canOpen ? toDo : other
            case .draft: status = inProgress
            case .submitted: status = submitted
            case .notOnTeam: status = other
            }
            return type | status
        }

        /// The bits a row needs (one of each group) to pass the filters.
        static func mask(_ type: TypeFilter, _ status: StatusFilter) -> (type: UInt8, status: UInt8) {
            let t: UInt8
            switch type {
            case .all: t = large | small | untyped
            case .large: t = large
            case .small: t = small
            }
            let st: UInt8
            switch status {
            case .all: st = toDo | inProgress | submitted | other
            case .toDo: st = toDo
            case .inProgress: st = inProgress
            case .submitted: st = submitted
            }
            return (t, st)
        }
    }

    /// The rows shown, after filter and sort.
    public func visible(language: Language) -> Rows {
        Rows(all: all, order: language == .ko ? shown.ko : shown.en)
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
