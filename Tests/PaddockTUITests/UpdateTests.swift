import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

@Suite struct NavigationTests {
    @Test func enterOpensAndQGoesBackThenQuits() throws {
        let app = try TUIFixture().app()
        #expect(app.screen().contains("Announcements"))
        app.press(.down, .enter)
        guard let board = app.state.screen as? BoardScreen else { Issue.record("not on a board"); return }
        #expect(board.board.slug == "furia")
        #expect(board.threads.map(\.title) == ["日本からこんにちは 🏍", "Seat foam after 10k km"])
        #expect(app.press(.character("q")).isEmpty)
        guard app.state.screen is HomeScreen else { Issue.record("not home"); return }
        #expect(app.press(.character("q")) == [.quit])
    }

    @Test func escapeAtHomeDoesNotQuit() throws {
        let app = try TUIFixture().app()
        #expect(app.press(.escape).isEmpty)
    }

    @Test func readingAThreadClearsItsUnreadMark() throws {
        let f = try TUIFixture()
        let app = f.app()
        #expect(app.screen().contains("+ Furia 950"))
        app.press(.down, .enter, .down, .enter)  // Furia 950 → "Seat foam"
        guard let thread = app.state.screen as? ThreadScreen else { Issue.record("not in a thread"); return }
        #expect(thread.summary.title == "Seat foam after 10k km")
        app.press(.character("q"))
        guard let board = app.state.screen as? BoardScreen else { Issue.record("not on the board"); return }
        #expect(board.threads.first { $0.title == "Seat foam after 10k km" }?.unreadCount == 0)
        #expect(board.threads.first { $0.title.hasPrefix("日本") }?.unreadCount == 1)
        app.press(.character("q"))
        guard let home = app.state.screen as? HomeScreen else { Issue.record("not home"); return }
        #expect(home.overview?.boards.first { $0.board.slug == "furia" }?.unreadThreads == 1)
    }

    @Test func nJumpsToTheNextUnreadThreadAndSaysWhenNoneAreLeft() throws {
        let app = try TUIFixture().app()
        app.press(.character("n"))
        guard let first = app.state.screen as? ThreadScreen else { Issue.record("not in a thread"); return }
        #expect(first.summary.title == "Furia 950 MY2026 is here")
        app.press(.character("n"))
        guard let second = app.state.screen as? ThreadScreen else { Issue.record("not in a thread"); return }
        #expect(second.summary.title == "日本からこんにちは 🏍")
        app.press(.character("n"), .character("n"))
        #expect(app.state.status == .info("No unread threads left."))
        // Each jump replaced the thread: one q leads back home.
        app.press(.character("q"))
        guard app.state.screen is HomeScreen else { Issue.record("n stacked threads"); return }
    }

    @Test func helpListsTheKeysAndAnyKeyClosesIt() throws {
        let app = try TUIFixture().app()
        app.press(.down, .enter)
        app.press(.character("?"))
        let screen = app.screen()
        #expect(screen.contains("Keys on this screen"))
        #expect(screen.contains("mark board read"))
        app.press(.character("x"))
        #expect(!app.screen().contains("Keys on this screen"))
        guard app.state.screen is BoardScreen else { Issue.record("the closing key did something else"); return }
    }

    @Test func orderCyclesThroughLatestRepliesAndUnread() throws {
        let app = try TUIFixture().app()
        app.press(.down, .enter, .character("o"))
        guard let replies = app.state.screen as? BoardScreen else { return }
        #expect(replies.order == .mostReplies)
        #expect(replies.threads.first?.title == "Seat foam after 10k km")
        app.press(.enter, .character("q"), .character("o"))
        guard let unread = app.state.screen as? BoardScreen else { return }
        #expect(unread.order == .unread)
        #expect(unread.threads.map(\.title) == ["日本からこんにちは 🏍"])
    }
}

@Suite struct ComposeTests {
    private func replyDraft(_ f: TUIFixture) throws -> (title: String, body: String)? {
        let thread = try f.community.threads(board: "furia").threads.first { $0.title.hasPrefix("Seat") }!
        return try f.community.draft(for: f.reader, key: "reply:\(thread.id)")
    }

    private func openSeatThread(_ app: PaddockApp) {
        app.press(.down, .enter, .down, .enter)
    }

