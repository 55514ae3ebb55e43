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
