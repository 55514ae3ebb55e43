import CityCertCore
@testable import CityCertStore
import Crypto
import Foundation
import Testing
import TestSupport

/// Signed records (spec §2 *Signatures*), the committee `key`, store.yaml `signatures`, and the
/// private key file (issue 13 items 1 and 3).
@Suite struct SignatureTests {
    /// A temporary store whose members all have keys; their private keys in `keys/` (0600).
    struct SignedStore {
        let t: TempStore
        let keys: URL
        var keyOf: [String: SigningKey] = [:]

        init(members: [String] = ["kim", "lee", "park", "choi", "jung", "han"], required: Bool = false) throws {
            keys = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-keys-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
            for m in members { keyOf[m] = try KeyFile.create(keys.appendingPathComponent("\(m).ed25519").path) }
            var committee = TempStore.committee
            for (m, k) in keyOf {
                committee = committee.replacingOccurrences(of: "{id: \(m), ", with: "{id: \(m), key: \"\(k.committeeKey)\", ")
            }
            var store = "round: \"2025\"\ntitle: 시험\nstandards: standards/t.yaml\n"
            if required { store += "signatures: required\n" }
            t = try TempStore(["committee.yaml": committee, "store.yaml": store])
        }

        func open(as user: String = "tester") throws -> Store {
            let s = try Store.open(at: t.path)
            s.osUser = OSUser(name: user)
            s.keySource = .folder(keys.path)
            return s
        }

        func remove() {
            t.remove()
            try? FileManager.default.removeItem(at: keys)
        }
    }

    /// The records of `store` for two members' submitted sheets, a draft, and the chair's finalize.
    static func scoreRound(_ s: SignedStore) throws {
        let members = try s.open()
        for (n, m) in ["lee", "park", "choi", "jung"].enumerated() {
            try IntegrityFixture.scoreAndSubmit(members, member: m, application: "app-a", seed: n)
        }
        for (n, m) in ["park", "choi"].enumerated() {
            try IntegrityFixture.scoreAndSubmit(members, member: m, application: "app-a", phase: .site, seed: n + 3)
        }
        let chair = try s.open(as: "kminsu")
        try IntegrityFixture.scoreAndSubmit(chair, member: "kim", application: "app-a", seed: 7)
        try IntegrityFixture.scoreAndSubmit(chair, member: "kim", application: "app-a", phase: .site, seed: 8)
        try chair.finalize(application: "app-a", by: "kim", note: "합의")
    }

