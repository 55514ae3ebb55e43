import Foundation

/// What an audit record does: the log's vocabulary, decided once where a line is read
/// (``AuditRecord/parse(_:line:)``) and switched exhaustively wherever records are used.
///
/// A line written by another tool may carry an action citycert does not know: it stays a link of
/// the hash chain (`.other`), and `verify` names it.
public enum AuditAction: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// One entry of a member's sheet set or cleared (a key press in the workstation).
    case entry
    /// Several changes to one phase of a sheet made at once (`score`, `sheet import`): optionally
    /// reopening it first, the entries, and optionally submitting it — one commit, all or nothing.
    case sheetBatch
    case submit
    case reopenSheet
    /// A sheet written outside citycert, logged as found.
    case adoptSheet
    case finalize
    case reopen
    case seal
    case other(String)

    /// Every action citycert writes, in the order of the list above.
    public static let known: [AuditAction] = [.entry, .sheetBatch, .submit, .reopenSheet, .adoptSheet, .finalize, .reopen, .seal]

    public init(_ raw: String) {
        self = Self.known.first { $0.rawValue == raw } ?? .other(raw)
    }

    /// The name in `audit.log`.
    public var rawValue: String {
        switch self {
        case .entry: return "entry"
        case .sheetBatch: return "sheet-batch"
        case .submit: return "submit"
        case .reopenSheet: return "reopen-sheet"
        case .adoptSheet: return "adopt-sheet"
        case .finalize: return "finalize"
        case .reopen: return "reopen"
        case .seal: return "seal"
        case .other(let raw): return raw
        }
    }

    public var description: String { rawValue }

    /// What part of the store the record is about.
    public enum Scope: Sendable { case sheet, decision, store, unknown }

    public var scope: Scope {
        switch self {
        case .entry, .sheetBatch, .submit, .reopenSheet, .adoptSheet: return .sheet
        case .finalize, .reopen: return .decision
        case .seal: return .store
        case .other: return .unknown
        }
    }

    /// Changes a member's sheet (the actor is the sheet's member).
    public var isSheetAction: Bool { scope == .sheet }
    /// Makes or unmakes a decision.
    public var isDecisionAction: Bool { scope == .decision }
    /// About the whole store (`application` and `phase` null).
    public var isStoreAction: Bool { scope == .store }
}
