import CityCertCore
import Foundation

extension Store {
    /// Every problem of the store: each file read and checked (the `validate` command).
    public func validate() -> [Problem] {
        var problems = self.problems
        let valid = Set(applicationIDs)
        for id in applicationIDs {
            problems += application(id).problems
            problems += sheets(for: id).problems
            problems += decision(for: id).problems
        }
        for member in scoringMemberFolders() {
            for file in files.listDirectory("scores/\(member)").sorted() {
                let path = "scores/\(member)/\(file)"
                guard file.hasSuffix(".json") else {
                    problems.append(Problem(path: path, "not a score sheet (sheets are named <application-id>.json)", severity: .warning))
                    continue
                }
                let app = String(file.dropLast(5))
                if !valid.contains(app) {
                    problems.append(Problem(path: path, "sheet for unknown application '\(app)' (no folder applications/\(app))"))
                }
            }
        }
        for file in files.listDirectory("decisions").sorted() {
            let app = file.hasSuffix(".json") ? String(file.dropLast(5)) : file
            if !valid.contains(app) {
                problems.append(Problem(path: "decisions/\(file)", "decision for unknown application '\(app)'"))
            }
        }
        for c in committee.conflicts where !valid.contains(c.application) {
            problems.append(Problem(path: "committee.yaml", "conflict of \(c.member) names application '\(c.application)', which is not in the store", severity: .warning))
        }
        for app in committee.siteTeams.keys.sorted() where !valid.contains(app) {
            problems.append(Problem(path: "committee.yaml", "site_teams names application '\(app)', which is not in the store", severity: .warning))
        }
        if signaturesRequired || committee.members.contains(where: { $0.publicKey != nil }), !isSealed() {
            problems.append(Problem(path: "audit.log", "the round is not sealed: the authored files are not yet recorded in the audit log (the secretary runs `citycert seal` once the applications are in)", severity: .warning))
        }
        return problems.sorted()
    }

    /// Whether the audit log holds a `seal` record.
    public func isSealed() -> Bool {
        guard let bytes = try? audit.readBytes() else { return false }
        return bytes.firstRange(of: Array(#""action":"seal""#.utf8)) != nil
    }

    /// Every valid application evaluated; the errors that left files out are listed as `invalid`.
    public func evaluateAll(only: String? = nil) -> RoundEvaluation {
        var entries: [EvaluatedApplication] = []
        let invalid = evaluateInBatches(only: only) { entries += $0 }
        return RoundEvaluation(round: round, title: title, standards: standards, committee: committee,
                               applications: entries, invalid: invalid)
    }
}
