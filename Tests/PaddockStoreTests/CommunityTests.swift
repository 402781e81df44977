import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore

@Suite struct SchemaTests {
    @Test func migratesFromEmpty() throws {
        let database = try AppDatabase.inMemory()
        let tables = try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for table in ["member", "board", "thread", "post", "postRevision", "product", "feature", "suggestion",
                      "suggestionFeature", "supporter", "statusChange", "flag", "reviewItem", "penalty",
                      "moderationLog", "readState", "boardRead", "notification", "threadWatch", "memberMute", "draft", "setting"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
    }

    @Test func aFileOpensInWALWithForeignKeys() throws {
        let path = NSTemporaryDirectory() + "paddock-wal-\(UUID().uuidString).sqlite"
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let database = try AppDatabase.open(path: path, create: true)
        let (mode, fk) = try database.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode")!, try Int.fetchOne(db, sql: "PRAGMA foreign_keys")!)
        }
        #expect(mode == "wal")
        #expect(fk == 1)
    }

    @Test func aMissingFileIsNamedNotCreated() throws {
        let path = NSTemporaryDirectory() + "paddock-missing-\(UUID().uuidString).sqlite"
        #expect(throws: OpenError.missing(path: path)) { try AppDatabase.open(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFileThatIsNotSQLiteIsRefused() throws {
        let path = NSTemporaryDirectory() + "paddock-junk-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("this is not a database, just a text file that is long enough to have a header".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: OpenError.unreadable(path: path, reason: "not a Paddock community (not an SQLite database)")) {
            try AppDatabase.open(path: path)
        }
    }

    @Test func aNewerSchemaIsRefusedAndLeftUntouched() throws {
        let path = NSTemporaryDirectory() + "paddock-newer-\(UUID().uuidString).sqlite"
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        do {
            let database = try AppDatabase.open(path: path, create: true)
            try database.writer.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
            }
        }
        #expect(throws: OpenError.newerSchema(path: path, unknown: ["v99-from-the-future"])) {
            try AppDatabase.open(path: path)
        }
        let queue = try DatabaseQueue(path: path)
        let applied = try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        // Every step this version knows, and the newer one left as it was.
        #expect(applied == (Schema.migrator.migrations + ["v99-from-the-future"]).sorted())
    }

    @Test func theModerationLogIsAppendOnly() throws {
        let f = try Fixture()
        try f.community.setRole(by: f.admin, handle: "marco", role: .moderator)
        try f.community.database.writer.write { db in
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE moderationLog SET reason = 'x'") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "DELETE FROM moderationLog") }
        }
        #expect(try f.tableCounts()["moderationLog"] == 1)
    }
}

@Suite struct MemberCommandTests {
    @Test func bootstrapMakesTheFirstAdminOnlyOnce() throws {
        let f = try Fixture()
        #expect(f.admin.role == .admin)
        try f.expectRefusal(.notPermitted("the community already has members; an admin adds the rest")) {
            try f.community.bootstrapAdmin(handle: "another")
        }
    }

    @Test func adminsAddMembers() throws {
        let f = try Fixture()
        let added = try f.community.addMember(by: f.admin, handle: "Sato.Ken", displayName: "佐藤 健")
        #expect(added.handle == "sato.ken")
        #expect(added.displayName == "佐藤 健")
        #expect(added.role == .member)
        #expect(try f.community.members().map(\.handle).contains("sato.ken"))
    }

    @Test func addMemberRefusals() throws {
        let f = try Fixture()
        try f.expectRefusal(.notPermitted("only admins can add members")) {
            try f.community.addMember(by: f.manager, handle: "newbie")
        }
        try f.expectRefusal(.invalid("the handle 'marco' is taken")) {
            try f.community.addMember(by: f.admin, handle: "MARCO")
        }
        try f.expectRefusal(.invalid("'no way' is not a valid handle: use 2–32 letters a–z, digits, '_', '-' or '.', starting with a letter or digit")) {
            try f.community.addMember(by: f.admin, handle: "no way")
        }
    }

