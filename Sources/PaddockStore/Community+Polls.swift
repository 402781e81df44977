import Foundation
import GRDB
import PaddockCore

/// One option of a poll with its counts: `chosen` for a choice poll, the three
/// opinions for a feature poll. Counts are nil when the viewer may not see
/// the results yet.
public struct PollOptionView: Codable, Equatable, Sendable {
    public let number: Int
    public let label: String
    /// For a feature poll: the feature's slug.
    public let feature: String?
    public var chosen: Int?
    public var like: Int?
    public var neutral: Int?
    public var dislike: Int?

    /// Answers this option had: choices, or opinions of the feature.
    public var answered: Int? {
        if let chosen { return chosen }
        guard let like, let neutral, let dislike else { return nil }
        return like + neutral + dislike
    }
}

/// What the viewer answered to one option.
public struct PollAnswerView: Codable, Equatable, Sendable {
    public let number: Int
    /// For a feature poll; nil for a choice.
    public let opinion: FeatureOpinion?
    public let comment: String
}

/// A comment a member left on a feature with their opinion of it.
public struct PollCommentView: Codable, Equatable, Sendable {
    /// The feature's option number.
    public let number: Int
    public let handle: String
    public let opinion: FeatureOpinion
    public let comment: String
    public let at: Date
}

/// A poll as a viewer sees it: the question, whether it is open, the viewer's
/// own vote, and the results when the viewer may see them.
public struct PollDetail: Codable, Equatable, Sendable {
    public let id: Int64
    public let title: String
    public let intro: String
    public let authorHandle: String
    public let board: String
    public let kind: PollKind
    public let visibility: PollVisibility
    /// For a feature poll: the product's slug and name.
    public let product: String?
    public let productName: String?
    public let createdAt: Date
    public let closesAt: Date?
    /// When it closed: early, by a manager, or at its closing time.
    public let closedAt: Date?
    public let voterCount: Int
    public let resultsVisible: Bool
    public let options: [PollOptionView]
    /// The viewer's answers; empty when they have not voted.
    public let mine: [PollAnswerView]
    /// The latest comments on each feature, newest first, when they were asked
    /// for and the viewer may read them (`Rules.readsPollComments`); nil otherwise.
    public var comments: [PollCommentView]?
    /// Why an open poll takes no votes now: its thread is "locked" or "archived" by a moderator; nil otherwise.
    public var frozen: String?

    public var isClosed: Bool { closedAt != nil }
    public var voted: Bool { !mine.isEmpty }

    /// The viewer's vote as a ballot, to change it.
    public var ballot: PollBallot {
        switch kind {
        case .features:
            .opinions(Dictionary(mine.compactMap { a in a.opinion.map { (a.number, FeatureAnswer($0, comment: a.comment)) } },
                                 uniquingKeysWith: { a, _ in a }))
        case .single, .multiple: .choices(Set(mine.map(\.number)))
        }
    }
}

