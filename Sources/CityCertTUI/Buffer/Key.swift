/// A key press, as the terminal backend decodes it and the application's `update` consumes it.
///
/// Printable input, including composed Hangul from an input method, arrives as `.char`.
/// Control letters arrive as `.ctrl` with the lowercase letter (Ctrl-C is `.ctrl("c")`), except
/// Tab (Ctrl-I), Enter (Ctrl-M) and Backspace (Ctrl-H), which have their own cases.
/// `.lineBreak` is Ctrl-J or Alt-Enter: a new line in a text field, Enter elsewhere.
/// `.resize` means the terminal changed size: render again at the new size.
public enum Key: Sendable, Hashable {
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, insert, tab, backTab
    case lineBreak
    case function(Int)
    case ctrl(Character)
    case resize
}
