import CityCertCore
@testable import CityCertTUI
import Testing
import TestSupport

/// One table of keys per screen serves the handler, the `?` help and the footer: these tests fail
/// when the help or a footer names a key the screen does not handle, or the screen handles a key
/// that its table (and so its help) does not name.
@Suite struct KeymapTests {
    /// Every key a terminal can send that a screen might handle.
    static let universe: [Key] = (32...126).map { Key.char(Character(UnicodeScalar(UInt8($0)))) }
        + [.char("한"), .char("１"), .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace, .delete,
           .insert, .tab, .backTab] + (1...12).map(Key.function) + "abcdefghijklmnopqrstuvwxyz".map(Key.ctrl)

    /// The help names exactly the keys of each binding, no key is bound twice on a screen (nor
    /// over a key every screen shares), and each footer hint names keys bound on the screen,
    /// among them a key of the binding it stands for.
    func checkTable<A>(_ name: String, _ keymap: Keymap<A>, footers: [Footer<A>]) {
        var seen: Set<Key> = name == "global" ? [] : Keymap.global.keys
        for b in keymap.bindings {
            let keys = Set(b.keys + (b.digits ? "0123456789".map(Key.char) : []))
            #expect(KeyLabel.keys(b.label) == keys, "\(name): the help's “\(b.label)” names \(KeyLabel.keys(b.label)), the table binds \(keys)")
            #expect(seen.isDisjoint(with: keys), "\(name): \(seen.intersection(keys)) bound twice")
            seen.formUnion(keys)
            #expect(!b.en.isEmpty && !b.ko.isEmpty, "\(name): “\(b.label)” has no help")
        }
        for footer in footers {
            for hint in footer.hints + footer.last {
                let named = KeyLabel.keys(hint.label)
                let own = Set(keymap.bindings.filter { $0.action == hint.action }.flatMap { $0.keys + ($0.digits ? "0123456789".map(Key.char) : []) })
                #expect(!named.isEmpty && named.isSubset(of: keymap.keys), "\(name): the footer's “\(hint.label)” names a key the screen does not handle")
                #expect(!named.isDisjoint(with: own), "\(name): the footer's “\(hint.label)” names no key of its action \(hint.action)")
            }
            for hint in footer.global {
                #expect(KeyLabel.keys(hint.label).isSubset(of: Keymap.global.keys), "\(name): “\(hint.label)” is not a shared key")
                #expect(Keymap.global.action(for: KeyLabel.keys(hint.label).first!) == hint.action)
            }
        }
    }

    @Test func helpAndFootersNameOnlyTheKeysOfTheTables() {
        checkTable("global", Keymap.global, footers: [])
        checkTable("committee", MemberListKeys.keymap, footers: [MemberListKeys.footer])
        checkTable("applications", ApplicationListKeys.keymap, footers: [ApplicationListKeys.footer(goesBack: false), ApplicationListKeys.footer(goesBack: true)])
        checkTable("scoring", ScoringKeys.keymap, footers: [ScoringKeys.footer(quantitative: true), ScoringKeys.footer(quantitative: false)])
        let viewer = EvidenceViewerState(indicator: "Q1", entries: [])
        var document = viewer
        document.document = EvidenceDocument(evidence: Evidence(file: "evidence/a.pdf", page: 2))
        checkTable("evidence list", EvidenceKeys.listKeymap, footers: [EvidenceKeys.footer(viewer, quantitative: true), EvidenceKeys.footer(viewer, quantitative: false)])
        checkTable("evidence file", EvidenceKeys.documentKeymap, footers: [EvidenceKeys.footer(document, quantitative: true), EvidenceKeys.footer(document, quantitative: false)])
        checkTable("overview", OverviewKeys.keymap, footers: [OverviewKeys.footer])
        checkTable("consensus", ConsensusKeys.keymap, footers: [ConsensusKeys.footer(final: true), ConsensusKeys.footer(final: false)])
        checkTable("report", ReportKeys.keymap, footers: ReportState.Format.allCases.map(ReportKeys.footer))
        checkTable("report preview", ReportKeys.previewKeymap, footers: [ReportKeys.previewFooter])
    }

    /// The help of each screen is its table's lines then the shared keys, as drawn.
    @Test func theHelpShowsEveryBinding() {
        var state = TUIFixture.scoringState(width: 120, height: 40, language: .en)
        TUIFixture.press([.char("?")], &state)
        let text = View.render(state).lines().joined(separator: "\n")
        for b in ScoringKeys.keymap.bindings { #expect(text.contains(KeyLabel.line(b.label, b.en)), "\(b.label)") }
        for b in Keymap.global.bindings { #expect(text.contains(KeyLabel.line(b.label, b.en)), "\(b.label)") }
    }

    /// A key that is not in a screen's table (nor shared) does nothing there: no effect, no change.
    func checkUnboundKeysDoNothing<A>(_ name: String, _ keymap: Keymap<A>, _ make: () -> AppState) {
        for key in Self.universe where !keymap.keys.contains(key) && Keymap.global.action(for: key) == nil {
            if case .char(let c) = key, keymap.bindings.contains(where: { $0.digits }), c.isNumber { continue }
            var state = make()
            let before = View.render(state)   // cells and styles: a cursor moved shows
            let effects = TUIFixture.press([key], &state)
            #expect(effects.isEmpty && View.render(state) == before && state.overlay == nil && state.status == nil && !state.quitting,
                    "\(name): \(key) is handled but not in the table")
        }
    }

    @Test func keysOutsideTheTablesDoNothing() {
        checkUnboundKeysDoNothing("committee", MemberListKeys.keymap) {
            AppState(colors: false, screen: .chooseMember(MemberListState(members: Fixture.committee().members, reason: "")))
        }
        checkUnboundKeysDoNothing("applications", ApplicationListKeys.keymap) { TUIFixture.listState() }
        checkUnboundKeysDoNothing("scoring", ScoringKeys.keymap) { TUIFixture.scoringState() }
        checkUnboundKeysDoNothing("overview", OverviewKeys.keymap) { ChairFixture.overviewState() }
        checkUnboundKeysDoNothing("consensus", ConsensusKeys.keymap) { ChairFixture.consensusState(flagged: true) }
        checkUnboundKeysDoNothing("report", ReportKeys.keymap) { ScreenSnapshotTests.reportState(100, 30, .ko) }
        checkUnboundKeysDoNothing("evidence file", EvidenceKeys.documentKeymap) {
            var state = TUIFixture.scoringState()
            TUIFixture.press([.char("o")], &state)
            _ = Update.update(&state, .evidenceRead(application: "a", file: "evidence/data.pdf", page: 3,
                                                    .pdfPage(text: EvidenceViewerTests.page3, page: 3, pageCount: 5)))
            return state
        }
    }
}
