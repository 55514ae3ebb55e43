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
        guard let known else { return [] }
        guard let bytes = try? audit.readBytes() else { return [] }
        let lines = AuditLines(bytes)
        let storeKey = root.resolvingSymlinksInPath().path
        var all = known.load()
        let keys = Dictionary(uniqueKeysWithValues: committee.members.compactMap { m in m.publicKey.map { (m.id, $0) } })
        var warnings: [String] = []
        var sealSince = false
        if let seen = all[storeKey] {
            if seen.seq > lines.complete.count {
                warnings.append("WARNING: the audit log of \(storeKey) is shorter than when you last saw it (\(lines.complete.count) lines, you saw \(seen.seq) on \(seen.at)): it was rolled back or rewritten")
            } else if seen.seq > 0, case .success(let r) = AuditRecord.parse(bytes[lines.complete[seen.seq - 1]], line: seen.seq), r.hash == seen.head {
                if seen.seq < lines.complete.count {
                    sealSince = bytes[lines.complete[seen.seq].lowerBound...].firstRange(of: Array(#""action":"seal""#.utf8)) != nil
                }
            } else if seen.seq > 0 {
                warnings.append("WARNING: the audit log of \(storeKey) no longer contains the line you saw on \(seen.at) (audit.log:\(seen.seq), hash \(seen.head.prefix(16))…): it was rolled back or rewritten")
            }
            if warnings.isEmpty, seen.keys != keys, !sealSince {
                let changed = Set(seen.keys.keys).union(keys.keys).filter { seen.keys[$0] != keys[$0] }.sorted()
                warnings.append("WARNING: the committee's keys in \(storeKey)/committee.yaml changed since you last saw them (\(changed.joined(separator: ", "))), and no seal was recorded since: a key may have been replaced to sign in a member's name")
            }
        }
        if warnings.isEmpty {
            var head = ""
            if let last = lines.complete.last, case .success(let r) = AuditRecord.parse(bytes[last], line: lines.complete.count) { head = r.hash }
            all[storeKey] = KnownStores.Seen(seq: head.isEmpty ? 0 : lines.complete.count, head: head, keys: keys, at: timestamp())
            // Stores that no longer exist are forgotten (temporary copies).
            all = all.filter { FileManager.default.fileExists(atPath: "\($0.key)/store.yaml") }
            known.save(all)
        }
        return warnings
    }
}
