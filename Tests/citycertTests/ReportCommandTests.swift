import Foundation
import Testing
import TestSupport

/// `citycert report --format pdf|xlsx|csv` as the secretary runs it: files written, the browser
/// found or a clear message naming the package, a time limit, the CSV's byte order mark.
@Suite struct ReportCommandTests {
    struct Run { var status: Int32; var out: Data; var err: String }

    /// citycert with the test's own language, without a browser named by CITYCERT_CHROMIUM.
    func run(_ args: [String], environment: [String: String] = [:]) throws -> Run {
        _ = try #require(CommandLineTests.binary, "build citycert first (swift build) or set CITYCERT_BIN")
        let r = try CitycertBinary.run(args, language: ProcessInfo.processInfo.environment["LANG"], environment: environment,
                                       removing: ["CITYCERT_CHROMIUM"])
        return Run(status: r.status, out: r.outData, err: r.err)
    }

    /// A folder for a fake browser and the files written.
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-report-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func script(_ dir: URL, _ name: String, _ body: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try ("#!/bin/sh\n" + body).write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    @Test func withoutABrowserTheMessageNamesThePackage() throws {
        let t = try TempStore()
        defer { t.remove() }
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r.pdf").path
        let none = try run(["report", "--store", t.path, "--format", "pdf", "--out", out], environment: ["PATH": dir.path])
        #expect(none.status == 1)
        #expect(none.err.contains("install the Debian package chromium (apt-get install chromium)"), "\(none.err)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let wrong = try run(["report", "--store", t.path, "--format", "pdf", "--out", out], environment: ["CITYCERT_CHROMIUM": "/nonexistent/chrome"])
        #expect(wrong.status == 1 && wrong.err.contains("CITYCERT_CHROMIUM names /nonexistent/chrome"))
    }

    @Test func theBrowserPrintsHeadlessWithoutItsHeaderAndFooter() throws {
        let t = try TempStore()
        defer { t.remove() }
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A stand-in browser: records its arguments, copies the HTML it was given, writes a "PDF".
        let fake = try script(dir, "chromium", """
            echo "$@" > "\(dir.path)/args"
            for a in "$@"; do
              case "$a" in
                --print-to-pdf=*) out="${a#--print-to-pdf=}" ;;
                file://*) cp "${a#file://}" "\(dir.path)/printed.html" ;;
              esac
            done
            printf '%%PDF-1.4 fake' > "$out"
            """)
        let out = dir.appendingPathComponent("r.pdf").path
        let r = try run(["report", "--store", t.path, "--format", "pdf", "--out", out, "--issued", "2025-11-30"],
                        environment: ["PATH": dir.path + ":/usr/bin:/bin", "CITYCERT_CHROMIUM": fake])
        #expect(r.status == 0, "\(r.err)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "%PDF-1.4 fake")
        let args = try String(contentsOfFile: dir.appendingPathComponent("args").path, encoding: .utf8)
        for a in ["--headless", "--no-pdf-header-footer", "--no-sandbox", "--print-to-pdf="] { #expect(args.contains(a), "\(a)") }
        let html = try String(contentsOfFile: dir.appendingPathComponent("printed.html").path, encoding: .utf8)
        #expect(html.contains("발행일 2025. 11. 30.") && html.contains("counter(pages)"))
    }

    @Test func aBrowserThatHangsIsStoppedAtTheTimeLimit() throws {
        let t = try TempStore()
        defer { t.remove() }
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let slow = try script(dir, "slow-chromium", "exec sleep 30\n")
        let started = Date()
        let r = try run(["report", "--store", t.path, "--format", "pdf", "--out", dir.appendingPathComponent("r.pdf").path, "--timeout", "1"],
                        environment: ["CITYCERT_CHROMIUM": slow])
        #expect(r.status == 1)
        #expect(r.err.contains("did not finish printing within 1 s"), "\(r.err)")
        #expect(Date().timeIntervalSince(started) < 15)
    }

    @Test func csvHasAByteOrderMarkInKoreanUnlessToldNot() throws {
        let t = try TempStore()
        defer { t.remove() }
        let ko = try run(["report", "--store", t.path, "--format", "csv"])
        #expect(ko.status == 0)
        #expect(Array(ko.out.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: ko.out.dropFirst(3), as: UTF8.self).hasPrefix("회차,신청 ID,지자체,"))
        let noBOM = try run(["report", "--store", t.path, "--format", "csv", "--no-bom"])
        #expect(String(decoding: noBOM.out, as: UTF8.self).hasPrefix("회차,"))
        let en = try run(["report", "--store", t.path, "--format", "csv", "--lang", "en"])
        #expect(String(decoding: en.out, as: UTF8.self).hasPrefix("round,application,"))
        let enBOM = try run(["report", "--store", t.path, "--format", "csv", "--lang", "en", "--bom"])
        #expect(Array(enBOM.out.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func xlsxIsWrittenToTheFileNamed() throws {
        let t = try TempStore()
        defer { t.remove() }
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r.xlsx").path
        let r = try run(["report", "--store", t.path, "--format", "xlsx", "--out", out, "--annex", "members"])
        #expect(r.status == 0, "\(r.err)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(Array(bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04], "a zip archive")
        #expect(try run(["report", "--store", t.path, "--format", "xlsx"]).status == 2, "--out is needed")
        #expect(try run(["report", "--store", t.path, "--format", "html", "--issued", "2025-13-01"]).status == 2)
    }
}
