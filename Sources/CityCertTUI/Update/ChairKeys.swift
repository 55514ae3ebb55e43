import CityCertCore

/// Keys of the chair's overview.
enum OverviewKeys {
    static func handle(_ key: Key, _ s: inout OverviewState, _ state: inout AppState) -> [Effect] {
        let rows = s.ordered
        if let c = ListCursor.move(key, cursor: s.cursor, count: s.count, page: state.height - 8) {
            s.cursor = c
            return []
        }
        switch key {
        case .enter, .right, .char("l"):
            if let invalid = s.selectedInvalid {
                let lang = state.language
                let reasons = invalid.reasons.isEmpty ? [lang.pick("The application cannot be read; `citycert validate` says why.",
                                                                   "신청서를 읽을 수 없습니다. `citycert validate`로 사유를 확인하세요.")] : invalid.reasons
                state.overlay = .notice(title: lang.pick("\(invalid.id): invalid", "\(invalid.id): 오류"),
                                        lines: reasons.flatMap { TextLayout.wrap($0, width: max(20, state.width - 12)) })
                return []
            }
            guard rows.indices.contains(s.cursor) else { return [] }
            state.savedOverview = s
            return [.chair(.openConsensus(rows[s.cursor].id))]
        case .char("o"):
            s.byBoundary.toggle()
            s.cursor = 0
        case .char("w"):
            state.savedOverview = s
            state.screen = .applications(state.savedList ?? ApplicationListState(all: []))
            return [.loadApplications]
        case .char("P"):
            state.savedOverview = s
            return [.chair(.loadReportScreen)]
        case .char("r"), .function(5):
            state.status = StatusLine(state.language.pick("Read the store again.", "저장소를 다시 읽었습니다."))
            return [.chair(.loadOverview)]
        case .char("q"), .escape:
            if BackToCommittee.go(&state) { return [] }
            state.quitting = true
            return [.quit]
        default:
            break
        }
        return []
    }
}

/// Keys of the consensus screen.
enum ConsensusKeys {
    static func handle(_ key: Key, _ s: inout ConsensusState, _ state: inout AppState) -> [Effect] {
        let lang = state.language
        if let c = ListCursor.move(key, cursor: s.cursor, count: s.indicators.count, page: 10) {
            s.cursor = c
            return []
        }
        let app = s.data.application.id
        switch key {
        case .tab, .backTab, .char("p"):
            s.phase = s.phase == .written ? .site : .written
        case .char("h"):
            s.panel = s.panel == .indicator ? .robustness : .indicator
        case .char("]"):
            s.memberOffset = min(s.memberOffset + 1, max(0, s.data.members.count - 1))
        case .char("["):
            s.memberOffset = max(0, s.memberOffset - 1)
        case .char("f"):
            // Jump to the next flagged indicator.
            let n = s.indicators.count, view = s
            if n > 0, let next = (1...n).map({ (view.cursor + $0) % n }).first(where: { view.result(view.indicators[$0].id)?.flagged == true }) {
                s.cursor = next
            } else {
                state.status = StatusLine(lang.pick("No flagged indicator.", "편차 경고 지표가 없습니다."))
            }
        case .char("c"):
            state.overlay = .reader(title: lang.pick("Clarification questions", "신청기관 질의 목록"),
                                    lines: clarifications(s, state).flatMap { TextLayout.wrap($0, width: OverlayScreen.readerTextWidth(state)) }, scroll: 0)
        case .char("v"), .enter:
            guard let ind = s.current else { return [] }
            state.overlay = .reader(title: "\(ind.id) \(ind.name.text(lang))",
                                    lines: IndicatorPanel.fullText(s, width: OverlayScreen.readerTextWidth(state), lang), scroll: 0)
        case .char("F"):
            if let reason = s.data.finalizeRefusal {
                // Shown whole in a box: the list of who is missing can be long.
                state.overlay = .notice(title: lang.pick("Cannot finalize", "확정할 수 없습니다"),
                                        lines: TextLayout.wrap(reason, width: max(20, state.width - 12)))
                return []
            }
            let title = s.data.evaluation.range.crossesCertification
                ? lang.pick("Decision note (required: the range crosses the certification line)", "의결 메모 (필수: 범위가 인증선을 넘나듭니다)")
                : lang.pick("Decision note (optional)", "의결 메모 (선택)")
            state.overlay = .prompt(Prompt(purpose: .finalizeNote(application: app), title: title, text: s.draftNote))
        case .char("O"):
            guard s.data.decision != nil else {
                state.status = StatusLine(lang.pick("\(app) is not final.", "\(app)은(는) 확정되지 않았습니다."), .error)
                return []
            }
            state.overlay = .prompt(Prompt(purpose: .reopenReason(application: app),
                                           title: lang.pick("Reason for reopening (required, kept in the audit log)", "확정 취소 사유 (필수, 감사 기록에 남음)")))
        case .char("r"), .function(5):
            state.status = StatusLine(lang.pick("Read the store again.", "저장소를 다시 읽었습니다."))
            return [.chair(.openConsensus(app))]
        case .char("q"), .escape, .left:
            // The chair's work here changed this application only: its row is read again, not the
            // whole round (others' changes come with the next tick).
            guard let saved = state.savedOverview else {
                state.screen = .overview(OverviewState(rows: []))
                return [.chair(.loadOverview)]
            }
            state.screen = .overview(saved)
            return [.chair(.refreshOverview(left: app))]
        default:
            break
        }
        return []
    }

