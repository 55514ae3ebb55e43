import CityCertCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `citycert init-shared`: the owners and modes of a store on a server shared by the committee's
/// Unix group (issue 13 item 5; `Docs/deployment.md`). Run as root (or as the owner of every file,
/// without the changes of owner).
///
/// | Path | Owner | Mode | Why |
/// |---|---|---|---|
/// | the store folder | secretary | 3770 | nothing for others; sticky: a member cannot rename or replace `committee.yaml`, `standards/` or `applications/` |
/// | authored files and folders | secretary | 0640 / 2750 | the group reads them, only the secretary changes them |
/// | `audit.log`, `.audit.lock` | secretary | 0660 | every member appends (signed records) |
/// | `scores/` | secretary | 3770 | sticky: a member cannot remove another's folder |
/// | `scores/<member>/` (member with a login) | the member | 2750 | only the member writes their sheets; the group reads them |
/// | `scores/<member>/` (no login) | secretary | 3770 | sticky: no one replaces another's sheet |
/// | `decisions/` | the chair | 2750 | only the chair writes decisions |
/// | `decisions/.<app>.lock` | the chair | 0660 | made for every application now: members take it shared when they save |
public enum SharedSetup {
    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Applies the layout; returns one line per change made.
    public static func apply(_ store: Store, group: String) throws(Failure) -> [String] {
        var layout = try Layout(store, group: group)
        try layout.set("", owner: layout.secretary, mode: 0o3770)
        try layout.authoredFiles()
        try layout.auditLog()
        try layout.sheetFolders()
        try layout.decisions()
        return layout.done
    }

    /// The owners of the layout, and the changes made so far.
    struct Layout {
        let store: Store
        let group: String
        let gid: gid_t
        let secretary: uid_t
        let chair: uid_t
        var done: [String] = []

        init(_ store: Store, group: String) throws(Failure) {
            guard let gr = getgrnam(group) else { throw Failure(message: "no group '\(group)' on this system (groupadd \(group))") }
            var rootStat = stat()
            guard stat(store.root.path, &rootStat) == 0 else { throw Failure(message: "cannot read \(store.root.path)") }
            self.store = store
            self.group = group
            gid = gr.pointee.gr_gid
            secretary = Self.uid(store.committee.members.first { $0.role == .secretary }?.login) ?? rootStat.st_uid
            chair = Self.uid(store.committee.members.first { $0.role == .chair }?.login) ?? secretary
        }

        static func uid(_ login: String?) -> uid_t? {
            guard let login, let pw = getpwnam(login) else { return nil }
            return pw.pointee.pw_uid
        }

        /// Authored files: the secretary's, read by the group.
        mutating func authoredFiles() throws(Failure) {
            var authored = ["store.yaml", "committee.yaml"]
            var folders = ["applications"]
            let standardsFolder = (store.standardsPath as NSString).deletingLastPathComponent
            if !standardsFolder.isEmpty { folders.append(standardsFolder) }
            for top in ["applications"] + (standardsFolder.isEmpty ? [] : [standardsFolder]) {
                if let walker = FileManager.default.enumerator(atPath: store.files.url(top).path) {
                    while let rel = walker.nextObject() as? String {
                        var isFolder: ObjCBool = false
                        _ = FileManager.default.fileExists(atPath: store.files.url("\(top)/\(rel)").path, isDirectory: &isFolder)
                        if isFolder.boolValue { folders.append("\(top)/\(rel)") } else { authored.append("\(top)/\(rel)") }
                    }
                }
            }
            if standardsFolder.isEmpty { authored.append(store.standardsPath) }
            for f in folders { try set(f, owner: secretary, mode: 0o2750) }
            for f in authored { try set(f, owner: secretary, mode: 0o0640) }
        }

        /// The log and its lock: every member appends.
        mutating func auditLog() throws(Failure) {
            try makeFile("audit.log")
            try makeFile(".audit.lock")
            try set("audit.log", owner: secretary, mode: 0o0660)
            try set(".audit.lock", owner: secretary, mode: 0o0660)
        }

        /// Sheets: each member's own folder.
        mutating func sheetFolders() throws(Failure) {
            try makeFolder("scores")
            try set("scores", owner: secretary, mode: 0o3770)
            for m in store.committee.members where m.canScore {
                try makeFolder("scores/\(m.id)")
                if let own = Self.uid(m.login) {
                    try set("scores/\(m.id)", owner: own, mode: 0o2750)
                } else {
                    try set("scores/\(m.id)", owner: secretary, mode: 0o3770)
                }
            }
        }

        /// Decisions: the chair's; the lock of every application made now, for members to share.
        mutating func decisions() throws(Failure) {
            try makeFolder("decisions")
            try set("decisions", owner: chair, mode: 0o2750)
            for app in store.applicationIDs where Identifier.isValid(app) {
                try makeFile("decisions/.\(app).lock")
                try set("decisions/.\(app).lock", owner: chair, mode: 0o0660)
            }
        }

        mutating func set(_ rel: String, owner: uid_t, mode: mode_t) throws(Failure) {
            let path = rel.isEmpty ? store.root.path : store.files.url(rel).path
            var st = stat()
            guard lstat(path, &st) == 0 else { return }
            if (st.st_mode & S_IFMT) == S_IFLNK { return }   // never follow a link out of the store
            if st.st_uid != owner || st.st_gid != gid {
                guard lchown(path, owner, gid) == 0 else {
                    throw Failure(message: "cannot give \(rel.isEmpty ? "the store" : rel) to \(owner):\(group): \(String(cString: strerror(errno))) (run init-shared as root)")
                }
            }
            if st.st_mode & 0o7777 != mode {
                guard chmod(path, mode) == 0 else {
                    throw Failure(message: "cannot set the mode of \(rel): \(String(cString: strerror(errno)))")
                }
                done.append("\(rel.isEmpty ? "." : rel): \(String(mode, radix: 8))")
            }
        }

        func makeFolder(_ rel: String) throws(Failure) {
            let path = store.files.url(rel).path
            if mkdir(path, 0o700) != 0, errno != EEXIST {
                throw Failure(message: "cannot create \(rel): \(String(cString: strerror(errno)))")
            }
        }

        func makeFile(_ rel: String) throws(Failure) {
            let fd = open(store.files.url(rel).path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
            guard fd >= 0 else { throw Failure(message: "cannot create \(rel): \(String(cString: strerror(errno)))") }
            close(fd)
        }
    }
}
