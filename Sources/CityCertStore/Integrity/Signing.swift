import CityCertCore
import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Ed25519 signatures of audit records (spec §2, audit.log *Signatures*).
///
/// A record's `sig` is the standard base64 of the Ed25519 signature, by the actor's private key,
/// of the ASCII bytes of the record's `hash` (its 64 lowercase hex characters). Anyone can check it
/// with the public key in `committee.yaml` (`key: ed25519:<base64>`).
public enum Signatures {
    /// The `ed25519:` prefix of a committee `key`.
    public static let prefix = "ed25519:"

    /// The base64 public key of a `key: ed25519:…` value, or why it is not one.
    public static func parsePublicKey(_ text: String) -> Result<String, KeyError> {
        guard text.hasPrefix(prefix) else {
            return .failure(KeyError("must be 'ed25519:' followed by the base64 of the 32-byte public key, found '\(text.prefix(40))'"))
        }
        let b64 = String(text.dropFirst(prefix.count))
        guard let raw = Data(base64Encoded: b64), raw.count == 32 else {
            return .failure(KeyError("'\(b64.prefix(60))' is not the standard base64 of 32 bytes"))
        }
        guard (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil else {
            return .failure(KeyError("is not an Ed25519 public key"))
        }
        return .success(b64)
    }

    /// Whether `sig` (base64) is a valid Ed25519 signature of the ASCII bytes of `hash` by the
    /// public key `publicKey` (base64, as in ``Member/publicKey``).
    public static func isValid(sig: String, hash: String, publicKey: String) -> Bool {
        guard let raw = Data(base64Encoded: publicKey), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw),
              let signature = Data(base64Encoded: sig), signature.count == 64 else { return false }
        return key.isValidSignature(signature, for: Data(hash.utf8))
    }

    /// The base64 signature of the ASCII bytes of `hash`.
    static func sign(hash: String, with key: Curve25519.Signing.PrivateKey) throws -> String {
        try key.signature(for: Data(hash.utf8)).base64EncodedString()
    }

    public struct KeyError: Error, CustomStringConvertible, Sendable {
        public var message: String
        init(_ m: String) { message = m }
        public var description: String { message }
    }
}

/// A member's private signing key, read from its file.
public struct SigningKey: @unchecked Sendable {
    let privateKey: Curve25519.Signing.PrivateKey
    /// Where it was read from.
    public let path: String

    /// The `key: ed25519:…` value of its public key, for `committee.yaml`.
    public var committeeKey: String { Signatures.prefix + publicKeyBase64 }
    /// The standard base64 of the 32-byte public key.
    public var publicKeyBase64: String { privateKey.publicKey.rawRepresentation.base64EncodedString() }

    init(privateKey: Curve25519.Signing.PrivateKey, path: String) {
        self.privateKey = privateKey
        self.path = path
    }
}

/// Where a member's private key lives, and reading and making it (spec §2: the standard base64 of
/// the 32-byte seed and a newline, readable by its owner only).
public enum KeyFile {
    /// `$XDG_CONFIG_HOME/citycert/keys/<member>.ed25519` (`~/.config/...` when unset), or the file
    /// named by `CITYCERT_KEY`.
    public static func defaultPath(member: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let named = environment["CITYCERT_KEY"], !named.isEmpty { return named }
        return "\(keyFolder(environment: environment))/\(member).ed25519"
    }

