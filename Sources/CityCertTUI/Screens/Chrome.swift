import CityCertCore

/// The parts every screen shares: the header bar, the status line and the key hints at the bottom.
enum Chrome {
    /// Draws the header bar: left text, and right text aligned to the edge.
    static func header(_ b: inout Buffer, left: String, right: String, theme: Theme) {
        b.fill(Rect(x: 0, y: 0, width: b.width, height: 1), style: theme.header)
        let rw = DisplayWidth.of(right)
        let leftMax = max(0, b.width - rw - 3)
        b.put(" " + DisplayWidth.truncate(left, to: max(0, leftMax - 1)), x: 0, y: 0, style: theme.header, maxWidth: leftMax)
        if rw + 2 <= b.width { b.put(right + " ", x: b.width - rw - 1, y: 0, style: theme.header) }
    }

    /// Draws the status line (second to last row) and key hints (last row).
    static func footer(_ b: inout Buffer, _ lang: Language, status: StatusLine?, hints: String, theme: Theme) {
        let y = b.height - 2
        b.hline(x: 0, y: y - 1, width: b.width, style: theme.border)
        if let status {
            b.put(" " + status.text(lang), x: 0, y: y, style: theme.status(status.kind), maxWidth: b.width)
        }
        b.put(" " + hints, x: 0, y: b.height - 1, style: theme.hint, maxWidth: b.width)
    }

    /// The message shown instead of a screen when the terminal is too small.
    static func tooSmall(_ state: AppState) -> Buffer {
        var b = Buffer(width: state.width, height: state.height)
        let lang = state.language
        let lines = [
            TUILabels(lang).pleaseEnlargeWindow,
            "\(state.width)×\(state.height) → \(AppState.minimumWidth)×\(AppState.minimumHeight)",
            TUILabels(lang).qQuits,
        ]
        let top = max(0, (state.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let w = DisplayWidth.of(line)
            b.put(line, x: max(0, (state.width - w) / 2), y: top + i, style: i == 0 ? Style(bold: true) : Style())
        }
        return b
    }
}
