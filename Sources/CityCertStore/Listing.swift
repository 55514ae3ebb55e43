import CityCertCore
import Foundation

/// What the applications list shows of one application for one member.
public struct ListingEntry: Sendable {
    public var id: String
    /// The application as far as the list needs it: its form (government, population, city type),
    /// read from the file's header; the values and claims are read when the application is opened.
    /// Invalid when the header itself is broken (or the whole file, when it has been read).
    public var application: ApplicationLoad
    /// The member's own sheet (nil when there is none, or it is broken).
    public var sheet: ScoreSheet?
    public var isFinal: Bool
}

extension Store {
    /// Every application (or those in `ids`) for the list of `member`, read on all cores: the form
    /// of each application and the member's own sheet, nothing of the other members.
    ///
    /// The list of a large round must come up at once, so the form is read from the top of
    /// `application.yaml` without the values and claims below it (which are most of the file); an
    /// application already read whole is taken from the cache. A problem in the values or claims
    /// shows when the application is opened, and in `validate` and the reports, as always.
    public func listing(member: String, ids: [String]? = nil) -> [ListingEntry] {
        listing(member: member, ids: ids) { $0 }
    }

    /// The listing with each entry turned into a row by `row` on the thread that read it (so that
    /// the sheets read are also let go on both cores); `row` must be safe to call from several
    /// threads at once.
    public func listing<Row>(member: String, ids: [String]? = nil, row: (ListingEntry) -> Row) -> [Row] {
        let final = finalApplications()
        return Parallel.map(ids ?? applicationIDs) { id in
            let load = header(id)
            var sheet: ScoreSheet?
            if let app = load.application, Identifier.isValid(member) {
                let (s, p) = readSheet(path: "scores/\(member)/\(id).json", member: member, applicationID: id, application: app)
                sheet = p.contains { $0.severity == .error } ? nil : s
            }
            return row(ListingEntry(id: id, application: load, sheet: sheet, isFinal: final.contains(id)))
        }
    }

    /// The application's form: from the cache when read whole, else ``ApplicationReader/readForm(_:)``
    /// (the file without its values and claims). When the form has any problem, the whole file is
    /// read (and kept) so that the list shows exactly what opening it would.
    public func header(_ id: String) -> ApplicationLoad {
        if let cached = cachedApplication(id) { return cached }
        let path = "applications/\(id)/application.yaml"
        guard Identifier.isValid(id) else { return application(id) }
        var problems: [Problem] = []
        guard let data = files.data(path, problems: &problems) else { return application(id) }
        // The form names no evidence: nothing to check on disk.
        let reader = ApplicationReader(path: path, folderID: id, standards: standards) { _ in .ok }
        guard let form = reader.readForm(data) else { return application(id) }
        return .valid(form, warnings: [])
    }
}
