import CityCertCore
import Foundation
import Yams

/// The fallback of ``ApplicationReader``: the general parser. Yams composes the document (any YAML),
/// and every rule of spec §2 is checked with its message and line; it decides every file the fast
/// path gives up on.
extension ApplicationReader {
    /// The application (nil when it has errors) and every problem found, errors and warnings.
    func generalPath(_ text: String) -> (Application?, [Problem]) {
        let general = GeneralPath(reader: YAMLReader(path: path), folderID: folderID, standards: standards,
                                  evidenceCheck: evidenceCheck)
        let app = general.load(text)
        return (app, general.reader.problems)
    }
}

/// Builds an ``Application`` from any YAML text, checking it against the standards, with a message
/// for every problem.
private struct GeneralPath {
    let reader: YAMLReader
    let folderID: String
    let standards: Standards
    let evidenceCheck: (String) -> ApplicationReader.EvidenceCheck
    typealias Schema = ApplicationReader.Schema

    /// The application, or nil when it has errors (in `reader.problems`).
    func load(_ text: String) -> Application? {
        guard let root = reader.parse(text), let m = reader.map(root, "the application") else { return nil }
        m.checkKeys(Schema.top, what: "application", reader: reader)
        let id = reader.identifier(m["id"], "id")
        if let id, id != folderID {
            reader.error(m["id"], "id '\(id)' must equal the folder name '\(folderID)'")
        }
        let government = reader.localized(m["government"], "government")
        let province = m["province"].flatMap { reader.localized($0, "province", required: false) }
        let population = reader.int(m["population"], "population", range: 0...Int(Int32.max))
        var type = population.map(standards.cityType(forPopulation:))
        if let node = m["city_type"], let given = reader.string(node, "city_type", required: false) {
            if let t = CityType(rawValue: given) {
                if let population, let implied = type, implied != t {
                    let rule = implied == .large ? "at least" : "under"
                    reader.error(node, "city_type '\(t.rawValue)' contradicts population \(population): \(rule) \(standards.largeCityMinPopulation) makes it '\(implied.rawValue)'")
                }
                type = t
            } else {
                reader.error(node, "city_type must be large or small, found '\(given)'")
            }
        }
        if let type, standards.maxPoints(for: type) == .zero {
            reader.error(m["population"], "the standards have no indicator applicable to \(type.rawValue) cities, so this application cannot be scored")
        }
        let submittedAt = m["submitted_at"].flatMap { reader.scalar($0, "submitted_at", required: false) }
        let quantitative = self.quantitative(m["quantitative"])
        let claims = selfEvaluation(m["self_evaluation"])
        guard !reader.hasErrors, let id, let government, let population, let type else { return nil }
        return Application(id: id, government: government, province: province, population: population,
                           cityType: type, submittedAt: submittedAt, quantitative: quantitative, selfEvaluation: claims)
    }

    private func isNull(_ node: Node?) -> Bool {
        guard let node else { return true }
        if case .scalar(let s) = node, s.style == .plain, ["", "~", "null"].contains(s.string) { return true }
        return false
    }

    private func quantitative(_ node: Node?) -> [String: SubmittedValue] {
        guard !isNull(node), let m = reader.map(node, "quantitative") else { return [:] }
        var result: [String: SubmittedValue] = [:]
        for p in m.pairs {
            let what = "quantitative.\(p.key)"
            guard let ind = standards.indicator(p.key) else {
                reader.error(p.keyNode, "\(what): unknown indicator '\(p.key)' (not in the standards)")
                continue
            }
            guard ind.isQuantitative else {
                reader.error(p.keyNode, "\(what): '\(p.key)' is a qualitative indicator; its claim belongs under self_evaluation")
                continue
            }
            // A bare number is accepted as the value itself.
            if case .scalar = p.value {
                if let v = reader.decimal(p.value, "\(what).value") {
                    checkRange(v, of: ind, node: p.value, what: what)
                    result[p.key] = SubmittedValue(value: v)
                }
                continue
            }
            guard let vm = reader.map(p.value, what) else { continue }
            vm.checkKeys(Schema.value, what: what, reader: reader)
            guard !isNull(vm["value"]) else { continue }   // nothing submitted
            let value = reader.decimal(vm["value"], "\(what).value")
            let evidence = self.evidence(vm["evidence"], what: what)
            let note = vm["note"].flatMap { reader.string($0, "\(what).note", required: false) }
            if let value {
                checkRange(value, of: ind, node: vm["value"], what: what)
                result[p.key] = SubmittedValue(value: value, evidence: evidence, note: note)
            }
        }
        return result
    }

