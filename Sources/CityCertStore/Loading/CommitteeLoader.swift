import CityCertCore
import Yams

/// Builds the ``Committee`` from `committee.yaml`.
///
/// Members are essential (a broken member list makes the store unreadable); a conflict or site team
/// that names an unknown member is reported and left out, and the rest of the committee stands.
struct CommitteeLoader {
    let reader: YAMLReader
    init(path: String) { reader = YAMLReader(path: path) }

    /// The committee, or nil when its members cannot be read.
    func load(_ text: String) -> Committee? {
        guard let root = reader.parse(text), let m = reader.map(root, "the committee") else { return nil }
        m.checkKeys(["members", "conflicts", "site_teams"], what: "committee", reader: reader)
        guard let list = reader.seq(m["members"], "members") else { return nil }
        var members: [Member] = []
        var fatal = false
        for (i, node) in list.enumerated() {
            guard let mm = reader.map(node, "members[\(i + 1)]") else { fatal = true; continue }
            mm.checkKeys(["id", "name", "role", "affiliation", "login", "key"], what: "member", reader: reader)
            let id = reader.identifier(mm["id"], "member id")
            let what = "member \(id ?? String(i + 1))"
            let name = mm["name"].flatMap { reader.localized($0, "\(what): name") }?.preferKorean
            let roleText = reader.string(mm["role"], "\(what): role")
            let role = roleText.flatMap(Role.init(rawValue:))
            if let roleText, role == nil {
                reader.error(mm["role"], "\(what): role must be chair, member or secretary, found '\(roleText)'")
            }
            let affiliation = mm["affiliation"].flatMap { reader.string($0, "\(what): affiliation", required: false) }
            let login = mm["login"].flatMap { reader.string($0, "\(what): login", required: false) }
            var publicKey: String?
            if let keyNode = mm["key"], let text = reader.string(keyNode, "\(what): key", required: false) {
                switch Signatures.parsePublicKey(text) {
                case .success(let k): publicKey = k
                case .failure(let e):
                    // A member whose key cannot be read would have unsigned records accepted: the
                    // member list is unreadable, as for any broken member entry.
                    reader.error(keyNode, "\(what): key \(e.message)")
                    fatal = true
                }
            }
            guard let id, let role else { fatal = true; continue }
            if members.contains(where: { $0.id == id }) {
                reader.error(mm["id"], "duplicate member id '\(id)'")
                fatal = true
                continue
            }
            if let login, let other = members.first(where: { $0.login == login }) {
                reader.error(mm["login"], "\(what): login '\(login)' is already the login of member \(other.id)")
            }
            if let publicKey, let other = members.first(where: { $0.publicKey == publicKey }) {
                reader.error(mm["key"], "\(what): key is already the key of member \(other.id): each member signs with their own key")
                fatal = true
            }
            members.append(Member(id: id, name: name ?? id, role: role, affiliation: affiliation, login: login, publicKey: publicKey))
        }
        guard !fatal else { return nil }
        if members.isEmpty { reader.error(m["members"], "members is empty"); return nil }
        if !members.contains(where: { $0.role == .chair }) {
            reader.warning(m["members"], "the committee has no chair: nobody can finalize an application")
        }
        let known = Set(members.map(\.id))
        return Committee(members: members, conflicts: conflicts(m["conflicts"], known: known),
                         siteTeams: siteTeams(m["site_teams"], known: known))
    }

    private func conflicts(_ node: Node?, known: Set<String>) -> [Conflict] {
        guard let node else { return [] }
        if case .scalar = node, reader.scalar(node, "conflicts", required: false) == nil { return [] }
        var result: [Conflict] = []
        for (i, c) in (reader.seq(node, "conflicts") ?? []).enumerated() {
            let what = "conflicts[\(i + 1)]"
            guard let cm = reader.map(c, what) else { continue }
            cm.checkKeys(["member", "application", "kind", "reason"], what: what, reader: reader)
            let member = reader.identifier(cm["member"], "\(what).member")
            let app = reader.identifier(cm["application"], "\(what).application")
            var kind: ConflictKind?
            if let k = cm["kind"].flatMap({ reader.string($0, "\(what).kind", required: false) }) {
                kind = ConflictKind(rawValue: k)
                if kind == nil { reader.error(cm["kind"], "\(what).kind must be exclusion, challenge or recusal, found '\(k)'") }
            }
            let reason = cm["reason"].flatMap { reader.string($0, "\(what).reason", required: false) }
            guard let member, let app else { continue }
            guard known.contains(member) else {
                reader.error(cm["member"], "\(what) names unknown member '\(member)'")
                continue
            }
            result.append(Conflict(member: member, application: app, kind: kind, reason: reason))
        }
        return result
    }

    private func siteTeams(_ node: Node?, known: Set<String>) -> [String: [String]] {
        guard let node else { return [:] }
        if case .scalar = node, reader.scalar(node, "site_teams", required: false) == nil { return [:] }
        guard let m = reader.map(node, "site_teams") else { return [:] }
        var teams: [String: [String]] = [:]
        for p in m.pairs {
            guard Identifier.isValid(p.key) else {
                reader.error(p.keyNode, "site_teams: '\(p.key)' is not a valid application id")
                continue
            }
            var team: [String] = []
            for n in reader.seq(p.value, "site_teams.\(p.key)") ?? [] {
                guard let id = reader.identifier(n, "site_teams.\(p.key) member") else { continue }
                if !known.contains(id) {
                    reader.error(n, "site_teams.\(p.key) names unknown member '\(id)'")
                } else if team.contains(id) {
                    reader.error(n, "site_teams.\(p.key) names member '\(id)' twice")
                } else {
                    team.append(id)
                }
            }
            teams[p.key] = team
        }
        return teams
    }
}
