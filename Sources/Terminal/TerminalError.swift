/// Why the terminal backend could not start.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, redirected, or running under CI).
    case notATerminal
    /// No UTF-8 locale could be selected, so Hangul and box characters would be lost.
    case noUTF8Locale
    /// ncurses does not know the terminal type in `TERM`.
    case unknownTerminalType(String)
    /// Another `NcursesTerminal` is already running in this process.
    case alreadyActive

    public var description: String {
        switch self {
        case .notATerminal:
            return "the interactive workstation needs a terminal: standard input and output must not be redirected"
        case .noUTF8Locale:
            return "no UTF-8 locale is available; set LANG=C.UTF-8 (or another UTF-8 locale) and try again"
        case .unknownTerminalType(let name):
            return "unknown terminal type '\(name)'; set TERM to a known type such as xterm-256color"
        case .alreadyActive:
            return "the terminal is already in use by this process"
        }
    }
}
