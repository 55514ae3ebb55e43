import CityCertTUI
internal import CNcursesShim

/// Maps what ncurses `get_wch` returns to a `Key`: pure, so it is testable without a terminal.
enum KeyDecoder {
    static let codeOK = cc_ok()
    static let codeKeyCodeYes = cc_key_code_yes()

    /// ncurses key codes (KEY_*) that have a `Key` of their own.
    static let keyCodes: [Int32: Key] = {
        var table: [Int32: Key] = [
            cc_key_up(): .up, cc_key_down(): .down, cc_key_left(): .left, cc_key_right(): .right,
            cc_key_ppage(): .pageUp, cc_key_npage(): .pageDown,
            cc_key_home(): .home, cc_key_end(): .end,
            cc_key_enter(): .enter, cc_key_backspace(): .backspace, cc_key_dc(): .delete,
            cc_key_btab(): .backTab, cc_key_resize(): .resize,
        ]
        for n in 1...24 { table[cc_key_f(Int32(n))] = .function(n) }
        return table
    }()

    /// The key for one `get_wch` result (`kind` is OK or KEY_CODE_YES), or nil when it has none.
    static func decode(kind: Int32, value: Int32) -> Key? {
        if kind == codeKeyCodeYes { return keyCodes[value] }
        guard kind == codeOK else { return nil }
        return character(value)
    }

    /// The key for a character code read in OK mode.
    static func character(_ value: Int32) -> Key? {
        switch value {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .ctrl("@")
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(value) + 96)))
        case 28...31: return .ctrl(Character(Unicode.Scalar(UInt8(value) + 64)))
        default:
            guard value > 31, let scalar = Unicode.Scalar(UInt32(bitPattern: value)),
                  !(0x80..<0xA0).contains(value) else { return nil }
            return .char(Character(scalar))
        }
    }
}
