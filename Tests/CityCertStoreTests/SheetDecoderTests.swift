import CityCertCore
@testable import CityCertStore
import Foundation
import Testing

/// The sheet reader's fast path builds exactly what its fallback, `JSONDecoder`, builds (the sheet and
/// `audit_seq`), and gives way to it on anything unusual.
@Suite struct SheetDecoderTests {
    func foundation(_ json: String) -> Result<ScoreSheet, Error> {
        Result { try JSONDecoder().decode(ScoreSheet.self, from: Data(json.utf8)) }
    }

    func fast(_ json: String) -> ScoreSheet? { SheetLoader.fastPath(Data(json.utf8))?.sheet }

    func sheet(_ entries: String, extra: String = "", phaseExtra: String = "") -> String {
        """
        {"format": 1, "application": "app-a", "member": "kim"\(extra),
         "phases": {"written": {"status": "draft", "updated_at": "2025-09-01T10:00:00Z", "submitted_at": null\(phaseExtra),
                                "entries": {\(entries)}}}}
        """
    }

    @Test func agreesWithFoundationOnWellFormedSheets() throws {
        let cases = [
            sheet(#""Q1": {"value": 12.5, "note": ""}, "L1": {"level": 4, "note": "확인함"}"#),
            sheet(#""Q1": {"value": 1.50, "note": null, "clarification": "근거는?"}"#),
            sheet(#""Q1": {"value": -0.25}, "Q2": {"value": 0}, "Q3": {"value": 100}, "Q4": {"value": 123456789.123456}"#),
            sheet(#""Q1": {"value": null, "level": null, "note": "질문만", "clarification": ""}"#),
            sheet(#""L1": {"level": 5, "note": "줄\n바꿈 \"따옴표\" \\ \/ \t \u00e9 \ud83d\ude00 \uD55C"}"#),
            sheet(#""L1": {"level": 3, "extra": {"deep": [1, 2.5, true, false, null, "x", {"a": []}]}}"#,
                  extra: #", "unknown": [1, {"b": null}]"#, phaseExtra: #", "other": -1"#),
            sheet(""),
            #"{"format": 2, "application": "a", "member": "m"}"#,
            #"{"format": 1, "application": "a", "member": "m", "phases": null}"#,
            #"{"format": 1, "application": "a", "member": "m", "phases": {"site": {"status": "submitted", "entries": null}}}"#,
            " \n\t{ \"member\" : \"m\" , \"format\":1,\"application\":\"a\",\"phases\":{ } } \n",
        ]
        for json in cases {
            let expected = try foundation(json).get()
            let got = try #require(fast(json), "the fast reader gave up on \(json)")
            #expect(got == expected, "\(json)")
            for phase in Phase.allCases {
                for (id, e) in expected.phases[phase]?.entries ?? [:] {
                    #expect(got.phases[phase]?.entries[id]?.value.map { "\($0)" } == e.value.map { "\($0)" })
                }
            }
        }
    }

    @Test func decimalsAreReadAsFoundationReadsThem() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            let whole = rng.below(1_000_000)
            let digits = rng.below(7)
            var frac = ""
            for _ in 0..<digits { frac += String(rng.below(10)) }
            let text = (rng.chance(20) ? "-" : "") + String(whole) + (frac.isEmpty ? "" : "." + frac)
            let json = sheet(#""Q1": {"value": \#(text)}"#)
            let expected = try foundation(json).get().phases[.written]?.entries["Q1"]?.value
            let got = fast(json)?.phases[.written]?.entries["Q1"]?.value
            #expect(got == expected, "\(text)")
            #expect(got.map { "\($0)" } == expected.map { "\($0)" }, "\(text)")
        }
    }

    @Test func givesWayOnAnythingUnusual() {
        let cases = [
            sheet(#""Q1": {"value": 1e2}"#),                                     // exponent
            sheet(#""Q1": {"value": 1}, "Q1": {"value": 2}"#),                  // duplicate entry
            sheet(#""Q1": {"value": 1, "value": 2}"#),                          // duplicate key
            sheet(#""Q1": {"value": "1"}"#),                                    // wrong kind
            sheet(#""Q1": {"level": 4.0}"#),
            sheet(#""Q1": {"value": 01}"#),
            sheet(#""Q1": {"note": "\x"}"#),
            sheet(#""Q1": {"note": "\ud83d"}"#),
            sheet(#""Q1": {"value": 1},"#),
            sheet("").replacingOccurrences(of: "\"draft\"", with: "\"done\""),
            sheet("").replacingOccurrences(of: "\"written\"", with: "\"oral\""),
            #"{"format": 1, "application": "a"}"#,
            #"{"format": 1, "application": "a", "member": "m"} x"#,
            #"{"format": 1, "application": "a", "member": "m", "format": 1}"#,
            "\u{FEFF}{\"format\": 1, \"application\": \"a\", \"member\": \"m\"}",
            #"{"format": 1, "application": "a", "member": "m", "x": "# + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "}",
            "[]", "", "{",
        ]
        for json in cases {
            #expect(fast(json) == nil, "\(json)")
            // What the store then reads is whatever Foundation makes of it.
            let viaDecoder = Result { try SheetLoader.decode(Data(json.utf8)).sheet }
            if (try? DuplicateKeys.check(Data(json.utf8))) == nil {
                // A key given twice is an error (issue 13), where Foundation would keep one of them.
                guard case .failure(let e) = viaDecoder else { Issue.record("a duplicate key was read: \(json)"); continue }
                #expect("\(e)".contains("appears twice"), "\(e)")
                continue
            }
            switch (viaDecoder, foundation(json)) {
            case (.success(let a), .success(let b)): #expect(a == b)
            case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)")
            default: Issue.record("SheetLoader.decode and JSONDecoder disagree on \(json)")
            }
        }
        var bad = Data(sheet(#""L1": {"note": "X"}"#).utf8)
        bad[bad.firstIndex(of: UInt8(ascii: "X"))!] = 0xFF
        #expect(SheetLoader.fastPath(bad) == nil)
    }

    @Test func readsEverySheetOfAGeneratedStoreAsFoundationDoes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-sheets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try StoreGenerator.generate(at: dir.path, options: .init(applications: 12, members: 9, seed: 3))
        let scores = dir.appendingPathComponent("scores")
        var count = 0
        for member in try FileManager.default.contentsOfDirectory(atPath: scores.path) {
            for file in try FileManager.default.contentsOfDirectory(atPath: scores.appendingPathComponent(member).path) {
                let data = try Data(contentsOf: scores.appendingPathComponent(member).appendingPathComponent(file))
                let expected = try JSONDecoder().decode(ScoreSheet.self, from: data)
                #expect(SheetLoader.fastPath(data)?.sheet == expected, "\(member)/\(file)")
                count += 1
            }
        }
        #expect(count > 50)
    }


    /// With `text: .checked` (the JSON report, the chair's overview) a note or question is checked,
    /// not built: the reader accepts exactly the sheets it accepts when keeping them, and builds the
    /// same sheet without notes and questions. Checked on strings of every kind — valid and broken
    /// UTF-8 of one to four bytes (overlong forms, surrogates, past U+10FFFF, cut short), escapes
    /// good and bad, controls, long runs of ASCII and of Hangul — and on random mutations of them.
    @Test func checkedNotesAreAcceptedExactlyWhenKeptOnesAre() throws {
        let pieces: [[UInt8]] = [
            Array("확인함. ".utf8), Array("근거 자료 검토 필요".utf8), Array("plain ascii text, long enough for a word ".utf8),
            Array("é".utf8), Array("€".utf8), Array("😀".utf8), Array("퀀힣".utf8), Array("\\n".utf8), Array("\\\"".utf8),
            Array("\\u00e9".utf8), Array("\\ud83d\\ude00".utf8), Array("\\uD55C".utf8), Array("\\/".utf8),
            [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0xE1, 0x80], [0xEA, 0xB0], [0xED, 0x9F, 0xBF], [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0x80], [0xFF],
            [0x01], [0x1F], Array("\\x".utf8), Array("\\ud83d".utf8), Array("\\udc00".utf8), Array("\\u12".utf8),
        ]
        var rng = SplitMix64(seed: 11)
        var accepted = 0, refused = 0
        for round in 0..<3000 {
            var note: [UInt8] = []
            for _ in 0..<(1 + rng.below(6)) { note += pieces[rng.below(pieces.count)] }
            if round % 3 == 0, !note.isEmpty { note[rng.below(note.count)] = UInt8(truncatingIfNeeded: rng.below(256)) }
            var data = Data(sheet(#""L1": {"level": 3, "note": "NOTE", "clarification": "Q?"}, "Q1": {"value": 2}"#).utf8)
            let at = data.range(of: Data("NOTE".utf8))!
            data.replaceSubrange(at, with: note)
            let kept = SheetLoader.fastPath(data, text: .kept)
            let checked = SheetLoader.fastPath(data, text: .checked)
            #expect((kept == nil) == (checked == nil), "\(note)")
            if var k = kept?.sheet, let c = checked?.sheet {
                accepted += 1
                for (phase, ps) in k.phases {
                    for id in ps.entries.keys {
                        k.phases[phase]?.entries[id]?.note = nil
                        k.phases[phase]?.entries[id]?.clarification = nil
                    }
                }
                #expect(k == c)
                #expect(c.phases[.written]?.entries["L1"]?.level == 3)
            } else {
                refused += 1
            }
        }
        // Both kinds were met many times.
        #expect(accepted > 300 && refused > 300, "accepted \(accepted), refused \(refused)")
    }

    /// citycert's own files carry `audit_seq`: the fast path reads it as the fallback does, or gives way.
    @Test func readsTheAuditMarkerAsTheFallback() throws {
        let base = sheet(#""L1": {"level": 4}"#)
        let markers = ["", #", "audit_seq": 12"#, #", "audit_seq": null"#, #", "audit_seq": -3"#, #", "audit_seq": "12""#,
                       #", "audit_seq": 12.5"#, #", "audit_seq": 1e2"#, #", "audit_seq": 1, "audit_seq": 2"#,
                       #", "audit_seq": 123456789012345678901"#, #", "audit_seq": {"seq": 1}"#]
        for (n, m) in markers.enumerated() {
            let json = base.replacingOccurrences(of: #""member": "kim""#, with: #""member": "kim""# + m)
            let data = Data(json.utf8)
            let general = Result { try SheetLoader.generalPath(data) }
            guard let f = SheetLoader.fastPath(data) else {
                #expect(n >= 4, "the fast path gave up on a plain marker: \(json)")
                continue
            }
            guard case .success(let g) = general else { Issue.record("the fast path read what the fallback refuses: \(json)"); continue }
            #expect(f.sheet == g.sheet && f.auditSeq == g.auditSeq, "\(json)")
        }
        // What citycert writes is read on the fast path, marker included.
        let written = try StoredSheet.encode(try SheetLoader.decode(Data(base.utf8)).sheet, auditSeq: 42)
        #expect(SheetLoader.fastPath(written)?.auditSeq == 42)
        #expect(try SheetLoader.generalPath(written).auditSeq == 42)
    }
}
