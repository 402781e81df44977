import Foundation

/// Runs the built `paddock` binary on a temporary community file and captures
/// what a user would see: stdout, stderr and the exit status.
struct CLI {
    let folder: String
    let db: String

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    init() throws {
        folder = NSTemporaryDirectory() + "paddock-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        db = folder + "/community.sqlite"
    }

    /// Where `swift build` put the binary: beside the test bundle.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["PADDOCK_BIN"] { return path }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("paddock").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return ".build/debug/paddock"
    }

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], withDB: Bool = true) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = (withDB ? ["--db", db] : []) + arguments
        var env = ProcessInfo.processInfo.environment
        env["PADDOCK_DB"] = nil
        env["XDG_DATA_HOME"] = folder + "/xdg"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        return Self.finish(process, out, err)
    }

    /// Runs another program (a shell, `unshare`, `setpriv` around the binary) to completion.
    static func spawn(_ executable: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return finish(process, out, err)
    }

    /// Reads a started process's output to its end, then waits for it.
    private static func finish(_ process: Process, _ out: Pipe, _ err: Pipe) -> Result {
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs with `--as`, the way a script acts for a member.
    @discardableResult
    func run(as handle: String, _ arguments: [String], stdin: String? = nil) throws -> Result {
        try run(["--as", handle] + arguments, stdin: stdin)
    }

    func json(_ arguments: [String]) throws -> Any {
        let result = try run(arguments + ["--json"])
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
