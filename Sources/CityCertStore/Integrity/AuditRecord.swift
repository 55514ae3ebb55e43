import CityCertCore
import Foundation

/// One line of `audit.log`, read and checked for shape (not yet for its place in the chain).
struct AuditRecord {
    /// 1-based line number in the file.
    var line: Int
    var seq: Int
    var at: String
    var actor: String
    var action: AuditAction
    var application: String
    var phase: Phase?
    var detail: AuditJSON
    var prev: String
    var hash: String
    /// The base64 Ed25519 signature of `hash` by the actor (spec §2 *Signatures*), if any.
    var sig: String? = nil

    /// Reads a line; the error says what is wrong with it.
    static func parse(_ bytes: ArraySlice<UInt8>, line: Int) -> Result<AuditRecord, AuditLineError> {
        func bad(_ m: String) -> Result<AuditRecord, AuditLineError> { .failure(AuditLineError(line: line, message: m)) }
        guard bytes.count <= AuditLog.maxLineBytes else { return bad("the line is longer than 1 MiB") }
        guard !bytes.isEmpty else { return bad("the line is empty") }
        let json: AuditJSON
        do {
            json = try AuditJSON.parse(bytes)
        } catch {
            return bad("not a JSON object: \(error.description)")
        }
        guard case .object = json else { return bad("not a JSON object") }
        guard let seq = json["seq"]?.intValue else { return bad("seq is missing or not a whole number") }
        guard let hash = json["hash"]?.stringValue else { return bad("hash is missing") }
        guard let prev = json["prev"]?.stringValue else { return bad("prev is missing") }
        guard let at = json["at"]?.stringValue else { return bad("at is missing") }
        guard let actor = json["actor"]?.stringValue else { return bad("actor is missing") }
        guard let action = json["action"]?.stringValue.map(AuditAction.init) else { return bad("action is missing") }
        let application: String
        switch json["application"] {
        case .string(let a)?: application = a
        case .null? where action.isStoreAction: application = ""
        default: return bad(action.isStoreAction ? "application must be null" : "application is missing")
        }
        var sig: String?
        switch json["sig"] {
        case nil: break
        case .string(let s)?: sig = s
        default: return bad("sig must be a string")
        }
        var phase: Phase?
        switch json["phase"] {
        case nil, .null?: phase = nil
        case .string(let p)?:
            guard let ph = Phase(rawValue: p) else { return bad("phase '\(p)' is not written or site") }
            phase = ph
        default: return bad("phase must be a string or null")
        }
        let detail = json["detail"] ?? .object([])
        guard case .object = detail else { return bad("detail must be an object") }
        return .success(AuditRecord(line: line, seq: seq, at: at, actor: actor, action: action, application: application,
                                    phase: phase, detail: detail, prev: prev, hash: hash, sig: sig))
    }

    /// Whether `hash` is the SHA-256 of the line without its `hash` key, keys sorted, compact.
    ///
    /// citycert writes the hash as the last key, so its own lines are checked on their bytes; a line
    /// written by another tool is re-serialized canonically (citycert's escaping, then Python's two
    /// usual ones) and accepted when one of them matches.
    static func hashMatches(_ bytes: ArraySlice<UInt8>, hash: String, sig: String? = nil) -> Bool {
        let suffix = Array(",\"hash\":\"\(hash)\"\(sig.map { ",\"sig\":\"\($0)\"" } ?? "")}".utf8)
        if bytes.count > suffix.count, bytes.suffix(suffix.count).elementsEqual(suffix) {
            var body = Array(bytes.dropLast(suffix.count))
            body.append(UInt8(ascii: "}"))
            if AuditLog.sha256Hex(body) == hash { return true }
        }
        guard let json = try? AuditJSON.parse(bytes), case .object(let pairs) = json else { return false }
        let without = AuditJSON.object(pairs.filter { $0.0 != "hash" && $0.0 != "sig" })
        return AuditJSON.Style.all.contains { AuditLog.sha256Hex(without.canonical($0)) == hash }
    }

    // MARK: - Detail fields

    func detailString(_ key: String) -> String? { detail[key]?.stringValue }

    /// `where` for messages: `audit.log:12`.
    var location: String { "audit.log:\(line)" }
}

/// What is wrong with one line of the log.
struct AuditLineError: Error, CustomStringConvertible {
    var line: Int
    var message: String
    var description: String { "audit.log:\(line): \(message)" }
}
