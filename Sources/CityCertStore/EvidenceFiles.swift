import CityCertCore
import Foundation

/// Why an evidence file cannot be read.
public enum EvidenceFileError: Error, Equatable, Sendable {
    case unknownApplication(String)
    /// The path breaks the store's evidence rules (absolute, `..`, a link leading out).
    case outside(String)
    case missing(String)

    public var message: String {
        switch self {
        case .unknownApplication(let id): return "no application \(id)"
        case .outside(let why): return why
        case .missing(let file): return "\(file) does not exist"
        }
    }
}

extension Store {
    /// The file of an evidence entry of an application, on disk, under the same rules as
    /// `validate` (spec §2: relative, inside the application folder once links are followed).
    /// Nothing outside the application folder is ever returned.
    public func evidenceURL(application id: String, file: String) throws(EvidenceFileError) -> URL {
        guard Identifier.isValid(id), applicationIDs.contains(id) else {
            throw .unknownApplication(id)
        }
        if let why = EvidencePath.rejection(of: file) { throw .outside("'\(file)' \(why)") }
        let folder = "applications/\(id)"
        switch files.evidenceCheck(folder: folder, relative: file) {
        case .ok: break
        case .escapes: throw .outside("'\(file)' leads outside the application folder")
        case .missing: throw .missing(file)
        }
        return URL(fileURLWithPath: files.path(folder) + "/" + file)
    }
}
