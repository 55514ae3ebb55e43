import CityCertCore

/// What reaches `update`: a key, a new terminal size, or the result of an effect.
public enum Message: Sendable {
    case key(Key)
    /// The store's change mark when an effect read it (a tick reads the screen again only when
    /// the store changed since).
    case storeRead(mark: String)
    /// The store's rules (`store.yaml`, the committee, the standards) were read again: the screens'
    /// audit cursors are forgotten, so that their next refresh reads every row.
    case rulesReread
    /// Text pasted in the terminal (bracketed paste), whole: goes into the open text field, never read as keys.
    case paste(String)
    case resize(width: Int, height: Int)
    /// Time passed without a key (every few seconds): a chance to show others' changes.
    case tick
    /// A member was chosen and the applications read (`cursor`: where the audit log ended when
    /// they were read; what changed since is read again by a refresh).
    case sessionStarted(Session, [ApplicationSummary], cursor: Int64? = nil)
    case applicationsLoaded([ApplicationSummary], cursor: Int64? = nil)
    /// Some rows of the list read again (a nil row: the application is gone), and which are final.
    case applicationRowsLoaded([(id: String, row: ApplicationSummary?)], final: Set<String>, cursor: Int64? = nil)
    case applicationOpened(OpenApplication)
    /// A change to the member's sheet was saved (the sheet as now on disk, and when).
    case sheetSaved(ScoreSheet, at: String)
    /// An effect failed or was refused; the text says why (in both languages: the status line
    /// follows `L`).
    case failed(LocalizedText)
    /// A line for the status bar.
    case status(StatusLine)
    /// Text typed into a field of this sheet and never saved (the program stopped): offered back.
    case draftFound(Draft)
    case overviewLoaded(OverviewState)
    /// Some rows of the overview read again (a nil row: the application is gone or invalid).
    case overviewRowsLoaded([(id: String, row: OverviewRow?, reasons: [String])], cursor: Int64? = nil)
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