    @Test func aReplyWrittenInTheBuiltInEditorIsPosted() throws {
        let f = try TUIFixture()
        let app = f.app()
        openSeatThread(app)
        app.press(.character("r"))
        app.type("Ordered the comfort seat.\nThanks!")
        app.press(.ctrl("s"))
        #expect(app.state.status == .info("Reply posted."))
        let thread = try f.community.threads(board: "furia").threads.first { $0.title.hasPrefix("Seat") }!
        let posts = try f.community.thread(thread.id).posts
        #expect(posts.last?.body == "Ordered the comfort seat.\nThanks!")
        #expect(posts.last?.authorHandle == "marco")
        #expect(try replyDraft(f) == nil)
        #expect(app.screen().contains("Ordered the comfort seat."))
    }

    @Test func aPasteGoesIntoTheReplyWholeAndIsSavedAsTheDraft() throws {
        let f = try TUIFixture()
        let app = f.app()
        openSeatThread(app)
        app.press(.character("r"))
        let text = String(repeating: "Seat foam: così così 🏍\u{FE0F} 日本\n", count: 1_700)  // about 64 KB
        _ = app.handle(.key(.paste(text)))
        app.press(.escape)
        #expect(try replyDraft(f)?.body == text)
    }

    @Test func aPasteOutsideATextIsNotReadAsKeys() throws {
        let f = try TUIFixture()
        let app = f.app()
        openSeatThread(app)
        let before = app.screen()
        _ = app.handle(.key(.paste("qqq")))
        #expect(app.screen() == before)
        guard app.state.screen is ThreadScreen else { Issue.record("a paste acted as keys"); return }
    }

    @Test func escapeKeepsTheDraftAndReopeningOffersItBack() throws {
        let f = try TUIFixture()
        let app = f.app()
        openSeatThread(app)
        app.press(.character("r"))
        app.type("Half a thought")
        app.press(.escape)
        #expect(try replyDraft(f)?.body == "Half a thought")
        guard app.state.screen is ThreadScreen else { Issue.record("Esc did not leave compose"); return }
        app.press(.character("r"))
        #expect(app.state.status == .info("Your unsent draft is back."))
        guard let compose = app.state.screen as? ComposeScreen else { Issue.record("not composing"); return }
        #expect(compose.body.text == "Half a thought")
    }

    @Test func draftsAreSavedAsYouTypeOnceTypingPauses() throws {
        let f = try TUIFixture()
        let app = f.app()
        openSeatThread(app)
        app.press(.character("r"))
        app.type("Typed")
        #expect(try replyDraft(f) == nil)
        f.clock.advance(by: 1)
        _ = app.handle(.tick)
        #expect(try replyDraft(f)?.body == "Typed")
    }

    @Test func aRefusedPostKeepsEveryWord() throws {
        let f = try TUIFixture()
        let app = f.app()
        openSeatThread(app)
        app.press(.character("r"))
        app.type("Still here")
        let until = f.clock.now.addingTimeInterval(3600)
        try f.community.database.writer.write { db in
            try db.execute(sql: "UPDATE member SET standing = 'silenced', standingUntil = ? WHERE handle = 'marco'", arguments: [until])
        }
        app.press(.ctrl("s"))
        #expect(app.state.status?.isError == true)
        #expect(app.state.status?.text.contains("silenced until") == true)
        guard let compose = app.state.screen as? ComposeScreen else { Issue.record("compose closed on a refusal"); return }
        #expect(compose.body.text == "Still here")
        #expect(try replyDraft(f)?.body == "Still here")
    }

    @Test func discardingAsksFirst() throws {
        let f = try TUIFixture()
        let app = f.app()
        openSeatThread(app)
        app.press(.character("r"))
        app.type("Maybe")
        app.press(.ctrl("x"))
        #expect(app.screen().contains("Discard this draft?"))
        app.press(.character("n"))
        guard app.state.screen is ComposeScreen else { Issue.record("a no discarded"); return }
        app.press(.ctrl("x"), .character("y"))
        guard app.state.screen is ThreadScreen else { Issue.record("a yes kept composing"); return }
        #expect(try replyDraft(f) == nil)
        #expect(app.state.status == .info("Draft discarded."))
    }

    @Test func aHangupWhileComposingSavesTheDraftAtOnce() throws {
        let f = try TUIFixture()
        let app = f.app()
        openSeatThread(app)
        app.press(.character("r"))
        app.type("Connection dropping")
        _ = app.handle(.hangup)
        #expect(try replyDraft(f)?.body == "Connection dropping")
    }

