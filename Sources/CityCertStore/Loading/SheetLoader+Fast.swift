import CityCertCore
import Foundation

/// The fast path of ``SheetLoader/decode(_:)``: a score sheet read in one pass over its bytes.
///
/// Sheets are most of a store's bytes (nine members × every application), and `JSONDecoder` through
/// `Codable` was the largest cost of reading one. This path walks the bytes once, driven by the
/// sheet's schema (spec §2, the keys of `ScoreSheet`'s `Codable` form, and citycert's `audit_seq`),
/// and builds the same ``ScoreSheet`` that `ScoreSheet(from:)` builds. It is strict: on anything it
/// does not expect — a syntax error, a missing or duplicated key, a value of the wrong kind, an
/// exponent, invalid UTF-8, deep nesting — it gives up (nil), and the fallback
/// (``SheetLoader/generalPath(_:)``, `JSONDecoder`) decides, so a broken file gets exactly the error
/// it always got.
extension SheetLoader {
    /// The sheet and its `audit_seq`, or nil when the fast path is not sure (then `JSONDecoder` decides).
    /// With `text: .checked`, notes and questions are checked exactly as when they are kept (a sheet
    /// with a bad one gives nil all the same) but not built, and the entries come without them.
    static func fastPath(_ data: Data, text: EntryText = .kept) -> StoredRead? {
        data.withUnsafeBytes { raw -> StoredRead? in
            var p = JSONBytes(raw.bindMemory(to: UInt8.self), keepText: text == .kept)
            guard let read = p.sheet() else { return nil }
            p.skipSpace()
            return p.atEnd ? read : nil
        }
    }
}

/// A cursor over JSON bytes with the sheet's schema. Every method returns nil when unsure.
private struct JSONBytes {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    /// Whether entries keep their notes and questions (false: checked only, see ``checkString()``).
    let keepText: Bool

    init(_ b: UnsafeBufferPointer<UInt8>, keepText: Bool = true) { self.b = b; self.keepText = keepText }

    var atEnd: Bool { i >= b.count }

