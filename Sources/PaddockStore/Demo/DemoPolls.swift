import Foundation
import PaddockCore

/// The demo's concept polls about the next Furia, in the Furia 950 board,
/// written through the service like the rest:
///
/// - a feature poll (still open, results after you vote) on which of the
///   Furia 950's features the next one should keep, with most of the riders
///   voting and a few leaving a comment;
/// - a single-choice poll on its engine that closed three weeks ago, its
///   results shown to everyone.
///
/// It runs after the rest of the history with the clock set back to each
/// poll's days: polls and votes change no other thread's order.
struct DemoPolls {
    let community: Community
    let clock: ManualClock
    let plan: DemoPlan
    let endingAt: Date

    /// Shares of like, neutral and dislike for each feature, as the riders lean.
    static let leanings: [(feature: String, like: Double, neutral: Double)] = [
        ("electronics", 0.72, 0.18),
        ("quickshifter", 0.64, 0.22),
        ("suspension", 0.58, 0.30),
        ("tft-dash", 0.41, 0.37),
        ("seat", 0.22, 0.26),
        ("exhaust", 0.47, 0.21),
    ]

    static let comments: [String: [String]] = [
        "seat": ["890 mm is a lot at a fuel stop on a camber.", "Make the 870 low seat standard, please.", "Keep it flat, just softer foam."],
        "exhaust": ["The under-seat cans cook the pillion.", "Sounds right, weighs too much."],
        "electronics": ["Slide control in Motard mode is the best thing on the bike."],
        "tft-dash": ["Pairing drops every other ride."],
    ]

    func run() throws {
        var random = DemoRandom(seed: 0xF021_A950_9011)
        let riders = plan.cast.filter { $0.role < .manager }.map(\.handle)
        let paolo = try community.actor(handle: plan.handle("paolo.prodotto"))
        let elena = try community.actor(handle: plan.handle("elena.ardente"))

        // The engine poll: opened 45 days ago for three weeks; closed by its time.
        let engineOpened = endingAt - 45 * 86_400 + 10 * 3600
        clock.set(engineOpened)
        let engine = try community.startPoll(
            by: elena, board: "furia-950", title: "The next Furia: which engine?",
            intro: """
                The 950 twin turns five next year. Before the engineers commit, we want to hear from the people who ride it. \
                One choice each; results when the poll closes in three weeks.
                """,
            question: .choice(options: ["Keep the 948 twin, refine it", "A 1,100 twin with more torque",
                                        "A lighter 800 for the A2 crowd", "A triple"], multiple: false),
            closesAt: engineOpened + 21 * 86_400, visibility: .afterClose)
        let engineWeights = [0.46, 0.27, 0.19, 0.08]
        for (i, handle) in random.shuffled(riders).prefix(34).enumerated() {
            clock.set(engineOpened + 3600 + Double(i) * 14 * 3600 + random.double(0...3000))
            try community.vote(by: try community.actor(handle: handle), poll: engine.id,
                               ballot: .choices([Self.pick(engineWeights, &random) + 1]))
        }

        // The feature poll: opened 12 days ago, closes in 9 days; results after you vote.
        let featuresOpened = endingAt - 12 * 86_400 + 9 * 3600
        clock.set(featuresOpened)
        let features = try community.startPoll(
            by: paolo, board: "furia-950", title: "The next Furia: what stays, what changes?",
            intro: """
                We are drawing up the brief for the next Furia. For each feature of today's 950, tell us whether you like it \
                as it is, don't mind, or want it changed. A short comment helps us more than you think.
                """,
            question: .features(product: "furia-950", features: Self.leanings.map(\.feature)),
            closesAt: endingAt + 9 * 86_400 - 3 * 3600, visibility: .afterVote)
        for (i, handle) in random.shuffled(riders).prefix(29).enumerated() {
            clock.set(featuresOpened + 1800 + Double(i) * 9 * 3600 + random.double(0...2400))
            var answers: [Int: FeatureAnswer] = [:]
            for (n, leaning) in Self.leanings.enumerated() where random.unit() < 0.9 {
                let opinion: FeatureOpinion = [.like, .neutral, .dislike][Self.pick([leaning.like, leaning.neutral, 1 - leaning.like - leaning.neutral], &random)]
                var comment = ""
                if opinion != .like, let said = Self.comments[leaning.feature], random.unit() < 0.3 { comment = random.pick(said) }
                answers[n + 1] = FeatureAnswer(opinion, comment: comment)
            }
            guard !answers.isEmpty else { continue }
            try community.vote(by: try community.actor(handle: handle), poll: features.id, ballot: .opinions(answers))
        }
        // Two riders changed their minds about the seat after a week of replies.
        for handle in riders.prefix(2) {
            let rider = try community.actor(handle: handle)
            var ballot = try community.poll(features.id, viewer: rider).ballot
            guard case .opinions(var answers) = ballot else { continue }
            answers[5] = FeatureAnswer(.dislike, comment: "Changed my mind after the Stelvio weekend: too tall.")
            ballot = .opinions(answers)
            clock.set(featuresOpened + 8 * 86_400 + random.double(0...3600))
            try community.vote(by: rider, poll: features.id, ballot: ballot)
        }
    }

    /// An index drawn with the given weights.
    static func pick(_ weights: [Double], _ random: inout DemoRandom) -> Int {
        var draw = random.unit() * weights.reduce(0, +)
        for (i, w) in weights.enumerated() {
            draw -= w
            if draw < 0 { return i }
        }
        return weights.count - 1
    }
}
