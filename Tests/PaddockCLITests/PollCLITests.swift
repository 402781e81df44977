import Foundation
import PaddockCore
import Testing

/// Concept polls through the command line, end to end.
@Suite(.serialized) struct PollCLITests {
    /// A community with a board, a manager, members and the Furia's catalog.
    private func community() throws -> CLI {
        let cli = try CLI()
        try #require(cli.run(["init", "--admin", "ada"]).status == 0)
        try #require(cli.run(as: "ada", ["board", "add", "furia", "--title", "Furia 950"]).status == 0)
        try #require(cli.run(as: "ada", ["member", "add", "elena", "--role", "manager"]).status == 0)
        for handle in ["marco", "giulia", "sara"] { try #require(cli.run(as: "ada", ["member", "add", handle]).status == 0) }
        try #require(cli.run(as: "elena", ["product", "add", "furia", "--name", "Furia 950"]).status == 0)
        for feature in ["seat", "exhaust"] {
            try #require(cli.run(as: "elena", ["feature", "add", feature, "--product", "furia", "--name", feature.capitalized]).status == 0)
        }
        return cli
    }

    /// Every row of every table.
    private func bytes(_ cli: CLI) throws -> String { try BadInputCLITests.contents(cli.db) }

    @Test func aChoicePollIsStartedVotedOnReadAndClosed() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let new = try cli.run(as: "elena", ["poll", "new", "--board", "furia", "--title", "Which colour?", "--option", "Red",
                                            "--option", "Black", "--option", "=HYPERLINK(\"x\")", "--body", "Pick one."])
        #expect(new.stdout == "Started poll #1: single choice, 3 options, open, no closing time.\n", "\(new.stderr)")

        let hidden = try cli.run(as: "marco", ["poll", "results", "1"])
        #expect(hidden.stdout.hasSuffix("Results after you vote.\n"))
        #expect(try cli.run(as: "marco", ["poll", "results", "1", "--csv"]).stderr == "paddock: the results of poll #1 show after you vote\n")

        let vote = try cli.run(as: "marco", ["poll", "vote", "1", "--choice", "black"])
        #expect(vote.status == 0 && vote.stdout.hasPrefix("You voted on poll #1 (1 voter).\n"), "\(vote.stderr)")
        #expect(try cli.run(as: "giulia", ["poll", "vote", "1", "--choice", "2"]).status == 0)
        // Changing a vote moves the counts.
        #expect(try cli.run(as: "giulia", ["poll", "vote", "1", "--choice", "1"]).status == 0)

        let json = try cli.json(["--as", "marco", "poll", "results", "1"]) as! [String: Any]
        let options = json["options"] as! [[String: Any]]
        #expect(options.map { $0["chosen"] as? Int } == [1, 1, 0])
        #expect(json["voterCount"] as? Int == 2 && json["resultsVisible"] as? Bool == true)

        let csv = try cli.run(as: "marco", ["poll", "results", "1", "--csv"])
        #expect(csv.stdout == """
            poll,number,option,feature,answer,count,total,percent,member,comment\r
            1,1,Red,,chosen,1,2,50.0,,\r
            1,2,Black,,chosen,1,2,50.0,,\r
            1,3,"'=HYPERLINK(""x"")",,chosen,0,2,0.0,,\r

            """, "a formula in an option is neutralised")

        let text = try cli.run(as: "marco", ["poll", "results", "1"])
        #expect(text.stdout.contains("  1 Red") && text.stdout.contains("█") && text.stdout.contains("50%"))

        #expect(try cli.run(as: "marco", ["poll", "close", "1"]).stderr == "paddock: only managers and admins can close polls\n")
        #expect(try cli.run(as: "elena", ["poll", "close", "1"]).stdout == "Closed poll #1 with 2 voters.\n")
        let late = try cli.run(as: "sara", ["poll", "vote", "1", "--choice", "1"])
        #expect(late.status == 1 && late.stderr.hasPrefix("paddock: the poll closed at ") && late.stderr.hasSuffix(": it takes no more votes\n"))
    }

    @Test func aFeaturePollTakesOpinionsAndComments() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        let new = try cli.run(as: "elena", ["poll", "new", "--board", "furia", "--title", "Next Furia", "--product", "furia",
                                            "--feature", "seat", "--feature", "exhaust", "--closes", "7d", "--results", "after-close", "--body", "Tell us."])
        #expect(new.status == 0 && new.stdout.hasPrefix("Started poll #1: feature poll, 2 options, open until "), "\(new.stderr)")
        let vote = try cli.run(as: "marco", ["poll", "vote", "1", "--dislike", "seat", "--like", "exhaust", "--comment", "seat=too tall"])
        #expect(vote.status == 0, "\(vote.stderr)")
        #expect(vote.stdout.contains("Results after it closes."))
        let json = try cli.json(["--as", "elena", "poll", "results", "1"]) as! [String: Any]
        let options = json["options"] as! [[String: Any]]
        #expect(options.map { $0["dislike"] as? Int } == [1, 0] && options.map { $0["like"] as? Int } == [0, 1])
        let csv = try cli.run(as: "elena", ["poll", "results", "1", "--csv"]).stdout
        #expect(csv.contains("1,1,Seat,seat,dislike,1,1,100.0,,\r\n"))
        let mine = try cli.json(["--as", "marco", "poll", "results", "1"]) as! [String: Any]
        #expect((mine["mine"] as! [[String: Any]]).first?["comment"] as? String == "too tall")
    }

    @Test func badInputWritesNothingAndSaysOneLine() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        #expect(try cli.run(as: "elena", ["poll", "new", "--board", "furia", "--title", "Colour", "--option", "Red", "--option", "Black",
                                          "--body", "b"]).status == 0)
        let before = try bytes(cli)
        let cases: [(String, [String], String)] = [
            ("elena", ["poll", "new", "--board", "furia", "--title", "T", "--option", "a", "--body", "b"],
             "paddock: a poll takes 2 to 12 options; 1 given\n"),
            ("elena", ["poll", "new", "--board", "furia", "--title", "T", "--body", "b"] + (1...13).flatMap { ["--option", "o\($0)"] },
             "paddock: a poll takes 2 to 12 options; 13 given\n"),
            ("elena", ["poll", "new", "--board", "furia", "--title", "T", "--option", "a", "--option", "b", "--closes", "2020-01-01", "--body", "b"],
             "paddock: the closing time 2020-01-01 00:00 UTC has passed: give a time ahead\n"),
            ("elena", ["poll", "new", "--board", "furia", "--title", "T", "--option", "a", "--option", "b", "--closes", "7", "--body", "b"],
             "paddock: closes takes a duration like 7d or 12h, or a UTC time like 2026-12-10 18:00; '7' has no unit\n"),
            ("elena", ["poll", "new", "--board", "furia", "--title", "T", "--option", "a", "--option", "b", "--closes", "3651d", "--body", "b"],
             "paddock: closes takes at most 10 years (3650d); 3651d is too far\n"),
            ("elena", ["poll", "new", "--board", "furia", "--title", "T", "--option", "a", "--option", "b", "--closes", "9999-12-31T23:59Z", "--body", "b"],
             "paddock: the closing time 9999-12-31 23:59 UTC is too far: a poll closes within 10 years (3650d)\n"),
            ("marco", ["poll", "new", "--board", "furia", "--title", "T", "--option", "a", "--option", "b"],
             "paddock: only managers and admins can start polls; marco is a member\n"),
            ("marco", ["poll", "new", "--board", "furia", "--title", "T", "--option", "a", "--option", "b", "--body", "b"],
             "paddock: only managers and admins can start polls; marco is a member\n"),
            ("marco", ["poll", "vote", "1", "--choice", "Purple"], "paddock: poll #1 has no option 'Purple'\n"),
            ("marco", ["poll", "vote", "1", "--choice", "1", "--choice", "2"], "paddock: this poll takes one choice; 2 given\n"),
            ("marco", ["poll", "vote", "1", "--like", "seat"], "paddock: poll #1 is a choice poll: vote with --choice\n"),
            ("marco", ["poll", "vote", "9", "--choice", "1"], "paddock: no poll #9\n"),
        ]
        for (handle, arguments, expected) in cases {
            let result = try cli.run(as: handle, arguments)
            #expect(result.status == 1 && result.stderr == expected, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try bytes(cli) == before, "a refused command wrote to the file")

        // A poll a moderator hid is no poll to members: voting on it is refused the same way.
        #expect(try cli.run(as: "ada", ["mod", "hide", "1", "--thread", "--reason", "r"]).status == 0)
        let hidden = try bytes(cli)
        #expect(try cli.run(as: "marco", ["poll", "vote", "1", "--choice", "1"]).stderr == "paddock: no poll #1\n")
        #expect(try bytes(cli) == hidden)
    }
}

/// Comments read by managers and the poll's author, and --choice by exact text.
extension PollCLITests {
    @Test func commentsAreReadByManagersInTextJSONAndCSV() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        #expect(try cli.run(as: "elena", ["poll", "new", "--board", "furia", "--title", "Next Furia", "--product", "furia",
                                          "--feature", "seat", "--feature", "exhaust", "--body", "Tell us."]).status == 0)
        #expect(try cli.run(as: "marco", ["poll", "vote", "1", "--like", "seat", "--comment", "seat==HYPERLINK(\"x\")"]).status == 0)
        let text = try cli.run(as: "elena", ["poll", "results", "1"]).stdout
        #expect(text.contains("    marco (like): =HYPERLINK(\"x\")"), "\(text)")
        let json = try cli.json(["--as", "elena", "poll", "results", "1"]) as! [String: Any]
        let comments = try #require(json["comments"] as? [[String: Any]])
        #expect(comments.map { $0["comment"] as? String } == ["=HYPERLINK(\"x\")"] && comments.first?["handle"] as? String == "marco")
        let csv = try cli.run(as: "elena", ["poll", "results", "1", "--csv"]).stdout
        #expect(csv.hasPrefix("poll,number,option,feature,answer,count,total,percent,member,comment\r\n"))
        #expect(csv.contains("1,1,Seat,seat,like,,,,marco,\"'=HYPERLINK(\"\"x\"\")\"\r\n"), "a formula in a comment is neutralised:\n\(csv)")
        #expect(try cli.run(as: "elena", ["poll", "results", "1", "--comments", "0"]).stdout.contains("HYPERLINK") == false)

        // A member reads their own comment in `mine`, and no one else's.
        #expect(try cli.run(as: "giulia", ["poll", "vote", "1", "--like", "exhaust"]).status == 0)
        let other = try cli.json(["--as", "giulia", "poll", "results", "1"]) as! [String: Any]
        #expect(other["comments"] == nil)
        #expect(try cli.run(as: "giulia", ["poll", "results", "1"]).stdout.contains("HYPERLINK") == false)
    }

    @Test func aChoiceIsAnOptionsExactTextBeforeANumber() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        #expect(try cli.run(as: "elena", ["poll", "new", "--board", "furia", "--title", "Numbers", "--option=-2", "--option", "1",
                                          "--option", "3", "--body", "Pick."]).status == 0)
        #expect(try cli.run(as: "marco", ["poll", "vote", "1", "--choice=-2"]).status == 0)
        #expect((try cli.json(["--as", "marco", "poll", "results", "1"]) as! [String: Any])["mine"].map { ($0 as! [[String: Any]]).map { $0["number"] as? Int } } == [1])
        // "1" is option 2's text; #1 is the first option.
        #expect(try cli.run(as: "marco", ["poll", "vote", "1", "--choice", "1"]).status == 0)
        #expect((try cli.json(["--as", "marco", "poll", "results", "1"]) as! [String: Any])["mine"].map { ($0 as! [[String: Any]]).map { $0["number"] as? Int } } == [2])
        #expect(try cli.run(as: "marco", ["poll", "vote", "1", "--choice", "#1"]).status == 0)
        #expect((try cli.json(["--as", "marco", "poll", "results", "1"]) as! [String: Any])["mine"].map { ($0 as! [[String: Any]]).map { $0["number"] as? Int } } == [1])
        #expect(try cli.run(as: "marco", ["poll", "vote", "1", "--choice", "#7"]).stderr == "paddock: there is no option 7: the poll has 3 (1–3)\n")

        // #N is number N even when an option reads "#1"; an option is found by the text shown, invisible characters aside.
        #expect(try cli.run(as: "elena", ["poll", "new", "--board", "furia", "--title", "Tags", "--option", "x", "--option", "\u{202E}evil",
                                          "--option", "#1", "--option", "a\u{200B}", "--body", "Pick."]).status == 0)
        func mine() throws -> [Int?]? {
            (try cli.json(["--as", "marco", "poll", "results", "2"]) as! [String: Any])["mine"].map { ($0 as! [[String: Any]]).map { $0["number"] as? Int } }
        }
        #expect(try cli.run(as: "marco", ["poll", "vote", "2", "--choice", "#1"]).status == 0)
        #expect(try mine() == [1])
        #expect(try cli.run(as: "marco", ["poll", "vote", "2", "--choice", "evil"]).status == 0)
        #expect(try mine() == [2])
        #expect(try cli.run(as: "marco", ["poll", "vote", "2", "--choice", "a"]).status == 0)
        #expect(try mine() == [4])
    }

    @Test func anEmojiWithASkinToneKeepsTheBarsInColumn() throws {
        let cli = try community()
        defer { cli.cleanUp() }
        #expect(try cli.run(as: "elena", ["poll", "new", "--board", "furia", "--title", "Emoji", "--option", "👩🏽‍🚀 astro",
                                          "--option", "👨‍👩‍👧 family", "--option", "plain", "--body", "Pick."]).status == 0)
        #expect(try cli.run(as: "marco", ["poll", "vote", "1", "--choice", "plain"]).status == 0)
        let lines = try cli.run(as: "elena", ["poll", "results", "1"]).stdout.split(separator: "\n").map(String.init).filter { $0.hasSuffix("%") }
        // tmux draws a toned emoji 2 columns wider than TextWidth counts: the bars print it as the app draws it, without the tone.
        #expect(lines.count == 3 && !lines.contains { $0.unicodeScalars.contains { $0.value == 0x1F3FD } }, "\(lines)")
        #expect(Set(lines.map { TextWidth.of($0) }).count == 1, "every row ends in the same column:\n\(lines.joined(separator: "\n"))")
    }
}
