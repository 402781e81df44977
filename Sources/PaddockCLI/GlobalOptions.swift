import ArgumentParser
import Foundation
import PaddockCore
import PaddockStore

/// Options every command takes: which community, and as whom.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The community file (default: $PADDOCK_DB, else $XDG_DATA_HOME/paddock/community.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Act as this member (default: your login name). Only the owner of the community file may act as someone else.", valueName: "handle"))
    var asHandle: String?

    @Flag(name: .long, help: "On a storage error, print SQLite's own account (code, message, statement) after the one-line message.")
    var verbose = false

    func validate() throws {
        if db?.isEmpty == true { throw ValidationError("--db needs the path of a community file") }
    }

    var databasePath: String {
        if let db { return db }
        let env = ProcessInfo.processInfo.environment
        if let path = env["PADDOCK_DB"], !path.isEmpty { return path }
        let dataHome = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (dataHome as NSString).appendingPathComponent("paddock/community.sqlite")
    }

    /// The login name of whoever runs this process.
    static var loginName: String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "operator"
    }

    /// Opens the community and resolves the acting member.
    func context(create: Bool = false) throws -> CommandContext {
        let path = databasePath
        let database = try AppDatabase.open(path: path, create: create)
        let community = Community(database: database)
        let handle = asHandle ?? Self.loginName
        if asHandle != nil, handle != Self.loginName, !Self.operates(path) {
            throw CommunityError.notPermitted("only the owner of \(path) may act as another member")
        }
        return CommandContext(community: community, handle: handle, path: path)
    }

    /// Opens the community, for a command that reads what anyone may read.
    func community() throws -> Community {
        try context().community
    }

    /// Opens the community and resolves the acting member (`--as`, default the
    /// login name): what a command that acts, or reads as someone, starts with.
    func acting() throws -> (community: Community, actor: Actor) {
        let context = try context()
        return (context.community, try context.actor())
    }

    /// Opens the community and resolves the member reading it, nil when the
    /// handle is nobody here: what anyone may read, seen as the reader may see it.
    func viewing() throws -> (community: Community, viewer: Actor?) {
        let context = try context()
        return (context.community, try? context.actor())
    }

    /// Runs a command that creates the community (`init`, `import`, `generate`)
    /// into a missing path or an empty file. When it fails, the file is as it
    /// was: removed if it did not exist, emptied again if it was empty.
    func creating<T>(_ body: (CommandContext) throws -> T) throws -> T {
        let path = databasePath
        let existed = FileManager.default.fileExists(atPath: path)
        let wasEmpty = existed && AppDatabase.isEmptyFile(path)
        var opened: AppDatabase?
        do {
            let context = try context(create: true)
            opened = context.community.database
            return try body(context)
        } catch {
            if let opened, !existed || wasEmpty {
                try? opened.close()
                for suffix in ["-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                if existed { _ = truncate(path, 0) } else { try? FileManager.default.removeItem(atPath: path) }
            }
            throw error
        }
    }

    /// The person who owns the database file (or root) is the operator.
    static func operates(_ path: String) -> Bool {
        let uid = geteuid()
        if uid == 0 { return true }
        var info = stat()
        return stat(path, &info) == 0 && info.st_uid == uid
    }
}

struct CommandContext {
    let community: Community
    let handle: String
    let path: String

    /// The acting member; a clear refusal when the handle is nobody here.
    func actor() throws -> Actor {
        do {
            return try community.actor(handle: handle)
        } catch CommunityError.notFound {
            throw CommunityError.notFound("no member '\(handle)' in \(path); pass --as HANDLE, or have an admin run `paddock member add \(handle)`")
        }
    }
}

/// `--json` for commands that read.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    /// Prints `value` as JSON with `--json`; else `text` prints it for people.
    func emit(_ value: some Encodable, text: () throws -> Void) throws {
        try Output.emit(value, json: json, text: text)
    }
}

/// Where a post's text comes from: `--body`, `--body-file`, or standard input.
struct BodyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The text of the post.", valueName: "text"))
    var body: String?

    @Option(name: .long, help: ArgumentHelp("Read the text of the post from a file ('-' for standard input).", valueName: "file"))
    var bodyFile: String?

    func validate() throws {
        if body != nil, bodyFile != nil { throw ValidationError("give either --body or --body-file, not both") }
    }

    func read() throws -> String {
        if let body { return body }
        if let bodyFile, bodyFile != "-" {
            guard let data = FileManager.default.contents(atPath: bodyFile) else {
                throw InputError(message: "cannot read \(bodyFile)")
            }
            return String(decoding: data, as: UTF8.self)
        }
        if bodyFile == nil, isatty(STDIN_FILENO) != 0 {
            throw ValidationError("give the text with --body or --body-file, or pipe it on standard input")
        }
        return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
}
