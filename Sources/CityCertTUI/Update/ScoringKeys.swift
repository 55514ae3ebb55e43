import CityCertCore
import Foundation

/// Keys of the scoring screen.
enum ScoringKeys {
    static func handle(_ key: Key, _ s: inout ScoringState, _ context: KeyContext) -> [Delegate] {
        let lang = context.language
        if var v = s.viewer {
            if let delegates = EvidenceKeys.handle(key, &v, &s, context) {
                if s.viewer != nil { s.viewer = v }
                return delegates
            }
        }
        guard let action = keymap.action(for: key) else { return [] }
        guard let ind = s.current else {
            return key == .char("q") || key == .escape ? [.backToList(left: s.application.id)] : []
        }
        switch action {
        case .move:
            if let c = ListCursor.move(key, cursor: s.cursor, count: s.indicators.count, page: 10) { s.cursor = c }
            return []
        case .back:
            return [.backToList(left: s.application.id)]
        case .phase:
            let target: Phase = s.phase == .written ? .site : .written
            if target == .site && !s.open.onSiteTeam { return [.status(StatusLine(.notOnSiteTeam, .error))] }
            s.phase = target
            return [.status(StatusLine(.phase(target)))]
        case .evidence:
            return EvidenceKeys.open(&s)
        case .nextMissing:
            guard let next = nextMissing(s) else { return [.status(StatusLine(.everyIndicatorEntered, .success))] }
            s.cursor = next
            return []
        case .read:
            return [.overlay(.reader(title: "\(ind.id) \(ind.name.text(lang))",
                                     lines: DetailPane.fullText(s, width: OverlayScreen.readerTextWidth(context.width), lang), scroll: 0))]
        case .find:
            // The prompt starts empty (typing must not append to the last search); Enter on it
            // finds the last search again.
            return [.overlay(.prompt(Prompt(purpose: .find, title: TUILabels(lang).findIndicatorIdName,
                                            hint: s.lastFind.isEmpty ? nil : TUILabels(lang).emptyEnterAgain("\(s.lastFind)"))))]
        case .submit:
            return askSubmit(&s, lang)
        case .reopen:
            guard s.isSubmitted else { return [.status(StatusLine(.sheetNotSubmitted, .error))] }
            guard !s.open.isFinal else { return refuseEdit(s) }
            return [.overlay(.confirm(Confirmation(
                title: TUILabels(lang).reopenSheet,
                lines: [TUILabels(lang).reopenSheetAsDraft(s.phase)],
                action: .reopen(s.phase))))]
        case .accept, .edit, .level, .note, .question, .clear:
            guard s.isEditable else { return refuseEdit(s) }
            return edit(action, key, ind, &s, lang)
        }
    }

    /// The keys that change the sheet: a, e, n, c, x / Del, the level keys.
    static func edit(_ action: Action, _ key: Key, _ ind: Indicator, _ s: inout ScoringState, _ lang: Language) -> [Delegate] {
        var entry = s.entry(ind.id) ?? Entry()
        switch action {
        case .accept:
            guard ind.isQuantitative else { return [.status(StatusLine(.chooseLevelWithNumber, .error))] }
            guard let submitted = s.application.quantitative[ind.id] else {
                return [.status(StatusLine(.nothingSubmitted(indicator: ind.id), .error))]
            }
            entry.value = submitted.value
        case .edit:
            guard ind.isQuantitative else { return [.status(StatusLine(.chooseLevelWithNumber, .error))] }
            // The prompt starts empty; the value on file and the submitted one are shown under it.
            let mine = entry.value.map { TUILabels(lang).yoursValue("\($0)") }
            let submitted = s.application.quantitative[ind.id].map { TUILabels(lang).submittedValueIs("\($0.value)") }
            let known = [mine, submitted].compactMap { $0 }.joined(separator: " · ")
            return [.overlay(.prompt(Prompt(purpose: .value(indicator: ind.id),
                                            title: TUILabels(lang).verifiedValue("\(ind.id)"),
                                            hint: known.isEmpty ? nil : known)))]
        case .note:
            return [.overlay(.prompt(Prompt(purpose: .note(indicator: ind.id), title: TUILabels(lang).noteOn("\(ind.id)"), text: entry.note ?? "")))]
        case .question:
            return [.overlay(.prompt(Prompt(purpose: .clarification(indicator: ind.id),
                                            title: TUILabels(lang).questionApplicant("\(ind.id)"), text: entry.clarification ?? "")))]
        case .clear:
            entry.value = nil
            entry.level = nil
        case .level:
            guard case .char(let c) = key, let level = Int(String(c)), !ind.isQuantitative else {
                return ind.isQuantitative ? [.status(StatusLine(.acceptOrEnterValue, .error))] : []
            }
            guard ind.levels.contains(where: { $0.level == level }) else {
                return [.status(StatusLine(.noSuchLevel(indicator: ind.id, level: level), .error))]
            }
            entry.level = level
        case .move, .back, .phase, .evidence, .nextMissing, .read, .find, .submit, .reopen:
            return []
        }
        return save(entry, for: ind.id, &s).map(Delegate.run)
    }

