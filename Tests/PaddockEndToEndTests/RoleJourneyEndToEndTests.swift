import Foundation
import PaddockCore
import PaddockStore
import Testing

/// Each role's journey through the real binary in tmux, at the smallest window
/// the app accepts and at a roomy one: every step shows what it should, the app
/// never dies (it exits 0 at the end), what was typed or pasted is stored byte
/// for byte, and at 100 columns each key pressed is one its screen's footer offers.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct RoleJourneyEndToEndTests {
    struct Size: Sendable, CustomStringConvertible {
        let width: Int, height: Int
        var description: String { "\(width)x\(height)" }
    }
    static let sizes = [Size(width: 40, height: 12), Size(width: 100, height: 30)]

    /// A demo community in the session's folder, with 'ada' as its admin.
    private func demo(_ tmux: Tmux) throws -> String {
        let db = tmux.folder + "/community.sqlite"
        try #require(try Tmux.run(Tmux.binary, ["--db", db, "init", "--demo", "--admin", "ada"]).status == 0)
        return db
    }

    private func open(_ tmux: Tmux, _ db: String, as handle: String, width: Int, height: Int) throws {
        try tmux.start(width: width, height: height)
        try tmux.typeLine("clear; \(Tmux.binary) --db \(db) --as \(handle); echo EXITED=$?")
        try tmux.waitFor("Latest")
    }

    /// The key about to be pressed is offered, with this action, in the footer
    /// or else in the help overlay (`?`, closed again). At 40 columns both are
    /// cut, and the check is left to the 100-column run.
    private func offered(_ tmux: Tmux, _ key: String, _ action: String, width: Int,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard width >= 100 else { return }
        let footer = try tmux.screen().split(separator: "\n").last.map(String.init) ?? ""
        if footer.contains("\(key) \(action)") { return }
        try tmux.keys("?")
        // The whole box, down to its last line: a frame read half drawn would miss keys.
        let help = try tmux.waitUntil("the help overlay drawn whole", sourceLocation: sourceLocation) {
            $0.contains("Keys on this screen") && ($0.contains("any key closes") || $0.contains("q closes"))
        }
        #expect(help.split(separator: "\n").contains { $0.contains(" \(key) ") && $0.contains(action) },
                "\(key) (\(action)) is offered neither in the footer nor in the help:\n\(help)", sourceLocation: sourceLocation)
        try tmux.keys("Escape")
        try tmux.waitUntilGone("Keys on this screen", sourceLocation: sourceLocation)
    }

    /// Back to home with Esc, one at a time (an Esc with a key right behind it
    /// is read as Alt and that key), then q.
    private func quit(_ tmux: Tmux) throws {
        for _ in 0..<6 where try !tmux.screen().contains("Latest") {
            let before = try tmux.screen()
            try tmux.keys("Escape")
            try tmux.waitUntil("Esc to go back") { $0 != before }
        }
        try tmux.waitFor("Latest")
        try tmux.keys("q")
        let screen = try tmux.waitUntil("the app to exit") { $0.contains("EXITED=") }
        #expect(screen.contains("EXITED=0"), "the app did not end cleanly:\n\(screen)")
    }

    private func community(_ db: String) throws -> Community {
        Community(database: try AppDatabase.open(path: db))
    }

    /// About 6 KB over many lines, with accents, emoji and a tab-free mix a
    /// member pastes from a notes app; no line ends in a space.
    private func pastedText() -> String {
        (1...120).map { "Riga \($0): pieghe, curve e caffè ☕ 🏍️ — ok" }.joined(separator: "\n")
    }

    /// A member reads, quotes a later reply with a paste, suggests and supports.
    @Test(arguments: sizes)
    func aMemberReadsQuotesPastesSuggestsAndSupports(size: Size) throws {
        let tmux = try Tmux()
        let db = try demo(tmux)
        let c = try community(db)
        let jonas = try c.actor(handle: "jonas.becker")
        let thread = try c.threads(board: "furia-950", reader: jonas, order: .latest, after: nil, limit: 1).threads[0]
        try open(tmux, db, as: "jonas.becker", width: size.width, height: size.height)

        try tmux.keys("Down", "Enter")
        try tmux.waitFor(String(thread.title.prefix(8)))
        try tmux.keys("Enter")
        try tmux.waitFor("opening post")
        try offered(tmux, "]", "next, previous post", width: size.width)
        try tmux.keys("]")
        try tmux.waitFor("reply 1 of")
        try offered(tmux, "R", "reply quoting", width: size.width)
        try tmux.keys("R")
        try tmux.waitFor("Reply (quoting) to:")
        let text = pastedText()
        let file = tmux.folder + "/paste.txt"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        try tmux.tmux("load-buffer", "-b", "p", file)
        try tmux.tmux("paste-buffer", "-p", "-b", "p", "-t", tmux.session)
        try tmux.waitFor("Riga 120")
        try tmux.keys("C-s")
        try tmux.waitFor("Reply posted.")
        let posts = try c.thread(thread.id, viewer: jonas, from: 0, limit: 100).posts
        let reply = try #require(posts.last)
        #expect(reply.authorHandle == "jonas.becker")
        #expect(reply.body.hasPrefix(">"), "a quote of reply 1 comes first:\n\(reply.body.prefix(200))")
        #expect(reply.body.hasSuffix(text), "the paste is stored byte for byte")

        // A suggestion in Ideas Lab: the first feature ticked, a title, a body.
        try tmux.keys("q")
        try tmux.waitFor(String(thread.title.prefix(8)))
        try tmux.keys("q")
        try tmux.waitFor("Latest")
        try tmux.keys("Down", "Down", "Down", "Enter")
        try tmux.waitFor("SUPPORT")
        try offered(tmux, "c", "new suggestion", width: size.width)
        try tmux.keys("c")
        try tmux.waitFor("Product:")
        try tmux.keys("Tab", "Space", "Tab")
        try tmux.literal("Fold-away mirrors for lane filtering")
        try tmux.keys("Tab")
        try tmux.literal("Mirrors that fold in with one hand, for filtering in city traffic.")
        try tmux.keys("C-s")
        try tmux.waitFor("posted: you are")
        let mine = try c.threads(board: "ideas-lab", reader: jonas, order: .latest, after: nil, limit: 1).threads[0]
        #expect(mine.title == "Fold-away mirrors for lane filtering")
        #expect(try c.thread(mine.id, viewer: jonas, from: 0, limit: 1).posts[0].body
                == "Mirrors that fold in with one hand, for filtering in city traffic.")

        // Back on the list, the new suggestion selected on top: support the one below it.
        try tmux.waitFor("SUPPORT")
        try tmux.keys("g", "Down", "Enter")
        try tmux.waitFor("supporters")
        try offered(tmux, "s", "support", width: size.width)
        let before = try #require(try c.threads(board: "ideas-lab", reader: jonas, order: .latest, after: nil, limit: 2).threads.last)
        try tmux.keys("s")
        try tmux.waitFor("You support this")
        #expect(try c.supporters(of: before.id, limit: 500).supporters.contains { $0.handle == "jonas.becker" })
        try quit(tmux)
    }

    /// A moderator agrees with a flag and takes it back, hides the flagged
    /// reply, locks its thread and warns its author; each lands in the log.
    @Test(arguments: sizes)
    func aModeratorWorksTheQueueModeratesAndWarns(size: Size) throws {
        let tmux = try Tmux()
        let db = try demo(tmux)
        let c = try community(db)
        let kurt = try c.actor(handle: "kurt.weiss")
        let queue = try c.flagQueue(by: kurt)
        try #require(queue.count >= 2)
        let second = queue[1]
        try open(tmux, db, as: "kurt.weiss", width: size.width, height: size.height)

        try offered(tmux, "M", "moderation queue", width: size.width)
        try tmux.keys("M")
        try tmux.waitFor("FLAGGED POST")
        try offered(tmux, "a", "agree", width: size.width)
        try tmux.keys("a")
        try tmux.waitFor("Agree")
        try tmux.literal("Advert for a shop")
        try tmux.keys("Enter")
        try tmux.waitFor("Agreed")
        try offered(tmux, "u", "undo", width: size.width)
        try tmux.keys("u")
        try tmux.waitFor("Undone")
        #expect(try c.flagQueue(by: kurt).map(\.postId) == queue.map(\.postId), "the queue is as it was")

        try tmux.keys("Down", "Enter")
        try tmux.waitFor("▸\(second.authorHandle)")
        try offered(tmux, "m", "moderate", width: size.width)
        try tmux.keys("m")
        try tmux.waitFor("▸ hide the")
        try tmux.literal("Off topic here")
        try tmux.keys("Enter")
        try tmux.waitFor("y does it")
        try tmux.keys("y")
        try tmux.waitFor("is hidden from members")
        try tmux.keys("m")
        try tmux.waitFor("▸ restore the")
        try tmux.keys("Down", "Down")
        try tmux.waitFor("▸ lock the thread")
        try tmux.literal("Cooling off")
        try tmux.keys("Enter")
        try tmux.waitFor("y does it")
        try tmux.keys("y")
        try tmux.waitFor("Locked")
        try offered(tmux, "p", "author's profile", width: size.width)
        try tmux.keys("p")
        try tmux.waitFor("Standing")
        try tmux.keys("w")
        try tmux.waitFor("Warn \(second.authorHandle)")
        try tmux.literal("Please stay on topic")
        try tmux.keys("Enter")
        try tmux.waitFor("is warned")

        let log = try c.moderationLog(viewer: kurt, limit: 20).filter { $0.actorHandle == "kurt.weiss" }
        let steps = log.map { "\($0.action) \($0.reason)" }
        #expect(steps.contains("hide Off topic here"), "\(steps)")
        #expect(steps.contains("lock Cooling off"), "\(steps)")
        #expect(steps.contains("warn Please stay on topic"), "\(steps)")
        let told = try c.inbox(for: try c.actor(handle: second.authorHandle), limit: 10).map(\.text)
        #expect(told.contains { $0.contains("Off topic here") }, "\(told)")
        let starter = try c.thread(second.threadId, viewer: kurt, from: 0, limit: 1).posts[0].authorHandle
        let toldStarter = try c.inbox(for: try c.actor(handle: starter), limit: 10).map(\.text)
        #expect(toldStarter.contains { $0.contains("Cooling off") }, "\(toldStarter)")
        try quit(tmux)
    }

    /// A manager announces, answers a suggestion with a new status and merges a duplicate.
    @Test(arguments: sizes)
    func aManagerAnnouncesRespondsAndMerges(size: Size) throws {
        let tmux = try Tmux()
        let db = try demo(tmux)
        let c = try community(db)
        let elena = try c.actor(handle: "elena.ardente")
        let all = try c.threads(board: "ideas-lab", reader: elena, order: .latest, after: nil, limit: 60).threads
        let answered = all[0]
        // Two new suggestions of one product, neither the one answered.
        let fresh = try all.dropFirst().map { try c.suggestion($0.id).suggestion }.filter { $0.status == .new }
        let duplicate = try #require(fresh.first { s in fresh.contains { $0.id != s.id && $0.productSlug == s.productSlug } })
        let into = try #require(fresh.first { $0.id != duplicate.id && $0.productSlug == duplicate.productSlug })
        try self.open(tmux, db, as: "elena.ardente", width: size.width, height: size.height)

        try tmux.keys("Enter")
        try tmux.waitFor("TITLE")
        try offered(tmux, "c", "new thread", width: size.width)
        try tmux.keys("c")
        try tmux.waitFor("Title")
        try tmux.literal("Open house at the factory")
        try tmux.keys("Tab")
        try tmux.literal("Saturday 9-17: test rides, the assembly line and the design studio.")
        try tmux.keys("C-s")
        try tmux.waitFor("Thread started.")
        let announcement = try c.threads(board: "announcements", reader: elena, order: .latest, after: nil, limit: 1).threads[0]
        #expect(announcement.title == "Open house at the factory")

        // Back on the board, the new thread selected.
        try tmux.waitFor("TITLE")
        try tmux.keys("q")
        try tmux.waitFor("Latest")
        try tmux.keys("Down", "Down", "Down", "Down", "Enter")
        try tmux.waitFor("SUPPORT")
        try tmux.keys("Enter")
        try tmux.waitFor("supporters")
        try offered(tmux, "S", "change status", width: size.width)
        try tmux.keys("S")
        try tmux.waitFor("Change the status")
        try tmux.keys("Down")
        try tmux.literal("Planned for MY2028: the TFT keeps it on every page.")
        try tmux.keys("C-s")
        try tmux.waitFor("Now planned")
        let planned = try c.suggestion(answered.id).suggestion
        #expect(planned.status == .planned)
        #expect(planned.statusNote == "Planned for MY2028: the TFT keeps it on every page.")

        try tmux.keys("q")
        try tmux.waitFor("SUPPORT")
        let row = try #require(all.firstIndex { $0.id == duplicate.id })
        try tmux.keys("g")
        for _ in 0..<row { try tmux.keys("Down") }
        try tmux.keys("Enter")
        try tmux.waitFor(String(duplicate.title.prefix(20)))
        try offered(tmux, "D", "merge into another", width: size.width)
        try tmux.keys("D")
        try tmux.waitFor("Into #")
        try tmux.literal("\(into.id)")
        try tmux.keys("Tab")
        try tmux.literal("The same request: follow it there.")
        try tmux.keys("C-s")
        try tmux.waitFor("(y/n)")
        try tmux.keys("y")
        try tmux.waitFor("Merged #\(duplicate.id)")
        let merged = try c.suggestion(duplicate.id).suggestion
        #expect(merged.status == .duplicate && merged.duplicateOfId == into.id)
        try quit(tmux)
    }

    /// From its first frame a list is as tall as the window: the terminal's size
    /// reaches the app before it draws, not only after a resize.
    @Test(arguments: sizes)
    func aListFillsTheWindowFromTheFirstFrame(size: Size) throws {
        let tmux = try Tmux()
        let db = try demo(tmux)
        let c = try community(db)
        let dan = try c.actor(handle: "dan.okafor")
        let threads = try c.threads(board: "ideas-lab", reader: dan, order: .latest, after: nil, limit: 100).threads
        let visible = size.height - 4  // less the header, the column titles, the status and the footer
        try #require(threads.count > visible + 5)
        try open(tmux, db, as: "dan.okafor", width: size.width, height: size.height)
        let home = try c.home(for: dan).boards.map(\.board.slug)
        for _ in 0..<(home.firstIndex(of: "ideas-lab") ?? 0) { try tmux.keys("Down") }
        try tmux.keys("Enter")
        try tmux.waitFor("SUPPORT")
        // The window's last list row (above the status and the footer) shows the thread it should.
        let lines = try tmux.screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let title = String(threads[visible - 1].title.prefix(4))
        #expect(lines[size.height - 3].dropFirst(2).hasPrefix(title), "row \(visible) of the list is not drawn at \(size):\n\(lines.joined(separator: "\n"))")
        try quit(tmux)
    }
}
