import CityCertCore
import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The append-only, hash-chained audit log (spec §2, `audit.log`).
///
/// Each line is the compact JSON of a record with keys sorted; `hash` is the lowercase hex SHA-256
/// of that JSON without the `hash` key, and `prev` is the previous line's hash ("" for the first).
///
/// The log is the store's write-ahead log: a change is committed when its line is on disk (written
/// and fsynced); the sheet file is written after it. See `Docs/reliability.md`.
struct AuditLog {
    let url: URL
    let lockURL: URL

    /// One record before it is chained.
    struct Record {
        var at: String
        var actor: String
        var action: AuditAction
        /// nil for a record about the whole store (`seal`).
        var application: String?
        var phase: String?
        var detail: [(String, JSONValue)]
    }

    /// Where a record landed.
    struct Appended {
        var seq: Int
        var hash: String
    }

    struct ReadError: Error, CustomStringConvertible {
        var reason: String
        var description: String { "cannot read audit.log: \(reason)" }
    }

    /// The longest line accepted when reading (a record with a long note is a few KiB).
    static let maxLineBytes = 1 << 20

    /// Appends a record, chaining it to the last line, under the log's lock; with `sign`, the line
    /// carries `sig` = `sign(hash)` (spec §2 *Signatures*).
    ///
    /// A last line without its newline is an append that never completed (the writer died before
    /// its fsync returned, so nothing depends on it): it is cut off first.
    @discardableResult
    func append(_ record: Record, sign: ((String) throws -> String)? = nil) throws -> Appended {
        try FileLock.withLock(lockURL) {
            // Made with its final mode whatever the umask: every member of the group appends.
            let fd = AtomicFile.openCreatingWithMode(url, flags: O_RDWR | O_APPEND, mode: 0o660)
            guard fd >= 0 else { throw AtomicFile.WriteError(path: url.path, reason: String(cString: strerror(errno))) }
            defer { close(fd) }
            Permissions.shareWithGroup(fd: fd, mode: 0o660)
            // The log's own inode is locked too: should `.audit.lock` be deleted while a save holds
            // it (and a new one made by the next writer), two writers still never append at once.
            try FileLock.acquire(fd, url: url, shared: false)
            defer { flock(fd, LOCK_UN) }
            let (lastSeq, lastHash) = try tail(fd)
            guard lastSeq < Int.max - 1 else {
                throw AtomicFile.WriteError(path: url.path, reason: "the audit log's last seq is out of range; run `citycert verify`")
            }
            let fields: [(String, JSONValue)] = [
                ("seq", .int(lastSeq + 1)), ("at", .string(record.at)), ("actor", .string(record.actor)),
                ("action", .string(record.action.rawValue)), ("application", record.application.map(JSONValue.string) ?? .null),
                ("phase", record.phase.map(JSONValue.string) ?? .null),
                ("detail", .object(record.detail)), ("prev", .string(lastHash)),
            ]
            let body = JSONValue.object(fields).sortingKeys().serialized(pretty: false)
            let hash = AuditLog.sha256Hex(body)
            var line = String(body.dropLast()) + ",\"hash\":\"\(hash)\""
            if let sign { line += ",\"sig\":\"\(try sign(hash))\"" }
            line += "}\n"
            let bytes = Array(line.utf8)
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw AtomicFile.WriteError(path: url.path, reason: "cannot append to the audit log: \(String(cString: strerror(errno)))")
                }
                offset += n
            }
            guard fsync(fd) == 0 else {
                throw AtomicFile.WriteError(path: url.path, reason: "cannot sync the audit log: \(String(cString: strerror(errno)))")
            }
            if lastSeq == 0 { AtomicFile.syncDirectory(url.deletingLastPathComponent()) }
            return Appended(seq: lastSeq + 1, hash: hash)
        }
    }

    /// Removes an incomplete last line (an append that never completed), or puts back the newline
    /// of a last line that is a whole record, under the log's lock. Returns what it did.
    @discardableResult
    func cutIncompleteTail() throws -> String {
        try FileLock.withLock(lockURL) {
            let fd = open(url.path, O_RDWR | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { return "" }
            defer { close(fd) }
            var st = stat()
            let before = fstat(fd, &st) == 0 ? st.st_size : 0
            _ = try tail(fd)
            let after = fstat(fd, &st) == 0 ? st.st_size : 0
            return after > before ? "audit.log: put back the newline of the last line (a whole record; nothing is dropped)"
                                  : "audit.log: removed the incomplete last line"
        }
    }

    static func sha256Hex(_ s: String) -> String { sha256Hex(Array(s.utf8)) }

    static func sha256Hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        SHA256.hash(data: Data(bytes)).map { String(format: "%02x", $0) }.joined()
    }

    /// The seq and hash of the last complete line (0 and "" for an empty log), reading only the end
    /// of the file; cuts off an incomplete last line.
    private func tail(_ fd: Int32) throws -> (Int, String) {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw AtomicFile.WriteError(path: url.path, reason: "cannot stat the audit log") }
        let size = Int(st.st_size)
        guard size > 0 else { return (0, "") }
        var chunk = min(size, 64 * 1024)
        while true {
            let start = size - chunk
            var buffer = [UInt8](repeating: 0, count: chunk)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, chunk, off_t(start)) }
            guard n == chunk else { throw AtomicFile.WriteError(path: url.path, reason: "cannot read the audit log") }
            // A last line whose newline alone is missing is a whole record (a sheet may already
            // name its seq): the newline is put back. Any other incomplete last line (an append
            // that never completed) is cut off.
            var end = chunk
            if buffer[end - 1] != 0x0A, buffer.lastIndex(of: 0x0A) != nil || start == 0,
               let whole = Self.wholeRecord(buffer[((buffer.lastIndex(of: 0x0A) ?? -1) + 1)...]) {
                let newline: [UInt8] = [0x0A]
                guard pwrite(fd, newline, 1, off_t(size)) == 1, fsync(fd) == 0 else {
                    throw AtomicFile.WriteError(path: url.path, reason: "cannot complete the audit log's last line")
                }
                return whole
            }
            if buffer[end - 1] != 0x0A {
                guard let lastNewline = buffer.lastIndex(of: 0x0A) else {
                    if start == 0 {
                        guard ftruncate(fd, 0) == 0 else { throw AtomicFile.WriteError(path: url.path, reason: "cannot repair the audit log") }
                        return (0, "")
                    }
                    guard chunk < size, chunk < 2 * Self.maxLineBytes else { throw damaged() }
                    chunk = min(size, chunk * 2)
                    continue
                }
                guard ftruncate(fd, off_t(start + lastNewline + 1)) == 0 else {
                    throw AtomicFile.WriteError(path: url.path, reason: "cannot repair the audit log")
                }
                end = lastNewline + 1
            }
            let body = buffer[..<(end - 1)]
            guard let previous = body.lastIndex(of: 0x0A) else {
                if start > 0 {
                    guard chunk < size, chunk < 2 * Self.maxLineBytes else { throw damaged() }
                    chunk = min(size, chunk * 2)
                    continue
                }
                return try seqAndHash(body)
            }
            return try seqAndHash(body[(previous + 1)...])
        }
    }

    /// The seq and hash of a line that is a whole record (parses, and its hash matches it).
    static func wholeRecord(_ line: ArraySlice<UInt8>) -> (Int, String)? {
        guard case .success(let r) = AuditRecord.parse(line, line: 0), r.seq >= 1,
              AuditRecord.hashMatches(line, hash: r.hash, sig: r.sig) else { return nil }
        return (r.seq, r.hash)
    }

    private func seqAndHash(_ line: ArraySlice<UInt8>) throws -> (Int, String) {
        guard let json = try? AuditJSON.parse(line), let seq = json["seq"]?.intValue, seq >= 1,
              let hash = json["hash"]?.stringValue else { throw damaged() }
        return (seq, hash)
    }

    private func damaged() -> AtomicFile.WriteError {
        AtomicFile.WriteError(path: url.path, reason: "the last line of the audit log is damaged; run `citycert verify`")
    }

    // MARK: - Reading

    /// The log's bytes (empty when there is none yet). A symbolic link is refused: the log must be
    /// the store's own file.
    func readBytes() throws -> [UInt8] {
        var st = stat()
        if lstat(url.path, &st) != 0 {
            if errno == ENOENT { return [] }
            throw ReadError(reason: String(cString: strerror(errno)))
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw ReadError(reason: "it is a symbolic link or not a regular file")
        }
        let fd = open(url.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw ReadError(reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        return try FileBytes.readAll(fd, path: url.path, limit: 1 << 30)
    }

    /// The records of one member's sheet of one application logged after `seq` (all of them when
    /// nil), oldest first. Lines that do not mention the application are not parsed; lines that
    /// cannot be parsed are skipped (`citycert verify` reports them).
    func sheetRecords(member: String, application: String, after seq: Int?) throws -> [AuditRecord] {
        try records(application: application, after: seq) { $0.actor == member && $0.action.isSheetAction }
    }

    /// The records of a member's sheet and the application's decision records logged after `seq`.
    func sheetAndDecisionRecords(member: String, application: String, after seq: Int?) throws -> [AuditRecord] {
        try records(application: application, after: seq) {
            ($0.actor == member && $0.action.isSheetAction) || $0.action.isDecisionAction
        }
    }

    /// Whether the log's last decision record of an application is a finalize.
    func saysFinal(_ application: String) throws -> Bool {
        try decisionRecords(application: application).last?.action == .finalize
    }

    /// The finalize and reopen records of an application, oldest first.
    func decisionRecords(application: String) throws -> [AuditRecord] {
        try records(application: application, after: nil) { $0.action.isDecisionAction }
    }

    /// Every record of an application, oldest first.
    func applicationRecords(_ application: String) throws -> [AuditRecord] {
        try records(application: application, after: nil) { _ in true }
    }

    private func records(application: String, after seq: Int?, where keep: (AuditRecord) -> Bool) throws -> [AuditRecord] {
        if let seq { return try recordsFromTheEnd(application: application, after: seq, where: keep) }
        let bytes = try readBytes()
        let lines = AuditLines(bytes)
        let needle = Array(application.utf8)
        var found: [AuditRecord] = []
        for n in stride(from: lines.complete.count - 1, through: 0, by: -1) {
            let range = lines.complete[n]
            guard bytes[range].firstRange(of: needle) != nil,
                  case .success(let r) = AuditRecord.parse(bytes[range], line: n + 1), r.application == application else { continue }
            if let seq, r.seq <= seq { break }
            if keep(r) { found.append(r) }
        }
        return found.reversed()
    }
}

extension AuditLog {
    /// The records of an application after `seq`, reading the log backwards in chunks and stopping
    /// at the first record of the application at or before `seq`: a save reads only the end of the
    /// log, however long it is. (Line numbers are taken to be the seqs: they are, in a sound log.)
    fileprivate func recordsFromTheEnd(application: String, after seq: Int, where keep: (AuditRecord) -> Bool) throws -> [AuditRecord] {
        var st = stat()
        if lstat(url.path, &st) != 0 {
            if errno == ENOENT { return [] }
            throw ReadError(reason: String(cString: strerror(errno)))
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw ReadError(reason: "it is a symbolic link or not a regular file") }
        let fd = open(url.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw ReadError(reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        guard fstat(fd, &st) == 0 else { throw ReadError(reason: "cannot stat") }
        let needle = Array(application.utf8)
        var found: [AuditRecord] = []
        var end = Int(st.st_size)
        var carry: [UInt8] = []          // the start of a line whose beginning is in an earlier chunk
        var first = true
        while end > 0 {
            let start = max(0, end - 64 * 1024)
            var chunk = [UInt8](repeating: 0, count: end - start)
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, end - start, off_t(start)) }
            guard n == end - start else { throw ReadError(reason: "cannot read") }
            chunk += carry
            var parts = chunk.split(separator: 0x0A, omittingEmptySubsequences: false)
            if first {
                // After the last newline: nothing, or an append that never completed (skipped whole).
                parts.removeLast()
                if parts.isEmpty { carry = []; end = start; continue }
                first = false
            }
            carry = start > 0 ? Array(parts.removeFirst()) : []
            guard carry.count <= 2 * Self.maxLineBytes else { throw ReadError(reason: "a line is longer than 2 MiB") }
            for line in parts.reversed() where line.firstRange(of: needle) != nil {
                guard case .success(var r) = AuditRecord.parse(line, line: 0), r.application == application else { continue }
                if r.seq <= seq { return found.reversed() }
                r.line = r.seq
                if keep(r) { found.append(r) }
            }
            end = start
        }
        return found.reversed()
    }
}

/// The lines of the log as byte ranges: every complete line, and an incomplete tail if any.
struct AuditLines {
    var complete: [Range<Int>] = []
    /// Bytes after the last newline (an append that never completed), if any.
    var torn: Range<Int>?

    init(_ bytes: [UInt8]) {
        var start = 0
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            while i < buf.count {
                if buf[i] == 0x0A {
                    complete.append(start..<i)
                    start = i + 1
                }
                i += 1
            }
        }
        if start < bytes.count { torn = start..<bytes.count }
    }
}

