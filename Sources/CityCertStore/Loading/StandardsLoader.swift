import CityCertCore
import Foundation
import Yams

/// Builds ``Standards`` from `standards/<name>.yaml`, checking every rule of spec §2.
struct StandardsLoader {
    let reader: YAMLReader

    init(path: String) { reader = YAMLReader(path: path) }

    /// The standards, or nil when the file has errors (they are in `reader.problems`).
    func load(_ text: String) -> Standards? {
        guard let root = reader.parse(text), let m = reader.map(root, "the standards") else { return nil }
        m.checkKeys(["id", "title", "large_city_min_population", "phases", "aggregation", "disagreement",
                     "grades", "certified_grades", "fields"], what: "standards", reader: reader)
        let id = reader.identifier(m["id"], "id")
        let title = reader.localized(m["title"], "title", required: false) ?? LocalizedText(id ?? "")
        let threshold = reader.int(m["large_city_min_population"], "large_city_min_population", range: 1...Int(Int32.max))
        let combination = phases(m["phases"])
        let (method, trimMin) = aggregation(m["aggregation"])
        let flag = disagreement(m["disagreement"])
        let grades = self.grades(m["grades"])
        let certified = certifiedGrades(m["certified_grades"], grades: grades)
        let fields = self.fields(m["fields"])
        guard !reader.hasErrors, let id, let threshold, let combination, let method, let trimMin, let flag,
              let grades, let certified, let fields else { return nil }
        return Standards(id: id, title: title, largeCityMinPopulation: threshold, combination: combination,
                         aggregation: method, trimMinMembers: trimMin, flagSpreadShare: flag,
                         grades: grades, certifiedGrades: certified, fields: fields)
    }

    private func phases(_ node: Node?) -> PhaseCombination? {
        guard let node else { reader.error(line: nil, "phases is missing (e.g. {combine: weighted, written: 0.7, site: 0.3})"); return nil }
        guard let m = reader.map(node, "phases") else { return nil }
        m.checkKeys(["combine", "written", "site"], what: "phases", reader: reader)
        let combine = m["combine"].flatMap { reader.string($0, "phases.combine") } ?? "weighted"
        switch combine {
        case "weighted":
            let w = reader.share(m["written"], "phases.written")
            let s = reader.share(m["site"], "phases.site")
            guard let w, let s else { return nil }
            guard w.tenThousandths + s.tenThousandths == Share.scale else {
                reader.error(node, "phase weights must sum to 1: written \(w) + site \(s) = \(FixedDecimal.format(w.tenThousandths + s.tenThousandths, scale: 4))")
                return nil
            }
            return .weighted(written: w, site: s)
        case "site-revises":
            return .siteRevises
        default:
            reader.error(m["combine"], "phases.combine must be 'weighted' or 'site-revises', found '\(combine)'")
            return nil
        }
    }

    private func aggregation(_ node: Node?) -> (AggregationMethod?, Int?) {
        guard let m = reader.map(node, "aggregation") else { return (nil, nil) }
        m.checkKeys(["method", "trim_min_members"], what: "aggregation", reader: reader)
        guard let name = reader.string(m["method"], "aggregation.method") else { return (nil, nil) }
        guard let method = AggregationMethod(rawValue: name) else {
            reader.error(m["method"], "aggregation.method must be mean, median or trimmed-mean, found '\(name)'")
            return (nil, nil)
        }
        var trim = 5
        if let t = m["trim_min_members"] {
            guard let v = reader.int(t, "aggregation.trim_min_members") else { return (method, nil) }
            guard v >= 3 else {
                reader.error(t, "aggregation.trim_min_members must be 3 or more (dropping the highest and lowest of fewer leaves nothing fair), found \(v)")
                return (method, nil)
            }
            trim = v
        } else if method == .trimmedMean {
            reader.error(m.node, "aggregation.trim_min_members is missing (needed by trimmed-mean)")
            return (method, nil)
        }
        return (method, trim)
    }

    private func disagreement(_ node: Node?) -> Share? {
        guard let m = reader.map(node, "disagreement") else { return nil }
        m.checkKeys(["flag_spread_share"], what: "disagreement", reader: reader)
        return reader.share(m["flag_spread_share"], "disagreement.flag_spread_share")
    }

