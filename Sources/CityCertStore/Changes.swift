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
    /// line names no application. A screen then reads only those applications again.
    public func applicationsChanged(since cursor: Int64) -> (applications: Set<String>, cursor: Int64)? {
        let fd = Glibc.open(files.path("audit.log"), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return cursor == 0 ? ([], 0) : nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, Int64(st.st_size) >= cursor, lseek(fd, off_t(cursor), SEEK_SET) == off_t(cursor),
              let data = try? FileBytes.data(fd, sizeHint: Int(Int64(st.st_size) - cursor), limit: 64 << 20) else { return nil }
        let bytes = [UInt8](data)
        guard let lastNewline = bytes.lastIndex(of: 0x0A) else { return ([], cursor) }   // nothing whole yet
        let key = Array(#""application":""#.utf8)
        var changed: Set<String> = []
        for line in bytes[...lastNewline].split(separator: 0x0A) {
            guard let start = line.firstRange(of: key)?.upperBound,
                  let end = line[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            let id = String(decoding: line[start..<end], as: UTF8.self)
            guard Identifier.isValid(id) else { return nil }
            changed.insert(id)
        }
        return (changed, cursor + Int64(lastNewline + 1))
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
