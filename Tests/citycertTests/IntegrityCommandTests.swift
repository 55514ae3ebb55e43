import Foundation
import Testing
import TestSupport

/// The command lines of issue 5: `score`, `sheet export|import`, `verify`, `history`, `finalize`,
/// `reopen` — their output and exit status (0 done, 1 refused, 2 wrong command line).
@Suite(.enabled(if: CitycertBinary.isAvailable, CitycertBinary.skipReason))
struct IntegrityCommandTests {
    @Test func scoreSavesPrintsAndRefuses() throws {
        let t = try TempStore()
        defer { t.remove() }
        let base = ["score", "--store", t.path, "--as", "lee", "--application", "app-a", "--phase", "written"]
        let ok = try CitycertBinary.run(base + ["--set", "Q1=12.5", "--note", "Q1=포털 확인", "--set", "L1=4", "--ask", "L1=명단?"])
        #expect(ok.status == 0, "\(ok.err)")
        // Each saved entry with the points it earns, so a slip shows at once.
        #expect(ok.out == "saved lee app-a written Q1: 12.5 (40.00 of 40.00 points) · note \"포털 확인\"\nsaved lee app-a written L1: level 4 (48.00 of 60.00 points) · ask \"명단?\"\n", "\(ok.out)")
        let note = try CitycertBinary.run(base + ["--note", "Q1=다시 확인"])
        #expect(note.out == "saved lee app-a written Q1: 12.5 (40.00 of 40.00 points) · note \"다시 확인\"\n", "a note alone keeps the value")

        // Refused by a rule: exit 1, the reason on standard error, and nothing saved: one command
        // is one change, all of it or none.
        let log = t.root.appendingPathComponent("audit.log")
        let logBefore = try Data(contentsOf: log)
        let refused = try CitycertBinary.run(base + ["--clear", "L1", "--submit"])
        #expect(refused.status == 1)
        #expect(refused.out == "")
        #expect(refused.err == "citycert: refused: cannot submit: 2 indicator(s) have no entry: L1, L2; nothing was saved\n", "\(refused.err)")
        #expect(try Data(contentsOf: log) == logBefore, "nothing logged")
        #expect(try CitycertBinary.entries(t, "scores/lee/app-a.json").1["L1"] != nil, "L1 is not cleared")
        // --clear removes the score and keeps the question, as the workstation's x; clearing and
        // setting one score in one command is refused as a contradiction; a full-width level reads.
        let cleared = try CitycertBinary.run(base + ["--clear", "L1"])
        #expect(cleared.out == "saved lee app-a written L1: (no score) · ask \"명단?\"\n", "\(cleared.out)")
        #expect(try CitycertBinary.run(base + ["--clear", "L1", "--set", "L1=3"]).status == 2)
        let wide = try CitycertBinary.run(base + ["--set", "L1=４"])
        #expect(wide.status == 0 && wide.out.hasPrefix("saved lee app-a written L1: level 4 (48.00 of 60.00 points)"), "\(wide.out) \(wide.err)")
        let draft = try CitycertBinary.run(base + ["--reopen"])
        #expect(draft.status == 0 && draft.out == "lee app-a written was already a draft\n", "\(draft.out)")
        let conflict = try CitycertBinary.run(["score", "--store", t.path, "--as", "lee", "--application", "app-b", "--phase", "written", "--set", "Q1=3"])
        #expect(conflict.status == 1 && conflict.err == "citycert: refused: 이서연 has a conflict of interest on app-b and cannot score it\n", "\(conflict.err)")
        let level = try CitycertBinary.run(base + ["--set", "L1=9"])
        #expect(level.status == 1 && level.err.contains("L1 has no level 9"))
        // In the language of the member's screen (LANG), refusals included.
        let korean = try CitycertBinary.run(base + ["--set", "L1=9"], language: "ko_KR.UTF-8")
        #expect(korean.status == 1 && korean.err == "citycert: 거부됨: L1에는 9 수준이 없습니다 (수준: 5, 4, 3, 2, 1)\n", "\(korean.err)")
        let koreanConflict = try CitycertBinary.run(["score", "--store", t.path, "--as", "lee", "--application", "app-b", "--phase", "written", "--set", "Q1=3"],
                                                    language: "ko_KR.UTF-8")
        #expect(koreanConflict.err == "citycert: 거부됨: 이서연은(는) app-b에 이해충돌이 있어 평가할 수 없습니다\n", "\(koreanConflict.err)")

        // A wrong command line: exit 2.
        for args in [["--set", "Q1"], ["--set", "Q1=abc"], ["--set", "L1=four"], ["--set", "ZZ=1"], ["--set", "Q1=1e30"], []] {
            let r = try CitycertBinary.run(base + args)
            #expect(r.status == 2, "\(args): \(r.status) \(r.err)")
        }
        #expect(try CitycertBinary.run(["score", "--store", t.path, "--as", "nobody", "--application", "app-a", "--phase", "written", "--set", "Q1=1"]).status == 2)
        #expect(try CitycertBinary.run(["score", "--store", t.path, "--as", "lee", "--application", "../app-a", "--phase", "written", "--set", "Q1=1"]).status == 2)
        #expect(try CitycertBinary.run(base.dropLast(2) + ["--phase", "oral", "--set", "Q1=1"]).status == 2)
    }

