import CityCertCore

/// One application on the chair's overview.
public struct OverviewRow: Sendable {
    public var id: String
    public var government: LocalizedText
    public var cityType: CityType
    public var status: ApplicationStatus
    public var total: Points
    public var max: Points
    public var percent: Points
    public var grade: Int
    public var certified: Bool
    /// Submitted sheets and how many are expected, per phase.
    public var written: (done: Int, of: Int)
    public var site: (done: Int, of: Int)
    /// Names of members still to submit the written phase, and the site phase.
    public var missing: [String]
    public var missingSite: [String]
    /// Distance to the nearest grade boundary, in points.
    public var nearestBoundary: Points
    public var flagged: Int
    /// Spec §3.9: where the grade can end while the committee settles its disagreements.
    public var range: GradeRange?
    /// The grades within the range, best first (one grade when the range holds one).
    public var gradesInRange: [Int]
    /// How far the range is from the certification line (zero: it crosses it): the overview's order.
    public var lineDistance: Points
    /// The total minus the certification line: positive above, negative below.
    public var aboveLine: Points?
    /// Members whose sheet cannot be read (named, with the file's problem), never "not submitted".
    public var damaged: [(name: String, reason: String)]
    /// The decision's total or grade disagrees with the sheets.
    public var decisionDisagrees: Bool

    public init(id: String, government: LocalizedText, cityType: CityType, status: ApplicationStatus, total: Points, max: Points,
                percent: Points, grade: Int, certified: Bool, written: (Int, Int), site: (Int, Int), missing: [String],
                missingSite: [String] = [], nearestBoundary: Points, flagged: Int, range: GradeRange? = nil,
                gradesInRange: [Int]? = nil, lineDistance: Points? = nil, aboveLine: Points? = nil,
                damaged: [(name: String, reason: String)] = [], decisionDisagrees: Bool = false) {
        self.id = id; self.government = government; self.cityType = cityType; self.status = status; self.total = total
        self.max = max; self.percent = percent; self.grade = grade; self.certified = certified; self.written = written
        self.site = site; self.missing = missing; self.missingSite = missingSite; self.nearestBoundary = nearestBoundary; self.flagged = flagged
        self.range = range; self.gradesInRange = gradesInRange ?? [grade]
        self.lineDistance = lineDistance ?? nearestBoundary; self.aboveLine = aboveLine
        self.damaged = damaged; self.decisionDisagrees = decisionDisagrees
    }

    /// The grade as the overview shows it: `3`, or `3 (5–3)` when the range holds other grades; a
    /// provisional grade carries `?` (sheets are missing: it is not settled, whatever its range).
    public var gradeText: String {
        let mark = status == .provisional ? "?" : ""
        guard status != .final, gradesInRange.count > 1, let best = gradesInRange.first, let worst = gradesInRange.last else { return "\(grade)\(mark)" }
        return "\(grade)\(mark) (\(worst)–\(best))"
    }

    /// Whether the certification shown is unsettled: sheets missing, or a range across the line
    /// (a final application is settled by its decision).
    public var certificationUnsettled: Bool {
        status == .provisional || (status != .final && (range?.crossesCertification ?? false))
    }
}

/// An application the overview cannot show figures for, with why.
public struct InvalidRow: Sendable, Equatable {
    public var id: String
    public var reasons: [String]
    public init(id: String, reasons: [String] = []) { self.id = id; self.reasons = reasons }
}

/// The chair's overview: every application, the ones to discuss first.
public struct OverviewState: Sendable {
    public var rows: [OverviewRow] { didSet { orders = Self.orders(rows) } }
    /// Invalid applications, listed below the rows (the cursor reaches them: Enter shows why).
    public var invalidRows: [InvalidRow]
    public var invalid: [String] { invalidRows.map(\.id) }
    public var cursor = 0
    /// Where the audit log ended when the rows were read: the applications it names after that are
    /// read again by a refresh (nil: read every row).
    public var auditCursor: Int64?
    /// Sort by how close the range comes to the certification line (true) or by type and id.
    public var byBoundary = true
    /// Positions in `rows` in both orders, computed when the rows change: each key press and each
    /// draw asks for the order, and sorting thousands of rows each time was too slow.
    private var orders: (byBoundary: [Int], byID: [Int])

    public init(rows: [OverviewRow], invalid: [String] = []) {
        self.init(rows: rows, invalidRows: invalid.map { InvalidRow(id: $0) })
    }

    public init(rows: [OverviewRow], invalidRows: [InvalidRow]) {
        self.rows = rows; self.invalidRows = invalidRows
        orders = Self.orders(rows)
    }

    /// Rows and invalid rows: what the cursor moves over.
    public var count: Int { rows.count + invalidRows.count }
    /// The invalid row under the cursor, when it is past the valid rows.
    public var selectedInvalid: InvalidRow? {
        let i = cursor - rows.count
        return invalidRows.indices.contains(i) ? invalidRows[i] : nil
    }

    /// Some rows read again: each replaced, or removed (and listed as invalid) when nil.
    public mutating func refresh(_ changed: [(id: String, row: OverviewRow?)]) {
        refresh(changed.map { (id: $0.id, row: $0.row, reasons: []) })
    }

    /// The same, with why each removed row is invalid.
    public mutating func refresh(_ changed: [(id: String, row: OverviewRow?, reasons: [String])]) {
        var all = rows
        for (id, row, reasons) in changed {
            if let i = all.firstIndex(where: { $0.id == id }) {
                if let row { all[i] = row } else { all.remove(at: i) }
            } else if let row {
                all.append(row)
            }
            invalidRows.removeAll { $0.id == id }
            if row == nil { invalidRows.append(InvalidRow(id: id, reasons: reasons)) }
        }
        rows = all
        cursor = min(cursor, max(0, count - 1))
    }

