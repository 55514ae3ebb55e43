import CityCertCore

/// Keys of the chair's overview.
enum OverviewKeys {
    static func handle(_ key: Key, _ s: inout OverviewState, _ context: KeyContext) -> [Delegate] {
        let rows = s.ordered
        guard let action = keymap.action(for: key) else { return [] }
        switch action {
        case .move:
            if let c = ListCursor.move(key, cursor: s.cursor, count: s.count, page: context.height - 8) { s.cursor = c }
        case .open:
            if let invalid = s.selectedInvalid {
                let lang = context.language
                let reasons = invalid.reasons.isEmpty ? [TUILabels(lang).applicationCannotBeRead] : invalid.reasons
                return [.overlay(.notice(title: TUILabels(lang).invalidApplication("\(invalid.id)"),
                                         lines: reasons.flatMap { TextLayout.wrap($0, width: max(20, context.width - 12)) }))]
            }
            guard rows.indices.contains(s.cursor) else { return [] }
            return [.openConsensus(rows[s.cursor].id)]
        case .sort:
            s.byBoundary.toggle()
            s.cursor = 0
        case .ownScoring:
            return [.showApplications]
        case .report:
            return [.showReport]
        case .reload:
            return [.status(StatusLine(.storeReadAgain)), .run(.chair(.loadOverview))]
        case .back:
            return [.leave]
        }
        return []
    }
}

/// Keys of the consensus screen.
enum ConsensusKeys {
    static func handle(_ key: Key, _ s: inout ConsensusState, _ context: KeyContext) -> [Delegate] {
        let lang = context.language
        let app = s.data.application.id
        guard let action = keymap.action(for: key) else { return [] }
        switch action {
        case .move:
            if let c = ListCursor.move(key, cursor: s.cursor, count: s.indicators.count, page: 10) { s.cursor = c }
        case .phase:
            s.phase = s.phase == .written ? .site : .written
        case .panel:
            s.panel = s.panel == .indicator ? .robustness : .indicator
        case .membersRight:
            s.memberOffset = min(s.memberOffset + 1, max(0, s.data.members.count - 1))
        case .membersLeft:
            s.memberOffset = max(0, s.memberOffset - 1)
        case .nextFlag:
            // Jump to the next flagged indicator.
            let n = s.indicators.count, view = s
            guard n > 0, let next = (1...n).map({ (view.cursor + $0) % n }).first(where: { view.result(view.indicators[$0].id)?.flagged == true }) else {
                return [.status(StatusLine(.noFlaggedIndicator))]
            }
            s.cursor = next
        case .questions:
            let width = OverlayScreen.readerTextWidth(context.width)
            return [.overlay(.reader(title: TUILabels(lang).clarificationQuestions,
                                     lines: clarifications(s, lang).flatMap { TextLayout.wrap($0, width: width) }, scroll: 0))]
        case .read:
            guard let ind = s.current else { return [] }
            return [.overlay(.reader(title: "\(ind.id) \(ind.name.text(lang))",
                                     lines: IndicatorPanel.fullText(s, width: OverlayScreen.readerTextWidth(context.width), lang), scroll: 0))]
        case .finalize:
            return [.overlay(askFinalize(s, context))]
        case .reopen:
            guard s.data.decision != nil else { return [.status(StatusLine(.notFinal(application: app), .error))] }
            return [.overlay(.prompt(Prompt(purpose: .reopenReason(application: app),
                                            title: TUILabels(lang).reasonReopeningRequiredKept)))]
        case .reload:
            return [.status(StatusLine(.storeReadAgain)), .run(.chair(.openConsensus(app)))]
        case .back:
            return [.backToOverview(left: app)]
        }
        return []
    }

    /// `F`: why it cannot be finalized, or the prompt for the decision note.
    static func askFinalize(_ s: ConsensusState, _ context: KeyContext) -> Overlay {
        let lang = context.language
        if let reason = s.data.finalizeRefusal {
            // Shown whole in a box: the list of who is missing can be long. Members by name in Korean.
            let text = reason.text(application: s.data.application.id, language: lang) { id in
                s.data.members.first { $0.id == id }?.name ?? id
            }
            return .notice(title: TUILabels(lang).cannotFinalize, lines: TextLayout.wrap(text, width: max(20, context.width - 12)))
        }
        let title = s.data.evaluation.range.crossesCertification
            ? TUILabels(lang).decisionNoteRequiredRange
            : TUILabels(lang).decisionNoteOptional
        return .prompt(Prompt(purpose: .finalizeNote(application: s.data.application.id), title: title, text: s.draftNote))
    }

