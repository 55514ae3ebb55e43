import Foundation

/// Files written outside the store on the user's request (a printed report), atomically.
public enum ExportFile {
    /// Writes text to a path (relative paths are relative to the working directory) and returns the
    /// absolute path written. The folder must exist: a mistyped folder is an error, not created.
    @discardableResult
    public static func write(_ text: String, to path: String) throws -> String {
        try write(Data(text.utf8), to: path)
    }

    /// Writes bytes (a PDF, a workbook) the same way.
    @discardableResult
    public static func write(_ data: Data, to path: String) throws -> String {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).absoluteURL
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path, isDirectory: &isDir), isDir.boolValue else {
            throw AtomicFile.WriteError(path: url.path, reason: "the folder \(url.deletingLastPathComponent().path) does not exist")
        }
        try AtomicFile.write(data, to: url, mode: 0o644)
        return url.path
    }

    /// The absolute path a relative path names (relative to the working directory).
    public static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).absoluteURL.path
    }

    /// Whether a file (or anything) exists at a path.
    public static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: absolute(path)) }
}
