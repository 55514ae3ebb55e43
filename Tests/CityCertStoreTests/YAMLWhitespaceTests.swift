@testable import CityCertStore
import Foundation
import Testing

/// The readers' test for a blank text is `CharacterSet.whitespaces`, answered without building the set.
@Suite struct YAMLWhitespaceTests {
    @Test func whitespaceIsWhatFoundationCallsWhitespace() {
        for value in Array(0...0x3100) + Array(0xFE00...0xFFFF) + [0xFEFF, 0xFFFF, 0x1F600, 0xE0020, 0x10FFFF] {
            guard let c = Unicode.Scalar(value) else { continue }
            #expect(YAMLReader.isWhitespace(c) == CharacterSet.whitespaces.contains(c), "U+\(String(value, radix: 16))")
        }
        #expect(YAMLReader.isBlank(" \t\u{3000}\u{A0}") && YAMLReader.isBlank(""))
        #expect(!YAMLReader.isBlank("  확인") && !YAMLReader.isBlank("\n"))
        #expect(YAMLReader.trimmed("\u{3000}값 ") == "값" && YAMLReader.trimmed("값") == "값")
    }
}