    /// `$XDG_CONFIG_HOME/citycert/keys` (`~/.config/citycert/keys` when unset).
    public static func keyFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let config: String
        if let x = environment["XDG_CONFIG_HOME"], x.hasPrefix("/") {
            config = x
        } else {
            config = "\(homeDirectory(environment: environment))/.config"
        }
        return "\(config)/citycert/keys"
    }

    static func homeDirectory(environment: [String: String]) -> String {
        if let h = environment["HOME"], !h.isEmpty { return h }
        if let pw = getpwuid(geteuid()), let d = pw.pointee.pw_dir { return String(cString: d) }
        return "/"
    }

    /// Reads a key file; refuses one that is not a regular file, that group or others may access
    /// (as ssh does), that another user owns, or that does not hold the base64 of 32 bytes.
    public static func read(_ path: String) throws(Signatures.KeyError) -> SigningKey {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            let why = errno == ENOENT ? "there is no such file" : String(cString: strerror(errno))
            throw Signatures.KeyError("cannot read the private key \(path): \(why)")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            throw Signatures.KeyError("the private key \(path) is not a regular file")
        }
        if st.st_mode & 0o077 != 0 {
            throw Signatures.KeyError("the private key \(path) is accessible to others (mode \(String(st.st_mode & 0o777, radix: 8))): it must be readable by its owner only (chmod 600 \(path)); refused, as ssh does")
        }
        if st.st_uid != geteuid(), geteuid() != 0 {
            throw Signatures.KeyError("the private key \(path) belongs to another user (uid \(st.st_uid)): refused")
        }
        var bytes = [UInt8](repeating: 0, count: 256)
        let n = Glibc.read(fd, &bytes, bytes.count)
        guard n > 0 else { throw Signatures.KeyError("the private key \(path) is empty") }
        let text = String(decoding: bytes[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let seed = Data(base64Encoded: text), seed.count == 32,
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
            throw Signatures.KeyError("the private key \(path) does not hold the standard base64 of a 32-byte Ed25519 key")
        }
        return SigningKey(privateKey: key, path: path)
    }

    /// Makes a new key file (owner-only, never over an existing file) and returns the key. The
    /// folder is created owner-only (0700) when missing.
    public static func create(_ path: String) throws(Signatures.KeyError) -> SigningKey {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw Signatures.KeyError("cannot create the folder \(folder): \(error.localizedDescription)")
            }
        }
        let key = Curve25519.Signing.PrivateKey()
        let line = Array((key.rawRepresentation.base64EncodedString() + "\n").utf8)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            let why = errno == EEXIST ? "it already exists (a key is never overwritten; `citycert key show` prints its public key)" : String(cString: strerror(errno))
            throw Signatures.KeyError("cannot create the private key \(path): \(why)")
        }
        defer { close(fd) }
        fchmod(fd, 0o600)   // whatever the umask
        let written = line.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(fd) == 0 else {
            unlink(path)
            throw Signatures.KeyError("cannot write the private key \(path): \(String(cString: strerror(errno)))")
        }
        return SigningKey(privateKey: key, path: path)
    }
}

/// Where a store finds the private key of the member it acts for.
public enum KeySource: Sendable {
    /// `CITYCERT_KEY`, else the member's file under `$XDG_CONFIG_HOME/citycert/keys/`.
    case standard
    /// One file (`--key FILE`).
    case file(String)
    /// `<folder>/<member>.ed25519` (the sample store's keys, tests).
    case folder(String)
    /// No key: records of members with a key are refused (tests).
    case none

    func path(member: String) -> String? {
        switch self {
        case .standard: return KeyFile.defaultPath(member: member)
        case .file(let p): return p
        case .folder(let f): return "\(f)/\(member).ed25519"
        case .none: return nil
        }
    }
}

extension Store {
    /// The signature for a record of `actor` whose hash is `hash`: nil when the actor has no `key`
    /// in committee.yaml; refused when the actor has a key and it cannot be signed (no key file,
    /// a key file others can read, or a private key that is not the committee's key).
    func signer(for actor: String) throws(StoreActionError) -> ((String) throws -> String)? {
        guard let publicKey = committee.member(actor)?.publicKey else { return nil }
        let key = try signingKey(for: actor, expecting: publicKey)
        return { hash in try Signatures.sign(hash: hash, with: key.privateKey) }
    }

    /// The private key of a member with a committee `key`, checked against it; refuses otherwise.
    func signingKey(for member: String, expecting publicKey: String) throws(StoreActionError) -> SigningKey {
        guard let path = keySource.path(member: member) else {
            throw .refused(.noPrivateKey(member: member))
        }
        let key: SigningKey
        do {
            key = try KeyFile.read(path)
        } catch {
            throw .refused(.mustSign(member: member, reason: error.message))
        }
        guard key.publicKeyBase64 == publicKey else {
            throw .refused(.wrongPrivateKey(path: path, member: member, publicKey: key.committeeKey))
        }
        return key
    }

    /// Checks, before anything is changed, that a record by `actor` can be signed when it must be.
    public func checkCanSign(_ actor: String) throws(StoreActionError) {
        _ = try signer(for: actor)
    }
}