    /// A submitted value outside the indicator's `range` is a warning (spec §2): the application stays
    /// valid, and the member enters the verified value.
    private func checkRange(_ value: Decimal, of ind: Indicator, node: Node?, what: String) {
        guard let range = ind.range, !range.contains(value) else { return }
        reader.warning(node, "\(what).value \(value.plainText) is outside the indicator's range \(range.description)")
    }

    private func selfEvaluation(_ node: Node?) -> [String: SelfEvaluation] {
        guard !isNull(node), let m = reader.map(node, "self_evaluation") else { return [:] }
        var result: [String: SelfEvaluation] = [:]
        for p in m.pairs {
            let what = "self_evaluation.\(p.key)"
            guard let ind = standards.indicator(p.key) else {
                reader.error(p.keyNode, "\(what): unknown indicator '\(p.key)' (not in the standards)")
                continue
            }
            guard !ind.isQuantitative else {
                reader.error(p.keyNode, "\(what): '\(p.key)' is a quantitative indicator; its value belongs under quantitative")
                continue
            }
            guard let cm = reader.map(p.value, what) else { continue }
            cm.checkKeys(Schema.claim, what: what, reader: reader)
            guard !isNull(cm["level"]) else { continue }
            let level = reader.int(cm["level"], "\(what).level")
            if let level, !ind.levels.contains(where: { $0.level == level }) {
                reader.error(cm["level"], "\(what).level \(level) is not a level of \(p.key) (\(ind.levels.map { String($0.level) }.joined(separator: ", ")))")
                continue
            }
            let narrative = cm["narrative"].flatMap { reader.string($0, "\(what).narrative", required: false) }
            let evidence = self.evidence(cm["evidence"], what: what)
            if let level { result[p.key] = SelfEvaluation(level: level, narrative: narrative, evidence: evidence) }
        }
        return result
    }

    private func evidence(_ node: Node?, what: String) -> [Evidence] {
        guard !isNull(node) else { return [] }
        let list: [Node]
        if case .scalar = node! { list = [node!] } else { list = reader.seq(node, "\(what).evidence") ?? [] }
        var result: [Evidence] = []
        for n in list {
            var file: String?
            var page: Int?
            var fileNode: Node? = n
            if case .mapping = n {
                guard let em = reader.map(n, "\(what).evidence") else { continue }
                em.checkKeys(Schema.evidence, what: "\(what).evidence", reader: reader)
                file = reader.string(em["file"], "\(what).evidence.file")
                fileNode = em["file"]
                page = em["page"].flatMap { reader.int($0, "\(what).evidence.page", required: false, range: 1...1_000_000) }
            } else {
                file = reader.string(n, "\(what).evidence")
            }
            guard let file else { continue }
            if let why = EvidencePath.rejection(of: file) {
                reader.error(fileNode, "\(what): evidence '\(file)' \(why)")
                continue
            }
            switch evidenceCheck(file) {
            case .ok: break
            case .escapes:
                reader.error(fileNode, "\(what): evidence '\(file)' leads outside the application folder (symbolic link)")
                continue
            case .missing:
                reader.warning(fileNode, "\(what): evidence file '\(file)' does not exist")
            }
            result.append(Evidence(file: file, page: page))
        }
        return result
    }
}
