import CityCertCore
import Foundation

/// What a printed report adds to the figures: its issue date, its number, and the annexes asked for.
///
/// The renderers stay pure: the issue date is given (the command passes the moment it runs, or
/// `--issued`), never read from the clock here.
public struct ReportOptions: Sendable, Hashable {
    /// An optional annex of the printed report and the workbook.
    public enum Annex: String, Sendable, Hashable, CaseIterable {
        /// Each member's points per indicator and phase (위원별 평가표).
        case members
        /// Members' notes and the clarification questions (위원 의견·질의).
        case notes
    }

    /// The moment the report is issued; printed as a date in Korea's time zone (`2025. 11. 30.`).
    public var issuedAt: Date
    public var annexes: Set<Annex>
    /// Members named in the annexes as 위원 A, B, … (Member A, B, …) instead of by name.
    public var anonymous: Bool
    /// The document number printed on every page; nil: worked out from the round and the issue date.
    public var documentNumber: String?

    public init(issuedAt: Date = Date(timeIntervalSince1970: 0), annexes: Set<Annex> = [], anonymous: Bool = false,
                documentNumber: String? = nil) {
        self.issuedAt = issuedAt; self.annexes = annexes; self.anonymous = anonymous; self.documentNumber = documentNumber
    }
}

/// Dates and times as a Korean office writes them on paper, in Korea's time zone (UTC+9, no
/// daylight saving since 1988): `2025. 11. 30.` and `2025. 11. 30. 15:04`.
extension KoreanTime {
    /// Korea Standard Time as a fixed offset (no dependency on the machine's time zone database).
    public static let koreaZone = TimeZone(secondsFromGMT: 9 * 3600)!

    static func components(_ date: Date) -> DateComponents {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = koreaZone
        return cal.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    }
    /// `2025. 11. 30.`
    public static func date(_ date: Date) -> String {
        let c = components(date)
        return "\(c.year!). \(c.month!). \(c.day!)."
    }

    /// `2025. 11. 30. 15:04`
    public static func dateTime(_ date: Date) -> String {
        let c = components(date)
        return "\(c.year!). \(c.month!). \(c.day!). " + String(format: "%02d:%02d", c.hour!, c.minute!)
    }

    /// `20251130`, for document numbers.
    public static func compactDate(_ date: Date) -> String {
        let c = components(date)
        return String(format: "%04d%02d%02d", c.year!, c.month!, c.day!)
    }

    /// A timestamp of the store (`2026-11-30T15:11:25Z`, with or without fractions or an offset) in
    /// Korea's time: `2026. 12. 1. 00:11`; the text as it is when it is not a timestamp.
    public static func dateTime(iso text: String) -> String {
        parse(text).map(dateTime) ?? text
    }

    /// A store timestamp as a moment, or nil.
    public static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let d = plain.date(from: text) { return d }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
