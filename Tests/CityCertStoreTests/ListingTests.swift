import CityCertCore
@testable import CityCertStore
import Foundation
import Testing
import TestSupport

/// The applications list reads each application's form from the top of its file and the member's
/// own sheet; what it shows is what opening the application shows.
@Suite struct ListingTests {
    @Test func rowsAgreeWithTheApplicationsAndSheetsReadWhole() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-listing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try StoreGenerator.generate(at: dir.path, options: .init(applications: 24, members: 9, seed: 3))
        // A byte order mark at the top, and bytes that are not UTF-8 in the values only.
        let ids = try Store.open(at: dir.path).applicationIDs
        let withMark = dir.appendingPathComponent("applications/\(ids[0])/application.yaml")
        try (Data([0xEF, 0xBB, 0xBF]) + Data(contentsOf: withMark)).write(to: withMark)
        let brokenValues = dir.appendingPathComponent("applications/\(ids[1])/application.yaml")
        var text = try String(contentsOf: brokenValues, encoding: .utf8)
        text = text.replacingOccurrences(of: "quantitative:\n", with: "quantitative:\n  # \u{FFFD}\n")
        var bytes = Array(text.utf8)
        let mark = Array("\u{FFFD}".utf8)
        if let at = (0...(bytes.count - mark.count)).first(where: { Array(bytes[$0..<$0 + mark.count]) == mark }) {
            bytes.replaceSubrange(at..<at + mark.count, with: [0xFF, 0xFE])
        }
        try Data(bytes).write(to: brokenValues)

        let store = try Store.open(at: dir.path)
        let member = store.committee.members.first { $0.role == .member }!.id
        let rows = store.listing(member: member)
        #expect(rows.map(\.id) == store.applicationIDs)
        let whole = try Store.open(at: dir.path)
        for row in rows {
            #expect(row.sheet == whole.sheet(member: member, application: row.id), "\(row.id): the member's sheet")
            #expect(row.isFinal == whole.isFinal(row.id))
            guard let listed = row.application.application else { Issue.record("\(row.id): the form is unreadable"); continue }
            if row.id == ids[1] {
                #expect(whole.application(row.id).application == nil, "the values are read when the application opens, and refused there")
                continue
            }
            let app = try #require(whole.application(row.id).application, "\(row.id)")
            #expect(listed.id == app.id && listed.government == app.government && listed.province == app.province
                    && listed.population == app.population && listed.cityType == app.cityType, "\(row.id)")
        }
        #expect(rows.first { $0.id == ids[0] }?.application.application != nil, "a byte order mark is allowed")
    }

    @Test func applicationFoldersAreFoldersAndLinksToThem() throws {
        let t = try TempStore()
        defer { t.remove() }
        let apps = t.root.appendingPathComponent("applications")
        try Data("not a folder".utf8).write(to: apps.appendingPathComponent("readme.txt"))
        try FileManager.default.createDirectory(at: apps.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: apps.appendingPathComponent("app-c"), withDestinationURL: apps.appendingPathComponent("app-a"))
        try FileManager.default.createSymbolicLink(at: apps.appendingPathComponent("app-d"), withDestinationURL: apps.appendingPathComponent("readme.txt"))
        let store = try Store.open(at: t.path)
        #expect(store.applicationIDs == ["app-a", "app-b", "app-c"])
    }

    @Test func filesAreReadWholeWhateverTheirSizeSaysAndNeverPastTheLimit() throws {
        let t = try TempStore()
        defer { t.remove() }
        let big = String(repeating: "가나다라마바사 0123456789\n", count: 9000)   // about 270 KB
        try t.write("big.txt", big)
        let fd = open(t.root.appendingPathComponent("big.txt").path, O_RDONLY)
        defer { close(fd) }
        // A size hint far too small: the buffer grows until the end of the file.
        let data = try #require(try? FileBytes.data(fd, sizeHint: 10, limit: 1 << 20))
        #expect(String(decoding: data, as: UTF8.self) == big)
        lseek(fd, 0, SEEK_SET)
        #expect((try? FileBytes.data(fd, sizeHint: 10, limit: 100_000)) == nil, "past the limit: nothing")
        lseek(fd, 0, SEEK_SET)
        #expect((try? FileBytes.data(fd, sizeHint: big.utf8.count, limit: big.utf8.count))?.count == big.utf8.count, "exactly the limit is read")

        var problems: [Problem] = []
        let files = FileAccess(root: t.root)
        #expect(files.data("big.txt", problems: &problems, limit: 100_000) == nil)
        #expect(problems.count == 1 && problems[0].message.hasPrefix("the file is larger than"), "\(problems)")
        problems = []
        #expect(files.data("nothing-here.json", problems: &problems, absentIsProblem: false) == nil)
        #expect(problems.isEmpty, "an absent file is no problem when asked so")
        #expect(files.data("nothing-here.json", problems: &problems) == nil)
        #expect(problems.map(\.message) == ["nothing-here.json is missing"])
    }
}

/// What the audit log says changed since a point: the screens read only those applications again.
@Suite struct ChangedApplicationsTests {
    @Test func theLogNamesTheApplicationsChangedSinceACursor() throws {
        let t = try TempStore()
        defer { t.remove() }
        let store = try Store.open(at: t.path)
        let start = store.auditCursor()
        #expect(store.applicationsChanged(since: start)?.applications == [])
        try store.setEntry(Entry(level: 4), indicator: "L1", member: "park", application: "app-a", phase: .written)
        let afterA = try #require(store.applicationsChanged(since: start))
        #expect(afterA.applications == ["app-a"])
        #expect(afterA.cursor == store.auditCursor())
        try store.setEntry(Entry(level: 3), indicator: "L1", member: "park", application: "app-b", phase: .written)
        #expect(store.applicationsChanged(since: afterA.cursor)?.applications == ["app-b"])
        #expect(store.applicationsChanged(since: start)?.applications == ["app-a", "app-b"])
        // A line still being written is left for next time.
        let log = t.root.appendingPathComponent("audit.log")
        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"action":"entry","actor":"park","application":"app-a""#.utf8))
        try handle.close()
        let now = try #require(store.applicationsChanged(since: afterA.cursor))
        #expect(now.applications == ["app-b"] && now.cursor < store.auditCursor())
        // A log shorter than the cursor was rewritten: nothing can be told.
        #expect(store.applicationsChanged(since: store.auditCursor() + 100) == nil)
    }
}
