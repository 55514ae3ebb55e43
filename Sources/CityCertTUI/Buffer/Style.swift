/// How a cell is drawn: foreground and background colour plus a few attributes.
///
/// Colours are optional (`nil` is the terminal default). The terminal backend maps attributes to
/// ncurses `A_*` flags and allocates a colour pair per distinct (fg, bg).
public struct Style: Sendable, Hashable {
    public var fg: Color?
    public var bg: Color?
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    /// The terminal's default look: default colours, no attributes.
    public static let plain = Style()

    public init(
        fg: Color? = nil, bg: Color? = nil,
        bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false
    ) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }
}
