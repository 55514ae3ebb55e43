import CityCertCore
import CityCertReport
import Foundation

/// A small round built in code and evaluated with the real ``Evaluator``: one large city (수원시, final,
/// with a flagged indicator and a site phase) and one small city (안동시, provisional, written phase
/// only, a flagged indicator, a conflicted member), one invalid application, and names that need
/// escaping in every format.
enum ReportFixture {
    /// A name with a comma, quotes, a pipe and HTML specials (IN-02, large cities only).
    static let trickyName = "교통 \"스마트\" 신호, 보행|안전 <시범> & '확대'"
    /// A name too long for the text report's name column (GV-01).
    static let longName = "스마트도시 조례 제정 및 시행규칙 정비와 관련 위원회 구성·운영 실적 평가"
    static let invalidProblem = Problem(path: "applications/2026-jeonju/application.yaml", line: 7,
                                        "city_type 'small' contradicts population 641000")

    static func levels() -> [Level] {
        (1...5).reversed().map { Level(level: $0, share: Share(tenThousandths: Int64($0) * 2000), text: LocalizedText("수준 \($0)")) }
    }

    static let standards = Standards(
        id: "kr-test-2026", title: LocalizedText(ko: "시험 인증기준", en: "Test standards"),
        largeCityMinPopulation: 500_000,
        combination: .weighted(written: Share("0.7")!, site: Share("0.3")!),
        aggregation: .mean, trimMinMembers: 5, flagSpreadShare: Share("0.25")!,
        grades: [90, 80, 70, 60, 0].enumerated().map { GradeBand(grade: $0.offset + 1, minPercent: Points($0.element)) },
        certifiedGrades: [1, 2, 3],
        fields: [
            Field(id: "innovation", name: LocalizedText(ko: "혁신성", en: "Innovation"), items: [
                Item(id: "open-data", name: LocalizedText(ko: "데이터 개방", en: "Open data"), indicators: [
                    Indicator(id: "IN-01", name: LocalizedText(ko: "공공데이터 개방 건수", en: "Open datasets"),
                              points: [.large: Points(40), .small: Points(20)],
                              kind: .quantitative(unit: LocalizedText("건"), bands: [
                                Band(bound: .atLeast(100), share: .one),
                                Band(bound: .atLeast(50), share: Share("0.6")!),
                                Band(bound: .atLeast(0), share: Share("0.2")!),
                              ])),
                    Indicator(id: "IN-02", name: LocalizedText(trickyName),
                              points: [.large: Points(30)], kind: .qualitative(levels: levels())),
                ]),
            ]),
            Field(id: "governance", name: LocalizedText(ko: "거버넌스·제도", en: "Governance"), items: [
                Item(id: "institutions", name: LocalizedText(ko: "제도적 기반", en: "Institutions"), indicators: [
                    Indicator(id: "GV-01", name: LocalizedText(ko: longName, en: "Ordinance"),
                              points: [.large: Points(30), .small: Points(30)], kind: .qualitative(levels: levels())),
                ]),
            ]),
        ])

    static let committee = Committee(
        members: [
            Member(id: "kim", name: "김민수", role: .chair, affiliation: "서울대학교 <환경대학원>"),
            Member(id: "lee", name: "이서연", role: .member, affiliation: "한국교통연구원"),
            Member(id: "park", name: "박준호", role: .member, affiliation: "한양대학교"),
            Member(id: "han", name: "한지우", role: .secretary, affiliation: "국토연구원"),
        ],
        conflicts: [Conflict(member: "park", application: "2026-andong", kind: .exclusion, reason: "자문위원")],
        siteTeams: ["2026-suwon": ["kim", "lee"]])

    static let suwon = Application(id: "2026-suwon", government: LocalizedText(ko: "수원시", en: "Suwon-si"),
                                   province: LocalizedText(ko: "경기도", en: "Gyeonggi-do"), population: 1_190_000, cityType: .large)
    static let andong = Application(id: "2026-andong", government: LocalizedText(ko: "안동시", en: "Andong-si"),
                                    province: LocalizedText(ko: "경상북도", en: "Gyeongsangbuk-do"), population: 153_000, cityType: .small)

    static func sheet(_ member: String, _ app: String, written: [String: Entry]? = nil, site: [String: Entry]? = nil,
                      status: SheetStatus = .submitted) -> ScoreSheet {
        var phases: [Phase: PhaseSheet] = [:]
        if let written { phases[.written] = PhaseSheet(status: status, entries: written) }
        if let site { phases[.site] = PhaseSheet(status: status, entries: site) }
        return ScoreSheet(application: app, member: member, phases: phases)
    }