/// Concept polls: a manager posts a poll thread in a board; members vote once,
/// changeably until it closes. Each write is one transaction: the rules first,
/// then the vote and the counts it moves; on any error nothing is written.
extension Community {
    /// Starts a poll in a board (managers and admins). When the method
    /// returns, the poll's thread is in the board with the intro as its opening
    /// post, and every option has zero counts.
    @discardableResult
    public func startPoll(by actor: Actor, board slug: String, title: String, intro: String, question: PollQuestion,
                          closesAt: Date? = nil, visibility: PollVisibility = .afterVote) throws -> PollDetail {
        let title = try Validate.title(title)
        let intro = try Validate.body(intro)
        let question: PollQuestion = switch question {
        case .choice(let options, let multiple): .choice(options: try PollRules.options(options), multiple: multiple)
        case .features(let product, let features): .features(product: product, features: try PollRules.featureSlugs(features))
        }
        let now = self.now
        try PollRules.closingTime(closesAt, now: now)
        return try writer.write { db in
            let actor = try Self.fresh(db, actor)
            try Rules.startPoll(by: actor, now: now)
            let board = try Self.board(db, slug: slug)
            // Every thread of a suggestion board is a suggestion (see `suggest`).
            guard board.threadKind != .suggestion else {
                throw CommunityError.invalid("the board '\(board.slug)' takes suggestions only: start the poll in another board")
            }
            var options: [(label: String, feature: Int64?)] = []
            var productID: Int64?
            switch question {
            case .choice(let labels, _):
                options = labels.map { ($0, nil) }
            case .features(let productSlug, let slugs):
                let product = try Self.product(db, slug: productSlug)
                productID = product.id
                for featureSlug in slugs {
                    guard let feature = try FeatureSummary.fetchOne(db, sql: "SELECT * FROM feature WHERE productId = ? AND slug = ?",
                                                                    arguments: [product.id, featureSlug]) else {
                        throw CommunityError.notFound("\(product.slug) has no feature '\(featureSlug)'")
                    }
                    guard feature.retiredAt == nil else { throw CommunityError.invalid("the feature \(product.slug)/\(feature.slug) is retired") }
                    options.append((feature.name, feature.id))
                }
            }
            let thread = try Self.insertThread(db, board: board, kind: .poll, title: title, body: intro, author: actor, at: now)
            try db.execute(sql: "INSERT INTO poll (threadId, kind, visibility, productId, closesAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [thread.id, question.kind.rawValue, visibility.rawValue, productID, closesAt?.stored])
            for (index, option) in options.enumerated() {
                try db.execute(sql: "INSERT INTO pollOption (threadId, number, label, featureId) VALUES (?, ?, ?, ?)",
                               arguments: [thread.id, index + 1, option.label, option.feature])
            }
            return try Self.pollDetail(db, id: thread.id!, viewer: actor, now: now)
        }
    }

    /// Casts or changes the actor's vote. When the method returns, the
    /// actor's answers are the ballot's, and every count moved with them: an
    /// answer taken back is counted down, a new one up, in this transaction.
    @discardableResult
    public func vote(by actor: Actor, poll id: Int64, ballot: PollBallot) throws -> PollDetail {
        let now = self.now
        return try writer.write { db in
            let actor = try Self.fresh(db, actor)
            try Rules.vote(by: actor, now: now, ballot: ballot)
            let poll = try Self.pollRow(db, id: id, role: actor.role)
            try PollRules.requireOpen(closesAt: poll.closesAt, closedAt: poll.closedAt, now: now)
            try PollRules.requireVotable(poll.thread)
            let optionIDs = try Row.fetchAll(db, sql: "SELECT number, id, featureId FROM pollOption WHERE threadId = ? ORDER BY number",
                                             arguments: [id])
            let ballot = try PollRules.check(ballot, kind: poll.kind, optionCount: optionIDs.count)
            let byNumber = Dictionary(uniqueKeysWithValues: optionIDs.map { (($0[0] as Int), (id: $0[1] as Int64, feature: $0[2] as Int64?)) })
            // The earlier vote's counts come off first.
            let earlier = try Row.fetchAll(db, sql: "SELECT optionId, opinion, comment, commentedAt FROM pollAnswer WHERE threadId = ? AND memberId = ?",
                                           arguments: [id, actor.id])
            // A comment left as it was keeps its time: changing an opinion elsewhere doesn't make it the latest.
            let commentedBefore = Dictionary(earlier.compactMap { row -> (String, Date)? in
                guard let at = row.date("commentedAt") else { return nil }
                return ("\(row["optionId"] as Int64):\(row["comment"] as String)", at)
            }, uniquingKeysWith: { a, _ in a })
            for answer in earlier {
                try db.execute(sql: "UPDATE pollOption SET \(Self.countColumn(answer["opinion"])) = \(Self.countColumn(answer["opinion"])) - 1 WHERE id = ?",
                               arguments: [answer["optionId"] as Int64])
            }
            try db.execute(sql: "DELETE FROM pollAnswer WHERE threadId = ? AND memberId = ?", arguments: [id, actor.id])
            if earlier.isEmpty, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pollVote WHERE threadId = ? AND memberId = ?",
                                                 arguments: [id, actor.id]) == 0 {
                try db.execute(sql: "INSERT INTO pollVote (threadId, memberId, createdAt, updatedAt) VALUES (?, ?, ?, ?)",
                               arguments: [id, actor.id, now.stored, now.stored])
                try db.execute(sql: "UPDATE poll SET voterCount = voterCount + 1 WHERE threadId = ?", arguments: [id])
            } else {
                try db.execute(sql: "UPDATE pollVote SET updatedAt = ? WHERE threadId = ? AND memberId = ?", arguments: [now.stored, id, actor.id])
            }
            var answers: [(number: Int, opinion: FeatureOpinion?, comment: String)] = []
            switch ballot {
            case .choices(let chosen): answers = chosen.sorted().map { ($0, nil, "") }
            case .opinions(let opinions): answers = opinions.sorted { $0.key < $1.key }.map { ($0.key, $0.value.opinion, $0.value.comment) }
            }
            for answer in answers {
                let option = byNumber[answer.number]!
                let commentedAt = answer.comment.isEmpty ? nil : (commentedBefore["\(option.id):\(answer.comment)"] ?? now)
                try db.execute(sql: """
                    INSERT INTO pollAnswer (threadId, memberId, optionId, featureId, opinion, comment, commentedAt) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, actor.id, option.id, option.feature, answer.opinion?.rawValue, answer.comment, commentedAt?.stored])
                let column = Self.countColumn(answer.opinion?.rawValue)
                try db.execute(sql: "UPDATE pollOption SET \(column) = \(column) + 1 WHERE id = ?", arguments: [option.id])
            }
            return try Self.pollDetail(db, id: id, viewer: actor, now: now)
        }
    }

    /// Closes a poll before its time (managers and admins). When the method
    /// returns it takes no more votes and everyone sees its results.
    @discardableResult
    public func closePoll(by actor: Actor, poll id: Int64) throws -> PollDetail {
        let now = self.now
        return try writer.write { db in
            let actor = try Self.fresh(db, actor)
            try Rules.closePoll(by: actor, now: now)
            let poll = try Self.pollRow(db, id: id, role: actor.role)
            if let closed = PollRules.closedAt(closesAt: poll.closesAt, closedAt: poll.closedAt, now: now) {
                throw CommunityError.invalid("poll #\(id) already closed at \(TimeText.describe(closed))")
            }
            try db.execute(sql: "UPDATE poll SET closedAt = ?, closedById = ? WHERE threadId = ?", arguments: [now.stored, actor.id, id])
            try Self.log(db, actor: actor, action: "close", targetKind: "poll", targetID: id, reason: "", at: now)
            return try Self.pollDetail(db, id: id, viewer: actor, now: now)
        }
    }

    /// A poll as the viewer sees it: results only once the rules let them;
    /// with `comments` above 0, the latest that many comments on each feature
    /// if the viewer may read them (managers and the poll's author).
    public func poll(_ id: Int64, viewer: Actor, comments: Int = 0) throws -> PollDetail {
        let now = self.now
        return try writer.read { db in
            try Self.pollDetail(db, id: id, viewer: try Self.fresh(db, viewer), now: now, comments: min(comments, PollLimits.commentsListed))
        }
    }
}

// MARK: - Shared steps

extension Community {
    struct PollRow {
        let kind: PollKind
        let visibility: PollVisibility
        let closesAt: Date?
        let closedAt: Date?
        let thread: ThreadFacts
    }

    /// The counter an answer moves: its opinion's, or `chosenCount` for a choice.
    static func countColumn(_ opinion: String?) -> String {
        switch opinion {
        case "like": "likeCount"
        case "neutral": "neutralCount"
        case "dislike": "dislikeCount"
        default: "chosenCount"
        }
    }

    /// A poll the role may see: a poll hidden by a moderator is no poll to members.
    static func pollRow(_ db: Database, id: Int64, role: Role) throws -> PollRow {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT p.kind, p.visibility, p.closesAt, p.closedAt, t.hidden, t.locked, t.archived FROM poll p JOIN thread t ON t.id = p.threadId
            WHERE p.threadId = ?
            """, arguments: [id]), !(row["hidden"] as Bool) || Rules.seesHiddenText(role) else {
            throw CommunityError.notFound("no poll #\(id)")
        }
        return PollRow(kind: PollKind(rawValue: row["kind"]) ?? .single, visibility: PollVisibility(rawValue: row["visibility"]) ?? .afterVote,
                       closesAt: row.date("closesAt"), closedAt: row.date("closedAt"),
                       thread: ThreadFacts(kind: .poll, locked: row["locked"], archived: row["archived"], hidden: row["hidden"]))
    }

    static func pollDetail(_ db: Database, id: Int64, viewer: Actor, now: Date, comments: Int = 0) throws -> PollDetail {
        let poll = try pollRow(db, id: id, role: viewer.role)
        let row = try Row.fetchOne(db, sql: """
            SELECT t.title, p0.body, a.handle, t.authorId, b.slug AS board, pr.slug AS product, pr.name AS productName, t.createdAt, pl.voterCount
            FROM poll pl JOIN thread t ON t.id = pl.threadId JOIN member a ON a.id = t.authorId JOIN board b ON b.id = t.boardId
            JOIN post p0 ON p0.threadId = t.id AND p0.position = 0 LEFT JOIN product pr ON pr.id = pl.productId
            WHERE pl.threadId = ?
            """, arguments: [id])!
        let mine = try Row.fetchAll(db, sql: """
            SELECT o.number, a.opinion, a.comment FROM pollAnswer a JOIN pollOption o ON o.id = a.optionId
            WHERE a.threadId = ? AND a.memberId = ? ORDER BY o.number
            """, arguments: [id, viewer.id]).map {
            PollAnswerView(number: $0[0], opinion: ($0[1] as String?).flatMap(FeatureOpinion.init(rawValue:)), comment: $0[2])
        }
        let closed = PollRules.closedAt(closesAt: poll.closesAt, closedAt: poll.closedAt, now: now)
        let visible = PollRules.resultsVisible(poll.visibility, role: viewer.role, voted: !mine.isEmpty, closed: closed != nil,
                                               isAuthor: viewer.id == row["authorId"] as Int64)
        let options = try Row.fetchAll(db, sql: """
            SELECT o.number, o.label, f.slug, o.chosenCount, o.likeCount, o.neutralCount, o.dislikeCount
            FROM pollOption o LEFT JOIN feature f ON f.id = o.featureId WHERE o.threadId = ? ORDER BY o.number
            """, arguments: [id]).map { r -> PollOptionView in
            var option = PollOptionView(number: r[0], label: r[1], feature: r[2])
            guard visible else { return option }
            if poll.kind == .features {
                (option.like, option.neutral, option.dislike) = (r[4], r[5], r[6])
            } else {
                option.chosen = r[3]
            }
            return option
        }
        var detail = PollDetail(id: id, title: row["title"], intro: row["body"], authorHandle: row["handle"], board: row["board"],
                                kind: poll.kind, visibility: poll.visibility, product: row["product"], productName: row["productName"],
                                createdAt: row.date("createdAt")!, closesAt: poll.closesAt, closedAt: closed,
                                voterCount: row["voterCount"], resultsVisible: visible, options: options, mine: mine)
        if closed == nil, poll.thread.archived || poll.thread.locked { detail.frozen = poll.thread.archived ? "archived" : "locked" }
        if comments > 0, poll.kind == .features, Rules.readsPollComments(viewer, authorID: row["authorId"]) {
            detail.comments = try pollComments(db, id: id, perFeature: comments)
        }
        return detail
    }

    /// The latest `perFeature` comments on each feature, newest first: one
    /// short read of the partial index `pollAnswer_comments` per feature.
    static func pollComments(_ db: Database, id: Int64, perFeature: Int) throws -> [PollCommentView] {
        let options = try Row.fetchAll(db, sql: "SELECT id, number FROM pollOption WHERE threadId = ? ORDER BY number", arguments: [id])
        var comments: [PollCommentView] = []
        for option in options {
            comments += try Row.fetchAll(db, sql: """
                SELECT m.handle, a.opinion, a.comment, a.commentedAt FROM pollAnswer a JOIN member m ON m.id = a.memberId
                WHERE a.optionId = ? AND a.comment != '' ORDER BY a.commentedAt DESC LIMIT ?
                """, arguments: [option["id"] as Int64, perFeature]).map {
                PollCommentView(number: option["number"], handle: $0["handle"], opinion: FeatureOpinion(rawValue: $0["opinion"] ?? "") ?? .neutral,
                                comment: $0["comment"], at: $0.date("commentedAt") ?? .distantPast)
            }
        }
        return comments
    }
}

/// One bar of a poll's results: an option's choices (a share of the voters),
/// or one opinion of a feature (a share of that feature's answers).
public struct PollResultLine: Equatable, Sendable {
    public let number: Int
    public let label: String
    public let feature: String?
    /// `chosen`, or the opinion: `like`, `neutral`, `dislike`.
    public let answer: String
    public let count: Int
    /// What the share is of: the voters, or the feature's answers.
    public let total: Int

    public var share: Double { PollRules.share(count, of: total) }
    public var percentText: String { PollRules.percentText(count, of: total) }
}

extension PollDetail {
    /// The results as bars, in option order; empty while the viewer may not see them.
    public var resultLines: [PollResultLine] {
        guard resultsVisible else { return [] }
        return options.flatMap { option -> [PollResultLine] in
            if kind == .features {
                let total = option.answered ?? 0
                return [(FeatureOpinion.like, option.like), (.neutral, option.neutral), (.dislike, option.dislike)].map {
                    PollResultLine(number: option.number, label: option.label, feature: option.feature, answer: $0.0.rawValue,
                                   count: $0.1 ?? 0, total: total)
                }
            }
            return [PollResultLine(number: option.number, label: option.label, feature: nil, answer: "chosen",
                                   count: option.chosen ?? 0, total: voterCount)]
        }
    }

    /// "open until 10 Dec 10:00 UTC", "open, no closing time", "closed at …", "locked by a moderator: takes no votes".
    public var stateText: String {
        if let closedAt { return "closed at \(TimeText.describe(closedAt))" }
        if let frozen { return "\(frozen) by a moderator: takes no votes" }
        if let closesAt { return "open until \(TimeText.describe(closesAt))" }
        return "open, no closing time"
    }
}
