import Foundation
import Testing
import TestSupport

/// The command lines of issue 13: `key init|show`, signed `score`, `seal`, `verify --anchor` and
/// `--json`, trust on first use, and text from files stripped of control characters.
@Suite(.enabled(if: CitycertBinary.isAvailable, CitycertBinary.skipReason))
struct SigningCommandTests {
    /// A private config and state folder, as a member's own account would have.
    struct Home {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-home-\(UUID().uuidString)")
        var env: [String: String] {
            ["XDG_CONFIG_HOME": root.appendingPathComponent("config").path, "XDG_STATE_HOME": root.appendingPathComponent("state").path,
             "CITYCERT_KEY": "", "CITYCERT_NO_KNOWN_STORES": ""]
        }
        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func keyInitShowSignedScoreSealAndVerify() throws {
        let t = try TempStore()
        let home = Home()
        defer { t.remove(); home.remove() }
        let made = try CitycertBinary.run(["key", "init", "--as", "lee"], environment: home.env)
        #expect(made.status == 0, "\(made.err)")
        let keyPath = home.root.appendingPathComponent("config/citycert/keys/lee.ed25519").path
        var st = stat()
        #expect(stat(keyPath, &st) == 0 && st.st_mode & 0o777 == 0o600)
        let line = try #require(made.out.split(separator: "\n").first { $0.contains("key: ed25519:") }).trimmingCharacters(in: .whitespaces)
        #expect(try CitycertBinary.run(["key", "init", "--as", "lee"], environment: home.env).status == 1, "never overwritten")
        let shown = try CitycertBinary.run(["key", "show", "--as", "lee", "--store", t.path], environment: home.env)
        #expect(shown.status == 0 && shown.out.contains(line) && shown.out.contains("lee has no key yet"), "\(shown.out)")

        // The secretary adds the line to committee.yaml; lee's records are signed from then on.
        let committee = TempStore.committee.replacingOccurrences(of: "{id: lee, ", with: "{id: lee, \(line.replacingOccurrences(of: "key: ", with: "key: \"") + "\""), ")
        try t.write("committee.yaml", committee)
        #expect(try CitycertBinary.run(["key", "show", "--as", "lee", "--store", t.path], environment: home.env).out.contains("your records are signed"))
        let score = try CitycertBinary.run(["score", "--store", t.path, "--as", "lee", "--application", "app-a", "--phase", "written", "--set", "Q1=7"], environment: home.env)
        #expect(score.status == 0, "\(score.err)")
        // Without the key (another account), lee cannot act.
        let other = Home()
        defer { other.remove() }
        let refused = try CitycertBinary.run(["score", "--store", t.path, "--as", "lee", "--application", "app-a", "--phase", "written", "--set", "Q1=8"], environment: other.env)
        #expect(refused.status == 1 && refused.err.contains("lee has a signing key in committee.yaml"), "\(refused.err)")

        let sealed = try CitycertBinary.run(["seal", "--store", t.path, "--as", "han"], environment: home.env)
        #expect(sealed.status == 0 && sealed.out.hasPrefix("sealed: 7 authored file(s) recorded at audit.log:2 by han"), "\(sealed.out)\(sealed.err)")
        let verified = try CitycertBinary.run(["verify", "--store", t.path], environment: home.env)
        #expect(verified.status == 0 && verified.out == "verified: audit.log has 2 line(s), hash chain intact; 1 sheet(s) and 0 decision(s) agree with it; 1 signature(s) valid; authored files as sealed at audit.log:2\n", "\(verified.out)")

