import CityCertCore
import CityCertStore
import CityCertTUI
import Foundation

/// Performs the TUI's effects through the store and answers with messages.
///
/// Everything that touches files happens here (through the store's actions); `update` and the
/// screens stay pure. The terminal loop and the tests both drive the application through
/// ``send(_:to:)``.
///
/// The runner keeps no copy of the application's state: who is at the keyboard, the language, the
/// audit cursors of the list and the overview and the store's change mark are read from the state
/// an effect is performed in (or from the effect), and what changes comes back as messages. It
/// keeps only its resources: the store, the drafts folder, the evidence reader.
public final class EffectRunner {
    /// The store, opened again when its rules' files change (see ``reopenIfRulesChanged(_:)``).
    public private(set) var store: Store
    /// The member chosen on the command line (login, `--as`): the first state starts with them.
    let startingMember: String?
    /// Where the open field's text is kept as it is typed (nil: not kept, as in most tests), for
    /// the member at the keyboard; made when a member is at the keyboard, unless
    /// ``draftsEnvironment`` is nil.
    public private(set) var drafts: DraftStore?
    /// The member ``drafts`` is made for.
    private var draftsMember: String?
    /// The folder drafts of every member go under (a store's and a member's subfolder are added);
    /// nil keeps no drafts.
    public var draftsEnvironment: [String: String]?
    /// Reads evidence files for the viewer; `readsInBackground` false reads them at once (tests).
    public var evidenceReader = EvidenceReader()
    public var readsInBackground = true
    let evidenceMailbox = EvidenceMailbox()

    /// The applications changed since `cursor` and `left`, in id order, and where the log now ends;
    /// nil when that cannot be told (never read, or the log was rewritten): read everything again.
    func changedApplications(since cursor: Int64?, left: String?) -> (ids: [String], end: Int64)? {
        guard let from = cursor, let (changed, end) = store.applicationsChanged(since: from) else { return nil }
        return (changed.union(left.map { [$0] } ?? []).sorted(), end)
    }

    /// `draftsEnvironment`: where drafts are kept (`XDG_STATE_HOME`, `HOME`); nil keeps none.
    public init(store: Store, memberID: String? = nil, draftsEnvironment: [String: String]? = nil) {
        self.store = store
        self.startingMember = memberID
        self.draftsEnvironment = draftsEnvironment
        if let memberID { _ = drafts(for: memberID) }
    }

    /// Opens the store again when `store.yaml`, `committee.yaml` or the standards changed since it
    /// was opened (a conflict added, names changed): the screens and the decisions then use the rules
    /// as they are. Kept as it was when the new files cannot be read (the actions then refuse).
    /// Answers with the messages to send before and after the screen is read.
    func reopenIfRulesChanged() -> (before: [Message], after: [Message]) {
        let changed = store.rulesChangedSinceOpen()
        guard !changed.isEmpty else { return ([], []) }
        do {
            let fresh = try Store.open(at: store.root.path)
            fresh.osUser = store.osUser
            fresh.clock = store.clock
            fresh.keySource = store.keySource   // the member's key, as given (--key, the sample's keys)
            store = fresh
            return ([.rulesReread], [.status(StatusLine(.rulesReadAgain(changed), .info))])
        } catch {
            let files = changed.joined(separator: ", "), why = error.problems.first?.description ?? ""
            return ([], [.failed(LocalizedText(ko: "\(files)이(가) 바뀌었으나 읽을 수 없습니다: \(why)", en: "\(files) changed and cannot be read: \(why)"))])
        }
    }

    /// The drafts folder of a member (made once per member; nil when no drafts are kept).
    func drafts(for member: String) -> DraftStore? {
        guard let env = draftsEnvironment else { return nil }
        if draftsMember != member {
            drafts = DraftStore(storePath: store.root.path, member: member, environment: env)
            draftsMember = member
        }
        return drafts
    }

    /// Called with the state before an effect that takes seconds (printing a PDF), so that the
    /// terminal can show the status line that says so.
    public var beforeSlowEffect: ((AppState) -> Void)?

    /// Feeds a message to `update`, performs the effects it returns, and feeds their results back,
    /// until nothing is left to do.
    public func send(_ message: Message, to state: inout AppState) {
        var queue = [message]
        while !queue.isEmpty {
            let effects = Update.update(&state, queue.removeFirst())
            for effect in effects {
                if effect.takesSeconds { beforeSlowEffect?(state) }
                queue += perform(effect, in: state)
            }
        }
        // What is typed is kept as it is typed (and forgotten once saved or cancelled).
        if let member = state.session?.member.id { drafts(for: member)?.sync(state.openDraft) }
    }

