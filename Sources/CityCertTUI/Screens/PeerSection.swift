import CityCertCore

/// Other members' points for an indicator, shown only once the member has submitted the phase:
/// each member's points and a small histogram of the levels (or bands) chosen, the member's own marked.
enum PeerSection {
    static func lines(_ ind: Indicator, _ s: ScoringState, _ width: Int, _ lang: Language, _ theme: Theme) -> [DetailPane.Line] {
        guard let result = s.open.peers[s.phase]?[ind.id], !result.members.isEmpty else {
            if !s.isSubmitted { return [[], [(lang.pick("Others' scores are shown after you submit.", "다른 위원의 점수는 제출 후 볼 수 있습니다."), theme.dim)]] }
            return []
        }
        let me = s.open.sheet.member
        var out: [DetailPane.Line] = [[]]
        let agg = result.aggregate.map(\.description) ?? "-"
        out.append([(lang.pick("Committee · \(ScoringKeys.phaseName(s.phase, .en))", "위원 점수 · \(ScoringKeys.phaseName(s.phase, .ko))"), theme.title),
                    (lang.pick("  aggregate \(agg)  spread \(result.spread)", "  집계 \(agg)  편차 \(result.spread)"), theme.dim)])
        var line = ""
        for m in result.members {
            let part = "\(m.member == me ? "*" : "")\(m.member) \(m.points)  "
            if DisplayWidth.of(line + part) > width { out.append([(line, Style())]); line = "" }
            line += part
        }
        if !line.isEmpty { out.append([(line, Style())]) }
        // Histogram of levels (qualitative) or bands (quantitative).
        let mine = result.members.first { $0.member == me }.flatMap { Histogram.key($0.entry, ind) }
        let counts = Histogram.counts(result.members, ind)
        let labelWidth = counts.map { DisplayWidth.of($0.0.label) }.max() ?? 1
        for (bucket, count) in counts {
            out.append([(" " + DisplayWidth.pad(bucket.label, to: labelWidth) + " ", theme.dim), (String(repeating: "█", count: count), theme.hint),
                        (" \(count)" + (mine == bucket.key ? lang.pick("  ◀ you", "  ◀ 나") : ""), mine == bucket.key ? theme.warn : Style())])
        }
        return out
    }
}
