import CityCertCore
@testable import CityCertRuntime
@testable import CityCertStore
@testable import CityCertTUI
import Foundation
import Testing
import TestSupport

/// Nothing typed is lost: the open field is kept in the member's state folder as it is typed and
/// offered back when the sheet is opened again after the program stopped.
@Suite struct DraftTests {
    func start(_ t: TempStore, state folder: URL) throws -> (EffectRunner, AppState) {
        let store = try Store.open(at: t.path)
        let runner = EffectRunner(store: store, memberID: "park", draftsEnvironment: ["XDG_STATE_HOME": folder.path, "HOME": "/nonexistent"])
        return (runner, runner.start(language: .en, colors: false, width: 80, height: 24, reason: "test"))
    }

    func press(_ keys: [Key], _ runner: EffectRunner, _ state: inout AppState) {
        for k in keys { runner.send(.key(k), to: &state) }
    }

    @Test func theTextOfAFieldSurvivesAKillAndIsOfferedBack() throws {
        let t = try TempStore()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-state-\(UUID().uuidString)")
        defer { t.remove(); try? FileManager.default.removeItem(at: folder) }
        var (runner, state) = try start(t, state: folder)
        press([.enter, .down, .char("n")] + "증빙 확인".map { .char($0) }, runner, &state)
        runner.send(.paste("\n둘째 줄 S y 3"), to: &state)
        let file = try #require(runner.drafts?.file(for: "app-a"))
        #expect(file.path.hasPrefix(folder.appendingPathComponent("citycert/drafts").path))
        #expect(!file.path.hasPrefix(t.path), "not in the store")
        let kept = try JSONDecoder().decode(Draft.self, from: Data(contentsOf: file))
        #expect(kept.text == "증빙 확인\n둘째 줄 S y 3" && kept.indicator == "L1" && kept.field == .note)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(!FileManager.default.fileExists(atPath: t.root.appendingPathComponent("scores/park/app-a.json").path), "nothing saved yet")

        // The program is killed: a new one opens the same sheet and offers the text back.
        var (again, next) = try start(t, state: folder)
        press([.enter], again, &next)
        guard case .confirm(let c)? = next.overlay, case .restoreDraft = c.action else { Issue.record("no offer: \(String(describing: next.overlay))"); return }
        press([.char("y")], again, &next)
        guard case .prompt(let p)? = next.overlay else { Issue.record("the note is not open"); return }
        #expect(p.text == "증빙 확인\n둘째 줄 S y 3")
        press([.enter], again, &next)
        let sheet = try JSONDecoder().decode(ScoreSheet.self, from: Data(contentsOf: t.root.appendingPathComponent("scores/park/app-a.json")))
        #expect(sheet.phases[.written]?.entries["L1"]?.note == "증빙 확인\n둘째 줄 S y 3")
        #expect(sheet.phases[.written]?.status == .draft)
        #expect(!FileManager.default.fileExists(atPath: file.path), "a saved field leaves no draft")
    }

    @Test func aDeclinedOrCancelledDraftIsRemoved() throws {
        let t = try TempStore()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-state-\(UUID().uuidString)")
        defer { t.remove(); try? FileManager.default.removeItem(at: folder) }
        var (runner, state) = try start(t, state: folder)
        press([.enter, .char("n"), .char("x")], runner, &state)
        let file = try #require(runner.drafts?.file(for: "app-a"))
        #expect(FileManager.default.fileExists(atPath: file.path))
        press([.escape], runner, &state)
        #expect(!FileManager.default.fileExists(atPath: file.path), "Esc: the member meant to drop it")
        press([.char("n"), .char("y")], runner, &state)
        var (again, next) = try start(t, state: folder)
        press([.enter, .char("n")], again, &next)
        #expect(next.overlay == nil)
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }
}
