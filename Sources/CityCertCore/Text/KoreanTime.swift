import Foundation

/// Timestamps of the store (UTC, ISO 8601) as a Korean committee reads them: in Korea's time zone
/// (UTC+9, no daylight saving), `2026-11-25 07:57 KST`.
public enum KoreanTime {
    private static let zone = TimeZone(secondsFromGMT: 9 * 3600)!

    /// The time in KST, or the text as it is when it is not an ISO 8601 timestamp.
    public static func format(_ iso8601: String) -> String {
        guard let date = ISO8601DateFormatter().date(from: iso8601) else { return iso8601 }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)) KST"
    }
}
