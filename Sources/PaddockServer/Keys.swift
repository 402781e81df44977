import Crypto
import Foundation
import NIOSSH
import PaddockCore

/// Public keys as OpenSSH writes them, and their fingerprints.
public enum AuthorizedKey {
    /// Reads one `authorized_keys` line (or a `.pub` file's content): options
    /// before the key type are skipped, the comment after it is kept. Refuses
    /// key types `paddock serve` cannot verify, naming the supported ones.
    public static func parse(_ text: String) throws -> MemberKeyLine {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard lines.count == 1, let line = lines.first else {
            throw CommunityError.invalid(lines.isEmpty ? "no public key given: pass one line like `ssh-ed25519 AAAA… you@laptop`"
                                                       : "give one key at a time (found \(lines.count) lines)")
        }
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let known = ["ssh-rsa", "ssh-dss"] + MemberKeyLine.algorithms.sorted()
        guard let at = words.firstIndex(where: { known.contains($0) || $0.hasPrefix("sk-") || $0.hasSuffix("-cert-v01@openssh.com") }),
              at + 1 < words.count else {
            throw CommunityError.invalid("not an OpenSSH public key: expected a line like `ssh-ed25519 AAAA… you@laptop`")
        }
        let algorithm = words[at]
        guard MemberKeyLine.algorithms.contains(algorithm) else {
            throw CommunityError.invalid("keys of type \(algorithm) are not supported; use \(MemberKeyLine.algorithms.sorted().joined(separator: ", ")) (ssh-keygen -t ed25519)")
        }
        let base64 = words[at + 1]
        let key: NIOSSHPublicKey
        do {
            key = try NIOSSHPublicKey(openSSHPublicKey: "\(algorithm) \(base64)")
        } catch {
            throw CommunityError.invalid("the \(algorithm) key is malformed: its base64 body does not hold a valid key")
        }
        let canonical = String(openSSHPublicKey: key)
        let comment = words[(at + 2)...].joined(separator: " ")
        return MemberKeyLine(algorithm: algorithm, base64: String(canonical.split(separator: " ")[1]), comment: comment,
                             fingerprint: fingerprint(ofBase64: base64) ?? "")
    }

    /// The key as the store identifies it ("algorithm base64"), with its fingerprint.
    public static func line(for key: NIOSSHPublicKey, comment: String = "") -> MemberKeyLine {
        let canonical = String(openSSHPublicKey: key)
        let parts = canonical.split(separator: " ", maxSplits: 1).map(String.init)
        return MemberKeyLine(algorithm: parts[0], base64: parts.count > 1 ? parts[1] : "", comment: comment,
                             fingerprint: fingerprint(ofBase64: parts.count > 1 ? parts[1] : "") ?? "")
    }

    /// `SHA256:` and the unpadded base64 of the key blob's SHA-256, as `ssh-keygen -l` prints it.
    public static func fingerprint(ofBase64 base64: String) -> String? {
        guard let blob = Data(base64Encoded: base64) else { return nil }
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }
}

/// The server's Ed25519 host key, kept next to the community file.
public struct HostKey: Sendable {
    public let privateKey: NIOSSHPrivateKey
    /// `ssh-ed25519 AAAA… paddock`
    public let publicLine: String
    public let fingerprint: String
    /// Whether this start created it.
    public let created: Bool

    static let header = "PADDOCK ED25519 HOST KEY"

    /// The host key file for a community file: `community.sqlite` → `community.sqlite.host_ed25519_key`.
    public static func path(forDatabase database: String) -> String { database + ".host_ed25519_key" }

    /// Reads the key at `path`, or creates it (mode 0600, its public half in `path.pub`).
    public static func loadOrCreate(at path: String) throws -> HostKey {
        let fm = FileManager.default
        var created = false
        let seed: Data
        if fm.fileExists(atPath: path) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CommunityError.invalid("cannot read the host key \(path)")
            }
            let lines = text.split(whereSeparator: \.isNewline).map(String.init)
            guard lines.count >= 2, lines[0] == header, let data = Data(base64Encoded: lines[1]), data.count == 32 else {
                throw CommunityError.invalid("\(path) is not a Paddock host key; move it away to have a new one made")
            }
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & 0o077 != 0 {
                throw CommunityError.invalid("the host key \(path) can be read by others (mode \(String(info.st_mode & 0o777, radix: 8))); run chmod 600 \(path)")
            }
            seed = data
        } else {
            let key = Curve25519.Signing.PrivateKey()
            seed = key.rawRepresentation
            let text = header + "\n" + seed.base64EncodedString() + "\n"
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw CommunityError.invalid("cannot create the host key \(path): \(String(cString: strerror(errno)))") }
            let bytes = Array(text.utf8)
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
            guard written == bytes.count else { throw CommunityError.invalid("cannot write the host key \(path)") }
            created = true
        }
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        let privateKey = NIOSSHPrivateKey(ed25519Key: key)
        let line = AuthorizedKey.line(for: privateKey.publicKey)
        let publicLine = line.identity + " paddock"
        if created || !fm.fileExists(atPath: path + ".pub") {
            try? (publicLine + "\n").write(toFile: path + ".pub", atomically: true, encoding: .utf8)
        }
        return HostKey(privateKey: privateKey, publicLine: publicLine, fingerprint: line.fingerprint, created: created)
    }
}
