import Foundation
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

extension TUIFixture {
    /// A poll by the manager in the Furia board, made once: later calls find it by its title.
    func poll(_ title: String, _ question: PollQuestion, visibility: PollVisibility = .afterVote) throws -> Int64 {
        let furia = try community.threads(board: "furia", limit: 100).threads
        if let found = furia.first(where: { $0.kind == .poll && $0.title == title }) { return found.id }
        if question.kind == .features, try !community.products().contains(where: { $0.slug == "furia" }) {
            try community.addProduct(by: admin, slug: "furia", name: "Furia 950")
        }
        if case .features(_, let features) = question {
            let have = Set(try community.features(product: "furia").map(\.slug))
            for slug in features where !have.contains(slug) {
                try community.addFeature(by: admin, product: "furia", slug: slug, name: slug.capitalized)
            }
        }
        return try community.startPoll(by: manager, board: "furia", title: title, intro: "Tell us what you think.",
                                       question: question, closesAt: clock.now + 7 * 86_400, visibility: visibility).id
    }

    func colourPoll() throws -> Int64 {
        try poll("Which colour for the next Furia?", .choice(options: ["Rosso Ardente", "Nero opaco", "Bianco perla"], multiple: false))
    }

    func featurePoll() throws -> Int64 {
        try poll("The next Furia: what stays?", .features(product: "furia", features: ["seat", "exhaust"]))
    }
}

extension EveryScreenFixture {
    func colourPoll() throws -> Int64 { try base.colourPoll() }
    func featurePoll() throws -> Int64 { try base.featurePoll() }
}

@Suite struct PollScreenTests {
    @Test func aMemberVotesWithTheKeysAndThenSeesTheBars() throws {
        let f = try TUIFixture()
        let id = try f.colourPoll()
        let app = f.app()
        try app.open(thread: id)
        var screen = app.screen()
        #expect(screen.contains("[POLL] single choice · 0 voters · open until"))
        #expect(screen.contains("Results after you vote."))
        #expect(screen.contains("v vote"), "the footer offers the vote:\n\(screen)")

        app.press(.character("v"))
        #expect(app.state.screen is PollVoteScreen)
        screen = app.screen()
        #expect(screen.contains("▸ ( ) Rosso Ardente"))
        // Enter with nothing chosen says what to do, and sends nothing.
        app.press(.enter)
        #expect(app.state.status?.text == "Choose an option first: Space on it.")
        app.press(.down, .character(" "))
        #expect(app.screen().contains("(•) Nero opaco"))
        app.press(.enter)
        #expect(app.state.status?.text == "Vote counted: 1 voter.")
        screen = app.screen()
        #expect(screen.contains("100%") && screen.contains("█"), "the results show once voted:\n\(screen)")
        #expect(try f.community.poll(id, viewer: f.admin).options.map(\.chosen) == [0, 1, 0])

        // Changing the vote moves the count; back in the thread the header shows the bars.
        app.press(.up, .character(" "), .enter)
        #expect(app.state.status?.text == "Vote changed: 1 voter.")
        #expect(try f.community.poll(id, viewer: f.admin).options.map(\.chosen) == [1, 0, 0])
        app.press(.character("q"))
        screen = app.screen()
        #expect(screen.contains("you voted") && screen.contains("Rosso Ardente") && screen.contains("100%"), "\(screen)")
    }

