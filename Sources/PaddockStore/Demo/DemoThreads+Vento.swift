extension DemoPlan {
    static let ventoThreads: [DemoDraft] = [
        DemoDraft(
            board: "vento-660", author: "emma.lindqvist",
            title: "New riders' corner: ask anything, no question is stupid", day: 30, gap: 60,
            body: """
            Lots of you are on your first bike with the Vento, so here's a thread for the questions you might not want to open a whole thread for. Moderators and experienced riders will keep an eye on it.

            A few answers up front:
            - Tyre pressures: 2.2 bar front, 2.5 rear, cold. Check them weekly, not when they look flat.
            - Chain: lube every 500 km or after rain, slack 25–35 mm measured at the middle of the lower run, on the side stand.
            - First service at 1,000 km. Don't skip it: the dealer checks things you can't see.
            - Running in: vary the revs, stay under 6,000 rpm for the first 1,000 km, no full throttle in high gears.
            """,
            replies: [
                R("marta.k", "Is it normal that the engine makes a ticking sound when cold? It goes away after a few minutes."),
                R("niccolo.fabbri", "@marta.k yes, on this engine it's the injectors and the valve train before the oil is warm. If it's still there when hot, have the dealer listen."),
                R("arjun.mehta", "Which side do I put the bike on the side stand when parking on a slope? I dropped it last week 😞"),
                Q("rafa.moto", 3, "Nose uphill, in first gear, stand on the downhill side if you can choose. And never on a slope where the stand is on the uphill side: that's how it falls over."),
                R("julien.mercier", "Is it bad to ride with the fuel light on? I always seem to be at the reserve."),
                R("kurt.weiss", "@julien.mercier not bad for the bike, but the pump sits in the fuel and likes to be cooled by it. And empty tanks run out in the worst places. About 50 km of reserve on the Vento."),
                R("chloe.r", "How do you clean the chain without a stand?"),
                R("emma.lindqvist", "@chloe.r on the side stand, do the bottom of the rear sprocket, roll forward half a metre, repeat. Slow but it works. A paddock stand (€60) is the best first tool you'll buy."),
            ],
            pool: ventoNewRiders, pooled: 12),

        DemoDraft(
            board: "vento-660", author: "julien.mercier",
            title: "Vento 660 vs the competition: why I chose it", gap: 9,
            body: """
            I test-rode the Vento, an MT-07 and a Trident 660 on the same day. Short version of why I bought the Vento:

            - The 270° twin sounds better than the Trident's triple to my ears, and has more low-down punch than the MT's (65 Nm at 6,500 rpm, and it pulls from 2,500).
            - The riding position. Wide bar, neutral pegs. I'm 1.78 m and could ride it all day.
            - The brakes. Radial Brembo-style calipers on a bike of this price.
            - The looks, and the Verde Colli colour, which nobody else has.

            The minus: €7,990 is €700 more than the MT. The quality of the switchgear makes up for some of it.
            """,
            replies: [
                R("sander.vd", "Same test, same result, except I went with the MT for the money. Still reading this forum because I miss the Vento 😅"),
                R("bea.conti", "Il Verde Colli dal vivo è ancora più bello che in foto."),
                R("pete.wheeler", "Fair comparison. The Trident's throttle response is nicer at low speed, though. That's the one thing I'd take from it."),
            ]),

        DemoDraft(
            board: "vento-660", author: "federica.pozzi",
            title: "Sella bassa: 770 mm davvero?", gap: 7,
            body: """
            Sono alta 1,58 e il Vento standard (795 mm) mi lascia in punta di piedi. Il concessionario mi ha offerto la sella bassa gratis. Qualcuno l'ha provata? È più dura? Si sente sulle buche?
            """,
            replies: [
                R("silvia.neri", "Ce l'ho da un anno. Sì, è più dura, perché hanno tolto schiuma. Dopo un'ora si sente, ma io preferisco arrivare a terra con tutti e due i piedi."),
                R("chiara.v", "Io l'ho presa e poi ho abbassato anche le molle del mono di un giro di precarico. Il concessionario l'ha fatto in 10 minuti."),
                R("paolo.prodotto", "The low seat is 25 mm lower and narrower at the front, which is where most of the gain comes from: your legs go straighter down. Firmer foam, yes; we are working on a better one."),
                R("federica.pozzi", "Provata oggi dal concessionario: con la sella bassa arrivo a terra con entrambi i piedi. Ordinata! Grazie a tutte."),
            ]),

        DemoDraft(
            board: "vento-660", author: "minjun.park",
            title: "Ardente Link app: service reminders wrong by 1,000 km", gap: 8,
            body: "The app says my first service is due at 2,000 km, but the manual says 1,000 km. Which is right? I'm at 940 km now.",
            replies: [
                R("chiara.assistenza", "The manual is right: 1,000 km. The app was wrong for Korean-market bikes because of a regional setting; the fix went out in version 3.7.2. Please book your service."),
                R("minjun.park", "Updated the app, and now it says 1,000 km. Service booked for Saturday. Thank you for the quick answer."),
            ]),

        DemoDraft(
            board: "vento-660", author: "giorgia.piras",
            title: "Specchietti: vibrano tantissimo sopra i 90", gap: 6,
            body: "Gli specchietti originali sopra i 90 km/h diventano un caleidoscopio. Qualcuno ha risolto senza passare ai bar-end? Mi piace l'aspetto degli specchi tondi.",
            replies: [
                R("luca.gentile", "Prova a stringere bene il dado alla base (24 mm), il mio si era allentato. Poi un anello di gomma sotto: a me è migliorato molto."),
                R("giosue.b", "Io ho messo i contrappesi pesanti nei manubri (quelli da 250 g). Vibrazioni quasi sparite, anche negli specchi."),
                R("giorgia.piras", "Contrappesi pesanti montati: molto meglio. Grazie Giosuè!"),
            ]),

        DemoDraft(
            board: "vento-660", author: "arjun.mehta",
            title: "ABS kicks in too early on the rear", gap: 8,
            body: "Rear brake, dry road, moderate pressure, and the ABS pulses. Is that normal? On my old bike I could press a lot harder before anything happened.",
            replies: [
                R("m.bertolini", "The Vento carries 52% of its weight on the rear when you're seated, but under braking that falls to about 25%, so the rear locks much earlier than it feels. The ABS is probably right. Check the rear pressure (2.5 bar) and pad wear anyway."),
                R("arjun.mehta", "Rear was at 2.1. Pumped up to 2.5 and it behaves better. Thanks Marco!"),
                R("tom.harland", "Good reminder that most 'ABS problems' are tyre pressure problems."),
            ]),

        DemoDraft(
            board: "vento-660", author: "chloe.r",
            title: "Colours for next year?", gap: 10,
            body: "Any word on new colours? The three we have are lovely but I'd love a yellow. Giallo something. Bologna has enough yellow walls to inspire you.",
            replies: [
                R("elena.ardente", "Ha! Can't say, but the colour team reads the forum. Keep the suggestions coming in Ideas Lab, with your reasons."),
                R("fra.dellacqua", "Giallo Ocra, come i portici. Votato."),
                R("ana.beatriz", "Uma cor verde-amarela for Brazil 🇧🇷 please!"),
            ]),

        DemoDraft(
            board: "vento-660", author: "thiago.lima",
            title: "Vento 660 A2 in Brazil?", day: 176, gap: 8,
            body: "Brazil doesn't have an A2 licence, but the lower-power Vento would be cheaper to insure here. Is the 35 kW version going to be sold outside Europe?",
            replies: [
                R("paolo.prodotto", "Not planned for Brazil for now, because the homologation is specific to the EU. But the insurance argument is new to us and interesting. Could you say how much the difference would be?"),
                R("thiago.lima", "About 30% of the premium for riders under 25. It's the same in Argentina, I think."),
                R("martin.gz", "En Argentina también, es igual. Cheaper insurance is why everybody here rides 300 cc."),
            ]),

        DemoDraft(
            board: "vento-660", author: "ondrej.n",
            title: "LED headlight aimed too low from the factory?", gap: 8,
            body: "On dark country roads my Vento lights up about 25 metres of road on low beam. A friend's MT-07 reaches much further. Is there an adjustment screw?",
            replies: [
                R("rafa.moto", "Yes: a 5 mm Allen bolt under the headlight, on the left. A quarter turn anticlockwise raises it noticeably. Check against a wall at 10 m, the cut-off should be about 5 cm below the height of the bulb centre."),
                R("ondrej.n", "Half a turn and it's a different bike at night. Why are they set so low from the factory?"),
                R("chiara.assistenza", "They're set for a rider plus passenger and luggage, which is the homologation case. Solo riders can raise them within the rules; the dealer does it free at the first service if you ask."),
            ]),
    ]
}