    @Test func theExternalEditorsTextComesBackAndAFailureChangesNothing() throws {
        let f = try TUIFixture()
        let app = f.app()
        openSeatThread(app)
        app.press(.character("r"))
        app.type("Draft")
        #expect(app.press(.ctrl("o")) == [.openEditor(text: "Draft")])
        _ = app.handle(.editorFinished(.failure(EditorFailure("editor 'vi' exited with status 1"))))
        guard let unchanged = app.state.screen as? ComposeScreen else { return }
        #expect(unchanged.body.text == "Draft")
        #expect(app.state.status == .error("editor 'vi' exited with status 1; your text is unchanged."))
        _ = app.handle(.editorFinished(.success("Draft, finished in vim.\n")))
        guard let edited = app.state.screen as? ComposeScreen else { return }
        #expect(edited.body.text == "Draft, finished in vim.\n")
        #expect(try replyDraft(f)?.body == "Draft, finished in vim.\n")
    }

    @Test func aNewThreadHasATitleAndLandsInTheBoard() throws {
        let f = try TUIFixture()
        let app = f.app()
        app.press(.down, .down, .enter, .character("c"))  // Garage
        app.type("Valve clearances")
        app.press(.tab)
        app.type("Every 30,000 km; shims are cheap.")
        app.press(.ctrl("s"))
        #expect(app.state.status == .info("Thread started."))
        let threads = try f.community.threads(board: "garage").threads
        #expect(threads.map(\.title) == ["Valve clearances"])
        guard let board = app.state.screen as? BoardScreen else { Issue.record("not back on the board"); return }
        #expect(board.threads.map(\.title) == ["Valve clearances"])
    }

    @Test func aMemberIsToldAtOnceThatAnnouncementsAreForStaff() throws {
        let f = try TUIFixture()
        let app = f.app()
        app.press(.enter, .character("c"))
        #expect(app.state.status == .error("only managers and admins can post announcements; marco is a member"))
        guard app.state.screen is BoardScreen else { Issue.record("compose opened"); return }
    }

    @Test func aRefusalAtSubmitKeepsTheText() throws {
        let f = try TUIFixture()
        let app = f.app()
        app.press(.down, .down, .enter, .character("c"))
        app.type("Free bikes")
        app.press(.tab)
        app.type("for everyone")
        try f.community.database.writer.write { db in
            // The board became the blog while the member was writing.
            try db.execute(sql: "UPDATE board SET threadKind = 'announcement' WHERE slug = 'garage'")
        }
        app.press(.ctrl("s"))
        #expect(app.state.status == .error("Not posted: only managers and admins can post announcements; marco is a member. Your text is kept as a draft."))
        guard let compose = app.state.screen as? ComposeScreen else { Issue.record("compose closed"); return }
        #expect(compose.title.text == "Free bikes")
    }

    @Test func aLockedThreadSaysSoBeforeAReplyIsWritten() throws {
        let f = try TUIFixture()
        try f.community.database.writer.write { db in try db.execute(sql: "UPDATE thread SET locked = 1") }
        let app = f.app()
        app.press(.down, .enter, .enter, .character("r"))
        #expect(app.state.status == .error("the thread is locked: only moderators can reply"))
        guard app.state.screen is ThreadScreen else { Issue.record("compose opened"); return }
    }
}

@Suite struct WindowTests {
    @Test func tooSmallShowsANoticeAndRecovers() throws {
        let app = try TUIFixture().app()
        let small = app.screen(width: 30, height: 8)
        #expect(small.contains("Window too small"))
        #expect(small.contains("30×8; need 40×12"))
        #expect(app.screen(width: 80, height: 24).contains("Announcements"))
    }

    @Test(arguments: [(1, 1), (10, 3), (40, 12), (300, 100)])
    func drawsAtAnySize(width: Int, height: Int) throws {
        let app = try TUIFixture().app()
        for keys in [[Key](), [.down, .enter], [.enter], [.character("r")]] {
            keys.forEach { _ = app.handle(.key($0)) }
            let canvas = app.resizeAndRender(width: width, height: height)
            #expect(canvas.rows.count == height)
            #expect(canvas.rows.allSatisfy { TextWidth.of($0) == width })
        }
    }

    @Test func resizingKeepsTheSelectionInView() throws {
        let f = try TUIFixture()
        for i in 0..<40 { try f.community.startThread(by: f.admin, board: "garage", title: "Tip \(i)", body: "b") }
        let app = f.app(width: 80, height: 40)
        app.press(.down, .down, .enter, .character("G"))
        guard let before = app.state.screen as? BoardScreen else { return }
        let selected = before.threads[before.threads.selected].title
        _ = app.resizeAndRender(width: 80, height: 14)
        #expect(app.screen().contains(selected))
        _ = app.resizeAndRender(width: 120, height: 40)
        #expect(app.screen().contains(selected))
    }
}

