import Crypto
import Foundation

/// The files that hold the round's rules (`store.yaml`, `committee.yaml`, the standards) as they
/// were when the store was opened, so that a decision is never taken on rules that have changed
/// underneath: a conflict added, a member renamed, points changed while the program ran.
enum RulesFingerprint {
    /// Path → SHA-256 (hex) of each file; a file that cannot be read maps to "".
    static func of(_ files: FileAccess, paths: [String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: paths.map { path in
            let hash = (try? Data(contentsOf: files.url(path))).map { SHA256.hash(data: $0).map { String(format: "%02x", $0) }.joined() } ?? ""
            return (path, hash)
        })
    }
}

extension Store {
    /// The rules' files changed since the store was opened (none: an empty list).
    public func rulesChangedSinceOpen() -> [String] {
        let now = RulesFingerprint.of(files, paths: Array(rulesAtOpen.keys))
        return rulesAtOpen.keys.sorted().filter { now[$0] != rulesAtOpen[$0] }
    }

    /// Refuses an action on rules that changed since the store was opened.
    func requireRulesUnchanged() throws(StoreActionError) {
        let changed = rulesChangedSinceOpen()
        guard !changed.isEmpty else { return }
        throw .refused(.rulesChanged(changed))
    }
}
