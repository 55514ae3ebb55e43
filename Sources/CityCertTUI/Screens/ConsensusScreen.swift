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
        // Grade and certification first: they survive the narrowest terminal.
        let cert = e.certified ? TUILabels(lang).certified : TUILabels(lang).notCertified
        // Pieces added only when they fit whole: a figure is never cut in the middle.
        var summary = TUILabels(lang).gradeSummary("\(e.grade)", "\(cert)")
        var pieces = [TUILabels(lang).totalOfMax("\(e.total)", "\(e.max)", "\(e.percent)")]
        var shorter = [TUILabels(lang).totalShort("\(e.total)", "\(e.percent)")]
        if e.range.crossesGrade {
            pieces.append(TUILabels(lang).rangeGrade("\(e.range.gradeLow)", "\(e.range.gradeHigh)", "\(e.range.low)", "\(e.range.high)"))
            shorter.append(TUILabels(lang).rangeGrades("\(e.range.gradeLow)", "\(e.range.gradeHigh)"))
        }
        for (piece, short) in zip(pieces, shorter) {
            if x + DisplayWidth.of(summary + piece) <= b.width - 1 {
                summary += piece
            } else if x + DisplayWidth.of(summary + short) <= b.width - 1 {
                summary += short
            } else {
                break
            }
        }
        let summaryStyle = e.range.crossesCertification ? theme.warn : (e.certified ? theme.good : theme.bad)
        b.put(summary, x: x, y: 1, style: summaryStyle, maxWidth: b.width - x - 1)
        // Where it stands, wrapped on up to two lines (the missing list can be long).
        let (info, infoStyle) = infoLine(d, lang, theme)
        let infoLines = Array(TextLayout.wrap(info, width: b.width - 2).prefix(b.height >= 20 ? 2 : 1))
        for (i, l) in infoLines.enumerated() { b.put(l, x: 1, y: 2 + i, style: infoStyle, maxWidth: b.width - 2) }
        let top = 2 + infoLines.count

        let bottom = b.height - 3
        let panelHeight = min(11, max(6, (bottom - top - 1) / 2))
        let matrix = Rect(x: 0, y: top, width: b.width, height: max(1, bottom - top - panelHeight))
        MatrixPane.draw(&b, s, matrix, lang, theme)
        b.hline(x: 0, y: matrix.maxY, width: b.width, style: theme.border)
        let panel = Rect(x: 1, y: matrix.maxY + 1, width: b.width - 2, height: bottom - matrix.maxY - 1)
        switch s.panel {
        case .indicator: IndicatorPanel.draw(&b, s, panel, lang, theme)
        case .robustness: RobustnessPanel.draw(&b, s, panel, lang, theme, standards: state.session?.standards)
        }
        Chrome.footer(&b, lang, status: state.status, hints: ConsensusKeys.footer(final: d.decision != nil).text(lang), theme: theme)
    }
}

