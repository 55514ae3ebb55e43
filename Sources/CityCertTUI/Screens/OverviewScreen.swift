import CityCertCore

/// The chair's overview: every application with status, progress, total, grade, and how close it is
/// to a grade boundary (closest first within each city type).
enum OverviewScreen {
    static func draw(_ b: inout Buffer, _ s: OverviewState, _ state: AppState, _ theme: Theme) {
        let lang = state.language
        Chrome.header(&b, left: "citycert · " + lang.pick("Chair's overview", "위원장 종합") + " · " + (state.session?.roundTitle.text(lang) ?? ""),
                      right: state.session?.member.name ?? "", theme: theme)
        b.put(lang.pick("Sorted by \(s.byBoundary ? "closeness to a grade boundary" : "id") within each type (o toggles)",
                        "유형별, \(s.byBoundary ? "등급 경계에 가까운 순" : "ID 순") 정렬 (o 전환)"), x: 1, y: 1, style: theme.dim, maxWidth: b.width - 2)
        let nameWidth = max(10, min(16, b.width - 80))
        func cols(_ r: OverviewRow?) -> [TextLayout.Column] {
            guard let r else {
                return [.init(text: lang.pick("City", "지자체"), width: nameWidth), .init(text: lang.pick("Status", "상태"), width: 6),
                        .init(text: lang.pick("Wr.", "서면"), width: 5, alignRight: true), .init(text: lang.pick("Site", "현장"), width: 5, alignRight: true),
                        .init(text: lang.pick("Total", "총점"), width: 8, alignRight: true), .init(text: "%", width: 6, alignRight: true),
                        .init(text: lang.pick("Gr.", "등급"), width: 4, alignRight: true), .init(text: lang.pick("Cert.", "인증"), width: 6),
                        .init(text: lang.pick("Margin", "경계"), width: 7, alignRight: true), .init(text: "⚑", width: 2, alignRight: true),
                        .init(text: lang.pick("Missing", "미제출"), width: 30)]
            }
            return [.init(text: r.government.text(lang), width: nameWidth), .init(text: Labels.status(r.status, lang), width: 6),
                    .init(text: "\(r.written.done)/\(r.written.of)", width: 5, alignRight: true),
                    .init(text: "\(r.site.done)/\(r.site.of)", width: 5, alignRight: true),
                    .init(text: r.total.description, width: 8, alignRight: true), .init(text: r.percent.description, width: 6, alignRight: true),
                    .init(text: "\(r.grade)", width: 4, alignRight: true),
                    .init(text: r.certified ? lang.pick("yes", "인증") : lang.pick("no", "미인증"), width: 6, style: r.certified ? theme.good : nil),
                    .init(text: r.nearestBoundary.description, width: 7, alignRight: true),
                    .init(text: r.flagged > 0 ? "\(r.flagged)" : "", width: 2, alignRight: true, style: theme.bad),
                    .init(text: missingText(r, lang), width: 30, style: theme.warn)]
        }
        var y = 3
        TextLayout.row(&b, x: 2, y: y, cols(nil), style: theme.title, maxX: b.width - 1)
        y += 1
        let rows = s.ordered
        let limit = b.height - 4
        let visible = max(1, limit - y - 2)
        let first = max(0, min(s.cursor - visible / 2, rows.count - visible))
        var lastType: CityType?
        for i in first..<rows.count {
            guard y < limit else { break }
            let r = rows[i]
            if r.cityType != lastType {
                b.put(ApplicationListScreen.typeName(r.cityType, lang), x: 1, y: y, style: theme.title)
                y += 1
                lastType = r.cityType
                guard y < limit else { break }
            }
            var style = Style()
            if i == s.cursor {
                style = theme.selected
                b.fill(Rect(x: 1, y: y, width: b.width - 2, height: 1), style: style)
            }
            TextLayout.row(&b, x: 2, y: y, cols(r), style: style, maxX: b.width - 1)
            y += 1
        }
        if !s.invalid.isEmpty, y + 1 < limit {
            b.put(lang.pick("Invalid: ", "오류: ") + s.invalid.joined(separator: ", "), x: 1, y: y + 1, style: theme.bad, maxWidth: b.width - 2)
        }
        Chrome.footer(&b, status: state.status, hints: lang.pick(
            "Enter consensus  o sort  w score  P report  r reload  ? keys  L 한  q quit",
            "Enter 합의 화면  o 정렬  w 내 평가  P 보고서  r 새로 읽기  ? 도움말  q 종료"), theme: theme)
    }
}

extension OverviewScreen {
    /// "서면 윤재현 임소영 · 현장 김민수": who is missing, by phase.
    static func missingText(_ r: OverviewRow, _ lang: Language) -> String {
        var parts: [String] = []
        if !r.missing.isEmpty { parts.append(lang.pick("written ", "서면 ") + r.missing.joined(separator: " ")) }
        if !r.missingSite.isEmpty { parts.append(lang.pick("site ", "현장 ") + r.missingSite.joined(separator: " ")) }
        return parts.joined(separator: " · ")
    }
}

/// Labels shared by the chair's and secretary's screens.
enum Labels {
    static func status(_ s: ApplicationStatus, _ lang: Language) -> String {
        switch s {
        case .provisional: return lang.pick("prov.", "잠정")
        case .complete: return lang.pick("compl.", "완료")
        case .final: return lang.pick("final", "확정")
        }
    }

    static func method(_ m: AggregationMethod, _ lang: Language) -> String {
        switch m {
        case .mean: return lang.pick("mean", "평균")
        case .median: return lang.pick("median", "중앙값")
        case .trimmedMean: return lang.pick("trimmed mean", "절사평균")
        }
    }
}
