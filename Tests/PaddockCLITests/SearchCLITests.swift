import Foundation
import Testing

/// `paddock search` end to end: ranked lines with safe snippets, JSON as written, hints and exit codes.
@Suite(.serialized) struct SearchCLITests {
    private func community() throws -> CLI {
        let cli = try CLI()
        try #require(cli.run(["init", "--admin", "ada"]).status == 0)
        try #require(cli.run(as: "ada", ["member", "add", "marco"]).status == 0)
        try #require(cli.run(as: "ada", ["member", "add", "mod", "--role", "moderator"]).status == 0)
        try #require(cli.run(as: "ada", ["board", "add", "furia", "--title", "Furia 950"]).status == 0)
        try #require(cli.run(as: "ada", ["setting", "set", "new_member_days", "0"]).status == 0)
        try #require(cli.run(as: "marco", ["thread", "new", "--board", "furia", "--title", "Riding mode in the rain",
                                           "--body", "Wet mode is così soft.\u{1B}[2J Sport mode is not."]).status == 0)
        try #require(cli.run(as: "ada", ["member", "add", "giulia"]).status == 0)
        try #require(cli.run(as: "giulia", ["reply", "1", "--body", "Use the riding mode called Road."]).status == 0)
        return cli
    }

    @Test func rankedLinesWithSafeSnippets() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let result = try cli.run(as: "marco", ["search", "cosi"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("1. Riding mode in the rain  #1  furia · marco · "))
        #expect(lines[1] == "   Wet mode is »così« soft.[2J Sport mode is not." || !lines[1].contains("\u{1B}"))
        #expect(!result.stdout.contains("\u{1B}"))
        // The title counts more than a reply's text.
        let both = try cli.run(as: "marco", ["search", "\"riding mode\""])
        #expect(both.stdout.hasPrefix("1. »Riding mode« in the rain  #1  furia"))
        #expect(both.stdout.contains("2. »Riding mode« in the rain  #1 post 1  furia · giulia"))
    }

    @Test func jsonKeepsTheTextAsWritten() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let page = try cli.json(["--as", "marco", "search", "soft"]) as! [String: Any]
        let hits = page["hits"] as! [[String: Any]]
        #expect(hits.count == 1)
        let snippet = hits[0]["snippet"] as! [String: Any]
        #expect((snippet["text"] as! String).contains("\u{1B}[2J"))
        #expect(hits[0]["threadId"] as? Int == 1)
        #expect(hits[0]["position"] as? Int == 0)
        #expect(page["searched"] as? Bool == true)
    }

    @Test func pagesContinueFromTheCursor() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let first = try cli.run(as: "marco", ["search", "mode", "--limit", "1"])
        let next = try #require(first.stdout.split(separator: "\n").last { $0.hasPrefix("next: ") }).dropFirst(6)
        #expect(next.first?.isNumber == true, "a cursor never looks like an option")
        let second = try cli.run(as: "marco", ["search", "mode", "--limit", "1", "--after", String(next)])
        #expect(second.status == 0)
        #expect(second.stdout.hasPrefix("1. Riding »mode« in the rain  #1 post 1"))
        #expect(!second.stdout.contains("next: "))
    }

    @Test func hintsAndExitCodes() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let onlyOut = try cli.run(as: "marco", ["search", "-rain"])
        #expect(onlyOut.status == 1)
        #expect(onlyOut.stderr == "paddock: add a word to search for: a search can't be only words to leave out\n")
        let badDate = try cli.run(as: "marco", ["search", "rain before:2026-02-30"])
        #expect(badDate.status == 1)
        #expect(badDate.stderr.hasPrefix("paddock: before: takes a date written YYYY-MM-DD"))
        let noBoard = try cli.run(as: "marco", ["search", "rain board:nowhere"])
        #expect(noBoard.status == 1 && noBoard.stderr == "paddock: no board 'nowhere'\n")
        let nothing = try cli.run(as: "marco", ["search", "zzzz"])
        #expect(nothing.status == 0 && nothing.stdout.isEmpty && nothing.stderr == "paddock: nothing found\n")
        for awkward in ["\"", "AND", "*", "-", "NEAR(", "^:()"] {
            let r = try cli.run(as: "marco", ["search", awkward])
            #expect(r.status == 0 || r.status == 1, "\(awkward)")
            #expect(r.stderr.split(separator: "\n").count <= 1, "\(awkward): \(r.stderr)")
        }
        let badLimit = try cli.run(as: "marco", ["search", "rain", "--limit", "0"])
        #expect(badLimit.status == 2)
    }

    @Test func hiddenPostsAreFoundByModeratorsOnly() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        #expect(try cli.run(as: "mod", ["mod", "hide", "2", "--reason", "test"]).status == 0)
        #expect(try cli.run(as: "marco", ["search", "road"]).stdout.isEmpty)
        let mod = try cli.run(as: "mod", ["search", "road"])
        #expect(mod.stdout.contains("#1 post 1") && mod.stdout.contains("[hidden]"))
    }
}
