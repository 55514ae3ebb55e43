import CityCertCore
@testable import CityCertTUI
import Testing

/// The list's precomputed orders and filter classes show exactly the rows a plain filter and sort
/// of the summaries would, for every filter, sort and language.
@Suite struct ApplicationListTests {
    static let names = ["수원시", "춘천시", "나주시", "가평군", "Ábaco", "Zeta", "강릉시", "수원시", "a", "B"]

    func randomSummaries(_ count: Int, seed: UInt64) -> [ApplicationSummary] {
        var rng = SplitMix64(seed: seed)
        func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        let progresses: [SheetProgress] = [.notStarted, .draft(done: 1, of: 3), .submitted, .notOnTeam]
        return (0..<count).map { i in
            let id = "2025-\(1000 + pick(40))-\(i)"
            if pick(9) == 0 { return ApplicationSummary(id: id, government: LocalizedText(id), problem: "broken") }
            let ko = Self.names[pick(Self.names.count)], en = Self.names[pick(Self.names.count)]
            return ApplicationSummary(
                id: id, government: LocalizedText(ko: ko, en: en),
                population: pick(4) == 0 ? nil : [120_000, 500_000, 1_000_000][pick(3)],
                cityType: pick(5) == 0 ? nil : (pick(2) == 0 ? .large : .small),
                conflict: pick(7) == 0 ? Conflict(member: "m", application: id) : nil,
                progress: pick(6) == 0 ? [:] : [.written: progresses[pick(4)], .site: progresses[pick(4)]])
        }
    }

    /// What the list must show, written out plainly.
    func expected(_ all: [ApplicationSummary], _ list: ApplicationListState, _ language: Language) -> [String] {
        let shown = all.filter { s in
            switch list.typeFilter {
            case .all: break
            case .large: guard s.cityType == .large else { return false }
            case .small: guard s.cityType == .small else { return false }
            }
            let written = s.progress[.written] ?? .notStarted
            switch list.statusFilter {
            case .all: return true
            case .toDo: return s.canOpen && written == .notStarted
            case .inProgress: if case .draft = written { return true } else { return false }
            case .submitted: return written == .submitted
            }
        }
        let sorted: [ApplicationSummary]
        switch list.sort {
        case .id: sorted = shown.sorted { $0.id < $1.id }
        case .name: sorted = shown.sorted { ($0.government.text(language), $0.id) < ($1.government.text(language), $1.id) }
        // Largest first; the same population by id.
        case .population: sorted = shown.sorted { ($0.population ?? 0) != ($1.population ?? 0) ? ($0.population ?? 0) > ($1.population ?? 0) : $0.id < $1.id }
        case .progress: sorted = shown.sorted { (ApplicationListState.rank($0), $0.id) < (ApplicationListState.rank($1), $1.id) }
        }
        return sorted.map(\.id)
    }

    @Test(arguments: [0, 1, 7, 300])
    func everyFilterAndSortShowsThePlainResult(count: Int) {
        let all = randomSummaries(count, seed: UInt64(count) + 1)
        var list = ApplicationListState(all: all)
        for type in ApplicationListState.TypeFilter.allCases {
            for status in ApplicationListState.StatusFilter.allCases {
                for sort in ApplicationListState.Sort.allCases {
                    list.typeFilter = type; list.statusFilter = status; list.sort = sort
                    for language in [Language.ko, .en] {
                        #expect(list.visible(language: language).map(\.id) == expected(all, list, language),
                                "\(type) \(status) \(sort) \(language)")
                    }
                }
            }
        }
    }
}
