import CityCertCore

/// Other members' scores for an indicator, shown only once the member has submitted the phase: each
/// member by name with the value (or level) entered, the points and the note; who has not submitted
/// yet; and a histogram of the levels (or bands, with the lowest "otherwise" band) chosen, the
/// member's own bar marked.
enum PeerSection {
    static func lines(_ ind: Indicator, _ s: ScoringState, _ width: Int, _ lang: Language, _ theme: Theme) -> [DetailPane.Line] {
        guard let result = s.open.peers[s.phase]?[ind.id], !result.members.isEmpty else {
            if !s.isSubmitted { return [[], [(TUILabels(lang).othersScoresAreShown, theme.dim)]] }
            return []
        }
        let me = s.open.sheet.member
        let name: (String) -> String = { s.open.memberNames[$0] ?? $0 }
        var out: [DetailPane.Line] = [[]]
        let agg = result.aggregate.map(\.description) ?? "-"
        out.append([(TUILabels(lang).committeeIn(s.phase), theme.title),
                    (TUILabels(lang).aggregateSpread("\(agg)", "\(result.spread)"), theme.dim)])
        let nameWidth = min(12, result.members.map { DisplayWidth.of(name($0.member)) }.max() ?? 4)
        for m in result.members {
            let what: String
            if let v = m.entry.value { what = "\(v)" } else if let l = m.entry.level { what = TUILabels(lang).level("\(l)") } else { what = "-" }
            let mark = m.member == me ? "*" : " "
            var line: DetailPane.Line = [(mark + DisplayWidth.pad(DisplayWidth.truncate(name(m.member), to: nameWidth), to: nameWidth) + " ", m.member == me ? theme.warn : Style()),
                                         (DisplayWidth.pad(what, to: 8) + DisplayWidth.pad(m.points.description, to: 7, alignRight: true), Style())]
            if let note = m.entry.note, !note.isEmpty { line.append(("  " + note, theme.dim)) }
            out.append(line)
        }
        if let pending = s.open.notSubmitted[s.phase], !pending.isEmpty {
            out.append([(TUILabels(lang).notYetSubmitted, theme.dim), (pending.map(name).joined(separator: ", "), theme.warn)])
        }
        // Histogram of levels (qualitative) or bands (quantitative), the lowest band included.
        let mine = result.members.first { $0.member == me }.flatMap { Histogram.key($0.entry, ind) }
        let counts = Histogram.counts(result.members, ind, lang)
        let labelWidth = counts.map { DisplayWidth.of($0.0.label) }.max() ?? 1
        for (bucket, count) in counts {
            let isMine = mine == bucket.key
            out.append([((isMine ? "▶" : " ") + DisplayWidth.pad(bucket.label, to: labelWidth) + " ", isMine ? theme.warn : theme.dim),
                        (String(repeating: "█", count: count), isMine ? theme.warn : theme.hint),
                        (" \(count)" + (isMine ? TUILabels(lang).you : ""), isMine ? theme.warn : Style())])
        }
        return out
    }
}
