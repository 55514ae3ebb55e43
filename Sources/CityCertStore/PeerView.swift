import Foundation
import CityCertCore

extension Store {
    /// What a member may see of the other members' scores on an application: per phase, only once
    /// the member has submitted that phase (HotCRP's rule), never for a conflicted member.
    public func peerResults(member: String, application: String) -> [Phase: [String: PhaseResult]] {
        guard committee.isEligible(member, for: application),
              let mine = sheet(member: member, application: application) else { return [:] }
        let submitted = Phase.allCases.filter { mine.isSubmitted($0) }
        guard !submitted.isEmpty, let evaluation = evaluate(application) else { return [:] }
        var out: [Phase: [String: PhaseResult]] = [:]
        for phase in submitted {
            out[phase] = Dictionary(uniqueKeysWithValues: evaluation.indicators.map { ($0.id, $0.phase(phase)) })
        }
        return out
    }

    /// A mark that changes whenever a store action writes (every action appends to the audit log):
    /// screens compare it to know when to read again what others changed.
    public func changeMark() -> String {
        let attrs = try? FileManager.default.attributesOfItem(atPath: files.url("audit.log").path)
        let size = (attrs?[.size] as? NSNumber)?.int64Value ?? -1
        let time = (attrs?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size)/\(time)"
    }

    /// The applications that have a decision (one look at `decisions/`).
    public func finalApplications() -> Set<String> {
        Set(files.listDirectory("decisions").compactMap { name in
            name.hasSuffix(".json") ? String(name.dropLast(5)) : nil
        }.filter(Identifier.isValid))
    }

    /// Whether the application has a decision.
    public func isFinal(_ application: String) -> Bool {
        Identifier.isValid(application) && files.exists("decisions/\(application).json")
    }
}
