import CityCertCore
import CityCertRuntime
@testable import CityCertStore
@testable import CityCertTUI
import Foundation
import Testing
import TestSupport

/// The site phase builds on the written one: a site sheet is not submitted while the member's
/// written sheet is not (the store refuses it, and the screen says why before asking); once it is,
/// the peer panel names the members and who has not submitted yet.
@Suite struct SitePhaseTests {
    @Test func siteSheetWaitsForTheWrittenSheet() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try Store.open(at: t.path)
        for phase in [Phase.written, .site] {
            _ = try store.setEntry(Entry(value: 7), indicator: "Q1", member: "park", application: "app-a", phase: phase)
            _ = try store.setEntry(Entry(level: 4), indicator: "L1", member: "park", application: "app-a", phase: phase)
            _ = try store.setEntry(Entry(level: 5), indicator: "L2", member: "park", application: "app-a", phase: phase)
        }
        #expect(throws: StoreActionError.self) { try store.submit(member: "park", application: "app-a", phase: .site) }
        do {
            _ = try store.submit(member: "park", application: "app-a", phase: .site)
        } catch {
            #expect(error.message.contains("written sheet is not submitted"), "\(error.message)")
        }
        _ = try store.submit(member: "park", application: "app-a", phase: .written)
        let sheet = try store.submit(member: "park", application: "app-a", phase: .site)
        #expect(sheet.phases[.site]?.status == .submitted)
    }

    @Test func thePeerPanelNamesMembersAndWhoHasNotSubmitted() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try Store.open(at: t.path)
        for (m, level) in [("park", 4), ("choi", 2)] {
            _ = try store.setEntry(Entry(value: 7), indicator: "Q1", member: m, application: "app-a", phase: .written)
            _ = try store.setEntry(Entry(level: level, note: m == "choi" ? "근거 부족" : nil), indicator: "L1", member: m, application: "app-a", phase: .written)
            _ = try store.setEntry(Entry(level: 5), indicator: "L2", member: m, application: "app-a", phase: .written)
            _ = try store.submit(member: m, application: "app-a", phase: .written)
        }
        let runner = EffectRunner(store: store, memberID: "park")
        var state = runner.start(language: .ko, colors: false, width: 100, height: 40, reason: "test")
        for k: Key in [.enter, .down] { runner.send(.key(k), to: &state) }
        let text = View.render(state).lines().joined(separator: "\n")
        let names = Dictionary(uniqueKeysWithValues: store.committee.members.map { ($0.id, $0.name) })
        #expect(text.contains(names["choi"]!) && text.contains("근거 부족"), "\(text)")
        #expect(text.contains("미제출: \(names["kim"]!)"), "\(text)")
        #expect(!text.contains("*park"), "names, not ids")
    }
}
