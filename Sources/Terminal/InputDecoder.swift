import CityCertTUI

/// One thing the member did at the keyboard: a key, or a paste (bracketed paste), kept whole.
public enum TerminalInput: Sendable, Equatable {
    case key(Key)
    /// Text pasted with the terminal's bracketed paste: never read as keys.
    case paste(String)
}

/// Turns what the terminal sends (characters, escape sequences, bracketed pastes) into
/// `TerminalInput`s: pure, so it is tested without a terminal, byte by byte or in one read.
///
/// The terminal runs with ncurses' own key decoding off (`keypad` false): ncurses splits a sequence
/// it does not know into Esc plus keys (Home as `ESC [ 1 ~` under tmux became Esc, `1`, `~`), and
/// it knows nothing of bracketed paste. Here:
///
/// - A sequence is read whole by its grammar — CSI `ESC [` parameters, intermediates, a final byte
///   (and the Linux console's `ESC [ [ A`, rxvt's `$`-ended ones), SS3 `ESC O` a final byte —
///   then looked up: the terminfo strings of `$TERM` first, then ``KeyTable`` (the variants of
///   xterm, VTE, rxvt, tmux/screen, the Linux console and PuTTY), then the generic forms
///   (`ESC [ n ~`, `ESC [ 1 ; m X`, modifiers dropped). A sequence that means nothing is
///   swallowed whole, never split into Esc plus keys.
/// - A lone Esc is only known as such when nothing follows within the escape delay: the caller
///   calls ``flush()`` when its read timed out while ``isPending``.
/// - `ESC [ 200 ~` … `ESC [ 201 ~` is a paste: everything in between, line breaks included, is one
///   `.paste` (CR LF and CR become LF, a tab a space, other control characters are dropped).
/// - Esc then Enter (Alt-Enter) and Ctrl-J are `.lineBreak`; Esc then another character (Alt-x) is
///   swallowed; Enter (CR) is `.enter`.
public struct InputDecoder: Sendable {
    /// Sequences from terminfo (`khome`, `kf1`, …) for the terminal in use: looked up first.
    public var terminfo: [String: Key]
    /// The longest sequence read before it is given up as garbage (and swallowed).
    static let maxSequence = 32
    static let pasteStart = "\u{1B}[200~"
    static let pasteEnd = "\u{1B}[201~"

    private var pending: [Unicode.Scalar] = []
    /// Inside a sequence too long to be a key: dropped up to its final byte.
    private var discarding = false
    private var pasting = false
    private var paste: [Unicode.Scalar] = []
    /// Inside a paste, a possible start of the end marker.
    private var pasteTail: [Unicode.Scalar] = []

    public init(terminfo: [String: Key] = [:]) {
        self.terminfo = terminfo.filter { $0.key.hasPrefix("\u{1B}") }
    }

    /// Whether part of an escape sequence is waiting: read on with the escape delay, then ``flush()``.
    public var isPending: Bool { !pending.isEmpty }
    /// Whether a bracketed paste is being read (its end marker not yet seen).
    public var isPasting: Bool { pasting }

    /// Decodes a run of characters (one read); what is incomplete at its end waits for more.
    public mutating func feed<S: Sequence>(_ scalars: S) -> [TerminalInput] where S.Element == Unicode.Scalar {
        var out: [TerminalInput] = []
        for s in scalars { feed(s, into: &out) }
        return out
    }

    /// Decodes the characters of a string (for tests and one-read input).
    public mutating func feed(_ text: String) -> [TerminalInput] { feed(text.unicodeScalars) }

    /// The read timed out: what is pending is complete as it is. A lone Esc is `.escape` (two, two);
    /// the start of a sequence is swallowed; a paste whose end never came is delivered as it is.
    public mutating func flush() -> [TerminalInput] {
        var out: [TerminalInput] = []
        if pasting {
            paste += pasteTail
            pasteTail = []
            out.append(.paste(Self.clean(paste)))
            paste = []
            pasting = false
            return out
        }
        if pending == ["\u{1B}"] { out.append(.key(.escape)) }
        else if pending == ["\u{1B}", "\u{1B}"] { out += [.key(.escape), .key(.escape)] }
        pending = []
        discarding = false
        return out
    }

    // MARK: - The state machine