    @Test func featureOpinionsCycleWithSpaceAndShowPerFeature() throws {
        let f = try TUIFixture()
        let id = try f.featurePoll()
        let app = f.app()
        try app.open(thread: id)
        app.press(.character("v"), .character(" "), .down, .character(" "), .character(" "), .character(" "))
        var screen = app.screen()
        #expect(screen.contains("[like   ] Seat") && screen.contains("[dislike] Exhaust"), "\(screen)")
        app.press(.enter)
        screen = app.screen()
        for line in ["like    ", "neutral ", "dislike "] { #expect(screen.contains(line)) }
        let poll = try f.community.poll(id, viewer: f.admin)
        #expect(poll.options.map(\.like) == [1, 0] && poll.options.map(\.dislike) == [0, 1])
        // Space past dislike takes the opinion back.
        app.press(.character(" "))
        #expect(app.screen().contains("[       ] Exhaust"))
    }

    @Test func aClosedPollSaysWhenInOneLineAndTakesNoVote() throws {
        let f = try TUIFixture()
        let id = try f.colourPoll()
        try f.community.closePoll(by: f.manager, poll: id)
        let app = f.app()
        try app.open(thread: id)
        app.press(.character("v"))
        let closed = "The poll closed at \(TimeText.describe(f.clock.now)): it takes no more votes."
        #expect(app.screen().contains(closed))
        #expect(!app.screen().contains("Enter vote"), "no vote key is offered")
        app.press(.character(" "))
        #expect(app.state.status == .error(closed))
    }

    @Test func aManagerClosesThePollFromTheVoteScreen() throws {
        let f = try TUIFixture()
        let id = try f.colourPoll()
        let app = PaddockApp(community: f.community, member: f.manager, width: 80, height: 24, clock: { [clock = f.clock] in clock.now })
        try app.open(thread: id)
        #expect(app.screen().contains("0%"), "managers see the reception as it comes")
        app.press(.character("v"), .character("C"), .character("y"))
        #expect(try f.community.poll(id, viewer: f.manager).isClosed)
        #expect(app.screen().contains("The poll closed at"))
    }

    @Test func atFortyByTwelveEveryRowFits() throws {
        let f = try TUIFixture()
        let id = try f.featurePoll()
        try f.community.vote(by: f.admin, poll: id, ballot: .opinions([1: FeatureAnswer(.like), 2: FeatureAnswer(.dislike)]))
        let app = PaddockApp(community: f.community, member: f.manager, width: 40, height: 12, clock: { [clock = f.clock] in clock.now })
        try app.open(thread: id)
        var canvas = app.resizeAndRender(width: 40, height: 12)
        expectDrawn(canvas, width: 40, height: 12, shows: ["[POLL]", "100%"], "poll thread at 40x12")
        app.press(.character("v"), .down)
        canvas = app.resizeAndRender(width: 40, height: 12)
        // The selected feature scrolled into view, its bars with it.
        expectDrawn(canvas, width: 40, height: 12, shows: ["▸ [       ] Exhaust"], "vote screen at 40x12")
        #expect(canvas.text.contains("dislike") && canvas.text.contains("100%"), "\(canvas.text)")
    }

    /// Someone else voting reloads the screen: the counts move, the member's unsent marks stay.
    @Test func anotherVoteKeepsTheMarksNotYetSent() throws {
        let f = try TUIFixture()
        let id = try f.featurePoll()
        let app = f.app()
        try app.open(thread: id)
        app.press(.character("v"), .character(" "), .character("j"), .character(" "), .character(" "))
        #expect(app.screen().contains("[like   ] Seat") && app.screen().contains("[neutral] Exhaust"))
        f.clock.advance(by: 5)
        try f.community.vote(by: f.admin, poll: id, ballot: .opinions([1: FeatureAnswer(.dislike)]))
        // The reload a change brings, as the screen receives it.
        var vote = try #require(app.state.screen as? PollVoteScreen)
        _ = vote.receive(PollLoaded(detail: try f.community.poll(id, viewer: f.reader)), app.state.context())
        #expect(vote.poll?.voterCount == 1, "the count refreshed")
        #expect(vote.opinions == [1: .like, 2: .neutral], "the marks stay")
        // Untouched, a reload takes the stored vote.
        var fresh = PollVoteScreen(id: id, title: "")
        try f.community.vote(by: f.reader, poll: id, ballot: .opinions([2: FeatureAnswer(.dislike)]))
        _ = fresh.receive(PollLoaded(detail: try f.community.poll(id, viewer: f.reader)), app.state.context())
        #expect(fresh.opinions == [2: .dislike])
    }

    @Test func aMemberDoesNotSeeTheNewPollKeyAndPressingItSaysWhy() throws {
        let f = try TUIFixture()
        let app = f.app()
        app.openBoard("furia")
        #expect(!app.screen().contains("new poll"))
        app.press(.character("P"))
        #expect(app.state.status == .error("Only managers and admins can start polls; marco is a member."))
    }

    @Test func pOnASuggestionBoardSaysWhyBeforeAnyForm() throws {
        let f = try TUIFixture()
        try f.community.addBoard(by: f.admin, slug: "ideas", title: "Ideas Lab", threadKind: .suggestion)
        let app = PaddockApp(community: f.community, member: f.manager, width: 80, height: 24, clock: { [clock = f.clock] in clock.now })
        app.openBoard("ideas")
        app.press(.character("P"))
        #expect(!(app.state.screen is PollForm))
        #expect(app.state.status?.isError == true && "\(app.state.status!)".contains("takes suggestions only"), "\(String(describing: app.state.status))")
    }
}

@Suite struct PollFormTests {
    @Test func aManagerStartsAChoicePollFromABoard() throws {
        let f = try TUIFixture()
        let app = PaddockApp(community: f.community, member: f.manager, width: 80, height: 24, clock: { [clock = f.clock] in clock.now })
        app.openBoard("furia")
        #expect(app.screen().contains("Furia 950"))
        app.press(.character("P"))
        #expect(app.state.screen is PollForm)
        app.type("Which colour?")
        app.press(.tab, .right, .tab)  // multiple choice
        app.type("Rosso; Nero; Bianco")
        #expect(app.screen().contains("3 options"))
        app.press(.tab, .tab, .tab)
        app.type("Pick the ones you would buy.")
        app.press(.ctrl("s"))
        #expect(app.state.status?.text.hasPrefix("Poll #") == true, "\(String(describing: app.state.status))")
        let thread = try #require(app.state.screen as? ThreadScreen)
        let poll = try f.community.poll(thread.summary.id, viewer: f.manager)
        #expect(poll.kind == .multiple && poll.options.map(\.label) == ["Rosso", "Nero", "Bianco"])
        #expect(poll.closesAt == f.clock.now + 7 * 86_400, "the form's default closing time is a week")
    }