@Suite struct LiveUpdateTests {
    @Test func aReplyFromAnotherSessionAppearsWithoutAKey() throws {
        let path = NSTemporaryDirectory() + "paddock-live-\(UUID().uuidString).sqlite"
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let setup = Community(database: try AppDatabase.open(path: path, create: true))
        let admin = try setup.actor(handle: try setup.bootstrapAdmin(handle: "ada").handle)
        try setup.addBoard(by: admin, slug: "bar", title: "Bar Paddock")
        let thread = try setup.startThread(by: admin, board: "bar", title: "Espresso or cappuccino?", body: "After 11, never cappuccino.")
        try setup.addMember(by: admin, handle: "marco")

        // The reader's session: its own connection to the file, as another process would have.
        let session = Community(database: try AppDatabase.open(path: path))
        let app = PaddockApp(community: session, member: try session.actor(handle: "marco"), width: 80, height: 24)
        app.press(.enter, .enter)
        #expect(!app.screen().contains("Ristretto"))
        // Someone else, elsewhere:
        let other = Community(database: try AppDatabase.open(path: path))
        try other.reply(by: admin, thread: thread.id, body: "Ristretto, always.")
        _ = app.handle(.changed)
        #expect(app.screen().contains("Ristretto, always."))
    }

    /// A burst of commits costs a session one look now and one more half a
    /// second later (asked for as a tick), not one per commit; the last still shows.
    @Test func aBurstOfChangesIsLookedAtTwiceAndTheLastStillShows() throws {
        let path = NSTemporaryDirectory() + "paddock-burst-\(UUID().uuidString).sqlite"
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let setup = Community(database: try AppDatabase.open(path: path, create: true))
        let admin = try setup.actor(handle: try setup.bootstrapAdmin(handle: "ada").handle)
        try setup.addBoard(by: admin, slug: "bar", title: "Bar Paddock")
        let thread = try setup.startThread(by: admin, board: "bar", title: "Espresso or cappuccino?", body: "After 11, never cappuccino.")
        try setup.addMember(by: admin, handle: "marco")
        let clock = ManualClock(Date())
        let session = Community(database: try AppDatabase.open(path: path))
        let app = PaddockApp(community: session, member: try session.actor(handle: "marco"), width: 80, height: 24, clock: { clock.now })
        app.press(.enter, .enter)
        clock.advance(by: 1)
        _ = app.handle(.tick)  // the read position saved
        #expect(app.workDue == nil, "an idle app has no work for a tick")

        try setup.reply(by: admin, thread: thread.id, body: "Ristretto, always.")
        _ = app.handle(.changed)
        #expect(app.screen().contains("Ristretto, always."), "the first change after a quiet spell shows at once")
        try setup.reply(by: admin, thread: thread.id, body: "Lungo, sometimes.")
        clock.advance(by: 0.1)
        _ = app.handle(.changed)
        #expect(!app.screen().contains("Lungo"), "a change right after a look waits")
        let wait = try #require(app.millisecondsUntilTick)
        #expect(wait > 0 && wait <= 500)
        clock.advance(by: 0.4)
        _ = app.handle(.tick)
        #expect(app.screen().contains("Lungo, sometimes."))
        clock.advance(by: 1)
        _ = app.handle(.tick)
        #expect(app.workDue == nil, "idle again")
    }
}

/// What an app asks of the loop while nothing happens: a tick at the minute, to draw.
@Suite struct IdleTests {
    @Test func anIdleAppWakesAtTheNextWholeMinuteAndItsAgesFollowTheClock() throws {
        let f = try TUIFixture()
        let app = f.app()
        app.press(.down, .enter)
        f.clock.advance(by: 1)
        _ = app.handle(.tick)
        #expect(app.workDue == nil)
        let wait = try #require(app.millisecondsUntilTick)
        #expect(wait > 0 && wait <= 60_000)
        let due = f.clock.now.addingTimeInterval(Double(wait) / 1000)
        #expect(abs(due.timeIntervalSinceReferenceDate.remainder(dividingBy: 60)) < 0.01, "at a whole minute")
        let before = app.screen()
        f.clock.advance(by: 3 * 3600)
        _ = app.handle(.tick)
        #expect(app.screen() != before, "the board's ages moved on with the clock, with nothing read")
    }