    @Test func adminsSetRolesAndTheChangeIsLogged() throws {
        let f = try Fixture()
        try f.community.setRole(by: f.admin, handle: "marco", role: .moderator)
        #expect(try f.community.actor(handle: "marco").role == .moderator)
        #expect(try f.tableCounts()["moderationLog"] == 1)
    }

    @Test func setRoleRefusals() throws {
        let f = try Fixture()
        try f.expectRefusal(.notPermitted("only admins can change roles")) {
            try f.community.setRole(by: f.manager, handle: "marco", role: .admin)
        }
        try f.expectRefusal(.notFound("no member 'nobody'")) {
            try f.community.setRole(by: f.admin, handle: "nobody", role: .admin)
        }
        try f.expectRefusal(.notPermitted("admins cannot lower their own role; ask another admin")) {
            try f.community.setRole(by: f.admin, handle: "ada", role: .member)
        }
    }

    @Test func aRoleChangeTakesEffectOnTheNextCommandOfAnOpenSession() throws {
        let f = try Fixture()
        let stale = f.member  // captured as a member
        try f.community.setRole(by: f.admin, handle: "marco", role: .manager)
        try f.community.startThread(by: stale, board: "announcements", title: "Now staff", body: "Hello")
    }
}

@Suite struct BoardCommandTests {
    @Test func boardsListInTheOrderAdded() throws {
        let f = try Fixture()
        try f.community.addBoard(by: f.admin, slug: "garage", title: "Garage", description: "Spanners and grease")
        let boards = try f.community.boards()
        #expect(boards.map(\.slug) == ["announcements", "furia", "garage"])
        #expect(boards[2].description == "Spanners and grease")
        #expect(boards[0].threadKind == .announcement)
    }

    @Test func addBoardRefusals() throws {
        let f = try Fixture()
        try f.expectRefusal(.notPermitted("only admins can add boards")) {
            try f.community.addBoard(by: f.manager, slug: "x", title: "X")
        }
        try f.expectRefusal(.invalid("a board 'furia' already exists")) {
            try f.community.addBoard(by: f.admin, slug: "furia", title: "Again")
        }
        try f.expectRefusal(.invalid("the board title is empty")) {
            try f.community.addBoard(by: f.admin, slug: "empty", title: " ")
        }
    }
}

