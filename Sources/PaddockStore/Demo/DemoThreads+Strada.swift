extension DemoPlan {
    static let stradaThreads: [DemoDraft] = [
        DemoDraft(
            board: "strada-1200", author: "kurt.weiss",
            title: "Strada 1200 at 40,000 km: a long-term report", day: 85, gap: 10,
            body: """
            Two years and 41,000 km on my Strada 1200 GT, so here is the report I wish I had read before buying.

            The good: the engine. 124 Nm from a twin that will pull sixth gear from 2,000 rpm without complaint, and still feels eager at 8,000. Fuel use is 5.2 l/100 km touring two-up with luggage, 4.6 solo. The semi-active suspension is the best I've had on a tourer: set it to two-up and luggage and forget it.

            The less good: the windscreen creates buffeting at my helmet level (I'm 1.86 m) in every position except fully down. The side cases take a full-face helmet only on the left. The infotainment crashed twice in two years and needed a restart at a fuel stop.

            The bad: the side-stand switch, fixed by the recall. And the first-gear clunk, which is a feature of this gearbox and not a fault, as three dealers have told me.

            Service costs so far: €1,940 over four services, including the 30,000 km valve check.

            Would I buy it again? Yes, tomorrow.
            """,
            replies: [
                R("emma.lindqvist", "Great write-up. Same buffeting at 1.80 m; the tall touring screen from the accessory catalogue fixed it for me. €210 and an hour."),
                R("reto.brunner", "Agree on the first-gear clunk. Mine is quieter if I pull the clutch and wait two seconds before selecting first."),
                R("anke.m", "How were the tyres? I get only 9,000 km from a rear Road 6 with luggage."),
                Q("kurt.weiss", 3, "9,000 km from the rear with luggage is what I get too. Front lasts about 14,000. I run 2.5 front and 2.9 rear two-up."),
                R("paolo.prodotto", "Thank you Kurt, this is a thread the product team will print out. The buffeting in particular: noted, with your height."),
                R("pete.wheeler", "€1,940 over 41,000 km is less than my previous GS, for the record."),
            ]),

        DemoDraft(
            board: "strada-1200", author: "anke.m",
            title: "Side cases: which helmets fit?", gap: 6,
            body: "The left case takes my Shoei GT-Air 3 (size M), the right doesn't because of the exhaust cut-out. Has anyone found a full-face that fits on the right side?",
            replies: [
                R("emma.lindqvist", "A Schuberth C5 in size S fits on both sides. M doesn't on the right."),
                R("kurt.weiss", "The top case takes two full-faces if you remove the backrest pad. That's the real answer."),
                R("chiara.assistenza", "For the record: the right case is 3 litres smaller because of the silencer. We list full-face compatibility on the left only. The top case (48 l) fits two in most sizes."),
            ]),

        DemoDraft(
            board: "strada-1200", author: "claire.qc",
            title: "Cruise control won't engage below 50 km/h", gap: 8,
            body: "The spec sheet says 30–180 km/h, but mine refuses below 50. Is there a setting? I'd like to use it in 50 zones in Québec villages where the police are everywhere.",
            replies: [
                R("rafa.moto", "It needs to be in 3rd gear or higher. In 2nd it refuses regardless of speed. In 3rd it works from about 35 km/h."),
                R("claire.qc", "3rd at 50 km/h, that's a bit low for the engine but it worked. Merci!"),
                R("paolo.prodotto", "The 30 km/h figure is with 3rd gear; we'll make the manual clearer. Noted for the software too: several of you have asked for 2nd gear."),
            ]),

        DemoDraft(
            board: "strada-1200", author: "emre.yilmaz",
            title: "Two-up trip Istanbul to Bologna: 2,300 km on the Strada", day: 124, gap: 12,
            body: """
            My wife and I rode from Istanbul to the open factory day and back. 4,700 km in total, 11 days. Short report:

            Route out: Istanbul – Edirne – Plovdiv – Sofia – Niš – Belgrade – Zagreb – Ljubljana – Trieste – Bologna. Back along the Adriatic by ferry Ancona–Igoumenitsa, then across Greece.

            The bike: zero problems. Oil used: 200 ml in 4,700 km. Luggage: two side cases, the top case and a tank bag, about 35 kg. Suspension on "two-up + luggage" the whole way, and the ride was never harsh.

            The only complaint from my wife: the passenger grab handles get hot from the exhaust on the right side at low speed in traffic.

            Border crossings took longer than some riding days. Serbia–Croatia: 2 hours.
            """,
            replies: [
                R("nikos.p", "The Igoumenitsa ferry is the best way to skip the Balkans motorways. Did you ride the Metsovo pass after?"),
                R("emre.yilmaz", "Yes, Metsovo to Kalambaka, then Meteora. Best day of the trip."),
                R("chiara.assistenza", "Thank you for the report, and for the detail on the right grab handle: I've sent it to the engineering team."),
                R("elena.ardente", "And thank you for coming to Bologna! You were the furthest-travelling riders of the day."),
            ]),

        DemoDraft(
            board: "strada-1200", author: "reto.brunner",
            title: "Infotainment: navigation loses route after a phone call", gap: 7,
            body: "Using Ardente Link with Android 14: when a call comes in through the intercom, the navigation drops the route and I have to re-select it at the next stop. Anyone else?",
            replies: [
                R("jonas.becker", "Same with a Pixel 8. iPhone users in my group don't have it."),
                R("paolo.prodotto", "Reproduced in our lab, and it's Android only. The fix is in the next app release (3.8), within a few weeks. Sorry for the hassle."),
                R("reto.brunner", "3.8 installed, three calls on Sunday and the route survived all of them. Danke!"),
            ]),

        DemoDraft(
            board: "strada-1200", author: "roberto.galli",
            title: "Manopole riscaldate: il livello 5 serve davvero?", gap: 9,
            body: "Domanda seria: qualcuno ha mai usato il livello 5? A novembre sull'Appennino io sto al 3 e dopo mezz'ora ho le mani che bruciano.",
            replies: [
                R("ingrid.h", "Level 5 is for Norway in March, I promise you. With summer gloves at 2 °C it's just enough."),
                R("gianni.bo", "Il 5 lo uso solo per i primi cinque minuti, per scaldarle in fretta. Poi 2."),
            ]),

        DemoDraft(
            board: "strada-1200", author: "kelsey.m",
            title: "Seat height for a 1.63 m rider?", gap: 8,
            body: "I'm 1.63 m (5'4\") and loved the Strada I rented in Bologna. The low seat position (830 mm) had me on tiptoes. Is there a lower seat, or a lowering kit that doesn't ruin the suspension?",
            replies: [
                R("silvia.neri", "Io sono 1,60 e ho il Strada con la sella bassa rifatta dal tappezziere: 810 mm. Non serve il kit, basta la sella e qualche accortezza in manovra."),
                R("chiara.assistenza", "A lowering link (−25 mm) exists for the Strada, but with the semi-active suspension it needs a recalibration at the dealer. Combined with the low seat you'd be at about 805 mm."),
                R("kelsey.m", "That's encouraging, thank you both. @silvia.neri how is the reshaped seat on long days?"),
                R("silvia.neri", "Perfetta fino a 400 km. Oltre, fa male tutto comunque 😄"),
            ]),

        DemoDraft(
            board: "strada-1200", author: "sipho.n",
            title: "Windscreen creates a whistle at 120 km/h", gap: 6,
            body: "Top position, 120 km/h, a high whistle like wind through a gap. Goes away at 100 km/h or below, and in the lowest position. Is it the screen or my helmet?",
            replies: [
                R("tom.harland", "Check the two rubber grommets under the screen mount. One of mine had popped out and the gap whistled exactly like that."),
                R("sipho.n", "That was it. Grommet was sitting half out on the left. Pressed it back in, silence. Thanks Tom 👍"),
            ]),

        DemoDraft(
            board: "strada-1200", author: "ingrid.h",
            title: "Heated grips stop working after a pressure wash", gap: 7,
            body: "Washed the Strada on Sunday, and since then the heated grips show level 3 on the dash but stay cold. Fuse is fine. Water somewhere?",
            replies: [
                R("kurt.weiss", "The connector for the left grip sits right behind the headstock, facing up. Mine filled with water once. Disconnect, dry, dielectric grease, done."),
                R("ingrid.h", "Exactly that: a drop of water in the left connector. Dried with a hair dryer, grease on, grips warm again. Tusen takk!"),
                R("chiara.assistenza", "Thanks both. Bikes built from this autumn have a sealed connector there; the part (51020-1200S) fits older bikes too, for anyone who washes often."),
            ]),
    ]
}
