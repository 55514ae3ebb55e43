import CityCertCore
import Foundation

/// A certification store opened from its directory (spec §2).
///
/// Opening reads `store.yaml`, the standards and the committee, and lists the application folders;
/// an application, its sheets and its decision are read only when asked for, so showing one
/// application of a large store reads only that application's files.
public final class Store: @unchecked Sendable {
    public let root: URL
    public let round: String
    public let title: LocalizedText
    /// The standards file, relative to the root.
    public let standardsPath: String
    public let standards: Standards
    public let committee: Committee
    /// Problems found while opening (committee entries left out, unknown keys, …).
    public let problems: [Problem]
    /// Every folder under `applications/`, sorted, valid or not.
    public let applicationIDs: [String]
    /// `signatures: required` in store.yaml: every record must be signed by its actor's key (spec §2).
    public let signaturesRequired: Bool
    /// Where the private key of the acting member is found (`--key FILE`, `CITYCERT_KEY`, the
    /// member's file under `$XDG_CONFIG_HOME/citycert/keys/`).
    public var keySource: KeySource = .standard

    let files: FileAccess
    /// The rules' files as read at open (see ``rulesChangedSinceOpen()``).
    let rulesAtOpen: [String: String]
    /// The clock for timestamps (tests set a fixed one).
    public var clock: @Sendable () -> Date = { Date() }
    /// Who is running the program, for the identity rule of the store actions (tests set one).
    public var osUser: OSUser = .current
    private var applicationCache: [String: ApplicationLoad] = [:]
    private let lock = NSLock()

    /// Opens the store, or throws ``StoreOpenError`` listing why it cannot be read.
    public static func open(at path: String) throws(StoreOpenError) -> Store {
        try open(at: path, recorder: nil)
    }

    /// Opens the store, noting every path it touches in `recorder` (tests).
    static func open(at path: String, recorder: FileRecorder?) throws(StoreOpenError) -> Store {
        let root = URL(fileURLWithPath: path).standardizedFileURL
        let files = FileAccess(root: root, recorder: recorder)
        var problems: [Problem] = []
        guard files.isDirectory("") else {
            throw StoreOpenError(problems: [Problem(path: path, "no store here: not a directory")])
        }
        guard files.exists("store.yaml") else {
            throw StoreOpenError(problems: [Problem(path: "store.yaml", "store.yaml is missing: this folder is not a citycert store")])
        }
        guard let text = files.text("store.yaml", problems: &problems) else { throw StoreOpenError(problems: problems) }
        let storeFile = StoreFileLoader()
        let file = storeFile.load(text)
        problems += storeFile.reader.problems
        guard let file else { throw StoreOpenError(problems: problems) }
        let (standards, committee, ids) = readRules(files, standardsPath: file.standardsPath, problems: &problems)
        guard let standards, let committee else { throw StoreOpenError(problems: problems) }
        return Store(root: root, round: file.round, title: file.title ?? LocalizedText(file.round), standardsPath: file.standardsPath,
                     standards: standards, committee: committee, problems: problems, applicationIDs: ids, files: files,
                     signaturesRequired: file.signaturesRequired)
    }

    /// The standards (``StandardsLoader``), the committee (``CommitteeLoader``) and the list of
    /// application folders, read at once, one per core (the committee of a large round is the
    /// longest: its conflicts and site teams).
    private static func readRules(_ files: FileAccess, standardsPath: String,
                                  problems: inout [Problem]) -> (Standards?, Committee?, [String]) {
        enum Part { case standards(Standards?), committee(Committee?), applications([String]) }
        let parts = Parallel.map([0, 1, 2]) { part -> (Part, [Problem]) in
            var problems: [Problem] = []
            switch part {
            case 0:
                guard let text = files.text(standardsPath, problems: &problems) else { return (.standards(nil), problems) }
                let loader = StandardsLoader(path: standardsPath)
                return (.standards(loader.load(text)), problems + loader.reader.problems)
            case 1:
                guard let text = files.text("committee.yaml", problems: &problems) else { return (.committee(nil), problems) }
                let loader = CommitteeLoader(path: "committee.yaml")
                return (.committee(loader.load(text)), problems + loader.reader.problems)
            default:
                return (.applications(files.subdirectories("applications").sorted()), [])
            }
        }
        var standards: Standards?, committee: Committee?, ids: [String] = []
        for (part, partProblems) in parts {
            problems += partProblems
            switch part {
            case .standards(let s): standards = s
            case .committee(let c): committee = c
            case .applications(let a): ids = a
            }
        }
        return (standards, committee, ids)
    }

    init(root: URL, round: String, title: LocalizedText, standardsPath: String, standards: Standards,
         committee: Committee, problems: [Problem], applicationIDs: [String], files: FileAccess,
         signaturesRequired: Bool = false) {
        self.root = root; self.round = round; self.title = title; self.standardsPath = standardsPath
        self.standards = standards; self.committee = committee; self.problems = problems
        self.applicationIDs = applicationIDs; self.files = files
        rulesAtOpen = RulesFingerprint.of(files, paths: ["store.yaml", "committee.yaml", standardsPath])
        self.signaturesRequired = signaturesRequired
    }

    // MARK: - Reading

    /// The application in folder `id`, read (once) and checked.
    public func application(_ id: String) -> ApplicationLoad {
        application(id, keep: true)
    }

