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
    /// The file is made group-writable (`mode`, whatever the umask), for a committee sharing a server.
    static func write(_ data: Data, to url: URL, mode: mode_t = 0o664) throws {
        let dir = url.deletingLastPathComponent()
        try ensureDirectory(dir)
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw WriteError(path: url.path, reason: String(cString: strerror(errno))) }
        fchmod(fd, mode)
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

    /// Creates a folder and any missing parents, each setgid and group-writable (2775) whatever the
    /// umask, so files made inside keep the store's group.
    static func ensureDirectory(_ dir: URL) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue { return }
        let parent = dir.deletingLastPathComponent()
        if parent.path != dir.path { try ensureDirectory(parent) }
        if mkdir(dir.path, 0o2775) == 0 {
            chmod(dir.path, 0o2775)
            syncDirectory(parent)
        } else if errno != EEXIST {
            throw WriteError(path: dir.path, reason: "cannot create the folder: \(String(cString: strerror(errno)))")
        }
    }

    static func syncDirectory(_ dir: URL) {
        let fd = open(dir.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }
}

/// File modes for a store shared by a Unix group.
enum Permissions {
    /// Sets `mode` on a file this process owns (the umask may have removed group write); files of
    /// other users are left as they are.
    static func shareWithGroup(fd: Int32, mode: mode_t) {
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_uid == geteuid(), (st.st_mode & 0o7777) != mode else { return }
        fchmod(fd, mode)
    }
}

/// An advisory lock (flock) on a lock file, held for the duration of a closure: exclusive for
/// writers, shared for readers that need a stable view.
enum FileLock {
    static func withLock<T>(_ url: URL, shared: Bool = false, _ body: () throws -> T) throws -> T {
        try AtomicFile.ensureDirectory(url.deletingLastPathComponent())
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o664)
        guard fd >= 0 else {
            throw AtomicFile.WriteError(path: url.path, reason: "cannot open the lock: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        Permissions.shareWithGroup(fd: fd, mode: 0o664)
        while flock(fd, shared ? LOCK_SH : LOCK_EX) != 0 {
            if errno != EINTR { throw AtomicFile.WriteError(path: url.path, reason: "cannot lock: \(String(cString: strerror(errno)))") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Holds a shared lock on an existing lock file while `body` runs; runs `body` without a lock
    /// when the lock file does not exist or cannot be opened (read-only checks, e.g. `verify`).
    static func withExistingLockShared<T>(_ url: URL, _ body: () throws -> T) rethrows -> T {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return try body() }
        defer { close(fd) }
        while flock(fd, LOCK_SH) != 0 { if errno != EINTR { return try body() } }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
