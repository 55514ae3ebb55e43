import CityCertCore
import Foundation

/// Writes a deterministic synthetic store, valid by the spec, for benchmarks and tests
/// (`citycert generate`).
///
/// The standards have 60 indicators (3 fields, 10 items; 2,000 points for large cities, 1,000 for
/// small ones, a sixth of the indicators not applicable to small ones); the committee has a chair, a
/// secretary and members with Korean names, conflicts of every kind and site teams; each application
/// has a form, values and claims with evidence, and one evidence file. Applications go through every
/// state: nobody started, drafts, written sheets submitted, site sheets in progress or submitted,
/// complete, and finalized by the chair with a decision computed by the evaluator.
///
/// The same seed and sizes give the same files, byte for byte, on every machine. Application `i` is
/// the same in a store of any size (its plan depends on the seed and `i` only), so a larger store
/// contains the smaller one's applications.
///
/// By default sheets and decisions are written directly and the store has no `audit.log`: such a
/// store has no history, which is what a read benchmark needs (a 5,000-application store would
/// otherwise take hours of fsyncs to build). With `history`, every entry, submission and decision goes
/// through the store's own actions, so the audit log is complete and consistent; that is slow and
/// meant for small stores.
public enum StoreGenerator {
    /// What to generate.
    public struct Options: Sendable {
        public var applications: Int
        public var members: Int
        public var seed: UInt64
        public var round: String
        /// Write every change through the store actions, with the audit log (slow: small stores only).
        public var history: Bool
        public var profile: Profile

        public init(applications: Int, members: Int = 9, seed: UInt64 = 1, round: String = "2025", history: Bool = false,
                    profile: Profile = .standard) {
            self.applications = applications; self.members = members; self.seed = seed; self.round = round
            self.history = history; self.profile = profile
        }
    }

    /// The shape of the text in a generated store.
    public enum Profile: String, Sendable, CaseIterable {
        /// Short notes now and then, one-sentence narratives (most stores).
        case standard
        /// Most sheet entries with a note of 3 to 14 sentences (some over several lines), submitted
        /// values with notes and narratives of 10 to 35 sentences: a committee that writes at length.
        case longText = "long-text"
    }

    /// What was written.
    public struct Summary: Sendable, CustomStringConvertible {
        public var applications = 0
        public var members = 0
        public var sheets = 0
        public var submittedPhases = 0
        public var draftPhases = 0
        public var decisions = 0
        public var files = 0
        public var bytes = 0

        public var description: String {
            "\(applications) applications, \(members) members, \(sheets) sheets (\(submittedPhases) phases submitted, \(draftPhases) drafts), \(decisions) decisions; \(files) files, \(bytes / 1024) KiB"
        }
    }

    /// Why a store could not be generated.
    public struct GenerateError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Generates a store in `path`, which must not exist or be an empty folder.
    @discardableResult
    public static func generate(at path: String, options: Options) throws -> Summary {
        try check(options)
        let root = URL(fileURLWithPath: path).standardizedFileURL
        if let existing = try? FileManager.default.contentsOfDirectory(atPath: root.path), !existing.isEmpty {
            throw GenerateError(description: "\(root.path) is not empty: generate writes a new store into a new or empty folder")
        }
        var writer = GeneratedFileWriter(root: root)
        let plan = RoundPlan(options: options)

        try writer.write("store.yaml", plan.storeYAML())
        try writer.write("standards/\(plan.standardsName).yaml", plan.standardsYAML())
        try writer.write("committee.yaml", plan.committeeYAML())
        for app in plan.applications {
            try writer.write("applications/\(app.id)/application.yaml", plan.applicationYAML(app))
            try writer.write("applications/\(app.id)/evidence/plan.pdf", plan.evidenceFile(app))
        }

        var summary = Summary()
        summary.applications = plan.applications.count
        summary.members = plan.members.count
        let store: Store
        do {
            store = try Store.open(at: root.path)
        } catch {
            throw GenerateError(description: "the generated store does not open: \(error)")
        }
        let clock = GeneratorClock()
        store.clock = { clock.tick() }
        for app in plan.applications {
            try scores(of: app, plan: plan, store: store, writer: &writer, history: options.history, summary: &summary)
        }
        (summary.files, summary.bytes) = writer.count(history: options.history)
        return summary
    }

