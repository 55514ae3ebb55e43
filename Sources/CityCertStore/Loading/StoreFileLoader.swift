import CityCertCore

/// The one reader of `store.yaml` (spec §2): the round, its title, where the standards are, and the
/// signature policy. Like the committee's and the standards' readers, it walks the YAML nodes with
/// ``YAMLReader`` (a few lines: no fast path), and any error makes the store unreadable.
struct StoreFileLoader {
    let reader = YAMLReader(path: "store.yaml")

    /// What `store.yaml` says.
    struct StoreFile {
        var round: String
        var title: LocalizedText?
        /// The standards file, relative to the store's root.
        var standardsPath: String
        /// `signatures: required`: every record must be signed by its actor's key.
        var signaturesRequired: Bool
    }

    /// The keys of `store.yaml`.
    static let keys = ["round", "title", "standards", "signatures"]

    /// The store file, or nil when it has errors (in `reader.problems`).
    func load(_ text: String) -> StoreFile? {
        guard let node = reader.parse(text), let m = reader.map(node, "store.yaml") else { return nil }
        m.checkKeys(Self.keys, what: "store.yaml", reader: reader)
        var signaturesRequired = false
        if let node = m["signatures"], let policy = reader.string(node, "signatures") {
            switch policy {
            case "optional": break
            case "required": signaturesRequired = true
            default: reader.error(node, "signatures must be optional or required, found '\(policy)'")
            }
        }
        let round = reader.string(m["round"], "round")
        let title = m["title"].flatMap { reader.localized($0, "title", required: false) }
        var standardsPath = reader.string(m["standards"], "standards")
        if let s = standardsPath, let why = EvidencePath.rejection(of: s) {
            reader.error(m["standards"], "standards path '\(s)' \(why.replacingOccurrences(of: "application", with: "store"))")
            standardsPath = nil
        }
        guard let round, let standardsPath, !reader.hasErrors else { return nil }
        return StoreFile(round: round, title: title, standardsPath: standardsPath, signaturesRequired: signaturesRequired)
    }
}
