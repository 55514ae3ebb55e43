import CityCertCore

/// What a screen's key handler asks of its parent, ``Update``.
///
/// A screen's handler (`MemberListKeys`, `ApplicationListKeys`, `ScoringKeys`, `OverviewKeys`,
/// `ConsensusKeys`, `ReportKeys`) changes only its own state and answers with delegates, in the
/// manner of The Composable Architecture's delegate actions: `Update` writes the screen's state
/// back and turns each delegate into navigation, a status line, an overlay or an effect
/// (``Update/apply(_:from:_:)``).
enum Delegate {
    /// An effect for the runtime.
    case run(Effect)
    /// A line for the status bar (nil: none).
    case status(StatusLine?)
    /// A box over the screen (help, a prompt, a confirmation, a notice, the reader).
    case overlay(Overlay)
    /// Closes the box over the screen (a prompt answered).
    case closeOverlay
    /// Act as this member (the committee list is kept to come back to).
    case chooseMember(String)
    /// Open an application (the list is kept to come back to).
    case openApplication(String)
    /// Open an application's consensus screen (the overview is kept to come back to).
    case openConsensus(String)
    /// The chair's own applications list, from the overview.
    case showApplications
    /// The report screen, from the overview.
    case showReport
    /// Back from an application to the list, its row (`left`) read again.
    case backToList(left: String?)
    /// Back from a consensus screen to the overview, its row (`left`) read again.
    case backToOverview(left: String)
    /// `q` on a first screen: the chair goes to the overview, a member chosen from the committee
    /// list goes back to it, anyone else quits.
    case leave
    /// End the application.
    case quit
}

/// What a screen's key handler may read of the application around it (never the whole state).
struct KeyContext {
    var language: Language
    var width: Int
    var height: Int
    /// The role of the member at the keyboard (nil before one is chosen).
    var role: Role?
    /// The folder the last report was written to.
    var reportFolder: String?

    init(_ state: AppState) {
        language = state.language
        width = state.width
        height = state.height
        role = state.session?.member.role
        reportFolder = state.reportFolder
    }

    /// The secretary reads and reports; everyone else scores.
    var canScore: Bool { role != .secretary }
}