    /// The first state: the member's applications, or the committee to choose from.
    public func start(language: Language, colors: Bool, width: Int, height: Int, reason: String) -> AppState {
        var state = AppState(width: width, height: height, language: language, colors: colors,
                             screen: .chooseMember(MemberListState(members: store.committee.members, reason: reason)))
        if let id = startingMember {
            let cursor = store.auditCursor()
            send(.sessionStarted(session(for: store.committee.member(id)!), summaries(for: id), cursor: cursor), to: &state)
        }
        return state
    }

    /// Performs one effect in the state it was asked in (who is at the keyboard, the language, the
    /// screens' audit cursors come from there) and answers with the messages for `update`.
    func perform(_ effect: Effect, in state: AppState) -> [Message] {
        if case .refreshIfChanged(let reload) = effect {
            guard store.changeMark() != state.storeMark else { return [] }
            return perform(reload, in: state)
        }
        // Reading a screen anew reads the rules anew when they changed (r, opening an application).
        let rules = effect.readsScreen ? reopenIfRulesChanged() : (before: [], after: [])
        return rules.before + [.storeRead(mark: store.changeMark())] + performRead(effect, in: state) + rules.after
    }

    private func performRead(_ effect: Effect, in state: AppState) -> [Message] {
        let language = state.language
        switch effect {
        case .refreshIfChanged(let reload):
            return perform(reload, in: state)
        case .quit:
            return []
        case .chair(let chair):
            return performChair(chair, in: state)
        case .evidence(let evidence):
            return performEvidence(evidence, language)
        case .chooseMember(let id):
            return chooseMember(id)
        case .loadApplications:
            guard let id = state.session?.member.id else { return [] }
            let cursor = store.auditCursor()   // before reading: a change made meanwhile is read again
            return [.applicationsLoaded(summaries(for: id), cursor: cursor)]
        case .refreshApplications(let left):
            return refreshApplications(left: left, in: state)
        case .openApplication(let app):
            guard let id = state.session?.member.id else { return [] }
            let opened = open(app, member: id)
            // Text typed on this sheet and never saved (the program stopped): offered back.
            if case .applicationOpened = opened, let draft = drafts(for: id)?.draft(for: app) { return [opened, .draftFound(draft)] }
            return [opened]
        case .discardDraft(let app):
            if let id = state.session?.member.id { drafts(for: id)?.remove(app) }
            return []
        case let .setEntry(app, phase, indicator, entry):
            guard let id = state.session?.member.id else { return [] }
            do {
                let sheet = try store.setEntry(entry, indicator: indicator, member: id, application: app, phase: phase)
                return [.sheetSaved(sheet, at: clockText())]
            } catch {
                // The local change was not saved: show why and reload what is on disk.
                return [.failed(Self.refusal(error)), open(app, member: id)]
            }
        case let .submit(app, phase):
            return sheetAction(app, phase: phase, submitted: true, in: state) { try self.store.submit(member: $0, application: app, phase: phase) }
        case let .reopenSheet(app, phase):
            return sheetAction(app, phase: phase, submitted: false, in: state) { try self.store.reopenSheet(member: $0, application: app, phase: phase) }
        }
    }

    /// A member chosen from the committee list: the session starts with their applications.
    private func chooseMember(_ id: String) -> [Message] {
        guard let m = store.committee.member(id) else { return [.failed(LocalizedText(ko: "알 수 없는 위원: \(id)", en: "Unknown member \(id)."))] }
        do {
            try store.checkIdentity(id)       // a member with a login is that operating-system user
        } catch {
            return [.failed(Self.refusal(error))]
        }
        _ = drafts(for: id)
        let cursor = store.auditCursor()
        return [.sessionStarted(session(for: m), summaries(for: id), cursor: cursor)]
    }

    /// The list's rows of the applications changed since it was read (all of them when that cannot
    /// be told), from the list's own audit cursor.
    private func refreshApplications(left: String?, in state: AppState) -> [Message] {
        guard let id = state.session?.member.id else { return [] }
        let cursor: Int64? = if case .applications(let list) = state.screen { list.auditCursor } else { nil }
        guard let (ids, end) = changedApplications(since: cursor, left: left) else { return performRead(.loadApplications, in: state) }
        let known = ids.filter(store.applicationIDs.contains)
        let rows = Dictionary(uniqueKeysWithValues: summaries(for: id, ids: known).map { ($0.id, $0) })
        return [.applicationRowsLoaded(ids.map { (id: $0, row: rows[$0]) }, final: store.finalApplications(), cursor: end)]
    }

