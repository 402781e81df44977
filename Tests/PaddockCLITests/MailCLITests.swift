import Foundation
import GRDB
@testable import PaddockCLI
import Testing

/// `paddock import --mbox|--maildir` and `export --mbox`, as an operator runs them.
@Suite(.serialized) struct MailCLITests {
    static let archive = """
        From ann@example.org Thu Dec  3 09:00:00 2026
        From: Ann Rider <ann@example.org>
        Date: Thu, 3 Dec 2026 09:00:00 +0000
        Message-ID: <seat@x>
        Subject: Seat height

        How low can the seat go?
        >From the manual: 810 mm.

        From bob@example.org Thu Dec  3 10:00:00 2026
        From: Bob <bob@example.org>
        Date: Thu, 3 Dec 2026 10:00:00 +0000
        Message-ID: <r1@x>
        In-Reply-To: <seat@x>
        Subject: Re: Seat height
        Content-Type: text/plain; charset=iso-8859-1
        Content-Transfer-Encoding: quoted-printable

        Lowering kit: 20 mm, caf=E9 included.

        From nobody Thu Dec  3 11:00:00 2026
        no headers here

        """

    func community() throws -> CLI {
        let cli = try CLI()
        try #require(cli.run(["init", "--admin", "ada"]).status == 0)
        try #require(cli.run(["--as", "ada", "board", "add", "riders", "--title", "Riders"]).status == 0)
        try Self.archive.write(toFile: cli.folder + "/list.mbox", atomically: true, encoding: .utf8)
        return cli
    }

    @Test func importPrintsItsSummaryAndExportWritesTheBoardBack() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let mbox = cli.folder + "/list.mbox"
        let imported = try cli.run(["--as", "ada", "import", "--mbox", mbox, "--board", "riders"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr == "", "no progress bar when not on a terminal")
        #expect(imported.stdout == """
            Imported \(mbox) into 'riders'.
              messages read                                3
              imported                                     2
              already present                              0
              skipped                                      1
                1 not a mail message (no header fields)
              threads created                              1
              joined threads imported before               0
              members created                              2
              bodies cut at 64 KB                          0
              text in an unknown charset, read as Latin-1  0
              dated in the future, dated at the import     0
            Skipped:
              \(mbox) at byte \(Self.archive.utf8.count - "no headers here\n".utf8.count): not a mail message (no header fields)

            """)
        let shown = try cli.run(["thread", "show", "1"])
        #expect(shown.stdout.contains("From the manual: 810 mm.") && shown.stdout.contains("café included"))
        #expect(try cli.run(["check"]).status == 0)

        // Again: nothing new.
        let again = try cli.run(["--as", "ada", "import", "--mbox", mbox, "--board", "riders"])
        #expect(again.stdout.contains("  imported                                     0\n  already present                              2\n"))

        let out = cli.folder + "/out.mbox"
        let exported = try cli.run(["export", "--mbox", "--board", "riders", "--output", out])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stderr == "Exported 1 threads, 2 posts of 'riders' to \(out).\n")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.hasPrefix("From ann@example.org Thu Dec  3 09:00:00 2026\nMessage-ID: <seat@x>\n"))
        #expect(text.contains("\n>From the manual: 810 mm.\n"))
        #expect(text.contains("In-Reply-To: <seat@x>\nReferences: <seat@x>\n"))
        #expect(try cli.run(["export", "--mbox", "--board", "riders"]).stdout == text)
    }

    @Test func aDryRunWritesNothing() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.db))
        let dry = try cli.run(["--as", "ada", "import", "--mbox", cli.folder + "/list.mbox", "--board", "riders", "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.stdout.hasPrefix("Dry run of \(cli.folder)/list.mbox into 'riders': nothing was written.\n  messages read                                3\n  would be imported                            2\n"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == before)
        let queue = try DatabaseQueue(path: cli.db)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM post") } == 0)
    }

    @Test func badInputIsOneLineAndChangesNothing() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let mbox = cli.folder + "/list.mbox"
        let cases: [([String], Int32, String)] = [
            (["--as", "ada", "import", "--mbox", mbox], 2, "Error: importing mail needs --board SLUG"),
            (["--as", "ada", "import", "--mbox", cli.folder + "/missing.mbox", "--board", "riders"], 1,
             "paddock: cannot read the mbox \(cli.folder)/missing.mbox: no such file"),
            (["--as", "ada", "import", "--maildir", cli.folder, "--board", "riders"], 1,
             "paddock: \(cli.folder) is not a maildir (a folder with cur/ and new/)"),
            (["--as", "ada", "import", "--mbox", mbox, "--board", "nowhere"], 1, "paddock: no board 'nowhere'"),
            (["import", "--mbox", mbox, "--board", "riders", "--as", "nobody"], 1, "paddock: no member 'nobody'"),
            (["export", "--mbox"], 2, "Error: export --mbox needs --board SLUG"),
            (["export", "--mbox", "--board", "nowhere"], 1, "paddock: no board 'nowhere'"),
            (["--as", "ada", "import", "--mbox", cli.folder + "/empty.mbox", "--board", "riders"], 1,
             "paddock: \(cli.folder)/empty.mbox: no messages found (not an mbox?)\n"),
        ]
        FileManager.default.createFile(atPath: cli.folder + "/empty.mbox", contents: Data())
        for (arguments, status, message) in cases {
            let result = try cli.run(arguments)
            #expect(result.status == status, "\(arguments)")
            #expect(result.stderr.hasPrefix(message), "\(arguments): \(result.stderr)")
        }
        let queue = try DatabaseQueue(path: cli.db)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM post") } == 0)
    }

    /// The progress line never reaches the terminal's last column (it would wrap and leave a line per redraw).
    @Test func theProgressLineFitsTheTerminal() {
        for width in [10, 20, 30, 40, 60, 80, 120] {
            let line = ProgressBar.line(label: "checking", fraction: 0.5, done: 123_456, rate: 9_999, time: "12:34 left", width: width)
            #expect(line.count < width, "\(width): \(line)")
            #expect(line.hasPrefix("checking"))
        }
        #expect(ProgressBar.line(label: "writing", fraction: 0.5, done: 10, rate: 5, time: "0:02 left", width: 80)
                == "writing [##########..........] 50%  10 messages  5 msg/s  0:02 left")
        #expect(ProgressBar.line(label: "writing", fraction: 0.5, done: 10, rate: 5, time: "0:02 left", width: 40) == "writing [##########..........] 50%")
    }
}
