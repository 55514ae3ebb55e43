import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Durable file writes: a temporary file in the same folder, fsync, rename over the target, fsync the folder.
enum AtomicFile {
    struct WriteError: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `data` to `url` atomically; a reader sees the old or the new file, never a part.
    static func write(_ data: Data, to url: URL, mode: mode_t = 0o664) throws {
        let dir = url.deletingLastPathComponent()
        try ensureDirectory(dir)
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw WriteError(path: url.path, reason: String(cString: strerror(errno))) }
        var ok = true
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; ok = false; return }
                offset += n
            }
        }
        let reason = ok ? nil : String(cString: strerror(errno))
        if ok && fsync(fd) != 0 { ok = false }
        close(fd)
        guard ok, rename(temp.path, url.path) == 0 else {
            let why = reason ?? String(cString: strerror(errno))
            unlink(temp.path)
            throw WriteError(path: url.path, reason: why)
        }
        syncDirectory(dir)
    }

    /// Removes a file durably.
    static func remove(_ url: URL) throws {
        guard unlink(url.path) == 0 || errno == ENOENT else {
            throw WriteError(path: url.path, reason: String(cString: strerror(errno)))
        }
        syncDirectory(url.deletingLastPathComponent())
    }

    static func ensureDirectory(_ dir: URL) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue { return }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o2775])
        } catch {
            throw WriteError(path: dir.path, reason: "cannot create the folder: \(error.localizedDescription)")
        }
    }

    static func syncDirectory(_ dir: URL) {
        let fd = open(dir.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }
}

/// An exclusive advisory lock (flock) on a lock file, held for the duration of a closure.
enum FileLock {
    static func withLock<T>(_ url: URL, _ body: () throws -> T) throws -> T {
        try AtomicFile.ensureDirectory(url.deletingLastPathComponent())
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o664)
        guard fd >= 0 else {
            throw AtomicFile.WriteError(path: url.path, reason: "cannot open the lock: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw AtomicFile.WriteError(path: url.path, reason: "cannot lock: \(String(cString: strerror(errno)))") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
