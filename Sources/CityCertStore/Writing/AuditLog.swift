import CityCertCore
import Crypto
import Foundation

/// The append-only, hash-chained audit log (spec §2, `audit.log`).
///
/// Each line is the compact JSON of a record with keys sorted; `hash` is the lowercase hex SHA-256
/// of that JSON without the `hash` key, and `prev` is the previous line's hash ("" for the first).
struct AuditLog {
    let url: URL
    let lockURL: URL

    /// One record before it is chained.
    struct Record {
        var at: String
        var actor: String
        var action: String
        var application: String
        var phase: String?
        var detail: [(String, JSONValue)]
    }

    /// Appends a record, chaining it to the last line. Must be called with no other writer appending.
    func append(_ record: Record) throws {
        try FileLock.withLock(lockURL) {
            let (lastSeq, lastHash) = try tail()
            let fields: [(String, JSONValue)] = [
                ("seq", .int(lastSeq + 1)), ("at", .string(record.at)), ("actor", .string(record.actor)),
                ("action", .string(record.action)), ("application", .string(record.application)),
                ("phase", record.phase.map(JSONValue.string) ?? .null),
                ("detail", .object(record.detail)), ("prev", .string(lastHash)),
            ]
            let body = JSONValue.object(fields).sortingKeys().serialized(pretty: false)
            let hash = AuditLog.sha256Hex(body)
            let line = String(body.dropLast()) + ",\"hash\":\"\(hash)\"}\n"
            try appendLine(line)
        }
    }

    static func sha256Hex(_ s: String) -> String {
        SHA256.hash(data: Data(s.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The seq and hash of the last line (0 and "" for an empty or missing log).
    private func tail() throws -> (Int, String) {
        guard let data = FileManager.default.contents(atPath: url.path), !data.isEmpty else { return (0, "") }
        let lines = data.split(separator: 0x0A)
        guard let last = lines.last,
              let obj = try? JSONSerialization.jsonObject(with: Data(last)) as? [String: Any],
              let seq = (obj["seq"] as? NSNumber)?.intValue, let hash = obj["hash"] as? String else {
            throw AtomicFile.WriteError(path: url.path, reason: "the last line of the audit log is damaged; run `citycert verify`")
        }
        return (seq, hash)
    }

    private func appendLine(_ line: String) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o664)
        guard fd >= 0 else { throw AtomicFile.WriteError(path: url.path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let bytes = Array(line.utf8)
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard n == bytes.count, fsync(fd) == 0 else {
            throw AtomicFile.WriteError(path: url.path, reason: "short write to the audit log")
        }
    }
}

