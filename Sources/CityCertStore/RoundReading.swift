import CityCertCore
import Foundation

extension Store {
    /// Every valid application evaluated, in id order, a batch at a time, read and evaluated on all
    /// cores; returns the errors that left files out (the report's `invalid`), in the same order as
    /// ``evaluateAll(only:)``.
    ///
    /// What is read is not kept in the application cache, so a pass over a large store holds one
    /// batch at a time: `body` (a report writing its part) sees each batch once, in order.
    public func evaluateInBatches(only: String? = nil, batchSize: Int = 64, _ body: ([EvaluatedApplication]) -> Void) -> [Problem] {
        evaluateInBatches(only: only, batchSize: batchSize, rendering: { $0 }, body)
    }

    /// The same, with each evaluated application turned into a `Part` (a report's text of it) on the
    /// thread that evaluated it, so that reading, evaluating and rendering make one parallel pass.
    /// `text: .checked` leaves the entries' notes and questions out of the evaluations (checked, not
    /// built): for a `render` that shows none of them.
    public func evaluateInBatches<Part>(only: String? = nil, batchSize: Int = 64, text: EntryText = .kept,
                                        rendering render: (EvaluatedApplication) -> Part,
                                        _ body: ([Part]) -> Void) -> [Problem] {
        let ids = applicationIDs.filter { only == nil || only == $0 }
        let evaluator = Evaluator(standards: standards, committee: committee)
        let members = scoringMemberFolders()
        var invalid: [Problem] = []
        var start = 0
        while start < ids.count {
            let batch = Array(ids[start..<min(ids.count, start + max(1, batchSize))])
            start += batch.count
            let results = Parallel.map(batch) { id in
                let (e, problems) = self.evaluateOne(id, evaluator: evaluator, members: members, text: text)
                return (e.map(render), problems)
            }
            var parts: [Part] = []
            for (part, problems) in results {
                invalid += problems
                if let part { parts.append(part) }
            }
            body(parts)
        }
        return invalid
    }

    /// One application read and evaluated; nil when it is invalid.
    public func evaluatedApplication(_ id: String) -> EvaluatedApplication? {
        guard applicationIDs.contains(id) else { return nil }
        return evaluateOne(id, evaluator: Evaluator(standards: standards, committee: committee), members: scoringMemberFolders()).0
    }

    /// One application read and evaluated, and the errors that left its files out.
    private func evaluateOne(_ id: String, evaluator: Evaluator, members: [String],
                             text: EntryText = .kept) -> (EvaluatedApplication?, [Problem]) {
        switch application(id, keep: false) {
        case .invalid(let problems):
            return (nil, problems.filter { $0.severity == .error })
        case .valid(let app, _):
            let (sheets, sheetProblems) = self.sheets(for: id, application: app, members: members, text: text)
            let (decision, decisionProblems) = self.decision(for: id)
            let errors = (sheetProblems + decisionProblems).filter { $0.severity == .error }
            return (EvaluatedApplication(application: app, evaluation: evaluator.evaluate(app, sheets: sheets, decision: decision),
                                         decision: decision, problems: errors),
                    errors)
        }
    }
}
