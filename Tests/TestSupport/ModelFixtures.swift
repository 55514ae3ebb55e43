import CityCertCore
import Foundation

/// Standards and committee built in code, as small as the rules need.
public enum Fixture {
    public static func qual(_ id: String, large: Int, small: Int) -> Indicator {
        Indicator(id: id, name: LocalizedText(ko: "지표 \(id)", en: "Indicator \(id)"),
                  points: [.large: Points(large), .small: Points(small)],
                  kind: .qualitative(levels: (1...5).reversed().map { Level(level: $0, share: Share(tenThousandths: Int64($0) * 2000), text: LocalizedText("L\($0)")) }))
    }

    public static func quant(_ id: String, large: Int, small: Int, range: ValueRange? = nil) -> Indicator {
        Indicator(id: id, name: LocalizedText(ko: "정량 \(id)", en: "Quant \(id)"),
                  points: [.large: Points(large), .small: Points(small)],
                  kind: .quantitative(unit: LocalizedText("건"), bands: [
                    Band(bound: .atLeast(10), share: .one),
                    Band(bound: .atLeast(5), share: Share("0.6667")!),
                    Band(bound: .atLeast(0), share: Share("0.2")!),
                  ]), range: range)
    }

    public static func standards(combination: PhaseCombination = .weighted(written: Share("0.7")!, site: Share("0.3")!),
                          method: AggregationMethod = .trimmedMean, q1Range: ValueRange? = nil) -> Standards {
        Standards(id: "t", title: LocalizedText("t"), largeCityMinPopulation: 500_000, combination: combination,
                  aggregation: method, trimMinMembers: 5, flagSpreadShare: Share("0.25")!,
                  grades: [90, 80, 70, 60, 0].enumerated().map { GradeBand(grade: $0.offset + 1, minPercent: Points($0.element)) },
                  certifiedGrades: [1, 2, 3],
                  fields: [
                    Field(id: "f1", name: LocalizedText("혁신성"), items: [
                        Item(id: "i1", name: LocalizedText("데이터"), indicators: [quant("Q1", large: 40, small: 50, range: q1Range), qual("L1", large: 60, small: 50)]),
                    ]),
                    // A field and an item may share an id (each kind has its own ids): "services" is both.
                    Field(id: "services", name: LocalizedText("서비스"), items: [
                        Item(id: "services", name: LocalizedText("센터"), indicators: [qual("L2", large: 100, small: 0)]),
                    ]),
                  ])
    }

    public static let members = ["m1", "m2", "m3", "m4", "m5", "m6"]
    public static func committee(siteTeam: [String]? = ["m1", "m2"], conflicts: [Conflict] = []) -> Committee {
        Committee(members: [Member(id: "chair", name: "의장", role: .chair)] + members.map { Member(id: $0, name: "위원 \($0)", role: .member) }
                    + [Member(id: "sec", name: "간사", role: .secretary)],
                  conflicts: conflicts, siteTeams: siteTeam.map { ["a": $0] } ?? [:])
    }

    public static func app(type: CityType) -> Application {
        Application(id: "a", government: LocalizedText(ko: "수원시", en: "Suwon-si"), population: type == .large ? 1_000_000 : 100_000, cityType: type)
    }

    public static func sheet(_ member: String, written: [String: Entry]? = nil, site: [String: Entry]? = nil,
                      status: SheetStatus = .submitted) -> ScoreSheet {
        var phases: [Phase: PhaseSheet] = [:]
        if let written { phases[.written] = PhaseSheet(status: status, entries: written) }
        if let site { phases[.site] = PhaseSheet(status: status, entries: site) }
        return ScoreSheet(application: "a", member: member, phases: phases)
    }

    public static func levels(_ l1: Int, _ l2: Int? = nil, q1: Decimal = 12) -> [String: Entry] {
        var e: [String: Entry] = ["Q1": Entry(value: q1), "L1": Entry(level: l1)]
        if let l2 { e["L2"] = Entry(level: l2) }
        return e
    }
}

