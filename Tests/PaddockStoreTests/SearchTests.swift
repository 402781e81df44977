import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore

/// Full-text search: the index follows every change, the filters narrow, and
/// who may find what follows who may read what.
@Suite struct SearchTests {
    let c: CoCreation
    var f: Fixture { c.f }
    var community: Community { c.community }

    init() throws {
        c = try CoCreation()
        try community.addBoard(by: c.f.admin, slug: "garage", title: "Garage")
    }

    func found(_ text: String, as viewer: Actor? = nil) throws -> [Int64] {
        try community.search(text, viewer: viewer ?? f.member, limit: 50).hits.map(\.postId)
    }

    func opening(_ thread: ThreadSummary) throws -> Int64 {
        try community.thread(thread.id, viewer: f.admin, from: 0, limit: 1).posts[0].id
    }

    /// Whether the index agrees with the text it was built from.
    func indexIsSound() throws -> Bool {
        do {
            try community.database.writer.write { db in
                try db.execute(sql: "INSERT INTO postSearch(postSearch, rank) VALUES ('integrity-check', 1)")
            }
            return true
        } catch {
            Issue.record("\(error)")
            return false
        }
    }

    // MARK: Sync

    @Test func aNewThreadAndAReplyAreFound() throws {
        let thread = try community.startThread(by: f.member, board: "garage", title: "Valve clearances", body: "Shims or screws?")
        let reply = try community.reply(by: f.other, thread: thread.id, body: "Screws on the old twins, shims on the new.")
        #expect(try found("clearances") == [try opening(thread)])
        #expect(try found("shims") .count == 2)
        #expect(try found("twins") == [reply.id])
        #expect(try indexIsSound())
    }

    @Test func anEditReplacesTheOldWords() throws {
        let thread = try community.startThread(by: f.member, board: "garage", title: "Chain", body: "Mine is too loose")
        let post = try opening(thread)
        try community.edit(by: f.member, post: post, body: "Mine is too tight")
        #expect(try found("loose").isEmpty)
        #expect(try found("tight") == [post])
        #expect(try indexIsSound())
    }

    @Test func aRetitledThreadIsFoundByItsNewTitle() throws {
        let thread = try community.startThread(by: f.member, board: "garage", title: "Old name", body: "Text")
        try community.database.writer.write { db in
            try db.execute(sql: "UPDATE thread SET title = 'Fresh headline' WHERE id = ?", arguments: [thread.id])
        }
        #expect(try found("old").isEmpty)
        #expect(try found("headline") == [try opening(thread)])
        #expect(try indexIsSound())
    }

    @Test func hiddenAndRemovedTextIsFoundByModeratorsOnly() throws {
        let thread = try community.startThread(by: f.member, board: "garage", title: "Tyres", body: "Which tyres?")
        let reply = try community.reply(by: f.other, thread: thread.id, body: "Buy cheap knockoff tyres here")
        #expect(try found("knockoff") == [reply.id])
        try community.moderatePost(by: f.moderator, post: reply.id, action: .hide, reason: "spam")
        #expect(try found("knockoff").isEmpty)
        #expect(try found("knockoff", as: f.moderator) == [reply.id])
        try community.moderatePost(by: f.moderator, post: reply.id, action: .remove, reason: "spam")
        #expect(try found("knockoff").isEmpty)
        let hit = try community.search("knockoff", viewer: f.moderator).hits.first
        #expect(hit?.state == .removed)
        #expect(hit?.snippet.text.contains("knockoff") == true)
        try community.moderatePost(by: f.moderator, post: reply.id, action: .restore, reason: "mistake")
        #expect(try found("knockoff") == [reply.id])
        // A hidden thread: none of its posts, for members.
        try community.moderateThread(by: f.moderator, thread: thread.id, action: .hide, reason: "off topic")
        #expect(try found("tyres").isEmpty)
        #expect(try found("tyres", as: f.moderator).count == 2)
        #expect(try indexIsSound())
    }

    @Test func diacriticsAndCaseFold() throws {
        let thread = try community.startThread(by: f.member, board: "garage", title: "Così non va", body: "Perché la SELLA è dura")
        let post = try opening(thread)
        for query in ["cosi", "COSÌ", "perche", "sella", "e dura", "\"sella e dura\""] {
            #expect(try found(query) == [post], "\(query)")
        }
    }

    @Test func phrasesPrefixesAndExclusions() throws {
        let a = try community.startThread(by: f.member, board: "garage", title: "Riding mode in the rain", body: "Rain mode is soft")
        let b = try community.startThread(by: f.member, board: "garage", title: "Mode riding", body: "Sport mode")
        #expect(Set(try found("riding mode")) == Set([try opening(a), try opening(b)]))
        #expect(try found("\"riding mode\"") == [try opening(a)])
        #expect(try found("\"riding mode\" -rain").isEmpty)
        #expect(try found("riding -rain") == [try opening(b)])
        #expect(try found("rid*").count == 2)
        #expect(try found("spo*") == [try opening(b)])
    }

