import CityCertCore

/// One key binding of a screen: the keys, what they do, and how the help names them.
///
/// As in bubbles/key, one definition serves the handler (``Keymap/action(for:)``), the `?` help
/// (``Keymap/helpLines(_:)``) and the footer (``Hint``), so that they cannot disagree.
struct KeyBinding<Action: Sendable & Equatable>: Sendable {
    /// The keys; with `digits`, every digit character too (the level keys).
    var keys: [Key]
    var action: Action
    /// The keys as the help writes them (`"x / Del / Backspace"`); ``KeyLabel/keys(_:)`` reads them back.
    var label: String
    /// What the keys do, in English and Korean.
    var en: String
    var ko: String
    var digits = false

    init(_ keys: [Key], _ action: Action, _ label: String, _ en: String, _ ko: String, digits: Bool = false) {
        self.keys = keys; self.action = action; self.label = label; self.en = en; self.ko = ko; self.digits = digits
    }

    func matches(_ key: Key) -> Bool {
        if keys.contains(key) { return true }
        if digits, case .char(let c) = key, c.isNumber { return true }
        return false
    }
}

/// A screen's table of keys.
struct Keymap<Action: Sendable & Equatable>: Sendable {
    var bindings: [KeyBinding<Action>]
    /// Lines of the help after the keys (what every key does not say).
    var notes: [(en: String, ko: String)] = []

    /// What a key does on this screen; nil: nothing.
    func action(for key: Key) -> Action? {
        bindings.first { $0.matches(key) }?.action
    }

    /// Every key bound (the digits of a level binding as `0`…`9`).
    var keys: Set<Key> {
        Set(bindings.flatMap { $0.keys + ($0.digits ? "0123456789".map(Key.char) : []) })
    }

    /// The screen's part of the `?` help: one line per binding, then the notes.
    func helpLines(_ lang: Language) -> [String] {
        bindings.map { KeyLabel.line($0.label, lang.pick($0.en, $0.ko)) } + notes.map { lang.pick($0.en, $0.ko) }
    }

}

/// A footer: the screen's key hints, then the shared ones (`?`, `L`), then the way back.
struct Footer<Action: Sendable & Equatable>: Sendable {
    var hints: [Hint<Action>]
    var global: [Hint<GlobalAction>]
    var last: [Hint<Action>]
    var separator = "  "

    /// The footer's text (a hint without text in a language is left out).
    func text(_ lang: Language) -> String {
        (Self.words(hints, lang) + Self.words(global, lang) + Self.words(last, lang)).joined(separator: separator)
    }

    static func words<A>(_ hints: [Hint<A>], _ lang: Language) -> [String] {
        hints.compactMap { h in (lang == .en ? h.en : h.ko).map { h.label + " " + $0 } }
    }
}

/// One key hint of a footer: the keys as the footer writes them and a word or two. `action` is
/// the binding it stands for (tests check that its keys are bound on the screen).
struct Hint<Action: Sendable & Equatable>: Sendable {
    var label: String
    var action: Action
    var en: String?
    var ko: String?
    init(_ label: String, _ action: Action, _ en: String?, _ ko: String?) {
        self.label = label; self.action = action; self.en = en; self.ko = ko
    }
}

/// How the help and the footers write keys, and reading them back (for the tests).
enum KeyLabel {
    /// A help line: the keys in a column of 15, then what they do.
    static func line(_ label: String, _ text: String) -> String {
        label + String(repeating: " ", count: max(2, 15 - DisplayWidth.of(label))) + text
    }

    /// The keys a label names: `"↑ ↓ / j k"`, `"Tab / p"`, `"1 … 5"` (the digits), `"Ctrl-B"`, `"m n"`.
    /// A `/` between spaces separates keys, except first, where it is the `/` key.
    static func keys(_ label: String) -> Set<Key> {
        var keys: Set<Key> = []
        for (i, token) in label.split(separator: " ").enumerated() where !(token == "/" && i > 0) {
            let t = String(token)
            if let named = names[t] { keys.formUnion(named); continue }
            if t == "…" || t == "1-5" { keys.formUnion("0123456789".map(Key.char)); continue }
            if t.hasPrefix("Ctrl-"), let c = t.dropFirst(5).lowercased().first { keys.insert(.ctrl(c)); continue }
            if t.hasPrefix("F"), let n = Int(t.dropFirst()) { keys.insert(.function(n)); continue }
            if t.count == 1, let c = t.first { keys.insert(.char(c)); continue }
            if t.allSatisfy(\.isNumber) { keys.formUnion(t.map(Key.char)); continue }
        }
        return keys
    }

    static let names: [String: [Key]] = [
        "↑": [.up], "↓": [.down], "←": [.left], "→": [.right], "↑↓": [.up, .down], "←→": [.left, .right],
        "PgUp": [.pageUp], "PgDn": [.pageDown], "Home": [.home], "End": [.end],
        "Enter": [.enter], "Esc": [.escape], "Tab": [.tab], "Shift-Tab": [.backTab], "Space": [.char(" ")],
        "Del": [.delete], "Backspace": [.backspace],
    ]
}
