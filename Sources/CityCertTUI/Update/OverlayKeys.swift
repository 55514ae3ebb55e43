import CityCertCore
import Foundation

/// Keys while an overlay (help, prompt, confirmation, notice) is open.
enum OverlayKeys {
    static func handle(_ key: Key, _ overlay: Overlay, _ state: inout AppState) -> [Effect] {
        switch overlay {
        case .help, .notice:
            // "Any key closes": the key that dismisses the help or a notice does nothing else (a
            // member who presses x or 3 to close it must not change a score unseen).
            state.overlay = nil
            return []
        case .reader(let title, let lines, let scroll):
            let page = max(1, OverlayScreen.readerHeight(state) - 3)
            let last = max(0, lines.count - page)
            let next: Int?
            switch key {
            case .up, .char("k"): next = scroll - 1
            case .down, .char("j"): next = scroll + 1
            case .pageUp, .ctrl("b"): next = scroll - page
            case .pageDown, .ctrl("f"), .char(" "): next = scroll + page
            case .home, .char("g"): next = 0
            case .end, .char("G"): next = last
            default: next = nil
            }
            guard let next else {
                state.overlay = nil
                return closedBy(key, &state)
            }
            state.overlay = .reader(title: title, lines: lines, scroll: min(max(0, next), last))
            return []
        case .confirm(let c):
            return confirm(key, c, &state)
        case .prompt(var p):
            switch key {
            case .escape:
                // Cancelled: what the status line said about this field (an error in it, the text
                // offered back) no longer applies.
                state.overlay = nil
                state.status = nil
                return []
            case .enter:
                return commit(p, &state)
            case .lineBreak where !p.purpose.isMultiline:
                return commit(p, &state)
            default:
                p.field.apply(key, width: OverlayScreen.promptTextWidth(state.width))
                state.overlay = .prompt(p)
                return []
            }
        }
    }

    /// A confirmation: y / Enter does what it asked, n / Esc / q cancels.
    static func confirm(_ key: Key, _ c: Confirmation, _ state: inout AppState) -> [Effect] {
        switch key {
        case .char("y"), .char("Y"), .enter:
            state.overlay = nil
            return confirmed(c.action, &state)
        case .char("n"), .char("N"), .escape, .char("q"):
            state.overlay = nil
            if case .restoreDraft(let d) = c.action {
                state.status = StatusLine(.draftDiscarded)
                return [.discardDraft(application: d.application)]
            }
            state.status = StatusLine(.cancelled)
        default:
            break
        }
        return []
    }

    /// What a confirmed question does.
    static func confirmed(_ action: Confirmation.Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .finalize(let app, let note):
            // A range across the certification line: the id typed again, not a single key.
            if ConsensusKeys.rangeCrossesLine(state) {
                state.overlay = .prompt(Prompt(purpose: .finalizeTyped(application: app, note: note),
                                               title: TUILabels(state.language).typeFinalizeRangeCrosses("\(app)")))
                return []
            }
            return [.chair(.finalize(application: app, note: note))]
        case .reopenApplication(let app, let reason): return [.chair(.reopenApplication(app, reason: reason))]
        case let .overwriteReport(apps, format, path, choices):
            if format == .pdf { state.status = ReportKeys.printing }
            return [.chair(.writeReport(applications: apps, format: format, path: path, overwrite: true, choices: choices))]
        case .seal: return [.chair(.seal)]
        case .setValue, .restoreDraft, .submit, .reopen:
            // The scoring screen's questions: answered by it, with its own state.
            guard case .scoring(var s) = state.screen else {
                if case .restoreDraft(let d) = action { return [.discardDraft(application: d.application)] }
                return []
            }
            let kind = Update.ScreenKind(state.screen)
            let delegates = ScoringKeys.confirmed(action, &s, state.language)
            state.screen = .scoring(s)
            return delegates.flatMap { Update.apply($0, from: kind, &state) }
        }
    }

    /// After a key closed the full view (the reader): a key that is also an action on the sheet
    /// below (a level, a movement, `e`) does it too — the member was reading that indicator — instead
    /// of being lost. The keys that only close (Esc, q, Enter, Space, ?, F1, v) do nothing more.
    static func closedBy(_ key: Key, _ state: inout AppState) -> [Effect] {
        switch key {
        case .escape, .char("q"), .enter, .lineBreak, .char(" "), .char("?"), .function(1), .char("v"), .resize:
            return []
        default:
            return Update.handle(key, &state)
        }
    }

    /// A paste goes whole into the open field, line breaks included; with no field open it is
    /// ignored (never read as keys) and the status line says so.
    static func paste(_ text: String, _ state: inout AppState) -> [Effect] {
        guard !state.isTooSmall, case .prompt(var p) = state.overlay else {
            state.status = StatusLine(.pasteIgnored, .error)
            return []
        }
        p.field.insert(text)
        state.overlay = .prompt(p)
        return []
    }

    /// Enter on a prompt: the screen the prompt was asked on takes the answer (only its own
    /// state) and says what follows, as a screen's key handler does.
    static func commit(_ p: Prompt, _ state: inout AppState) -> [Effect] {
        if case .finalizeTyped(let app, let note) = p.purpose {
            state.overlay = nil
            guard p.text.trimmingCharacters(in: .whitespaces) == app else {
                state.status = StatusLine(.notFinalizedMistyped(application: app), .error)
                return []
            }
            return [.chair(.finalize(application: app, note: note))]
        }
        let kind = Update.ScreenKind(state.screen)
        let delegates: [Delegate]
        switch state.screen {
        case .scoring(var s):
            delegates = ScoringKeys.commit(p, &s, state.language)
            state.screen = .scoring(s)
        case .consensus(var s):
            delegates = ConsensusKeys.commit(p, &s, state.language)
            state.screen = .consensus(s)
        case .report(let r):
            delegates = p.purpose == .reportPath ? ReportKeys.commit(p, r) : [.closeOverlay]
        case .chooseMember, .applications, .overview:
            delegates = [.closeOverlay]
        }
        return delegates.flatMap { Update.apply($0, from: kind, &state) }
    }
}

