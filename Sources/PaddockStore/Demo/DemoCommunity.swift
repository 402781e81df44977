import Foundation
import PaddockCore

/// The demo community: a motorcycle maker's forum with a year of history.
///
/// Everything is written through the public `Community` methods, the same door
/// every front end uses, with a `ManualClock` moved forward between actions so
/// that members join, threads start and replies arrive over the year before
/// `endingAt`. The content and its order are the same on every run: the only
/// randomness is a fixed-seed generator, and no date but `endingAt` is read.
public enum DemoCommunity {
    /// Builds the demo into an empty community, with `operatorHandle` as an admin.
    /// The community's own clock is not used: the history is written through a
    /// second `Community` on the same database, with a clock the demo moves.
    public static func build(into community: Community, operator operatorHandle: String, endingAt: Date = Date()) throws {
        try build(database: community.database, operator: operatorHandle, endingAt: endingAt)
    }

    /// Builds the demo into an empty database. When the method returns, the
    /// database holds the boards, catalog, members, threads and posts of the
    /// demo, dated over the 365 days before `endingAt`, the latest a few hours
    /// before it.
    public static func build(database: AppDatabase, operator operatorHandle: String, endingAt: Date = Date()) throws {
        let clock = ManualClock(endingAt - DemoPlan.year)
        let community = Community(database: database, clock: { clock.now })
        let plan = DemoPlan(operator: operatorHandle)
        try DemoWriter(community: community, clock: clock, plan: plan, endingAt: endingAt).run()
    }
}

// MARK: - Randomness

/// SplitMix64: a tiny, fast generator with a fixed seed, so the demo is the
/// same on every platform and every run.
struct DemoRandom {
    private var source: SplitMix64

    init(seed: UInt64) { source = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 {
        source.next()
    }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// An integer in the range, inclusive.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func double(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// Exponentially distributed with this mean: many short gaps, a few long ones.
    mutating func exponential(mean: Double) -> Double { -log(1 - unit()) * mean }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var items = items
        guard items.count > 1 else { return items }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, Int(next() % UInt64(i + 1)))
        }
        return items
    }
}

// MARK: - Writing the plan in time order

/// Lays the plan's events out in time and writes them through the Community.
struct DemoWriter {
    let community: Community
    let clock: ManualClock
    let plan: DemoPlan
    let endingAt: Date

    private enum Action {
        case join(DemoPersona)
        case promote(handle: String, role: Role)
        case start(thread: Int)
        case reply(thread: Int, line: Int)
        case edit(thread: Int, line: Int)
        case revise(thread: Int)
        case suggest(idea: Int)
        case support(suggestion: Int, handle: String)
        /// An official response (`step` in the plan's steps), or the merge of a duplicate (step -1).
        case respond(suggestion: Int, step: Int)
    }

    private struct Event {
        var time: TimeInterval  // seconds after the year began
        let order: Int          // ties keep the order events were planned in
        let action: Action
    }

