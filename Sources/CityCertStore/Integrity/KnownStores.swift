import CityCertCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Trust on first use, as ssh's known_hosts (issue 13 item 4): each member's citycert remembers,
/// per store, the last head of the audit log it saw and the committee's keys; when the log no
/// longer contains that head (rolled back or rewritten), or the keys changed without a seal since,
/// it says so before anything else. The file is the user's own:
/// `$XDG_STATE_HOME/citycert/known-stores.json` (`~/.local/state/...` when unset), mode 0600.
public struct KnownStores {
    /// What was seen of one store.
    struct Seen: Codable, Equatable {
        var seq: Int
        var head: String
        /// Where that line starts in the log (bytes): only it, and what follows, is read next time.
        var offset: Int?
        var keys: [String: String]
        var at: String
    }

    public let path: String

    public init(path: String) { self.path = path }

    /// `$XDG_STATE_HOME/citycert/known-stores.json`; nil when `CITYCERT_NO_KNOWN_STORES` is set.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> KnownStores? {
        if let off = environment["CITYCERT_NO_KNOWN_STORES"], !off.isEmpty { return nil }
        let state: String
        if let x = environment["XDG_STATE_HOME"], x.hasPrefix("/") {
            state = x
        } else {
            state = "\(KeyFile.homeDirectory(environment: environment))/.local/state"
        }
        return KnownStores(path: "\(state)/citycert/known-stores.json")
    }

    func load() -> [String: Seen] {
        guard let data = FileManager.default.contents(atPath: path),
              let all = try? JSONDecoder().decode([String: Seen].self, from: data) else { return [:] }
        return all
    }

    func save(_ all: [String: Seen]) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard let data = try? JSONEncoder.store.encode(all) else { return }
        let temp = dir.appendingPathComponent(".known-stores.\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temp.path, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
        if rename(temp.path, url.path) != 0 { unlink(temp.path) }
    }
}

extension Store {
    /// Compares the store with what this user's citycert saw of it last time, then remembers what
    /// it sees now (only when nothing is wrong: a warning stays until the user looks into it).
    /// Returns the warnings, loud and first.
    public func checkKnownState(_ known: KnownStores?) -> [String] {
        guard let known, let log = LogReader(path: files.path("audit.log")) else { return [] }
        defer { log.close() }
        let storeKey = root.resolvingSymlinksInPath().path
        var all = known.load()
        let keys = Dictionary(uniqueKeysWithValues: committee.members.compactMap { m in m.publicKey.map { (m.id, $0) } })
        let now = log.lastLine()   // (seq, hash, offset) of the last whole line, nil for an empty log
        var warnings: [String] = []
        if let seen = all[storeKey], seen.seq > 0 {
            var sealSince = false
            let rolledBack = "WARNING: the audit log of \(storeKey) no longer contains the line you saw on \(seen.at) (audit.log:\(seen.seq), hash \(seen.head.prefix(16))…): it was rolled back or rewritten"
            let shorter = "WARNING: the audit log of \(storeKey) is shorter than when you last saw it (you saw audit.log:\(seen.seq) on \(seen.at)): it was rolled back or rewritten"
            if let offset = seen.offset {
                // Only the line seen and what follows it are read, however long the log.
                if offset >= log.size {
                    warnings.append(shorter)
                } else if let l = log.line(at: offset), let r = log.record(at: offset), r.seq == seen.seq, r.hash == seen.head {
                    sealSince = log.contains(#""action":"seal""#, from: offset + l.count + 1)
                } else {
                    warnings.append(rolledBack)
                }
            } else if (now?.seq ?? 0) < seen.seq {
                warnings.append(shorter)
            } else if log.record(seq: seen.seq)?.hash != seen.head {
                warnings.append(rolledBack)
            } else {
                sealSince = true   // an entry of an older version: its keys are taken as they are now
            }
            if warnings.isEmpty, seen.keys != keys, !sealSince {
                let changed = Set(seen.keys.keys).union(keys.keys).filter { seen.keys[$0] != keys[$0] }.sorted()
                warnings.append("WARNING: the committee's keys in \(storeKey)/committee.yaml changed since you last saw them (\(changed.joined(separator: ", "))), and no seal was recorded since: a key may have been replaced to sign in a member's name")
            }
        }
        if warnings.isEmpty {
            all[storeKey] = KnownStores.Seen(seq: now?.seq ?? 0, head: now?.hash ?? "", offset: now?.offset, keys: keys, at: timestamp())
            // Stores that no longer exist are forgotten (temporary copies).
            all = all.filter { FileManager.default.fileExists(atPath: "\($0.key)/store.yaml") }
            known.save(all)
        }
        return warnings
    }
}

/// Reading parts of the audit log by byte offset, without reading it whole.
struct LogReader {
    let fd: Int32
    let size: Int

    init?(path: String) {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { Glibc.close(fd); return nil }
        self.fd = fd
        size = Int(st.st_size)
    }

    func close() { Glibc.close(fd) }

    func read(_ offset: Int, _ count: Int) -> [UInt8] {
        guard offset < size, count > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: min(count, size - offset))
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
        return n > 0 ? Array(buffer[..<n]) : []
    }

    /// The whole line starting at `offset` (without its newline), nil when there is none.
    func line(at offset: Int) -> ArraySlice<UInt8>? {
        var chunk = 64 * 1024
        while true {
            let bytes = read(offset, chunk)
            if let nl = bytes.firstIndex(of: 0x0A) { return bytes[..<nl] }
            if offset + bytes.count >= size || chunk > 2 * AuditLog.maxLineBytes { return nil }
            chunk *= 2
        }
    }

    /// The record of the line starting at `offset`.
    func record(at offset: Int) -> AuditRecord? {
        guard offset == 0 || read(offset - 1, 1) == [0x0A], let l = line(at: offset),
              case .success(let r) = AuditRecord.parse(l, line: 0) else { return nil }
        return r
    }

    /// The record of line `seq`, reading from the start (an entry without an offset).
    func record(seq: Int) -> AuditRecord? {
        let bytes = read(0, size)
        let lines = AuditLines(bytes)
        guard seq >= 1, seq <= lines.complete.count, case .success(let r) = AuditRecord.parse(bytes[lines.complete[seq - 1]], line: seq) else { return nil }
        return r
    }

    /// The seq, hash and offset of the last whole line.
    func lastLine() -> (seq: Int, hash: String, offset: Int)? {
        var chunk = 64 * 1024
        while true {
            let start = max(0, size - chunk)
            let bytes = read(start, size - start)
            guard let lastNL = bytes.lastIndex(of: 0x0A) else {
                if start == 0 || chunk > 2 * AuditLog.maxLineBytes { return nil }
                chunk *= 2
                continue
            }
            let before = bytes[..<lastNL].lastIndex(of: 0x0A)
            if before == nil, start > 0 {
                if chunk > 2 * AuditLog.maxLineBytes { return nil }
                chunk *= 2
                continue
            }
            let lineStart = before.map { $0 + 1 } ?? 0
            guard case .success(let r) = AuditRecord.parse(bytes[lineStart..<lastNL], line: 0) else { return nil }
            return (r.seq, r.hash, start + lineStart)
        }
    }

    /// Whether `needle` occurs in the log from `offset` on.
    func contains(_ needle: String, from offset: Int) -> Bool {
        let n = Array(needle.utf8)
        var at = offset
        while at < size {
            let bytes = read(at, 1 << 20)
            if bytes.isEmpty { return false }
            if bytes.firstRange(of: n) != nil { return true }
            if at + bytes.count >= size { return false }
            at += bytes.count - n.count
        }
        return false
    }
}
