import CityCertCore
@testable import CityCertRuntime
@testable import CityCertStore
@testable import CityCertTUI
import Foundation
import Testing
import TestSupport

/// Reading evidence for the viewer: inside the application folder only, text whole, a PDF page
/// through pdftotext as a separate process with a time and an output limit (a stand-in pdftotext
/// here, so the tests need no poppler-utils), and a clear message when poppler-utils is missing.
@Suite struct EvidenceReaderTests {
    /// A folder with stand-in `pdftotext` and `pdfinfo` scripts.
    func fakePoppler(pdftotext: String, pages: Int = 4) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-poppler-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, body) in [("pdftotext", pdftotext), ("pdfinfo", "echo 'Title: x'; echo 'Pages:          \(pages)'")] {
            let url = dir.appendingPathComponent(name)
            try Data("#!/bin/sh\n\(body)\n".utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        return dir
    }

    @Test func textIsReadWholeAndPathsStayInsideTheFolder() throws {
        let t = try TempStore(["applications/app-a/evidence/계획.md": "# 계획\n개방 276건\n",
                               "applications/app-b/evidence/secret.txt": "다른 신청서"])
        defer { t.remove() }
        let store = try Store.open(at: t.path)
        let reader = EvidenceReader()
        #expect(reader.read(store, application: "app-a", file: "evidence/계획.md", page: nil, language: .ko) == .text("# 계획\n개방 276건\n"))
        for bad in ["../app-b/evidence/secret.txt", "/etc/passwd", "evidence/none.txt"] {
            guard case .failed(let why) = reader.read(store, application: "app-a", file: bad, page: nil, language: .en) else {
                Issue.record("\(bad) was read"); continue
            }
            #expect(why.hasPrefix("Cannot show \(bad)"), "\(why)")
        }
        // A link that leads out of the folder is refused like validate refuses it.
        try FileManager.default.createSymbolicLink(atPath: t.root.appendingPathComponent("applications/app-a/evidence/link.txt").path,
                                                   withDestinationPath: t.root.appendingPathComponent("applications/app-b/evidence/secret.txt").path)
        guard case .failed = reader.read(store, application: "app-a", file: "evidence/link.txt", page: nil, language: .en) else {
            Issue.record("a link out of the folder was followed"); return
        }
        let infos = reader.infos(store, application: "app-a", files: ["evidence/계획.md", "evidence/none.txt"])
        #expect(infos[0] == EvidenceInfo(file: "evidence/계획.md", size: Int64("# 계획\n개방 276건\n".utf8.count)))
        #expect(infos[1].problem == "evidence/none.txt does not exist")
    }

    @Test func tooLargeTextAndOtherFilesGetAMessage() throws {
        let t = try TempStore(["applications/app-a/evidence/big.txt": String(repeating: "가", count: 2000),
                               "applications/app-a/evidence/photo.jpg": "JPEG"])
        defer { t.remove() }
        let store = try Store.open(at: t.path)
        var reader = EvidenceReader()
        reader.maxTextBytes = 1000
        guard case .failed(let why) = reader.read(store, application: "app-a", file: "evidence/big.txt", page: nil, language: .en) else {
            Issue.record("a too large file was read"); return
        }
        #expect(why.contains("too large"))
        guard case .other(let type, let size, let open) = reader.read(store, application: "app-a", file: "evidence/photo.jpg", page: nil, language: .en) else {
            Issue.record("expected other"); return
        }
        #expect(type == "jpg" && size == 4 && open.hasPrefix("xdg-open '") && open.hasSuffix("applications/app-a/evidence/photo.jpg'"))
    }

    @Test func aPdfPageComesFromPdftotextWithItsArguments() throws {
        let t = try TempStore(["applications/app-a/evidence/plan.pdf": "%PDF-1.4 stand-in"])
        defer { t.remove() }
        let store = try Store.open(at: t.path)
        let bin = try fakePoppler(pdftotext: #"echo "args: $*"; echo "둘째 쪽 본문""#)
        defer { try? FileManager.default.removeItem(at: bin) }
        let reader = EvidenceReader(searchPath: [bin.path])
        guard case .pdfPage(let text, let page, let count) = reader.read(store, application: "app-a", file: "evidence/plan.pdf", page: 2, language: .ko) else {
            Issue.record("expected a page"); return
        }
        #expect(page == 2 && count == 4)
        #expect(text.contains("args: -layout -enc UTF-8 -f 2 -l 2 ") && text.contains("둘째 쪽 본문"), "\(text)")
        guard case .failed(let why) = reader.read(store, application: "app-a", file: "evidence/plan.pdf", page: 9, language: .en) else {
            Issue.record("page 9 of 4"); return
        }
        #expect(why.contains("4 page(s)"))
    }

    @Test func missingPopplerSlowOrFloodingPdftotextGiveMessagesNotHangs() throws {
        let t = try TempStore(["applications/app-a/evidence/plan.pdf": "%PDF-1.4 stand-in"])
        defer { t.remove() }
        let store = try Store.open(at: t.path)
        let none = EvidenceReader(searchPath: ["/nonexistent"])
        guard case .failed(let why) = none.read(store, application: "app-a", file: "evidence/plan.pdf", page: 1, language: .en) else {
            Issue.record("expected a message"); return
        }
        #expect(why.contains("poppler-utils"))

        let slow = try fakePoppler(pdftotext: "sleep 20")
        defer { try? FileManager.default.removeItem(at: slow) }
        var reader = EvidenceReader(searchPath: [slow.path])
        reader.timeout = 0.5
        let started = Date()
        guard case .failed(let late) = reader.read(store, application: "app-a", file: "evidence/plan.pdf", page: 1, language: .en) else {
            Issue.record("expected a timeout"); return
        }
        #expect(late.contains("was stopped") && Date().timeIntervalSince(started) < 5)

        // A program that closes its output and hangs is stopped at the deadline too.
        let quiet = try fakePoppler(pdftotext: "exec 1>&-; sleep 20")
        defer { try? FileManager.default.removeItem(at: quiet) }
        reader = EvidenceReader(searchPath: [quiet.path])
        reader.timeout = 0.5
        let quietStart = Date()
        guard case .failed(let hung) = reader.read(store, application: "app-a", file: "evidence/plan.pdf", page: 1, language: .en) else {
            Issue.record("expected a timeout"); return
        }
        #expect(hung.contains("was stopped") && Date().timeIntervalSince(quietStart) < 5)

        let flood = try fakePoppler(pdftotext: "yes 가나다라마바사")
        defer { try? FileManager.default.removeItem(at: flood) }
        reader = EvidenceReader(searchPath: [flood.path])
        reader.maxPageBytes = 100_000
        guard case .failed(let big) = reader.read(store, application: "app-a", file: "evidence/plan.pdf", page: 1, language: .en) else {
            Issue.record("expected too large"); return
        }
        #expect(big.contains("more than 100000 bytes"))
    }

    @Test func theViewerDrivenThroughTheRunnerScoresFromInside() throws {
        let t = try TempStore(["applications/app-a/evidence/a.txt": "증빙 값 7건\n둘째 줄"])
        defer { t.remove() }
        let store = try Store.open(at: t.path)
        let runner = EffectRunner(store: store, memberID: "park")
        runner.readsInBackground = false
        var state = runner.start(language: .ko, colors: false, width: 80, height: 24, reason: "test")
        for k: Key in [.enter, .char("o")] { runner.send(.key(k), to: &state) }
        guard case .scoring(let s) = state.screen, let v = s.viewer else { Issue.record("expected the viewer"); return }
        #expect(v.entries.count == 2 && v.document == nil, "two entries: the list first")
        #expect(v.infos["evidence/a.txt"]?.size == Int64("증빙 값 7건\n둘째 줄".utf8.count))
        for k: Key in [.enter, .char("a")] { runner.send(.key(k), to: &state) }
        let out = View.render(state).lines()
        #expect(out.contains { $0.contains("증빙 값 7건") }, "\(out.joined(separator: "\n"))")
        let sheet = try JSONDecoder().decode(ScoreSheet.self, from: Data(contentsOf: t.root.appendingPathComponent("scores/park/app-a.json")))
        #expect(sheet.phases[.written]?.entries["Q1"] == Entry(value: 7))
    }

    @Test func inTheBackgroundTheAnswerArrivesThroughDeliverReads() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try Store.open(at: t.path)
        let runner = EffectRunner(store: store, memberID: "park")
        var state = runner.start(language: .ko, colors: false, width: 80, height: 24, reason: "test")
        for k: Key in [.enter, .char("o"), .enter] { runner.send(.key(k), to: &state) }
        for _ in 0..<200 where runner.isReading {
            if runner.deliverReads(to: &state) { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        guard case .scoring(let s) = state.screen else { Issue.record("expected scoring"); return }
        #expect(s.viewer?.document?.content == .text("증빙"))
    }
}
