import CityCertCore
import Testing

@Suite struct IdentifierTests {
    @Test func applicationIDs() {
        #expect(Identifier.isValid("2025-suwon"))
        #expect(Identifier.isValid("a.b_c-d"))
        #expect(!Identifier.isValid("Suwon"))
        #expect(!Identifier.isValid("-suwon"))
        #expect(!Identifier.isValid("../etc"))
        #expect(!Identifier.isValid("a/b"))
        #expect(!Identifier.isValid(""))
        #expect(!Identifier.isValid(String(repeating: "a", count: 65)))
        #expect(Identifier.isValid(String(repeating: "a", count: 64)))
        #expect(!Identifier.isValid("수원"))
    }

    @Test func indicatorIDs() {
        #expect(Identifier.isValidIndicator("IN-01"))
        #expect(!Identifier.isValidIndicator("IN 01"))
        #expect(!Identifier.isValidIndicator(String(repeating: "A", count: 33)))
    }
}