    func run() throws {
        let start = endingAt - DemoPlan.year
        var random = DemoRandom(seed: 0x00A8_DE17_E950_1200)
        let setupStart: TimeInterval = 9 * 3600
        let setupEnd: TimeInterval = 12 * 3600
        let lastActivity = DemoPlan.year - 3 * 3600 - 17 * 60

        // Threads: the opening post, then replies with gaps of minutes to days.
        let scripts = plan.threads(random: &random)
        var events: [Event] = []
        var order = 0
        func add(_ time: TimeInterval, _ action: Action) {
            events.append(Event(time: time, order: order, action: action))
            order += 1
        }
        for (index, script) in scripts.enumerated() {
            var time = script.day * 86_400 + random.double(7.5...22.5) * 3600
            add(time, .start(thread: index))
            for (lineIndex, line) in script.lines.enumerated() {
                let gap = 240 + random.exponential(mean: script.gapHours * 3600)
                if script.revision != nil, script.revisedBefore == lineIndex {
                    add(time + gap / 2, .revise(thread: index))
                }
                time += gap
                add(time, .reply(thread: index, line: lineIndex))
                if line.edited != nil {
                    add(time + random.double(900...5400), .edit(thread: index, line: lineIndex))
                }
            }
        }
        // The last weeks are stretched or squeezed so that the latest activity
        // lands a few hours before `endingAt`; the rest keeps its hours of the day.
        let latest = events.map(\.time).max() ?? lastActivity
        let tailStart = 300 * 86_400.0
        if latest > tailStart {
            let scale = (lastActivity - tailStart) / (latest - tailStart)
            for i in events.indices where events[i].time > tailStart {
                events[i].time = tailStart + (events[i].time - tailStart) * scale
            }
        }

        // The Ideas Lab: every thread there is a suggestion; more suggestions join
        // them, with supporters arriving over their first weeks and the team's answers after.
        var ideaRandom = DemoRandom(seed: 0x1DEA_1AB0_2025)
        var specs: [(author: String, title: String, plan: DemoIdeaPlan, start: TimeInterval)] = []
        var specOfThread: [Int: Int] = [:]
        var specOfIdea: [Int: Int] = [:]
        for (index, script) in scripts.enumerated() {
            guard let tag = DemoPlan.ideaTags[script.title] else { continue }
            let start = events.first { if case .start(index) = $0.action { true } else { false } }!.time
            specOfThread[index] = specs.count
            specs.append((script.author, script.title, tag, start))
        }
        for (i, idea) in DemoPlan.ideas.enumerated() {
            let start = idea.day * 86_400 + ideaRandom.double(8...21) * 3600
            add(start, .suggest(idea: i))
            specOfIdea[i] = specs.count
            specs.append((plan.handle(idea.author), idea.title, idea.plan, start))
        }
        let crowd = plan.cast.filter { $0.role < .manager }.map(\.handle)
        for (k, spec) in specs.enumerated() {
            let firstAnswer = spec.plan.duplicateOf != nil ? 27 : spec.plan.steps.first?.after ?? 1000
            let window = max(600, min(25 * 86_400, (firstAnswer - 1) * 86_400, lastActivity - 4 * 3600 - spec.start))
            let supporters = ideaRandom.shuffled(crowd.filter { $0 != spec.author }).prefix(spec.plan.support)
            for (j, handle) in supporters.enumerated() {
                var at = spec.start + window * Double(j + 1) / Double(spec.plan.support + 1) + ideaRandom.double(0...300)
                if let title = spec.plan.surgeAfter, j >= 2 {
                    let announcement = scripts.firstIndex { $0.title == title }!
                    let published = events.first { if case .start(announcement) = $0.action { true } else { false } }!.time
                    let share = Double(j - 2) / Double(max(1, spec.plan.support - 2))
                    at = min(published + 3600 + 6 * 86_400 * share + ideaRandom.double(0...3600), lastActivity - 4 * 3600)
                }
                add(at, .support(suggestion: k, handle: handle))
            }
            if spec.plan.duplicateOf != nil {
                add(min(spec.start + 27 * 86_400, lastActivity - 1800), .respond(suggestion: k, step: -1))
            }
            for (j, step) in spec.plan.steps.enumerated() {
                let at = min(spec.start + step.after * 86_400, lastActivity - Double(spec.plan.steps.count - j) * 1800)
                add(at, .respond(suggestion: k, step: j))
            }
        }

        // Members who are not staff join some hours or days before they first write.
        var firstWrite: [String: TimeInterval] = [:]
        for event in events {
            let handle: String
            switch event.action {
            case .start(let t): handle = scripts[t].author
            case .reply(let t, let l): handle = scripts[t].lines[l].author
            case .suggest(let i): handle = specs[specOfIdea[i]!].author
            case .support(_, let h): handle = h
            default: continue
            }
            firstWrite[handle] = min(firstWrite[handle] ?? .infinity, event.time)
        }
        for persona in plan.cast where !persona.foundingStaff {
            let first = firstWrite[persona.handle] ?? random.double(setupEnd...(lastActivity - 86_400))
            let joined = max(setupEnd + random.double(60...3000), first - random.double(2...120) * 3600)
            add(joined, .join(persona))
            if let promotion = persona.promotion {
                add(max(joined + 86_400, promotion.day * 86_400), .promote(handle: persona.handle, role: promotion.role))
            }
        }
        events.sort { $0.time != $1.time ? $0.time < $1.time : $0.order < $1.order }

        // The founding day: the operator, the staff, the boards and the catalog.
        var actors: [String: Actor] = [:]
        func actor(_ handle: String) throws -> Actor {
            if let actor = actors[handle] { return actor }
            let actor = try community.actor(handle: handle)
            actors[handle] = actor
            return actor
        }
        clock.set(start + setupStart)
        try community.bootstrapAdmin(handle: plan.operatorHandle)
        let admin = try actor(plan.operatorHandle)
        // Ardente keeps posts editable for 30 days, so that reference posts
        // (the torque sheet) can be corrected when a reader finds a mistake.
        try community.setSetting(by: admin, key: "edit_window_hours", value: "720")
        for persona in plan.cast where persona.foundingStaff {
            clock.advance(by: random.double(60...600))
            try community.addMember(by: admin, handle: persona.handle, displayName: persona.name, role: persona.role)
        }
        for board in DemoPlan.boards {
            clock.advance(by: random.double(30...300))
            try community.addBoard(by: admin, slug: board.slug, title: board.title, description: board.description, threadKind: board.kind)
        }
        try community.setMilestones(by: admin, try MilestonePlan(setting: DemoPlan.milestones))
        let productManager = try actor(plan.handle("paolo.prodotto"))
        for product in DemoPlan.products {
            clock.advance(by: random.double(60...400))
            try community.addProduct(by: productManager, slug: product.slug, name: product.name, description: product.description)
            for feature in product.features {
                clock.advance(by: random.double(20...120))
                try community.addFeature(by: productManager, product: product.slug, slug: feature.slug,
                                         name: feature.name, description: feature.description)
            }
        }

        /// The text of a thread's post at a position, as first written.
        func text(_ thread: Int, _ position: Int) -> String {
            position == 0 ? scripts[thread].body : scripts[thread].lines[position - 1].body
        }

        // The year, in order.
        var threadIDs = [Int64](repeating: 0, count: scripts.count)
        var postIDs = [[Int64]](repeating: [], count: scripts.count)
        var suggestionIDs = [Int64](repeating: 0, count: specs.count)
        func suggestionID(titled title: String) -> Int64 { suggestionIDs[specs.firstIndex { $0.title == title }!] }
        // Deadlines pass as the days go by: apply them once a day of the history, as cron would.
        var lastMaintenanceDay = -1
        func maintenance() throws {
            let day = Int(clock.now.timeIntervalSince(start) / 86_400)
            guard day != lastMaintenanceDay else { return }
            lastMaintenanceDay = day
            try community.maintenance()
        }
        for event in events {
            clock.set(start + event.time)
            switch event.action {
            case .join(let persona):
                try community.addMember(by: admin, handle: persona.handle, displayName: persona.name, role: persona.role)
            case .promote(let handle, let role):
                try community.setRole(by: admin, handle: handle, role: role)
            case .start(let t):
                let script = scripts[t]
                let threadID: Int64
                if let k = specOfThread[t] {
                    let tag = specs[k].plan
                    threadID = try community.suggest(by: try actor(script.author), product: tag.product, features: tag.features,
                                                     title: script.title, body: script.body, board: script.board).id
                    suggestionIDs[k] = threadID
                } else {
                    threadID = try community.startThread(by: try actor(script.author), board: script.board,
                                                         title: script.title, body: script.body).id
                }
                threadIDs[t] = threadID
                let thread = try community.thread(threadID, limit: 1).thread
                let opening = try community.thread(thread.id, limit: 1)
                postIDs[t].append(opening.posts[0].id)
            case .reply(let t, let l):
                let line = scripts[t].lines[l]
                var body = line.body
                var replyTo: Int64?
                if let quoted = line.quote {
                    replyTo = postIDs[t][quoted]
                    body = DemoText.quoting(line.quoteText ?? DemoText.excerpt(of: text(t, quoted)), line.body)
                }
                let post = try community.reply(by: try actor(line.author), thread: threadIDs[t], body: body, replyTo: replyTo)
                postIDs[t].append(post.id)
            case .edit(let t, let l):
                let line = scripts[t].lines[l]
                var body = line.edited!
                if let quoted = line.quote {
                    body = DemoText.quoting(line.quoteText ?? DemoText.excerpt(of: text(t, quoted)), body)
                }
                try community.edit(by: try actor(line.author), post: postIDs[t][l + 1], body: body)
            case .revise(let t):
                try community.edit(by: try actor(scripts[t].author), post: postIDs[t][0], body: scripts[t].revision!)
            case .suggest(let i):
                let k = specOfIdea[i]!, idea = DemoPlan.ideas[i]
                try maintenance()
                suggestionIDs[k] = try community.suggest(by: try actor(specs[k].author), product: idea.plan.product,
                                                         features: idea.plan.features, title: idea.title, body: idea.body).id
            case .support(let k, let handle):
                try maintenance()
                try community.support(by: try actor(handle), suggestion: suggestionIDs[k])
            case .respond(let k, let j):
                try maintenance()
                if j < 0, let target = specs[k].plan.duplicateOf {
                    try community.merge(by: try actor(plan.handle("elena.ardente")), duplicate: suggestionIDs[k],
                                        into: suggestionID(titled: target),
                                        response: "Merged into “\(target)”: it is the same idea, and your support counts there now.")
                } else {
                    let step = specs[k].plan.steps[j]
                    try community.changeStatus(by: try actor(plan.handle(step.by)), suggestion: suggestionIDs[k],
                                               to: step.status, response: step.text)
                }
            }
        }
        try community.maintenance()
        try DemoRatings(community: community, clock: clock, plan: plan, endingAt: endingAt).run()
        try DemoModeration(community: community, clock: clock, plan: plan, endingAt: endingAt).run()
        try DemoPolls(community: community, clock: clock, plan: plan, endingAt: endingAt).run()
        try DemoHelpful(community: community, clock: clock).run()
    }
}

enum DemoText {
    /// A reply that quotes the first sentence of an earlier post, as members do.
    static func quoting(_ excerpt: String, _ reply: String) -> String {
        "> " + excerpt + "\n\n" + reply
    }

    /// The first sentence of the first paragraph, not longer than about a line and a half.
    static func excerpt(of text: String) -> String {
        let paragraph = text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { String($0) }
            .first { !$0.hasPrefix(">") } ?? text
        // A sentence ends at . ? or ! followed by a space: "47.6 hp" goes on.
        var sentence = ""
        var ended = false
        for character in paragraph {
            if ended, character == " " { break }
            sentence.append(character)
            ended = ".?!".contains(character) && sentence.count > 24
        }
        if sentence.count > 140 {
            sentence = String(sentence.prefix(137)).trimmingCharacters(in: .whitespaces) + "…"
        }
        return sentence.trimmingCharacters(in: .whitespaces)
    }
}