    /// The feature picker marks the focused feature and scrolls to keep it in view, even at 40×12.
    @Test func theFocusedFeatureIsMarkedAndStaysInView() throws {
        let f = try TUIFixture()
        try f.community.addProduct(by: f.admin, slug: "furia", name: "Furia 950")
        for slug in ["seat", "exhaust", "brakes", "suspension", "tank", "lights", "mirrors", "display"] {
            try f.community.addFeature(by: f.admin, product: "furia", slug: slug, name: slug.capitalized)
        }
        let app = PaddockApp(community: f.community, member: f.manager, width: 40, height: 12, clock: { [clock = f.clock] in clock.now })
        app.openBoard("furia")
        app.press(.character("P"), .tab, .right, .right, .tab)
        for _ in 0..<7 { app.press(.right) }
        let screen = app.screen(width: 40, height: 12)
        #expect(screen.contains("▸[ ] Tank"), "the last feature is focused and shown:\n\(screen)")
        app.press(.character(" "))
        #expect(app.screen(width: 40, height: 12).contains("▸[x] Tank"))
    }

    @Test func aPollWithOneOptionIsRefusedInOneLineAndTheFormStays() throws {
        let f = try TUIFixture()
        let app = PaddockApp(community: f.community, member: f.manager, width: 40, height: 12, clock: { [clock = f.clock] in clock.now })
        app.openBoard("furia")
        app.press(.character("P"))
        app.type("Colour?")
        app.press(.tab, .tab)
        app.type("Rosso")
        app.press(.tab, .tab, .tab)
        app.type("Which one?")
        app.press(.ctrl("s"))
        #expect(app.state.status == .error("a poll takes 2 to 12 options; 1 given"))
        #expect(app.state.screen is PollForm)
        expectDrawn(app.resizeAndRender(width: 40, height: 12), width: 40, height: 12, shows: ["Which one?"], "poll form at 40x12, the intro in focus")
    }
}

/// What a break-it tester found: comments no one could read or write in the
/// app, `C` only on the vote screen, a `v` that promised hidden results, a
/// poll still "open" past its time, bars shifted by an emoji.
@Suite struct PollFindingsTests {
    @Test func aMemberCommentsFromTheVoteScreenAndTheManagerReadsIt() throws {
        let f = try TUIFixture()
        let id = try f.featurePoll()
        let app = f.app()
        try app.open(thread: id)
        app.press(.character("v"))
        #expect(app.screen().contains("c comment"), "the footer offers the comment key:\n\(app.screen())")
        // No opinion yet: c says what to do first.
        app.press(.character("c"))
        #expect(app.state.status?.text == "Give your opinion of Seat first (Space), then c to comment.")
        app.press(.character(" "), .character("c"))
        #expect(app.state.screen.capturesText)
        app.type("Too tall\u{1B}[31m for me")
        #expect(app.screen().contains("Seat: Too tall"))
        app.press(.enter)
        #expect(app.state.status?.text == "Vote counted: 1 voter.")
        #expect(try f.community.poll(id, viewer: f.reader).mine.first?.comment == "Too tall[31m for me", "the escape is not stored")
        #expect(app.screen().contains("you: Too tall"))

        // Editing it: c holds the comment; Esc leaves it as it was.
        app.press(.character("c"))
        app.press(.escape)
        #expect(app.state.status?.text == "Comment not changed.")
        #expect(app.state.screen is PollVoteScreen, "Esc closed the field, not the screen")

        let manager = PaddockApp(community: f.community, member: f.manager, width: 80, height: 24, clock: { [clock = f.clock] in clock.now })
        try manager.open(thread: id)
        manager.press(.character("v"))
        #expect(manager.screen().contains("marco (like): Too tall[31m for me"), "\(manager.screen())")

        // Another member reads none of it.
        let giulia = try f.community.actor(handle: "giulia")
        try f.community.vote(by: giulia, poll: id, ballot: .opinions([1: FeatureAnswer(.like)]))
        let other = PaddockApp(community: f.community, member: giulia, width: 80, height: 24, clock: { [clock = f.clock] in clock.now })
        try other.open(thread: id)
        other.press(.character("v"))
        #expect(!other.screen().contains("Too tall"))
    }

