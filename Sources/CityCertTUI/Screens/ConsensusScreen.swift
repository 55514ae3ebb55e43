import CityCertCore

/// One application for the consensus meeting: the indicators × members matrix of one phase with
/// aggregate, spread and flags, subtotals, and below it the selected indicator or how solid the grade is.
enum ConsensusScreen {
    static func draw(_ b: inout Buffer, _ s: ConsensusState, _ state: AppState, _ theme: Theme) {
        let lang = state.language
        let d = s.data, e = d.evaluation
        Chrome.header(&b, left: "\(d.application.government.text(lang)) \(d.application.government.text(lang.other)) · \(ApplicationListScreen.typeName(e.cityType, lang)) · \(Labels.status(e.status, lang))",
                      right: state.session?.member.name ?? "", theme: theme)
        var x = 1
        for phase in Phase.allCases {
            let name = ScoringKeys.phaseName(phase, lang)
            x += b.put(phase == s.phase ? "[\(name)]" : " \(name) ", x: x, y: 1, style: phase == s.phase ? theme.selected : Style()) + 1
        }
        let summary = lang.pick("│ total \(e.total) / \(e.max) (\(e.percent)%) · grade \(e.grade) · \(e.certified ? "certified" : "not certified")",
                                "│ 총점 \(e.total) / \(e.max) (\(e.percent)%) · \(e.grade)등급 · \(e.certified ? "인증" : "미인증")")
        b.put(summary, x: x, y: 1, style: e.certified ? theme.good : theme.bad, maxWidth: b.width - x - 1)

        let bottom = b.height - 3
        let panelHeight = min(11, max(6, (bottom - 3) / 2))
        let matrix = Rect(x: 0, y: 2, width: b.width, height: bottom - 2 - panelHeight)
        MatrixPane.draw(&b, s, matrix, lang, theme)
        b.hline(x: 0, y: matrix.maxY, width: b.width, style: theme.border)
        let panel = Rect(x: 1, y: matrix.maxY + 1, width: b.width - 2, height: bottom - matrix.maxY - 1)
        switch s.panel {
        case .indicator: IndicatorPanel.draw(&b, s, panel, lang, theme)
        case .robustness: RobustnessPanel.draw(&b, s, panel, lang, theme, standards: state.session?.standards)
        }
        let finalize = d.decision == nil ? lang.pick("F finalize", "F 확정") : lang.pick("O reopen", "O 확정 취소")
        Chrome.footer(&b, status: state.status, hints: lang.pick(
            "Tab phase f next flag h how solid v view c questions \(finalize) ? keys q back",
            "Tab 단계 f 다음 경고 h 등급 안정성 v 전체 c 질의 \(finalize) ? 도움말 q 뒤로"), theme: theme)
    }
}

/// The indicators × members matrix.
enum MatrixPane {
    static let cell = 7

