import Foundation

/// A small valid store written to a temporary folder, with any file replaced or added by a test.
///
/// Standards `t-1`: field `f1` (item `i1`: Q1 quantitative 40/50 points, L1 qualitative 60/50),
/// field `f2` (item `i2`: L2 qualitative 100 large / not applicable to small).
/// Committee: chair `kim`, members `lee park choi jung`, secretary `han`; `lee` has a conflict on `app-b`.
/// Applications: `app-a` (large, 600,000), `app-b` (small, 120,000).
public struct TempStore {
    public let root: URL
    public var path: String { root.path }

    /// The rules of the test standards (everything but `id`, `title` and `fields`).
    public static let standardsRules = """
    large_city_min_population: 500000
    phases: {combine: weighted, written: 0.7, site: 0.3}
    aggregation: {method: trimmed-mean, trim_min_members: 5}
    disagreement: {flag_spread_share: 0.25}
    grades:
      - {grade: 1, min_percent: 90}
      - {grade: 2, min_percent: 80}
      - {grade: 3, min_percent: 70}
      - {grade: 4, min_percent: 60}
      - {grade: 5, min_percent: 0}
    certified_grades: [1, 2, 3]
    """

    public static let standards = """
    id: t-1
    title: {ko: 시험 기준, en: Test standards}
    \(standardsRules)
    fields:
      - id: f1
        name: {ko: 혁신성, en: Innovation}
        items:
          - id: i1
            name: {ko: 데이터 개방, en: Open data}
            indicators:
              - id: Q1
                name: {ko: 공공데이터 개방 건수, en: Open datasets}
                points: {large: 40, small: 50}
                quantitative:
                  unit: {ko: 건, en: datasets}
                  bands:
                    - {at_least: 10, share: 1.0}
                    - {at_least: 5, share: 0.6667}
                    - {at_least: 0, share: 0.2}
              - id: L1
                name: {ko: 시민참여, en: Citizen participation}
                points: {large: 60, small: 50}
                qualitative:
                  levels:
                    - {level: 5, share: 1.0, text: {ko: 최우수, en: Leading}}
                    - {level: 4, share: 0.8, text: {ko: 우수, en: Advanced}}
                    - {level: 3, share: 0.6, text: {ko: 보통, en: Established}}
                    - {level: 2, share: 0.4, text: {ko: 미흡, en: Emerging}}
                    - {level: 1, share: 0.2, text: {ko: 부족, en: Initial}}
      - id: f2
        name: {ko: 서비스, en: Services}
        items:
          - id: i2
            name: {ko: 통합운영센터, en: Operations center}
            indicators:
              - id: L2
                name: {ko: 센터 연계, en: Center integration}
                points: {large: 100, small: 0}
                qualitative:
                  levels:
                    - {level: 5, share: 1.0, text: 최우수}
                    - {level: 1, share: 0.2, text: 부족}
    """

    public static let committee = """
    members:
      - {id: kim, name: 김민수, role: chair, login: kminsu}
      - {id: lee, name: 이서연, role: member}
      - {id: park, name: 박지훈, role: member}
      - {id: choi, name: 최유나, role: member}
      - {id: jung, name: 정하늘, role: member}
      - {id: han, name: 한지우, role: secretary}
    conflicts:
      - {member: lee, application: app-b, kind: exclusion, reason: 자문위원}
    site_teams:
      app-a: [kim, park, choi]
    """

    /// The test standards with a `range` on Q1 (e.g. `{min: 0, max: 100}`).
    public static func standards(q1Range range: String) -> String {
        standards.replacingOccurrences(of: "              unit: {ko: 건, en: datasets}\n",
                                       with: "              unit: {ko: 건, en: datasets}\n              range: \(range)\n")
    }

    public static func application(id: String, population: Int, type: String? = nil, extra: String = "") -> String {
        """
        id: \(id)
        government: {ko: 가나시, en: Gana-si}
        province: {ko: 경기도, en: Gyeonggi-do}
        population: \(population)
        \(type.map { "city_type: \($0)" } ?? "")
        submitted_at: 2025-08-01
        quantitative:
          Q1: {value: 7, evidence: [evidence/a.txt, {file: evidence/a.txt, page: 3}]}
        self_evaluation:
          L1: {level: 4, narrative: 잘함, evidence: [evidence/a.txt]}
        \(extra)
        """
    }

    /// Writes the default store, then `files` (path → content; nil removes the file).
    public init(_ files: [String: String?] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-test-\(UUID().uuidString)")
        var all: [String: String?] = [
            "store.yaml": "round: \"2025\"\ntitle: {ko: 시험 인증, en: Test round}\nstandards: standards/t.yaml\n",
            "standards/t.yaml": Self.standards,
            "committee.yaml": Self.committee,
            "applications/app-a/application.yaml": Self.application(id: "app-a", population: 600000, type: "large"),
            "applications/app-a/evidence/a.txt": "증빙",
            "applications/app-b/application.yaml": Self.application(id: "app-b", population: 120000),
            "applications/app-b/evidence/a.txt": "증빙",
        ]
        for (k, v) in files { all[k] = v }
        for (path, content) in all {
            guard let content else { continue }
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
    }

    /// Writes or replaces one file.
    public func write(_ path: String, _ content: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: url)
    }

    /// A sheet file's JSON for a member and application.
    public static func sheet(member: String, app: String, written: [String: String]? = nil, site: [String: String]? = nil,
                             writtenStatus: String = "submitted", siteStatus: String = "submitted") -> String {
        func phase(_ entries: [String: String], _ status: String) -> String {
            let body = entries.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
            return "{\"status\": \"\(status)\", \"updated_at\": \"2025-09-01T10:00:00Z\", \"submitted_at\": null, \"entries\": {\(body)}}"
        }
        var phases: [String] = []
        if let written { phases.append("\"written\": \(phase(written, writtenStatus))") }
        if let site { phases.append("\"site\": \(phase(site, siteStatus))") }
        return "{\"format\": 1, \"application\": \"\(app)\", \"member\": \"\(member)\", \"phases\": {\(phases.joined(separator: ", "))}}"
    }

    public func remove() { try? FileManager.default.removeItem(at: root) }
}
