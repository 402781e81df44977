import ArgumentParser
import Foundation
import PaddockCore
import PaddockStore

// The operator's tools for the community file: copy it, check it, move it.

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the community into a new file, safely while others are using it.",
        discussion: """
            Uses SQLite's online backup from one snapshot: sessions keep writing, and the copy
            holds what was committed when it began. The copy appears under its name only when
            complete.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Where to write the copy.", valueName: "file")) var file: String

    func validate() throws {
        if file.isEmpty { throw ValidationError("backup needs the path of the file to write") }
    }
    @Flag(help: "Replace the file if it exists.") var force = false

    func run() throws {
        let context = try global.context()
        do {
            try context.community.database.backup(to: file, replace: force)
        } catch let error as BackupError {
            throw InputError(message: error.description)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int).map { " (\($0 / 1024) KiB)" } ?? ""
        Output.line("Backed up \(context.path) to \(file)\(size).")
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the community file: SQLite's integrity and foreign keys, the counts it keeps, its search indexes.",
        discussion: """
            Prints each problem on one line and exits 1 if there is any. Counts checked: a thread's \
            replies against its posts, post positions 0…n in each thread, boards' thread and post \
            counts, members' post counts, posts' revision counts, suggestions' supporter counts, and \
            the dashboard's counters (posts, members, suggestions and supports per day; open \
            suggestions per product and feature), polls' counts of votes, ratings' totals, and \
            members' reputation against its ledger. Search indexes are compared with the posts and \
            suggestions they index (writers wait while they are). --repair rebuilds a search index \
            that disagrees, and recounts the kept counters when one does.
            """)
    @OptionGroup var global: GlobalOptions
    @Flag(help: "When a search index or a counter disagrees with its rows, rebuild or recount it, then check again.") var repair = false

    func run() throws {
        let context = try global.context()
        let database = context.community.database
        var problems = try Integrity.problems(in: database)
        if repair, problems.contains(where: { $0.hasPrefix("search index ") }) {
            for index in try Integrity.rebuildSearchIndexes(in: database) {
                Output.line("Rebuilt search index \(index).")
            }
            problems = try Integrity.problems(in: database)
        }
        if repair, !(try Integrity.counterProblems(in: database)).isEmpty {
            try Integrity.recountCounters(in: database)
            Output.line("Recounted the kept counters (activity, polls, ratings, reputation).")
            problems = try Integrity.problems(in: database)
        }
        guard problems.isEmpty else {
            problems.forEach { Output.line(SafeText.displayable($0)) }
            throw InputError(message: "\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(context.path)")
        }
        Output.line("\(context.path): no problems (integrity, foreign keys, counts, search indexes).")
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the whole community as one JSON document, for `paddock import`; or a board as an mbox.",
        discussion: """
            Every record of every table (members, boards, threads, posts, post revisions, products,
            features, suggestions, settings, …), text exactly as stored. Search indexes are left out:
            import rebuilds them.

            With --mbox --board SLUG, writes the board's threads as a mailing-list archive (mboxrd): \
            each post a message, with its Message-ID (the one it was imported with, or \
            <post-ID.thread-ID@paddock.invalid>), In-Reply-To and References so that a mail reader \
            threads it as Paddock does, its author's imported address (or HANDLE@paddock.invalid; always so for an address given for mail, which is private), and its \
            text in UTF-8, quoted-printable. Hidden threads and posts are left out.
            """)
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON (the default).") var json = false
    @OptionGroup var mail: MailExportOptions

    func validate() throws {
        if json && mail.mbox { throw ValidationError("give --json or --mbox, not both") }
        if !mail.mbox && (mail.board != nil || mail.output != nil) { throw ValidationError("--board and --output go with --mbox") }
        if mail.mbox && mail.board == nil { throw ValidationError("export --mbox needs --board SLUG") }
    }

    func run() throws {
        if mail.mbox { return try MailCommands.exportMbox(mail, global: global) }
        let document = try Transfer.export(global.community().database)
        Output.write(try document.json() + Data("\n".utf8))
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Fill a new, empty community file from a `paddock export` document; or import a mailing list.",
        discussion: """
            The whole document is checked first; a bad one is refused with each problem naming its
            record and field (e.g. `posts[12].threadId: no thread 99`), and nothing is written.

            With --mbox FILE… or --maildir DIR… and --board SLUG (admins, into a discussion board of \
            an existing community): messages become threads and posts, threaded by Message-ID, \
            In-Reply-To and References (JWZ), by subject when those are broken. Authors become \
            members by address, without a key: they cannot log in until an admin adds one \
            (`member key add`). Bodies become text (plain text preferred, HTML made readable, \
            legacy charsets converted); attachments are listed by name and size, not kept; a \
            body over 64 KB is cut with a note. A message already imported (same Message-ID) is \
            not imported again, and replies in a newer archive join the threads they answer. \
            A malformed message (or a reply to an archived or locked thread) is skipped and named \
            in the summary with its place and reason; a date in the future becomes the import's. \
            A file with no message is named; when no file has one, nothing is imported (exit 1). \
            On a terminal, a progress bar on standard error shows messages per second and the \
            time left.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The exported document ('-' for standard input).", valueName: "file")) var file: String?
    @OptionGroup var mail: MailImportOptions

    func validate() throws {
        if mail.isMail {
            if file != nil { throw ValidationError("give a document or --mbox/--maildir, not both") }
            if mail.board == nil { throw ValidationError("importing mail needs --board SLUG") }
        } else {
            if file == nil { throw ValidationError("import needs a document, or --mbox FILE… or --maildir DIR… with --board SLUG") }
            if mail.board != nil || mail.dryRun { throw ValidationError("--board and --dry-run go with --mbox or --maildir") }
        }
    }

    func run() throws {
        if mail.isMail { return try MailCommands.importMail(mail, global: global) }
        let file = self.file!
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else { throw InputError(message: "cannot read \(file)") }
            data = contents
        }
        let path = global.databasePath
        do {
            let document = try CommunityExport.decode(data)
            try global.creating { context in
                try Transfer.importDocument(document, into: context.community.database, path: path)
            }
            let count = { (table: String) in document.tables[CommunityExport.key(forTable: table)]?.count ?? 0 }
            Output.line("Imported \(file) into \(path): \(count("member")) members, \(count("board")) boards, "
                        + "\(count("thread")) threads, \(count("post")) posts.")
        } catch TransferError.notEmpty(let path) {
            throw InputError(message: TransferError.notEmpty(path: path).description)
        } catch TransferError.invalid(let problems) {
            // The first line says how many; then each problem on a line of its own.
            let shown = problems.prefix(20) + (problems.count > 20 ? ["… and \(problems.count - 20) more"] : [])
            throw InputError(message: "refused \(file), nothing written: \(problems.count) problem\(problems.count == 1 ? "" : "s")",
                             details: Array(shown))
        }
    }
}
