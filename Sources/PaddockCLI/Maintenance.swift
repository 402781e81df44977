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
            suggestions per product and feature). Search indexes are compared with the posts and \
            suggestions they index (writers wait while they are). --repair rebuilds a search index \
            that disagrees, and recounts the dashboard's counters when one does.
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
        if repair, problems.contains(where: { $0.hasPrefix("activity counters: ") }) {
            try Integrity.recountActivity(in: database)
            Output.line("Recounted the activity counters.")
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
        abstract: "Print the whole community as one JSON document, for `paddock import`.",
        discussion: """
            Every record of every table (members, boards, threads, posts, post revisions, products,
            features, suggestions, settings, …), text exactly as stored. Search indexes are left out:
            import rebuilds them.
            """)
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON (the only format, and the default).") var json = false

    func run() throws {
        let document = try Transfer.export(global.community().database)
        Output.write(try document.json() + Data("\n".utf8))
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Fill a new, empty community file from a `paddock export` document.",
        discussion: """
            The whole document is checked first; a bad one is refused with each problem naming its
            record and field (e.g. `posts[12].threadId: no thread 99`), and nothing is written.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The exported document ('-' for standard input).", valueName: "file")) var file: String

    func run() throws {
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
