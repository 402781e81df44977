import Foundation
import PaddockCore

/// Who writes in a language: the demo picks authors for pooled replies by it.
enum DemoLanguage { case english, italian, japanese }

struct DemoPersona {
    let handle: String
    let name: String
    let role: Role
    let language: DemoLanguage
    /// Staff and founding moderators exist from the first day; everyone else
    /// joins shortly before they first write.
    let foundingStaff: Bool
    /// A member who becomes a moderator during the year (the day is approximate).
    let promotion: (role: Role, day: Double)?
}

/// One reply in a scripted thread. `quote` is the position quoted (0: the
/// opening post); the reply then quotes that post's first sentence with "> ".
struct DemoLine {
    let author: String
    let body: String
    var quote: Int? = nil
    /// What is quoted, when not the quoted post's first sentence.
    var quoteText: String? = nil
    /// The text the author changes the post to shortly after writing it.
    var edited: String? = nil
}

/// A reply that fits any thread of its topic; each is used once at most.
struct DemoPoolEntry {
    let language: DemoLanguage
    let author: String?
    let body: String
    /// Someone (usually staff) who answers this reply right after it.
    var answer: (author: String, body: String)? = nil
}

/// A thread as written in the content files.
struct DemoDraft {
    let board: String
    let author: String
    let title: String
    /// Day of the year (0–365) it starts on; nil spreads it over the year.
    var day: Double? = nil
    /// Mean hours between replies.
    var gap: Double = 7
    let body: String
    var replies: [DemoLine] = []
    /// A correction the author makes to the opening post, just before reply `revisedBefore`.
    var revision: String? = nil
    var revisedBefore: Int = 0
    /// Replies drawn from a topic pool after the scripted ones.
    var pool: [DemoPoolEntry] = []
    var pooled: Int = 0
}

/// A thread ready to write: final handles, a start day and every reply.
struct DemoScript {
    let board: String
    let author: String
    let title: String
    let body: String
    let day: Double
    let gapHours: Double
    let lines: [DemoLine]
    let revision: String?
    let revisedBefore: Int
}

// Short constructors for the content files.
func R(_ author: String, _ body: String, edited: String? = nil) -> DemoLine {
    DemoLine(author: author, body: body, quote: nil, edited: edited)
}

func Q(_ author: String, _ quote: Int, _ body: String) -> DemoLine {
    DemoLine(author: author, body: body, quote: quote, edited: nil)
}

func QT(_ author: String, _ quote: Int, _ quoted: String, _ body: String) -> DemoLine {
    DemoLine(author: author, body: body, quote: quote, quoteText: quoted, edited: nil)
}

func P(_ body: String, answer: (String, String)? = nil) -> DemoPoolEntry {
    DemoPoolEntry(language: .english, author: nil, body: body, answer: answer.map { (author: $0.0, body: $0.1) })
}

func PI(_ body: String, answer: (String, String)? = nil) -> DemoPoolEntry {
    DemoPoolEntry(language: .italian, author: nil, body: body, answer: answer.map { (author: $0.0, body: $0.1) })
}
func PA(_ author: String, _ body: String) -> DemoPoolEntry { DemoPoolEntry(language: .english, author: author, body: body) }

struct DemoBoard {
    let slug: String
    let title: String
    let description: String
    let kind: ThreadKind
}

struct DemoFeature {
    let slug: String
    let name: String
    let description: String
}

struct DemoProduct {
    let slug: String
    let name: String
    let description: String
    let features: [DemoFeature]
}

/// The whole demo as data: the cast, boards, catalog and threads.
struct DemoPlan {
    static let year: TimeInterval = 365 * 86_400
    /// Stands for the operator in the content files.
    static let operatorMark = "@op"

    let operatorHandle: String
    let cast: [DemoPersona]

    init(operator operatorHandle: String) {
        self.operatorHandle = operatorHandle
        // A demo handle the operator already has gets a trailing underscore.
        cast = DemoPlan.people.map { p in
            let handle = p.handle == operatorHandle ? p.handle + "_" : p.handle
            return DemoPersona(handle: handle, name: p.name, role: p.role, language: p.language,
                               foundingStaff: p.foundingStaff, promotion: p.promotion)
        }
    }

    /// The handle a content file's name stands for in this build.
    func handle(_ name: String) -> String {
        if name == DemoPlan.operatorMark { return operatorHandle }
        return name == operatorHandle ? name + "_" : name
    }

    /// Every thread with its final authors, start day and replies, oldest first.
    func threads(random: inout DemoRandom) -> [DemoScript] {
        let drafts = DemoPlan.announcements + DemoPlan.furiaThreads + DemoPlan.stradaThreads + DemoPlan.ventoThreads
            + DemoPlan.ideasThreads + DemoPlan.garageThreads + DemoPlan.ridesThreads + DemoPlan.barThreads
        // Threads without a fixed day are spread over the year in a shuffled order.
        let free = drafts.filter { $0.day == nil }.count
        let slots = random.shuffled(Array(0..<free))
        var slot = 0
        let members = cast.filter { $0.role < .manager }
        var scripts: [DemoScript] = []
        var used: Set<String> = []
        for draft in drafts {
            var day: Double
            if let fixed = draft.day {
                day = fixed
            } else {
                day = (4 + (Double(slots[slot]) + random.double(0...0.8)) * 352 / Double(free)).rounded(.down)
                slot += 1
            }
            day = min(max(day, 1), 362)
            var lines = draft.replies.map { line in
                DemoLine(author: handle(line.author), body: line.body, quote: line.quote, quoteText: line.quoteText,
                         edited: line.edited)
            }
            var previous = lines.last?.author ?? handle(draft.author)
            // Each pooled reply is used once in the whole community.
            let fresh = random.shuffled(draft.pool).filter { !used.contains($0.body) }
            for entry in fresh.prefix(draft.pooled) {
                used.insert(entry.body)
                let author: String
                if let fixed = entry.author {
                    author = handle(fixed)
                } else {
                    let speakers = members.filter {
                        (entry.language == .english || $0.language == entry.language) && $0.handle != previous
                    }
                    author = random.pick(speakers).handle
                }
                lines.append(DemoLine(author: author, body: entry.body))
                previous = author
                if let answer = entry.answer {
                    lines.append(DemoLine(author: handle(answer.author), body: answer.body))
                    previous = handle(answer.author)
                }
            }
            scripts.append(DemoScript(board: draft.board, author: handle(draft.author), title: draft.title,
                                      body: draft.body, day: day, gapHours: draft.gap, lines: lines,
                                      revision: draft.revision, revisedBefore: draft.revisedBefore))
        }
        return scripts
    }
}