    /// Whether the open consensus screen's range crosses the certification line (finalizing it asks
    /// for a note and the application id typed again).
    static func rangeCrossesLine(_ state: AppState) -> Bool {
        if case .consensus(let s) = state.screen { return s.data.evaluation.range.crossesCertification }
        return false
    }

    /// The finalize confirmation: the total, the margin to each neighbouring grade line, the range
    /// and the grades in it, the pivotal flags, the note.
    static func finalizeConfirmation(_ app: String, note: String, _ state: AppState) -> Confirmation {
        let lang = state.language
        var lines = [app]
        if case .consensus(let s) = state.screen {
            let e = s.data.evaluation, rb = s.data.robustness
            lines = [s.data.application.government.text(lang),
                     lang.pick("Grade \(e.grade) · \(e.certified ? "certified" : "not certified") · total \(e.total) / \(e.max) (\(e.percent)%)",
                               "\(e.grade)등급 · \(e.certified ? "인증" : "미인증") · 총점 \(e.total) / \(e.max) (\(e.percent)%)")]
            let up = rb.toNextGrade.map { lang.pick("+\($0) to grade \(e.grade - 1)", "\(e.grade - 1)등급까지 +\($0)") } ?? lang.pick("best grade", "최고 등급")
            let down = rb.aboveBoundary.map { lang.pick("\($0) above grade \(e.grade)'s line", "\(e.grade)등급 하한보다 \($0) 높음") } ?? lang.pick("lowest grade", "최저 등급")
            lines.append(lang.pick("Margins: ", "경계 여유: ") + up + " · " + down)
            lines.append(RobustnessPanel.rangeText(rb.range, lang, provisional: e.status == .provisional))
            if !rb.pivotal.isEmpty {
                lines.append(lang.pick("Alone across the certification line: ", "단독으로 인증 여부를 바꾸는 지표: ")
                             + rb.pivotal.map { "\($0.id) \($0.score)→\($0.couldLose ? $0.low : $0.high)" }.joined(separator: ", "))
            }
            if rb.range.crossesCertification {
                lines.append(lang.pick("⚠ The flags together can still move this city across the certification line.",
                                       "⚠ 편차 경고 지표에 따라 인증 여부가 아직 바뀔 수 있습니다."))
            }
        }
        if !note.isEmpty { lines.append(lang.pick("Note: ", "메모: ") + note) }
        lines.append(lang.pick("Finalize? Sheets are frozen until you reopen.", "확정할까요? 다시 열기 전까지 평가표는 고정됩니다."))
        return Confirmation(title: lang.pick("Finalize", "최종 확정"), lines: lines, action: .finalize(application: app, note: note))
    }

    /// Every clarification question on the application, by indicator and member.
    static func clarifications(_ s: ConsensusState, _ state: AppState) -> [String] {
        var lines: [String] = []
        let names = Dictionary(uniqueKeysWithValues: s.data.members.map { ($0.id, $0.name) })
        for r in s.data.evaluation.indicators {
            for phase in Phase.allCases {
                for m in r.phase(phase).members {
                    if let q = m.entry.clarification { lines.append("\(r.id)  \(names[m.member] ?? m.member): \(q)") }
                }
            }
        }
        return lines.isEmpty ? [state.language.pick("No questions.", "질의가 없습니다.")] : lines
    }
}

