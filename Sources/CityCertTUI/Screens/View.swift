import CityCertCore

/// `view(state) -> Buffer`: the pure function from state to what the terminal shows.
public enum View {
    public static func render(_ state: AppState) -> Buffer {
        if state.isTooSmall { return Chrome.tooSmall(state) }
        let theme = Theme(colors: state.colors)
        var b = Buffer(width: state.width, height: state.height)
        switch state.screen {
        case .chooseMember(let s): MemberListScreen.draw(&b, s, state, theme)
        case .applications(let s): ApplicationListScreen.draw(&b, s, state, theme)
        case .scoring(let s): ScoringScreen.draw(&b, s, state, theme)
        case .overview(let s): OverviewScreen.draw(&b, s, state, theme)
        case .consensus(let s): ConsensusScreen.draw(&b, s, state, theme)
        case .report(let s): ReportScreen.draw(&b, s, state, theme)
        }
        if let overlay = state.overlay { OverlayScreen.draw(&b, overlay, state, theme) }
        return b
    }
}
