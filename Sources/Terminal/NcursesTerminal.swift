import CityCertTUI
internal import CNcursesShim
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The thin ncurses backend: draws a `Buffer` by diff, reads keys, follows resizes, restores.
///
/// Create one per process, use it from one thread only (ncurses is not thread-safe; the class is
/// deliberately not `Sendable`), and call `restore()` before printing anything after the
/// interactive session (it also runs from `deinit`). SIGINT, SIGTERM and SIGHUP restore the
/// terminal and exit with 128 + signal; a crash restores it before the runtime reports. The
/// terminal runs in raw mode, so Ctrl-C arrives as `.ctrl("c")` rather than as SIGINT.
public final class NcursesTerminal {
    /// Whether standard input and output are both terminals.
    public static func isInteractive() -> Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// Whether colours are in use (terminal supports them, `colors` was true, `NO_COLOR` unset).
    public private(set) var hasColors = false
    /// Set when standard input has gone away (reads keep failing); `readKey` then returns nil.
    public private(set) var inputClosed = false

    private var previous: Buffer?
    private var colorPairs = ColorPairs(defaultColors: false, maxPairs: 0)
    private var currentTimeout: Int32?
    private var failedReads = 0
    /// True until curses is started by this instance, and again after `restore()`: a failed
    /// `init` still runs `deinit`, which must not end a session that another instance owns.
    private var restored = true

    /// Reads that fail at once, in a row, before standard input counts as closed.
    private static let failedReadLimit = 64
    /// How long a paste may pause before what came of it is taken as the whole paste.
    private static let pasteTimeout: Int32 = 10_000
    /// How long to wait after Esc for the rest of a sequence before it counts as a lone Esc
    /// (milliseconds; `$ESCDELAY` overrides, as in ncurses).
    public let escapeDelay: Int32
    private var decoder = InputDecoder()
    private var queue: [TerminalInput] = []

    /// Starts curses on the controlling terminal, or throws a `TerminalError` saying why not.
    public init(colors: Bool = true) throws {
        escapeDelay = Self.environment("ESCDELAY").flatMap { Int32($0) }.map { min(max($0, 5), 2000) } ?? 50
        guard Self.isInteractive() else { throw TerminalError.notATerminal }
        guard cc_setlocale_all() else { throw TerminalError.noUTF8Locale }
        switch cc_begin() {
        case 0: restored = false
        case -2: throw TerminalError.alreadyActive
        default: throw TerminalError.unknownTerminalType(Self.environment("TERM") ?? "")
        }
        cc_setup_modes()
        cc_install_signal_handlers()
        cc_bracketed_paste(true)
        decoder = InputDecoder(terminfo: Self.terminfoKeys())
        let noColor = !(Self.environment("NO_COLOR") ?? "").isEmpty
        if colors && !noColor && cc_has_colors() && cc_start_color() == cc_ok() {
            let defaults = cc_use_default_colors() == cc_ok()
            colorPairs = ColorPairs(defaultColors: defaults, maxPairs: Int(cc_color_pairs()))
            hasColors = true
        }
    }

    deinit {
        restore()
    }

    /// The terminal size in columns and rows ((0, 0) after `restore()`).
    public var size: (width: Int, height: Int) {
        var rows: Int32 = 0
        var columns: Int32 = 0
        cc_getmaxyx(cc_stdscr(), &rows, &columns)
        return (Int(columns), Int(rows))
    }

    /// Draws a buffer: only the cells that changed since the last draw, everything after a
    /// resize or a change of buffer size. Cells outside the terminal are clipped.
    public func draw(_ buffer: Buffer) {
        guard !restored else { return }
        let changes: [(x: Int, y: Int, cell: Cell)]
        if let previous, previous.width == buffer.width, previous.height == buffer.height {
            changes = buffer.diff(from: previous)
        } else {
            _ = cc_clear()
            changes = buffer.diff(from: Buffer(width: 0, height: 0))
        }
        let (columns, rows) = size
        for (x, y, cell) in changes where x < columns && y < rows {
            let wide = x + 1 < buffer.width && buffer[x + 1, y].isContinuation
            if wide && x + 1 >= columns {
                put(" ", cells: 1, style: cell.style, x: x, y: y)
            } else {
                put(cell.symbol, cells: wide ? 2 : 1, style: cell.style, x: x, y: y)
            }
        }
        _ = cc_refresh()
        previous = buffer
    }

    /// Waits for a key: nil on timeout (`timeoutMilliseconds` ≥ 0) or once input has closed.
    /// A paste is dropped here: use ``readInput(timeoutMilliseconds:)`` to receive it.
    public func readKey(timeoutMilliseconds: Int32 = -1) -> Key? {
        while true {
            switch readInput(timeoutMilliseconds: timeoutMilliseconds) {
            case .key(let key): return key
            case .paste: continue
            case nil: return nil
            }
        }
    }