        // An application changed after the seal: named, exit 1; --json for tools.
        try t.write("applications/app-a/application.yaml", TempStore.application(id: "app-a", population: 900000, type: "large"))
        let failed = try CitycertBinary.run(["verify", "--store", t.path, "--json"], environment: home.env)
        #expect(failed.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(failed.out.utf8)) as? [String: Any])
        let errors = try #require(json["errors"] as? [[String: Any]])
        #expect(json["passed"] as? Bool == false && json["signed"] as? Int == 1 && json["sealed_at"] as? Int == 2)
        #expect(errors.count == 1 && errors[0]["path"] as? String == "applications/app-a/application.yaml"
                && (errors[0]["message"] as? String)?.hasPrefix("changed after the last seal") == true, "\(errors)")
    }

    @Test func anchorAndTrustOnFirstUse() throws {
        let t = try TempStore()
        let home = Home()
        defer { t.remove(); home.remove() }
        for v in ["3", "4", "5"] {
            try CitycertBinary.run(["score", "--store", t.path, "--as", "park", "--application", "app-a", "--phase", "written", "--set", "Q1=\(v)"])
        }
        let log = try String(contentsOf: t.root.appendingPathComponent("audit.log"), encoding: .utf8).split(separator: "\n").map(String.init)
        let head = try #require(log[2].range(of: #""hash":"[0-9a-f]{64}""#, options: .regularExpression).map { String(log[2][$0].dropFirst(8).dropLast()) })
        #expect(try CitycertBinary.run(["verify", "--store", t.path, "--anchor", head]).out.contains("the anchor is audit.log:3"))
        #expect(try CitycertBinary.run(["verify", "--store", t.path, "--anchor", "abc"]).status == 2)

        // home.env: trust on first use on, in the member's own state folder.
        let first = try CitycertBinary.run(["report", "--store", t.path, "--format", "json"], environment: home.env)
        #expect(first.status == 0 && !first.err.contains("WARNING"))
        // The log rolled back by one line, the sheet with it: the chain alone is intact.
        try (log.prefix(2).joined(separator: "\n") + "\n").write(to: t.root.appendingPathComponent("audit.log"), atomically: true, encoding: .utf8)
        let sheet = t.root.appendingPathComponent("scores/park/app-a.json")
        try String(contentsOf: sheet, encoding: .utf8).replacingOccurrences(of: "\"audit_seq\" : 3", with: "\"audit_seq\" : 2")
            .replacingOccurrences(of: "\"value\" : 5", with: "\"value\" : 4").write(to: sheet, atomically: true, encoding: .utf8)
        let rolled = try CitycertBinary.run(["verify", "--store", t.path, "--anchor", head])
        #expect(rolled.status == 1 && rolled.out.contains("the anchored head \(head) is not in the log"), "\(rolled.out)")
        let second = try CitycertBinary.run(["report", "--store", t.path, "--format", "json"], environment: home.env)
        #expect(second.err.hasPrefix("citycert: WARNING: the audit log of") && second.err.contains("rolled back or rewritten"), "\(second.err)")
    }

    @Test func notesWithTerminalEscapesArePrintedHarmless() throws {
        let t = try TempStore()
        defer { t.remove() }
        let evil = "ok\u{1B}[2J\u{1B}]0;pwned\u{07}\u{202E}done"
        let r = try CitycertBinary.run(["score", "--store", t.path, "--as", "park", "--application", "app-a", "--phase", "written", "--set", "Q1=3", "--note", "Q1=\(evil)"])
        #expect(r.status == 0, "\(r.err)")
        let history = try CitycertBinary.run(["history", "--store", t.path, "--application", "app-a"])
        #expect(history.status == 0 && history.out.contains("ok\u{FFFD}[2J\u{FFFD}]0;pwned\u{FFFD}\u{FFFD}done"), "\(history.out)")
        #expect(!history.out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        // validate names a value read from a file: harmless too.
        try t.write("committee.yaml", TempStore.committee.replacingOccurrences(of: "role: secretary", with: "role: \"\\e[2Jsecretary\""))
        let validate = try CitycertBinary.run(["validate", "--store", t.path])
        #expect(validate.status == 1 && (validate.out + validate.err).contains("role must be chair, member or secretary, found '\u{FFFD}[2Jsecretary'"), "\(validate.err)")
        #expect(!(validate.out + validate.err).unicodeScalars.contains { $0.value == 0x1B })
    }
}