@Suite struct ThreadCommandTests {
    @Test func startingAThreadCountsItAndWatchesIt() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "Seat foam after 10k km", body: "Mine is flat.")
        #expect(thread.title == "Seat foam after 10k km")
        #expect(thread.kind == .discussion)
        #expect(thread.authorHandle == "marco")
        let board = try f.community.boards().first { $0.slug == "furia" }!
        #expect(board.threadCount == 1)
        #expect(board.postCount == 1)
        let detail = try f.community.thread(thread.id)
        #expect(detail.posts.map(\.body) == ["Mine is flat."])
        #expect(detail.postCount == 1)
        #expect(try f.tableCounts()["threadWatch"] == 1)
    }

    @Test func managersPostAnnouncements() throws {
        let f = try Fixture()
        let post = try f.community.startThread(by: f.manager, board: "announcements", title: "Open factory day", body: "Come to Bologna.")
        #expect(post.kind == .announcement)
        #expect(post.authorRole == .manager)
    }

    @Test func startThreadRefusals() throws {
        let f = try Fixture()
        try f.expectRefusal(.notPermitted("only managers and admins can post announcements; marco is a member")) {
            try f.community.startThread(by: f.member, board: "announcements", title: "Hi", body: "b")
        }
        try f.expectRefusal(.notPermitted("only managers and admins can post announcements; mod is a moderator")) {
            try f.community.startThread(by: f.moderator, board: "announcements", title: "Hi", body: "b")
        }
        try f.expectRefusal(.notFound("no board 'nope'")) {
            try f.community.startThread(by: f.member, board: "nope", title: "t", body: "b")
        }
        try f.expectRefusal(.invalid("the title is empty")) {
            try f.community.startThread(by: f.member, board: "furia", title: "", body: "b")
        }
        try f.expectRefusal(.invalid("the title is 121 characters; the limit is 120")) {
            try f.community.startThread(by: f.member, board: "furia", title: String(repeating: "t", count: 121), body: "b")
        }
        try f.expectRefusal(.invalid("the post is empty")) {
            try f.community.startThread(by: f.member, board: "furia", title: "t", body: " \n ")
        }
        try f.expectRefusal(.invalid("the post is 65537 bytes; the limit is 65536 bytes (64 KiB)")) {
            try f.community.startThread(by: f.member, board: "furia", title: "t", body: String(repeating: "b", count: 65537))
        }
    }

    @Test func boardPagesFollowCursorsWithoutGapsOrRepeats() throws {
        let f = try Fixture()
        var ids: [Int64] = []
        for i in 0..<23 {
            f.clock.advance(by: 60)
            ids.append(try f.community.startThread(by: f.member, board: "furia", title: "Thread \(i)", body: "b").id)
        }
        var seen: [Int64] = []
        var cursor: ThreadCursor?
        repeat {
            let page = try f.community.threads(board: "furia", after: cursor, limit: 5)
            #expect(page.threads.count <= 5)
            seen += page.threads.map(\.id)
            cursor = page.next
        } while cursor != nil
        #expect(seen == ids.reversed())
        // Numbered pages land on the same rows.
        let third = try f.community.threads(board: "furia", after: try f.community.cursor(board: "furia", page: 3, pageSize: 5), limit: 5)
        #expect(third.threads.map(\.id) == Array(ids.reversed()[10..<15]))
        #expect(throws: CommunityError.notFound("board 'furia' has no page 9")) {
            try f.community.cursor(board: "furia", page: 9, pageSize: 5)
        }
    }

    @Test func aReplyBumpsTheThreadToTheTopAndPinnedStayFirst() throws {
        let f = try Fixture()
        let old = try f.community.startThread(by: f.member, board: "furia", title: "Old", body: "b")
        f.clock.advance(by: 60)
        let new = try f.community.startThread(by: f.member, board: "furia", title: "New", body: "b")
        #expect(try f.community.threads(board: "furia").threads.map(\.id) == [new.id, old.id])
        f.clock.advance(by: 60)
        try f.community.reply(by: f.other, thread: old.id, body: "bump")
        #expect(try f.community.threads(board: "furia").threads.map(\.id) == [old.id, new.id])
        try f.community.database.writer.write { db in
            try db.execute(sql: "UPDATE thread SET pinned = 1 WHERE id = ?", arguments: [new.id])
        }
        let page = try f.community.threads(board: "furia").threads
        #expect(page.map(\.id) == [new.id, old.id])
        #expect(page[0].pinned)
    }
}

