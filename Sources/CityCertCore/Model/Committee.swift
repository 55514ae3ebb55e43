/// A member's role on the committee.
public enum Role: String, Sendable, Hashable, CaseIterable {
    case chair, member, secretary
}

/// A person on the committee.
public struct Member: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var role: Role
    public var affiliation: String?
    /// The operating-system user that picks this member automatically.
    public var login: String?
    /// The member's public signing key (spec §2 `key`): the standard base64 of the 32-byte Ed25519
    /// public key, without the `ed25519:` prefix. Records of a member with a key must be signed.
    public var publicKey: String?
    public init(id: String, name: String, role: Role, affiliation: String? = nil, login: String? = nil, publicKey: String? = nil) {
        self.id = id; self.name = name; self.role = role; self.affiliation = affiliation; self.login = login
        self.publicKey = publicKey
    }

    /// Chairs and members score; secretaries do not.
    public var canScore: Bool { role != .secretary }
}

/// The kind of a conflict of interest (제척, 기피, 회피).
public enum ConflictKind: String, Sendable, Hashable, CaseIterable {
    case exclusion, challenge, recusal
}

/// A member who neither sees nor scores an application.
public struct Conflict: Sendable, Hashable {
    public var member: String
    public var application: String
    public var kind: ConflictKind?
    public var reason: String?
    public init(member: String, application: String, kind: ConflictKind? = nil, reason: String? = nil) {
        self.member = member; self.application = application; self.kind = kind; self.reason = reason
    }
}

/// The committee: members, conflicts of interest, and site-inspection teams.
public struct Committee: Sendable {
    public var members: [Member]
    public var conflicts: [Conflict] { didSet { conflictIndex = Self.index(conflicts) } }
    /// Application id → member ids of its site team; an application left out: every eligible member.
    public var siteTeams: [String: [String]]
    private let index: [String: Int]
    /// Conflicts by application, in file order: a lookup costs the application's conflicts, not all of them.
    private var conflictIndex: [String: [Conflict]]

    public init(members: [Member], conflicts: [Conflict] = [], siteTeams: [String: [String]] = [:]) {
        self.members = members
        self.conflicts = conflicts
        self.siteTeams = siteTeams
        var idx: [String: Int] = [:]
        for (i, m) in members.enumerated() where idx[m.id] == nil { idx[m.id] = i }
        index = idx
        conflictIndex = Self.index(conflicts)
    }

    private static func index(_ conflicts: [Conflict]) -> [String: [Conflict]] {
        Dictionary(grouping: conflicts, by: \.application)
    }

    /// The member with this id.
    public func member(_ id: String) -> Member? { index[id].map { members[$0] } }

    /// The conflict of a member on an application, if any.
    public func conflict(member: String, application: String) -> Conflict? {
        conflictIndex[application]?.first { $0.member == member }
    }

    /// Chair or member, known, without a conflict on the application.
    public func isEligible(_ memberID: String, for application: String) -> Bool {
        guard let m = member(memberID), m.canScore else { return false }
        return conflict(member: memberID, application: application) == nil
    }

    /// The eligible members of an application, in committee order.
    public func eligibleMembers(for application: String) -> [Member] {
        members.filter { isEligible($0.id, for: application) }
    }

    /// The eligible members who inspect the application on site.
    public func siteTeam(for application: String) -> [Member] {
        guard let team = siteTeams[application] else { return eligibleMembers(for: application) }
        let set = Set(team)
        return eligibleMembers(for: application).filter { set.contains($0.id) }
    }

    /// Whether a member is on the site team of an application (eligible, and named in its team if
    /// it has one); the same as looking in ``siteTeam(for:)`` without building it.
    public func isOnSiteTeam(_ memberID: String, application: String) -> Bool {
        guard isEligible(memberID, for: application) else { return false }
        guard let team = siteTeams[application] else { return true }
        return team.contains(memberID)
    }

    /// Whether a member's sheets count for a phase of an application.
    public func counts(_ memberID: String, phase: Phase, application: String) -> Bool {
        guard isEligible(memberID, for: application) else { return false }
        switch phase {
        case .written: return true
        case .site: return isOnSiteTeam(memberID, application: application)
        }
    }

    /// The chair(s).
    public var chairs: [Member] { members.filter { $0.role == .chair } }
}