/// Keys of the report screen.
enum ReportKeys {
    static func handle(_ key: Key, _ s: inout ReportState, _ state: inout AppState) -> [Effect] {
        let lang = state.language
        if s.showingPreview {
            let page = max(1, state.height - 5)
            let last = max(0, s.preview.count - page)
            switch key {
            case .up, .char("k"): s.scroll = max(0, s.scroll - 1)
            case .down, .char("j"): s.scroll = min(last, s.scroll + 1)
            case .pageUp: s.scroll = max(0, s.scroll - page)
            case .pageDown, .char(" "): s.scroll = min(last, s.scroll + page)
            case .home, .char("g"): s.scroll = 0
            case .end, .char("G"): s.scroll = last
            case .right, .char("l"): s.column += 10
            case .left, .char("h"): s.column = max(0, s.column - 10)
            case .char("w"): return askPath(&s, &state)
            case .char("q"), .escape: s.showingPreview = false
            default: break
            }
            return []
        }
        // Space chooses here (in other lists it pages down).
        if key != .char(" "), let c = ListCursor.move(key, cursor: s.cursor, count: s.applications.count, page: state.height - 8) {
            s.cursor = c
            return []
        }
        switch key {
        case .char(" "), .char("x"):
            guard s.applications.indices.contains(s.cursor) else { return [] }
            let id = s.applications[s.cursor].id
            if s.selected.contains(id) { s.selected.remove(id) } else { s.selected.insert(id) }
        case .char("a"):
            s.selected = s.selected.count == s.applications.count ? [] : Set(s.applications.map(\.id))
        case .char("f"):
            let all = ReportState.Format.allCases
            s.format = all[(all.firstIndex(of: s.format)! + 1) % all.count]
        case .enter, .char("v"):
            guard !s.chosen.isEmpty else {
                state.status = StatusLine(lang.pick("Choose at least one application (Space).", "신청서를 하나 이상 고르세요 (Space)."), .error)
                return []
            }
            if s.format == .pdf { state.status = printing(lang) }
            return [.chair(.previewReport(applications: s.chosen, format: s.format, choices: s.choices))]
        case .char("w"):
            return askPath(&s, &state)
        case .char("m"):
            switch s.choices.members {
            case .none: s.choices.members = .named
            case .named: s.choices.members = .anonymous
            case .anonymous: s.choices.members = .none
            }
        case .char("n"):
            s.choices.notes.toggle()
        case .char("b"):
            s.choices.byteOrderMark.toggle()
            state.status = StatusLine(s.choices.byteOrderMark
                ? lang.pick("CSV with a byte order mark (Korean Excel reads Hangul).", "CSV에 BOM 포함 (한글 Excel에서 한글이 바르게 보임).")
                : lang.pick("CSV without a byte order mark.", "CSV에 BOM 없음."))
        case .char("S"):
            state.overlay = .confirm(Confirmation(
                title: lang.pick("Seal the round", "평가 회차 봉인"),
                lines: [lang.pick("Record the SHA-256 of every authored file (store.yaml, committee.yaml, the standards,",
                                  "모든 작성 파일(store.yaml, committee.yaml, 인증 기준, applications/ 아래 모든 파일)의"),
                        lang.pick("everything under applications/) in the audit log, signed by you. Any later change",
                                  "SHA-256을 감사 로그에 서명하여 기록합니다. 이후 봉인 없이 바뀐 파일은"),
                        lang.pick("without a new seal is named by citycert verify. Seal? (y/n)",
                                  "citycert verify가 찾아냅니다. 봉인할까요? (y/n)")],
                action: .seal))
        case .char("q"), .escape:
            if state.session?.member.role == .chair {
                state.screen = .overview(state.savedOverview ?? OverviewState(rows: []))
                return [.chair(.loadOverview)]
            }
            if BackToCommittee.go(&state) { return [] }
            state.quitting = true
            return [.quit]
        default:
            break
        }
        return []
    }

    /// The status line while Chromium prints.
    static func printing(_ lang: Language) -> StatusLine {
        StatusLine(lang.pick("Printing the PDF with Chromium… (a few seconds)", "Chromium으로 PDF 인쇄 중… (몇 초 걸립니다)"))
    }

    static func askPath(_ s: inout ReportState, _ state: inout AppState) -> [Effect] {
        guard !s.chosen.isEmpty else {
            state.status = StatusLine(state.language.pick("Choose at least one application (Space).", "신청서를 하나 이상 고르세요 (Space)."), .error)
            return []
        }
        let ext = s.format.fileExtension
        let folder = state.reportFolder.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
        state.overlay = .prompt(Prompt(purpose: .reportPath, title: state.language.pick("Write the \(s.format.rawValue) report to", "\(s.format.rawValue) 보고서 저장 경로"),
                                       text: "\(folder)citycert-report.\(ext)"))
        return []
    }
}