@Suite struct ReplyCommandTests {
    @Test func aReplyIsCountedPositionedAndNotifies() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "Exhaust", body: "Which one?")
        f.clock.advance(by: 300)
        let reply = try f.community.reply(by: f.other, thread: thread.id, body: "The titanium one.")
        #expect(reply.position == 1)
        #expect(reply.authorHandle == "giulia")
        let detail = try f.community.thread(thread.id)
        #expect(detail.thread.replyCount == 1)
        #expect(detail.thread.lastPosterHandle == "giulia")
        #expect(detail.thread.lastActivityAt == f.clock.now)
        #expect(detail.posts.map(\.body) == ["Which one?", "The titanium one."])
        #expect(try f.community.boards().first { $0.slug == "furia" }!.postCount == 2)
        // The author hears of it once, though they are also watching.
        let notes = try f.community.database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT memberId, kind, text FROM notification")
        }
        #expect(notes.count == 1)
        #expect(notes.first?["memberId"] == f.member.id)
        #expect(notes.first?["text"] == "giulia replied to you in “Exhaust”")
    }

    @Test func aReplyToAPostNotifiesThatPostsAuthor() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "Tyres", body: "Pressures?")
        let answer = try f.community.reply(by: f.other, thread: thread.id, body: "2.1 front")
        try f.community.reply(by: f.moderator, thread: thread.id, body: "> 2.1 front\n\nOn track, lower.", replyTo: answer.id)
        let told = try f.community.database.writer.read { db in
            try Int64.fetchAll(db, sql: "SELECT memberId FROM notification WHERE kind = 'reply' ORDER BY id")
        }
        // giulia was answered; marco hears as the thread's watcher instead.
        #expect(told == [f.member.id, f.other.id])
    }

    @Test func replyRefusals() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "Tyres", body: "Pressures?")
        try f.expectRefusal(.notFound("no thread #999")) {
            try f.community.reply(by: f.other, thread: 999, body: "hello")
        }
        try f.expectRefusal(.invalid("the post is empty")) {
            try f.community.reply(by: f.other, thread: thread.id, body: "")
        }
        try f.expectRefusal(.notFound("no post #999 in thread #\(thread.id)")) {
            try f.community.reply(by: f.other, thread: thread.id, body: "hi", replyTo: 999)
        }
        try f.community.database.writer.write { db in
            try db.execute(sql: "UPDATE thread SET locked = 1 WHERE id = ?", arguments: [thread.id])
        }
        try f.expectRefusal(.notPermitted("the thread is locked: only moderators can reply")) {
            try f.community.reply(by: f.other, thread: thread.id, body: "hi")
        }
        try f.community.reply(by: f.moderator, thread: thread.id, body: "Locked for a reason.")
    }

    @Test func aSilencedMemberIsToldWhenTheyMayPostAgain() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "Tyres", body: "Pressures?")
        let until = f.clock.now.addingTimeInterval(86400)
        try f.community.database.writer.write { db in
            try db.execute(sql: "UPDATE member SET standing = 'silenced', standingUntil = ? WHERE id = ?", arguments: [until, f.other.id])
        }
        try f.expectRefusal(.notPermitted("giulia is silenced until \(TimeText.describe(until)) and cannot post until then")) {
            try f.community.reply(by: f.other, thread: thread.id, body: "hi")
        }
        f.clock.set(until)
        try f.community.reply(by: f.other, thread: thread.id, body: "I'm back")
    }

    @Test func threadPagesAreRangesOfPositions() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "Long", body: "0")
        for i in 1...30 { try f.community.reply(by: f.other, thread: thread.id, body: "\(i)") }
        let page = try f.community.thread(thread.id, from: 10, limit: 10)
        #expect(page.posts.map(\.body) == (10..<20).map(String.init))
        #expect(page.postCount == 31)
        #expect(try f.community.thread(thread.id, from: 30, limit: 10).posts.map(\.body) == ["30"])
    }
}

@Suite struct EditCommandTests {
    @Test func anEditKeepsTheEarlierText() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "Chain", body: "Lube every 500 km")
        let postID = try f.community.thread(thread.id).posts[0].id
        f.clock.advance(by: 60)
        let edited = try f.community.edit(by: f.member, post: postID, body: "Lube every 800 km")
        #expect(edited.body == "Lube every 800 km")
        #expect(edited.revisionCount == 1)
        #expect(edited.editedAt == f.clock.now)
        let revisions = try f.community.revisions(of: postID)
        #expect(revisions.map(\.body) == ["Lube every 500 km"])
        #expect(revisions.map(\.editor) == ["marco"])
    }

    @Test func editRefusals() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "Chain", body: "Lube")
        let postID = try f.community.thread(thread.id).posts[0].id
        try f.expectRefusal(.notPermitted("you can only edit your own posts")) {
            try f.community.edit(by: f.other, post: postID, body: "vandalised")
        }
        try f.expectRefusal(.notFound("no post #999")) {
            try f.community.edit(by: f.member, post: 999, body: "x")
        }
        try f.expectRefusal(.invalid("the post is empty")) {
            try f.community.edit(by: f.member, post: postID, body: "")
        }
        // Moderators may edit anyone's post; the author's text is kept.
        try f.community.edit(by: f.moderator, post: postID, body: "Lube (link removed)")
        #expect(try f.community.revisions(of: postID).map(\.editor) == ["mod"])
    }

    @Test func hiddenTextIsBlankForMembersAndReadableForModerators() throws {
        let f = try Fixture()
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "Spam", body: "buy now")
        try f.community.database.writer.write { db in
            try db.execute(sql: "UPDATE post SET state = 'hidden' WHERE threadId = ?", arguments: [thread.id])
        }
        #expect(try f.community.thread(thread.id, viewer: f.other).posts[0].body == "")
        #expect(try f.community.thread(thread.id, viewer: f.moderator).posts[0].body == "buy now")
        #expect(try f.community.thread(thread.id, viewer: f.moderator).posts[0].state == .hidden)
    }
}

