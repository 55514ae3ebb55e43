import CityCertCore
import Foundation

/// The scoring screen's answers to its prompts: a search, a value, a note, a question.
extension ScoringKeys {
    static func commit(_ p: Prompt, _ s: inout ScoringState, _ lang: Language) -> [Delegate] {
        let text = p.text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch p.purpose {
        case .find:
            return [.closeOverlay] + find(text, &s)
        case .value(let id):
            return commitValue(text, for: id, &s, lang)
        case .note(let id), .clarification(let id):
            var entry = s.entry(id) ?? Entry()
            if case .note = p.purpose { entry.note = text.isEmpty ? nil : text } else { entry.clarification = text.isEmpty ? nil : text }
            return [.closeOverlay] + save(entry, for: id, &s).map(Delegate.run)
        case .finalizeNote, .finalizeTyped, .reopenReason, .reportPath:
            return [.closeOverlay]
        }
    }

    /// Finds an indicator by id or name; an empty search finds the last one again (the next match).
    static func find(_ typed: String, _ s: inout ScoringState) -> [Delegate] {
        let text = typed.isEmpty ? s.lastFind : typed
        guard !text.isEmpty else { return [] }
        s.lastFind = text
        let needle = text.lowercased()
        func matches(_ ind: Indicator) -> Bool {
            ind.id.lowercased().contains(needle) || ind.name.text(.ko).lowercased().contains(needle) || ind.name.text(.en).lowercased().contains(needle)
        }
        // An exact id wins; otherwise the next match after the cursor, so that / Enter again moves on.
        let n = s.indicators.count
        let current = s.current?.id, cursor = s.cursor, indicators = s.indicators
        let hit = indicators.firstIndex { $0.id.lowercased() == needle && $0.id != current }
            ?? (1...max(1, n)).map { (cursor + $0) % max(1, n) }.first { n > 0 && matches(indicators[$0]) }
        guard let hit else { return [.status(StatusLine(.findNoMatch(text), .error))] }
        s.cursor = hit
        return [.status(StatusLine(.findMatches(text, count: indicators.filter(matches).count)))]
    }

    /// A value typed: refused with a message (the prompt kept), asked about when far from the
    /// submitted one, or saved.
    static func commitValue(_ text: String, for id: String, _ s: inout ScoringState, _ lang: Language) -> [Delegate] {
        guard !text.isEmpty else { return [.status(StatusLine(.valueRequired, .error))] }
        let value: Decimal
        switch EnteredNumber.parse(text) {
        case .success(let v): value = v
        case .failure(let why):
            return [.status(StatusLine(.said(LocalizedText(ko: why.message(text, korean: true), en: why.message(text, korean: false))), .error))]
        }
        // A value outside the indicator's range is refused here, the prompt kept (spec §2 range).
        if let ind = s.indicators.first(where: { $0.id == id }), let range = ind.range, !range.contains(value) {
            return [.status(StatusLine(.valueOutOfRange(indicator: id, value: value.plainText, range: range.description), .error))]
        }
        // A correction far from what the applicant submitted (over 10× or under a tenth) is asked once.
        if let submitted = s.application.quantitative[id]?.value, ValueCheck.isFar(value, from: submitted) {
            return [.overlay(.confirm(Confirmation(
                title: TUILabels(lang).farFromSubmittedValue,
                lines: [TUILabels(lang).youEnteredApplicantSubmitted("\(id)", "\(value.plainText)", "\(submitted.plainText)"),
                        TUILabels(lang).moreThanTenTimes],
                action: .setValue(indicator: id, value: value))))]
        }
        return [.closeOverlay] + saveValue(value, for: id, &s).map(Delegate.run)
    }

    /// The scoring screen's confirmed questions: a far value saved, a draft opened again, the
    /// sheet submitted or reopened.
    static func confirmed(_ action: Confirmation.Action, _ s: inout ScoringState, _ lang: Language) -> [Delegate] {
        switch action {
        case let .setValue(id, value):
            return saveValue(value, for: id, &s).map(Delegate.run)
        case .restoreDraft(let d):
            return restore(d, &s, lang)
        case .submit(let p):
            return [.run(.submit(application: s.application.id, phase: p))]
        case .reopen(let p):
            return [.run(.reopenSheet(application: s.application.id, phase: p))]
        case .finalize, .reopenApplication, .overwriteReport, .seal:
            return []
        }
    }

    /// Opens the field of a draft again with its text (the member said yes to getting it back).
    static func restore(_ d: Draft, _ s: inout ScoringState, _ lang: Language) -> [Delegate] {
        guard s.application.id == d.application, let index = s.indicators.firstIndex(where: { $0.id == d.indicator }) else {
            return [.run(.discardDraft(application: d.application))]
        }
        s.phase = d.phase
        s.cursor = index
        let purpose: Prompt.Purpose
        let title: String
        switch d.field {
        case .note: purpose = .note(indicator: d.indicator); title = TUILabels(lang).noteOn(d.indicator)
        case .clarification: purpose = .clarification(indicator: d.indicator); title = TUILabels(lang).questionApplicant(d.indicator)
        case .value: purpose = .value(indicator: d.indicator); title = TUILabels(lang).verifiedValue(d.indicator)
        }
        var prompt = Prompt(purpose: purpose, title: title, text: d.text)
        prompt.cursor = min(max(0, d.cursor), prompt.field.characters.count)
        return [.overlay(.prompt(prompt)), .status(StatusLine(.draftRestored))]
    }
}