    @Test func titlesRankAboveBodies() throws {
        let body = try community.startThread(by: f.member, board: "garage", title: "Something", body: "The exhaust is loud")
        let title = try community.startThread(by: f.member, board: "garage", title: "Exhaust", body: "It is loud")
        #expect(try found("exhaust") == [try opening(title), try opening(body)])
        // Equal matches: the newer first.
        let old = try community.reply(by: f.other, thread: body.id, body: "quickshifter")
        f.clock.advance(by: 60)
        let new = try community.reply(by: f.other, thread: body.id, body: "quickshifter")
        #expect(try found("quickshifter") == [new.id, old.id])
    }

    @Test func resultsPageWithoutRepeats() throws {
        let thread = try community.startThread(by: f.member, board: "garage", title: "Many", body: "gasket one")
        for i in 0..<24 {
            f.clock.advance(by: 1)
            try community.reply(by: f.other, thread: thread.id, body: "gasket \(i)" + String(repeating: " filler", count: i % 5))
        }
        var seen: [Int64] = []
        var cursor: SearchCursor?
        repeat {
            let page = try community.search("gasket", viewer: f.member, limit: 7, after: cursor)
            #expect(page.hits.count <= 7)
            seen += page.hits.map(\.postId)
            cursor = page.next
            if let text = cursor?.description { #expect(SearchCursor(text) != nil) }
        } while cursor != nil
        #expect(seen.count == 25)
        #expect(Set(seen).count == 25)
    }

    // MARK: Filters

    @Test func everyFilter() throws {
        let garage = try community.startThread(by: f.member, board: "garage", title: "Seat height", body: "Lower seat please")
        f.clock.advance(by: 86_400 * 2)
        let idea = try c.suggest("Comfort seat", by: f.other, body: "A seat with gel", features: ["seat"])
        let vento = try c.suggest("Vento seat", by: f.other, body: "Seat for the Vento", features: ["seat"], product: "vento")
        let dash = try c.suggest("Seat heating switch", by: f.manager, body: "On the dash", features: ["dash"])
        try community.support(by: f.member, suggestion: idea.id)
        try community.changeStatus(by: f.manager, suggestion: dash.id, to: .planned, response: "Coming in 2027")
        let ideaPost = try community.thread(idea.id, viewer: f.admin).posts[0].id
        let ventoPost = try community.thread(vento.id, viewer: f.admin).posts[0].id
        let dashPost = try community.thread(dash.id, viewer: f.admin).posts[0].id
        let garagePost = try opening(garage)

        #expect(Set(try found("seat")) == Set([garagePost, ideaPost, ventoPost, dashPost]))
        #expect(try found("seat board:garage") == [garagePost])
        #expect(Set(try found("seat board:ideas")) == Set([ideaPost, ventoPost, dashPost]))
        #expect(Set(try found("seat product:furia")) == Set([ideaPost, dashPost]))
        #expect(try found("seat product:vento") == [ventoPost])
        #expect(Set(try found("seat feature:seat")) == Set([ideaPost, ventoPost]))
        #expect(try found("seat feature:seat product:furia") == [ideaPost])
        #expect(try found("seat feature:dash") == [dashPost])
        #expect(try found("seat status:planned") == [dashPost])
        #expect(Set(try found("seat status:new")) == Set([ideaPost, ventoPost]))
        #expect(try found("seat kind:discussion") == [garagePost])
        #expect(Set(try found("seat kind:suggestions")).count == 3)
        #expect(try found("seat author:marco") == [garagePost])
        #expect(try found("seat author:@elena") == [dashPost])
        #expect(try found("seat is:supported") == [ideaPost])
        // marco wrote the garage thread (read) and has read nothing else.
        #expect(Set(try found("seat is:unread")) == Set([ideaPost, ventoPost, dashPost]))
        try community.markRead(by: f.member, thread: idea.id, upTo: 0)
        #expect(Set(try found("seat is:unread")) == Set([ventoPost, dashPost]))
        // Dates are days (UTC): the garage thread is two days before the suggestions.
        let garageDay = UTCTime(f.clock.now - 86_400 * 2).dayText
        let today = UTCTime(f.clock.now).dayText
        #expect(try found("seat before:\(today)") == [garagePost])
        #expect(Set(try found("seat after:\(today)")) == Set([ideaPost, ventoPost, dashPost]))
        #expect(try found("seat after:\(garageDay) before:\(today)") == [garagePost])
    }

    @Test func unknownNamesAndBadValuesGiveAHint() throws {
        try community.startThread(by: f.member, board: "garage", title: "Seat", body: "Seat")
        for (query, hint) in [("seat board:nowhere", "no board 'nowhere'"), ("seat author:nobody", "no member 'nobody'"),
                              ("seat product:x", "no product 'x'"), ("seat feature:wings", "no feature 'wings'"),
                              ("seat before:2026-02-30", "before: takes a date"), ("seat status:maybe", "status: takes one of"),
                              ("seat is:shiny", "is: takes unread or supported"), ("-seat", "add a word to search for"),
                              ("board:garage", "add a word to search for"), ("", "add a word to search for")] {
            let page = try community.search(query, viewer: f.member)
            #expect(!page.searched, "\(query)")
            #expect(page.hint?.contains(hint) == true, "\(query): \(page.hint ?? "no hint")")
        }
        let page = try community.search("colour:red seat", viewer: f.member)
        #expect(page.searched && page.hits.isEmpty)
        #expect(page.hint?.contains("'colour:' is not a filter") == true)
    }

    @Test func awkwardQueriesNeverThrow() throws {
        try community.startThread(by: f.member, board: "garage", title: "Così 日本 🏍", body: "AND OR NOT NEAR seat* \"quoted\"")
        let awkward = ["\"", "\"\"", "\"seat", "seat\"", "-", "--", "- -", "AND", "OR", "NOT", "NEAR", "NEAR(seat rain)",
                       "*", "**", "seat*", "*seat", "^seat", "^", ":", "::", "seat:", ":seat", "(", ")", "(seat", "seat)",
                       "{seat}", "col:seat", "title:seat", "body:seat", "seat AND NOT rain", "a OR b", "\\", "%", "_", "'",
                       "seat -", "-\"\"", "-\"seat", "\"-seat\"", "+seat", "seat^2", "NEAR/2", "\u{0}", "\u{1B}[2J",
                       "\u{202E}seat", "e\u{301}", "🏍", "日本", "x\"y", "a*b", "is:", "before:", "after:tomorrow",
                       "before:2026-13-01", "board:\"garage\" seat", "author:\"\"", "https://example.com seat", "10:30",
                       String(repeating: "seat ", count: 200), String(repeating: "\"", count: 101)]
            + HostileCorpus.strings
        for query in awkward {
            for viewer in [f.member, f.moderator] {
                #expect(throws: Never.self, "\(query.debugDescription)") { _ = try community.search(query, viewer: viewer) }
            }
        }
    }

    // MARK: Snippets

    @Test func snippetsMarkTheMatchingWords() throws {
        let long = String(repeating: "filler words here ", count: 20) + "the quickshifter is great and così quick"
        let thread = try community.startThread(by: f.member, board: "garage", title: "Quickshifter review", body: long)
        let hit = try #require(try community.search("quickshifter cosi", viewer: f.member).hits.first)
        #expect(hit.threadId == thread.id && hit.position == 0)
        #expect(hit.snippet.text.hasPrefix("…"))
        let marked = hit.snippet.runs.filter(\.match).map(\.text)
        #expect(marked == ["quickshifter", "così"])
        #expect(hit.titleMatches == [0..<12])
    }

    // MARK: Bulk

    @Test func theGeneratorIndexesWhatItWrites() throws {
        let database = try AppDatabase.inMemory()
        try SyntheticCommunity.generate(into: database, plan: SyntheticPlan(members: 20, threads: 30, posts: 300, seed: 7, operatorHandle: "ada"))
        let community = Community(database: database)
        let (post, text) = try database.writer.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT id, body FROM post WHERE state = 'visible' ORDER BY id DESC LIMIT 1")!
            return (row[0] as Int64, row[1] as String)
        }
        let word = try #require(SearchText.tokens(in: text).map(\.text).max { $0.count < $1.count })
        let admin = try community.actor(handle: "ada")
        let hits = try community.search("\"\(word)\"", viewer: admin, limit: 500).hits.map(\.postId)
        #expect(hits.contains(post))
    }

    @Test func commonWordsRankWithinTheNewestMatches() throws {
        let database = try AppDatabase.inMemory()
        try SyntheticCommunity.generate(into: database, plan: SyntheticPlan(members: 50, threads: 500, posts: 30_000, seed: 3, operatorHandle: "ada"))
        let community = Community(database: database)
        let admin = try community.actor(handle: "ada")
        let page = try community.search("seat", viewer: admin, limit: 20)
        #expect(page.hits.count == 20)
        #expect(page.hint?.hasPrefix("many posts match: these are the best of the newest \(Community.searchWindow)") == true)
        let floor = try database.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT rowid FROM postSearch WHERE postSearch MATCH 'seat' ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                               arguments: [Community.searchWindow - 1])!
        }
        #expect(page.hits.allSatisfy { $0.postId >= floor })
        #expect(page.hits.map(\.score) == page.hits.map(\.score).sorted())
        // A rarer word: every match ranked, no hint.
        let rare = try community.search("seat heated", viewer: admin, limit: 5)
        #expect(rare.hint == nil || !rare.hint!.contains("many posts match"))
    }
}