    private mutating func feed(_ s: Unicode.Scalar, into out: inout [TerminalInput]) {
        if pasting { return pasteFeed(s, into: &out) }
        if discarding {
            if (0x20...0x3F).contains(s.value) { return }
            discarding = false
            if (0x40...0x7E).contains(s.value) { return }
        }
        if pending.isEmpty {
            if s == "\u{1B}" { pending = [s]; return }
            if let key = Self.plain(s) { out.append(.key(key)) }
            return
        }
        pending.append(s)
        switch sequenceState(pending) {
        case .incomplete:
            if pending.count > Self.maxSequence { pending = []; discarding = true }
        case .complete(let start):
            let sequence = String(String.UnicodeScalarView(pending[start...]))
            pending = []
            if sequence == Self.pasteStart { pasting = true; paste = []; pasteTail = []; return }
            if let key = key(for: sequence) { out.append(.key(key)) }
        case .alt(let c):
            pending = []
            if c == "\r" || c == "\n" { out.append(.key(.lineBreak)) }
            // Alt plus a character means nothing here: swallowed, not Esc plus the character.
        case .broken:
            // A control character inside a sequence: the sequence so far is dropped, the character is read.
            let last = pending.removeLast()
            pending = []
            feed(last, into: &out)
        case .escapeThen:
            // Esc Esc then something that starts no sequence: a lone Esc, and Esc plus what follows.
            let rest = Array(pending.dropFirst())
            pending = []
            out.append(.key(.escape))
            for r in rest { feed(r, into: &out) }
        }
    }

    private enum SequenceState {
        case incomplete
        /// Complete; the sequence starts at this index of `pending` (1 after a doubled Esc: Alt).
        case complete(Int)
        case alt(Unicode.Scalar)
        case escapeThen
        case broken
    }

    /// How far `p` (starting with Esc) is a sequence.
    private func sequenceState(_ p: [Unicode.Scalar]) -> SequenceState {
        var start = 0
        if p.count >= 2, p[1] == "\u{1B}" {
            // Esc Esc [ … : rxvt's Alt plus a key (read as the key); Esc Esc alone waits.
            guard p.count >= 3 else { return .incomplete }
            guard p[2] == "[" || p[2] == "O" else { return .escapeThen }
            start = 1
        }
        let q = p[start...]
        guard q.count >= 2 else { return .incomplete }
        let introducer = q[q.startIndex + 1]
        let body = q.dropFirst(2)
        switch introducer {
        case "[":
            guard let first = body.first else { return .incomplete }
            if first == "[" { return body.count >= 2 ? .complete(start) : .incomplete }   // Linux console F1–F5
            for c in body {
                let v = c.value
                if (0x40...0x7E).contains(v) || c == "$" { return .complete(start) }
                if (0x20...0x3F).contains(v) { continue }
                return .broken
            }
            return .incomplete
        case "O":
            for c in body {
                if c.value >= 0x30 && c.value <= 0x3B { continue }   // digits and ';' (modifiers)
                return c.value < 0x20 || c.value == 0x7F ? .broken : .complete(start)
            }
            return .incomplete
        default:
            return start == 0 ? .alt(introducer) : .escapeThen
        }
    }

    private mutating func pasteFeed(_ s: Unicode.Scalar, into out: inout [TerminalInput]) {
        let end = Array(Self.pasteEnd.unicodeScalars)
        if !pasteTail.isEmpty || s == "\u{1B}" {
            pasteTail.append(s)
            if pasteTail == end {
                out.append(.paste(Self.clean(paste)))
                paste = []; pasteTail = []; pasting = false
            } else if !end.starts(with: pasteTail) {
                // Not the end marker: part of the text (an Esc in a paste is dropped by `clean`).
                let last = pasteTail.removeLast()
                paste += pasteTail
                pasteTail = []
                if last == "\u{1B}" { pasteTail = [last] } else { paste.append(last) }
            }
            return
        }
        paste.append(s)
    }

    /// The text of a paste: line breaks as LF, a tab as a space, no other control characters.
    static func clean(_ scalars: [Unicode.Scalar]) -> String {
        var view = String.UnicodeScalarView()
        view.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            switch s.value {
            case 0x0D:
                view.append("\n")
                if i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
            case 0x0A: view.append("\n")
            case 0x09: view.append(" ")
            case 0..<0x20, 0x7F, 0x80..<0xA0: break
            default: view.append(s)
            }
            i += 1
        }
        return String(view)
    }

    // MARK: - Keys

    /// The key of a character that is not part of a sequence.
    static func plain(_ s: Unicode.Scalar) -> Key? {
        switch s.value {
        case 13: return .enter
        case 10: return .lineBreak
        case 9: return .tab
        case 8, 127: return .backspace
        case 0: return .ctrl("@")
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(s.value) + 96)))
        case 28...31: return .ctrl(Character(Unicode.Scalar(UInt8(s.value) + 64)))
        case 0x80..<0xA0: return nil
        default: return .char(Character(s))
        }
    }

    /// The key of a complete sequence: terminfo first, then the table, then the generic forms.
    func key(for sequence: String) -> Key? {
        if let k = terminfo[sequence] { return k }
        if let k = KeyTable.variants[sequence] { return k }
        return KeyTable.generic(sequence)
    }
}
