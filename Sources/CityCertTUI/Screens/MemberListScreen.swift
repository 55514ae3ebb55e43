import CityCertCore

/// "Who are you": the committee to choose from.
enum MemberListScreen {
    static func draw(_ b: inout Buffer, _ s: MemberListState, _ state: AppState, _ theme: Theme) {
        let lang = state.language
        Chrome.header(&b, left: "citycert · " + TUILabels(lang).whoAreYou, right: "", theme: theme)
        b.put(s.reason, x: 2, y: 2, style: theme.dim, maxWidth: b.width - 4)
        let top = 4
        TextLayout.row(&b, x: 2, y: top - 1, [
            .init(text: TUILabels(lang).nameColumn, width: 14), .init(text: TUILabels(lang).role, width: 10),
            .init(text: "ID", width: 10), .init(text: TUILabels(lang).affiliation, width: 40),
        ], style: theme.title, maxX: b.width - 1)
        let visible = max(1, b.height - top - 3)
        let first = max(0, min(s.cursor - visible / 2, s.members.count - visible))
        for (row, i) in (first..<min(s.members.count, first + visible)).enumerated() {
            let m = s.members[i]
            let style = i == s.cursor ? theme.selected : Style()
            if i == s.cursor { b.fill(Rect(x: 1, y: top + row, width: b.width - 2, height: 1), style: style) }
            TextLayout.row(&b, x: 2, y: top + row, [
                .init(text: m.name, width: 14), .init(text: RoleName.of(m.role, lang), width: 10),
                .init(text: m.id, width: 10), .init(text: m.affiliation ?? "", width: 40),
            ], style: style, maxX: b.width - 1)
        }
        Chrome.footer(&b, lang, status: state.status, hints: MemberListKeys.footer.text(lang), theme: theme)
    }
}

/// Role names in both languages.
enum RoleName {
    static func of(_ role: Role, _ lang: Language) -> String {
        switch role {
        case .chair: return TUILabels(lang).chair
        case .member: return TUILabels(lang).member
        case .secretary: return TUILabels(lang).secretary
        }
    }
}