    private static func check(_ options: Options) throws {
        guard options.applications >= 0, options.applications <= 99_999 else {
            throw GenerateError(description: "the number of applications must be between 0 and 99999")
        }
        guard options.members >= 1, options.members <= 200 else {
            throw GenerateError(description: "the number of members must be between 1 and 200")
        }
        guard Identifier.isValid(options.round), !options.round.contains(".") else {
            throw GenerateError(description: "the round '\(options.round)' must be a simple id such as 2025")
        }
    }

    /// An application's sheets and, at the stage "finalized", its decision: written as files, or
    /// (with `history`) made through the store's actions so that the audit log holds them.
    private static func scores(of app: RoundPlan.PlannedApplication, plan: RoundPlan, store: Store, writer: inout GeneratedFileWriter,
                               history: Bool, summary: inout Summary) throws {
        for sheet in plan.sheets(for: app, standards: store.standards) {
            summary.sheets += 1
            for ps in sheet.phases.values {
                if ps.status == .submitted { summary.submittedPhases += 1 } else { summary.draftPhases += 1 }
            }
            if history {
                try replay(sheet, in: store, cityType: app.cityType)
            } else {
                try writer.write("scores/\(sheet.member)/\(app.id).json", Store.encode(sheet))
            }
        }
        guard app.stage == .finalized, let chair = plan.members.first(where: { $0.role == .chair })?.id else { return }
        store.invalidate(app.id)
        if history {
            if (try? store.finalize(application: app.id, by: chair, note: plan.decisionNote(app) ?? "편차 검토 후 확정")) != nil { summary.decisions += 1 }
            return
        }
        defer { store.invalidate(app.id) }
        guard let evaluation = store.evaluate(app.id),
              FinalizeRule.reason(evaluation, standards: store.standards, committee: store.committee) == nil else { return }
        let decision = Decision(application: app.id, finalizedBy: chair, finalizedAt: plan.finalizedAt(app),
                                total: evaluation.total, max: evaluation.max, grade: evaluation.grade,
                                certified: evaluation.certified, note: plan.decisionNote(app))
        try writer.write("decisions/\(app.id).json", JSONEncoder.store.encode(decision) + Data("\n".utf8))
        summary.decisions += 1
    }

    /// Writes a sheet the way a member would: entry by entry, then the submission of each phase.
    private static func replay(_ sheet: ScoreSheet, in store: Store, cityType: CityType) throws {
        do {
            for phase in Phase.allCases {
                guard let ps = sheet.phases[phase] else { continue }
                for ind in store.standards.applicableIndicators(for: cityType) {
                    guard let entry = ps.entries[ind.id] else { continue }
                    try store.setEntry(entry, indicator: ind.id, member: sheet.member, application: sheet.application, phase: phase)
                }
                if ps.status == .submitted {
                    try store.submit(member: sheet.member, application: sheet.application, phase: phase)
                }
            }
        } catch {
            throw GenerateError(description: "cannot write \(sheet.member)'s sheet for \(sheet.application): \(error)")
        }
    }
}

/// A clock that moves one minute per reading from a fixed day, so a store generated with its
/// history has the same timestamps every time.
final class GeneratorClock: @unchecked Sendable {
    private var minutes = 0
    private let lock = NSLock()
    private static let start = Date(timeIntervalSince1970: 1_756_713_600)   // 2025-09-01T08:00:00Z

    func tick() -> Date {
        lock.lock(); defer { lock.unlock() }
        minutes += 1
        return Self.start.addingTimeInterval(TimeInterval(minutes * 60))
    }
}

/// Writes the generated files (without the fsync of the store actions: a generated store is
/// rebuilt, not recovered), creating folders as it goes.
struct GeneratedFileWriter {
    let root: URL
    private var folders: Set<String> = []

    init(root: URL) { self.root = root }

    mutating func write(_ relative: String, _ text: String) throws { try write(relative, Data(text.utf8)) }

    mutating func write(_ relative: String, _ data: Data) throws {
        let url = root.appendingPathComponent(relative)
        let folder = url.deletingLastPathComponent().path
        if !folders.contains(folder) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            folders.insert(folder)
        }
        try data.write(to: url)
    }

    /// The files and bytes now in the store (lock files and the audit log included).
    func count(history: Bool) -> (Int, Int) {
        var files = 0, bytes = 0
        guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey]) else { return (0, 0) }
        for case let url as URL in walk {
            guard let v = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey]), v.isRegularFile == true else { continue }
            files += 1
            bytes += v.fileSize ?? 0
        }
        return (files, bytes)
    }
}