    @Test func aSilencedMemberIsNotOfferedTheCommentKey() throws {
        let f = try TUIFixture()
        let id = try f.featurePoll()
        try f.community.silence(by: f.admin, member: "marco", until: f.clock.now + 86_400, reason: "cooling off")
        let app = PaddockApp(community: f.community, member: try f.community.actor(handle: "marco"), width: 80, height: 24,
                             clock: { [clock = f.clock] in clock.now })
        try app.open(thread: id)
        app.press(.character("v"), .character(" "))
        #expect(!app.screen().contains("c comment"))
        app.press(.character("c"))
        #expect(app.state.status?.isError == true && app.state.status?.text.contains("silenced") == true)
        #expect(!app.state.screen.capturesText)
    }

    @Test func aManagerClosesThePollFromItsThreadAfterAYes() throws {
        let f = try TUIFixture()
        let id = try f.colourPoll()
        let app = PaddockApp(community: f.community, member: f.manager, width: 80, height: 24, clock: { [clock = f.clock] in clock.now })
        try app.open(thread: id)
        app.press(.character("?"))
        #expect(app.screen().contains("close the poll (managers)"), "help offers C:\n\(app.screen())")
        app.press(.escape, .character("C"))
        #expect(app.screen().contains("Close this poll now?"))
        app.press(.character("n"))
        #expect(try !f.community.poll(id, viewer: f.manager).isClosed)
        app.press(.character("C"), .character("y"))
        #expect(try f.community.poll(id, viewer: f.manager).isClosed)
        #expect(app.screen().contains("v all results") || app.screen().contains("v results"), "\(app.screen())")

        let member = f.app()
        try member.open(thread: try f.featurePoll())
        member.press(.character("?"))
        #expect(!member.screen().contains("close the poll"))
    }