    /// Spec §2 `range` and the comma rule from the command line: `--set Q1=-3` on a count is refused
    /// (exit 1, naming the range) and `0,5` is never read as 5; nothing changes.
    @Test func scoreRefusesValuesOutsideTheRangeAndDecimalCommas() throws {
        let t = try TempStore(["standards/t.yaml": TempStore.standards(q1Range: "{min: 0}")])
        defer { t.remove() }
        let base = ["score", "--store", t.path, "--as", "lee", "--application", "app-a", "--phase", "written"]
        let negative = try CitycertBinary.run(base + ["--set", "Q1=-3"])
        #expect(negative.status == 1 && negative.err == "citycert: refused: Q1: -3 is outside the range of this indicator (≥ 0)\n", "\(negative.err)")
        let comma = try CitycertBinary.run(base + ["--set", "Q1=0,5"])
        #expect(comma.status == 2 && comma.err.contains("a comma is read only as a thousands separator"), "\(comma.err)")
        #expect(!FileManager.default.fileExists(atPath: t.path + "/scores/lee/app-a.json"), "nothing was saved")
        // 1,234 against the applicant's 7 is a likely slip: refused, then accepted when meant.
        let far = try CitycertBinary.run(base + ["--set", "Q1=1,234"])
        #expect(far.status == 1 && far.err.contains("Q1: 1234 is more than ten times away from the value the applicant submitted (7)"), "\(far.err)")
        let grouped = try CitycertBinary.run(base + ["--set", "Q1=1,234", "--accept-far"])
        #expect(grouped.status == 0 && grouped.out.hasPrefix("saved lee app-a written Q1: 1234"), "\(grouped.out)")
    }

    @Test func theSheetFormRoundTrips() throws {
        let t = try TempStore()
        defer { t.remove() }
        try CitycertBinary.run(["score", "--store", t.path, "--as", "park", "--application", "app-b", "--phase", "written", "--set", "Q1=6"])
        let export = try CitycertBinary.run(["sheet", "export", "--store", t.path, "--as", "park", "--application", "app-b"])
        #expect(export.status == 0 && export.out.contains("Q1: 6\n") && export.out.contains("\nL1: \n"))
        let form = t.root.appendingPathComponent("form.txt")
        try export.out.replacingOccurrences(of: "\nL1: \n", with: "\nL1: 3\n").write(to: form, atomically: true, encoding: .utf8)
        let imported = try CitycertBinary.run(["sheet", "import", "--store", t.path, "--as", "park", "--file", form.path, "--submit"])
        #expect(imported.status == 0, "\(imported.err)")
        #expect(imported.out == "imported park app-b written: 1 change(s): L1; submitted\n")
        // The same form twice is no change; a form whose phase changed since is stale, refused whole.
        let twice = try CitycertBinary.run(["sheet", "import", "--store", t.path, "--as", "park", "--file", form.path])
        #expect(twice.status == 0 && twice.out == "imported park app-b written: no change\n", "\(twice.err)")
        try export.out.replacingOccurrences(of: "\nL1: \n", with: "\nL1: 1\n").write(to: form, atomically: true, encoding: .utf8)
        let stale = try CitycertBinary.run(["sheet", "import", "--store", t.path, "--as", "park", "--file", form.path, "--reopen"])
        #expect(stale.status == 1 && stale.err.contains("is stale"), "\(stale.err)")
        // A form saved by a Windows editor (CR LF, a byte-order mark) reads the same; --reopen opens the
        // submitted phase in the same change.
        let fresh = try CitycertBinary.run(["sheet", "export", "--store", t.path, "--as", "park", "--application", "app-b"]).out
        let windows = "\u{FEFF}" + fresh.replacingOccurrences(of: "\nL1: 3\n", with: "\nL1: ５\n").replacingOccurrences(of: "\n", with: "\r\n")
        try windows.write(to: form, atomically: true, encoding: .utf8)
        let crlf = try CitycertBinary.run(["sheet", "import", "--store", t.path, "--as", "park", "--file", form.path, "--reopen"])
        #expect(crlf.status == 0 && crlf.out == "imported park app-b written: reopened; 1 change(s): L1\n", "\(crlf.err)")
        let fromStdin = try CitycertBinary.run(["sheet", "import", "--store", t.path, "--as", "park", "--file", "-"], stdin: "citycert-sheet: 1\n")
        #expect(fromStdin.status == 1 && fromStdin.err.contains("<stdin>: the header line 'application:' is missing"))
        #expect(try CitycertBinary.run(["sheet", "export", "--store", t.path, "--as", "lee", "--application", "app-b"]).status == 1, "a conflict")
        #expect(try CitycertBinary.run(["sheet", "export", "--store", t.path, "--as", "park", "--application", "app-z"]).status == 2)
    }

