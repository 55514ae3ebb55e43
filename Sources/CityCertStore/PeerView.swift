import Foundation
import CityCertCore

extension Store {
    /// What a member may see of the other members' scores on an application: per phase, only once
    /// the member has submitted that phase (HotCRP's rule), never for a conflicted member.
    public func peerResults(member: String, application: String) -> [Phase: [String: PhaseResult]] {
        peerView(member: member, application: application).results
    }

    /// The peer results, and per phase the eligible members who have not submitted yet (same rule:
    /// only the phases the member has submitted).
    public func peerView(member: String, application: String) -> (results: [Phase: [String: PhaseResult]], notSubmitted: [Phase: [String]]) {
        guard committee.isEligible(member, for: application),
              let mine = sheet(member: member, application: application) else { return ([:], [:]) }
        let submitted = Phase.allCases.filter { mine.isSubmitted($0) }
        guard !submitted.isEmpty, let evaluation = evaluate(application) else { return ([:], [:]) }
        var out: [Phase: [String: PhaseResult]] = [:]
        var pending: [Phase: [String]] = [:]
        for phase in submitted {
            out[phase] = Dictionary(uniqueKeysWithValues: evaluation.indicators.map { ($0.id, $0.phase(phase)) })
            pending[phase] = phase == .written ? evaluation.missingWritten : evaluation.missingSite
        }
        return (out, pending)
    }
}
