import CityCertCore

/// Keys of the member chooser.
enum MemberListKeys {
    static func handle(_ key: Key, _ s: inout MemberListState, _ state: inout AppState) -> [Effect] {
        if let c = ListCursor.move(key, cursor: s.cursor, count: s.members.count, page: state.height - 6) {
            s.cursor = c
            return []
        }
        switch key {
        case .enter:
            guard s.members.indices.contains(s.cursor) else { return [] }
            state.savedMembers = s
            return [.chooseMember(s.members[s.cursor].id)]
        case .char("q"), .escape:
            state.quitting = true
            return [.quit]
        default:
            return []
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
        state.status = StatusLine(state.language.pick("Choose who is at the keyboard.", "누가 평가하는지 고르세요."))
        return true
    }
}

/// Keys of the applications list.
enum ApplicationListKeys {
    static func handle(_ key: Key, _ s: inout ApplicationListState, _ state: inout AppState) -> [Effect] {
        let rows = s.visible(language: state.language)
        if let c = ListCursor.move(key, cursor: s.cursor, count: rows.count, page: state.height - 8) {
            s.cursor = c
            return []
        }
        let lang = state.language
        switch key {
        case .enter, .right, .char("l"):
            guard rows.indices.contains(s.cursor) else { return [] }
            let row = rows[s.cursor]
            if let c = row.conflict {
                let kind = c.kind.map { k -> String in
                    switch k {
                    case .exclusion: return lang.pick("exclusion", "제척")
                    case .challenge: return lang.pick("challenge", "기피")
                    case .recusal: return lang.pick("recusal", "회피")
                    }
                }
                var lines = [lang.pick("You have a conflict of interest on \(row.government.text(lang)); it cannot be opened.",
                                       "\(row.government.text(lang))에 이해충돌이 있어 열 수 없습니다.")]
                if let kind { lines.append(lang.pick("Kind: ", "유형: ") + kind) }
                if let r = c.reason { lines += TextLayout.wrap(lang.pick("Reason: ", "사유: ") + r, width: max(20, state.width - 12)) }
                state.overlay = .notice(title: lang.pick("Conflict of interest", "이해충돌"), lines: lines)
                return []
            }
            if let p = row.problem {
                state.overlay = .notice(title: lang.pick("Invalid application", "유효하지 않은 신청서"), lines: [row.id, p])
                return []
            }
            if state.session?.member.canScore == false {
                state.status = StatusLine(lang.pick("The secretary does not score.", "간사는 평가하지 않습니다."), .error)
                return []
            }
            state.savedList = s
            return [.openApplication(row.id)]
        case .char("t"):
            s.typeFilter = next(s.typeFilter)
            s.cursor = 0
        case .char("s"):
            s.statusFilter = next(s.statusFilter)
            s.cursor = 0
        case .char("o"):
            s.sort = next(s.sort)
            s.cursor = 0
        case .char("r"), .function(5):
            state.status = StatusLine(lang.pick("Read the store again.", "저장소를 다시 읽었습니다."))
            return [.loadApplications]
        case .char("v") where state.session?.member.role == .chair:
            return [.chair(.loadOverview)]
        case .char("q"), .escape:
            if state.session?.member.role == .chair { return [.chair(.loadOverview)] }
            if BackToCommittee.go(&state) { return [] }
            state.quitting = true
            return [.quit]
        default:
            break
        }
        return []
    }

    static func next<T: CaseIterable & Equatable>(_ value: T) -> T {
        let all = Array(T.allCases)
        let i = all.firstIndex(of: value)!
        return all[(i + 1) % all.count]
    }
}
