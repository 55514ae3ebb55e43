import Testing
import CityCertTUI
@testable import Terminal

/// What the terminal sends becomes the keys and pastes the member meant, without a terminal.
@Suite struct InputDecoderTests {
    static let esc = "\u{1B}"

    /// Every sequence of the common terminals for arrows, Home/End, PgUp/PgDn, Insert/Delete, F1–F12.
    static let variants: [(String, Key, String)] = {
        var v: [(String, Key, String)] = []
        func add(_ terminal: String, _ seq: String, _ key: Key) { v.append((esc + seq, key, terminal)) }
        for (c, k) in [("A", Key.up), ("B", .down), ("C", .right), ("D", .left)] {
            add("xterm/VTE normal", "[" + c, k)
            add("xterm/VTE/tmux application", "O" + c, k)
            add("xterm Ctrl", "[1;5" + c, k)
            add("rxvt Shift", "[" + c.lowercased(), k)
            add("rxvt Ctrl", "O" + c.lowercased(), k)
        }
        for (seq, k) in [("[H", Key.home), ("OH", .home), ("[1~", .home), ("[7~", .home), ("[1;5H", .home), ("[7^", .home), ("[7$", .home),
                         ("[F", .end), ("OF", .end), ("[4~", .end), ("[8~", .end), ("[1;2F", .end), ("[8^", .end),
                         ("[2~", .insert), ("[3~", .delete), ("[3;5~", .delete), ("[5~", .pageUp), ("[6~", .pageDown),
                         ("[5;5~", .pageUp), ("[Z", .backTab)] {
            add("xterm/VTE/rxvt/tmux/screen/linux/PuTTY", seq, k)
        }
        for (i, c) in ["P", "Q", "R", "S"].enumerated() {
            add("xterm/VTE/tmux F1–F4", "O" + c, .function(i + 1))
            add("xterm Shift F1–F4", "[1;2" + c, .function(i + 1))
        }
        for (i, n) in [11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24].enumerated() {
            add("rxvt/PuTTY/xterm F\(i + 1)", "[\(n)~", .function(i + 1))
            add("xterm modified F\(i + 1)", "[\(n);5~", .function(i + 1))
        }
        for (i, c) in ["A", "B", "C", "D", "E"].enumerated() { add("Linux console F\(i + 1)", "[[" + c, .function(i + 1)) }
        for (i, c) in ["T", "U", "V", "W", "X", "Y", "Z", "["].enumerated() { add("PuTTY VT100+ F\(i + 5)", "O" + c, .function(i + 5)) }
        for (i, c) in ["M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X"].enumerated() { add("PuTTY SCO F\(i + 1)", "[" + c, .function(i + 1)) }
        return v
    }()

    private func decodeAtOnce(_ s: String, _ d: InputDecoder = InputDecoder()) -> [TerminalInput] {
        var d = d
        return d.feed(s) + d.flush()
    }

    /// One character per read, as `get_wch` hands them over (for the sequences, byte by byte).
    private func decodeByteByByte(_ s: String, _ d: InputDecoder = InputDecoder()) -> [TerminalInput] {
        var d = d
        var out: [TerminalInput] = []
        for scalar in s.unicodeScalars { out += d.feed(CollectionOfOne(scalar)) }
        return out + d.flush()
    }

    @Test func everyVariantInOneReadAndByteByByte() {
        for (seq, key, terminal) in Self.variants {
            #expect(decodeAtOnce(seq) == [.key(key)], "\(terminal): \(seq.debugDescription)")
            #expect(decodeByteByByte(seq) == [.key(key)], "\(terminal): \(seq.debugDescription) byte by byte")
            // Followed by a digit: the digit is a key of its own, the sequence is not split.
            #expect(decodeAtOnce(seq + "3") == [.key(key), .key(.char("3"))], "\(terminal): \(seq.debugDescription) then 3")
            #expect(decodeByteByByte(seq + "y") == [.key(key), .key(.char("y"))], "\(terminal): \(seq.debugDescription) then y")
        }
    }

    @Test func terminfoComesFirst() {
        // A terminal whose terminfo says ESC [ 1 ~ is End (made up): terminfo wins over the table.
        let d = InputDecoder(terminfo: [Self.esc + "[1~": .end, Self.esc + "[29~": .function(9)])
        #expect(decodeAtOnce(Self.esc + "[1~", d) == [.key(.end)])
        #expect(decodeAtOnce(Self.esc + "[29~", d) == [.key(.function(9))])
        #expect(decodeAtOnce(Self.esc + "[H", d) == [.key(.home)])
    }

