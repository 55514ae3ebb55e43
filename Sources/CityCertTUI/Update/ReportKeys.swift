import CityCertCore

/// Keys of the report screen.
enum ReportKeys {
    static func handle(_ key: Key, _ s: inout ReportState, _ context: KeyContext) -> [Delegate] {
        if s.showingPreview { return preview(key, &s, context) }
        // Space chooses here (in other lists it pages down).
        guard let action = keymap.action(for: key) else { return [] }
        switch action {
        case .move:
            if let c = ListCursor.move(key, cursor: s.cursor, count: s.applications.count, page: context.height - 8) { s.cursor = c }
        case .choose:
            guard s.applications.indices.contains(s.cursor) else { return [] }
            let id = s.applications[s.cursor].id
            if s.selected.contains(id) { s.selected.remove(id) } else { s.selected.insert(id) }
        case .all:
            s.selected = s.selected.count == s.applications.count ? [] : Set(s.applications.map(\.id))
        case .format:
            let all = ReportState.Format.allCases
            s.format = all[(all.firstIndex(of: s.format)! + 1) % all.count]
        case .preview:
            guard !s.chosen.isEmpty else { return [.status(StatusLine(.chooseAtLeastOne, .error))] }
            let effect = Delegate.run(.chair(.previewReport(applications: s.chosen, format: s.format, choices: s.choices)))
            return s.format == .pdf ? [.status(printing), effect] : [effect]
        case .write:
            return askPath(s, context)
        case .membersAnnex:
            switch s.choices.members {
            case .none: s.choices.members = .named
            case .named: s.choices.members = .anonymous
            case .anonymous: s.choices.members = .none
            }
        case .notesAnnex:
            s.choices.notes.toggle()
        case .byteOrderMark:
            s.choices.byteOrderMark.toggle()
            return [.status(StatusLine(.byteOrderMark(s.choices.byteOrderMark)))]
        case .seal:
            return [.overlay(.confirm(sealConfirmation(context.language)))]
        case .back:
            return [.leave]
        }
        return []
    }

    /// The keys of the preview: scrolling, writing, back to the list.
    static func preview(_ key: Key, _ s: inout ReportState, _ context: KeyContext) -> [Delegate] {
        let page = max(1, context.height - 5)
        let last = max(0, s.preview.count - page)
        switch previewKeymap.action(for: key) {
        case .up: s.scroll = max(0, s.scroll - 1)
        case .down: s.scroll = min(last, s.scroll + 1)
        case .screenUp: s.scroll = max(0, s.scroll - page)
        case .screenDown: s.scroll = min(last, s.scroll + page)
        case .top: s.scroll = 0
        case .bottom: s.scroll = last
        case .right: s.column += 10
        case .left: s.column = max(0, s.column - 10)
        case .write: return askPath(s, context)
        case .back: s.showingPreview = false
        case nil: break
        }
        return []
    }

    /// The question before sealing the round.
    static func sealConfirmation(_ lang: Language) -> Confirmation {
        Confirmation(
            title: TUILabels(lang).sealRound,
            lines: [TUILabels(lang).recordShaEveryAuthored,
                    TUILabels(lang).everythingUnderApplicationsAudit,
                    TUILabels(lang).withoutNewSealNamed],
            action: .seal)
    }

    /// The status line while Chromium prints.
    static let printing = StatusLine(.printingPDF)

    /// The path typed: the report is written there (asked first when the file exists).
    static func commit(_ p: Prompt, _ s: ReportState) -> [Delegate] {
        let path = p.text.trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty else { return [.closeOverlay] }
        let write = Delegate.run(.chair(.writeReport(applications: s.chosen, format: s.format, path: path, choices: s.choices)))
        return [.closeOverlay] + (s.format == .pdf ? [.status(printing)] : []) + [write]
    }

    /// The prompt for the report's path (in the folder of the last one written).
    static func askPath(_ s: ReportState, _ context: KeyContext) -> [Delegate] {
        guard !s.chosen.isEmpty else { return [.status(StatusLine(.chooseAtLeastOne, .error))] }
        let ext = s.format.fileExtension
        let folder = context.reportFolder.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
        return [.overlay(.prompt(Prompt(purpose: .reportPath,
                                        title: TUILabels(context.language).writeReport("\(s.format.rawValue)"),
                                        text: "\(folder)citycert-report.\(ext)")))]
    }
}
