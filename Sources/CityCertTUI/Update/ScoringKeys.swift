import CityCertCore
import Foundation

/// Keys of the scoring screen.
enum ScoringKeys {
    static func handle(_ key: Key, _ s: inout ScoringState, _ state: inout AppState) -> [Effect] {
        let lang = state.language
        if let c = ListCursor.move(key, cursor: s.cursor, count: s.indicators.count, page: 10) {
            s.cursor = c
            return []
        }
        guard let ind = s.current else {
            if key == .char("q") || key == .escape { return back(&state) }
            return []
        }
        switch key {
        case .char("q"), .escape, .left, .char("h"):
            return back(&state)
        case .tab, .char("p"), .backTab:
            let target: Phase = s.phase == .written ? .site : .written
            if target == .site && !s.open.onSiteTeam {
                state.status = StatusLine(lang.pick("You are not on the site team of this application.", "이 신청서의 현장실사 위원이 아닙니다."), .error)
                return []
            }
            s.phase = target
            state.status = StatusLine(lang.pick("Phase: \(phaseName(target, .en))", "단계: \(phaseName(target, .ko))"))
            return []
        case .char("m"):
            if let next = nextMissing(s) { s.cursor = next } else {
                state.status = StatusLine(lang.pick("Every indicator has an entry.", "모든 지표를 입력했습니다."), .success)
            }
            return []
        case .char("v"), .enter:
            state.overlay = .reader(title: "\(ind.id) \(ind.name.text(lang))",
                                    lines: DetailPane.fullText(s, width: OverlayScreen.readerTextWidth(state), lang), scroll: 0)
            return []
        case .char("/"):
            // The prompt starts empty (typing must not append to the last search); Enter on it
            // finds the last search again.
            state.overlay = .prompt(Prompt(purpose: .find, title: lang.pick("Find indicator (id or name)", "지표 찾기 (번호 또는 이름)"),
                                           hint: s.lastFind.isEmpty ? nil : lang.pick("empty Enter: “\(s.lastFind)” again", "빈 칸 Enter: “\(s.lastFind)” 다시")))
            return []
        case .char("S"):
            return askSubmit(&s, &state)
        case .char("R"):
            guard s.isSubmitted else {
                state.status = StatusLine(lang.pick("This sheet is not submitted.", "제출된 평가표가 아닙니다."), .error)
                return []
            }
            guard !s.open.isFinal else { return refuseEdit(s, &state) }
            state.overlay = .confirm(Confirmation(
                title: lang.pick("Reopen sheet", "평가표 다시 열기"),
                lines: [lang.pick("Reopen your \(phaseName(s.phase, .en)) sheet as a draft?", "\(phaseName(s.phase, .ko)) 평가표를 작성 중으로 되돌릴까요?")],
                action: .reopen(s.phase)))
            return []
        default:
            break
        }
        // The keys below change the sheet.
        let editKeys: Set<Key> = [.char("a"), .char("e"), .char("n"), .char("c"), .char("x"), .delete, .backspace]
        let isLevelKey: Bool = { if case .char(let c) = key, c.isNumber { return true } else { return false } }()
        guard editKeys.contains(key) || isLevelKey else { return [] }
        guard s.isEditable else { return refuseEdit(s, &state) }
        var entry = s.entry(ind.id) ?? Entry()
        switch key {
        case .char("a"):
            guard ind.isQuantitative else {
                state.status = StatusLine(lang.pick("Choose a level with its number key.", "숫자 키로 수준을 고르세요."), .error)
                return []
            }
            guard let submitted = s.application.quantitative[ind.id] else {
                state.status = StatusLine(lang.pick("Nothing was submitted for \(ind.id): enter a value with e.", "\(ind.id)에 제출된 값이 없습니다. e로 값을 입력하세요."), .error)
                return []
            }
            entry.value = submitted.value
        case .char("e"):
            guard ind.isQuantitative else {
                state.status = StatusLine(lang.pick("Choose a level with its number key.", "숫자 키로 수준을 고르세요."), .error)
                return []
            }
            // The prompt starts empty; the value on file and the submitted one are shown under it.
            let mine = entry.value.map { lang.pick("yours \($0)", "내 값 \($0)") }
            let submitted = s.application.quantitative[ind.id].map { lang.pick("submitted \($0.value)", "제출값 \($0.value)") }
            let known = [mine, submitted].compactMap { $0 }.joined(separator: " · ")
            state.overlay = .prompt(Prompt(purpose: .value(indicator: ind.id),
                                           title: lang.pick("Verified value for \(ind.id)", "\(ind.id) 확인 값"),
                                           hint: known.isEmpty ? nil : known))
            return []
        case .char("n"):
            state.overlay = .prompt(Prompt(purpose: .note(indicator: ind.id), title: lang.pick("Note on \(ind.id)", "\(ind.id) 메모"), text: entry.note ?? ""))
            return []
        case .char("c"):
            state.overlay = .prompt(Prompt(purpose: .clarification(indicator: ind.id),
                                           title: lang.pick("Question to the applicant on \(ind.id)", "\(ind.id) 신청기관 질의"), text: entry.clarification ?? ""))
            return []
        case .char("x"), .delete, .backspace:
            entry.value = nil
            entry.level = nil
        case .char(let c):
            guard let level = Int(String(c)), !ind.isQuantitative else {
                if ind.isQuantitative {
                    state.status = StatusLine(lang.pick("Accept with a, or enter a value with e.", "a로 제출값을 인정하거나 e로 값을 입력하세요."), .error)
                }
                return []
            }
            guard ind.levels.contains(where: { $0.level == level }) else {
                state.status = StatusLine(lang.pick("\(ind.id) has no level \(level).", "\(ind.id)에는 \(level) 수준이 없습니다."), .error)
                return []
            }
            entry.level = level
        default:
            return []
        }
        return save(entry, for: ind.id, &s)
    }

