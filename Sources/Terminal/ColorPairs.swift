import CityCertTUI
internal import CNcursesShim

/// Lazily allocated ncurses colour pairs, one per distinct (foreground, background).
///
/// Pair 0 is the terminal default. When `use_default_colors` worked, an unset colour is -1
/// (the terminal's own); otherwise it falls back to white on black. When the terminal runs out
/// of pairs, further combinations are drawn with pair 0.
struct ColorPairs {
    private struct Combination: Hashable {
        var fg: Color?
        var bg: Color?
    }

    private var pairs: [Combination: Int16] = [:]
    private let defaultColors: Bool
    private let maxPairs: Int

    init(defaultColors: Bool, maxPairs: Int) {
        self.defaultColors = defaultColors
        self.maxPairs = min(maxPairs, Int(Int16.max))
    }

    /// The pair number for a colour combination, allocating it on first use.
    mutating func pair(fg: Color?, bg: Color?) -> Int16 {
        if fg == nil && bg == nil { return 0 }
        let combination = Combination(fg: fg, bg: bg)
        if let existing = pairs[combination] { return existing }
        let next = pairs.count + 1
        guard next < maxPairs else { return 0 }
        let foreground = fg.map(Self.number) ?? (defaultColors ? -1 : cc_color_white())
        let background = bg.map(Self.number) ?? (defaultColors ? -1 : cc_color_black())
        guard cc_init_pair(Int16(next), foreground, background) == cc_ok() else { return 0 }
        pairs[combination] = Int16(next)
        return Int16(next)
    }

    /// The ncurses colour number of a colour.
    static func number(_ color: Color) -> Int16 {
        switch color {
        case .black: return cc_color_black()
        case .red: return cc_color_red()
        case .green: return cc_color_green()
        case .yellow: return cc_color_yellow()
        case .blue: return cc_color_blue()
        case .magenta: return cc_color_magenta()
        case .cyan: return cc_color_cyan()
        case .white: return cc_color_white()
        }
    }
}
