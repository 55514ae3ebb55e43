import CityCertCore

/// The text of PDF pages laid out for a terminal, from the words and their positions that
/// `pdftotext -bbox` gives: each word at the column of its left edge, Hangul counted two columns
/// wide, so that the table columns of a page line up in the terminal as they do on paper
/// (`pdftotext -layout` counts a Hangul syllable as one column, and the columns drift).
public enum PDFTextLayout {
    /// A word and where it is on the page, in points.
    public struct Word: Sendable, Equatable {
        public var text: String
        public var xMin: Double, yMin: Double, xMax: Double, yMax: Double
        public init(_ text: String, xMin: Double, yMin: Double, xMax: Double, yMax: Double) {
            self.text = text; self.xMin = xMin; self.yMin = yMin; self.xMax = xMax; self.yMax = yMax
        }
    }

    /// Points of the page per terminal column (about the width of a Latin letter at 9 pt).
    public static let pointsPerColumn = 4.8

    /// The pages of a `pdftotext -bbox` document, each as lines.
    public static func pages(bboxXHTML text: String) -> [[String]] {
        parse(text).map(lines)
    }

    /// The words of each page of a `pdftotext -bbox` document.
    public static func parse(_ text: String) -> [[Word]] {
        var pages: [[Word]] = []
        for chunk in text.components(separatedBy: "<page ").dropFirst() {
            var words: [Word] = []
            for piece in chunk.components(separatedBy: "<word ").dropFirst() {
                guard let close = piece.range(of: ">"), let end = piece.range(of: "</word>") else { continue }
                let attributes = String(piece[..<close.lowerBound])
                func value(_ name: String) -> Double? {
                    guard let r = attributes.range(of: "\(name)=\"") else { return nil }
                    let rest = attributes[r.upperBound...]
                    return rest.firstIndex(of: "\"").flatMap { Double(rest[..<$0]) }
                }
                guard let x0 = value("xMin"), let y0 = value("yMin"), let x1 = value("xMax"), let y1 = value("yMax") else { continue }
                words.append(Word(unescape(String(piece[close.upperBound..<end.lowerBound])), xMin: x0, yMin: y0, xMax: x1, yMax: y1))
            }
            pages.append(words)
        }
        return pages
    }

    /// One page's words as lines: words whose vertical middles are within 4 points are one line;
    /// each word starts at its column, or one column after the previous word when that is further
    /// right; a gap of more than two lines' height becomes one empty line.
    public static func lines(_ words: [Word]) -> [String] {
        guard !words.isEmpty else { return [] }
        let left = words.map(\.xMin).min() ?? 0
        func middle(_ w: Word) -> Double { (w.yMin + w.yMax) / 2 }
        var rows: [[Word]] = []
        var rowMiddle = -1_000.0
        for w in words.sorted(by: { middle($0) < middle($1) }) {
            if middle(w) - rowMiddle > 4 || rows.isEmpty {
                rows.append([w]); rowMiddle = middle(w)
            } else {
                rows[rows.count - 1].append(w)
            }
        }
        var out: [String] = []
        var previousBottom: Double?
        for row in rows {
            let sorted = row.sorted { $0.xMin < $1.xMin }
            let top = sorted.map(\.yMin).min() ?? 0, bottom = sorted.map(\.yMax).max() ?? 0
            if let previousBottom, top - previousBottom > 2 * (bottom - top) { out.append("") }
            previousBottom = bottom
            var line = "", width = 0
            for w in sorted {
                let column = Int(((w.xMin - left) / pointsPerColumn).rounded())
                let start = width == 0 ? column : Swift.max(column, width + 1)
                line += String(repeating: " ", count: start - width) + w.text
                width = start + DisplayWidth.of(w.text)
            }
            out.append(line)
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
