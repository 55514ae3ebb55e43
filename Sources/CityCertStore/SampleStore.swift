import Foundation

/// The bundled sample store, copied to a per-user folder so that trying citycert never changes
/// the repository's files.
public enum SampleStore {
    /// Where the copy lives: `$XDG_DATA_HOME/citycert/sample-store` (default `~/.local/share/...`).
    public static func defaultCopyLocation(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        // $HOME first, as the README says (the password database only when HOME is unset).
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? home.appendingPathComponent(".local/share")
        return base.appendingPathComponent("citycert/sample-store")
    }

    /// Copies `source` to `destination` unless a copy is already there (which keeps earlier work).
    /// Returns whether a new copy was made.
    @discardableResult
    public static func prepare(from source: URL, to destination: URL) throws -> Bool {
        if FileManager.default.fileExists(atPath: destination.appendingPathComponent("store.yaml").path) { return false }
        guard FileManager.default.fileExists(atPath: source.appendingPathComponent("store.yaml").path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: source.path])
        }
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        let staging = destination.deletingLastPathComponent().appendingPathComponent(".sample-store-\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.copyItem(at: source, to: staging)
        try FileManager.default.moveItem(at: staging, to: destination)
        return true
    }
}
