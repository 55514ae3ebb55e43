import Foundation

/// The one reading of a number a member types or writes for a quantitative indicator — in the
/// workstation's value prompt, `citycert score --set` and the offline form (`sheet import`).
///
/// Lenient where it is safe: surrounding spaces, full-width digits, signs, point and comma (an input
/// method may type them), and a comma as a *correct* thousands separator (`1,234`, `12,345,678.5`).
/// Strict where leniency would change a score: a comma anywhere else (`0,5`, `18,5`, `12,34`) is
/// refused, never read as 5 or 185; so are exponents (`1e3`), several points, words, and magnitudes
/// of 10^15 or more.
public enum EnteredNumber {
    /// Why a text is not a number.
    public enum Failure: Error, Equatable, Sendable {
        case empty
        /// A comma that is not a thousands separator (a decimal comma, or a wrong grouping).
        case ambiguousComma
        case notANumber
        /// |value| ≥ 10^15.
        case tooLarge
    }

    /// The number, or why the text is not one.
    public static func parse(_ text: String) -> Result<Decimal, Failure> {
        let t = String(String.UnicodeScalarView(text.unicodeScalars.map(ascii))).trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return .failure(.empty) }
        guard t.utf8.count <= 60 else { return .failure(.notANumber) }
        var body = Substring(t)
        var negative = false
        if let first = body.first, first == "-" || first == "+" {
            negative = first == "-"
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return .failure(.notANumber) }
        var integer = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !(integer.isEmpty && fraction.isEmpty) else { return .failure(.notANumber) }
        guard fraction.allSatisfy(\.isPlainDigit) else {
            return .failure(fraction.contains(",") ? .ambiguousComma : .notANumber)
        }
        if integer.contains(",") {
            let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
            guard groups.allSatisfy({ $0.allSatisfy(\.isPlainDigit) }) else { return .failure(.notANumber) }
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return .failure(.ambiguousComma)
            }
            integer = Substring(groups.joined())
        }
        guard integer.allSatisfy(\.isPlainDigit) else { return .failure(.notANumber) }
        let significant = integer.drop { $0 == "0" }
        guard significant.count <= 15 else { return .failure(.tooLarge) }
        let plain = (negative ? "-" : "") + (integer.isEmpty ? "0" : String(integer)) + (fraction.isEmpty ? "" : "." + fraction)
        guard let d = Decimal(string: plain, locale: Locale(identifier: "en_US_POSIX")) else { return .failure(.notANumber) }
        return .success(d)
    }

    /// The number, or nil.
    public static func value(_ text: String) -> Decimal? { try? parse(text).get() }

    /// A level as typed (`4`, full-width `４`, spaces around it): a whole number, or nil.
    public static func level(_ text: String) -> Int? {
        guard let v = value(text), v.magnitude <= 99 else { return nil }
        let level = NSDecimalNumber(decimal: v).intValue
        return Decimal(level) == v ? level : nil
    }

    /// Full-width forms (U+FF01–FF5E) and the minus sign (U+2212) as ASCII.
    private static func ascii(_ u: Unicode.Scalar) -> Unicode.Scalar {
        if (0xFF01...0xFF5E).contains(u.value) { return Unicode.Scalar(u.value - 0xFEE0)! }
        if u.value == 0x2212 { return "-" }
        return u
    }
}

extension Character {
    fileprivate var isPlainDigit: Bool { isASCII && isNumber }
}

extension EnteredNumber.Failure {
    /// What to tell the member, in Korean or English.
    public func message(_ text: String, korean: Bool) -> String {
        switch self {
        case .empty:
            return korean ? "값이 비어 있습니다" : "the value is empty"
        case .ambiguousComma:
            return korean ? "‘\(text)’: 쉼표는 천 단위 구분(1,234)으로만 읽습니다. 소수점은 점으로 쓰세요 (예: 0.5)"
                : "'\(text)': a comma is read only as a thousands separator (1,234); write a decimal point (0.5)"
        case .notANumber:
            return korean ? "‘\(text)’은(는) 숫자가 아닙니다" : "'\(text)' is not a number"
        case .tooLarge:
            return korean ? "‘\(text)’은(는) 너무 큽니다 (10^15 미만)" : "'\(text)' is too large (below 10^15)"
        }
    }
}