    @Test func anIdleAppAsksForNoTickAndATypedDraftForOneSavedOnce() throws {
        let f = try TUIFixture()
        let app = f.app()
        #expect(app.workDue == nil)
        app.press(.down, .enter, .down, .enter)
        // The thread's read position is written shortly after, not per key.
        #expect(app.millisecondsUntilTick == Int(PaddockApp.readSaveDelay * 1000))
        f.clock.advance(by: 1)
        _ = app.handle(.tick)
        #expect(app.workDue == nil)
        app.press(.character("r"))
        app.type("Half a thought")
        let wait = try #require(app.millisecondsUntilTick)
        #expect(wait <= Int(App.draftSaveDelay * 1000))
        f.clock.advance(by: 1)
        _ = app.handle(.tick)
        let thread = try f.community.threads(board: "furia").threads.first { $0.title.hasPrefix("Seat") }!
        #expect(try f.community.draft(for: f.reader, key: "reply:\(thread.id)")?.body == "Half a thought")
        #expect(app.workDue == nil, "nothing left to do: the app sleeps")
    }
}

@Suite struct PagingTests {
    /// Every query a screen asks for is a page: no more rows than it shows, plus one.
    @Test func aLongBoardLoadsAPageAtATimeAsYouScroll() throws {
        let f = try TUIFixture()
        for i in 0..<95 {
            f.clock.advance(by: 60)
            try f.community.startThread(by: f.admin, board: "garage", title: "Tip \(i)", body: "b")
        }
        var state = AppState(member: f.reader, width: 80, height: 24, now: f.clock.now)
        let body = Frame.body(width: 80, height: 24)
        let page = BoardScreen.pageSize(body)
        #expect(page <= body.height)
        let board = try f.community.boards().first { $0.slug == "garage" }!
        state.stack.append(BoardScreen(board: board))
        var loaded = try f.community.threads(board: "garage", reader: f.reader, order: .latest, limit: page)
        _ = App.update(&state, .boardLoaded(slug: "garage", order: .latest, page: loaded, placement: .replace))
        var requests = 0
        var seen = loaded.threads.map(\.title)
        for _ in 0..<200 {
            for command in App.update(&state, .event(.key(.down))) {
                guard let load = command.effect(as: ReadingEffects.LoadBoard.self) else { continue }
                let (order, after, limit, placement) = (load.order, load.after, load.limit, load.placement)
                #expect(limit <= page)
                #expect(placement == .append)
                requests += 1
                loaded = try f.community.threads(board: "garage", reader: f.reader, order: order, after: after, limit: limit)
                #expect(loaded.threads.count <= limit)
                seen += loaded.threads.map(\.title)
                _ = App.update(&state, .boardLoaded(slug: "garage", order: order, page: loaded, placement: placement))
            }
        }
        #expect(seen == (0..<95).reversed().map { "Tip \($0)" })
        #expect(requests == (95 + page - 1) / page - 1)
    }
}

@Suite struct LongThreadTests {
    @Test func aThreadOpensAtTheFirstUnreadPostAndLoadsPagesBothWays() throws {
        let f = try TUIFixture()
        let thread = try f.community.startThread(by: f.admin, board: "garage", title: "Long one", body: "0")
        for i in 1...150 { try f.community.reply(by: f.admin, thread: thread.id, body: "reply \(i)") }
        try f.community.markRead(by: f.reader, thread: thread.id, upTo: 120)
        let app = f.app(width: 80, height: 24)
        app.press(.down, .down, .enter, .enter)
        guard let opened = app.state.screen as? ThreadScreen else { Issue.record("not in the thread"); return }
        #expect(opened.focusedPost?.position == 121)
        // The page from just before it, and the page above that, ready for scrolling up.
        #expect(opened.firstPosition < 118)
        #expect(opened.posts.count <= 2 * ThreadScreen.pageSize)
        #expect(app.screen().contains("reply 121"))
        app.press(.character("g"))
        guard let top = app.state.screen as? ThreadScreen else { return }
        #expect(top.focusedPost?.position == 0)
        app.press(.character("G"))
        guard let bottom = app.state.screen as? ThreadScreen else { return }
        #expect(bottom.lastPosition == 150)
        #expect(app.screen().contains("reply 150"))
        #expect(bottom.posts.count <= ThreadScreen.pageSize)
        // Scrolling back up from the end loads the pages before, a page at a time.
        for _ in 0..<60 { app.press(.pageUp) }
        guard let scrolled = app.state.screen as? ThreadScreen else { return }
        #expect(scrolled.topPost?.position == 0)
        #expect(scrolled.posts.count <= ThreadScreen.windowLimit)
    }
}

