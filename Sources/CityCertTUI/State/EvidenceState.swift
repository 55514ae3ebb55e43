import CityCertCore
import Foundation

/// How an evidence file is shown, from its name.
public enum EvidenceKind: String, Sendable, Equatable {
    case pdf, text, markdown, csv, other

    public static func of(_ file: String) -> EvidenceKind {
        let ext = (file as NSString).pathExtension.lowercased()
        switch ext {
        case "pdf": return .pdf
        case "md", "markdown": return .markdown
        case "csv": return .csv
        case "txt", "text", "log", "tsv", "yaml", "yml", "json": return .text
        default: return .other
        }
    }

    /// A short name for the list.
    public func label(_ lang: Language) -> String {
        switch self {
        case .pdf: return "PDF"
        case .text: return TUILabels(lang).text
        case .markdown: return "Markdown"
        case .csv: return "CSV"
        case .other: return TUILabels(lang).otherKind
        }
    }
}

/// What the runtime found out about an evidence file without reading it (for the list).
public struct EvidenceInfo: Sendable, Equatable {
    public var file: String
    public var size: Int64?
    /// Why it cannot be read (missing, outside the folder), nil when it can.
    public var problem: String?
    public init(file: String, size: Int64? = nil, problem: String? = nil) { self.file = file; self.size = size; self.problem = problem }
}

/// What the runtime read from an evidence file.
public enum EvidenceContent: Sendable, Equatable {
    /// Text, Markdown or CSV, whole.
    case text(String)
    /// The text of one page of a PDF, laid out by `pdftotext -layout`; the page count when known.
    case pdfPage(text: String, page: Int, pageCount: Int?)
    /// A file shown by its name only: its type, size and how to open it on a desktop.
    case other(type: String, size: Int64, openCommand: String)
    /// It could not be read: why (too large, a PDF that failed, poppler-utils missing…).
    case failed(String)
}

/// One evidence file open in the viewer.
public struct EvidenceDocument: Sendable, Equatable {
    public var evidence: Evidence
    /// The page asked for (PDF); starts at the page the applicant named, or 1.
    public var page: Int
    /// Nil while reading.
    public var content: EvidenceContent?
    public var scroll = 0
    /// The line of the last match found (`n` goes on from it).
    public var matchLine: Int?

    public init(evidence: Evidence) {
        self.evidence = evidence
        self.page = evidence.page ?? 1
    }

    public var kind: EvidenceKind { EvidenceKind.of(evidence.file) }
    public var pageCount: Int? { if case .pdfPage(_, _, let n)? = content { return n } else { return nil } }
}

/// The evidence viewer over the scoring screen: the list of an indicator's evidence, or one file.
public struct EvidenceViewerState: Sendable, Equatable {
    /// The indicator the viewer belongs to (scoring keys act on it).
    public var indicator: String
    public var entries: [Evidence]
    /// Sizes and problems by file, once the runtime has looked.
    public var infos: [String: EvidenceInfo] = [:]
    public var listCursor = 0
    /// The file shown; nil: the list.
    public var document: EvidenceDocument?
    /// The search being typed after `/`; nil when not typing.
    public var searchInput: String?
    /// The last search, for `n`.
    public var search = ""

    public init(indicator: String, entries: [Evidence]) {
        self.indicator = indicator
        self.entries = entries
    }
}
