import CityCertCore

/// The applications, with the member's own progress per phase.
enum ApplicationListScreen {
    static func draw(_ b: inout Buffer, _ s: ApplicationListState, _ state: AppState, _ theme: Theme) {
        let lang = state.language
        let member = state.session?.member
        Chrome.header(&b, left: "citycert · " + (state.session?.roundTitle.text(lang) ?? ""),
                      right: member.map { "\($0.name) (\(RoleName.of($0.role, lang)))" } ?? "", theme: theme)
        let rows = s.visible(language: lang)
        let filters = TUILabels(lang).typeStatusSort("\(typeName(s.typeFilter, lang))", "\(statusName(s.statusFilter, lang))", "\(sortName(s.sort, lang))", "\(rows.count)", "\(s.all.count)")
        b.put(filters, x: 1, y: 1, style: theme.dim, maxWidth: b.width - 2)

        let nameWidth = max(16, min(34, b.width - 64))
        func columns(_ a: ApplicationSummary?) -> [TextLayout.Column] {
            guard let a else {
                return [.init(text: TUILabels(lang).city, width: nameWidth), .init(text: TUILabels(lang).typeColumn, width: 8),
                        .init(text: TUILabels(lang).population, width: 10, alignRight: true),
                        .init(text: TUILabels(lang).writtenColumn, width: 14), .init(text: TUILabels(lang).siteColumn, width: 14),
                        .init(text: "", width: 8)]
            }
            let other = a.government.text(lang.other)
            let name = a.government.text(lang) + (other != a.government.text(lang) ? " " + other : "")
            var note = ""
            if a.problem != nil { note = TUILabels(lang).invalid } else if a.conflict != nil { note = TUILabels(lang).conflict } else if a.isFinal { note = TUILabels(lang).finalMark }
            return [.init(text: name, width: nameWidth), .init(text: a.cityType.map { typeName($0, lang) } ?? "-", width: 8),
                    .init(text: a.population.map(TextLayout.grouped) ?? "-", width: 10, alignRight: true),
                    .init(text: a.canOpen ? progressText(a.progress[.written], lang) : "—", width: 14),
                    .init(text: a.canOpen ? progressText(a.progress[.site], lang) : "—", width: 14),
                    .init(text: note, width: 8, style: a.canOpen ? nil : theme.bad)]
        }
        let top = 3
        TextLayout.row(&b, x: 2, y: top, columns(nil), style: theme.title, maxX: b.width - 1)
        let visible = max(1, b.height - top - 4)
        let first = max(0, min(s.cursor - visible / 2, rows.count - visible))
        for (line, i) in (first..<min(rows.count, first + visible)).enumerated() {
            let a = rows[i]
            var style = a.canOpen ? Style() : theme.dim
            if i == s.cursor {
                style = theme.selected
                b.fill(Rect(x: 1, y: top + 1 + line, width: b.width - 2, height: 1), style: style)
            }
            TextLayout.row(&b, x: 2, y: top + 1 + line, columns(a), style: style, maxX: b.width - 1)
        }
        if rows.isEmpty {
            b.put(TUILabels(lang).noApplicationMatchesFilters, x: 2, y: top + 2, style: theme.dim)
        }
        let goesBack = state.session?.member.role == .chair || state.savedMembers != nil
        Chrome.footer(&b, lang, status: state.status, hints: ApplicationListKeys.footer(goesBack: goesBack).text(lang), theme: theme)
    }

    static func progressText(_ p: SheetProgress?, _ lang: Language) -> String {
        switch p ?? .notStarted {
        case .notOnTeam: return TUILabels(lang).notTeam
        case .notStarted: return TUILabels(lang).notStarted
        case .draft(let done, let of): return TUILabels(lang).draftProgress("\(done)", "\(of)")
        case .submitted: return TUILabels(lang).submitted
        }
    }

    static func typeName(_ t: CityType, _ lang: Language) -> String {
        t == .large ? TUILabels(lang).large : TUILabels(lang).small
    }

    static func typeName(_ f: ApplicationListState.TypeFilter, _ lang: Language) -> String {
        switch f {
        case .all: return TUILabels(lang).allFilter
        case .large: return typeName(CityType.large, lang)
        case .small: return typeName(CityType.small, lang)
        }
    }

    static func statusName(_ f: ApplicationListState.StatusFilter, _ lang: Language) -> String {
        switch f {
        case .all: return TUILabels(lang).allFilter
        case .toDo: return TUILabels(lang).notStarted
        case .inProgress: return TUILabels(lang).draft
        case .submitted: return TUILabels(lang).submitted
        }
    }

    static func sortName(_ s: ApplicationListState.Sort, _ lang: Language) -> String {
        switch s {
        case .id: return "ID"
        case .name: return TUILabels(lang).sortName
        case .population: return TUILabels(lang).sortPopulation
        case .progress: return TUILabels(lang).progress
        }
    }
}
