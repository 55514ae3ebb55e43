import CityCertCore
import Foundation

/// Keys while an overlay (help, prompt, confirmation, notice) is open.
enum OverlayKeys {
    static func handle(_ key: Key, _ overlay: Overlay, _ state: inout AppState) -> [Effect] {
        switch overlay {
        case .help, .notice:
            state.overlay = nil
            return closedBy(key, &state)
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
            switch key {
            case .char("y"), .char("Y"), .enter:
                state.overlay = nil
                switch c.action {
                case .finalize(let app, let note):
                    // A range across the certification line: the id typed again, not a single key.
                    if ConsensusKeys.rangeCrossesLine(state) {
                        state.overlay = .prompt(Prompt(purpose: .finalizeTyped(application: app, note: note),
                                                       title: state.language.pick("Type \(app) to finalize (the range crosses the certification line)",
                                                                                  "확정하려면 \(app) 입력 (범위가 인증선을 넘나듦)")))
                        return []
                    }
                    return [.chair(.finalize(application: app, note: note))]
                case .reopenApplication(let app, let reason): return [.chair(.reopenApplication(app, reason: reason))]
                case let .overwriteReport(apps, format, path, choices):
                    if format == .pdf { state.status = ReportKeys.printing }
                    return [.chair(.writeReport(applications: apps, format: format, path: path, overwrite: true, choices: choices))]
                case let .setValue(id, value):
                    guard case .scoring(var s) = state.screen else { return [] }
                    let effects = ScoringKeys.saveValue(value, for: id, &s)
                    state.screen = .scoring(s)
                    return effects
                case .restoreDraft(let d):
                    return restore(d, &state)
                case .seal: return [.chair(.seal)]
                case .submit(let p), .reopen(let p):
                    guard case .scoring(let s) = state.screen else { return [] }
                    if case .submit = c.action { return [.submit(application: s.application.id, phase: p)] }
                    return [.reopenSheet(application: s.application.id, phase: p)]
                }
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
        case .prompt(var p):
            switch key {
            case .escape:
                state.overlay = nil
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

    /// After a key closed the help, a notice or the reader: a key that is also an action on the
    /// screen below (a level, a movement, `e`) does it too, instead of being lost. The keys that
    /// only close (Esc, q, Enter, Space, ?, F1, v) do nothing more.
    static func closedBy(_ key: Key, _ state: inout AppState) -> [Effect] {
        switch key {
        case .escape, .char("q"), .enter, .lineBreak, .char(" "), .char("?"), .function(1), .char("v"), .resize:
            return []
        default:
            return Update.handle(key, &state)
        }
    }

    /// Opens the field of a draft again with its text (the member said yes to getting it back).
    static func restore(_ d: Draft, _ state: inout AppState) -> [Effect] {
        guard case .scoring(var s) = state.screen, s.application.id == d.application,
              let index = s.indicators.firstIndex(where: { $0.id == d.indicator }) else { return [.discardDraft(application: d.application)] }
        s.phase = d.phase
        s.cursor = index
        state.screen = .scoring(s)
        let lang = state.language
        let purpose: Prompt.Purpose
        let title: String
        switch d.field {
        case .note: purpose = .note(indicator: d.indicator); title = lang.pick("Note on \(d.indicator)", "\(d.indicator) 메모")
        case .clarification: purpose = .clarification(indicator: d.indicator); title = lang.pick("Question to the applicant on \(d.indicator)", "\(d.indicator) 신청기관 질의")
        case .value: purpose = .value(indicator: d.indicator); title = lang.pick("Verified value for \(d.indicator)", "\(d.indicator) 확인 값")
        }
        var prompt = Prompt(purpose: purpose, title: title, text: d.text)
        prompt.cursor = min(max(0, d.cursor), prompt.field.characters.count)
        state.overlay = .prompt(prompt)
        state.status = StatusLine(.draftRestored)
        return []
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

    static func commit(_ p: Prompt, _ state: inout AppState) -> [Effect] {
        switch p.purpose {
        case .finalizeNote(let app):
            let note = p.text.trimmingCharacters(in: .whitespaces)
            if note.isEmpty, ConsensusKeys.rangeCrossesLine(state) {
                state.status = StatusLine(.finalizeNoteRequired, .error)
                return []
            }
            state.status = nil
            if case .consensus(var s) = state.screen {
                s.draftNote = note   // offered again if finalizing is cancelled or the id mistyped
                state.screen = .consensus(s)
            }
            state.overlay = .confirm(ConsensusKeys.finalizeConfirmation(app, note: note, state))
            return []
        case .finalizeTyped(let app, let note):
            state.overlay = nil
            guard p.text.trimmingCharacters(in: .whitespaces) == app else {
                state.status = StatusLine(.notFinalizedMistyped(application: app), .error)
                return []
            }
            return [.chair(.finalize(application: app, note: note))]
        case .reopenReason(let app):
            let reason = p.text.trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else {
                state.status = StatusLine(.reopenReasonRequired, .error)
                return []
            }
            let lang = state.language
            let name: String = { if case .consensus(let s) = state.screen { return s.data.application.government.text(lang) } else { return app } }()
            state.overlay = .confirm(Confirmation(
                title: lang.pick("Reopen application", "확정 취소"),
                lines: [lang.pick("Remove the decision on \(name) and let members change their sheets?",
                                  "\(name)의 확정을 취소하고 평가표 수정을 허용할까요?"),
                        lang.pick("Reason: ", "사유: ") + reason],
                action: .reopenApplication(app, reason: reason)))
            return []
        case .reportPath:
            state.overlay = nil
            guard case .report(let r) = state.screen else { return [] }
            let path = p.text.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else { return [] }
            if r.format == .pdf { state.status = ReportKeys.printing }
            return [.chair(.writeReport(applications: r.chosen, format: r.format, path: path, choices: r.choices))]
        default:
            break
        }
        guard case .scoring(var s) = state.screen else { state.overlay = nil; return [] }
        let lang = state.language
        let text = p.text.trimmingCharacters(in: .whitespacesAndNewlines)
        var effects: [Effect] = []
        switch p.purpose {
        case .find:
            state.overlay = nil
            // An empty search finds the last one again (the next match).
            let text = text.isEmpty ? s.lastFind : text
            guard !text.isEmpty else { return [] }
            s.lastFind = text
            let needle = text.lowercased()
            func matches(_ ind: Indicator) -> Bool {
                ind.id.lowercased().contains(needle) || ind.name.text(.ko).lowercased().contains(needle) || ind.name.text(.en).lowercased().contains(needle)
            }
            // An exact id wins; otherwise the next match after the cursor, so that / Enter again moves on.
            let n = s.indicators.count
            let hit = s.indicators.firstIndex { $0.id.lowercased() == needle && $0.id != s.current?.id }
                ?? (1...max(1, n)).map { (s.cursor + $0) % max(1, n) }.first { n > 0 && matches(s.indicators[$0]) }
            if let hit {
                s.cursor = hit
                let count = s.indicators.filter(matches).count
                state.status = StatusLine(.findMatches(text, count: count))
            } else {
                state.status = StatusLine(.findNoMatch(text), .error)
            }
        case .value(let id):
            guard !text.isEmpty else {
                state.status = StatusLine(.valueRequired, .error)
                return []
            }
            let value: Decimal
            switch EnteredNumber.parse(text) {
            case .success(let v): value = v
            case .failure(let why):
                state.status = StatusLine(.said(LocalizedText(ko: why.message(text, korean: true), en: why.message(text, korean: false))), .error)
                return []
            }
            // A value outside the indicator's range is refused here, the prompt kept (spec §2 range).
            if let ind = s.indicators.first(where: { $0.id == id }), let range = ind.range, !range.contains(value) {
                state.status = StatusLine(.valueOutOfRange(indicator: id, value: value.plainText, range: range.description), .error)
                return []
            }
            // A correction far from what the applicant submitted (over 10× or under a tenth) is asked once.
            if let submitted = s.application.quantitative[id]?.value, ValueCheck.isFar(value, from: submitted) {
                state.overlay = .confirm(Confirmation(
                    title: lang.pick("Far from the submitted value", "제출값과 크게 다름"),
                    lines: [lang.pick("\(id): you entered \(value.plainText); the applicant submitted \(submitted.plainText).",
                                      "\(id): 입력 \(value.plainText), 신청기관 제출값 \(submitted.plainText)."),
                            lang.pick("More than ten times apart (a unit or a typing slip?). Save it?",
                                      "10배 이상 차이가 납니다 (단위나 오타 확인). 저장할까요?")],
                    action: .setValue(indicator: id, value: value)))
                return []
            }
            state.overlay = nil
            effects = ScoringKeys.saveValue(value, for: id, &s)
        case .note(let id), .clarification(let id):
            state.overlay = nil
            var entry = s.entry(id) ?? Entry()
            if case .note = p.purpose { entry.note = text.isEmpty ? nil : text } else { entry.clarification = text.isEmpty ? nil : text }
            effects = ScoringKeys.save(entry, for: id, &s)
        case .finalizeNote, .finalizeTyped, .reopenReason, .reportPath:
            break
        }
        state.screen = .scoring(s)
        return effects
    }
}

/// Whether a member's value is far from the applicant's: more than ten times apart either way.
public enum ValueCheck {
    public static func isFar(_ value: Decimal, from submitted: Decimal) -> Bool {
        let a = value.magnitude, b = submitted.magnitude
        if a == 0 || b == 0 { return a != b && max(a, b) >= 1 }
        return a > b * 10 || b > a * 10
    }
}

