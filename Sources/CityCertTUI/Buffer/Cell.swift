/// One column of a `Buffer`: a grapheme and its style.
///
/// A wide (2-column) grapheme such as a Hangul syllable sits in its first cell; the cell to its
/// right is a *continuation* (empty symbol) that the diff and the terminal skip.
public struct Cell: Sendable, Hashable {
    /// One grapheme, `" "` when empty, `""` for the continuation of a wide character.
    public var symbol: String
    public var style: Style

    /// Whether this cell is the right half of a wide character.
    public var isContinuation: Bool { symbol.isEmpty }

    /// A blank cell: a space in the plain style.
    public static let blank = Cell()

    public init(symbol: String = " ", style: Style = .plain) {
        self.symbol = symbol
        self.style = style
    }
}
