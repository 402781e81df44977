import Foundation
import GRDB
import PaddockCore
import PaddockStore
import Testing

/// `paddock mail-out` through real parts: msmtp as the sendmail interface,
/// delivering over SMTP to Python's aiosmtpd on loopback, and what arrives
/// read back with Python's `email` library, as a mail client would.
@Suite(.serialized) struct MailOutCLITests {
    static let python = "/usr/bin/python3"
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Mail").path
    /// Body text a member might post to break a mail or the terminal that shows it.
    static let hostile = "Ciao @marco \u{1B}[31mred\u{1B}[0m \u{1}\u{8}\u{7F} \u{202E}gnp.exe\u{202C} così 🏍\r\nBcc: victim@example.org\nSecond line"
    static let hostileTitle = "Tyres <script>alert('x')</script> & 🏍 così"

    /// An SMTP server on loopback writing what it receives to a folder.
    final class SMTPSink {
        let folder: String
        let process = Process()
        let port: Int

        init(folder: String) throws {
            self.folder = folder
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            process.executableURL = URL(fileURLWithPath: MailOutCLITests.python)
            process.arguments = [MailOutCLITests.scripts + "/smtp_sink.py", folder]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let deadline = Date() + 20
            var port: Int?
            while port == nil, Date() < deadline, process.isRunning {
                port = (try? String(contentsOfFile: folder + "/port", encoding: .utf8)).flatMap { Int($0) }
                if port == nil { usleep(20_000) }
            }
            guard let port else {
                kill(process.processIdentifier, SIGKILL)
                throw InputErrorForTests("the SMTP sink did not start in 20 s")
            }
            self.port = port
        }