    @Test func unknownSequencesAreSwallowedWhole() {
        for seq in ["[99~", "[200;5~", "[E", "[G", "O5E", "[?1;2c", "[<0;10;20M", "[1;5E", "[25~"] {
            #expect(decodeAtOnce(Self.esc + seq + "x") == [.key(.char("x"))], "\(seq.debugDescription)")
            #expect(decodeByteByByte(Self.esc + seq + "x") == [.key(.char("x"))], "\(seq.debugDescription) byte by byte")
        }
    }

    @Test func anOverlongSequenceIsSwallowedToItsEnd() {
        let long = Self.esc + "[" + String(repeating: "1;", count: 40) + "m"
        #expect(decodeAtOnce(long + "x") == [.key(.char("x"))])
        #expect(decodeByteByByte(long + "x") == [.key(.char("x"))])
    }

    @Test func aLoneEscapeIsEscapeOnceTheDelayPasses() {
        var d = InputDecoder()
        #expect(d.feed(Self.esc) == [])
        #expect(d.isPending)
        #expect(d.flush() == [.key(.escape)])
        #expect(!d.isPending)
        // Esc, the delay, then 1: Esc and the key 1 (typed apart, they are two keys).
        #expect(d.feed(Self.esc) == [])
        #expect(d.flush() == [.key(.escape)])
        #expect(d.feed("1") == [.key(.char("1"))])
        // Esc Esc after the delay: two escapes.
        #expect(d.feed(Self.esc + Self.esc) == [])
        #expect(d.flush() == [.key(.escape), .key(.escape)])
        // An incomplete sequence at the delay is dropped, not split into Esc plus keys.
        #expect(d.feed(Self.esc + "[1") == [])
        #expect(d.flush() == [])
    }

    @Test func altAndControlKeys() {
        #expect(decodeAtOnce(Self.esc + "\r") == [.key(.lineBreak)])       // Alt-Enter
        #expect(decodeAtOnce("\n") == [.key(.lineBreak)])                  // Ctrl-J
        #expect(decodeAtOnce("\r") == [.key(.enter)])
        #expect(decodeAtOnce(Self.esc + "[27;3;13~") == [.key(.lineBreak)]) // xterm modifyOtherKeys Alt-Enter
        #expect(decodeAtOnce(Self.esc + "x") == [])                         // Alt-x: nothing, not Esc then x
        #expect(decodeAtOnce(Self.esc + Self.esc + "[A") == [.key(.up)])   // rxvt Alt-Up
        #expect(decodeAtOnce(Self.esc + Self.esc + "q") == [.key(.escape)]) // Esc, then Alt-q
        #expect(decodeAtOnce("\u{7F}\u{08}\t\u{03}\u{13}") == [.key(.backspace), .key(.backspace), .key(.tab), .key(.ctrl("c")), .key(.ctrl("s"))])
        #expect(decodeAtOnce("a수 ") == [.key(.char("a")), .key(.char("수")), .key(.char(" "))])
        #expect(decodeAtOnce("\u{85}") == [])
        // A control character breaks a sequence: the sequence is dropped, the character is read.
        #expect(decodeAtOnce(Self.esc + "[1\r") == [.key(.enter)])
    }

    @Test func aBracketedPasteIsOneTextWithItsLineBreaks() {
        let text = "증빙과 일치함.\r\nSee p.3 of the catalogue.\rS y 3 4\n" + Self.esc + "[1~ end\tx"
        let seq = Self.esc + "[200~" + text + Self.esc + "[201~"
        let expected = "증빙과 일치함.\nSee p.3 of the catalogue.\nS y 3 4\n[1~ end x"
        #expect(decodeAtOnce(seq + "3") == [.paste(expected), .key(.char("3"))])
        #expect(decodeByteByByte(seq + "3") == [.paste(expected), .key(.char("3"))])
        // A paste of 5,000 characters is one input.
        let long = String(repeating: "가나다라마 abc\n", count: 500)
        #expect(decodeAtOnce(Self.esc + "[200~" + long + Self.esc + "[201~") == [.paste(long)])
    }

    @Test func aPasteWhoseEndNeverComesIsDeliveredAtTheTimeout() {
        var d = InputDecoder()
        #expect(d.feed(Self.esc + "[200~abc" + Self.esc + "[20") == [])
        #expect(d.isPasting)
        #expect(d.flush() == [.paste("abc[20")])
        #expect(!d.isPasting)
    }
}
