import Foundation
import Testing

/// Compares two texts line by line and describes the first lines that differ, for readable failures.
public func lineDiff(_ actual: [String], _ expected: [String]) -> String? {
    guard actual != expected else { return nil }
    var out: [String] = []
    for i in 0..<max(actual.count, expected.count) {
        let a = i < actual.count ? actual[i] : "<missing>"
        let e = i < expected.count ? expected[i] : "<missing>"
        if a != e {
            out.append("line \(i + 1):\n  expected: |\(e)|\n  actual:   |\(a)|")
        }
        if out.count >= 8 { out.append("…"); break }
    }
    return out.joined(separator: "\n")
}

/// Expects two texts to be equal line by line; a failure names the lines that differ, at the
/// caller's source location.
public func expectLines(_ actual: [String], _ expected: [String], _ comment: String = "",
                        sourceLocation: SourceLocation = #_sourceLocation) {
    if let diff = lineDiff(actual, expected) {
        Issue.record(Comment(rawValue: (comment.isEmpty ? "" : comment + "\n") + diff), sourceLocation: sourceLocation)
    }
}

/// A recorded text snapshot: `lines` (trailing spaces dropped) compared with
/// `__Snapshots__/<name>.txt` beside the test file. Recorded when the file is missing (the test then
/// fails once, to be reviewed in the diff) or when `CITYCERT_RECORD=1` is set.
public func expectSnapshot(_ lines: [String], named name: String, filePath: String = #filePath,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    let text = lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") + "\n"
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = folder.appendingPathComponent(name + ".txt")
    let record = ProcessInfo.processInfo.environment["CITYCERT_RECORD"] == "1"
    guard !record, let recorded = try? String(contentsOf: file, encoding: .utf8) else {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        } catch {
            Issue.record("cannot record \(file.path): \(error)", sourceLocation: sourceLocation)
            return
        }
        if !record { Issue.record("recorded a new snapshot \(name); review it and run again", sourceLocation: sourceLocation) }
        return
    }
    let expected = recorded.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let actual = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if let diff = lineDiff(actual, expected) {
        Issue.record(Comment(rawValue: "snapshot \(name) differs (CITYCERT_RECORD=1 records it again):\n" + diff), sourceLocation: sourceLocation)
    }
}