/// Reading a whole file from a descriptor, refusing more than a limit.
enum FileBytes {
    enum Failure: Error { case read(errno: Int32), tooLarge }

    /// The whole file as `Data`, read straight into one buffer sized from `sizeHint` (the size the
    /// file system gave, grown if the file is longer): no zero-filled scratch buffer, no copy.
    static func data(_ fd: Int32, sizeHint: Int, limit: Int) throws(Failure) -> Data {
        var capacity = max(1, min(sizeHint, limit) + 1)   // one more, to see the end in one read
        guard var base = malloc(capacity) else { throw .read(errno: ENOMEM) }
        var count = 0
        while true {
            if count == capacity {
                guard capacity <= limit, let grown = realloc(base, min(capacity * 2, limit + 1)) else { free(base); throw .tooLarge }
                base = grown
                capacity = min(capacity * 2, limit + 1)
            }
            let n = read(fd, base + count, capacity - count)
            if n < 0 {
                if errno == EINTR { continue }
                let e = errno
                free(base)
                throw .read(errno: e)
            }
            if n == 0 { break }
            count += n
            if count > limit { free(base); throw .tooLarge }
        }
        return Data(bytesNoCopy: base, count: count, deallocator: .free)
    }

    /// The whole file as bytes, or an error naming the file.
    static func readAll(_ fd: Int32, path: String, limit: Int) throws -> [UInt8] {
        var st = stat()
        let size = fstat(fd, &st) == 0 ? Int(st.st_size) : 0
        do {
            return [UInt8](try data(fd, sizeHint: size, limit: limit))
        } catch .read(let e) {
            throw AtomicFile.WriteError(path: path, reason: "cannot read: \(String(cString: strerror(e)))")
        } catch .tooLarge {
            throw AtomicFile.WriteError(path: path, reason: "the file is larger than \(limit / 1024 / 1024) MiB")
        }
    }
}
