/// One of the eight standard terminal colours.
///
/// `nil` in a `Style` means the terminal's default colour, so a screen that uses no colour at
/// all looks right on both dark and light terminals and under `NO_COLOR`.
public enum Color: Sendable, Hashable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white
}