        /// The messages received so far, in order.
        var messages: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".eml") }.sorted().map { folder + "/" + $0 }
        }

        /// Waits until `count` messages arrived (deadline, no fixed sleep).
        func wait(for count: Int, seconds: TimeInterval = 20) -> [String] {
            let deadline = Date() + seconds
            while messages.count < count, Date() < deadline { usleep(20_000) }
            return messages
        }

        func stop() {
            // SIGKILL: the test runner may start children with SIGTERM blocked.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    struct InputErrorForTests: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }

    private func read(_ path: String) throws -> [String: Any] {
        let result = try CLI.spawn(Self.python, [Self.scripts + "/read_mail.py", path])
        try #require(result.status == 0, "read_mail.py failed: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    private func partsAvailable() throws -> Bool {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/msmtp"),
              try CLI.spawn(Self.python, ["-c", "import aiosmtpd"]).status == 0 else {
            Issue.record("mail-out tests need msmtp and python3-aiosmtpd: scripts/ensure-deps installs them")
            return false
        }
        return true
    }

    @Test func noticesArriveThroughMsmtpWithTheirHeadersAndHostileTextMadePlain() throws {
        guard try partsAvailable() else { return }
        let cli = try CLI()
        defer { cli.cleanUp() }
        let sink = try SMTPSink(folder: cli.folder + "/inbox")
        defer { sink.stop() }
        try #require(cli.run(["init", "--admin", "ada"]).status == 0)
        let community = Community(database: try AppDatabase.open(path: cli.db))
        let ada = try community.actor(handle: "ada")
        try community.setSetting(by: ada, key: "new_member_days", value: "0")
        let marco = try community.actor(handle: try community.addMember(by: ada, handle: "marco", displayName: "Marco Rossi").handle)
        let kurt = try community.actor(handle: try community.addMember(by: ada, handle: "kurt", displayName: "Kurt Weiß").handle)
        try community.addBoard(by: ada, slug: "garage", title: "Garage")
        let thread = try community.startThread(by: marco, board: "garage", title: Self.hostileTitle, body: "Which tyres?").id

        // mail-out refuses until the operator names the mail host.
        let conf = cli.folder + "/msmtprc"
        try "defaults\nauth off\ntls off\naccount default\nhost 127.0.0.1\nport \(sink.port)\nfrom community@mail.example.org\n"
            .write(toFile: conf, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: conf)
        let sendmail = "msmtp -C \(conf) -t"
        let refused = try cli.run(["mail-out", "--sendmail", sendmail])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("mail_host is not set"))
        #expect(try cli.run(as: "ada", ["setting", "set", "mail_host", "mail.example.org"]).status == 0)

        #expect(try cli.run(as: "marco", ["member", "email", "set", "Marco@Example.org"]).stdout.contains("marco@example.org"))
        let bad = try cli.run(as: "marco", ["member", "email", "set", "marco@example.org\r\nBcc: x@y.z"])
        #expect(bad.status == 1 && bad.stderr.split(separator: "\n").count == 1)
        #expect(try cli.run(as: "kurt", ["member", "email", "show", "--member", "marco"]).status == 1, "a member never reads another's address")

        let mention = try community.reply(by: kurt, thread: thread, body: Self.hostile).id
        let run = try cli.run(["mail-out", "--sendmail", sendmail])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Sent 1"))
        let arrived = sink.wait(for: 1)
        try #require(arrived.count == 1)
        let mail = try read(arrived[0])
        let headers = try #require(mail["headers"] as? [String: String])
        #expect(headers["From"] == "Paddock <community@mail.example.org>")
        #expect(headers["To"] == "Marco Rossi <marco@example.org>")
        #expect(headers["Subject"] == "[Paddock] Kurt Weiß mentioned you: \(Self.hostileTitle)")
        #expect(headers["Reply-To"]?.range(of: #"^reply\+[a-z2-7]{20}@mail\.example\.org$"#, options: .regularExpression) != nil)
        #expect(headers["List-Unsubscribe"]?.range(of: #"^<mailto:unsubscribe\+[a-z2-7]{20}@mail\.example\.org>$"#, options: .regularExpression) != nil)
        #expect(headers["Message-ID"]?.range(of: #"^<paddock\.mention\.\d+\.[a-z2-7]+@mail\.example\.org>$"#, options: .regularExpression) != nil)
        #expect(headers["In-Reply-To"] == "<thread.\(thread)@mail.example.org>")
        #expect(headers["References"] == "<thread.\(thread)@mail.example.org>")
        #expect(headers["Bcc"] == nil)
        #expect(mail["content_type"] as? String == "text/plain")
        #expect(mail["charset"] as? String == "utf-8")
        #expect(mail["raw_head_ascii"] as? Bool == true)
        #expect((mail["defects"] as? [String])?.isEmpty == true)
        let body = try #require(mail["body"] as? String)
        #expect((mail["body_controls"] as? [String])?.isEmpty == true, "control characters reached the mail: \(mail["body_controls"] ?? "") \(mail["body"] ?? "")")
        #expect(body.contains("red") && body.contains("così 🏍") && body.contains("> Second line"))
        #expect(body.contains("Kurt Weiß wrote:"))
        #expect(body.contains("To stop it: press E on the app's home screen for your mail settings (or run paddock member mail --mentions off)."))
        let envelope = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: arrived[0].replacingOccurrences(of: ".eml", with: ".json")))) as? [String: Any]
        #expect((envelope?["mail_from"] as? String)?.hasPrefix("bounce+") == true)
        #expect(envelope?["rcpt_tos"] as? [String] == ["marco@example.org"], "the hostile Bcc line must not add a recipient")

        // The member answers the notice from their mail client: the reply, without the quote
        // or the signature, is posted in the thread as them (mail-in, as the MTA pipes it).
        let written = try CLI.spawn(Self.python, [Self.scripts + "/write_reply.py", arrived[0],
                                                  "Michelin Road 6, front and rear.", "Marco Rossi <marco@example.org>"])
        try #require(written.status == 0, "write_reply.py failed: \(written.stderr)")
        let posted = try cli.run(["mail-in"], stdin: written.stdout)
        #expect(posted.status == 0, "\(posted.stdout) \(posted.stderr)")
        let last = try community.thread(thread, limit: 200).posts.last
        #expect(last?.authorHandle == "marco")
        #expect(last?.body == "Michelin Road 6, front and rear.", "\(last?.body ?? "")")
        #expect(last?.replyToId == mention, "the reply answers the post the notice told of, so its author hears of it")
        #expect(try cli.run(["mail-in"], stdin: written.stdout).status == 0, "delivered twice")
        #expect(try community.thread(thread, limit: 200).posts.filter { $0.body.hasPrefix("Michelin") }.count == 1,
                "the same message posts once")

        // A second run sends nothing again.
        let again = try cli.run(["mail-out", "--sendmail", sendmail])
        #expect(again.stdout.contains("Sent 0"))
        #expect(sink.messages.count == 1)

        // A sendmail that fails for now (EX_TEMPFAIL): queued, reported, retried with the same message once due.
        let failing = cli.folder + "/tempfail.sh"
        try "#!/bin/sh\ncat >/dev/null\necho 'mail queue is full' >&2\nexit 75\n".write(toFile: failing, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: failing)
        _ = try community.reply(by: kurt, thread: thread, body: "@marco another one")
        let failed = try cli.run(["mail-out", "--sendmail", failing])
        #expect(failed.stdout.contains("queued 1"))
        let status = try cli.run(["mail-out", "--status"])
        #expect(status.stdout.contains("queued 1"))
        #expect(status.stdout.contains("temporary failure (exit 75): mail queue is full"))
        #expect(try cli.run(["mail-out", "--sendmail", sendmail]).stdout.contains("Sent 0"), "not before its retry time")
        // A minute passes.
        try community.database.writer.write { db in
            try db.execute(sql: "UPDATE mailOut SET nextAttemptAt = datetime('now', '-1 second') WHERE state = 'queued'")
        }
        let retry = try cli.run(["mail-out", "--sendmail", sendmail])
        let afterRetry = try cli.run(["mail-out", "--status"]).stdout
        #expect(retry.stdout.contains("Sent 1"), "\(retry.stdout) \(retry.stderr) \(afterRetry)")
        let both = sink.wait(for: 2)
        try #require(both.count == 2)
        let retried = try read(both[1])
        #expect((retried["body"] as? String)?.contains("another one") == true)
        #expect(try cli.run(["mail-out", "--status"]).stdout.contains("sent 2, queued 0"))

        // No such user (EX_NOUSER): failed for good and counted as a hard bounce.
        let nouser = cli.folder + "/nouser.sh"
        try "#!/bin/sh\ncat >/dev/null\nexit 67\n".write(toFile: nouser, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: nouser)
        _ = try community.reply(by: kurt, thread: thread, body: "@marco bounce")
        #expect(try cli.run(["mail-out", "--sendmail", nouser]).stdout.contains("failed 1"))
        let shown = try cli.json(["--as", "marco", "member", "email", "show"]) as? [String: Any]
        #expect(shown?["hardBounces"] as? Int == 1)
    }

    @Test func aMissingSendmailIsOneClearLineAndClaimsNothing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["init", "--admin", "ada"]).status == 0)
        #expect(try cli.run(as: "ada", ["setting", "set", "mail_host", "mail.example.org"]).status == 0)
        let result = try cli.run(["mail-out", "--sendmail", "/nonexistent/sendmail -t"])
        #expect(result.status == 1)
        #expect(result.stderr == "paddock: no sendmail program at /nonexistent/sendmail: install an MTA (postfix, exim4 or msmtp-mta) or give --sendmail\n")
    }
}
