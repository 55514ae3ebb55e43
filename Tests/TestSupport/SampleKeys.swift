import Foundation

/// The bundled sample store and its committee's private keys (sample data, `sample-data-keys/`).
public enum SampleKeys {
    /// The repository's root.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A private copy (folder 0700, files 0600) of `sample-data-keys/`: a checkout leaves the files
    /// readable by others, and citycert refuses such a key. The caller removes it.
    public static func privateCopy() throws -> URL {
        let dest = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-sample-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dest, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let source = repository.appendingPathComponent("sample-data-keys")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".ed25519") {
            let target = dest.appendingPathComponent(name)
            try Data(contentsOf: source.appendingPathComponent(name)).write(to: target)
            chmod(target.path, 0o600)
        }
        return dest
    }
}