    /// 수원시 (large): IN-01 written 40, 40, 24 (spread 16 > 10: flagged) → 34.67, site 40 → 36.27;
    /// IN-02 written 30, 30, 12 (spread 18 > 7.5: flagged) → 24, site 24 → 24; GV-01 written 18,
    /// site 24 → 19.80 (not flagged). Total 80.07 of 100: grade 2. park's site sheet does not count.
    static let suwonSheets = [
        sheet("kim", "2026-suwon", written: ["IN-01": Entry(value: 120), "IN-02": Entry(level: 5), "GV-01": Entry(level: 3)],
              site: ["IN-01": Entry(value: 120), "IN-02": Entry(level: 4), "GV-01": Entry(level: 4)]),
        sheet("lee", "2026-suwon", written: ["IN-01": Entry(value: 100), "IN-02": Entry(level: 5), "GV-01": Entry(level: 3)],
              site: ["IN-01": Entry(value: 100), "IN-02": Entry(level: 4), "GV-01": Entry(level: 4)]),
        sheet("park", "2026-suwon", written: ["IN-01": Entry(value: 60), "IN-02": Entry(level: 2), "GV-01": Entry(level: 3)],
              site: ["IN-01": Entry(value: 10), "IN-02": Entry(level: 1), "GV-01": Entry(level: 1)]),  // not on the site team
    ]

    /// 안동시 (small): IN-01 written 12, 20 → 16 (spread 8 > 5: flagged); GV-01 24, 24 → 24; total 40
    /// of 50, exactly 80%: grade 2. No site sheet counts (a draft only), so site is null; park is
    /// conflicted and han a secretary: their sheets never count. IN-02 is not applicable to it.
    static let andongSheets = [
        sheet("kim", "2026-andong", written: ["IN-01": Entry(value: 60), "GV-01": Entry(level: 4)]),
        sheet("lee", "2026-andong", written: ["IN-01": Entry(value: 150), "GV-01": Entry(level: 4)],
              site: ["IN-01": Entry(value: 150)], status: .submitted),
        sheet("park", "2026-andong", written: ["IN-01": Entry(value: 0), "GV-01": Entry(level: 1)]),
        sheet("han", "2026-andong", written: ["IN-01": Entry(value: 0), "GV-01": Entry(level: 1)]),
    ].map { s -> ScoreSheet in
        var s = s
        if s.member == "lee" { s.phases[.site]?.status = .draft }
        return s
    }

    static let suwonDecision = Decision(application: "2026-suwon", finalizedBy: "kim", finalizedAt: "2026-09-20T15:00:00Z",
                                        total: Points(hundredths: 8007), max: Points(100), grade: 2, certified: true,
                                        note: "현장실사 반영")

    /// The round, evaluated by the real evaluator; applications in id order, as the store gives them.
    static func round() -> RoundEvaluation {
        let evaluator = Evaluator(standards: standards, committee: committee)
        let apps = [
            EvaluatedApplication(application: andong, evaluation: evaluator.evaluate(andong, sheets: andongSheets), decision: nil),
            EvaluatedApplication(application: suwon, evaluation: evaluator.evaluate(suwon, sheets: suwonSheets, decision: suwonDecision),
                                 decision: suwonDecision),
        ]
        return RoundEvaluation(round: "2026", title: LocalizedText(ko: "2026년 스마트도시 인증 (시험)", en: "2026 Smart City Certification (test)"),
                               standards: standards, committee: committee, applications: apps, invalid: [invalidProblem])
    }

    // MARK: The JSON figures, for comparing every other format with them

    struct Figures {
        var id: String, total: String, max: String, percent: String, grade: Int, certified: Bool
        var indicators: [[String: Any]]
    }

    /// The applications of `JSONReport.render`, parsed back.
    static func jsonFigures(_ round: RoundEvaluation) throws -> [Figures] {
        let object = try JSONSerialization.jsonObject(with: Data(JSONReport.render(round).utf8)) as? [String: Any]
        let apps = object?["applications"] as? [[String: Any]] ?? []
        return apps.map { a in
            Figures(id: a["id"] as? String ?? "", total: a["total"] as? String ?? "", max: a["max"] as? String ?? "",
                    percent: a["percent"] as? String ?? "", grade: a["grade"] as? Int ?? -1,
                    certified: a["certified"] as? Bool ?? false, indicators: a["indicators"] as? [[String: Any]] ?? [])
        }
    }

    /// A JSON figure as the other formats print it: the string, or nil for null.
    static func figure(_ v: Any?) -> String? { v as? String }
}
