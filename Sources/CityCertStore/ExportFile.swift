import Foundation

/// Files written outside the store on the user's request (a printed report), atomically.
public enum ExportFile {
    /// Writes text to a path (relative paths are relative to the working directory) and returns the
    /// absolute path written. The folder must exist: a mistyped folder is an error, not created.
    @discardableResult
    public static func write(_ text: String, to path: String) throws -> String {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).absoluteURL
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path, isDirectory: &isDir), isDir.boolValue else {
            throw AtomicFile.WriteError(path: url.path, reason: "the folder \(url.deletingLastPathComponent().path) does not exist")
        }
        try AtomicFile.write(Data(text.utf8), to: url, mode: 0o644)
        return url.path
    }
}