    /// Waits for a key or a paste: nil on timeout (`timeoutMilliseconds` ≥ 0) or once input has
    /// closed. `.key(.resize)` means the size changed; the next `draw` repaints everything.
    ///
    /// Characters go through the ``InputDecoder``: an escape sequence is read whole (a lone Esc
    /// is known once nothing follows within ``escapeDelay`` milliseconds), a bracketed paste
    /// comes as one `.paste`.
    public func readInput(timeoutMilliseconds: Int32 = -1) -> TerminalInput? {
        guard !restored, !inputClosed else { return nil }
        while true {
            if !queue.isEmpty { return queue.removeFirst() }
            // Inside a sequence wait only the escape delay; inside a paste wait for its end.
            let wait = decoder.isPasting ? Self.pasteTimeout : decoder.isPending ? escapeDelay : timeoutMilliseconds
            switch readCharacter(timeoutMilliseconds: wait) {
            case .character(let scalar):
                queue += decoder.feed(CollectionOfOne(scalar))
            case .code(let value):
                if value == cc_key_resize() {
                    previous = nil
                    queue.append(.key(.resize))
                }
            case .timedOut:
                if decoder.isPending || decoder.isPasting {
                    queue += decoder.flush()
                    continue
                }
                return nil
            case .closed:
                queue += decoder.flush()
                if !queue.isEmpty { return queue.removeFirst() }
                return nil
            }
        }
    }

    /// Whether a key or paste is already waiting (read without waiting).
    public func hasPendingInput() -> Bool {
        if !queue.isEmpty { return true }
        guard !restored, !inputClosed else { return false }
        if let next = readInput(timeoutMilliseconds: 0) {
            queue.insert(next, at: 0)
            return true
        }
        return false
    }

    private enum Read { case character(Unicode.Scalar), code(Int32), timedOut, closed }

    /// One `get_wch`, with the failed-read accounting that tells a closed input from a timeout.
    private func readCharacter(timeoutMilliseconds: Int32) -> Read {
        if currentTimeout != timeoutMilliseconds {
            cc_timeout(timeoutMilliseconds)
            currentTimeout = timeoutMilliseconds
        }
        while true {
            var value: Int32 = 0
            let started = Self.milliseconds()
            let kind = cc_get_wch(&value)
            if kind == cc_err() {
                // A blocking read never times out, and a timed one that fails at once did not
                // wait: when that keeps happening, standard input is gone.
                let waited = Self.milliseconds() - started
                let failedEarly = timeoutMilliseconds < 0 || (timeoutMilliseconds > 4 && waited * 2 < Int(timeoutMilliseconds))
                if failedEarly {
                    failedReads += 1
                    if failedReads >= Self.failedReadLimit {
                        inputClosed = true
                        return .closed
                    }
                    if timeoutMilliseconds < 0 { continue }
                } else {
                    failedReads = 0
                }
                return .timedOut
            }
            failedReads = 0
            if kind == cc_key_code_yes() { return .code(value) }
            guard let scalar = Unicode.Scalar(UInt32(bitPattern: value)) else { continue }
            return .character(scalar)
        }
    }

    /// Ends curses and gives the terminal back as it was; safe to call more than once.
    public func restore() {
        guard !restored else { return }
        restored = true
        cc_end()
    }

    // MARK: - Helpers

    /// Puts one cell's grapheme, covering exactly `cells` columns.
    private func put(_ symbol: String, cells: Int, style: Style, x: Int, y: Int) {
        var attributes = cc_a_normal()
        if style.bold { attributes |= cc_a_bold() }
        if style.reverse { attributes |= cc_a_reverse() }
        if style.underline { attributes |= cc_a_underline() }
        if style.dim { attributes |= cc_a_dim() }
        let pair = hasColors ? colorPairs.pair(fg: style.fg, bg: style.bg) : 0
        let scalars = symbol.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        _ = scalars.withUnsafeBufferPointer { chars in
            cc_put_cell(Int32(y), Int32(x), chars.baseAddress, Int32(chars.count), Int32(cells), attributes, pair)
        }
    }

    /// The key sequences the terminal's terminfo entry names (read once curses is started).
    private static func terminfoKeys() -> [String: Key] {
        var keys: [String: Key] = [:]
        for (cap, key) in KeyTable.terminfoCapabilities {
            guard let value = cc_tigetstr(cap) else { continue }
            keys[String(cString: value)] = key
        }
        return keys
    }

    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    private static func milliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }
}

/// ncurses keeps global state and is not thread-safe: a terminal must never cross threads.
@available(*, unavailable)
extension NcursesTerminal: Sendable {}