    mutating func skipSpace() {
        while i < b.count {
            let c = b[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    mutating func consume(_ c: UInt8) -> Bool {
        skipSpace()
        guard i < b.count, b[i] == c else { return false }
        i += 1
        return true
    }

    mutating func peek() -> UInt8? {
        skipSpace()
        return i < b.count ? b[i] : nil
    }

    /// `null`, consumed.
    mutating func null() -> Bool {
        guard peek() == UInt8(ascii: "n"), i + 4 <= b.count,
              b[i + 1] == UInt8(ascii: "u"), b[i + 2] == UInt8(ascii: "l"), b[i + 3] == UInt8(ascii: "l") else { return false }
        i += 4
        return true
    }

    /// The members of an object: calls `member` with each key, which must consume the value.
    /// Nil when the object is malformed or `member` fails.
    mutating func object(_ member: (inout JSONBytes, String) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "{")) else { return false }
        if consume(UInt8(ascii: "}")) { return true }
        while true {
            guard let key = string(), consume(UInt8(ascii: ":")), member(&self, key) else { return false }
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "}"))
        }
    }

    /// A string, unescaped; nil for anything invalid (raw control characters, bad escapes, bad UTF-8).
    mutating func string() -> String? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = i
        var plain = true
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") { break }
            if c < 0x20 { return nil }
            if c == UInt8(ascii: "\\") { plain = false; i += 2; continue }
            i += 1
        }
        guard i < b.count else { return nil }
        let end = i
        i += 1
        let slice = UnsafeBufferPointer(rebasing: b[start..<end])
        if plain { return Self.text(slice) }
        return unescape(slice)
    }

    /// UTF-8 bytes as a String; nil when invalid (ASCII, the usual case, needs no validation).
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var ascii = true
        for c in bytes where c >= 0x80 { ascii = false; break }
        return ascii ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
    }

    /// Whether the next value is a string ``string()`` would accept — no raw control character, only
    /// JSON's escapes (a `\\u` surrogate only in a pair), valid UTF-8 — checked in one pass without
    /// building it (a long note costs no allocation and no second pass). The bytes between escapes
    /// are checked as UTF-8 where they stand: an escape is ASCII and decodes to whole characters, so
    /// they are valid exactly when the unescaped text is.
    mutating func checkString() -> Bool {
        guard consume(UInt8(ascii: "\"")), let base = b.baseAddress else { return false }
        let n = b.count
        while i < n {
            let c = base[i]
            if c >= 0x80 {
                // Hangul (U+AC00–U+D7A3 begin with EA–ED) and most other three-byte characters
                // (E1–ED; after ED the second byte stays below A0, short of the surrogates) are
                // checked inline; the rest by Unicode's table.
                if c >= 0xE1, c <= 0xED, i + 2 < n {
                    let second = base[i + 1]
                    if second & 0xC0 == 0x80, c != 0xED || second < 0xA0, base[i + 2] & 0xC0 == 0x80 {
                        i += 3
                        continue
                    }
                }
                guard let length = Self.utf8Sequence(at: i, in: b) else { return false }
                i += length
                continue
            }
            if c == UInt8(ascii: "\"") { i += 1; return true }
            if c < 0x20 { return false }
            if c == UInt8(ascii: "\\") {
                guard checkEscape() else { return false }
                continue
            }
            i += 1
            // Then, in a run of ASCII, eight plain bytes at a time: no high bit, no control, no
            // quote, no backslash.
            guard i < n, base[i] < 0x80 else { continue }
            while i + 8 <= n {
                let v = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                let quote = v ^ (ones &* 0x22), slash = v ^ (ones &* 0x5C)
                let special = (v & highs) | ((v &- ones &* 0x20) & ~v & highs)
                    | ((quote &- ones) & ~quote & highs) | ((slash &- ones) & ~slash & highs)
                guard special == 0 else { break }
                i += 8
            }
        }
        return false
    }

    /// Checks the escape at `i` (a backslash) and moves past it.
    private mutating func checkEscape() -> Bool {
        guard i + 1 < b.count else { return false }
        switch b[i + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            i += 2
            return true
        case UInt8(ascii: "u"):
            guard let v = Self.hex4(b, at: i + 2) else { return false }
            i += 6
            if (0xDC00...0xDFFF).contains(v) { return false }
            if (0xD800...0xDBFF).contains(v) {
                guard i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u"),
                      let low = Self.hex4(b, at: i + 2), (0xDC00...0xDFFF).contains(low) else { return false }
                i += 6
            }
            return true
        default:
            return false
        }
    }

    /// The length of the well-formed UTF-8 sequence that starts with the non-ASCII byte at `at`
    /// (Unicode's table 3-7: no overlong form, no surrogate, nothing past U+10FFFF); nil when ill-formed.
    @inline(__always)
    static func utf8Sequence(at: Int, in b: UnsafeBufferPointer<UInt8>) -> Int? {
        let c = b[at]
        func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            at + k < b.count && (low...high).contains(b[at + k])
        }
        switch c {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : nil
        case 0xE0...0xEF:
            let second = c == 0xE0 ? continuation(1, 0xA0) : c == 0xED ? continuation(1, 0x80, 0x9F) : continuation(1)
            return second && continuation(2) ? 3 : nil
        case 0xF0...0xF4:
            let second = c == 0xF0 ? continuation(1, 0x90) : c == 0xF4 ? continuation(1, 0x80, 0x8F) : continuation(1)
            return second && continuation(2) && continuation(3) ? 4 : nil
        default:
            return nil
        }
    }

    /// Four hexadecimal digits at `at` as a number; nil when they are not.
    static func hex4(_ s: UnsafeBufferPointer<UInt8>, at: Int) -> UInt32? {
        guard at + 4 <= s.count else { return nil }
        var v: UInt32 = 0
        for k in at..<(at + 4) {
            let c = s[k]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    private func unescape(_ s: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var j = 0
        func hex4(_ at: Int) -> UInt32? { Self.hex4(s, at: at) }
        while j < s.count {
            // The run up to the next backslash is copied at once (a long note has few escapes).
            var k = j
            while k < s.count, s[k] != UInt8(ascii: "\\") { k += 1 }
            if k > j { out.append(contentsOf: UnsafeBufferPointer(rebasing: s[j..<k])); j = k; continue }
            guard j + 1 < s.count else { return nil }
            let e = s[j + 1]
            j += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var v = hex4(j) else { return nil }
                j += 4
                if (0xD800...0xDBFF).contains(v) {
                    // A surrogate pair: the low half must follow.
                    guard j + 1 < s.count, s[j] == UInt8(ascii: "\\"), s[j + 1] == UInt8(ascii: "u"),
                          let low = hex4(j + 2), (0xDC00...0xDFFF).contains(low) else { return nil }
                    j += 6
                    v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(v) {
                    return nil
                }
                guard let scalar = Unicode.Scalar(v) else { return nil }
                out.append(contentsOf: String(Character(scalar)).utf8)
            default:
                return nil
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    /// The text of a JSON number with no exponent (nil for one with an exponent or malformed).
    mutating func numberText() -> (isInteger: Bool, start: Int, end: Int)? {
        skipSpace()
        let start = i
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count, (0x30...0x39).contains(b[i]) else { return nil }
        if b[i] == 0x30 {
            i += 1
            if i < b.count, (0x30...0x39).contains(b[i]) { return nil }   // leading zero
        } else {
            while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
        }
        var isInteger = true
        if i < b.count, b[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            guard i < b.count, (0x30...0x39).contains(b[i]) else { return nil }
            while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") { return nil }
        return (isInteger, start, i)
    }

    /// A whole number that fits easily in an Int.
    mutating func int() -> Int? {
        guard let n = numberText(), n.isInteger, n.end - n.start <= 15 else { return nil }
        var v = 0
        var k = n.start
        let negative = b[k] == UInt8(ascii: "-")
        if negative { k += 1 }
        while k < n.end { v = v * 10 + Int(b[k] - 0x30); k += 1 }
        return negative ? -v : v
    }

    /// A decimal number of at most 18 significant digits, exactly as written (the value Foundation
    /// reads from the text).
    mutating func decimal() -> ExactDecimal? {
        guard let n = numberText() else { return nil }
        return ExactDecimal(utf8: UnsafeBufferPointer(rebasing: b[n.start..<n.end]))
    }

    /// Skips any value (for keys the sheet does not use), checking its syntax; nil past 32 levels.
    mutating func skipValue(depth: Int = 0) -> Bool {
        guard depth < 32, let c = peek() else { return false }
        switch c {
        case UInt8(ascii: "{"):
            return object { p, _ in p.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            i += 1
            if consume(UInt8(ascii: "]")) { return true }
            while true {
                guard skipValue(depth: depth + 1) else { return false }
                if consume(UInt8(ascii: ",")) { continue }
                return consume(UInt8(ascii: "]"))
            }
        case UInt8(ascii: "\""):
            return checkString()
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            for word in ["true", "false", "null"] {
                let w = Array(word.utf8)
                if i + w.count <= b.count, Array(b[i..<(i + w.count)]) == w { i += w.count; return true }
            }
            return false
        default:
            return numberText() != nil
        }
    }

    // MARK: - The sheet's schema

    /// The raw bytes of the next key (no escapes: a key with one makes the fast reader give up).
    mutating func key() -> UnsafeBufferPointer<UInt8>? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = i
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") { break }
            if c < 0x20 || c == UInt8(ascii: "\\") { return nil }
            i += 1
        }
        guard i < b.count else { return nil }
        let k = UnsafeBufferPointer(rebasing: b[start..<i])
        i += 1
        guard consume(UInt8(ascii: ":")) else { return nil }
        return k
    }

    /// After a member: true when another follows, false at the end of the object, nil on a syntax error.
    mutating func more() -> Bool? {
        if consume(UInt8(ascii: ",")) { return true }
        if consume(UInt8(ascii: "}")) { return false }
        return nil
    }

    /// Opens an object: true when it has members, false when empty, nil when it is not an object.
    mutating func open() -> Bool? {
        guard consume(UInt8(ascii: "{")) else { return nil }
        return consume(UInt8(ascii: "}")) ? false : true
    }

    static func equals(_ k: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
        guard k.count == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        for j in 0..<k.count where k[j] != p[j] { return false }
        return true
    }

    /// Marks a known key as seen; false when it was seen before (a duplicate).
    static func first(_ bit: Int, _ seen: inout Int) -> Bool {
        guard seen & (1 << bit) == 0 else { return false }
        seen |= 1 << bit
        return true
    }

    mutating func sheet() -> SheetLoader.StoredRead? {
        var format: Int?, application: String?, member: String?, auditSeq: Int?
        var phases: [Phase: PhaseSheet] = [:]
        var seen = 0
        guard var more = open() else { return nil }
        while more {
            guard let k = key() else { return nil }
            if Self.equals(k, "format") {
                guard Self.first(0, &seen), let v = int() else { return nil }
                format = v
            } else if Self.equals(k, "application") {
                guard Self.first(1, &seen), let v = string() else { return nil }
                application = v
            } else if Self.equals(k, "member") {
                guard Self.first(2, &seen), let v = string() else { return nil }
                member = v
            } else if Self.equals(k, "phases") {
                guard Self.first(3, &seen), let p = phaseSheets() else { return nil }
                phases = p
            } else if Self.equals(k, "audit_seq") {
                guard Self.first(4, &seen) else { return nil }
                if !null() {
                    guard let v = int() else { return nil }
                    auditSeq = v
                }
            } else {
                guard skipValue() else { return nil }
            }
            guard let m = self.more() else { return nil }
            more = m
        }
        guard let format, let application, let member else { return nil }
        var sheet = ScoreSheet(application: application, member: member, phases: phases)
        sheet.format = format
        return (sheet, auditSeq)
    }

    /// `phases`: null, or an object of `written` and `site`.
    mutating func phaseSheets() -> [Phase: PhaseSheet]? {
        var phases: [Phase: PhaseSheet] = [:]
        if null() { return phases }
        guard var more = open() else { return nil }
        while more {
            guard let name = key() else { return nil }
            let phase: Phase
            if Self.equals(name, "written") { phase = .written } else if Self.equals(name, "site") { phase = .site } else { return nil }
            guard phases[phase] == nil, let sheet = phaseSheet() else { return nil }
            phases[phase] = sheet
            guard let m = self.more() else { return nil }
            more = m
        }
        return phases
    }

    mutating func optionalString() -> String?? {
        if null() { return .some(nil) }
        guard let s = string() else { return nil }
        return .some(s)
    }

    /// A note or question: null or a string, kept (empty counts as none) or only checked (``keepText``).
    /// Nil when it is neither.
    mutating func entryText() -> String?? {
        if keepText { return optionalString().map { $0.flatMap { $0.isEmpty ? nil : $0 } } }
        return null() || checkString() ? .some(nil) : nil
    }

    mutating func phaseSheet() -> PhaseSheet? {
        var status: SheetStatus?
        var updatedAt: String?, submittedAt: String?
        var entries: [String: Entry] = [:]
        var seen = 0
        guard var more = open() else { return nil }
        while more {
            guard let k = key() else { return nil }
            if Self.equals(k, "status") {
                guard Self.first(0, &seen), let v = string().flatMap(SheetStatus.init(rawValue:)) else { return nil }
                status = v
            } else if Self.equals(k, "updated_at") {
                guard Self.first(1, &seen), let v = optionalString() else { return nil }
                updatedAt = v
            } else if Self.equals(k, "submitted_at") {
                guard Self.first(2, &seen), let v = optionalString() else { return nil }
                submittedAt = v
            } else if Self.equals(k, "entries") {
                guard Self.first(3, &seen) else { return nil }
                if !null() {
                    guard var more = open() else { return nil }
                    entries.reserveCapacity(64)
                    while more {
                        guard let idBytes = key(), let id = Self.text(idBytes), let e = entry(),
                              entries.updateValue(e, forKey: id) == nil else { return nil }   // a duplicate id: Foundation's turn
                        guard let m = self.more() else { return nil }
                        more = m
                    }
                }
            } else {
                guard skipValue() else { return nil }
            }
            guard let m = self.more() else { return nil }
            more = m
        }
        guard let status else { return nil }
        return PhaseSheet(status: status, updatedAt: updatedAt, submittedAt: submittedAt, entries: entries)
    }

    mutating func entry() -> Entry? {
        var e = Entry()
        var seen = 0
        guard var more = open() else { return nil }
        while more {
            guard let k = key() else { return nil }
            if Self.equals(k, "value") {
                guard Self.first(0, &seen) else { return nil }
                if !null() {
                    guard let v = decimal() else { return nil }
                    e.setValue(v)
                }
            } else if Self.equals(k, "level") {
                guard Self.first(1, &seen) else { return nil }
                if !null() {
                    guard let v = int() else { return nil }
                    e.level = v
                }
            } else if Self.equals(k, "note") {
                guard Self.first(2, &seen), let v = entryText() else { return nil }
                e.note = v
            } else if Self.equals(k, "clarification") {
                guard Self.first(3, &seen), let v = entryText() else { return nil }
                e.clarification = v
            } else {
                guard skipValue() else { return nil }
            }
            guard let m = self.more() else { return nil }
            more = m
        }
        return e
    }
}