@Suite struct OrderedPagingTests {
    @Test func everyOrderPagesWithoutGapsOrRepeats() throws {
        let f = try Fixture()
        var ids: [Int64] = []
        for i in 0..<17 {
            f.clock.advance(by: 60)
            let thread = try f.community.startThread(by: f.member, board: "furia", title: "T\(i)", body: "b")
            for _ in 0..<(i % 5) { try f.community.reply(by: f.other, thread: thread.id, body: "r") }
            ids.append(thread.id)
        }
        for order in ThreadOrder.allCases {
            var seen: [ThreadSummary] = []
            var after: ThreadSummary?
            repeat {
                let page = try f.community.threads(board: "furia", reader: f.admin, order: order, after: after, limit: 4)
                #expect(page.threads.count <= 4)
                seen += page.threads
                after = page.next == nil ? nil : page.threads.last
            } while after != nil
            #expect(Set(seen.map(\.id)).count == seen.count, "\(order) repeated a thread")
            #expect(Set(seen.map(\.id)) == Set(ids), "\(order) missed a thread")
            if order == .mostReplies {
                #expect(seen.map(\.replyCount) == seen.map(\.replyCount).sorted(by: >))
            }
        }
    }

    @Test func theUnreadOrderShowsOnlyWhatTheReaderHasNotRead() throws {
        let f = try Fixture()
        let read = try f.community.startThread(by: f.member, board: "furia", title: "Read", body: "b")
        f.clock.advance(by: 60)
        try f.community.startThread(by: f.member, board: "furia", title: "Unread", body: "b")
        try f.community.markRead(by: f.other, thread: read.id, upTo: 0)
        let page = try f.community.threads(board: "furia", reader: f.other, order: .unread, limit: 10)
        #expect(page.threads.map(\.title) == ["Unread"])
        try f.community.markBoardRead(by: f.other, board: "furia")
        #expect(try f.community.threads(board: "furia", reader: f.other, order: .unread, limit: 10).threads.isEmpty)
        #expect(try f.community.home(for: f.other).boards.first { $0.board.slug == "furia" }?.unreadThreads == 0)
    }
}

@Suite struct CatalogCommandTests {
    @Test func managersAddProductsAndFeatures() throws {
        let f = try Fixture()
        let product = try f.community.addProduct(by: f.manager, slug: "furia-950", name: "Furia 950", description: "Supermotard")
        #expect(product.name == "Furia 950")
        try f.community.addFeature(by: f.manager, product: "furia-950", slug: "seat", name: "Seat")
        try f.community.addFeature(by: f.admin, product: "FURIA-950", slug: "exhaust", name: "Exhaust")
        #expect(try f.community.features(product: "furia-950").map(\.slug) == ["exhaust", "seat"])
        #expect(try f.community.products().map(\.slug) == ["furia-950"])
    }