    private func grades(_ node: Node?) -> [GradeBand]? {
        guard let list = reader.seq(node, "grades") else { return nil }
        var bands: [GradeBand] = []
        var ok = true
        for (i, g) in list.enumerated() {
            guard let m = reader.map(g, "grades[\(i + 1)]") else { ok = false; continue }
            m.checkKeys(["grade", "min_percent"], what: "grades[\(i + 1)]", reader: reader)
            let grade = reader.int(m["grade"], "grades[\(i + 1)].grade", range: 1...99)
            var minPercent: Points?
            if let s = reader.scalar(m["min_percent"], "grades[\(i + 1)].min_percent") {
                if let p = Points(s), p >= .zero, p <= Points(100) { minPercent = p } else {
                    reader.error(m["min_percent"], "grades[\(i + 1)].min_percent must be a percentage from 0 to 100 with at most 2 decimals, found '\(s)'")
                }
            }
            guard let grade, let minPercent else { ok = false; continue }
            if bands.contains(where: { $0.grade == grade }) {
                reader.error(g, "grade \(grade) appears twice in grades"); ok = false; continue
            }
            if bands.contains(where: { $0.minPercent == minPercent }) {
                reader.error(g, "two grades have min_percent \(minPercent)"); ok = false; continue
            }
            bands.append(GradeBand(grade: grade, minPercent: minPercent))
        }
        guard ok else { return nil }
        guard !bands.isEmpty else { reader.error(node, "grades is empty"); return nil }
        guard bands.contains(where: { $0.minPercent == .zero }) else {
            reader.error(node, "grade bands do not cover 0–100: the lowest grade must have min_percent 0")
            return nil
        }
        let byPercent = bands.sorted { $0.minPercent > $1.minPercent }
        if byPercent.map(\.grade) != byPercent.map(\.grade).sorted() {
            reader.error(node, "grades must get worse as min_percent falls: the best grade (lowest number) needs the highest min_percent")
            return nil
        }
        return bands
    }

    private func certifiedGrades(_ node: Node?, grades: [GradeBand]?) -> Set<Int>? {
        guard let list = reader.seq(node, "certified_grades") else { return nil }
        var set = Set<Int>()
        for g in list {
            guard let v = reader.int(g, "certified_grades") else { return nil }
            if let grades, !grades.contains(where: { $0.grade == v }) {
                reader.error(g, "certified_grades names grade \(v), which is not among grades")
                return nil
            }
            set.insert(v)
        }
        return set
    }

    private func fields(_ node: Node?) -> [Field]? {
        guard let list = reader.seq(node, "fields") else { return nil }
        var ids = IDRegistry(reader: reader)
        var fields: [Field] = []
        for (i, f) in list.enumerated() {
            guard let m = reader.map(f, "fields[\(i + 1)]") else { continue }
            m.checkKeys(["id", "name", "items", "description"], what: "field", reader: reader)
            guard let id = reader.identifier(m["id"], "field id") else { continue }
            ids.claim(id, kind: "field", node: m["id"])
            let name = reader.localized(m["name"], "field \(id): name") ?? LocalizedText(id)
            var items: [Item] = []
            for (j, it) in (reader.seq(m["items"], "field \(id): items") ?? []).enumerated() {
                if let item = self.item(it, index: j, field: id, ids: &ids) { items.append(item) }
            }
            fields.append(Field(id: id, name: name, items: items))
        }
        if fields.isEmpty, !reader.hasErrors { reader.error(node, "fields is empty") }
        return fields
    }

    private func item(_ node: Node, index: Int, field: String, ids: inout IDRegistry) -> Item? {
        guard let m = reader.map(node, "field \(field): items[\(index + 1)]") else { return nil }
        m.checkKeys(["id", "name", "indicators", "description"], what: "item", reader: reader)
        guard let id = reader.identifier(m["id"], "item id") else { return nil }
        ids.claim(id, kind: "item", node: m["id"])
        let name = reader.localized(m["name"], "item \(id): name") ?? LocalizedText(id)
        var indicators: [Indicator] = []
        for i in reader.seq(m["indicators"], "item \(id): indicators") ?? [] {
            if let ind = indicator(i, ids: &ids) { indicators.append(ind) }
        }
        return Item(id: id, name: name, indicators: indicators)
    }

    private func indicator(_ node: Node, ids: inout IDRegistry) -> Indicator? {
        guard let m = reader.map(node, "indicator") else { return nil }
        m.checkKeys(["id", "name", "description", "points", "quantitative", "qualitative"], what: "indicator", reader: reader)
        guard let id = reader.indicatorID(m["id"], "indicator id") else { return nil }
        ids.claim(id, kind: "indicator", node: m["id"])
        let what = "indicator \(id)"
        let name = reader.localized(m["name"], "\(what): name") ?? LocalizedText(id)
        let description = m["description"].flatMap { reader.localized($0, "\(what): description", required: false) }
        var points: [CityType: Points] = [:]
        if let pm = reader.map(m["points"], "\(what): points") {
            pm.checkKeys(["large", "small"], what: "\(what): points", reader: reader)
            for type in CityType.allCases {
                if let n = pm[type.rawValue], let p = reader.points(n, "\(what): points.\(type.rawValue)", required: false) {
                    points[type] = p
                }
            }
        }
        let quant = m["quantitative"], qual = m["qualitative"]
        let kind: IndicatorKind?
        var range: ValueRange?
        switch (quant, qual) {
        case (nil, nil):
            reader.error(m.node, "\(what) needs one of 'quantitative' or 'qualitative'"); kind = nil
        case (.some, .some):
            reader.error(m.node, "\(what) has both 'quantitative' and 'qualitative'; it must have exactly one"); kind = nil
        case (let q?, nil):
            let parsed = quantitative(q, what: what)
            kind = parsed?.0; range = parsed?.1
        case (nil, let q?):
            kind = qualitative(q, what: what)
        }
        guard let kind else { return nil }
        return Indicator(id: id, name: name, description: description, points: points, kind: kind, range: range)
    }