    static func draw(_ b: inout Buffer, _ s: ConsensusState, _ area: Rect, _ lang: Language, _ theme: Theme) {
        let all = s.data.members.filter { s.phase == .written || s.data.siteTeam.contains($0.id) }
        let fixed = 1 + 8 + 3 * cell + 3                // id, aggregate, spread, max, flag
        let fit = max(1, (area.width - fixed) / cell)
        let start = min(s.memberOffset, max(0, all.count - fit))
        let members = Array(all[start..<min(all.count, start + fit)])
        let nameWidth = members.count == all.count ? max(0, min(22, area.width - fixed - members.count * cell)) : 0
        var header: [TextLayout.Column] = [.init(text: members.count < all.count ? "\(start + 1)-\(start + members.count)/\(all.count)" : lang.pick("Ind.", "지표"), width: 7)]
        if nameWidth > 0 { header.append(.init(text: "", width: nameWidth - 1)) }
        for m in members {
            header.append(.init(text: DisplayWidth.truncate(m.name, to: cell - 1, ellipsis: ""), width: cell - 1, alignRight: true))
        }
        header += [.init(text: lang.pick("agg.", "집계"), width: cell - 1, alignRight: true),
                   .init(text: lang.pick("spread", "편차"), width: cell - 1, alignRight: true),
                   .init(text: lang.pick("max", "배점"), width: cell - 1, alignRight: true)]
        TextLayout.row(&b, x: area.x + 1, y: area.y, header, style: theme.title, maxX: area.maxX - 1)

        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        guard body.height > 0 else { return }
        let cursorRow = s.rows.firstIndex(of: .indicator(s.cursor)) ?? 0
        let first = max(0, min(cursorRow - body.height / 2, s.rows.count - body.height))
        // Fields and items each have their own ids: a field and an item may share one.
        let fieldSubtotals = Dictionary(uniqueKeysWithValues: s.data.evaluation.fields.map { ($0.id, $0) })
        let itemSubtotals = Dictionary(uniqueKeysWithValues: s.data.evaluation.items.map { ($0.id, $0) })
        for (line, i) in (first..<min(s.rows.count, first + body.height)).enumerated() {
            let y = body.y + line
            switch s.rows[i] {
            case .field(let id, let name), .item(let id, let name):
                let isField: Bool = { if case .field = s.rows[i] { return true } else { return false } }()
                let sub = isField ? fieldSubtotals[id] : itemSubtotals[id]
                let label = (isField ? "" : " ") + name.text(lang)
                b.put(label, x: body.x + 1, y: y, style: isField ? theme.title : theme.dim, maxWidth: body.width - 20)
                if let sub {
                    let text = "\(sub.score) / \(sub.max)"
                    b.put(text, x: body.maxX - DisplayWidth.of(text) - 3, y: y, style: isField ? theme.title : theme.dim)
                }
            case .indicator(let n):
                let ind = s.indicators[n]
                guard let r = s.result(ind.id) else { continue }
                let phase = r.phase(s.phase)
                let byMember = Dictionary(uniqueKeysWithValues: phase.members.map { ($0.member, $0.points) })
                var style = Style()
                if n == s.cursor {
                    style = theme.selected
                    b.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: style)
                }
                var cols: [TextLayout.Column] = [.init(text: ind.id, width: 7)]
                if nameWidth > 0 { cols.append(.init(text: ind.name.text(lang), width: nameWidth - 1)) }
                for m in members {
                    let missing = byMember[m.id] == nil
                    cols.append(.init(text: byMember[m.id]?.description ?? "·", width: cell - 1, alignRight: true,
                                      style: n == s.cursor ? nil : (missing ? theme.dim : nil)))
                }
                let spreadStyle = severity(phase.spread, r.max, theme)
                cols += [.init(text: phase.aggregate?.description ?? "-", width: cell - 1, alignRight: true),
                         .init(text: phase.spread.description, width: cell - 1, alignRight: true, style: n == s.cursor ? nil : spreadStyle),
                         .init(text: r.max.description, width: cell - 1, alignRight: true, style: n == s.cursor ? nil : theme.dim)]
                TextLayout.row(&b, x: body.x + 1, y: y, cols, style: style, maxX: body.maxX - 2)
                if r.flagged { b.put("⚑", x: body.maxX - 2, y: y, style: n == s.cursor ? style : theme.bad) }
            }
        }
    }

    /// How far apart members are: red above the flag share, yellow above half of it.
    static func severity(_ spread: Points, _ max: Points, _ theme: Theme) -> Style? {
        guard max > .zero else { return nil }
        let ratio = spread.hundredths * 100 / max.hundredths
        if ratio > 25 { return theme.bad }
        if ratio > 12 { return theme.warn }
        return nil
    }
}