    @Test func catalogRefusals() throws {
        let f = try Fixture()
        try f.community.addProduct(by: f.manager, slug: "furia-950", name: "Furia 950")
        try f.community.addFeature(by: f.manager, product: "furia-950", slug: "seat", name: "Seat")
        try f.expectRefusal(.notPermitted("only managers and admins can change the product catalog")) {
            try f.community.addProduct(by: f.moderator, slug: "x", name: "X")
        }
        try f.expectRefusal(.notPermitted("only managers and admins can change the product catalog")) {
            try f.community.addFeature(by: f.member, product: "furia-950", slug: "x", name: "X")
        }
        try f.expectRefusal(.invalid("a product 'furia-950' already exists")) {
            try f.community.addProduct(by: f.manager, slug: "furia-950", name: "Again")
        }
        try f.expectRefusal(.invalid("furia-950 already has a feature 'seat'")) {
            try f.community.addFeature(by: f.manager, product: "furia-950", slug: "seat", name: "Seat again")
        }
        try f.expectRefusal(.notFound("no product 'nope'")) {
            try f.community.addFeature(by: f.manager, product: "nope", slug: "seat", name: "Seat")
        }
    }
}

@Suite struct DraftAndReadingTests {
    @Test func draftsAreKeptPerMemberAndKeyAndAnEmptyOneIsForgotten() throws {
        let f = try Fixture()
        try f.community.saveDraft(by: f.member, key: "reply:1", title: "", body: "half")
        try f.community.saveDraft(by: f.other, key: "reply:1", title: "", body: "other's")
        #expect(try f.community.draft(for: f.member, key: "reply:1")?.body == "half")
        try f.community.saveDraft(by: f.member, key: "reply:1", title: "", body: "")
        #expect(try f.community.draft(for: f.member, key: "reply:1") == nil)
        #expect(try f.community.draft(for: f.other, key: "reply:1")?.body == "other's")
    }

    @Test func eachFormsDraftIsKeptApartWithItsTitleAndTextUntilDeleted() throws {
        let f = try Fixture()
        try f.community.saveDraft(by: f.member, key: "status:7", title: "", body: "Planned for MY2027.\nMore soon.")
        try f.community.saveDraft(by: f.member, key: "suggestion:ideas", title: "A quieter fan", body: "It howls at idle.")
        try f.community.saveDraft(by: f.member, key: "conduct:giulia:warn", title: "", body: "Three rude replies")
        // Typed again: the same draft, updated, not a second one.
        try f.community.saveDraft(by: f.member, key: "status:7", title: "", body: "Planned for MY2027.\nMore soon, with photos.")
        #expect(try f.community.draft(for: f.member, key: "status:7")?.body == "Planned for MY2027.\nMore soon, with photos.")
        let suggestion = try f.community.draft(for: f.member, key: "suggestion:ideas")
        #expect(suggestion?.title == "A quieter fan")
        #expect(suggestion?.body == "It howls at idle.")
        try f.community.deleteDraft(for: f.member, key: "status:7")
        #expect(try f.community.draft(for: f.member, key: "status:7") == nil)
        #expect(try f.community.draft(for: f.member, key: "suggestion:ideas")?.title == "A quieter fan")
        #expect(try f.community.draft(for: f.member, key: "conduct:giulia:warn")?.body == "Three rude replies")
    }

    @Test func readPositionsNeverMoveBackAndNextUnreadFollowsTheBoards() throws {
        let f = try Fixture()
        let first = try f.community.startThread(by: f.member, board: "furia", title: "First", body: "b")
        f.clock.advance(by: 60)
        let second = try f.community.startThread(by: f.member, board: "furia", title: "Second", body: "b")
        try f.community.reply(by: f.member, thread: first.id, body: "r1")
        try f.community.markRead(by: f.other, thread: first.id, upTo: 1)
        try f.community.markRead(by: f.other, thread: first.id, upTo: 0)
        let page = try f.community.threads(board: "furia", reader: f.other, order: .latest, limit: 10)
        #expect(page.threads.first { $0.id == first.id }?.unreadCount == 0)
        #expect(try f.community.nextUnread(for: f.other, after: nil)?.id == second.id)
        try f.community.markRead(by: f.other, thread: second.id, upTo: 0)
        #expect(try f.community.nextUnread(for: f.other, after: nil) == nil)
    }