    /// `range: {min, max}` of a quantitative indicator; nil when absent or broken (reported).
    private func valueRange(_ node: Node?, what: String) -> ValueRange? {
        guard let node else { return nil }
        guard let m = reader.map(node, "\(what): range") else { return nil }
        m.checkKeys(["min", "max"], what: "\(what): range", reader: reader)
        let lo = reader.decimal(m["min"], "\(what): range.min", required: false)
        let hi = reader.decimal(m["max"], "\(what): range.max", required: false)
        if let lo, let hi, lo > hi {
            reader.error(node, "\(what): range.min (\(lo.plainText)) is above range.max (\(hi.plainText))")
            return nil
        }
        return lo == nil && hi == nil ? nil : ValueRange(min: lo, max: hi)
    }

    private func quantitative(_ node: Node, what: String) -> (IndicatorKind, ValueRange?)? {
        guard let m = reader.map(node, "\(what): quantitative") else { return nil }
        m.checkKeys(["unit", "bands", "range"], what: "\(what): quantitative", reader: reader)
        let unit = m["unit"].flatMap { reader.localized($0, "\(what): unit", required: false) }
        guard let list = reader.seq(m["bands"], "\(what): bands") else { return nil }
        var bands: [Band] = []
        for (i, b) in list.enumerated() {
            let w = "\(what): bands[\(i + 1)]"
            guard let bm = reader.map(b, w) else { continue }
            bm.checkKeys(["at_least", "at_most", "share"], what: w, reader: reader)
            let share = reader.share(bm["share"], "\(w).share")
            let bound: Band.Bound?
            switch (bm["at_least"], bm["at_most"]) {
            case (let n?, nil): bound = reader.decimal(n, "\(w).at_least").map(Band.Bound.atLeast)
            case (nil, let n?): bound = reader.decimal(n, "\(w).at_most").map(Band.Bound.atMost)
            case (nil, nil): reader.error(b, "\(w) needs at_least or at_most"); bound = nil
            default: reader.error(b, "\(w) has both at_least and at_most; it must have one"); bound = nil
            }
            if let share, let bound { bands.append(Band(bound: bound, share: share)) }
        }
        if list.isEmpty { reader.error(m["bands"], "\(what): bands is empty") }
        return (.quantitative(unit: unit, bands: bands), valueRange(m["range"], what: what))
    }

    private func qualitative(_ node: Node, what: String) -> IndicatorKind? {
        guard let m = reader.map(node, "\(what): qualitative") else { return nil }
        m.checkKeys(["levels"], what: "\(what): qualitative", reader: reader)
        guard let list = reader.seq(m["levels"], "\(what): levels") else { return nil }
        var levels: [Level] = []
        for (i, l) in list.enumerated() {
            let w = "\(what): levels[\(i + 1)]"
            guard let lm = reader.map(l, w) else { continue }
            lm.checkKeys(["level", "share", "text"], what: w, reader: reader)
            let level = reader.int(lm["level"], "\(w).level", range: 0...99)
            let share = reader.share(lm["share"], "\(w).share")
            let text = lm["text"].flatMap { reader.localized($0, "\(w).text", required: false) } ?? LocalizedText("")
            guard let level, let share else { continue }
            if levels.contains(where: { $0.level == level }) {
                reader.error(lm["level"], "\(what): level \(level) appears twice")
                continue
            }
            levels.append(Level(level: level, share: share, text: text))
        }
        if list.isEmpty { reader.error(m["levels"], "\(what): levels is empty") }
        return .qualitative(levels: levels.sorted { $0.level > $1.level })
    }
}

/// Catches ids used twice in one file (fields, items and indicators each have their own namespace).
struct IDRegistry {
    let reader: YAMLReader
    private var seen: [String: (kind: String, line: Int?)] = [:]

    init(reader: YAMLReader) { self.reader = reader }

    mutating func claim(_ id: String, kind: String, node: Node?) {
        let key = kind + ":" + id
        if let first = seen[key] {
            let at = first.line.map { " (first at line \($0))" } ?? ""
            reader.error(node, "duplicate \(kind) id '\(id)': already used by another \(first.kind)\(at)")
        } else {
            seen[key] = (kind, node?.mark?.line)
        }
    }
}
