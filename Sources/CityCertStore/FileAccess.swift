import CityCertCore
import Foundation

/// Reading files below the store root, with the problems of an unreadable file named.
struct FileAccess: Sendable {
    let root: URL
    private let rootPath: String
    /// Notes every path touched (tests check that showing one application touches only its files).
    let recorder: FileRecorder?

    init(root: URL, recorder: FileRecorder? = nil) {
        self.root = root
        rootPath = root.path
        self.recorder = recorder
    }

    func url(_ relative: String) -> URL {
        recorder?.record(relative)
        return relative.isEmpty ? root : root.appendingPathComponent(relative)
    }

    /// The file system path of a file below the root (string joining: building a URL per file read
    /// was a measurable part of reading a store).
    func path(_ relative: String) -> String {
        recorder?.record(relative)
        return relative.isEmpty ? rootPath : rootPath + "/" + relative
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    func isDirectory(_ relative: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path(relative), isDirectory: &isDir) && isDir.boolValue
    }

    func listDirectory(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(relative))) ?? [])
            .filter { !$0.hasPrefix(".") }
    }

    /// The folders in a folder (links to folders included), without hidden ones; in no particular
    /// order. The kind of each entry comes from the directory itself where the file system gives it:
    /// asking for each of thousands of application folders in turn was a measurable part of opening.
    func subdirectories(_ relative: String) -> [String] {
        let base = path(relative)
        guard let dir = opendir(base) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): names.append(name)
            case Int32(DT_REG), Int32(DT_FIFO), Int32(DT_CHR), Int32(DT_BLK), Int32(DT_SOCK): continue
            default:   // a link, or a file system that does not say: ask
                var st = stat()
                if stat(base + "/" + name, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { names.append(name) }
            }
        }
        return names
    }

    /// The bytes of a file, or nil with a problem (missing, unreadable, larger than `limit`).
    /// Only regular files are read (a FIFO or a device, perhaps behind a symbolic link, would block or
    /// never end), and never more than `limit` bytes, whatever the file's size says.
    /// With `absentIsProblem: false`, a file that does not exist is nil with no problem (one call
    /// where checking first would cost a second).
    func data(_ relative: String, problems: inout [Problem], limit: Int = 8 * 1024 * 1024, absentIsProblem: Bool = true) -> Data? {
        let filePath = path(relative)
        let fd = open(filePath, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT, !absentIsProblem { return nil }
            problems.append(Problem(path: relative, errno == ENOENT
                ? "\(relative.split(separator: "/").last ?? "") is missing" : "cannot read the file: \(String(cString: strerror(errno)))"))
            return nil
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            problems.append(Problem(path: relative, "not a regular file (a folder, device or pipe): not read"))
            return nil
        }
        guard Int(st.st_size) <= limit, let data = try? FileBytes.data(fd, sizeHint: Int(st.st_size), limit: limit) else {
            problems.append(Problem(path: relative, "the file is larger than \(limit / 1024 / 1024) MiB"))
            return nil
        }
        return data
    }

    /// The UTF-8 text of a file, or nil with a problem.
    func text(_ relative: String, problems: inout [Problem]) -> String? {
        guard let d = data(relative, problems: &problems) else { return nil }
        return Self.text(d, path: relative, problems: &problems)
    }

    /// The bytes of the file at `path` as UTF-8 text without a byte order mark, or nil with a problem.
    static func text(_ d: Data, path: String, problems: inout [Problem]) -> String? {
        guard let s = String(validating: d, as: UTF8.self) else {
            problems.append(Problem(path: path, line: lineOfInvalidUTF8(d), "the file is not valid UTF-8 text"))
            return nil
        }
        return s.hasPrefix("\u{FEFF}") ? String(s.dropFirst()) : s
    }

    static func lineOfInvalidUTF8(_ d: Data) -> Int? {
        var line = 1
        var start = d.startIndex
        for i in d.indices where d[i] == 0x0A {
            if String(validating: d[start..<i], as: UTF8.self) == nil { return line }
            line += 1
            start = d.index(after: i)
        }
        return line
    }

    /// Whether an evidence path of an application exists and stays inside its folder once links are followed.
    func evidenceCheck(folder: String, relative: String) -> ApplicationReader.EvidenceCheck {
        let folderPath = path(folder)
        let targetPath = folderPath + "/" + relative
        // realpath(3) follows every link and fails on a path that does not lead to a file
        // (Foundation's URL.resolvingSymlinksInPath did the same ten times slower).
        guard let resolved = Self.realPath(targetPath) else {
            // A dangling link may still point outside: check where it points.
            if let dest = try? FileManager.default.destinationOfSymbolicLink(atPath: targetPath), dest.hasPrefix("/") || dest.contains("..") {
                return .escapes
            }
            return .missing
        }
        guard let base = Self.realPath(folderPath) else { return .missing }
        return resolved == base || resolved.hasPrefix(base + "/") ? .ok : .escapes
    }

    /// The canonical path (links followed, `.` and `..` resolved), or nil if it leads nowhere.
    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}

/// The paths a store has touched, in order (for tests).
final class FileRecorder: @unchecked Sendable {
    private var list: [String] = []
    private let lock = NSLock()

    func record(_ relative: String) {
        lock.lock(); defer { lock.unlock() }
        list.append(relative)
    }

    /// What was recorded since the last call, and forget it.
    func take() -> [String] {
        lock.lock(); defer { lock.unlock() }
        defer { list = [] }
        return list
    }
}
