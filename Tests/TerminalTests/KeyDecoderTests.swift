import Testing
import CityCertTUI
import CNcursesShim
@testable import Terminal

/// What `get_wch` returns maps to the right `Key`, without a terminal.
@Suite struct KeyDecoderTests {
    private func char(_ value: Int32) -> Key? { KeyDecoder.decode(kind: cc_ok(), value: value) }
    private func code(_ value: Int32) -> Key? { KeyDecoder.decode(kind: cc_key_code_yes(), value: value) }

    @Test func plainAndHangulCharacters() {
        #expect(char(0x61) == .char("a"))
        #expect(char(0xC218) == .char("수"))
        #expect(char(0x20) == .char(" "))
    }

    @Test func controlCharacters() {
        #expect(char(10) == .enter)
        #expect(char(13) == .enter)
        #expect(char(9) == .tab)
        #expect(char(27) == .escape)
        #expect(char(127) == .backspace)
        #expect(char(8) == .backspace)
        #expect(char(3) == .ctrl("c"))
        #expect(char(19) == .ctrl("s"))
        #expect(char(0x85) == nil)
    }

    @Test func keyCodes() {
        #expect(code(cc_key_up()) == .up)
        #expect(code(cc_key_npage()) == .pageDown)
        #expect(code(cc_key_enter()) == .enter)
        #expect(code(cc_key_backspace()) == .backspace)
        #expect(code(cc_key_dc()) == .delete)
        #expect(code(cc_key_btab()) == .backTab)
        #expect(code(cc_key_resize()) == .resize)
        #expect(code(cc_key_f(5)) == .function(5))
        #expect(KeyDecoder.decode(kind: cc_err(), value: 0) == nil)
    }
}
