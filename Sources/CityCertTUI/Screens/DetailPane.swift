import CityCertCore
import Foundation

/// The selected indicator: what was submitted, how it scores, the member's entry, and (after
/// submitting) what the other members gave.
enum DetailPane {
    /// A line of the pane: text segments with styles.
    typealias Line = [(String, Style)]

    static func draw(_ b: inout Buffer, _ s: ScoringState, _ area: Rect, _ lang: Language, _ theme: Theme, typing: String?) {
        guard let ind = s.current, area.width > 4, area.height > 0 else { return }
        var lines = header(ind, s, area.width, lang, theme)
        if ind.isQuantitative {
            lines += quantitative(ind, s, area.width, lang, theme, typing: typing)
        } else {
            lines += qualitative(ind, s, area.width, lang, theme, compact: area.height < 26)
        }
        lines += SitePhaseSection.lines(ind, s, lang, theme)
        lines += entry(ind, s, area.width, lang, theme)
        lines += PeerSection.lines(ind, s, area.width, lang, theme)
        let shown = lines.count > area.height
            ? Array(lines.prefix(area.height - 1)) + [[(moreHint(lang), theme.hint)]]
            : lines
        for (i, line) in shown.enumerated() {
            var x = area.x
            for (text, style) in line {
                // Text that does not fit ends in "…": nothing is cut silently.
                let room = area.maxX - x
                guard room > 0 else { break }
                x += b.put(DisplayWidth.of(text) > room ? DisplayWidth.truncate(text, to: room) : text, x: x, y: area.y + i, style: style, maxWidth: room)
            }
        }
    }

    /// The last line when the pane is too short for everything.
    static func moreHint(_ lang: Language) -> String { TUILabels(lang).vShowsAll }

    /// Everything about the indicator as plain lines of at most `width` columns, for the reader (`v`).
    static func fullText(_ s: ScoringState, width: Int, _ lang: Language) -> [String] {
        guard let ind = s.current else { return [] }
        let theme = Theme(colors: false)
        var lines = header(ind, s, width, lang, theme, full: true)
        lines += ind.isQuantitative ? quantitative(ind, s, width, lang, theme, typing: nil) : qualitative(ind, s, width, lang, theme, compact: false, full: true)
        lines += SitePhaseSection.lines(ind, s, lang, theme)
        lines += entry(ind, s, width, lang, theme)
        lines += PeerSection.lines(ind, s, width, lang, theme)
        return lines.flatMap { line -> [String] in
            let text = line.map(\.0).joined()
            return DisplayWidth.of(text) > width ? TextLayout.wrap(text, width: width) : [text]
        }
    }

    static func header(_ ind: Indicator, _ s: ScoringState, _ width: Int, _ lang: Language, _ theme: Theme, full: Bool = false) -> [Line] {
        let pts = ind.points(for: s.application.cityType)
        let kind = ind.isQuantitative ? TUILabels(lang).quantitative : TUILabels(lang).qualitative
        var lines: [Line] = [[("\(ind.id)  \(ind.name.text(lang))", theme.title)],
                             [(TUILabels(lang).pointsKind("\(pts)", "\(kind)"), theme.dim)]]
        if let d = ind.description?.text(lang), !d.isEmpty {
            lines += TextLayout.wrap(d, width: width).prefix(full ? .max : 3).map { [($0, theme.dim)] }
        }
        lines.append([])
        return lines
    }

    static func label(_ text: String, _ width: Int = 10) -> String { DisplayWidth.pad(text, to: width) }

    static func evidenceText(_ evidence: [Evidence]) -> String {
        evidence.map { e in e.page.map { "\(e.file) p.\($0)" } ?? e.file }.joined(separator: ", ")
    }

    /// Each evidence entry on its own line (several are listed, not cut), the first with the label.
    static func evidenceLines(_ evidence: [Evidence], _ lang: Language, _ theme: Theme) -> [Line] {
        evidence.enumerated().map { i, e in
            [(label(i == 0 ? TUILabels(lang).evidence : ""), theme.dim), (e.page.map { "\(e.file) p.\($0)" } ?? e.file, Style())]
        }
    }

    /// The narrative wrapped; when it is cut, the last line shown ends in "…" (v shows it whole).
    static func narrativeLines(_ text: String, width: Int, limit: Int) -> [String] {
        let wrapped = TextLayout.wrap(text, width: width)
        guard wrapped.count > limit, limit > 0 else { return wrapped }
        var shown = Array(wrapped.prefix(limit))
        let last = shown[limit - 1]
        shown[limit - 1] = DisplayWidth.of(last) + 1 <= width ? last + "…" : DisplayWidth.truncate(last + "……", to: width)
        return shown
    }

