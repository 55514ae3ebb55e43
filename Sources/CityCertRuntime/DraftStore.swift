import CityCertCore
import CityCertTUI
import Foundation

/// Keeps the text of the open field (a ``Draft``) in the member's own state folder while it is
/// typed, so that a killed program or a closed SSH session loses nothing.
///
/// The folder is `$XDG_STATE_HOME/citycert/drafts/` (default `~/.local/state/citycert/drafts/`),
/// one subfolder per store (named by a hash of the store's path) and member, one file per
/// application: `<application>.json`. It is not the store: a draft is not an entry and no one else
/// reads it. Files are written whole (temporary file, rename) with mode 0600; a field saved or
/// cancelled removes its file. Writing is best effort: a state folder that cannot be written never
/// stops scoring.
public final class DraftStore {
    public let folder: URL
    /// The draft last written, to write only when the text changed and remove it once closed.
    private var written: Draft?

    public init(folder: URL) {
        self.folder = folder
    }

    /// The drafts folder for a store and a member, under `$XDG_STATE_HOME/citycert/drafts/`.
    public convenience init(storePath: String, member: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : nil }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".local/state")
        let real = URL(fileURLWithPath: storePath).standardizedFileURL.resolvingSymlinksInPath().path
        let name = URL(fileURLWithPath: real).lastPathComponent.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        let folder = state.appendingPathComponent("citycert/drafts")
            .appendingPathComponent("\(name)-\(Self.hash(real))")
            .appendingPathComponent(Self.safe(member))
        self.init(folder: folder)
    }

    /// The file of an application's draft.
    public func file(for application: String) -> URL {
        folder.appendingPathComponent(Self.safe(application) + ".json")
    }

    /// The draft kept for an application, if any.
    public func draft(for application: String) -> Draft? {
        guard let data = try? Data(contentsOf: file(for: application)),
              let draft = try? JSONDecoder().decode(Draft.self, from: data),
              draft.application == application, !draft.text.isEmpty else { return nil }
        return draft
    }

    /// Brings the files in line with the open field: writes the draft when its text changed,
    /// removes the file of a field that was closed.
    public func sync(_ draft: Draft?) {
        guard draft != written else { return }
        if let old = written, old.application != draft?.application { remove(old.application) }
        if let draft { write(draft) } else if let old = written { remove(old.application) }
        written = draft
    }

    /// Forgets the draft of an application.
    public func remove(_ application: String) {
        try? FileManager.default.removeItem(at: file(for: application))
        if written?.application == application { written = nil }
    }

    private func write(_ draft: Draft) {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try encoder.encode(draft)
            let target = file(for: draft.application)
            let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
            guard fm.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
            if rename(temporary.path, target.path) != 0 { try? fm.removeItem(at: temporary) }
        } catch {
            return
        }
    }

    /// A file name from an id: letters, digits, `-`, `_`, `.` kept, anything else `_`.
    static func safe(_ s: String) -> String {
        let kept = String(s.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") ? $0 : "_" })
        return kept.isEmpty || kept.hasPrefix(".") ? "_" + kept : kept
    }

    /// FNV-1a of a path, in hex: stable between runs (unlike `hashValue`).
    static func hash(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in s.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(h, radix: 16)
    }
}
