import Foundation
import Testing

/// `member key`, `invite` and the serve settings on the command line.
@Suite(.serialized) struct ServeCLITests {
    static let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDZ5rsKSnlIFm2EmJMMSjrnbtB8T3o61X6S4Q3qD3Cd7 marco@laptop"

    private func community() throws -> CLI {
        let cli = try CLI()
        try #require(cli.run(["init", "--admin", "ada"]).status == 0)
        try #require(cli.run(as: "ada", ["member", "add", "marco"]).status == 0)
        return cli
    }

    @Test func keysAreAddedFromStdinOrAFileListedAndRemoved() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let added = try cli.run(as: "ada", ["member", "key", "add", "marco"], stdin: "# a comment line\n" + Self.key + "\n")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("Added key SHA256:"))
        #expect(added.stdout.hasSuffix(" (ssh-ed25519) to marco.\n"))
        let fingerprint = String(added.stdout.split(separator: " ")[2])
        // The same fingerprint ssh-keygen prints.
        let file = cli.folder + "/marco.pub"
        try (Self.key + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let keygen = Process()
        keygen.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
        keygen.arguments = ["-l", "-f", file]
        let out = Pipe()
        keygen.standardOutput = out
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen") {
            try keygen.run()
            let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            keygen.waitUntilExit()
            #expect(printed.contains(fingerprint), "ssh-keygen says \(printed)")
        }
        let again = try cli.run(as: "ada", ["member", "key", "add", "ada", "--key-file", file])
        #expect(again.status == 1)
        #expect(again.stderr == "paddock: this key already belongs to marco\n")
        let list = try cli.json(["--as", "marco", "member", "key", "list", "marco"]) as! [[String: Any]]
        #expect(list.map { $0["fingerprint"] as? String } == [fingerprint])
        #expect(list.first?["comment"] as? String == "marco@laptop")
        let table = try cli.run(as: "marco", ["member", "key", "list", "marco"])
        #expect(table.stdout.contains(fingerprint), "the whole fingerprint is printed, to paste into remove")
        let other = try cli.run(as: "marco", ["member", "key", "list", "ada"])
        #expect(other.status == 1)
        #expect(other.stderr == "paddock: only admins can manage another member's keys\n")
        let removed = try cli.run(as: "marco", ["member", "key", "remove", "marco", fingerprint])
        #expect(removed.stdout == "Removed key \(fingerprint) from marco.\n")
        #expect(try cli.run(as: "marco", ["member", "key", "remove", "marco", fingerprint]).status == 1)
    }

    @Test func badKeysAreRefusedWithOneLine() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let rsa = try cli.run(as: "ada", ["member", "key", "add", "marco"], stdin: "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 x\n")
        #expect(rsa.status == 1)
        #expect(rsa.stderr.hasPrefix("paddock: keys of type ssh-rsa are not supported; use ecdsa-sha2-nistp256"))
        let junk = try cli.run(as: "ada", ["member", "key", "add", "marco"], stdin: "hello\n")
        #expect(junk.stderr == "paddock: not an OpenSSH public key: expected a line like `ssh-ed25519 AAAA… you@laptop`\n")
        let broken = try cli.run(as: "ada", ["member", "key", "add", "marco"], stdin: "ssh-ed25519 AAAAnotakey\n")
        #expect(broken.stderr == "paddock: the ssh-ed25519 key is malformed: its base64 body does not hold a valid key\n")
        let missing = try cli.run(as: "ada", ["member", "key", "add", "marco", "--key-file", "/nonexistent.pub"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "paddock: cannot read /nonexistent.pub\n")
    }

    @Test func invitesAreCreatedByStaffAndListed() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let refused = try cli.run(as: "marco", ["invite", "create"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "paddock: only moderators, managers and admins can create invites\n")
        let made = try cli.run(as: "ada", ["invite", "create", "--uses", "3", "--expires", "2d"])
        #expect(made.status == 0)
        #expect(made.stdout.range(of: #"^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}  \(member, 3 uses, until .* UTC\)\n$"#, options: .regularExpression) != nil, "\(made.stdout)")
        #expect(made.stderr == "paddock: note: signup is 'closed'; codes are asked for only after `paddock setting set signup invite`\n")
        let code = String(made.stdout.prefix(14))
        #expect(try cli.run(as: "ada", ["invite", "list"]).stdout.contains(code))
        let usage = try cli.run(as: "ada", ["invite", "create", "--expires", "soon"])
        #expect(usage.status == 2)
        #expect(try cli.run(as: "ada", ["setting", "set", "signup", "invite"]).status == 0)
        let settings = try cli.run(["setting", "list"]).stdout
        #expect(settings.contains("signup"))
        #expect(settings.contains("invite"))
        #expect(settings.contains("idle_timeout_minutes"))
    }

    @Test func serveRefusesABadListenAddressAndAnUnsafeEditor() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let listen = try cli.run(["serve", "--listen", "nowhere"])
        #expect(listen.status == 2)
        #expect(listen.stderr.contains("--listen takes HOST:PORT"))
        let vim = try cli.run(["serve", "--listen", "127.0.0.1:0", "--editor", "vim"])
        #expect(vim.status == 2)
        #expect(vim.stderr.contains("only nano is supported"))
        let session = try cli.run(["served-session", "--member", "1"])
        #expect(session.status == 1, "a served session needs a terminal")
        let help = try cli.run(["--help"], withDB: false).stdout
        #expect(help.contains("  serve "))
        #expect(help.contains("  invite "))
        #expect(!help.contains("served-session"))
    }
}