    /// Submits or reopens the member's sheet, then shows the application as it now is on disk.
    private func sheetAction(_ app: String, phase: Phase, submitted: Bool, in state: AppState,
                             _ action: (String) throws -> ScoreSheet) -> [Message] {
        guard let id = state.session?.member.id else { return [] }
        do {
            _ = try action(id)
            return [open(app, member: id),
                    .status(submitted ? StatusLine(.submitted(application: app, phase: phase), .success)
                                      : StatusLine(.sheetReopened(application: app, phase: phase), .info))]
        } catch {
            return [.failed((error as? StoreActionError).map(Self.refusal) ?? LocalizedText("\(error)")), open(app, member: id)]
        }
    }

    func clockText() -> String {
        let f = DateFormatter()
        f.dateFormat = "HH:mm:ss"
        return f.string(from: store.clock())
    }

    func session(for member: Member) -> Session {
        Session(member: member, standards: store.standards, committee: store.committee,
                roundTitle: store.title, storePath: store.root.path)
    }

    func open(_ id: String, member: String) -> Message {
        guard let app = store.application(id).application else { return .failed(Self.invalidText(id)) }
        if store.committee.conflict(member: member, application: id) != nil {
            return .failed(LocalizedText(ko: "\(id)에 이해충돌이 있어 열 수 없습니다.", en: "You have a conflict of interest on \(id)."))
        }
        let sheet = store.sheet(member: member, application: id) ?? ScoreSheet(application: id, member: member)
        let peers = store.peerView(member: member, application: id)
        var open = OpenApplication(
            application: app, sheet: sheet, peers: peers.results,
            isFinal: store.isFinal(id),
            onSiteTeam: store.committee.isOnSiteTeam(member, application: id))
        open.notSubmitted = peers.notSubmitted
        open.memberNames = Dictionary(store.committee.members.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return .applicationOpened(open)
    }

    /// An application that cannot be opened because its files are invalid.
    static func invalidText(_ id: String) -> LocalizedText {
        LocalizedText(ko: "\(id)은(는) 유효하지 않아 열 수 없습니다 (citycert validate 참조).", en: "\(id) cannot be opened: it is invalid (see citycert validate).")
    }

    /// A store's refusal (or another error) in both languages, for the status line.
    static func refusal(_ error: StoreActionError) -> LocalizedText {
        LocalizedText(ko: error.message(.ko), en: error.message(.en))
    }

    /// The applications list for a member: progress per phase from the member's own sheet only.
    public func summaries(for member: String, ids: [String]? = nil) -> [ApplicationSummary] {
        // The list's rows come from the store's listing: each application's form and the member's
        // own sheet, read on all cores (the values and claims are read when an application opens).
        return store.listing(member: member, ids: ids) { entry in
            let id = entry.id
            switch entry.application {
            case .invalid(let problems):
                return ApplicationSummary(id: id, government: LocalizedText(id), problem: problems.first { $0.severity == .error }?.description ?? "invalid")
            case .valid(let app, _):
                let conflict = store.committee.conflict(member: member, application: id)
                var progress: [Phase: SheetProgress] = [:]
                if conflict == nil {
                    let sheet = entry.sheet
                    let applicable = store.standards.applicableIndicatorIDs(for: app.cityType)
                    for phase in Phase.allCases {
                        if phase == .site, !store.committee.isOnSiteTeam(member, application: id) {
                            progress[phase] = .notOnTeam
                            continue
                        }
                        guard let ps = sheet?.phases[phase] else { progress[phase] = .notStarted; continue }
                        if ps.status == .submitted { progress[phase] = .submitted; continue }
                        let done = applicable.reduce(0) { $0 + (ps.entries[$1]?.isScored == true ? 1 : 0) }
                        progress[phase] = .draft(done: done, of: applicable.count)
                    }
                }
                return ApplicationSummary(id: id, government: app.government, province: app.province, population: app.population,
                                          cityType: app.cityType, conflict: conflict, isFinal: entry.isFinal, progress: progress)
            }
        }
    }
}
