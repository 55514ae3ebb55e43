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
}
