import CityCertCore
import Foundation

/// The one place state changes: `update(&state, message) -> [Effect]`.
public enum Update {
    public static func update(_ state: inout AppState, _ message: Message) -> [Effect] {
        switch message {
        case .key(let key):
            let before = ScreenKind(state.screen), status = state.status
            let effects = handle(key, &state)
            // A message belongs to the screen it was said on.
            if ScreenKind(state.screen) != before, state.status == status { state.status = nil }
            return effects
        case .paste(let text):
            return OverlayKeys.paste(text, &state)
        case .resize(let w, let h):
            state.width = w
            state.height = h
        case .tick:
            guard state.overlay == nil, let reload = reloadEffect(for: state.screen) else { return [] }
            return [.refreshIfChanged(reload)]
        case .storeRead(let mark):
            state.storeMark = mark
        case .rulesReread:
            forgetAuditCursors(&state)
        case .failed(let text):
            state.status = StatusLine(.said(text), .error)
        case .status(let line):
            state.status = line
        case .evidenceListed, .evidenceRead:
            EvidenceKeys.apply(message, &state)
        case .sessionStarted, .applicationsLoaded, .applicationRowsLoaded, .applicationOpened, .sheetSaved, .draftFound:
            return memberLoaded(message, &state)
        case .overviewRowsLoaded, .overviewLoaded, .consensusLoaded, .reportExists, .reportWritten, .reportApplications, .reportPreview:
            return chairLoaded(message, &state)
        }
        return []
    }

    /// After the rules were read again, the next refresh of the list and the overview reads every row.
    static func forgetAuditCursors(_ state: inout AppState) {
        switch state.screen {
        case .applications(var list): list.auditCursor = nil; state.screen = .applications(list)
        case .overview(var o): o.auditCursor = nil; state.screen = .overview(o)
        case .chooseMember, .scoring, .consensus, .report: break
        }
        state.savedList?.auditCursor = nil
        state.savedOverview?.auditCursor = nil
    }

    /// What reads the current screen again from the store.
    static func reloadEffect(for screen: Screen) -> Effect? {
        switch screen {
        case .applications: return .refreshApplications(left: nil)
        case .scoring(let s): return .openApplication(s.application.id)
        case .overview: return .chair(.refreshOverview(left: nil))
        case .consensus(let c): return .chair(.openConsensus(c.data.application.id))
        case .chooseMember, .report: return nil
        }
    }

    /// Which screen is in front, without its state.
    enum ScreenKind: Equatable {
        case chooseMember, applications, scoring(String), overview, consensus(String), report
        init(_ s: Screen) {
            switch s {
            case .chooseMember: self = .chooseMember
            case .applications: self = .applications
            case .scoring(let x): self = .scoring(x.application.id)
            case .overview: self = .overview
            case .consensus(let c): self = .consensus(c.data.application.id)
            case .report: self = .report
            }
        }
    }

    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        // A window too small to show anything takes no key but quit (not even into a hidden prompt).
        if state.isTooSmall {
            if key == .char("q") || key == .ctrl("c") { state.quitting = true; return [.quit] }
            return []
        }
        if let overlay = state.overlay { return OverlayKeys.handle(key, overlay, &state) }
        // Outside a text field, a line break (Ctrl-J, Alt-Enter) is Enter.
        if key == .lineBreak { return handle(.enter, &state) }
        switch Keymap.global.action(for: key) {
        case .help:
            state.overlay = .help
            return []
        case .language:
            state.language = state.language.other
            return []
        case .quit:
            state.quitting = true
            return [.quit]
        case nil:
            break
        }
        // Each screen's handler changes only its own state, written back here, and says in
        // delegates what should happen around it.
        let context = KeyContext(state)
        let kind = ScreenKind(state.screen)
        let delegates: [Delegate]
        switch state.screen {
        case .chooseMember(var s):
            delegates = MemberListKeys.handle(key, &s, context)
            state.screen = .chooseMember(s)
        case .applications(var s):
            delegates = ApplicationListKeys.handle(key, &s, context)
            state.screen = .applications(s)
        case .scoring(var s):
            delegates = ScoringKeys.handle(key, &s, context)
            state.screen = .scoring(s)
        case .overview(var s):
            delegates = OverviewKeys.handle(key, &s, context)
            state.screen = .overview(s)
        case .consensus(var s):
            delegates = ConsensusKeys.handle(key, &s, context)
            state.screen = .consensus(s)
        case .report(var s):
            delegates = ReportKeys.handle(key, &s, context)
            state.screen = .report(s)
        }
        return delegates.flatMap { apply($0, from: kind, &state) }
    }
}

extension Language {
    /// The English or Korean text of a label.
    public func pick(_ en: String, _ ko: String) -> String { self == .en ? en : ko }
}

/// Moving a cursor in a list with the arrow and vim keys.
enum ListCursor {
    /// The new cursor for a movement key, or nil when the key does not move.
    static func move(_ key: Key, cursor: Int, count: Int, page: Int) -> Int? {
        guard count > 0 else { return nil }
        let next: Int
        switch key {
        case .up, .char("k"): next = cursor - 1
        case .down, .char("j"): next = cursor + 1
        case .pageUp, .ctrl("b"): next = cursor - max(1, page)
        case .pageDown, .ctrl("f"), .char(" "): next = cursor + max(1, page)
        case .home, .char("g"): next = 0
        case .end, .char("G"): next = count - 1
        default: return nil
        }
        return min(max(0, next), count - 1)
    }
}
