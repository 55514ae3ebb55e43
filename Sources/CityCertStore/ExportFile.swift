import Foundation

/// Files written outside the store on the user's request (a printed report), atomically.
public enum ExportFile {
    /// Writes text to a path (relative paths are relative to the working directory).
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        try AtomicFile.write(Data(text.utf8), to: url.absoluteURL, mode: 0o644)
    }
}
