import CityCertCore

extension Update {
    /// Turns a screen's delegate into what the application does: navigation between screens, the
    /// status line, an overlay, or an effect for the runtime. `from` is the screen that asked.
    static func apply(_ delegate: Delegate, from screen: ScreenKind, _ state: inout AppState) -> [Effect] {
        switch delegate {
        case .run(let effect):
            if effect == .quit { state.quitting = true }
            return [effect]
        case .status(let line):
            state.status = line
        case .overlay(let overlay):
            state.overlay = overlay
        case .closeOverlay:
            state.overlay = nil
        case .chooseMember(let id):
            if case .chooseMember(let members) = state.screen { state.savedMembers = members }
            return [.chooseMember(id)]
        case .openApplication(let id):
            if case .applications(let list) = state.screen { state.savedList = list }
            return [.openApplication(id)]
        case .openConsensus(let id):
            if case .overview(let o) = state.screen { state.savedOverview = o }
            return [.chair(.openConsensus(id))]
        case .showApplications:
            if case .overview(let o) = state.screen { state.savedOverview = o }
            state.screen = .applications(state.savedList ?? ApplicationListState(all: []))
            return [.loadApplications]
        case .showReport:
            if case .overview(let o) = state.screen { state.savedOverview = o }
            return [.chair(.loadReportScreen)]
        case .backToList(let left):
            return backToList(left: left, &state)
        case .backToOverview(let left):
            return backToOverview(left: left, &state)
        case .leave:
            return leave(from: screen, &state)
        case .quit:
            state.quitting = true
            return [.quit]
        }
        return []
    }

    /// Back to the applications list as it was left, with the row of the application left read
    /// again for its new progress, and those of applications changed meanwhile (reading every row
    /// again took a quarter of a second at 5,000 applications).
    static func backToList(left: String?, _ state: inout AppState) -> [Effect] {
        guard let saved = state.savedList else {
            state.screen = .applications(ApplicationListState(all: []))
            return [.loadApplications]
        }
        state.screen = .applications(saved)
        return [.refreshApplications(left: left)]
    }

    /// Back to the overview: the chair's work on the consensus screen changed this application
    /// only, so its row is read again, not the whole round (others' changes come with the next tick).
    static func backToOverview(left: String, _ state: inout AppState) -> [Effect] {
        guard let saved = state.savedOverview else {
            state.screen = .overview(OverviewState(rows: []))
            return [.chair(.loadOverview)]
        }
        state.screen = .overview(saved)
        return [.chair(.refreshOverview(left: left))]
    }

    /// `q` on a first screen: the chair's list and report go to the overview; a member chosen from
    /// the committee list goes back to it; otherwise the application ends.
    static func leave(from screen: ScreenKind, _ state: inout AppState) -> [Effect] {
        let chair = state.session?.member.role == .chair
        switch screen {
        case .applications where chair:
            return [.chair(.loadOverview)]
        case .report where chair:
            state.screen = .overview(state.savedOverview ?? OverviewState(rows: []))
            return [.chair(.loadOverview)]
        case .chooseMember:
            break
        case .applications, .overview, .report, .scoring, .consensus:
            if BackToCommittee.go(&state) { return [] }
        }
        state.quitting = true
        return [.quit]
    }
}
