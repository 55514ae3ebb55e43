import CityCertCore
import Foundation
import Testing

/// The one reading of a typed value: lenient where it is safe, never a different number.
@Suite struct EnteredNumberTests {
    func v(_ s: String) -> Decimal? { EnteredNumber.value(s) }

    @Test func plainNumbers() {
        #expect(v("12.5") == Decimal(string: "12.5"))
        #expect(v("  -3 ") == -3)
        #expect(v("+7") == 7)
        #expect(v(".5") == Decimal(string: "0.5") && v("5.") == 5)
        #expect(v("0") == 0)
    }

    @Test func fullWidthFormsAndTheMinusSign() {
        #expect(v("１２.５") == Decimal(string: "12.5"))
        #expect(v("１，２３４") == 1234)
        #expect(v("−3") == -3, "U+2212 minus")
        #expect(v("－３") == -3, "full-width hyphen-minus")
    }

    @Test func aCommaOnlyAsACorrectThousandsSeparator() {
        #expect(v("1,234") == 1234)
        #expect(v("12,345,678.25") == Decimal(string: "12345678.25"))
        #expect(v("-1,000") == -1000)
        for bad in ["0,5", "18,5", "12,34", "1,2345", ",123", "1,,234", "1,234,5", "1.5,0"] {
            #expect(EnteredNumber.parse(bad) == .failure(.ambiguousComma), "\(bad)")
        }
    }

    @Test func everythingElseIsRefused() {
        #expect(EnteredNumber.parse("") == .failure(.empty))
        #expect(EnteredNumber.parse("   ") == .failure(.empty))
        for bad in ["1e3", "1.2.3", "3-", "--3", "abc", "12 5", "NaN", "inf", "0x10", ".", "-", "1_000"] {
            #expect(EnteredNumber.parse(bad) == .failure(.notANumber), "\(bad)")
        }
        #expect(EnteredNumber.parse("1000000000000000") == .failure(.tooLarge))
        #expect(v("999999999999999") == Decimal(string: "999999999999999"))
        #expect(v("000000000000000000001") == 1, "leading zeros are not magnitude")
    }

    @Test func messagesNameTheRule() {
        #expect(EnteredNumber.Failure.ambiguousComma.message("0,5", korean: false)
                == "'0,5': a comma is read only as a thousands separator (1,234); write a decimal point (0.5)")
        #expect(EnteredNumber.Failure.notANumber.message("abc", korean: true) == "‘abc’은(는) 숫자가 아닙니다")
    }
}
