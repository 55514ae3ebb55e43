import CityCertCore

/// What `update` asks the runtime to do, as plain values.
///
/// The runtime (`EffectRunner`) switches over every case without a `default:`: a new effect does
/// not compile until it is performed. The chair's and the secretary's effects are their own enum
/// (``ChairEffect``), and so are the evidence viewer's (``EvidenceEffect``).
public indirect enum Effect: Sendable, Equatable {
    /// Performs the effect only when the store changed since the screen was read.
    case refreshIfChanged(Effect)
    case chooseMember(String)
    case loadApplications
    /// Reads again the list's rows of the applications changed since it was read (the audit log
    /// names them), of `left` (the application just left), and which applications are final.
    case refreshApplications(left: String?)
    case openApplication(String)
    case setEntry(application: String, phase: Phase, indicator: String, entry: Entry?)
    case submit(application: String, phase: Phase)
    case reopenSheet(application: String, phase: Phase)
    /// Forgets the unsaved text kept for an application (the member did not want it back).
    case discardDraft(application: String)
    /// The evidence viewer's reads.
    case evidence(EvidenceEffect)
    /// The chair's overview and consensus, and the report and seal (chair and secretary).
    case chair(ChairEffect)
    case quit

    /// Whether the effect takes seconds: printing a PDF with Chromium (to preview or to write it).
    public var takesSeconds: Bool {
        guard case .chair(let chair) = self else { return false }
        switch chair {
        case .previewReport(_, let format, _): return format == .pdf
        case .writeReport(_, let format, _, _, _): return format == .pdf
        case .loadOverview, .refreshOverview, .openConsensus, .finalize, .reopenApplication, .loadReportScreen, .seal:
            return false
        }
    }

    /// Whether performing it reads a screen anew (the rules are then read again when they changed).
    public var readsScreen: Bool {
        switch self {
        case .loadApplications, .openApplication: return true
        case .chair(.loadOverview), .chair(.openConsensus), .chair(.loadReportScreen): return true
        case .refreshIfChanged, .chooseMember, .refreshApplications, .setEntry, .submit, .reopenSheet,
             .discardDraft, .evidence, .chair, .quit:
            return false
        }
    }
}

/// The chair's and the secretary's effects: the overview, the consensus screen, finalize and
/// reopen, the report and the seal.
public enum ChairEffect: Sendable, Equatable {
    case loadOverview
    /// Reads again the overview's rows of the applications changed since it was read (the audit log
    /// names them), and of `left` (the application whose consensus screen was left).
    case refreshOverview(left: String?)
    case openConsensus(String)
    case finalize(application: String, note: String)
    case reopenApplication(String, reason: String)
    case loadReportScreen
    /// The preview of the chosen applications: the PDF's pages as text for pdf, the text report otherwise.
    case previewReport(applications: [String], format: ReportState.Format = .text, choices: ReportChoices = ReportChoices())
    /// Writes the report; an existing file is written over only with `overwrite`.
    case writeReport(applications: [String], format: ReportState.Format, path: String, overwrite: Bool = false,
                     choices: ReportChoices = ReportChoices())
    /// Seals the round: the hash of every authored file into the audit log.
    case seal
}

/// The evidence viewer's effects.
public enum EvidenceEffect: Sendable, Equatable {
    /// Looks up the size of evidence files (inside the application folder only).
    case list(application: String, files: [String])
    /// Reads an evidence file, off the key path (a PDF: the text of one page, by `pdftotext`).
    case read(application: String, file: String, page: Int?)
}