/// The selected indicator: each member's entry with notes and questions, written → site, histogram.
enum IndicatorPanel {
    static func draw(_ b: inout Buffer, _ s: ConsensusState, _ area: Rect, _ lang: Language, _ theme: Theme) {
        guard let ind = s.current, let r = s.result(ind.id), area.height > 0 else { return }
        var y = area.y
        let headline = "\(ind.id) \(ind.name.text(lang)) · " + lang.pick("score \(r.score) / \(r.max)", "점수 \(r.score) / \(r.max)")
            + lang.pick(" · written \(r.written.aggregate?.description ?? "-") · site \(r.site.aggregate?.description ?? "-")",
                        " · 서면 \(r.written.aggregate?.description ?? "-") · 현장 \(r.site.aggregate?.description ?? "-")")
            + (r.flagged ? lang.pick(" · ⚑ flagged", " · ⚑ 편차 경고") : "")
        b.put(headline, x: area.x, y: y, style: r.flagged ? theme.bad : theme.title, maxWidth: area.width)
        y += 1
        let written = Dictionary(uniqueKeysWithValues: r.written.members.map { ($0.member, $0) })
        let site = Dictionary(uniqueKeysWithValues: r.site.members.map { ($0.member, $0) })
        let histogramWidth = 18
        let textWidth = area.width - histogramWidth - 2
        for m in s.data.members where y < area.maxY {
            let w = written[m.id], st = site[m.id]
            guard w != nil || st != nil || s.data.progress[m.id]?[s.phase] != nil else { continue }
            var text = DisplayWidth.pad(m.name, to: 7)
            text += DisplayWidth.pad(w.map { entryText($0, ind) } ?? "·", to: 14)
            if let st {
                let change = w.map { st.points - $0.points }
                text += "→ " + DisplayWidth.pad(entryText(st, ind), to: 14) + (change.map { $0 >= .zero ? "(+\($0))" : "(\($0))" } ?? "")
            }
            let e = (s.phase == .site ? st : w)?.entry
            // One row per member: a note's line breaks are shown as ⏎.
            if let n = e?.note { text += "  " + n.replacingOccurrences(of: "\n", with: " ⏎ ") }
            if let q = e?.clarification { text += lang.pick("  ? ", "  질의: ") + q.replacingOccurrences(of: "\n", with: " ⏎ ") }
            b.put(text, x: area.x, y: y, style: Style(), maxWidth: textWidth)
            y += 1
        }
        // Histogram of the levels (or bands) chosen in the phase shown.
        let counts = Histogram.counts(r.phase(s.phase).members, ind)
        let labelWidth = counts.map { DisplayWidth.of($0.0.label) }.max() ?? 1
        for (i, (bucket, count)) in counts.enumerated() where area.y + 1 + i < area.maxY {
            b.put("\(DisplayWidth.pad(bucket.label, to: labelWidth)) \(String(repeating: "█", count: count)) \(count)", x: area.maxX - histogramWidth, y: area.y + 1 + i,
                  style: theme.hint, maxWidth: histogramWidth)
        }
    }

    /// Every member's entries on the selected indicator in full, for the reader (`v`).
    static func fullText(_ s: ConsensusState, width: Int, _ lang: Language) -> [String] {
        guard let ind = s.current, let r = s.result(ind.id) else { return [] }
        var lines = [lang.pick("score \(r.score) / \(r.max) · written \(r.written.aggregate?.description ?? "-") (spread \(r.written.spread)) · site \(r.site.aggregate?.description ?? "-") (spread \(r.site.spread))",
                               "점수 \(r.score) / \(r.max) · 서면 \(r.written.aggregate?.description ?? "-") (편차 \(r.written.spread)) · 현장 \(r.site.aggregate?.description ?? "-") (편차 \(r.site.spread))")]
        if r.flagged { lines.append(lang.pick("⚑ members are further apart than the flag share allows", "⚑ 위원 간 편차가 기준을 넘었습니다")) }
        lines.append("")
        let written = Dictionary(uniqueKeysWithValues: r.written.members.map { ($0.member, $0) })
        let site = Dictionary(uniqueKeysWithValues: r.site.members.map { ($0.member, $0) })
        for m in s.data.members {
            let w = written[m.id], st = site[m.id]
            guard w != nil || st != nil else { continue }
            var head = m.name + "  " + lang.pick("written ", "서면 ") + (w.map { entryText($0, ind) } ?? "·")
            if let st { head += lang.pick("   site ", "   현장 ") + entryText(st, ind) }
            lines.append(head)
            for (phase, e) in [(Phase.written, w), (.site, st)] {
                guard let e else { continue }
                let p = ScoringKeys.phaseName(phase, lang)
                if let n = e.entry.note { lines += TextLayout.wrap("  \(p) " + lang.pick("note: ", "메모: ") + n, width: width) }
                if let q = e.entry.clarification { lines += TextLayout.wrap("  \(p) " + lang.pick("question: ", "질의: ") + q, width: width) }
            }
        }
        return lines
    }

