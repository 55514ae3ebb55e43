import CityCertCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The round's seal (spec §2, audit.log *Seal*): a `seal` record holding the SHA-256 of every
/// authored file, keyed by its path in the store.
extension Store {
    /// The authored files and their lowercase hex SHA-256: `store.yaml`, `committee.yaml`, the
    /// standards file, and every file under `applications/` (a symbolic link is hashed as the file
    /// it leads to; an unreadable file is listed in `unreadable`). Dot-files are included: a file
    /// is a file.
    public func authoredFiles() -> (files: [String: String], unreadable: [String]) {
        var paths = ["store.yaml", "committee.yaml", standardsPath]
        let apps = files.url("applications").path
        if let walker = FileManager.default.enumerator(atPath: apps) {
            while let rel = walker.nextObject() as? String {
                let full = "\(apps)/\(rel)"
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) {
                    if !isFolder.boolValue { paths.append("applications/\(rel)") }
                } else if (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) != nil {
                    paths.append("applications/\(rel)")   // a dangling link: listed as unreadable
                }
            }
        }
        var hashes: [String: String] = [:]
        var unreadable: [String] = []
        for path in Set(paths) {
            if let h = Self.sha256OfFile(files.url(path).path) { hashes[path] = h } else { unreadable.append(path) }
        }
        return (hashes, unreadable.sorted())
    }

    static func sha256OfFile(_ path: String) -> String? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG,
              let data = try? FileBytes.data(fd, sizeHint: Int(st.st_size), limit: 1 << 31) else { return nil }
        return AuditLog.sha256Hex(data)
    }

    /// Seals the round as the secretary or the chair: records the hash of every authored file.
    /// Returns the record's seq and how many files it holds.
    @discardableResult
    public func seal(by memberID: String) throws(StoreActionError) -> (seq: Int, files: Int) {
        try checkIdentity(memberID)
        guard let m = committee.member(memberID), m.role == .secretary || m.role == .chair else {
            throw .refused(.onlySecretaryOrChairSeals)
        }
        let (hashes, unreadable) = authoredFiles()
        guard unreadable.isEmpty else {
            throw .refused(.cannotSeal(unreadable: unreadable))
        }
        let object = JSONValue.object(hashes.keys.sorted().map { ($0, .string(hashes[$0]!)) })
        do {
            let appended = try appendAudit(.init(at: timestamp(), actor: memberID, action: .seal, application: nil,
                                                 phase: nil, detail: [("files", object)]))
            return (appended.seq, hashes.count)
        } catch let e as StoreActionError {
            throw e
        } catch {
            throw .io(error)
        }
    }

    /// What changed in the authored files since a seal's `files`: one message per file, by path.
    static func sealDifferences(sealed: [String: String], now: [String: String], unreadable: [String]) -> [(String, String)] {
        var out: [(String, String)] = []
        for path in Set(sealed.keys).union(now.keys).union(unreadable).sorted() {
            switch (sealed[path], now[path]) {
            case (nil, _?): out.append((path, "added after the last seal"))
            case (_?, nil): out.append((path, unreadable.contains(path) ? "cannot be read to compare it with the last seal" : "removed after the last seal"))
            case (let a?, let b?) where a != b: out.append((path, "changed after the last seal"))
            case (nil, nil): out.append((path, "cannot be read"))
            default: break
            }
        }
        return out
    }
}
