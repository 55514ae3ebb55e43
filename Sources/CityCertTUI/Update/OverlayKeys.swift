import CityCertCore
import Foundation

/// Keys while an overlay (help, prompt, confirmation, notice) is open.
enum OverlayKeys {
    static func handle(_ key: Key, _ overlay: Overlay, _ state: inout AppState) -> [Effect] {
        switch overlay {
        case .help, .notice:
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
            state.overlay = next.map { .reader(title: title, lines: lines, scroll: min(max(0, $0), last)) }
            return []
        case .confirm(let c):
            switch key {
            case .char("y"), .char("Y"), .enter:
                state.overlay = nil
                switch c.action {
                case .finalize(let app, let note): return [.finalize(application: app, note: note)]
                case .reopenApplication(let app): return [.reopenApplication(app)]
                case .seal: return [.seal]
                case .submit(let p), .reopen(let p):
                    guard case .scoring(let s) = state.screen else { return [] }
                    if case .submit = c.action { return [.submit(application: s.application.id, phase: p)] }
                    return [.reopenSheet(application: s.application.id, phase: p)]
                }
            case .char("n"), .char("N"), .escape, .char("q"):
                state.overlay = nil
                state.status = StatusLine(state.language.pick("Cancelled.", "취소했습니다."))
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
            default:
                TextEditing.apply(key, to: &p.text, cursor: &p.cursor)
                state.overlay = .prompt(p)
                return []
            }
        }
    }

    static func commit(_ p: Prompt, _ state: inout AppState) -> [Effect] {
        switch p.purpose {
        case .finalizeNote(let app):
            state.overlay = .confirm(ConsensusKeys.finalizeConfirmation(app, note: p.text, state))
            return []
        case .reportPath:
            state.overlay = nil
            guard case .report(let r) = state.screen else { return [] }
            let path = p.text.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else { return [] }
            return [.writeReport(applications: r.chosen, format: r.format, path: path)]
        default:
            break
        }
        guard case .scoring(var s) = state.screen else { state.overlay = nil; return [] }
        let lang = state.language
        let text = p.text.trimmingCharacters(in: .whitespaces)
        var effects: [Effect] = []
        switch p.purpose {
        case .find:
            state.overlay = nil
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
                state.status = StatusLine(lang.pick("“\(text)”: \(count) match(es); / Enter for the next", "“\(text)”: \(count)건 일치 — / Enter로 다음"))
            } else {
                state.status = StatusLine(lang.pick("No indicator matches “\(text)”.", "“\(text)”에 맞는 지표가 없습니다."), .error)
            }
        case .value(let id):
            guard !text.isEmpty else {
                state.status = StatusLine(lang.pick("Type the value you verified (Esc cancels).", "확인한 값을 입력하세요 (Esc 취소)."), .error)
                return []
            }
            guard let value = ValueParsing.decimal(text) else {
                state.status = StatusLine(lang.pick("“\(text)” is not a number.", "“\(text)”은(는) 숫자가 아닙니다."), .error)
                return []
            }
            state.overlay = nil
            var entry = s.entry(id) ?? Entry()
            entry.value = value
            effects = ScoringKeys.save(entry, for: id, &s)
        case .note(let id), .clarification(let id):
            state.overlay = nil
            var entry = s.entry(id) ?? Entry()
            if case .note = p.purpose { entry.note = text.isEmpty ? nil : text } else { entry.clarification = text.isEmpty ? nil : text }
            effects = ScoringKeys.save(entry, for: id, &s)
        case .finalizeNote, .reportPath:
            break
        }
        state.screen = .scoring(s)
        return effects
    }
}

/// Parsing what a member types as a value.
public enum ValueParsing {
    /// A decimal number (a comma as thousands separator is allowed), nil otherwise.
    public static func decimal(_ text: String) -> Decimal? {
        // Full-width digits and signs (an input method may type them) count as ASCII.
        let ascii = String(text.unicodeScalars.map { u -> Character in
            (0xFF01...0xFF5E).contains(u.value) ? Character(Unicode.Scalar(u.value - 0xFEE0)!) : Character(u)
        })
        let t = ascii.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.count <= 30,
              t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
              t.filter({ $0 == "." }).count <= 1, t.dropFirst().allSatisfy({ $0 != "-" }),
              t.contains(where: \.isNumber) else { return nil }
        return Decimal(string: t, locale: Locale(identifier: "en_US_POSIX"))
    }
}

/// Editing a line of text with the cursor keys.
enum TextEditing {
    static func apply(_ key: Key, to text: inout String, cursor: inout Int) {
        var chars = Array(text)
        cursor = min(max(0, cursor), chars.count)
        switch key {
        case .char(let c):
            chars.insert(c, at: cursor)
            cursor += 1
        case .backspace:
            if cursor > 0 { chars.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"):
            if cursor < chars.count { chars.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(chars.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = chars.count
        case .ctrl("u"): chars.removeFirst(cursor); cursor = 0
        case .ctrl("k"): chars.removeLast(chars.count - cursor)
        default: break
        }
        text = String(chars)
    }
}