    /// The application, from the cache when it has been read; read and kept in the cache when `keep`.
    /// A whole-round pass (report, evaluation) does not keep what it reads, so its memory stays bounded.
    func application(_ id: String, keep: Bool) -> ApplicationLoad {
        lock.lock()
        if let cached = applicationCache[id] { lock.unlock(); return cached }
        lock.unlock()
        // Read outside the lock, so that two threads read two applications at once.
        let load = readApplication(id)
        guard keep else { return load }
        lock.lock(); defer { lock.unlock() }
        if let cached = applicationCache[id] { return cached }
        applicationCache[id] = load
        return load
    }

    /// The application if it has been read whole (and kept).
    func cachedApplication(_ id: String) -> ApplicationLoad? {
        lock.lock(); defer { lock.unlock() }
        return applicationCache[id]
    }

    private func readApplication(_ id: String) -> ApplicationLoad {
        let folder = "applications/\(id)"
        let path = "\(folder)/application.yaml"
        guard Identifier.isValid(id) else {
            return .invalid([Problem(path: folder, "folder name '\(id)' is not a valid application id")])
        }
        var problems: [Problem] = []
        guard let data = files.data(path, problems: &problems) else {
            if problems.isEmpty { problems.append(Problem(path: path, "application.yaml is missing")) }
            return .invalid(problems)
        }
        // An application names the same few evidence files many times: check each path once.
        var checked: [String: ApplicationReader.EvidenceCheck] = [:]
        let check: (String) -> ApplicationReader.EvidenceCheck = { [files] evidence in
            if let known = checked[evidence] { return known }
            let result = files.evidenceCheck(folder: folder, relative: evidence)
            checked[evidence] = result
            return result
        }
        return ApplicationReader(path: path, folderID: id, standards: standards, evidenceCheck: check).read(data)
    }

    /// The member ids that have a folder under `scores/`.
    public func scoringMemberFolders() -> [String] {
        files.subdirectories("scores").sorted()
    }

    /// Every sheet of one application: those that may count, and the problems of the others.
    /// Reads only `scores/*/<id>.json`.
    public func sheets(for id: String) -> (sheets: [ScoreSheet], problems: [Problem]) {
        sheets(for: id, application: application(id).application, members: scoringMemberFolders())
    }

    /// The sheets of one application, given it and the member folders (read once for many applications).
    func sheets(for id: String, application app: Application?, members: [String],
                text: EntryText = .kept) -> (sheets: [ScoreSheet], problems: [Problem]) {
        var sheets: [ScoreSheet] = []
        var problems: [Problem] = []
        for member in members {
            let path = "scores/\(member)/\(id).json"
            let (sheet, p) = readSheet(path: path, member: member, applicationID: id, application: app, text: text)
            problems += p
            if let sheet, !p.contains(where: { $0.severity == .error }) { sheets.append(sheet) }
        }
        return (sheets, problems)
    }

    /// One member's sheet for one application, nil when there is none or it is broken.
    public func sheet(member: String, application id: String) -> ScoreSheet? {
        let path = "scores/\(member)/\(id).json"
        guard Identifier.isValid(member), Identifier.isValid(id) else { return nil }
        let (sheet, p) = readSheet(path: path, member: member, applicationID: id, application: application(id).application)
        return p.contains(where: { $0.severity == .error }) ? nil : sheet
    }

    /// A sheet and its problems; nil and none when there is no such file.
    func readSheet(path: String, member: String, applicationID: String, application: Application?,
                   text: EntryText = .kept) -> (ScoreSheet?, [Problem]) {
        var problems: [Problem] = []
        guard let data = files.data(path, problems: &problems, limit: SheetLoader.maxBytes, absentIsProblem: false) else { return (nil, problems) }
        return SheetLoader.sheet(data, path: path, member: member, application: application,
                                 applicationID: applicationID, standards: standards, committee: committee, text: text)
    }

    /// The decision of an application, if it has been finalized.
    public func decision(for id: String) -> (decision: Decision?, problems: [Problem]) {
        let path = "decisions/\(id).json"
        guard Identifier.isValid(id), files.exists(path) else { return (nil, []) }
        var problems: [Problem] = []
        guard let data = files.data(path, problems: &problems, limit: SheetLoader.maxBytes) else { return (nil, problems) }
        return SheetLoader.decision(data, path: path, applicationID: id, committee: committee)
    }

    /// The evaluation of one valid application from its sheets and decision.
    public func evaluate(_ id: String, method: AggregationMethod? = nil) -> ApplicationEvaluation? {
        guard let app = application(id).application else { return nil }
        return Evaluator(standards: standards, committee: committee)
            .evaluate(app, sheets: sheets(for: id).sheets, decision: decision(for: id).decision, method: method)
    }

    /// Forgets what was read of an application, so the next read sees the files again.
    public func invalidate(_ id: String) {
        lock.lock(); defer { lock.unlock() }
        applicationCache[id] = nil
    }
}

/// Why a store cannot be opened: its store.yaml, standards or committee are missing or broken.
public struct StoreOpenError: Error, CustomStringConvertible {
    public var problems: [Problem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// An application as read: valid (perhaps with warnings), or invalid with its problems.
public enum ApplicationLoad: Sendable {
    case valid(Application, warnings: [Problem])
    case invalid([Problem])

    public var application: Application? { if case .valid(let a, _) = self { return a } else { return nil } }
    public var problems: [Problem] {
        switch self {
        case .valid(_, let w): return w
        case .invalid(let p): return p
        }
    }
}