    /// Rows in display order: large cities first, then small; within a type by boundary closeness or id.
    public var ordered: Rows { Rows(all: rows, order: byBoundary ? orders.byBoundary : orders.byID) }

    /// The rows in an order (a view, no copy).
    public typealias Rows = OrderedRows<OverviewRow>

    private static func orders(_ rows: [OverviewRow]) -> (byBoundary: [Int], byID: [Int]) {
        func sorted(byBoundary: Bool) -> [Int] {
            rows.indices.sorted { i, j in
                let a = rows[i], b = rows[j]
                if a.cityType != b.cityType { return a.cityType == .large }
                if byBoundary, a.lineDistance != b.lineDistance { return a.lineDistance < b.lineDistance }
                return a.id < b.id
            }
        }
        return (sorted(byBoundary: true), sorted(byBoundary: false))
    }
}

/// Everything the consensus screen shows for one application (read by the runtime for the chair).
public struct ConsensusData: Sendable {
    public var application: Application
    public var evaluation: ApplicationEvaluation
    public var robustness: Robustness
    public var decision: Decision?
    /// Why finalize is refused now; nil when the chair may finalize.
    /// Why `F` cannot finalize now (put into words when shown, in the language of that moment).
    public var finalizeRefusal: FinalizeRule.Reason?
    /// The eligible members, in committee order: the matrix's columns.
    public var members: [Member]
    public var siteTeam: Set<String>
    /// Each member's progress per phase (drafts included), to say who is missing.
    public var progress: [String: [Phase: SheetProgress]]
    /// Members whose sheet file cannot be read, with the file's problem.
    public var damaged: [(member: String, reason: String)] = []
    /// The last reopening of this application (who, when, why), from the audit log.
    public var lastReopen: (by: String, at: String, reason: String?)?

    public init(application: Application, evaluation: ApplicationEvaluation, robustness: Robustness, decision: Decision?,
                finalizeRefusal: FinalizeRule.Reason?, members: [Member], siteTeam: Set<String>, progress: [String: [Phase: SheetProgress]]) {
        self.application = application; self.evaluation = evaluation; self.robustness = robustness; self.decision = decision
        self.finalizeRefusal = finalizeRefusal; self.members = members; self.siteTeam = siteTeam; self.progress = progress
    }
}

/// The consensus screen of one application.
public struct ConsensusState: Sendable {
    public enum Panel: Sendable { case indicator, robustness }
    public var data: ConsensusData
    public var cursor = 0
    public var phase: Phase = .written
    public var panel: Panel = .indicator
    /// The decision note typed last, offered again when finalizing was cancelled or mistyped.
    public var draftNote = ""
    /// The first member column shown when not all fit the width.
    public var memberOffset = 0
    public let rows: [TreeRow]
    public let indicators: [Indicator]

    public init(data: ConsensusData, standards: Standards) {
        self.data = data
        let tree = ScoringState(open: OpenApplication(application: data.application, sheet: ScoreSheet(application: data.application.id, member: "")),
                                standards: standards)
        rows = tree.rows
        indicators = tree.indicators
    }

    public var current: Indicator? { indicators.indices.contains(cursor) ? indicators[cursor] : nil }
    public func result(_ id: String) -> IndicatorResult? { data.evaluation.indicator(id) }
}

extension ConsensusData {
    /// The decision's total or grade disagrees with the sheets.
    public var decisionDisagrees: Bool { decision.map { evaluation.disagrees(with: $0) } ?? false }
    /// A member's name (the id when unknown).
    public func name(_ id: String) -> String { members.first { $0.id == id }?.name ?? id }
}

/// What the secretary chose besides the format: the CSV's byte order mark (`b`), the member annex
/// (`m`: none, named, anonymous) and the notes annex (`n`) of the pdf, html and xlsx reports.
public struct ReportChoices: Sendable, Equatable {
    public enum Members: Sendable, Equatable { case none, named, anonymous }
    public var byteOrderMark: Bool
    public var members: Members
    public var notes: Bool
    public init(byteOrderMark: Bool = true, members: Members = .none, notes: Bool = false) {
        self.byteOrderMark = byteOrderMark; self.members = members; self.notes = notes
    }
}

/// The secretary's report screen: choose applications, preview, write to a file.
public struct ReportState: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, html, csv, pdf, xlsx
        /// The file name extension.
        public var fileExtension: String {
            switch self {
            case .text: return "txt"
            case .markdown: return "md"
            case .html, .csv, .pdf, .xlsx: return rawValue
            }
        }
    }
    public var applications: [(id: String, name: LocalizedText)]
    /// Where each application stands (provisional, complete, final), so the secretary sees what is final.
    public var statuses: [String: ApplicationStatus] = [:]
    public var selected: Set<String>
    public var cursor = 0
    public var format: Format = .html
    /// The preview (text report) of the selection, once rendered.
    public var preview: [String] = []
    public var scroll = 0
    /// Columns scrolled to the right (the text report is wider than a small terminal).
    public var column = 0
    public var showingPreview = false
    /// The number of PDF pages the preview shows (nil: the preview is the text report).
    public var previewPages: Int?
    /// The BOM of the CSV and the annexes of the printed report and the workbook.
    public var choices = ReportChoices()

    public init(applications: [(id: String, name: LocalizedText)]) {
        self.applications = applications
        selected = Set(applications.map(\.id))
    }

    /// The chosen ids in list order.
    public var chosen: [String] { applications.map(\.id).filter { selected.contains($0) } }
}
