import CityCertCore

/// What reaches `update`: a key, a new terminal size, or the result of an effect.
public enum Message: Sendable {
    case key(Key)
    /// Text pasted in the terminal (bracketed paste), whole: goes into the open text field, never read as keys.
    case paste(String)
    case resize(width: Int, height: Int)
    /// Time passed without a key (every few seconds): a chance to show others' changes.
    case tick
    /// A member was chosen and the applications read.
    case sessionStarted(Session, [ApplicationSummary])
    case applicationsLoaded([ApplicationSummary])
    /// Some rows of the list read again (a nil row: the application is gone), and which are final.
    case applicationRowsLoaded([(id: String, row: ApplicationSummary?)], final: Set<String>)
    case applicationOpened(OpenApplication)
    /// A change to the member's sheet was saved (the sheet as now on disk, and when).
    case sheetSaved(ScoreSheet, at: String)
    /// An effect failed or was refused; the text says why.
    case failed(String)
    /// A line for the status bar.
    case status(StatusLine)
    /// Text typed into a field of this sheet and never saved (the program stopped): offered back.
    case draftFound(Draft)
    case overviewLoaded(OverviewState)
    /// Some rows of the overview read again (a nil row: the application is gone or invalid).
    case overviewRowsLoaded([(id: String, row: OverviewRow?, reasons: [String])])
    case consensusLoaded(ConsensusData)
    case reportApplications([(id: String, name: LocalizedText)], statuses: [String: ApplicationStatus])
    /// The preview's lines; `pages`: the text of the PDF's pages (nil for a text preview).
    case reportPreview([String], pages: Int? = nil)
    /// The report file exists: ask before writing over it.
    case reportExists(applications: [String], format: ReportState.Format, path: String, choices: ReportChoices = ReportChoices())
    /// The report was written (the absolute path), so the next one is proposed in the same folder.
    case reportWritten(path: String)
    /// Sizes (and problems) of an application's evidence files, for the viewer's list.
    case evidenceListed(application: String, [EvidenceInfo])
    /// An evidence file read (a PDF: the page asked for).
    case evidenceRead(application: String, file: String, page: Int?, EvidenceContent)
}

extension Effect {
    /// Whether the effect takes seconds: printing a PDF with Chromium (to preview or to write it).
    public var takesSeconds: Bool {
        switch self {
        case .previewReport(_, let format, _): return format == .pdf
        case .writeReport(_, let format, _, _, _): return format == .pdf
        default: return false
        }
    }
}

/// What `update` asks the runtime to do, as plain values.
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
    /// Forgets the unsaved text kept for an application (the member did not want it back).
    case discardDraft(application: String)
    /// Looks up the size of evidence files (inside the application folder only).
    case listEvidence(application: String, files: [String])
    /// Reads an evidence file, off the key path (a PDF: the text of one page, by `pdftotext`).
    case readEvidence(application: String, file: String, page: Int?)
    /// Seals the round: the hash of every authored file into the audit log.
    case seal
    case quit
}
