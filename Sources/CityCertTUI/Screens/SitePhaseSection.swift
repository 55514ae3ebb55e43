import CityCertCore

/// On the site tab, what the written phase gave the indicator: the member's own written entry and,
/// once the member has submitted the written sheet, the committee's written aggregate. The site
/// inspection verifies and revises the written evaluation, so it is shown next to it.
enum SitePhaseSection {
    static func lines(_ ind: Indicator, _ s: ScoringState, _ lang: Language, _ theme: Theme) -> [DetailPane.Line] {
        guard s.phase == .site else { return [] }
        let written = s.open.sheet.phases[.written]
        let e = written?.entries[ind.id]
        let pts = e.flatMap { entry in ind.share(for: entry).map { ind.points(for: s.application.cityType).times($0) } }
        let mine: String
        if let v = e?.value, let pts {
            mine = "\(v) → \(pts)" + TUILabels(lang).points
        } else if let l = e?.level, let pts {
            mine = TUILabels(lang).levelPoints("\(l)", "\(pts)")
        } else {
            mine = TUILabels(lang).noEntry
        }
        let state = written?.status == .submitted ? TUILabels(lang).submittedShort : TUILabels(lang).draft
        var out: [DetailPane.Line] = [[],
            [(DetailPane.label(TUILabels(lang).writtenEvaluation), theme.dim), (mine, Style()), ("  (\(state))", theme.dim)]]
        if let agg = s.open.peers[.written]?[ind.id]?.aggregate {
            out.append([(DetailPane.label(TUILabels(lang).aggregate), theme.dim), ("\(agg)" + TUILabels(lang).points, theme.title)])
        }
        return out
    }
}
