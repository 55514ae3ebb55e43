import CityCertCore
import Foundation

extension Update {
    /// What the runtime read for a member: the session, the list, an application, a save, a draft.
    static func memberLoaded(_ message: Message, _ state: inout AppState) -> [Effect] {
        switch message {
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
        case .draftFound(let d):
            guard state.overlay == nil, case .scoring(let s) = state.screen, s.application.id == d.application else { return [] }
            state.overlay = .confirm(draftQuestion(d, state.language))
            return []
        case .key, .paste, .resize, .tick, .storeRead, .rulesReread, .failed, .status, .evidenceListed, .evidenceRead,
             .overviewRowsLoaded, .overviewLoaded, .consensusLoaded, .reportExists, .reportWritten, .reportApplications, .reportPreview:
            return []
        }
    }

    /// What the runtime read for the chair and the secretary: the overview, a consensus screen, the report.
    static func chairLoaded(_ message: Message, _ state: inout AppState) -> [Effect] {
        switch message {
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
                title: TUILabels(state.language).writeOverExistingFile,
                lines: [path, TUILabels(state.language).yWriteOverN],
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
        case .key, .paste, .resize, .tick, .storeRead, .rulesReread, .failed, .status, .evidenceListed, .evidenceRead,
             .sessionStarted, .applicationsLoaded, .applicationRowsLoaded, .applicationOpened, .sheetSaved, .draftFound:
            return []
        }
    }

    /// Asks whether to open again a field whose text was never saved (the program stopped).
    static func draftQuestion(_ d: Draft, _ lang: Language) -> Confirmation {
        let field = d.field == .note ? TUILabels(lang).noteField : d.field == .clarification ? TUILabels(lang).questionField : TUILabels(lang).value
        let preview = d.text.split(separator: "\n", omittingEmptySubsequences: false).prefix(3).map { "  " + $0 }
        return Confirmation(
            title: TUILabels(lang).unsavedText,
            lines: [TUILabels(lang).programStoppedWhileYou("\(field)", "\(d.indicator)")]
                + preview + (d.text.contains("\n") && preview.count == 3 ? ["  …"] : [])
                + ["", TUILabels(lang).openAgainFinishN],
            action: .restoreDraft(d))
    }
}
