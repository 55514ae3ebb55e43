import CityCertCore
import Foundation

/// What changed in the store since a screen read it: every store action appends to the audit log
/// first, naming its application, so the log says when to read again and what.
extension Store {
    /// A mark that changes whenever a store action writes (every action appends to the audit log):
    /// screens compare it to know when to read again what others changed.
    public func changeMark() -> String {
        let attrs = try? FileManager.default.attributesOfItem(atPath: files.url("audit.log").path)
        let size = (attrs?[.size] as? NSNumber)?.int64Value ?? -1
        let time = (attrs?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size)/\(time)"
    }

    /// Where the audit log ends now: a cursor for ``applicationsChanged(since:)``.
    public func auditCursor() -> Int64 {
        var st = stat()
        return stat(files.path("audit.log"), &st) == 0 ? Int64(st.st_size) : 0
    }

    /// The applications named by the audit log's whole lines after `cursor` (every change made
    /// through citycert is logged there first, naming its application), and the cursor after them;
    /// nil when that cannot be told: the log is shorter than the cursor (rewritten), unreadable, or a
    /// line is not a record or names no application (a `seal`). A screen then reads only those
    /// applications again. Each line is read by the audit log's one reader, ``AuditRecord/parse(_:line:)``.
    public func applicationsChanged(since cursor: Int64) -> (applications: Set<String>, cursor: Int64)? {
        let fd = Glibc.open(files.path("audit.log"), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return cursor == 0 ? ([], 0) : nil }
        defer { close(fd) }
        guard let bytes = Self.bytes(fd, from: cursor) else { return nil }
        guard let lastNewline = bytes.lastIndex(of: 0x0A) else { return ([], cursor) }   // nothing whole yet
        var changed: Set<String> = []
        for line in bytes[...lastNewline].split(separator: 0x0A) {
            guard case .success(let record) = AuditRecord.parse(line, line: 0), Identifier.isValid(record.application) else { return nil }
            changed.insert(record.application)
        }
        return (changed, cursor + Int64(lastNewline + 1))
    }

    /// The bytes of an open file from `offset` to its end; nil when it is shorter or cannot be read.
    private static func bytes(_ fd: Int32, from offset: Int64) -> [UInt8]? {
        var st = stat()
        guard fstat(fd, &st) == 0, Int64(st.st_size) >= offset, lseek(fd, off_t(offset), SEEK_SET) == off_t(offset),
              let data = try? FileBytes.data(fd, sizeHint: Int(Int64(st.st_size) - offset), limit: 64 << 20) else { return nil }
        return [UInt8](data)
    }

    /// The applications that have a decision (one look at `decisions/`).
    public func finalApplications() -> Set<String> {
        Set(files.listDirectory("decisions").compactMap { name in
            name.hasSuffix(".json") ? String(name.dropLast(5)) : nil
        }.filter(Identifier.isValid))
    }

    /// Whether the application has a decision.
    public func isFinal(_ application: String) -> Bool {
        Identifier.isValid(application) && files.exists("decisions/\(application).json")
    }
}
