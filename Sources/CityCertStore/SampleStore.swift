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

    /// Where the sample committee's private keys are copied for the per-user sample copy:
    /// `$XDG_DATA_HOME/citycert/sample-store-keys` — next to the copy, never a member's key folder.
    public static func defaultKeysLocation(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        defaultCopyLocation(environment: environment).deletingLastPathComponent().appendingPathComponent("sample-store-keys")
    }

    /// Copies the sample committee's private keys (`*.ed25519` of `source`) to `destination`,
    /// owner-only (folder 0700, files 0600: citycert refuses a key others can read). Keys already
    /// there are kept. Returns the destination.
    @discardableResult
    public static func prepareKeys(from source: URL, to destination: URL) throws -> URL {
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        chmod(destination.path, 0o700)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? [] where name.hasSuffix(".ed25519") {
            let target = destination.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: target.path) { continue }
            let data = try Data(contentsOf: source.appendingPathComponent(name))
            guard FileManager.default.createFile(atPath: target.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
            }
            chmod(target.path, 0o600)
        }
        return destination
    }
}
