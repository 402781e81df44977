import Foundation
import PaddockCore

/// The demo's owners and their ratings, written through the service: cast
/// members say which product they ride and rate its features over the last
/// two months. The Furia 950's quickshifter falls: rated well in the 30 days
/// before last, badly in the last 30 (one owner changed their mind), so the
/// managers' "falling ratings" part has something to show.
struct DemoRatings {
    let community: Community
    let clock: ManualClock
    let plan: DemoPlan
    let endingAt: Date

    /// Who rides what.
    static let riders: [(product: String, handles: [String])] = [
        ("furia-950", ["tom.harland", "sato.ken", "lucia.romagnoli", "gianni.bo", "ste.motard", "federica.pozzi", "mattia.cantu",
                       "giosue.b", "valentina.r", "luca.gentile"]),
        ("strada-1200", ["jonas.becker", "anke.m", "lena.gruber", "reto.brunner", "pete.wheeler"]),
        ("vento-660", ["chloe.r", "javi.ruiz", "kelsey.m", "yuki.t", "minjun.park"]),
    ]

    /// (days before the end, handle, product, feature, stars, review), in time order once sorted.
    static let ratings: [(daysAgo: Double, handle: String, product: String, feature: String, stars: Int, review: String)] = [
        // The quickshifter: fine before the 2.1 firmware, notchy since.
        (58, "tom.harland", "furia-950", "quickshifter", 5, "Clutchless upshifts at any revs, best accessory on the bike."),
        (55, "sato.ken", "furia-950", "quickshifter", 5, "Crisp on track, smooth on the road."),
        (50, "lucia.romagnoli", "furia-950", "quickshifter", 4, "Great above 5,000 rpm."),
        (44, "gianni.bo", "furia-950", "quickshifter", 5, ""),
        (38, "ste.motard", "furia-950", "quickshifter", 4, "Downshifts blip nicely."),
        (24, "federica.pozzi", "furia-950", "quickshifter", 2, "Since firmware 2.1 it jerks below 4,000 rpm in town."),
        (17, "mattia.cantu", "furia-950", "quickshifter", 3, "Fine on the pass, harsh in traffic."),
        (11, "giosue.b", "furia-950", "quickshifter", 2, "Notchy at low revs after the update."),
        (6, "tom.harland", "furia-950", "quickshifter", 2, "Changed my mind after 2.1: harsh below 4,000 rpm."),
        // Steady ones.
        (52, "valentina.r", "furia-950", "seat", 3, "Tall for me at 890 mm; the low seat helps."),
        (40, "luca.gentile", "furia-950", "seat", 4, ""),
        (21, "sato.ken", "furia-950", "seat", 4, "Flat and roomy, good for moving around."),
        (9, "lucia.romagnoli", "furia-950", "seat", 3, "Numb after two hours."),
        (47, "gianni.bo", "furia-950", "exhaust", 5, "That V-twin note."),
        (19, "ste.motard", "furia-950", "exhaust", 5, ""),
        (33, "luca.gentile", "furia-950", "suspension", 4, "Plush but firm enough for the track."),
        (12, "valentina.r", "furia-950", "suspension", 5, ""),
        (45, "jonas.becker", "strada-1200", "luggage", 4, "Cases swallow a full-face helmet."),
        (28, "anke.m", "strada-1200", "luggage", 5, ""),
        (8, "lena.gruber", "strada-1200", "luggage", 4, "One key for everything, finally."),
        (36, "reto.brunner", "strada-1200", "windscreen", 3, "Buffeting at 130 km/h for tall riders."),
        (14, "pete.wheeler", "strada-1200", "windscreen", 3, ""),
        (26, "jonas.becker", "strada-1200", "cruise-control", 5, "Set and forget on the Autobahn."),
        (42, "chloe.r", "vento-660", "low-seat", 5, "Both feet down at 1.60 m."),
        (22, "javi.ruiz", "vento-660", "low-seat", 4, ""),
        (30, "kelsey.m", "vento-660", "app", 2, "Drops the connection every other ride."),
        (10, "yuki.t", "vento-660", "app", 3, "Service reminders work; ride logging doesn't."),
        (16, "minjun.park", "vento-660", "abs", 4, "Confidence-inspiring in the wet."),
    ]

    func run() throws {
        let joined = Dictionary(uniqueKeysWithValues: try community.members().map { ($0.handle, $0.createdAt) })
        let firstRating = endingAt - 60 * 86_400
        for (product, handles) in Self.riders {
            for (index, name) in handles.enumerated() {
                let handle = plan.handle(name)
                // Owners say so two months back, or an hour after they joined when that is later.
                clock.set(max(firstRating - Double(index + 1) * 3600, (joined[handle] ?? firstRating) + 3600))
                try community.setRides(by: try community.actor(handle: handle), product: product, rides: true)
            }
        }
        for rating in Self.ratings.sorted(by: { $0.daysAgo > $1.daysAgo }) {
            let handle = plan.handle(rating.handle)
            clock.set(max(endingAt - rating.daysAgo * 86_400 - 5 * 3600, (joined[handle] ?? firstRating) + 7200))
            try community.rate(by: try community.actor(handle: handle), product: rating.product, feature: rating.feature,
                               stars: rating.stars, review: rating.review)
        }
    }
}
