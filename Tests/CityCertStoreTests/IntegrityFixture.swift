import CityCertCore
@testable import CityCertStore
import Foundation
import Testing
import TestSupport

/// Stores with a history, for the integrity tests: the default ``TempStore`` opened as a given OS
/// user, and helpers that score whole sheets through the store actions.
enum IntegrityFixture {
    /// The default fixture's store, acting as `user` (not the superuser: the identity rule applies).
    static func open(_ t: TempStore, as user: String = "tester") throws -> Store {
        let store = try Store.open(at: t.path)
        store.osUser = OSUser(name: user)
        return store
    }

    /// A store opened as the chair's login (`kim` has `login: kminsu`).
    static func openAsChair(_ t: TempStore) throws -> Store { try open(t, as: "kminsu") }

    /// Scores every applicable indicator of a phase (values depend on `seed`) and submits it.
    static func scoreAndSubmit(_ store: Store, member: String, application: String, phase: Phase = .written, seed: Int = 0) throws {
        let app = try #require(store.application(application).application)
        for ind in store.standards.applicableIndicators(for: app.cityType) {
            let entry = ind.isQuantitative ? Entry(value: Decimal(3 + seed % 9), note: "n\(seed)")
                                           : Entry(level: ind.levels[seed % ind.levels.count].level)
            try store.setEntry(entry, indicator: ind.id, member: member, application: application, phase: phase)
        }
        try store.submit(member: member, application: application, phase: phase)
    }

    /// app-a complete (every eligible member's written sheet, the site team's site sheets) and
    /// finalized by kim; app-b with drafts. Returns the store opened as the chair.
    static func historyStore() throws -> (TempStore, Store) {
        let t = try TempStore()
        let members = try open(t)
        for (n, m) in ["lee", "park", "choi", "jung"].enumerated() {
            try scoreAndSubmit(members, member: m, application: "app-a", seed: n)
        }
        for (n, m) in ["park", "choi"].enumerated() {
            try scoreAndSubmit(members, member: m, application: "app-a", phase: .site, seed: n + 3)
        }
        try members.setEntry(Entry(value: 12, note: "확인"), indicator: "Q1", member: "park", application: "app-b", phase: .written)
        try members.setEntry(Entry(level: 3), indicator: "L1", member: "jung", application: "app-b", phase: .written)
        let chair = try openAsChair(t)
        try scoreAndSubmit(chair, member: "kim", application: "app-a", seed: 7)
        try scoreAndSubmit(chair, member: "kim", application: "app-a", phase: .site, seed: 8)
        try chair.finalize(application: "app-a", by: "kim", note: "전원 합의")
        // The last line is a sheet change (of an application that is not final).
        try members.setEntry(Entry(level: 2), indicator: "L1", member: "park", application: "app-b", phase: .written)
        return (t, chair)
    }

    /// The text of a store file.
    static func read(_ t: TempStore, _ path: String) throws -> String {
        try String(contentsOf: t.root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The lines of audit.log.
    static func logLines(_ t: TempStore) throws -> [String] {
        try read(t, "audit.log").split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    static func writeLog(_ t: TempStore, _ lines: [String]) throws {
        try t.write("audit.log", lines.map { $0 + "\n" }.joined())
    }

    /// The descriptions of verify's errors and warnings on a fresh store object.
    static func verify(_ t: TempStore) throws -> (errors: [String], warnings: [String]) {
        let r = try Store.open(at: t.path).verify()
        return (r.errors.map(\.description), r.warnings.map(\.description))
    }
}
