extension DemoPlan {
    static let barThreads: [DemoDraft] = [
        DemoDraft(
            board: "bar", author: "@op",
            title: "House rules for the Bar (short, promise)", day: 2, gap: 6,
            body: """
            The Bar is for everything that isn't a question about the bikes. Three rules:

            1. Be the person you'd want to share a table with.
            2. No selling here: there'll be a marketplace board if you ask for one.
            3. Politics and religion stay outside, like wet boots.

            Moderators: Niccolò, Kurt, Rafael and Emma. Salute!
            """,
            replies: [
                R("niccolo.fabbri", "Aggiungo la regola 4: il caffè si beve al banco. 😄"),
                R("rafa.moto", "And rule 5: photos of bikes are always on topic."),
            ]),

        DemoDraft(
            board: "bar", author: "giosue.b",
            title: "Il caffè del mattino ☕ — what's in your cup and where are you riding?", day: 15, gap: 95,
            body: "Ristretto al bar sotto casa e poi in moto verso Monte Sole. E voi? Any language, any drink, any bike.",
            replies: [
                R("sato.ken", "朝はいつも緑茶です。Green tea and a short ride to the lake before work 🍵🏍"),
                R("kelsey.m", "Drip coffee the size of an Italian's weekly allowance, and a 60-mile loop in the foothills."),
                Q("enzo.esposito", 2, "Questo non è caffè, è brodo 😄 Scherzo, buon giro Kelsey!"),
            ],
            pool: barCoffee, pooled: 36),

        DemoDraft(
            board: "bar", author: "pete.wheeler",
            title: "MotoGP at Mugello: anyone going?", day: 140, gap: 6,
            body: "First time going to Mugello for the GP this year. Camping at the Correntaio. Any tips from the locals? And is the Ardente hospitality tent a real thing or a rumour?",
            replies: [
                R("mattia.cantu", "Arrivate il giovedì, altrimenti la coda per entrare dura tre ore. And bring earplugs for the campsite, nobody sleeps before 3 am."),
                R("elena.ardente", "Real! The Ardente tent is at the Bucine bend, open to everyone with a Paddock account. Coffee and shade all weekend. Tell them your handle at the entrance."),
                R("pete.wheeler", "Sold. See you at Bucine."),
                R("ste.motard", "Portate la crema solare. Il sole di Mugello a giugno è un'altra cosa."),
            ]),

        DemoDraft(
            board: "bar", author: "ana.beatriz",
            title: "Gear: textile or leather for summer touring?", gap: 7,
            body: "Going to Italy in July with my Vento (shipping it!). 35 °C in Tuscany, I'm told. Mesh jacket or perforated leather? I have only a heavy textile suit now.",
            replies: [
                R("silvia.neri", "Pelle forata con paraschiena. La rete ti protegge dal sole, ma a 35 gradi fa caldo comunque, quindi tanto vale la pelle."),
                R("julien.mercier", "Mesh with CE level A armour and a cooling vest underneath. Soak the vest at each fuel stop. Game-changer."),
                R("ana.beatriz", "A cooling vest! Never heard of it. Obrigada, both ordered 😄"),
            ]),

        DemoDraft(
            board: "bar", author: "fra.dellacqua",
            title: "Il miglior piatto dopo un giro in Appennino?", gap: 8,
            body: "Dopo 200 km di curve, cosa mangiate? Io voto crescentine e tigelle con squacquerone e prosciutto a Zocca. Si accettano sfide.",
            replies: [
                R("lucia.romagnoli", "Tortelli di patate a Marradi, e non se ne parla più."),
                R("jonas.becker", "I don't understand half of these words and I want all of them."),
                R("roberto.galli", "Crescentine a Zocca, confermo. Però il caffè dopo è obbligatorio, perché si torna in moto."),
                R("enzo.esposito", "Voi del nord non capite: pizza fritta a Napoli dopo la Costiera. Fine della discussione 🍕"),
                R("sato.ken", "I had tortellini in brodo in Bologna last year. I still think about it every week. とても美味しかった。"),
            ]),

        DemoDraft(
            board: "bar", author: "sander.vd",
            title: "Winter projects: what are you building?", gap: 10,
            body: "No riding in the Netherlands from December to February (well, there is, but it's grim). I'm restoring a 1978 Moto Morini 3½ in the shed. What's keeping you busy?",
            replies: [
                R("ondrej.n", "Building a bookshelf, on orders from my wife, to be allowed a new exhaust in spring."),
                R("kurt.weiss", "Rebuilding the forks of a 1992 BMW R100GS. Every seal is brittle. Send help."),
                R("giorgia.piras", "Io imparo a fare la manutenzione da sola. Corso serale di meccanica moto a Cagliari, due sere a settimana."),
                R("sander.vd", "@giorgia.piras best winter project of the lot."),
            ]),

        DemoDraft(
            board: "bar", author: "arjun.mehta",
            title: "First bike at 38: am I too old to start?", gap: 8,
            body: "Got my licence this year at 38, bought a Vento. Everyone at the riding school was 19. Anyone else start late?",
            replies: [
                R("roberto.galli", "Ho iniziato a 17 e ho 61 anni. Ti assicuro che i migliori motociclisti che conosco hanno cominciato tardi: hanno paura quanto basta."),
                R("kelsey.m", "Started at 41. Rode to Alaska at 45. You're fine."),
                R("minjun.park", "38 is young. Enjoy every kilometre."),
                R("arjun.mehta", "This made my day. Thank you all 🙏"),
            ]),

        DemoDraft(
            board: "bar", author: "nikos.p",
            title: "Best motorcycle film or series?", gap: 9,
            body: "Long winter evenings. Recommendations? I've seen Long Way Round three times.",
            replies: [
                R("pete.wheeler", "'Closer to the Edge', the Isle of Man TT documentary. Guy Martin at his best."),
                R("roberto.galli", "'Faster' con Valentino e Max Biaggi. Vecchio, ma non invecchia mai."),
                R("lena.gruber", "'On Any Sunday', the original from 1971. It's where all of this started for me."),
                R("nikos.p", "Three for three, thank you. The TT one tonight."),
            ]),
    ]
}