    @Test func unreadLooksAtTheCommunitysMostRecentlyActiveThreads() throws {
        let f = try Fixture()
        try f.community.addBoard(by: f.admin, slug: "garage", title: "Garage")
        let old = try f.community.startThread(by: f.member, board: "furia", title: "Old", body: "b")
        let news = try f.community.startThread(by: f.admin, board: "announcements", title: "New model", body: "b")
        for i in 0..<Community.unreadWindow {
            f.clock.advance(by: 1)
            _ = try f.community.startThread(by: f.member, board: "garage", title: "New \(i)", body: "b")
        }
        func overview(_ slug: String) throws -> BoardOverview? { try f.community.home(for: f.other).boards.first { $0.board.slug == slug } }
        #expect(try overview("furia")?.unreadThreads == 0, "its activity is older than the window's")
        #expect(try overview("announcements")?.unreadThreads == 1, "the latest announcements are always in the window")
        #expect(try f.community.threads(board: "announcements", reader: f.other, order: .unread, limit: 10).threads.map(\.id) == [news.id])
        #expect(try overview("garage")?.unreadThreads == Community.unreadWindow)
        #expect(try overview("garage")?.unreadAtLeast == true, "the whole window is unread: there may be more")
        #expect(try f.community.threads(board: "furia", reader: f.other, order: .unread, limit: 10).threads.isEmpty)
        #expect(try f.community.threads(board: "furia", reader: f.other, order: .latest, limit: 10).threads.first?.unreadCount == 1,
                "the board's list still marks it")