    @Test func verifyHistoryFinalizeAndReopen() throws {
        let t = try TempStore()
        defer { t.remove() }
        let empty = try CitycertBinary.run(["verify", "--store", t.path])
        #expect(empty.status == 0 && empty.out == "verified: audit.log has 0 line(s), hash chain intact; 0 sheet(s) and 0 decision(s) agree with it\n")
        for (m, member) in ["kim", "lee", "park", "choi", "jung"].enumerated() {
            let r = try CitycertBinary.run(["score", "--store", t.path, "--as", member, "--application", "app-a", "--phase", "written",
                                            "--set", "Q1=\(5 + m)", "--set", "L1=4", "--set", "L2=5", "--submit"])
            #expect(r.status == 0, "\(r.err)")
        }
        for member in ["kim", "park", "choi"] {
            try CitycertBinary.run(["score", "--store", t.path, "--as", member, "--application", "app-a", "--phase", "site",
                                    "--set", "Q1=10", "--set", "L1=5", "--set", "L2=5", "--submit"])
        }
        #expect(try CitycertBinary.run(["finalize", "--store", t.path, "--as", "park", "--application", "app-a"]).status == 1)
        let final = try CitycertBinary.run(["finalize", "--store", t.path, "--as", "kim", "--application", "app-a", "--note", "합의"])
        #expect(final.status == 0 && final.out.hasPrefix("app-a: final · "), "\(final.err)")
        #expect(try CitycertBinary.run(["score", "--store", t.path, "--as", "lee", "--application", "app-a", "--phase", "written", "--reopen"]).status == 1)
        let verify = try CitycertBinary.run(["verify", "--store", t.path])
        #expect(verify.status == 0 && verify.out == "verified: audit.log has 9 line(s), hash chain intact; 5 sheet(s) and 1 decision(s) agree with it\n", "\(verify.out)")

        let nobody = try CitycertBinary.run(["history", "--store", t.path, "--application", "app-a", "--member", "nobody"])
        #expect(nobody.status == 2 && nobody.err.contains("'nobody' is not a member of the committee"), "\(nobody.err)")
        let history = try CitycertBinary.run(["history", "--store", t.path, "--application", "app-a", "--member", "lee"])
        let lines = history.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "\(history.out)")
        // One command, one record (a sheet-batch): its entries and its submission, each on a line.
        #expect(lines[0].hasPrefix("audit.log:2") && lines[0].contains("lee    written sheet-batch  Q1       — → 6"), "\(lines[0])")
        #expect(lines[1...3].allSatisfy { $0.hasPrefix("audit.log:2 ") })
        #expect(lines[3].contains("sheet-batch") && lines[3].hasSuffix("submitted (3 entries)"))
        #expect(lines[4].contains("kim") && lines[4].contains("finalize") && lines[4].contains("note \"합의\""))

        let reopen = try CitycertBinary.run(["reopen", "--store", t.path, "--as", "kim", "--application", "app-a", "--reason", "이의 신청"])
        #expect(reopen.status == 0 && reopen.out == "app-a: reopened\n")
        #expect(try CitycertBinary.run(["reopen", "--store", t.path, "--as", "kim", "--application", "app-a"]).status == 1, "not final")

        // Tampering: exit 1, the line named.
        let log = t.root.appendingPathComponent("audit.log")
        var text = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        text.swapAt(6, 7)
        try (text.joined(separator: "\n") + "\n").write(to: log, atomically: true, encoding: .utf8)
        let tampered = try CitycertBinary.run(["verify", "--store", t.path])
        #expect(tampered.status == 1)
        #expect(tampered.out.hasPrefix("audit.log:7: seq is 8, expected 7: a line was removed, added or moved\n"), "\(tampered.out)")
        #expect(tampered.out.hasSuffix("FAILED: 1 problem(s)\n") || tampered.out.contains("FAILED:"))
    }
}
