import CityCertCore

/// Keys of the member chooser.
enum MemberListKeys {
    static func handle(_ key: Key, _ s: inout MemberListState, _ context: KeyContext) -> [Delegate] {
        guard let action = keymap.action(for: key) else { return [] }
        switch action {
        case .move:
            if let c = ListCursor.move(key, cursor: s.cursor, count: s.members.count, page: context.height - 6) { s.cursor = c }
            return []
        case .choose:
            guard s.members.indices.contains(s.cursor) else { return [] }
            return [.chooseMember(s.members[s.cursor].id)]
        case .quit:
            return [.quit]
        }
    }
}

/// Going back to the committee list from a member's first screen, when the member was chosen there.
enum BackToCommittee {
    /// True when it went back (the session ends; nothing is lost: every change is already saved).
    static func go(_ state: inout AppState) -> Bool {
        guard let members = state.savedMembers else { return false }
        state.screen = .chooseMember(members)
        state.session = nil
        state.savedList = nil
        state.savedOverview = nil
        state.savedMembers = nil
        state.status = StatusLine(.chooseWhoIsAtTheKeyboard)
        return true
    }
}

/// Keys of the applications list.
enum ApplicationListKeys {
    static func handle(_ key: Key, _ s: inout ApplicationListState, _ context: KeyContext) -> [Delegate] {
        let rows = s.visible(language: context.language)
        guard let action = keymap.action(for: key) else { return [] }
        switch action {
        case .move:
            if let c = ListCursor.move(key, cursor: s.cursor, count: rows.count, page: context.height - 8) { s.cursor = c }
        case .open:
            guard rows.indices.contains(s.cursor) else { return [] }
            return open(rows[s.cursor], context)
        case .typeFilter:
            s.typeFilter = next(s.typeFilter)
            s.cursor = 0
        case .statusFilter:
            s.statusFilter = next(s.statusFilter)
            s.cursor = 0
        case .sort:
            s.sort = next(s.sort)
            s.cursor = 0
        case .reload:
            return [.status(StatusLine(.storeReadAgain)), .run(.loadApplications)]
        case .overview:
            return context.role == .chair ? [.run(.chair(.loadOverview))] : []
        case .back:
            return [.leave]
        }
        return []
    }

    /// Enter on a row: the application, or why it cannot be opened.
    static func open(_ row: ApplicationSummary, _ context: KeyContext) -> [Delegate] {
        let lang = context.language
        if let c = row.conflict {
            let kind = c.kind.map { k -> String in
                switch k {
                case .exclusion: return TUILabels(lang).exclusion
                case .challenge: return TUILabels(lang).challenge
                case .recusal: return TUILabels(lang).recusal
                }
            }
            var lines = [TUILabels(lang).youHaveConflictInterest("\(row.government.text(lang))")]
            if let kind { lines.append(TUILabels(lang).kind + kind) }
            if let r = c.reason { lines += TextLayout.wrap(TUILabels(lang).reason + r, width: max(20, context.width - 12)) }
            return [.overlay(.notice(title: TUILabels(lang).conflictInterest, lines: lines))]
        }
        if let p = row.problem {
            return [.overlay(.notice(title: TUILabels(lang).invalidApplication, lines: [row.id, p]))]
        }
        guard context.canScore else { return [.status(StatusLine(.secretaryDoesNotScore, .error))] }
        return [.openApplication(row.id)]
    }

    static func next<T: CaseIterable & Equatable>(_ value: T) -> T {
        let all = Array(T.allCases)
        let i = all.firstIndex(of: value)!
        return all[(i + 1) % all.count]
    }
}