    @Test func everyRecordIsSignedByItsActorAndVerifies() throws {
        let s = try SignedStore()
        defer { s.remove() }
        try Self.scoreRound(s)
        let lines = try IntegrityFixture.logLines(s.t)
        let report = try s.open().verify()
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.signedRecords == lines.count && lines.count > 20)
        // The spec's rule, recomputed here: sig = Ed25519(actor's key, ASCII bytes of hash), base64.
        for line in lines {
            let json = try AuditJSON.parse(Array(line.utf8))
            let actor = try #require(json["actor"]?.stringValue), hash = try #require(json["hash"]?.stringValue)
            let sig = try #require(json["sig"]?.stringValue)
            let pub = try Curve25519.Signing.PublicKey(rawRepresentation: Data(base64Encoded: s.keyOf[actor]!.publicKeyBase64)!)
            #expect(pub.isValidSignature(Data(base64Encoded: sig)!, for: Data(hash.utf8)))
            #expect(line.hasSuffix(",\"hash\":\"\(hash)\",\"sig\":\"\(sig)\"}"))
        }
    }

    @Test func anUnsignedRecordInAMembersNameIsNamed() throws {
        let s = try SignedStore()
        defer { s.remove() }
        let store = try s.open()
        try store.setEntry(Entry(value: 3), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        // A dishonest member appends a correctly chained entry in lee's name (no key to sign with).
        try store.audit.append(.init(at: "2025-09-01T00:00:00Z", actor: "lee", action: .entry, application: "app-a", phase: "written",
                                     detail: SheetReplay.entryDetail(indicator: "Q1", Entry(value: 9)) + [("os_user", .string("tester"))]))
        let report = try s.open().verify()
        #expect(report.errors.contains { $0.line == 2 && $0.message.contains("not signed, but lee has a key") }, "\(report.errors)")
    }

    @Test func aRecordSignedWithAnotherKeyIsNamed() throws {
        let s = try SignedStore()
        defer { s.remove() }
        let store = try s.open()
        try store.setEntry(Entry(value: 3), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        // park signs a record in lee's name with his own key.
        let park = s.keyOf["park"]!
        try store.audit.append(.init(at: "2025-09-01T00:00:00Z", actor: "lee", action: .entry, application: "app-a", phase: "written",
                                     detail: SheetReplay.entryDetail(indicator: "Q1", Entry(value: 9)) + [("os_user", .string("tester"))]),
                               sign: { try Signatures.sign(hash: $0, with: park.privateKey) })
        let report = try s.open().verify()
        #expect(report.errors.contains { $0.line == 2 && $0.message.contains("sig is not lee's signature") }, "\(report.errors)")
    }

    @Test func signaturesRequiredNamesEveryRecordOfAMemberWithoutAKey() throws {
        let s = try SignedStore(members: ["kim", "park"], required: true)
        defer { s.remove() }
        let store = try s.open()
        try store.setEntry(Entry(value: 3), indicator: "Q1", member: "park", application: "app-a", phase: .written)
        try store.setEntry(Entry(value: 4), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        let report = try s.open().verify()
        #expect(report.signedRecords == 1)
        #expect(report.errors.map(\.line) == [2] && report.errors[0].message.contains("signatures: required, but lee has no key"), "\(report.errors)")
    }

    @Test func aMemberWithAKeyCannotActWithoutIt() throws {
        let s = try SignedStore()
        defer { s.remove() }
        let store = try s.open()
        store.keySource = .folder("/nonexistent")
        #expect(throws: StoreActionError.self) {
            try store.setEntry(Entry(value: 3), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
        }
        do {
            try store.checkCanSign("lee")
        } catch {
            #expect(error.message.contains("lee has a signing key in committee.yaml") && error.message.contains("no such file"))
            #expect(error.message(.ko).hasPrefix("lee은(는) committee.yaml에 서명 키가 있어 모든 기록에 서명해야 합니다: "), "\(error.message(.ko))")
        }
        let log = (try? IntegrityFixture.logLines(s.t)) ?? []
        #expect(log.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: s.t.root.appendingPathComponent("scores/lee/app-a.json").path))
    }

    @Test func aKeyFileOthersCanReadIsRefused() throws {
        let s = try SignedStore()
        defer { s.remove() }
        let path = s.keys.appendingPathComponent("lee.ed25519").path
        chmod(path, 0o640)
        let store = try s.open()
        do {
            try store.setEntry(Entry(value: 3), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
            Issue.record("a group-readable key was used")
        } catch {
            #expect(error.message.contains("accessible to others (mode 640)") && error.message.contains("chmod 600"), "\(error.message)")
        }
        #expect(throws: Signatures.KeyError.self) { try KeyFile.read(path) }
    }

    @Test func anotherMembersPrivateKeyIsRefused() throws {
        let s = try SignedStore()
        defer { s.remove() }
        let store = try s.open()
        store.keySource = .file(s.keys.appendingPathComponent("park.ed25519").path)
        do {
            try store.setEntry(Entry(value: 3), indicator: "Q1", member: "lee", application: "app-a", phase: .written)
            Issue.record("park's key signed for lee")
        } catch {
            #expect(error.message.contains("is not lee's key in committee.yaml"), "\(error.message)")
            #expect(error.message(.ko).hasPrefix("개인 키 ") && error.message(.ko).contains("committee.yaml에 있는 lee의 키가 아니므로 거부합니다"), "\(error.message(.ko))")
        }
    }

    @Test func aSheetWithoutHistoryIsNeverAdoptedWhereRecordsAreSigned() throws {
        let s = try SignedStore()
        defer { s.remove() }
        try s.t.write("scores/lee/app-a.json", TempStore.sheet(member: "lee", app: "app-a", written: ["Q1": "{\"value\": 40}"], writtenStatus: "draft"))
        let store = try s.open()
        do {
            try store.setEntry(Entry(level: 5), indicator: "L1", member: "lee", application: "app-a", phase: .written)
            Issue.record("adopted")
        } catch {
            #expect(error.message == "scores/lee/app-a.json has no history in the audit log: where records are signed, a sheet is only the record of its member's own changes, so it is not adopted (move it away, or see `citycert verify`)")
        }
        #expect(((try? IntegrityFixture.logLines(s.t)) ?? []).isEmpty)
    }

    @Test func keyInitMakesAnOwnerOnlyFileAndNeverOverwrites() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-keyinit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("keys/kim.ed25519").path
        let old = umask(0)
        defer { umask(old) }
        let key = try KeyFile.create(path)
        var st = stat()
        #expect(stat(path, &st) == 0 && st.st_mode & 0o777 == 0o600)
        #expect(stat(dir.appendingPathComponent("keys").path, &st) == 0 && st.st_mode & 0o777 == 0o700)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n") && Data(base64Encoded: String(text.dropLast()))?.count == 32)
        #expect(try KeyFile.read(path).publicKeyBase64 == key.publicKeyBase64)
        #expect(key.committeeKey.hasPrefix("ed25519:"))
        #expect(throws: Signatures.KeyError.self) { try KeyFile.create(path) }
        #expect(try KeyFile.read(path).publicKeyBase64 == key.publicKeyBase64)
    }

    @Test func theKeyFileIsWhereTheSpecSays() {
        #expect(KeyFile.defaultPath(member: "kim", environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/k"]) == "/x/cfg/citycert/keys/kim.ed25519")
        #expect(KeyFile.defaultPath(member: "kim", environment: ["HOME": "/home/k"]) == "/home/k/.config/citycert/keys/kim.ed25519")
        #expect(KeyFile.defaultPath(member: "kim", environment: ["HOME": "/home/k", "CITYCERT_KEY": "/k/own"]) == "/k/own")
    }

    // MARK: - committee.yaml key, store.yaml signatures

    @Test func theCommitteeKeyIsParsed() throws {
        let k = Curve25519.Signing.PrivateKey().publicKey.rawRepresentation.base64EncodedString()
        let t = try TempStore(["committee.yaml": TempStore.committee.replacingOccurrences(of: "{id: lee, ", with: "{id: lee, key: \"ed25519:\(k)\", ")])
        defer { t.remove() }
        let store = try Store.open(at: t.path)
        #expect(store.committee.member("lee")?.publicKey == k)
        #expect(store.committee.member("kim")?.publicKey == nil)
        #expect(!store.problems.contains { $0.message.contains("unknown key") }, "\(store.problems)")
    }

    @Test(arguments: ["ed25519:abc", "rsa:AAAA", "ed25519:" + Data(repeating: 1, count: 31).base64EncodedString()])
    func aBrokenCommitteeKeyMakesTheMemberListUnreadable(_ key: String) throws {
        let t = try TempStore(["committee.yaml": TempStore.committee.replacingOccurrences(of: "{id: lee, ", with: "{id: lee, key: \"\(key)\", ")])
        defer { t.remove() }
        do {
            _ = try Store.open(at: t.path)
            Issue.record("opened with key \(key)")
        } catch {
            #expect(error.problems.contains { $0.path == "committee.yaml" && $0.line == 3 && $0.message.contains("member lee: key") }, "\(error.problems)")
        }
    }

    @Test func storeYamlSignatures() throws {
        for (value, required) in [("optional", false), ("required", true)] {
            let t = try TempStore(["store.yaml": "round: \"2025\"\nstandards: standards/t.yaml\nsignatures: \(value)\n"])
            defer { t.remove() }
            #expect(try Store.open(at: t.path).signaturesRequired == required)
        }
        let t = try TempStore(["store.yaml": "round: \"2025\"\nstandards: standards/t.yaml\nsignatures: sometimes\n"])
        defer { t.remove() }
        do {
            _ = try Store.open(at: t.path)
            Issue.record("opened")
        } catch {
            #expect(error.problems.map(\.description).contains("store.yaml:3: signatures must be optional or required, found 'sometimes'"), "\(error.problems)")
        }
    }
}
