extension DemoPlan {
    private static func torqueSheet(strada rearAxle: String) -> String {
        """
        Collected from the manuals, for the things we touch most. Check your own manual if in doubt.

        Furia 950: front axle 65 Nm, rear axle nut 100 Nm, oil drain plug 20 Nm, oil filter 17 Nm, caliper bolts 45 Nm.
        Strada 1200: front axle 70 Nm, \(rearAxle), oil drain 25 Nm, caliper bolts 45 Nm.
        Vento 660: front axle 65 Nm, rear axle 95 Nm, oil drain 20 Nm, filter 17 Nm, caliper bolts 40 Nm.
        """
    }

    static let garageThreads: [DemoDraft] = [
        DemoDraft(
            board: "garage", author: "kurt.weiss",
            title: "What did you do in the garage this weekend? 🔧", day: 45, gap: 80,
            body: """
            Weekly-ish thread for the small jobs that don't need a thread of their own. Say what you did, what it took, and the torque figures if you have them. Photos described in words are fine, this is a terminal 🙂

            Me: rear brake pads on the Strada (sintered, 28,000 km on the originals), caliper bolts 25 Nm, and a bleed while I was there.
            """,
            replies: [
                R("ondrej.n", "Swapped the Vento's indicators for smaller LED ones. Needed a load resistor on each side or they blinked double speed. Or the Ardente resistor-free relay, which I found out about after soldering."),
                R("kurt.weiss", "@ondrej.n the relay is part 53910-660L, €24. Next time 😄"),
            ],
            pool: garageWeekend, pooled: 21),

        DemoDraft(
            board: "garage", author: "tom.harland",
            title: "Valve clearance check on the Furia 950: a DIY write-up", day: 200, gap: 12,
            body: """
            Did the 24,000 km valve clearance check on my Furia myself this weekend. It's a long job but not a hard one. Notes for anyone considering it:

            Time: 7 hours for me, first time, with coffee breaks. A dealer quotes 5.

            Access: tank off (two bolts, one fuel connector, one breather), airbox off, coils out. The horizontal cylinder is the awkward one: you need to remove the radiator mounting bolts and swing it forward about 3 cm.

            Specs (cold): inlet 0.10–0.15 mm, exhaust 0.15–0.20 mm. My readings: all inlets 0.12–0.13, exhausts 0.16 except one at 0.14, which is just out. One shim changed, from 2.575 to 2.550.

            Torques: cam cover bolts 10 Nm, spark plugs 12 Nm, coil bolts 8 Nm. New cam cover gaskets (two per head, €18 each) — don't reuse them.

            Cost: €73 in parts versus €540 quoted. Plus the satisfaction.
            """,
            replies: [
                R("pete.wheeler", "Brilliant write-up, saving this. How did you lock the engine at TDC? The manual's tool looks dealer-only."),
                R("tom.harland", "@pete.wheeler an 8 mm drill bit through the hole in the crankcase at the alternator side lines up with the crank at TDC on the vertical cylinder. Not the official tool, but it works. Remove it before you turn the engine!"),
                R("chiara.assistenza", "Nice work Tom. One addition for others: after the check, the service reminder needs a reset at the dealer or with the Ardente Link app (Service > Reset, with the bike on). Otherwise the dash nags you."),
                R("ste.motard", "Bookmarked. Mine's due in 3,000 km and I wasn't going to pay €540."),
                R("niccolo.fabbri", "Aggiungo: sostituite anche l'O-ring del tappo di ispezione del volano. Costa due euro e perde sempre dopo lo smontaggio."),
            ]),

        DemoDraft(
            board: "garage", author: "ale.bonetti",
            title: "Pressione gomme: 2,2/2,5 anche col passeggero?", gap: 6,
            body: "Sul Vento il manuale dice 2,2 davanti e 2,5 dietro. Con il passeggero e lo zaino bisogna cambiare? Il manuale non dice niente.",
            replies: [
                R("fra.dellacqua", "Io metto 2,5 dietro da solo e 2,8 col passeggero. Davanti sempre 2,2."),
                R("chiara.assistenza", "Fra is right: the Vento's two-up pressure is 2.2 front, 2.8 rear. It's in the manual's table on page 112, but we admit it's easy to miss."),
                R("ale.bonetti", "Grazie, proprio quello che mi serviva. Pagina 112, chi l'avrebbe mai trovata."),
            ]),

        DemoDraft(
            board: "garage", author: "jonas.becker",
            title: "Best chain lube for rainy climates?", gap: 5,
            body: "Munich, rain about half the days I ride. I've tried a wax lube and it's gone after one wet ride. What are you using?",
            replies: [
                R("ingrid.h", "Chain oiler. Best €150 I've spent. Norway has two seasons, rain and snow."),
                R("sander.vd", "Any thick 'wet' chain lube, applied warm after the ride so it soaks in overnight. Wax is for Spain."),
                R("kurt.weiss", "I've used the same spray lube for ten years and clean the chain every 1,000 km with paraffin. The cleaning matters more than the brand."),
                R("jonas.becker", "Ordered an oiler. Thanks all."),
            ]),

        DemoDraft(
            board: "garage", author: "ondrej.n",
            title: "Strada 1200: oil consumption between services", gap: 9,
            body: "About 300 ml every 1,000 km on my Strada at 15,000 km. Is that acceptable for this engine? The dealer says it's 'within spec' but doesn't say what the spec is.",
            replies: [
                R("chiara.assistenza", "The spec is up to 0.5 l per 1,000 km for this engine, measured after the first 5,000 km. 300 ml is inside it, but higher than typical. Most bikes use 100–150 ml. Check at the same temperature each time, upright, after 5 minutes of rest."),
                R("emma.lindqvist", "Mine was 250 ml until 10,000 km, and then dropped to almost nothing. Long motorway rides seem to use more."),
                R("ondrej.n", "Measured carefully: 180 ml over 1,000 km. I was reading it on the side stand before. Beginner's mistake."),
            ]),

        DemoDraft(
            board: "garage", author: "dan.okafor",
            title: "Torque settings cheat sheet (Furia / Strada / Vento)", gap: 15,
            body: torqueSheet(strada: "rear axle nut 220 Nm"),
            replies: [
                R("kurt.weiss", "Thank you Dan. Could a moderator pin this? (We can't yet, apparently.)"),
                R("chiara.assistenza", "Checked against the workshop manuals: all correct except the Strada's rear axle. 220 Nm is the central nut of the single-sided swingarm on the GT; the base Strada has a conventional swingarm and its axle nut takes 110 Nm."),
                R("dan.okafor", "Thanks Chiara, corrected in the post. Glad someone checks."),
            ],
            revision: torqueSheet(strada: "rear axle nut 110 Nm (GT single-sided central nut: 220 Nm)") + """


            Edited: Strada rear axle corrected, thanks to Chiara.
            """,
            revisedBefore: 2),
        DemoDraft(
            board: "garage", author: "gianni.bo",
            title: "Batteria che muore d'inverno: mantenitore o staccare il morsetto?", gap: 8,
            body: "Ogni primavera la batteria del Furia è a terra. Quest'anno voglio fare le cose bene. Meglio il mantenitore o staccare il negativo e basta?",
            replies: [
                R("enzo.esposito", "Mantenitore, sempre. Staccare il negativo va bene per un mese, ma in quattro mesi una batteria al litio scende comunque."),
                R("chiara.assistenza", "The Furia has a lithium battery from MY2025: use a maintainer with a lithium mode, never an old lead-acid charger, which can damage it. The Ardente maintainer has both modes."),
                R("gianni.bo", "Ah, non sapevo del litio. Menomale che ho chiesto prima di usare il caricabatterie del nonno!"),
            ]),

        DemoDraft(
            board: "garage", author: "javi.ruiz",
            title: "Furia tyres: Rosso IV or a sport-touring tyre for daily use?", gap: 7,
            body: "I ride my Furia 30 km to work every day plus mountains on weekends in Asturias. Rear Rosso IV lasts 4,000 km for me. Is a sport-touring tyre on a motard a bad idea?",
            replies: [
                R("ste.motard", "Road 6 on my Furia for a year now: 8,500 km from the rear, grip is more than enough on the road. The front feels a bit vaguer when you trail-brake hard."),
                R("niccolo.fabbri", "Provato anch'io: per l'uso quotidiano è la scelta giusta. Per la pista, ovviamente, no."),
                R("javi.ruiz", "Double the mileage for a slightly vaguer front, I'll take that. Gracias!"),
            ]),

        DemoDraft(
            board: "garage", author: "thiago.lima",
            title: "Front brake pulsing at 9,000 km: warped disc already?", day: 363,
            body: "Furia base, 9,000 km. The lever pulses under light braking from 80 km/h, more when the brakes are hot. Pads look fine. Can a disc warp this early, or is it pad deposits? The dealer can only see me next week."),
    ]
}
