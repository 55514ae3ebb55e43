import CityCertCore
import Foundation

/// Keys of the evidence viewer, and the runtime's answers to it.
enum EvidenceKeys {
    /// `o` on the scoring screen: the indicator's evidence, a list first when there are several.
    static func open(_ s: inout ScoringState) -> [Delegate] {
        guard let ind = s.current else { return [] }
        let entries = s.application.quantitative[ind.id]?.evidence ?? s.application.selfEvaluation[ind.id]?.evidence ?? []
        guard !entries.isEmpty else { return [.status(StatusLine(.noEvidence(indicator: ind.id), .error))] }
        var v = EvidenceViewerState(indicator: ind.id, entries: entries)
        var effects: [Effect] = [.evidence(.list(application: s.application.id, files: entries.map(\.file)))]
        if entries.count == 1 {
            let d = EvidenceDocument(evidence: entries[0])
            v.document = d
            effects.append(.evidence(.read(application: s.application.id, file: d.evidence.file, page: d.kind == .pdf ? d.page : nil)))
        }
        s.viewer = v
        return effects.map(Delegate.run)
    }

    /// The viewer's keys; nil when the key is the scoring screen's (`a`, `e`, level keys, `x`),
    /// which then act on the viewer's indicator.
    static func handle(_ key: Key, _ v: inout EvidenceViewerState, _ s: inout ScoringState, _ context: KeyContext) -> [Delegate]? {
        if var input = v.searchInput {
            switch key {
            case .escape: v.searchInput = nil
            case .enter:
                v.searchInput = nil
                v.search = input.trimmingCharacters(in: .whitespaces)
                if !v.search.isEmpty { return findNext(&v, from: v.document.map { $0.scroll } ?? 0, context) }
            case .backspace: if !input.isEmpty { input.removeLast() }; v.searchInput = input
            case .ctrl("u"): v.searchInput = ""
            case .char(let c): input.append(c); v.searchInput = input
            default: break
            }
            return []
        }
        let keymap = v.document == nil ? listKeymap : documentKeymap
        guard let action = keymap.action(for: key) else { return [] }
        if action == .score { return nil }
        return v.document == nil ? list(action, &v, &s) : document(action, &v, &s, context)
    }

    /// The keys of the list of an indicator's evidence files.
    static func list(_ action: Action, _ v: inout EvidenceViewerState, _ s: inout ScoringState) -> [Delegate] {
        switch action {
        case .up: v.listCursor = max(0, v.listCursor - 1)
        case .down: v.listCursor = min(v.entries.count - 1, v.listCursor + 1)
        case .top: v.listCursor = 0
        case .bottom: v.listCursor = v.entries.count - 1
        case .open:
            let doc = EvidenceDocument(evidence: v.entries[v.listCursor])
            v.document = doc
            return [.run(.evidence(.read(application: s.application.id, file: doc.evidence.file, page: doc.kind == .pdf ? doc.page : nil)))]
        case .back:
            s.viewer = nil
        case .screenDown, .screenUp, .pageDown, .pageUp, .find, .findNext, .score:
            break
        }
        return []
    }

    /// The keys of one evidence file: scrolling, PDF pages, search.
    static func document(_ action: Action, _ v: inout EvidenceViewerState, _ s: inout ScoringState, _ context: KeyContext) -> [Delegate] {
        guard var d = v.document else { return [] }
        let page = EvidenceScreen.textHeight(height: context.height)
        let total = EvidenceScreen.layout(d, width: EvidenceScreen.textWidth(width: context.width), context.language).count
        let last = max(0, total - page)
        switch action {
        case .back:
            if v.entries.count > 1 { v.document = nil } else { s.viewer = nil }
            return []
        case .up: d.scroll = max(0, d.scroll - 1)
        case .down: d.scroll = min(last, d.scroll + 1)
        case .top: d.scroll = 0
        case .bottom: d.scroll = last
        case .screenDown: d.scroll = min(last, d.scroll + page)
        case .screenUp: d.scroll = max(0, d.scroll - page)
        case .pageDown, .pageUp:
            let forward = action == .pageDown
            if d.kind == .pdf, d.content != nil {
                let next = d.page + (forward ? 1 : -1)
                guard next >= 1, next <= (d.pageCount ?? .max) else {
                    return [.status(StatusLine(forward ? .lastPage : .firstPage))]
                }
                d.page = next
                d.content = nil
                d.scroll = 0
                v.document = d
                return [.run(.evidence(.read(application: s.application.id, file: d.evidence.file, page: next)))]
            }
            d.scroll = forward ? min(last, d.scroll + page) : max(0, d.scroll - page)
        case .find:
            v.searchInput = ""
        case .findNext:
            v.document = d
            guard !v.search.isEmpty else { return [.status(StatusLine(.searchFirst))] }
            return findNext(&v, from: d.matchLine.map { $0 + 1 } ?? d.scroll, context)
        case .open, .score:
            break
        }
        v.document = d
        return []
    }

    /// Scrolls to the first line at or after `from` (wrapping around) that holds the search.
    static func findNext(_ v: inout EvidenceViewerState, from: Int, _ context: KeyContext) -> [Delegate] {
        guard var d = v.document, d.content != nil else { return [] }
        let lines = EvidenceScreen.layout(d, width: EvidenceScreen.textWidth(width: context.width), context.language)
        let hits = lines.indices.filter { lines[$0].localizedCaseInsensitiveContains(v.search) }
        guard let hit = hits.first(where: { $0 >= from }) ?? hits.first else {
            return [.status(StatusLine(.searchNotOnPage(v.search), .error))]
        }
        let last = max(0, lines.count - EvidenceScreen.textHeight(height: context.height))
        d.scroll = min(hit, last)
        d.matchLine = hit
        v.document = d
        let n = (hits.firstIndex(of: hit) ?? 0) + 1
        return [.status(StatusLine(.searchHit(v.search, line: hit + 1, match: n, of: hits.count)))]
    }

    /// The runtime's answers: sizes for the list, and a file read. An answer for a viewer that was
    /// closed or moved on meanwhile is dropped.
    static func apply(_ message: Message, _ state: inout AppState) {
        guard case .scoring(var s) = state.screen, var v = s.viewer else { return }
        switch message {
        case let .evidenceListed(app, infos):
            guard app == s.application.id else { return }
            for i in infos { v.infos[i.file] = i }
        case let .evidenceRead(app, file, page, content):
            guard app == s.application.id, var d = v.document, d.evidence.file == file,
                  d.kind != .pdf || page == d.page else { return }
            d.content = content
            // A PDF answers with the page count: a page past the end is shown as the last one read.
            if case .pdfPage(_, let p, _) = content { d.page = p }
            d.scroll = 0
            v.document = d
            // The submitted value, where it first occurs, is brought into view.
            if let value = s.application.quantitative[v.indicator]?.value {
                let lines = EvidenceScreen.layout(d, width: EvidenceScreen.textWidth(state), state.language)
                let forms = EvidenceScreen.valueForms(value)
                if let hit = lines.firstIndex(where: { !EvidenceScreen.matchRanges($0, forms).isEmpty }),
                   hit >= EvidenceScreen.textHeight(state) {
                    d.scroll = min(hit - 2, max(0, lines.count - EvidenceScreen.textHeight(state)))
                    v.document = d
                }
            }
        default:
            return
        }
        s.viewer = v
        state.screen = .scoring(s)
    }
}
