/// A problem found in a store file: `path:line: message`.
public struct Problem: Sendable, Hashable, CustomStringConvertible, Comparable {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    /// Path relative to the store root.
    public var path: String
    /// 1-based line, where the parser gives one.
    public var line: Int?
    public var message: String
    public var severity: Severity

    public init(path: String, line: Int? = nil, _ message: String, severity: Severity = .error) {
        self.path = path; self.line = line; self.message = message; self.severity = severity
    }

    /// `path:line: message` (`path: message` without a line; warnings say so).
    public var description: String {
        let loc = line.map { "\(path):\($0)" } ?? path
        return severity == .warning ? "\(loc): warning: \(message)" : "\(loc): \(message)"
    }

    public static func < (a: Problem, b: Problem) -> Bool {
        (a.path, a.line ?? 0, a.message) < (b.path, b.line ?? 0, b.message)
    }
}