    @Test func theVoteKeySaysWhatItShowsInEveryState() throws {
        let f = try TUIFixture()
        let id = try f.poll("Hidden till the end", .choice(options: ["Yes", "No"], multiple: false), visibility: .afterClose)
        let app = f.app()
        try app.open(thread: id)
        #expect(app.screen().contains("v: vote ─"))
        app.press(.character("v"), .character(" "), .enter, .escape)
        var screen = app.screen()
        #expect(screen.contains("Results after it closes."))
        #expect(screen.contains("v: change your vote ─") && !screen.contains("all results"), "\(screen)")
        #expect(screen.contains("v change your vote"))

        let open = try f.colourPoll()
        try app.open(thread: open)
        app.press(.character("v"), .character(" "), .enter, .escape)
        screen = app.screen()
        #expect(screen.contains("v: change your vote, all results"), "after-vote results show once voted:\n\(screen)")

        try f.community.closePoll(by: f.manager, poll: id)
        try app.open(thread: id)
        #expect(app.screen().contains("v: all results"))
    }

    @Test func anOpenVoteScreenClosesAtItsClosingTimeWithoutAKey() throws {
        let f = try TUIFixture()
        let id = try f.colourPoll()
        let closesAt = try #require(try f.community.poll(id, viewer: f.reader).closesAt)
        let app = f.app()
        try app.open(thread: id)
        app.press(.character("v"))
        #expect(app.screen().contains("open until"))
        app.press(.character(" "))
        #expect((app.state.screen as? PollVoteScreen)?.choices.isEmpty == false, "a mark not yet sent")
        // The app asks to be woken at the closing time, not later.
        f.clock.advance(by: closesAt.timeIntervalSince(f.clock.now) - 30)
        #expect(try #require(app.millisecondsUntilTick) <= 30_000)
        f.clock.advance(by: 30)
        _ = app.handle(.tick)
        let screen = app.screen()
        #expect(screen.contains("closed at \(TimeText.describe(closesAt))"), "\(screen)")
        #expect(screen.contains("The poll closed at"), "\(screen)")
        #expect(screen.contains("%"), "an after-vote poll shows its results once closed")
        #expect(app.state.screen.wakesAt == nil, "it woke once for that time")
        #expect((app.state.screen as? PollVoteScreen)?.choices.isEmpty == true, "the unsent mark is dropped: it would read as a vote")
    }

    @Test func thePollFormCountsTheTitleAndKeepsItsOptionsInTheDraft() throws {
        let f = try TUIFixture()
        let app = PaddockApp(community: f.community, member: f.manager, width: 80, height: 24, clock: { [clock = f.clock] in clock.now })
        app.openBoard("furia")
        app.press(.character("P"))
        app.type("Which colour?")
        #expect(app.screen().contains("13/120"), "the title has a counter:\n\(app.screen())")
        app.press(.tab, .right, .tab)  // multiple choice
        app.type("Rosso; Nero; Bianco")
        app.press(.tab)
        app.press(.escape)
        #expect(app.state.status?.text == "No poll started; it is kept as a draft: P in this board continues it.")
        app.press(.character("P"))
        #expect(app.state.status == .info("Your unsent draft is back."))
        let form = try #require(app.state.screen as? PollForm)
        #expect(form.title.text == "Which colour?" && form.kind == .multiple && form.optionLabels == ["Rosso", "Nero", "Bianco"])
    }

    @Test func anEmojiSequenceInAnOptionKeepsTheBarsInColumn() throws {
        let f = try TUIFixture()
        let id = try f.poll("Family", .choice(options: ["👨‍👩‍👧 family", "plain"], multiple: false))
        try f.community.vote(by: f.reader, poll: id, ballot: .choices([1]))
        let app = f.app()
        try app.open(thread: id)
        app.press(.character("v"))
        let canvas = app.resizeAndRender(width: 80, height: 24)
        let rows = canvas.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func column(of text: String) -> Int? {
            guard let row = rows.first(where: { $0.contains(text) }) else { return nil }
            return TextWidth.of(String(row[..<row.range(of: "%")!.lowerBound]))
        }
        #expect(column(of: "family") != nil && column(of: "family") == column(of: "plain"), "\(canvas.text)")
    }
}
