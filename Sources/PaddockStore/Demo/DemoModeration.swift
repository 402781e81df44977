import Foundation
import PaddockCore

/// The demo's last day of moderation, written through the service like the
/// rest: a spam reply hidden by three flags and waiting in the queue, an
/// off-topic post flagged once, a flag a moderator disagreed with, a pinned
/// and a locked thread, a warning and a silenced member — and their log.
struct DemoModeration {
    let community: Community
    let clock: ManualClock
    let plan: DemoPlan
    let endingAt: Date

    func run() throws {
        func actor(_ name: String) throws -> Actor { try community.actor(handle: plan.handle(name)) }
        func firstThread(_ board: String) throws -> ThreadSummary {
            let page = try community.threads(board: board, limit: 1)
            return page.threads[0]
        }
        func post(_ thread: Int64, _ position: Int) throws -> Int64 {
            let detail = try community.thread(thread, from: position, limit: 1)
            return detail.posts[0].id
        }
        let admin = try community.actor(handle: plan.operatorHandle)
        let niccolo = try actor("niccolo.fabbri"), kurt = try actor("kurt.weiss"), elena = try actor("elena.ardente")
        clock.set(endingAt - 11 * 3600)

        // Housekeeping: the torque sheet pinned, a heated bar thread locked.
        let garage = try firstThread("garage"), bar = try firstThread("bar"), rides = try firstThread("rides")
        try community.moderateThread(by: kurt, thread: garage.id, action: .pin, reason: "reference for everyone")
        clock.advance(by: 600)
        try community.moderateThread(by: niccolo, thread: bar.id, action: .lock, reason: "said all there is to say; thanks everyone")

        // A flag a moderator looked at and disagreed with.
        clock.advance(by: 1800)
        let quiet = try post(rides.id, 0)
        try community.flag(by: try actor("jonas.becker"), post: quiet, reason: .offTopic)
        clock.advance(by: 900)
        try community.claim(by: kurt, post: quiet)
        try community.disagree(by: kurt, post: quiet, reason: "a ride report belongs in Rides")

        // A spammer joins and posts; three riders flag it and it is hidden pending review.
        clock.advance(by: 3600)
        try community.addMember(by: admin, handle: "ricambi.top", displayName: "Ricambi Top")
        let spammer = try community.actor(handle: "ricambi.top")
        let furia = try firstThread("furia-950")
        let spam = try community.reply(by: spammer, thread: furia.id,
                                       body: "Cheapest Furia parts online!!! 70% off exhausts, ricambi-top.example — DM for codes")
        for (i, flagger) in ["lucia.romagnoli", "thiago.lima", "sato.ken"].enumerated() {
            clock.advance(by: Double(300 + i * 240))
            try community.flag(by: try actor(flagger), post: spam.id, reason: i == 2 ? .other : .spam,
                               note: i == 2 ? "same link posted in three threads" : nil)
        }

        // An off-topic quarrel, flagged once, and the member who started it silenced.
        clock.advance(by: 1200)
        let strada = try firstThread("strada-1200")
        let quarrel = try community.reply(by: try actor("gianni.bo"), thread: strada.id,
                                          body: "Anyone who rides a Strada in Sport mode on the motorway has no business on a motorbike.")
        clock.advance(by: 420)
        try community.flag(by: try actor("chloe.r"), post: quarrel.id, reason: .offTopic, note: nil)
        clock.advance(by: 600)
        try community.warn(by: niccolo, member: plan.handle("gianni.bo"), reason: "keep it about the bikes, not the riders")
        clock.advance(by: 300)
        try community.silence(by: elena, member: plan.handle("gianni.bo"), until: endingAt + 2 * 86_400,
                              reason: "a second personal attack after a warning")
    }
}
