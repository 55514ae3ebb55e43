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
    /// The file is readable by the group and writable by its owner only (`mode`, whatever the umask),
    /// for a committee sharing a server: files are replaced by rename, never written in place.
    static func write(_ data: Data, to url: URL, mode: mode_t = 0o640) throws {
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

    /// Creates a folder and any missing parents, each setgid and group-writable, nothing for others
    /// (2770), whatever the umask, so files made inside keep the store's group.
    static func ensureDirectory(_ dir: URL) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue { return }
        let parent = dir.deletingLastPathComponent()
        if parent.path != dir.path { try ensureDirectory(parent) }
        if mkdir(dir.path, 0o2770) == 0 {
            chmod(dir.path, 0o2770)
            syncDirectory(parent)
        } else if errno != EEXIST {
            throw WriteError(path: dir.path, reason: "cannot create the folder: \(String(cString: strerror(errno)))")
        }
    }

    /// Opens a file with `flags`, creating it first when missing so that it appears with `mode`
    /// whatever the umask: made under a temporary name, given its mode, then linked into place (a
    /// file made by `open(O_CREAT)` and `fchmod` afterwards would, for a moment, have the mode
    /// the umask leaves, and another member opening it then would be refused). Returns -1 with
    /// `errno` set when it cannot be opened.
    static func openCreatingWithMode(_ url: URL, flags: Int32, mode: mode_t) -> Int32 {
        let fd = open(url.path, flags | O_CLOEXEC | O_NOFOLLOW)
        guard fd < 0, errno == ENOENT else { return fd }
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let t = open(temp.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        if t >= 0 {
            fchmod(t, mode)
            close(t)
            _ = link(temp.path, url.path)   // EEXIST: another process made it first, with the same mode
            unlink(temp.path)
        }
        return open(url.path, flags | O_CLOEXEC | O_NOFOLLOW)
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
///
/// A lock file appears with its final mode, 0660, whatever the umask (it is made under a temporary
/// name, given its mode, then linked into place), so another member never finds one they cannot
/// open, and others (not in the group) cannot open it at all. A writer that has to wait says who
/// holds the lock (``StoreLocks/notice``) and gives up after ``StoreLocks/timeout`` seconds.
enum FileLock {
    static let mode: mode_t = 0o660

    static func withLock<T>(_ url: URL, shared: Bool = false, _ body: () throws -> T) throws -> T {
        try AtomicFile.ensureDirectory(url.deletingLastPathComponent())
        let fd = try openLock(url)
        defer { close(fd) }
        try acquire(fd, url: url, shared: shared)
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Opens the lock file, creating it with its final mode when it does not exist.
    static func openLock(_ url: URL) throws -> Int32 {
        let fd = AtomicFile.openCreatingWithMode(url, flags: O_RDWR, mode: mode)
        guard fd >= 0 else {
            throw AtomicFile.WriteError(path: url.path, reason: "cannot open the lock: \(String(cString: strerror(errno)))")
        }
        Permissions.shareWithGroup(fd: fd, mode: mode)
        return fd
    }

    /// Takes the lock, waiting at most ``StoreLocks/timeout`` seconds, saying once who holds it.
    static func acquire(_ fd: Int32, url: URL, shared: Bool, timeout: TimeInterval = StoreLocks.timeout,
                        notice: ((String) -> Void)? = StoreLocks.notice) throws {
        let op = shared ? LOCK_SH : LOCK_EX
        if flock(fd, op | LOCK_NB) == 0 { return }
        guard errno == EWOULDBLOCK || errno == EINTR else {
            throw AtomicFile.WriteError(path: url.path, reason: "cannot lock: \(String(cString: strerror(errno)))")
        }
        let holder = LockHolder.describe(fd: fd)
        notice?("waiting for \(url.lastPathComponent), held by \(holder)…")
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            usleep(20_000)
            if flock(fd, op | LOCK_NB) == 0 { return }
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw AtomicFile.WriteError(path: url.path, reason: "cannot lock: \(String(cString: strerror(errno)))")
            }
        }
        throw AtomicFile.WriteError(path: url.path, reason: "gave up after \(timeout < 1 ? String(timeout) : String(Int(timeout))) s waiting for the lock, held by \(LockHolder.describe(fd: fd)); nothing was changed")
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

/// How long a writer waits for a lock, and where it says that it waits (the command line prints it).
public enum StoreLocks {
    /// Seconds a writer waits for a lock before giving up (`CITYCERT_LOCK_TIMEOUT`, default 30).
    nonisolated(unsafe) public static var timeout: TimeInterval = {
        if let v = ProcessInfo.processInfo.environment["CITYCERT_LOCK_TIMEOUT"], let t = TimeInterval(v), t >= 0 { return t }
        return 30
    }()
    /// Told once when a writer has to wait: which lock, and who holds it.
    nonisolated(unsafe) public static var notice: ((String) -> Void)?
}

/// Who holds a flock, from /proc/locks (Linux): the process and its user.
enum LockHolder {
    static func describe(fd: Int32) -> String {
        var st = stat()
        guard fstat(fd, &st) == 0, let text = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return "another process" }
        var holders: [String] = []
        for line in text.split(separator: "\n") {
            let f = line.split(separator: " ", omittingEmptySubsequences: true)
            // "1: FLOCK  ADVISORY  WRITE 1234 08:01:123456 0 EOF" (blocked waiters carry "->")
            guard f.count >= 6, f[1] == "FLOCK", !f.contains("->"), let pid = Int32(f[4]),
                  let ino = f[5].split(separator: ":").last, UInt64(ino) == UInt64(st.st_ino) else { continue }
            var ps = stat()
            var user = "?"
            if stat("/proc/\(pid)", &ps) == 0 {
                user = getpwuid(ps.st_uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "uid \(ps.st_uid)"
            }
            holders.append("process \(pid) of user \(user) (\(f[3] == "READ" ? "shared" : "exclusive"))")
        }
        return holders.isEmpty ? "another process" : holders.joined(separator: ", ")
    }
}
