import CityCertCore
import Foundation
import Testing

/// `ExactDecimal` reads, orders and converts numbers exactly as Foundation's `Decimal` does.
@Suite struct ExactDecimalTests {
    @Test func readsPlainDecimalText() {
        #expect(ExactDecimal(plain: "12.5") == ExactDecimal(significand: 125, exponent: -1))
        #expect(ExactDecimal(plain: "-0.001") == ExactDecimal(significand: -1, exponent: -3))
        #expect(ExactDecimal(plain: "100") == ExactDecimal(significand: 1, exponent: 2))
        #expect(ExactDecimal(plain: "1.50") == ExactDecimal(plain: "1.5"), "trailing zeros do not make another number")
        #expect(ExactDecimal(plain: "-0") == ExactDecimal(plain: "0.000"))
        #expect(ExactDecimal(plain: "+7.") == ExactDecimal(plain: "7"))
        #expect(ExactDecimal(plain: ".5") == ExactDecimal(plain: "0.5"))
        #expect(ExactDecimal(plain: "105")?.significand == 105)
        #expect(ExactDecimal(plain: "123456789012345678")?.significand == 123_456_789_012_345_678, "18 digits are held")
        #expect(ExactDecimal(plain: "1000000000000000000000000") == ExactDecimal(significand: 1, exponent: 24))
        #expect(ExactDecimal(plain: "0.000000000000000000000000000005") == ExactDecimal(significand: 5, exponent: -30))
        for bad in ["", "-", ".", "+-1", "1.2.3", "1e3", " 1", "1 ", "--1", "1-", "abc", "1,5", "１", "1234567890123456789", "99999999999999999.99"] {
            #expect(ExactDecimal(plain: bad) == nil, "'\(bad)' is not plain text of at most 18 digits")
        }
    }

    @Test func writesItsText() {
        for text in ["12.5", "-0.001", "100", "0", "7", "-3", "0.5", "123456789012345678", "1000000000000000000000000"] {
            #expect(ExactDecimal(plain: text)?.description == text)
        }
    }

    /// Random numbers of many shapes, written as text.
    func randomText(_ rng: inout SplitMix64) -> String {
        let digits = Int(rng.next() % 18) + 1
        var s = rng.next() % 3 == 0 ? "-" : ""
        var body = (0..<digits).map { _ in String(rng.next() % 10) }.joined()
        if rng.next() % 4 == 0 { body = String(repeating: "0", count: Int(rng.next() % 4)) + body }
        if rng.next() % 4 == 0 { body += String(repeating: "0", count: Int(rng.next() % 8)) }
        let point = Int(rng.next() % UInt64(body.count + 1))
        if point < body.count, rng.next() % 3 != 0 {
            body.insert(".", at: body.index(body.startIndex, offsetBy: point))
            if body.hasPrefix(".") { body = "0" + body }
        }
        s += body
        return s
    }

    @Test func agreesWithFoundationOnValueOrderAndEquality() {
        var rng = SplitMix64(seed: 7)
        var texts = (0..<600).map { _ in randomText(&rng) }
        texts += ["0", "-0", "1", "-1", "10", "0.1", "1000000000000000000000000", "0.000000000000000000000000000005",
                  "999999999999999999", "-999999999999999999", "100000000000000000.0", "0.00000000000000001"]
        let exact = texts.map { ExactDecimal(plain: $0)! }
        let decimal = texts.map { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX"))! }
        for i in texts.indices {
            #expect(exact[i].decimal == decimal[i], "\(texts[i])")
            #expect(ExactDecimal(decimal[i]) == exact[i], "\(texts[i]) through Decimal")
        }
        var disagreements: [String] = []
        for i in texts.indices {
            for j in texts.indices where (exact[i] < exact[j]) != (decimal[i] < decimal[j]) || (exact[i] == exact[j]) != (decimal[i] == decimal[j]) {
                disagreements.append("\(texts[i]) vs \(texts[j])")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    @Test func ordersMagnitudesFarApart() {
        let big = ExactDecimal(significand: 1, exponent: 30), small = ExactDecimal(significand: 999_999_999_999_999_999, exponent: 0)
        #expect(small < big && !(big < small))
        let negBig = ExactDecimal(significand: -1, exponent: 30), negSmall = ExactDecimal(significand: -999_999_999_999_999_999, exponent: 0)
        #expect(negBig < negSmall && !(negSmall < negBig))
        #expect(ExactDecimal(significand: 5, exponent: -40) < ExactDecimal(significand: 1, exponent: -20))
        #expect(ExactDecimal(significand: -1, exponent: 0) < .init(significand: 0, exponent: 0))
    }

    @Test func magnitudeBelowAPowerOfTen() {
        #expect(ExactDecimal(plain: "999999999999999.99")!.magnitudeIsBelow(powerOfTen: 15))
        #expect(!ExactDecimal(plain: "1000000000000000")!.magnitudeIsBelow(powerOfTen: 15))
        #expect(!ExactDecimal(plain: "-1000000000000000.5")!.magnitudeIsBelow(powerOfTen: 15))
        #expect(ExactDecimal(plain: "0")!.magnitudeIsBelow(powerOfTen: 0))
        #expect(!ExactDecimal(plain: "1")!.magnitudeIsBelow(powerOfTen: 0))
        #expect(ExactDecimal(plain: "0.9")!.magnitudeIsBelow(powerOfTen: 0))
    }

    /// An entry keeps its exact value in step with its `Decimal` one, and bands read either the same.
    @Test func entriesAndBandsUseTheExactValue() {
        var e = Entry(value: Decimal(string: "8.01"))
        #expect(e.exactValue == ExactDecimal(plain: "8.01"))
        e.value = nil
        #expect(e.exactValue == nil)
        e.setValue(ExactDecimal(plain: "12"))
        #expect(e.value == 12 && e.exactValue == ExactDecimal(plain: "12"))
        #expect(e == Entry(value: 12), "an entry read from text equals one built from a Decimal")

        let bands = [Band(bound: .atMost(8), share: .one), Band(bound: .atMost(Decimal(string: "12.5")!), share: Share("0.5")!),
                     Band(bound: .atLeast(100), share: Share("0.1")!)]
        var rng = SplitMix64(seed: 3)
        for _ in 0..<500 {
            let text = randomText(&rng)
            let d = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
            #expect(Band.share(of: d, exact: ExactDecimal(plain: text), in: bands) == Band.share(of: d, in: bands), "\(text)")
        }
    }
}