    /// Back to the applications list as it was left, with the row of the application left read
    /// again for its new progress, and those of applications changed meanwhile (reading every row
    /// again took a quarter of a second at 5,000 applications).
    static func back(_ state: inout AppState) -> [Effect] {
        guard let saved = state.savedList else {
            state.screen = .applications(ApplicationListState(all: []))
            return [.loadApplications]
        }
        let left: String? = if case .scoring(let s) = state.screen { s.application.id } else { nil }
        state.screen = .applications(saved)
        return [.refreshApplications(left: left)]
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

    static func refuseEdit(_ s: ScoringState, _ state: inout AppState) -> [Effect] {
        let lang = state.language
        let text: String
        if s.open.isFinal {
            text = lang.pick("The chair has finalized this application: it is read-only.", "위원장이 확정한 신청서입니다. 수정할 수 없습니다.")
        } else if s.isSubmitted {
            text = lang.pick("This sheet is submitted: press R to reopen it.", "제출된 평가표입니다. R로 다시 열 수 있습니다.")
        } else {
            text = lang.pick("You are not on the site team of this application.", "이 신청서의 현장실사 위원이 아닙니다.")
        }
        state.status = StatusLine(text, .error)
        return []
    }

    static func askSubmit(_ s: inout ScoringState, _ state: inout AppState) -> [Effect] {
        let lang = state.language
        if s.isSubmitted {
            state.status = StatusLine(lang.pick("Already submitted.", "이미 제출했습니다."), .info)
            return []
        }
        guard s.isEditable else { return refuseEdit(s, &state) }
        let missing = s.indicators.filter { s.entry($0.id)?.isScored != true }
        if !missing.isEmpty {
            state.overlay = .notice(
                title: lang.pick("Cannot submit: \(missing.count) indicator(s) have no entry", "제출할 수 없습니다: \(missing.count)개 지표 미입력"),
                lines: missing.map { "\($0.id)  \($0.name.text(lang))" })
            s.cursor = nextMissing(s) ?? s.cursor
            return []
        }
        let tally = s.tally
        let max = s.maxPoints
        state.overlay = .confirm(Confirmation(
            title: lang.pick("Submit sheet", "평가표 제출"),
            lines: [
                s.application.government.text(lang) + " · " + phaseName(s.phase, lang),
                lang.pick("Your total: \(tally.total) / \(max)", "총점: \(tally.total) / \(max)"),
                lang.pick("Submit? You can reopen it until the chair finalizes.", "제출할까요? 위원장이 확정하기 전까지 다시 열 수 있습니다."),
            ],
            action: .submit(s.phase)))
        return []
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

    static func phaseName(_ p: Phase, _ lang: Language) -> String {
        switch p {
        case .written: return lang.pick("written evaluation", "서면평가")
        case .site: return lang.pick("site inspection", "현장실사")
        }
    }
}
