import CityCertTUI

/// The key sequences common terminals send, after terminfo: the table the ``InputDecoder`` falls back to.
///
/// | Keys | Sequences |
/// |---|---|
/// | arrows | `ESC [ A`…`D` (normal mode), `ESC O A`…`D` (application mode: xterm, VTE, tmux, PuTTY), rxvt's `ESC [ a`…`d` (Shift) and `ESC O a`…`d` (Ctrl) |
/// | Home / End | `ESC [ H` / `F`, `ESC O H` / `F` (xterm, VTE), `ESC [ 1 ~` / `4 ~` (tmux/screen, Linux console, PuTTY), `ESC [ 7 ~` / `8 ~` (rxvt) |
/// | Insert, Delete, PgUp, PgDn | `ESC [ 2 ~`, `3 ~`, `5 ~`, `6 ~` |
/// | F1–F4 | `ESC O P`…`S` (xterm, VTE, tmux), `ESC [ 11 ~`…`14 ~` (rxvt, PuTTY), `ESC [ [ A`…`D` (Linux console) |
/// | F5–F12 | `ESC [ 15 ~`, `17 ~`…`21 ~`, `23 ~`, `24 ~` (all); `ESC [ [ E` (Linux console F5); PuTTY's VT100+ `ESC O T`…`ESC O [` and SCO `ESC [ M`…`X` |
/// | Shift-Tab | `ESC [ Z` |
///
/// Modifiers (xterm's `ESC [ 1 ; 5 H`, `ESC [ 3 ; 2 ~`, rxvt's `ESC [ 7 ^`, `ESC [ 7 $`) are read and
/// dropped: Ctrl-Home is Home. xterm's modifyOtherKeys form of Alt-Enter / Ctrl-Enter
/// (`ESC [ 27 ; m ; 13 ~`) is a line break.
enum KeyTable {
    static let esc = "\u{1B}"

    /// Whole sequences that the generic forms do not cover.
    static let variants: [String: Key] = {
        var t: [String: Key] = [:]
        for (c, k) in [("A", Key.up), ("B", .down), ("C", .right), ("D", .left)] {
            t[esc + "[" + c] = k
            t[esc + "O" + c] = k
            t[esc + "[" + c.lowercased()] = k      // rxvt Shift-arrow
            t[esc + "O" + c.lowercased()] = k      // rxvt Ctrl-arrow
        }
        t[esc + "[H"] = .home; t[esc + "OH"] = .home
        t[esc + "[F"] = .end; t[esc + "OF"] = .end
        t[esc + "[Z"] = .backTab
        for (i, c) in ["P", "Q", "R", "S"].enumerated() { t[esc + "O" + c] = .function(i + 1) }
        for (i, c) in ["A", "B", "C", "D", "E"].enumerated() { t[esc + "[[" + c] = .function(i + 1) }
        // PuTTY VT100+ (F5–F12 after ESC O P…S) and SCO (ESC [ M … X) function keys.
        for (i, c) in ["T", "U", "V", "W", "X", "Y", "Z", "["].enumerated() { t[esc + "O" + c] = .function(i + 5) }
        for (i, c) in ["M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X"].enumerated() { t[esc + "[" + c] = .function(i + 1) }
        return t
    }()

    /// `ESC [ n ~` (and rxvt's `^ $ @` endings): the key of each number.
    static let tilde: [Int: Key] = [
        1: .home, 2: .insert, 3: .delete, 4: .end, 5: .pageUp, 6: .pageDown, 7: .home, 8: .end,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]

    /// The final letter of `ESC [ 1 ; m X` and `ESC O m X`.
    static let letters: [Character: Key] = [
        "A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end,
        "P": .function(1), "Q": .function(2), "R": .function(3), "S": .function(4), "Z": .backTab,
    ]

    /// The key of a sequence by its generic form, with modifiers dropped; nil when it means nothing.
    static func generic(_ sequence: String) -> Key? {
        let chars = Array(sequence)
        guard chars.count >= 3, chars[0] == "\u{1B}", let final = chars.last else { return nil }
        let params = String(chars[2..<(chars.count - 1)])
        guard params.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ";") }) else { return nil }
        let numbers = params.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        switch (chars[1], final) {
        case ("[", "~"), ("[", "^"), ("[", "$"), ("[", "@"):
            guard let n = numbers.first ?? nil else { return nil }
            if n == 27, numbers.count == 3, numbers[2] == 13 { return (numbers[1] ?? 1) > 1 ? .lineBreak : .enter }
            return tilde[n]
        case ("[", _), ("O", _):
            return letters[final]
        default:
            return nil
        }
    }

    /// The terminfo capabilities read for the terminal in use, and their keys.
    static let terminfoCapabilities: [(String, Key)] = {
        var caps: [(String, Key)] = [
            ("kcuu1", .up), ("kcud1", .down), ("kcub1", .left), ("kcuf1", .right),
            ("khome", .home), ("kend", .end), ("kpp", .pageUp), ("knp", .pageDown),
            ("kich1", .insert), ("kdch1", .delete), ("kcbt", .backTab),
        ]
        for n in 1...12 { caps.append(("kf\(n)", .function(n))) }
        return caps
    }()
}
