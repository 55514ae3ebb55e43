import CityCertCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The operating-system user running the program, as the store's identity rule sees it.
public struct OSUser: Sendable, Hashable {
    /// The user name (`kminsu`).
    public var name: String
    /// The superuser (uid 0) can rewrite any file anyway; it may act as any member, and the audit
    /// log records that it did (`os_user` in every record).
    public var isSuperuser: Bool

    public init(name: String, isSuperuser: Bool = false) {
        self.name = name
        self.isSuperuser = isSuperuser
    }

    /// The effective user of this process, from the password database (not from `$USER`, which
    /// anyone can set).
    public static var current: OSUser {
        let uid = geteuid()
        var name = "uid\(uid)"
        if let pw = getpwuid(uid), let n = pw.pointee.pw_name { name = String(cString: n) }
        return OSUser(name: name, isSuperuser: uid == 0)
    }
}

extension Store {
    /// Checks that the OS user may act as `memberID` (spec §2 `login`):
    /// - a member with a `login` can be acted as only by that OS user;
    /// - an OS user who is some member's `login` can act only as that member;
    /// - the superuser may act as anyone (recorded in the audit log);
    /// - a member with a `key` needs its private key here (``checkCanSign(_:)``).
    public func checkIdentity(_ memberID: String) throws(StoreActionError) {
        guard let m = committee.member(memberID) else {
            throw .refused(.notAMember(memberID))
        }
        // A member with a key acts only where their records can be signed (spec §2 *Signatures*).
        try checkCanSign(memberID)
        let user = osUser
        if user.isSuperuser { return }
        if let login = m.login, login != user.name {
            throw .refused(.osUserMismatch(name: m.name, member: m.id, login: login, user: user.name))
        }
        if let own = committee.members.first(where: { $0.login == user.name }), own.id != m.id {
            throw .refused(.ownLoginOnly(user: user.name, ownName: own.name, own: own.id, member: m.id))
        }
    }

    /// The member the OS user is (by `login`), if any.
    public func memberForCurrentUser() -> Member? {
        committee.members.first { $0.login == osUser.name }
    }
}