extension ConsensusScreen {
    /// Where the application stands, in one line: a decision that disagrees with the sheets, who
    /// finalized (when, the note), damaged sheets, who is still missing, the last reopening.
    static func infoLine(_ d: ConsensusData, _ lang: Language, _ theme: Theme) -> (String, Style) {
        let e = d.evaluation
        var parts: [String] = []
        var style = theme.dim
        if let dec = d.decision {
            if d.decisionDisagrees {
                parts.append(TUILabels(lang).decisionGradeDisagreesWith("\(dec.total)", "\(dec.grade)", "\(e.total)", "\(e.grade)"))
                style = theme.bad
            } else {
                style = theme.good
            }
            parts.append(TUILabels(lang).finalized("\(d.name(dec.finalizedBy))", "\(KoreanTime.format(dec.finalizedAt))")
                         + (dec.note.map { $0.isEmpty ? "" : TUILabels(lang).noteAfter + $0 } ?? ""))
        }
        if !d.damaged.isEmpty {
            parts.append(TUILabels(lang).damagedSheet + d.damaged.map { "\(d.name($0.member)) (\($0.reason))" }.joined(separator: ", "))
            style = theme.bad
        }
        let damaged = Set(d.damaged.map(\.member))
        let missingW = e.missingWritten.filter { !damaged.contains($0) }.map(d.name)
        let missingS = e.missingSite.filter { !damaged.contains($0) }.map(d.name)
        if d.decision == nil, !missingW.isEmpty || !missingS.isEmpty {
            var m = TUILabels(lang).provisionalMissing
            if !missingW.isEmpty { m += TUILabels(lang).writtenAfterDash + missingW.joined(separator: " ") }
            if !missingS.isEmpty { m += TUILabels(lang).siteAfterDash + missingS.joined(separator: " ") }
            parts.append(m)
            if d.damaged.isEmpty { style = theme.warn }
        } else if d.decision == nil, d.damaged.isEmpty {
            parts.append(TUILabels(lang).completeEverySheet)
        }
        if d.decision == nil, let r = d.lastReopen {
            parts.append(TUILabels(lang).reopened("\(d.name(r.by))", "\(KoreanTime.format(r.at))")
                         + (r.reason.map { TUILabels(lang).reasonSeparator + $0 } ?? ""))
        }
        return (parts.joined(separator: " · "), style)
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
        let nameWidth = members.count == all.count ? max(0, min(40, area.width - fixed - members.count * cell)) : 0
        // The flag sits right after the numbers, however wide the terminal.
        let flagX = min(area.maxX - 2, area.x + 1 + 8 + (nameWidth > 0 ? nameWidth : 0) + (members.count + 3) * cell)
        let shown = members.count < all.count ? "\(start + 1)-\(start + members.count)/\(all.count)" : nil
        TextLayout.row(&b, x: area.x + 1, y: area.y, header(members, shown: shown, nameWidth: nameWidth, lang), style: theme.title, maxX: area.maxX - 1)

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
                if r.flagged { b.put("⚑", x: flagX, y: y, style: n == s.cursor ? style : theme.bad) }
            }
        }
    }

    /// The matrix's header: which members are shown (`shown`, when not all fit), their names, then
    /// the aggregate, spread and maximum columns.
    static func header(_ members: [Member], shown: String?, nameWidth: Int, _ lang: Language) -> [TextLayout.Column] {
        var header: [TextLayout.Column] = [.init(text: shown ?? TUILabels(lang).indicatorColumn, width: 7)]
        if nameWidth > 0 { header.append(.init(text: "", width: nameWidth - 1)) }
        for m in members {
            header.append(.init(text: DisplayWidth.truncate(m.name, to: cell - 1, ellipsis: ""), width: cell - 1, alignRight: true))
        }
        return header + [.init(text: TUILabels(lang).aggregateColumn, width: cell - 1, alignRight: true),
                         .init(text: TUILabels(lang).spread, width: cell - 1, alignRight: true),
                         .init(text: TUILabels(lang).maxColumn, width: cell - 1, alignRight: true)]
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
        let headline = "\(ind.id) \(ind.name.text(lang)) · " + TUILabels(lang).score("\(r.score)", "\(r.max)")
            + TUILabels(lang).writtenAndSite(r.written.aggregate?.description ?? "-", r.site.aggregate?.description ?? "-")
            + (r.flagged ? TUILabels(lang).flagged : "")
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
            if let q = e?.clarification { text += TUILabels(lang).questionMark + q.replacingOccurrences(of: "\n", with: " ⏎ ") }
            b.put(text, x: area.x, y: y, style: Style(), maxWidth: textWidth)
            y += 1
        }
        // Histogram of the levels (or bands) chosen in the phase shown.
        let counts = Histogram.counts(r.phase(s.phase).members, ind, lang)
        let labelWidth = counts.map { DisplayWidth.of($0.0.label) }.max() ?? 1
        for (i, (bucket, count)) in counts.enumerated() where area.y + 1 + i < area.maxY {
            b.put("\(DisplayWidth.pad(bucket.label, to: labelWidth)) \(String(repeating: "█", count: count)) \(count)", x: area.maxX - histogramWidth, y: area.y + 1 + i,
                  style: theme.hint, maxWidth: histogramWidth)
        }
    }

    /// Every member's entries on the selected indicator in full, for the reader (`v`).
    static func fullText(_ s: ConsensusState, width: Int, _ lang: Language) -> [String] {
        guard let ind = s.current, let r = s.result(ind.id) else { return [] }
        var lines = [TUILabels(lang).scoreAndSpreads("\(r.score)", "\(r.max)", r.written.aggregate?.description ?? "-", "\(r.written.spread)",
                                                   r.site.aggregate?.description ?? "-", "\(r.site.spread)")]
        if r.flagged { lines.append(TUILabels(lang).membersAreFurtherApart) }
        lines.append("")
        let written = Dictionary(uniqueKeysWithValues: r.written.members.map { ($0.member, $0) })
        let site = Dictionary(uniqueKeysWithValues: r.site.members.map { ($0.member, $0) })
        for m in s.data.members {
            let w = written[m.id], st = site[m.id]
            guard w != nil || st != nil else { continue }
            var head = m.name + "  " + TUILabels(lang).writtenPrefix + (w.map { entryText($0, ind) } ?? "·")
            if let st { head += TUILabels(lang).sitePrefix + entryText(st, ind) }
            lines.append(head)
            for (phase, e) in [(Phase.written, w), (.site, st)] {
                guard let e else { continue }
                let p = ScoringKeys.phaseName(phase, lang)
                if let n = e.entry.note { lines += TextLayout.wrap("  \(p) " + TUILabels(lang).notePrefix + n, width: width) }
                if let q = e.entry.clarification { lines += TextLayout.wrap("  \(p) " + TUILabels(lang).question + q, width: width) }
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

/// How solid the grade is: the aggregation actually used, the range (spec §3.9) and the grades in
/// it, the flagged indicators that move it most, margins, the grade under each method, pivotal
/// flags, members' lean. While sheets are missing it says the figures will still change.
enum RobustnessPanel {
    static func draw(_ b: inout Buffer, _ s: ConsensusState, _ area: Rect, _ lang: Language, _ theme: Theme, standards: Standards? = nil) {
        // Each line wrapped at the panel's width; what does not fit is the least important (last).
        let wrapped = lines(s, lang, theme, standards: standards).flatMap { l in TextLayout.wrap(l.0, width: area.width).map { ($0, l.1) } }
        for (i, l) in wrapped.prefix(area.height).enumerated() {
            b.put(l.0, x: area.x, y: area.y + i, style: l.1, maxWidth: area.width)
        }
    }

    /// The aggregation and combination used for this application: a plain mean where fewer sheets
    /// than `trim_min_members` count, written only while no site sheet counts.
    static func methodLabel(_ e: ApplicationEvaluation, _ standards: Standards, _ lang: Language) -> String {
        let written = e.indicators.map(\.written.sheets).max() ?? 0
        let site = e.indicators.map(\.site.sheets).max() ?? 0
        var agg = Labels.method(standards.aggregation, lang)
        if standards.aggregation == .trimmedMean {
            // Trimmed only where a phase has trim_min_members sheets: said per phase.
            let need = max(3, standards.trimMinMembers)
            let plain = TUILabels(lang).plainMeanSheets("\(standards.trimMinMembers)")
            let trimmed = (written: written >= need, site: site >= need)
            if site == 0 || written == 0 {
                if !(site == 0 ? trimmed.written : trimmed.site) { agg = plain }
            } else {
                switch trimmed {
                case (true, true): break
                case (false, false): agg = plain
                case (true, false): agg = TUILabels(lang).writtenSite("\(agg)", "\(plain)")
                case (false, true): agg = TUILabels(lang).writtenSite("\(plain)", "\(agg)")
                }
            }
        }
        let combine: String
        if site == 0 {
            combine = TUILabels(lang).scoreWrittenOnlyNo
        } else if written == 0 {
            combine = TUILabels(lang).scoreSiteOnly
        } else {
            switch standards.combination {
            case .weighted(let w, let st): combine = TUILabels(lang).scoreWrittenSite("\(w)", "\(st)")
            case .siteRevises: combine = TUILabels(lang).scoreSiteWhereInspected
            }
        }
        return TUILabels(lang).aggregateIs + agg + " · " + combine
    }

    /// `1599.62–1640.42 → grade 3–2, certified at both ends`.
    static func rangeText(_ r: GradeRange, _ lang: Language, provisional: Bool = false) -> String {
        if provisional {
            // Only what the submitted sheets say so far: no verdict while sheets are missing.
            let grades = r.crossesGrade ? TUILabels(lang).grades("\(r.gradeLow)", "\(r.gradeHigh)") : TUILabels(lang).gradeOnlyOne("\(r.gradeHigh)")
            return TUILabels(lang).rangeSoFarFrom("\(r.low)", "\(r.high)", "\(grades)")
        }
        let grades = r.crossesGrade ? TUILabels(lang).grades("\(r.gradeLow)", "\(r.gradeHigh)") : TUILabels(lang).gradeOnly("\(r.gradeHigh)")
        let cert: String
        switch (r.certifiedLow, r.certifiedHigh) {
        case (true, true): cert = TUILabels(lang).certifiedAtBothEnds
        case (false, false): cert = TUILabels(lang).notCertifiedAtEither
        default: cert = TUILabels(lang).crossesCertificationLine
        }
        return TUILabels(lang).range + "\(r.low)–\(r.high) → " + grades + " · " + cert
    }

    static func lines(_ s: ConsensusState, _ lang: Language, _ theme: Theme, standards: Standards?) -> [(String, Style)] {
        let rb = s.data.robustness, e = s.data.evaluation
        var lines: [(String, Style)] = []
        if let standards { lines.append((methodLabel(e, standards, lang), theme.dim)) }
        let provisional = s.data.decision == nil && e.status == .provisional
        if provisional {
            lines.append((TUILabels(lang).provisionalSheetsAreMissing, theme.warn))
        }
        lines.append((rangeText(rb.range, lang, provisional: provisional),
                      provisional ? theme.warn : rb.range.crossesCertification ? theme.bad : (rb.range.crossesGrade ? theme.warn : theme.title)))
        let up = rb.toNextGrade.map { TUILabels(lang).nextGrade("\($0)") } ?? TUILabels(lang).bestGrade
        let down = rb.aboveBoundary.map { TUILabels(lang).aboveItsLine("\($0)") } ?? TUILabels(lang).lowestGrade
        let line = rb.certificationLine.map { c in
            TUILabels(lang).certificationLine("\(c)", rb.aboveLine.map(OverviewScreen.signed) ?? "")
        } ?? ""
        lines.append((TUILabels(lang).margins + up + " · " + down + line, Style()))
        if !rb.movers.isEmpty {
            lines.append((TUILabels(lang).movesMost + rb.movers.prefix(6).map { "\($0.id) \($0.low)–\($0.high)" }.joined(separator: "  "), theme.warn))
        }
        if !provisional {
            if rb.pivotal.isEmpty {
                if rb.range.crossesCertification {
                    lines.append((TUILabels(lang).noSingleFlagMoves, theme.bad))
                } else if rb.movers.isEmpty {
                    lines.append((TUILabels(lang).noFlaggedIndicatorMembers, theme.good))
                } else {
                    lines.append((TUILabels(lang).evenWithEveryFlag, theme.good))
                }
            } else {
                lines.append((TUILabels(lang).couldAloneMoveAcross, theme.bad))
                for p in rb.pivotal {
                    lines.append(("  \(p.id)  \(p.score) → \(p.couldLose ? p.low : p.high) " + TUILabels(lang).givesTotal + " \(p.totalIfMoved)", theme.bad))
                }
            }
        }
        lines.append((TUILabels(lang).method + rb.byMethod.map { o in
            "\(Labels.method(o.method, lang)) \(o.total) → \(o.grade)" + (o.certified ? "✓" : "✗")
        }.joined(separator: "  "), Style()))
        let names = Dictionary(uniqueKeysWithValues: s.data.members.map { ($0.id, $0.name) })
        lines.append((TUILabels(lang).membersVsConsensusShown
                      + rb.members.map { "\(names[$0.member] ?? $0.member) \($0.meanDifference >= .zero ? "+" : "")\($0.meanDifference)" }.joined(separator: "  "), theme.dim))
        return lines
    }
}