    static func quantitative(_ ind: Indicator, _ s: ScoringState, _ width: Int, _ lang: Language, _ theme: Theme, typing: String?) -> [Line] {
        let unit = ind.unit?.text(lang) ?? ""
        let submitted = s.application.quantitative[ind.id]
        var lines: [Line] = []
        if let submitted {
            lines.append([(label(TUILabels(lang).submittedValue), theme.dim), ("\(submitted.value) \(unit)", theme.title)])
            lines += evidenceLines(submitted.evidence, lang, theme)
            if let note = submitted.note { lines.append([(label(TUILabels(lang).applicant), theme.dim), (note, Style())]) }
        } else {
            lines.append([(label(TUILabels(lang).submittedValue), theme.dim), (TUILabels(lang).nothingSubmitted, theme.warn)])
        }
        let mine = s.entry(ind.id)?.value
        let typed = typing.flatMap(EnteredNumber.value)
        let pts = ind.points(for: s.application.cityType)
        lines.append([])
        lines.append([(TUILabels(lang).bandsYoursSubmittedTyping, theme.dim)])
        let bandOf: (Decimal?) -> Int? = { v in v.flatMap { ind.bandIndex(for: $0) } }
        for (i, band) in ind.bands.enumerated() {
            let bound: String
            switch band.bound {
            case .atLeast(let t): bound = "≥ \(t) \(unit)"
            case .atMost(let t): bound = "≤ \(t) \(unit)"
            }
            let mark = (bandOf(mine) == i ? "●" : " ") + (bandOf(submitted?.value) == i ? "◆" : " ")
                + (typing != nil && bandOf(typed) == i ? "▸" : " ")
            let isActive = typing != nil ? bandOf(typed) == i : bandOf(mine ?? submitted?.value) == i
            let text = mark + " " + DisplayWidth.pad(bound, to: 14) + DisplayWidth.pad(percent(band.share), to: 8, alignRight: true)
                + DisplayWidth.pad(pts.times(band.share).description, to: 9, alignRight: true)
            lines.append([(text, isActive ? theme.highlight : Style())])
        }
        // A value below (or above) every band scores nothing.
        let none = typing != nil ? (typed != nil && bandOf(typed) == nil) : ((mine ?? submitted?.value) != nil && bandOf(mine ?? submitted?.value) == nil)
        let noneMark = (mine != nil && bandOf(mine) == nil ? "●" : " ") + (submitted != nil && bandOf(submitted?.value) == nil ? "◆" : " ")
            + (typing != nil && typed != nil && bandOf(typed) == nil ? "▸" : " ")
        lines.append([(noneMark + " " + DisplayWidth.pad(TUILabels(lang).otherwise, to: 14) + DisplayWidth.pad("0%", to: 8, alignRight: true)
                       + DisplayWidth.pad(Points.zero.description, to: 9, alignRight: true), none ? theme.highlight : theme.dim)])
        if let typing {
            let result = typed.map { v in "\(v) → \(pts.times(Band.share(of: v, in: ind.bands)))" + TUILabels(lang).points }
                ?? TUILabels(lang).notNumberYet("\(typing)")
            lines.append([(label(TUILabels(lang).typing), theme.dim), (result, theme.warn)])
        }
        return lines
    }

    static func percent(_ share: Share) -> String {
        var s = FixedDecimal.format(share.tenThousandths, scale: 2)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s + "%"
    }

    static func qualitative(_ ind: Indicator, _ s: ScoringState, _ width: Int, _ lang: Language, _ theme: Theme, compact: Bool, full: Bool = false) -> [Line] {
        var lines: [Line] = []
        let claim = s.application.selfEvaluation[ind.id]
        if let claim {
            lines.append([(label(TUILabels(lang).claimed), theme.dim), ("\(claim.level)", theme.title)])
            if let n = claim.narrative {
                lines += narrativeLines(n, width: width - 10, limit: full ? .max : (compact ? 2 : 4)).map { [(label(""), Style()), ($0, Style())] }
            }
            lines += evidenceLines(claim.evidence, lang, theme)
        } else {
            lines.append([(label(TUILabels(lang).claimed), theme.dim), (TUILabels(lang).noClaim, theme.warn)])
        }
        lines.append([(TUILabels(lang).levelsYoursClaimed, theme.dim)])
        let mine = s.entry(ind.id)?.level
        let pts = ind.points(for: s.application.cityType)
        for level in ind.levels {
            let isMine = mine == level.level
            let mark = (isMine ? "●" : " ") + (claim?.level == level.level ? "◆" : " ")
            let head = mark + "[\(level.level)] " + DisplayWidth.pad(percent(level.share), to: 5, alignRight: true)
                + DisplayWidth.pad(pts.times(level.share).description, to: 8, alignRight: true) + "  "
            let textWidth = max(8, width - DisplayWidth.of(head))
            var wrapped = TextLayout.wrap(level.text.text(lang), width: textWidth)
            if compact && wrapped.count > 1 { wrapped = [DisplayWidth.truncate(level.text.text(lang), to: textWidth)] }
            for (i, w) in wrapped.enumerated() {
                let lead = i == 0 ? head : String(repeating: " ", count: DisplayWidth.of(head))
                lines.append([(lead + w, isMine ? theme.highlight : Style())])
            }
        }
        return lines
    }

    static func entry(_ ind: Indicator, _ s: ScoringState, _ width: Int, _ lang: Language, _ theme: Theme) -> [Line] {
        let e = s.entry(ind.id)
        var lines: [Line] = [[]]
        let what: String
        if let v = e?.value {
            let accepted = s.application.quantitative[ind.id]?.value == v
            what = "\(v) → \(s.points(ind, e)!)" + TUILabels(lang).points + (accepted ? TUILabels(lang).acceptedAsSubmitted : TUILabels(lang).corrected)
        } else if let l = e?.level {
            what = TUILabels(lang).levelPoints("\(l)", "\(s.points(ind, e)!)")
        } else {
            what = TUILabels(lang).noEntryYet
        }
        lines.append([(label(TUILabels(lang).yours), theme.dim), (what, e?.isScored == true ? theme.good : theme.warn)])
        if let n = e?.note { lines += labelled(TUILabels(lang).noteHeading, n, Style(), theme) }
        if let q = e?.clarification { lines += labelled(TUILabels(lang).questionHeading, q, theme.warn, theme) }
        return lines
    }

    /// A labelled text of several lines (a note keeps its line breaks): the label on the first,
    /// the others indented under the text.
    static func labelled(_ name: String, _ text: String, _ style: Style, _ theme: Theme) -> [Line] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { i, part in
            [(label(i == 0 ? name : ""), theme.dim), (String(part), style)]
        }
    }
}
