import CityCertCore
import Foundation

/// The one place state changes: `update(&state, message) -> [Effect]`.
public enum Update {
    public static func update(_ state: inout AppState, _ message: Message) -> [Effect] {
        switch message {
        case .resize(let w, let h):
            state.width = w
            state.height = h
            return []
        case .storeRead(let mark):
            state.storeMark = mark
            return []
        case .rulesReread:
            forgetAuditCursors(&state)
            return []
        case let .sessionStarted(session, apps, cursor):
            state.session = session
            var list = ApplicationListState(all: apps)
            list.auditCursor = cursor
            state.screen = .applications(list)
            state.status = StatusLine(.signedIn(name: session.member.name, role: session.member.role))
            switch session.member.role {
            case .chair: return [.chair(.loadOverview)]
            case .secretary: return [.chair(.loadReportScreen)]
            case .member: return []
            }
        case let .overviewRowsLoaded(rows, cursor):
            guard case .overview(var o) = state.screen else { return [] }
            o.refresh(rows)
            o.auditCursor = cursor
            state.screen = .overview(o)
            return []
        case .overviewLoaded(var o):
            let old: OverviewState? = { if case .overview(let x) = state.screen { return x } else { return state.savedOverview } }()
            if let old {
                o.cursor = min(old.cursor, max(0, o.count - 1))
                o.byBoundary = old.byBoundary
            }
            state.screen = .overview(o)
            return []
        case .consensusLoaded(let data):
            guard let session = state.session else { return [] }
            if case .consensus(var c) = state.screen, c.data.application.id == data.application.id {
                c.data = data
                state.screen = .consensus(c)
            } else {
                state.screen = .consensus(ConsensusState(data: data, standards: session.standards))
                state.status = nil
            }
            return []
        case let .reportExists(apps, format, path, choices):
            state.status = nil
            state.overlay = .confirm(Confirmation(
                title: state.language.pick("Write over the existing file?", "기존 파일을 덮어쓸까요?"),
                lines: [path, state.language.pick("y: write over it   n: keep it (choose another name with w)",
                                                  "y: 덮어쓰기   n: 그대로 두기 (w로 다른 이름)")],
                action: .overwriteReport(applications: apps, format: format, path: path, choices: choices)))
            return []
        case .reportWritten(let path):
            state.reportFolder = (path as NSString).deletingLastPathComponent
            return []
        case .reportApplications(let apps, let statuses):
            var report = ReportState(applications: apps)
            report.statuses = statuses
            state.screen = .report(report)
            return []
        case .reportPreview(let lines, let pages):
            if case .report(var r) = state.screen {
                r.preview = lines
                r.previewPages = pages
                state.status = nil   // "printing…" is over
                r.scroll = 0
                r.showingPreview = true
                state.screen = .report(r)
            }
            return []
        case let .applicationsLoaded(apps, cursor):
            var list: ApplicationListState
            if case .applications(let current) = state.screen { list = current } else { list = state.savedList ?? ApplicationListState(all: []) }
            list.all = apps
            list.auditCursor = cursor
            list.cursor = min(list.cursor, max(0, list.visible(language: state.language).count - 1))
            state.screen = .applications(list)
            return []
        case let .applicationRowsLoaded(rows, final, cursor):
            guard case .applications(var list) = state.screen else { return [] }
            list.refresh(rows, final: final)
            list.auditCursor = cursor
            list.cursor = min(list.cursor, max(0, list.visible(language: state.language).count - 1))
            state.screen = .applications(list)
            return []
        case .applicationOpened(let open):
            guard let session = state.session else { return [] }
            if case .scoring(var s) = state.screen, s.application.id == open.application.id {
                s.open = open
                state.screen = .scoring(s)
            } else {
                state.screen = .scoring(ScoringState(open: open, standards: session.standards))
            }
            return []
        case .sheetSaved(let sheet, let at):
            if case .scoring(var s) = state.screen, s.application.id == sheet.application {
                s.open.sheet = sheet
                s.savedAt = at
                state.screen = .scoring(s)
                state.status = StatusLine(.saved(at: at), .success)
            }
            return []
        case .evidenceListed, .evidenceRead:
            EvidenceKeys.apply(message, &state)
            return []
        case .failed(let text):
            state.status = StatusLine(.said(text), .error)
            return []
        case .status(let line):
            state.status = line
            return []
        case .paste(let text):
            return OverlayKeys.paste(text, &state)
        case .draftFound(let d):
            guard state.overlay == nil, case .scoring(let s) = state.screen, s.application.id == d.application else { return [] }
            let lang = state.language
            let field = d.field == .note ? lang.pick("note", "메모") : d.field == .clarification ? lang.pick("question", "질의") : lang.pick("value", "값")
            let preview = d.text.split(separator: "\n", omittingEmptySubsequences: false).prefix(3).map { "  " + $0 }
            state.overlay = .confirm(Confirmation(
                title: lang.pick("Unsaved text", "저장하지 않은 글"),
                lines: [lang.pick("The program stopped while you were typing a \(field) on \(d.indicator):",
                                  "\(d.indicator) \(field)을(를) 입력하던 중 프로그램이 멈췄습니다:")]
                    + preview + (d.text.contains("\n") && preview.count == 3 ? ["  …"] : [])
                    + ["", lang.pick("Open it again to finish it? (n discards it)", "다시 열어 마저 쓸까요? (n: 버림)")],
                action: .restoreDraft(d)))
            return []
        case .key(let key):
            let before = ScreenKind(state.screen), status = state.status
            let effects = handle(key, &state)
            // A message belongs to the screen it was said on.
            if ScreenKind(state.screen) != before, state.status == status { state.status = nil }
            return effects
        case .tick:
            guard state.overlay == nil, let reload = reloadEffect(for: state.screen) else { return [] }
            return [.refreshIfChanged(reload)]
        }
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