    /// Whether the open consensus screen's range crosses the certification line (finalizing it asks
    /// for a note and the application id typed again).
    static func rangeCrossesLine(_ state: AppState) -> Bool {
        if case .consensus(let s) = state.screen { return s.data.evaluation.range.crossesCertification }
        return false
    }

    /// The chair's answer to the decision note or the reason for reopening.
    static func commit(_ p: Prompt, _ s: inout ConsensusState, _ lang: Language) -> [Delegate] {
        let text = p.text.trimmingCharacters(in: .whitespaces)
        switch p.purpose {
        case .finalizeNote(let app):
            if text.isEmpty, s.data.evaluation.range.crossesCertification { return [.status(StatusLine(.finalizeNoteRequired, .error))] }
            s.draftNote = text   // offered again if finalizing is cancelled or the id mistyped
            return [.status(nil), .overlay(.confirm(finalizeConfirmation(app, note: text, s, lang)))]
        case .reopenReason(let app):
            guard !text.isEmpty else { return [.status(StatusLine(.reopenReasonRequired, .error))] }
            let name = s.data.application.government.text(lang)
            return [.overlay(.confirm(Confirmation(
                title: TUILabels(lang).reopenApplication,
                lines: [TUILabels(lang).removeDecisionLetMembers("\(name)"),
                        TUILabels(lang).reason + text],
                action: .reopenApplication(app, reason: text))))]
        case .value, .note, .clarification, .find, .finalizeTyped, .reportPath:
            return [.closeOverlay]
        }
    }

    /// The finalize confirmation: the total, the margin to each neighbouring grade line, the range
    /// and the grades in it, the pivotal flags, the note.
    static func finalizeConfirmation(_ app: String, note: String, _ s: ConsensusState, _ lang: Language) -> Confirmation {
        let e = s.data.evaluation, rb = s.data.robustness
        var lines = [s.data.application.government.text(lang),
                     TUILabels(lang).gradeAndTotal("\(e.grade)", certified: e.certified, "\(e.total)", "\(e.max)", "\(e.percent)")]
        let up = rb.toNextGrade.map { TUILabels(lang).plusToGrade("\($0)", "\(e.grade - 1)") } ?? TUILabels(lang).bestGrade
        let down = rb.aboveBoundary.map { TUILabels(lang).aboveGradeLine("\($0)", "\(e.grade)") } ?? TUILabels(lang).lowestGrade
        lines.append(TUILabels(lang).margins + up + " · " + down)
        lines.append(RobustnessPanel.rangeText(rb.range, lang, provisional: e.status == .provisional))
        if !rb.pivotal.isEmpty {
            lines.append(TUILabels(lang).aloneAcrossCertificationLine
                         + rb.pivotal.map { "\($0.id) \($0.score)→\($0.couldLose ? $0.low : $0.high)" }.joined(separator: ", "))
        }
        if rb.range.crossesCertification {
            lines.append(TUILabels(lang).flagsTogetherCanStill)
        }
        if !note.isEmpty { lines.append(TUILabels(lang).noteColon + note) }
        lines.append(TUILabels(lang).finalizeSheetsAreFrozen)
        return Confirmation(title: TUILabels(lang).finalize, lines: lines, action: .finalize(application: app, note: note))
    }

    /// Every clarification question on the application, by indicator and member.
    static func clarifications(_ s: ConsensusState, _ lang: Language) -> [String] {
        var lines: [String] = []
        let names = Dictionary(uniqueKeysWithValues: s.data.members.map { ($0.id, $0.name) })
        for r in s.data.evaluation.indicators {
            for phase in Phase.allCases {
                for m in r.phase(phase).members {
                    if let q = m.entry.clarification { lines.append("\(r.id)  \(names[m.member] ?? m.member): \(q)") }
                }
            }
        }
        return lines.isEmpty ? [TUILabels(lang).noQuestions] : lines
    }
}
