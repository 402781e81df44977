import Foundation
import GRDB
import PaddockCore

extension Community {
    /// Writes a board as an mbox, a thread at a time (threads in the order they
    /// were started, posts in their order), through `write`.
    ///
    /// Each post keeps the Message-ID it was imported with, or gets
    /// `post-ID.thread-ID@paddock.invalid` (the same at every export). A reply
    /// names the post it replies to in In-Reply-To, and its ancestors from the
    /// opening post in References, so a mail reader threads the file as Paddock
    /// does; a post that replies to no post in particular replies to the
    /// opening post. Authors write from their imported address (already public
    /// on the list it came from), or from `handle@paddock.invalid`: always so
    /// for a member who gave an address for mail, which is private (also when the stored address is no valid one,
    /// e.g. a bare name an older import kept). Hidden threads, and hidden or removed posts,
    /// are left out, as members would not see them.
    @discardableResult
    public func exportMbox(board slug: String, write: ([UInt8]) throws -> Void) throws -> (threads: Int, posts: Int) {
        try writer.read { db in
            let board = try Self.board(db, slug: slug)
            var threads = 0, posts = 0
            var lastThread: Int64 = 0
            while true {
                // A page of threads at a time: memory stays flat whatever the board's size.
                let page = try Row.fetchAll(db, sql: "SELECT id, title FROM thread WHERE boardId = ? AND hidden = 0 AND id > ? ORDER BY id LIMIT 200",
                                            arguments: [board.id, lastThread])
                guard !page.isEmpty else { break }
                for thread in page {
                    let threadID: Int64 = thread["id"], title: String = thread["title"]
                    lastThread = threadID
                    threads += 1
                    var chains: [Int64: [String]] = [:]  // post → its references then its own id
                    var opening: [String]?
                    let rows = try Row.fetchCursor(db, sql: """
                        SELECT p.id, p.position, p.replyToId, p.body, p.createdAt, m.handle, m.displayName,
                          (SELECT address FROM memberAddress a WHERE a.memberId = m.id
                             AND NOT EXISTS (SELECT 1 FROM mailPreference mp WHERE mp.memberId = m.id)
                           ORDER BY a.address LIMIT 1) AS address, mm.messageId
                        FROM post p JOIN member m ON m.id = p.authorId
                        LEFT JOIN mailMessage mm ON mm.postId = p.id
                        WHERE p.threadId = ? AND p.state = 'visible' ORDER BY p.position
                        """, arguments: [threadID])
                    while let row = try rows.next() {
                        let postID: Int64 = row["id"]
                        let position: Int = row["position"]
                        let messageID: String = row["messageId"] ?? MailPost.messageID(post: postID, thread: threadID)
                        let replyTo: Int64? = row["replyToId"]
                        var references: [String] = position == 0 ? [] : (replyTo.flatMap { chains[$0] } ?? opening ?? [])
                        if references.count > 20 { references = [references[0]] + references.suffix(19) }
                        chains[postID] = references + [messageID]
                        if position == 0 { opening = [messageID] }
                        let handle: String = row["handle"]
                        let from = MailAddress(name: row["displayName"], address: (row["address"] as String?).flatMap { MailAddress.isValid($0) ? $0 : nil } ?? MailPost.address(handle: handle))
                        let mail = OutgoingMail(messageID: messageID, references: references, from: from,
                                                date: row.date("createdAt") ?? Date(timeIntervalSince1970: 0),
                                                subject: position == 0 ? title : "Re: " + title, body: row["body"])
                        try write(MboxWriter.message(mail))
                        posts += 1
                    }
                }
            }
            return (threads, posts)
        }
    }
}