        f.clock.advance(by: 1)
        try f.community.reply(by: f.member, thread: old.id, body: "News")
        #expect(try overview("furia")?.unreadThreads == 1, "its next post brings it back")
        #expect(try overview("garage")?.unreadThreads == Community.unreadWindow - 1)
        #expect(try f.community.threads(board: "furia", reader: f.other, order: .unread, limit: 10).threads.map(\.id) == [old.id])
        #expect(try f.community.nextUnread(for: f.other, after: nil)?.id == news.id, "announcements come first")
        try f.community.markRead(by: f.other, thread: news.id, upTo: 0)
        #expect(try f.community.nextUnread(for: f.other, after: nil)?.id == old.id, "furia comes before garage")
    }

    @Test func aThreadReadBeforeTheWindowCountsAsReadUntilItsNextPost() throws {
        let f = try Fixture()
        try f.community.addBoard(by: f.admin, slug: "garage", title: "Garage")
        let ride = try f.community.startThread(by: f.member, board: "furia", title: "Ride", body: "b")
        try f.community.markRead(by: f.other, thread: ride.id, upTo: 0)
        for i in 0..<Community.unreadWindow {
            f.clock.advance(by: 1)
            _ = try f.community.startThread(by: f.member, board: "garage", title: "New \(i)", body: "b")
        }
        func furia() throws -> Int? { try f.community.home(for: f.other).boards.first { $0.board.slug == "furia" }?.unreadThreads }

        f.clock.advance(by: 1)
        try f.community.reply(by: f.member, thread: ride.id, body: "Back in the window")
        #expect(try furia() == 1, "read before the window's oldest activity, and replied to since")
        try f.community.markRead(by: f.other, thread: ride.id, upTo: 1)
        #expect(try furia() == 0, "read in the same second as the reply")
        f.clock.advance(by: 1)
        try f.community.reply(by: f.member, thread: ride.id, body: "Another")
        #expect(try furia() == 1, "read up to the previous reply")
        #expect(try f.community.nextUnread(for: f.other, after: nil)?.id == ride.id)
        try f.community.reply(by: f.other, thread: ride.id, body: "My own")
        #expect(try furia() == 0, "one's own reply reads the thread")
        #expect(try f.community.threads(board: "furia", reader: f.other, order: .unread, limit: 10).threads.isEmpty)
    }

    @Test func aReaderOfThousandsOfThreadsGetsTheSameCounts() throws {
        let f = try Fixture()
        try f.community.addBoard(by: f.admin, slug: "garage", title: "Garage")
        // Set-up only: a long reading history made in the window's span, as reads
        // imported with one date would be: more than are listed.
        let old = Community.recentReadsListed + 1
        try f.community.database.writer.write { db in
            let garage = try Int64.fetchOne(db, sql: "SELECT id FROM board WHERE slug = 'garage'")!
            let at = f.clock.now
            for _ in 0..<old {
                try db.execute(sql: """
                    INSERT INTO thread (boardId, kind, title, authorId, createdAt, lastActivityAt, replyCount, lastPosterId)
                    VALUES (?, 'discussion', 'Old', ?, ?, ?, 0, ?)
                    """, arguments: [garage, f.member.id, at, at, f.member.id])
                let thread = db.lastInsertedRowID
                try db.execute(sql: "INSERT INTO post (threadId, position, authorId, body, createdAt, state) VALUES (?, 0, ?, 'b', ?, 'visible')",
                               arguments: [thread, f.member.id, at])
                try db.execute(sql: "INSERT INTO readState (memberId, threadId, lastReadPosition, readAt) VALUES (?, ?, 0, ?)",
                               arguments: [f.other.id, thread, at])
            }
            try db.execute(sql: "UPDATE board SET threadCount = ?, postCount = ? WHERE id = ?", arguments: [old, old, garage])
        }
        func unread(_ slug: String) throws -> Int? { try f.community.home(for: f.other).boards.first { $0.board.slug == slug }?.unreadThreads }
        #expect(try unread("garage") == 0)
        f.clock.advance(by: 1)
        let ride = try f.community.startThread(by: f.member, board: "furia", title: "Ride", body: "b")
        #expect(try unread("furia") == 1)
        try f.community.markRead(by: f.other, thread: ride.id, upTo: 0)
        #expect(try unread("furia") == 0)
        let reopened = try #require(f.community.threads(board: "garage", reader: f.other, limit: 1).threads.first)
        f.clock.advance(by: 1)
        try f.community.reply(by: f.member, thread: reopened.id, body: "Back")
        #expect(try unread("garage") == 1)
    }

    @Test func nextUnreadComesRoundToTheBoardsBefore() throws {
        let f = try Fixture()
        try f.community.addBoard(by: f.admin, slug: "garage", title: "Garage")
        let inFuria = try f.community.startThread(by: f.member, board: "furia", title: "In Furia", body: "b")
        f.clock.advance(by: 60)
        let inGarage = try f.community.startThread(by: f.member, board: "garage", title: "In Garage", body: "b")
        let furia = try #require(f.community.threads(board: "furia", reader: f.other, limit: 1).threads.first)
        let garage = try #require(f.community.threads(board: "garage", reader: f.other, limit: 1).threads.first)
        #expect(try f.community.nextUnread(for: f.other, after: furia)?.id == inGarage.id)
        #expect(try f.community.nextUnread(for: f.other, after: garage)?.id == inFuria.id, "past the last board, round to the first")
        try f.community.markRead(by: f.other, thread: inFuria.id, upTo: 0)
        #expect(try f.community.nextUnread(for: f.other, after: garage) == nil, "the current board's earlier threads are not offered again")
    }
}

@Suite struct LatestAnnouncementTests {
    /// Home's latest announcement is the newest published; a reply to an older one does not bring it back.
    @Test func theLatestAnnouncementIsTheNewestPublishedNotTheLastRepliedTo() throws {
        let f = try Fixture()
        let older = try f.community.startThread(by: f.manager, board: "announcements", title: "Spring open day", body: "b")
        f.clock.advance(by: 3600)
        let newer = try f.community.startThread(by: f.manager, board: "announcements", title: "Winter service campaign", body: "b")
        f.clock.advance(by: 3600)
        try f.community.reply(by: f.member, thread: older.id, body: "See you there")
        #expect(try f.community.home(for: f.other).latestAnnouncement?.id == newer.id)
    }
}