    static func entryText(_ m: MemberPoints, _ ind: Indicator) -> String {
        if let v = m.entry.value { return "\(v)→\(m.points)" }
        if let l = m.entry.level { return "L\(l) \(m.points)" }
        return m.points.description
    }
}

/// How solid the grade is: margins, the grade under each method, pivotal flags, members' lean.
enum RobustnessPanel {
    static func draw(_ b: inout Buffer, _ s: ConsensusState, _ area: Rect, _ lang: Language, _ theme: Theme, standards: Standards? = nil) {
        let rb = s.data.robustness
        var lines: [(String, Style)] = []
        if let standards = standards {
            let combine: String
            switch standards.combination {
            case .weighted(let w, let st): combine = lang.pick("score = written × \(w) + site × \(st)", "점수 = 서면 × \(w) + 현장 × \(st)")
            case .siteRevises: combine = lang.pick("score = site where inspected, else written", "점수 = 현장실사가 있으면 현장, 없으면 서면")
            }
            lines.append((lang.pick("agg. = \(Labels.method(standards.aggregation, lang)) · spread = highest − lowest · ", "집계 = \(Labels.method(standards.aggregation, lang)) · 편차 = 최고 − 최저 · ") + combine, theme.dim))
        }
        let up = rb.toNextGrade.map { lang.pick("+\($0) to the next grade", "다음 등급까지 +\($0)") } ?? lang.pick("best grade", "최고 등급")
        let down = rb.aboveBoundary.map { lang.pick("\($0) above the grade's lower boundary", "현 등급 하한보다 \($0) 높음") } ?? lang.pick("lowest grade", "최저 등급")
        lines.append((lang.pick("Margins: ", "경계 여유: ") + up + " · " + down
                      + (rb.certificationLine.map { lang.pick(" · certification line \($0)", " · 인증선 \($0)") } ?? ""), theme.title))
        lines.append((lang.pick("By method: ", "집계 방법별: ") + rb.byMethod.map { o in
            "\(Labels.method(o.method, lang)) \(o.total) → \(o.grade)" + (o.certified ? "✓" : "✗")
        }.joined(separator: "  "), Style()))
        if rb.pivotal.isEmpty {
            lines.append((lang.pick("No flagged indicator can alone move the city across the certification line.",
                                    "편차 경고 지표 하나만으로 인증 여부가 바뀌지 않습니다."), theme.good))
        } else {
            lines.append((lang.pick("Could alone move it across the certification line:", "단독으로 인증 여부를 바꿀 수 있는 지표:"), theme.bad))
            for p in rb.pivotal {
                lines.append(("  \(p.id)  \(p.score) → \(p.couldLose ? p.low : p.high) " + lang.pick("gives total", "이면 총점") + " \(p.totalIfMoved)", theme.bad))
            }
        }
        let names = Dictionary(uniqueKeysWithValues: s.data.members.map { ($0.id, $0.name) })
        lines.append((lang.pick("Members' mean difference from the consensus (shown only):", "위원별 합의 대비 평균 차이 (참고용):"), theme.dim))
        lines.append((rb.members.map { "\(names[$0.member] ?? $0.member) \($0.meanDifference >= .zero ? "+" : "")\($0.meanDifference)" }.joined(separator: "  "), Style()))
        for (i, l) in lines.prefix(area.height).enumerated() {
            b.put(l.0, x: area.x, y: area.y + i, style: l.1, maxWidth: area.width)
        }
    }
}
