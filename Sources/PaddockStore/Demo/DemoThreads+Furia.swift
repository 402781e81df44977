extension DemoPlan {
    static let furiaThreads: [DemoDraft] = [
        DemoDraft(
            board: "furia-950", author: "ste.motard",
            title: "Furia 950 owners' thread: mileage, mods and first impressions", day: 20, gap: 70,
            body: """
            One thread for all of us, so the board doesn't fill up with "just picked mine up" posts.

            Me: Furia 950 SP, Rosso Bologna, picked up in Modena in March. 3,400 km so far, mostly the Apennines between Sestola and the Abetone. Mods: tail tidy, bar-end mirrors, and that's it until the first service.

            First impressions: the engine is the star, the seat is the weak point, the fuel range (about 190 km before the light) is the price you pay for the looks. Your turn.
            """,
            replies: [
                R("jonas.becker", "Base model, Nero, 1,100 km. Bought it to replace a KTM 690 and it's the first twin I've had that feels as light as a single when you flick it."),
                R("sato.ken", "Furia 950, red, 6,200 km in Japan. Seat is hard for me also. In Japan the dealer put a gel pad, better now."),
                QT("niccolo.fabbri", 0, "the fuel range (about 190 km before the light) is the price you pay for the looks", "The fuel light comes on with about 3.5 litres left. I've done 240 km on a tank riding gently, so there's more margin than it seems."),
            ],
            pool: furiaOwners, pooled: 24),

        DemoDraft(
            board: "furia-950", author: "jonas.becker",
            title: "Termignoni-style slip-on vs the Ardente racing exhaust", gap: 9,
            body: """
            Thinking about the exhaust. Options as I see them:

            1. Ardente titanium racing slip-on: €1,890, 4.1 kg lighter, needs the map, not road legal in Germany (closed course only on the paperwork).
            2. An aftermarket slip-on with an EU type approval, around €900, which keeps the stock map and is legal.
            3. Leave it. The stock 2-1-2 already sounds decent with the flap open above 5,000 rpm.

            Anyone done 1 or 2 and can say whether the difference is worth it? I don't care about the peak horsepower, I care about the sound at 4,000 rpm in a tunnel and the weight high up under the seat.
            """,
            replies: [
                R("ste.motard", "Did 1. The weight loss is real and you feel it when you change direction, because it's all up under the seat. The sound is glorious and also gets you noticed by every carabiniere in the province."),
                R("kurt.weiss", "In Germany option 1 is an invitation to lose the bike at a roadside check. The TÜV will not sign it off, don't let a dealer tell you otherwise."),
                R("enzo.esposito", "Io ho il 2, omologato. Suona più pieno sotto i 5.000, sopra cambia poco. Per strada mi basta e avanza."),
                Q("jonas.becker", 2, "Yeah, that settles it. Going with an approved slip-on. Thanks all."),
            ]),

        DemoDraft(
            board: "furia-950", author: "valentina.r",
            title: "Sella troppo dura dopo 150 km: qualcuno l'ha fatta rifare?", day: 70, gap: 8,
            body: """
            Ciao a tutti. Il Furia mi piace da morire, ma dopo un'ora e mezza di sella non sento più le gambe. Il problema è il bordo anteriore: la schiuma è durissima e mi taglia l'interno coscia.

            Ho visto che a Bologna c'è un tappezziere che rifà le selle con schiuma a doppia densità. Qualcuno l'ha provato? Quanto avete speso, e l'altezza è cambiata?
            """,
            replies: [
                R("gianni.bo", "Io sono andato da Selleria Marchesini in via Stalingrado. 230 euro, una settimana. Hanno scavato 15 mm davanti e messo il gel sotto. È un'altra moto."),
                R("roberto.galli", "Attenzione che se abbassate troppo il davanti poi scivolate verso il serbatoio in frenata. Io ho chiesto di tenere la forma e cambiare solo la schiuma."),
                Q("valentina.r", 1, "Perfetto, prenoto. Così almeno arrivo a Sestola senza fermarmi tre volte. Grazie!"),
                R("paolo.prodotto", "Thanks for the detail on the front edge, this is exactly the feedback we need. The seat foam is being reworked; more news on the blog when we can say more."),
            ]),

        DemoDraft(
            board: "furia-950", author: "sato.ken",
            title: "Riding modes: Motard mode in the rain?", gap: 6,
            body: """
            Hello. Last week it rained on the way to the mountain and I was in Motard mode by mistake. The rear wheel slid in the hairpin and I nearly dropped the bike.

            Question: in Motard mode, traction control is off? The manual says "slide control", I thought it was a kind of traction control.

            (日本語のマニュアルでは説明がよく分かりませんでした。)
            """,
            replies: [
                R("m.bertolini", "Good question, and the manual should be clearer. In Motard mode the rear ABS is off and traction control allows up to about 15% of slip at the rear, so you can slide into and out of corners. On a wet road that is too much for most riders. Use Wet: it keeps slip to a few percent and softens the throttle."),
                R("sato.ken", "Thank you very much, Bertolini-san. I will use Wet from now. 勉強になりました 🙏"),
                R("rafa.moto", "Tip: on the SP you can lock the mode selection while riding (menu > modes > lock). Saves you from this exact mistake."),
            ]),

        DemoDraft(
            board: "furia-950", author: "dan.okafor",
            title: "Suspension set-up for a 100 kg rider", gap: 7,
            body: """
            I'm 100 kg in gear and the stock settings are clearly made for someone 75. The rear squats under throttle and the front dives hard under braking.

            Current settings (base model, clicks out from full hard): fork compression 12, rebound 14; shock preload 6 turns from minimum, rebound 14.

            What would you change first? Springs, or can I get there with clickers and preload?
            """,
            replies: [
                R("kurt.weiss", "Measure the sag first, everything else is guessing. With you on board you want about 30–35 mm at the rear and 45–50 mm at the front on a bike with this travel."),
                R("dan.okafor", "Rear sag is 48 mm with 6 turns. Front 62 mm."),
                Q("kurt.weiss", 2, "Then you're out of range on both ends: springs. 10.5 N/mm for the fork and a 100 N/mm shock spring is what people your weight end up with. Preload alone will only make the ride harsher."),
                R("m.bertolini", "Kurt is right. For reference, the standard springs are 9.0 N/mm (fork) and 90 N/mm (shock), chosen for 70–90 kg riders. The SP's Öhlins has a stiffer option from the factory: part 36520-950H."),
                R("dan.okafor", "Springs ordered. Will report back after a few hundred miles."),
            ]),

        DemoDraft(
            board: "furia-950", author: "luca.gentile",
            title: "Il quickshifter scala male sotto i 4.000 giri", day: 110, gap: 10,
            body: """
            Sul mio SP il quickshifter in salita funziona benissimo sopra i 5.000, ma sotto i 4.000 giri la cambiata è dura e a volte la marcia non entra proprio. In città è fastidioso.

            È normale o devo portarla in assistenza?
            """,
            replies: [
                R("ste.motard", "Normale, purtroppo. Sotto i 4.000 io uso la frizione, come su tutte le moto con QS che ho avuto."),
                R("m.bertolini", "È un limite del sensore attuale, non un difetto della tua moto. Ci stiamo lavorando: a bassi giri il taglio d'iniezione è troppo breve per scaricare la trasmissione del bicilindrico."),
                R("luca.gentile", "Grazie Marco, almeno so che non è la mia moto. Aspetto novità."),
            ]),

        DemoDraft(
            board: "furia-950", author: "pete.wheeler",
            title: "Track day tyre pressures at Cadwell Park", gap: 5,
            body: "First track day on the Furia next month at Cadwell. Running Diablo Supercorsa SP. What pressures are people using hot, and does anyone bother with warmers on a supermoto?",
            replies: [
                R("ste.motard", "Hot: 2.1 front, 1.7 rear on Supercorsa SP. Cold without warmers start at 2.0/1.6 and check after the first session.", edited: "Hot: 2.1 front, 1.6 rear on Supercorsa SP. Cold without warmers start at 1.9/1.5 and check after the first session.\n\nEdit: had the rear wrong, sorry. 1.6 hot is what Pirelli's track sheet says."),
                R("pete.wheeler", "Perfect, thanks. No warmers then?"),
                R("ste.motard", "Not for a trackday on a motard. Two easy laps and you're there. Cadwell's Mountain is going to be fun on this thing 😁"),
                R("tom.harland", "Cadwell is perfect for the Furia. Keep it in Sport not Motard until you know the track, the hairpin is tighter than it looks."),
            ]),

        DemoDraft(
            board: "furia-950", author: "chloe.r",
            title: "TFT dash unreadable with polarised visor", gap: 6,
            body: "Is it just me? With my polarised visor the TFT goes almost black when I tilt my head. Any fix besides changing the visor?",
            replies: [
                R("julien.mercier", "Not just you. It's the polariser in the TFT crossing the one in the visor. Tilt 30° and it goes black. Non-polarised tinted visor is the only real fix."),
                R("paolo.prodotto", "Confirmed, and thanks for raising it. Future dashes use a circular polariser that avoids the blackout; it can't be changed on the current hardware, unfortunately."),
                R("chloe.r", "Merci, back to the clear visor and sunglasses then."),
            ]),

        DemoDraft(
            board: "furia-950", author: "mattia.cantu",
            title: "Luci: i fari di profondità dell'SP valgono la differenza?", gap: 9,
            body: """
            Sto decidendo tra base e SP. Tra le differenze ci sono le luci di curva. Chi le ha, le usa davvero? Di notte sui passi fanno la differenza o è marketing?
            """,
            replies: [
                R("niccolo.fabbri", "Le uso ogni settimana tornando dal lavoro sulla Porrettana. In curva a sinistra illuminano proprio dove guardi. Da sole non giustificano l'SP, ma insieme all'Öhlins e al quickshifter sì."),
                R("fra.dellacqua", "Io ho la base e di notte vado più piano, semplice. I 2.600 euro di differenza li ho spesi in gomme e corsi in pista."),
            ]),

        DemoDraft(
            board: "furia-950", author: "yuki.t",
            title: "Wheelie control: what do the levels actually do?", gap: 6,
            body: "The manual says levels 1 to 3 and off. Does 1 mean least intervention or most? Mine lifts the front in 2nd at level 2, but it cuts power quite hard when it does.",
            replies: [
                R("rafa.moto", "1 is the least intervention, 3 the most. At 2 it lets the front come up a few centimetres and then cuts. If the cut feels abrupt, try 1: it allows more lift but brings the front down more gently."),
                R("yuki.t", "Tried 1 today. Much smoother. Thank you!"),
            ]),
    ]
}