@Suite struct ReadPositionTests {
    private func readPosition(_ f: TUIFixture) throws -> Int? {
        try f.community.threads(board: "furia", reader: f.reader, order: .latest, limit: 10)
            .threads.first { $0.title.hasPrefix("Seat") }?.readPosition
    }

    @Test func whatWasReadIsSavedOnTheNextTickAndOnTheWayOut() throws {
        let f = try TUIFixture()
        let app = f.app()
        app.press(.down, .enter, .down, .enter)
        _ = app.handle(.tick)
        #expect(try readPosition(f) == 1)

        let other = try TUIFixture()
        let quitting = other.app()
        quitting.press(.down, .enter, .down, .enter)
        _ = quitting.handle(.hangup)
        #expect(try readPosition(other) == 1)
    }
}

@Suite struct ThreadScrollTests {
    /// A page (Space, b) moves the view as far as that many single lines (j, k),
    /// over posts of one line and of many, and stops at either end.
    @Test func aPageMovesAsFarAsThatManyLines() throws {
        let f = try TUIFixture()
        let long = (1...30).map { "line \($0) of a long post about valve clearances" }.joined(separator: "\n")
        let thread = try f.community.startThread(by: f.admin, board: "garage", title: "Long and short", body: long)
        for i in 1...12 {
            f.clock.advance(by: 60)
            try f.community.reply(by: f.admin, thread: thread.id, body: i % 3 == 0 ? long : "short \(i)")
        }
        let app = f.app(width: 80, height: 24)
        app.press(.down, .down, .enter, .enter)
        guard let opened = app.state.screen as? ThreadScreen else { Issue.record("not in the thread"); return }
        #expect(opened.posts.count == 13)
        for page in [1, 7, 20, 45] {
            var paged = opened, stepped = opened
            for _ in 0..<4 {
                paged.scroll(by: page, width: 80, height: 20)
                for _ in 0..<page {
                    stepped.scroll(by: 1, width: 80, height: 20)
                    #expect(stepped.top.line < stepped.lineCount(stepped.top.post, width: 80), "a line of the post")
                }
                #expect(paged.top == stepped.top, "down by \(page)")
            }
            for _ in 0..<6 {
                paged.scroll(by: -page, width: 80, height: 20)
                for _ in 0..<page { stepped.scroll(by: -1, width: 80, height: 20) }
                #expect(paged.top == stepped.top, "up by \(page)")
            }
            #expect(paged.top == ThreadScreen.LinePosition(post: 0, line: 0), "back at the top")
        }
    }
}

@Suite struct TwentyThousandPostsTests {
    /// A thread of 20,000 posts opens, jumps to its end and scrolls back, a page at a time.
    @Test func aVeryLongThreadOpensAndScrolls() throws {
        let f = try TUIFixture()
        let thread = try f.community.startThread(by: f.admin, board: "garage", title: "The endless thread", body: "post 0")
        // Set-up only: the rows a year of replies would leave, written in one go.
        try f.community.database.writer.write { db in
            let at = f.clock.now
            for position in 1..<20_000 {
                try db.execute(sql: """
                    INSERT INTO post (threadId, position, authorId, body, createdAt, state) VALUES (?, ?, ?, ?, ?, 'visible')
                    """, arguments: [thread.id, position, f.admin.id, "post \(position)\nsecond line of \(position)", at])
            }
            try db.execute(sql: "UPDATE thread SET replyCount = 19999 WHERE id = ?", arguments: [thread.id])
        }
        let app = f.app(width: 80, height: 24)
        app.press(.down, .down, .enter, .enter)
        #expect(app.screen().contains("post 0"))
        app.press(.character("G"))
        #expect(app.screen().contains("post 19999"))
        guard let end = app.state.screen as? ThreadScreen else { Issue.record("not in the thread"); return }
        #expect(end.posts.count <= ThreadScreen.pageSize)
        for _ in 0..<30 { app.press(.pageUp) }
        guard let scrolled = app.state.screen as? ThreadScreen else { return }
        let shown = try #require(scrolled.focusedPost?.position)
        #expect(shown < 19_999 - 30 && shown > 19_000)
        #expect(app.screen().contains("post \(shown)"))
        #expect(scrolled.posts.count <= ThreadScreen.windowLimit)
        app.press(.character("g"))
        #expect(app.screen().contains("post 0"))
    }
}