    /// Applies an entry locally (so the screen answers at once) and asks the runtime to save it.
    /// Saves a value the member entered (keeping the entry's note and question).
    static func saveValue(_ value: Decimal, for indicator: String, _ s: inout ScoringState) -> [Effect] {
        var entry = s.entry(indicator) ?? Entry()
        entry.value = value
        return save(entry, for: indicator, &s)
    }

    static func save(_ entry: Entry, for indicator: String, _ s: inout ScoringState) -> [Effect] {
        let keep = entry.isScored || entry.note?.isEmpty == false || entry.clarification?.isEmpty == false
        var ps = s.open.sheet.phases[s.phase] ?? PhaseSheet()
        ps.entries[indicator] = keep ? entry : nil
        s.open.sheet.phases[s.phase] = ps
        return [.setEntry(application: s.application.id, phase: s.phase, indicator: indicator, entry: keep ? entry : nil)]
    }

    /// Why the sheet cannot be changed.
    static func refuseEdit(_ s: ScoringState) -> [Delegate] {
        let message: StatusMessage = s.open.isFinal ? .finalizedReadOnly : s.isSubmitted ? .submittedReopenWithR : .notOnSiteTeam
        return [.status(StatusLine(message, .error))]
    }

    static func askSubmit(_ s: inout ScoringState, _ lang: Language) -> [Delegate] {
        if s.isSubmitted { return [.status(StatusLine(.alreadySubmitted, .info))] }
        guard s.isEditable else { return refuseEdit(s) }
        if s.phase == .site, s.open.sheet.phases[.written]?.status != .submitted {
            return [.status(StatusLine(.submitWrittenFirst, .error))]
        }
        let missing = s.indicators.filter { s.entry($0.id)?.isScored != true }
        if !missing.isEmpty {
            s.cursor = nextMissing(s) ?? s.cursor
            return [.overlay(.notice(
                title: TUILabels(lang).cannotSubmitIndicatorHave("\(missing.count)"),
                lines: missing.map { "\($0.id)  \($0.name.text(lang))" }))]
        }
        let tally = s.tally
        let max = s.maxPoints
        return [.overlay(.confirm(Confirmation(
            title: TUILabels(lang).submitSheet,
            lines: [
                s.application.government.text(lang) + " · " + phaseName(s.phase, lang),
                TUILabels(lang).yourTotal("\(tally.total)", "\(max)"),
                TUILabels(lang).submitYouCanReopen,
            ],
            action: .submit(s.phase))))]
    }

    /// The next indicator after the cursor without a scored entry (wrapping), nil when none.
    static func nextMissing(_ s: ScoringState) -> Int? {
        let n = s.indicators.count
        guard n > 0 else { return nil }
        for step in 1...n {
            let i = (s.cursor + step) % n
            if s.entry(s.indicators[i].id)?.isScored != true { return i }
        }
        return nil
    }

    static func phaseName(_ p: Phase, _ lang: Language) -> String { StatusText.phaseName(p, lang) }
}
