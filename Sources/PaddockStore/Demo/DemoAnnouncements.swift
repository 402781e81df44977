extension DemoPlan {
    private static let recallNotice = """
        We have found that on some Strada 1200 built between March 2024 and February 2025, the side-stand switch can let water in. When it does, the switch may report "stand up" while the stand is down, and the engine will not cut out if you engage first gear with the stand deployed.

        No accidents have been reported to us. We are still treating it as a safety recall.

        What we will do: replace the switch with a sealed one (part 57140-221B) and re-route its cable away from the spray of the rear tyre. The work takes about 40 minutes and is free of charge, including for second owners.

        What you should do: your dealer will contact you; you can also book directly. Until then, check that the engine stops when you put the bike in gear with the stand down. If it does not, please ride to the dealer rather than park it on the stand on a slope.

        Chiara Lodi — Assistenza Clienti, Ardente Moto
        """

    /// The company blog: only staff start these threads; riders comment.
    static let announcements: [DemoDraft] = [
        DemoDraft(
            board: "announcements", author: "elena.ardente",
            title: "Welcome to Paddock, the Ardente Moto community", day: 1, gap: 5,
            body: """
            Ciao a tutti, and welcome.

            Paddock is where Ardente riders and the people who build the bikes talk to each other directly. No marketing department in between: the product team, the test riders and the after-sales service all have accounts here and read the boards every day.

            A few things to know:
            - One board per model (Furia 950, Strada 1200, Vento 660), plus Garage for maintenance, Rides for trips and meetups, and the Bar for everything else.
            - Ideas Lab is where you tell us what the next bikes should do differently. Paolo (product) answers there himself.
            - Be kind, be specific. "The seat is bad" helps nobody; "after 200 km the front edge of the seat digs into my thighs" does.

            I'm Elena, community manager. Write to me any time.
            """,
            replies: [
                R("roberto.galli", "Finalmente! Twenty-two years on Bolognese twins and this is the first time the factory asks instead of tells. Benvenuti a tutti."),
                R("kurt.weiss", "Glad to help keep this place tidy. Grüße from Stuttgart, Strada 1200 GT, 41,000 km."),
                R("sato.ken", "Hello from Nagoya! Furia 950 owner since last spring. My English is not perfect but I will try 🏍"),
                QT("dan.okafor", 0, "No marketing department in between", "Appreciate the direct line. First question already: will US owners get the same accessory catalogue? Ours is about half the size."),
                R("elena.ardente", "@dan.okafor fair question, and Chiara from after-sales is checking with our US importer. We'll answer in the Garage board rather than here so it stays findable."),
            ]),

        DemoDraft(
            board: "announcements", author: "chiara.assistenza",
            title: "Safety recall: Strada 1200 side-stand switch (MY2024–2025)", day: 41, gap: 6,
            body: recallNotice,
            replies: [
                R("kurt.weiss", "Thanks for posting it here and not just in a letter. Checked mine in the garage: engine cuts out as it should. Booked anyway."),
                R("tom.harland", "Mine failed the test. Stand down, first gear, engine kept running. Slightly unnerving, to be honest. Dealer in Reading can take it Thursday."),
                Q("reto.brunner", 0, "Which frame numbers exactly? Swiss bikes are registered with the VIN and the importer here says it has no list yet."),
                R("chiara.assistenza", "@reto.brunner the VIN range is now in the post above: ZAR12S000P0001200 to ZAR12S000R0009817. The Swiss importer has had the list since this morning."),
                R("anke.m", "Done today at Motorrad Huber in Munich. 35 minutes, they also washed the bike (!). The new switch has a rubber boot you can see from the left side."),
                R("pete.wheeler", "Bit disappointed that a bike at this price needs a recall for a £20 switch, but credit where due, the communication has been spot on."),
                R("lucia.romagnoli", "Fatto a Bologna, in sede. Mi hanno offerto un caffè e fatto vedere la linea di montaggio. Così si fa."),
                R("dan.okafor", "US bikes covered by the same campaign? The NHTSA database doesn't show it yet."),
                R("chiara.assistenza", "@dan.okafor yes, the US filing went in last week; it usually appears in the NHTSA database within ten working days. US dealers already have the parts."),
                R("thiago.lima", "Brazil too? Bought mine used in São Paulo, MY2024."),
                R("chiara.assistenza", "@thiago.lima yes, including second owners. Send me your VIN by private message if the dealer says otherwise."),
            ],
            revision: recallNotice + """


            Update: the affected frame numbers are ZAR12S000P0001200 to ZAR12S000R0009817. Every importer has the list; \
            your dealer can check yours in a minute.
            """,
            revisedBefore: 3,
            pool: recallComments, pooled: 8),

        DemoDraft(
            board: "announcements", author: "elena.ardente",
            title: "Open factory day in Bologna — porte aperte in fabbrica", day: 112, gap: 4,
            body: """
            On the first Saturday of next month we open the factory to everyone, owners or not.

            - Guided tours of the engine line every 30 minutes, 9:00 to 16:00 (book on arrival, groups of 20).
            - Test rides of the whole range on the hill route to San Luca, with your licence and your own helmet.
            - The test riders' workshop: Marco Bertolini and his team show how a prototype is set up, and take questions.
            - Food from the trucks in the car park, and the best caffè in the province (we are biased).

            Parking for motorcycles in the inner courtyard; cars in the lot across the road.

            In italiano: sabato apriamo la fabbrica a tutti, clienti e no. Visite guidate alla linea motori, prove su strada verso San Luca, il laboratorio dei collaudatori e da mangiare per tutti. Venite in moto, così il cortile si riempie. Non serve prenotare.
            """,
            replies: [
                R("gianni.bo", "Ci sarò! Abito a due chilometri, porto anche mio figlio che ha appena preso la patente A2."),
                R("jonas.becker", "Is it worth 700 km from Munich for one day? Honest answers please."),
                Q("niccolo.fabbri", 2, "Yes. Come on Friday, ride the Futa and Raticosa passes on Sunday, and the factory day is the bonus in between."),
                R("chloe.r", "Can we see the paint shop too? The Verde Colli is the reason I bought a Vento."),
                R("elena.ardente", "@chloe.r the paint shop is closed for safety reasons, sorry. But the colour team will be at a stand with the panels and the next colours, under wraps until the day."),
                R("ste.motard", "Test ride of the Furia SP on the San Luca hill: I'm in. Si può fare anche senza appuntamento?"),
                R("elena.ardente", "@ste.motard sì, si fa la fila al banco prove dalle 9. Portate patente e casco."),
                R("sato.ken", "工場見学、行きたいです！ Too far from Nagoya this year, but please post photos 📸"),
                R("valentina.r", "Che bella giornata. The engine line tour was fascinating: each engine is run on the dyno for 12 minutes before it goes into a frame. Grazie a tutti ❤️"),
                R("fra.dellacqua", "Migliore giornata dell'anno. Marco Bertolini ha spiegato perché il Furia ha l'avancorsa che ha: 104 mm, scelta dopo sei mesi di prove. Domanda mia, risposta lunga e onesta."),
                R("kelsey.m", "Flew in from Denver with my husband for this and rented a Strada for the week. Worth every mile. The tour guide (Luisa?) was fantastic."),
            ]),

        DemoDraft(
            board: "announcements", author: "paolo.prodotto",
            title: "Vento 660 A2: the 35 kW version, and the kit to unlock it", day: 158, gap: 6,
            body: """
            Many of you asked, in Ideas Lab and at the dealers: the Vento 660 is now available in a 35 kW (47.6 hp) version for A2 licence holders.

            How it is done: a different throttle-body map and a mechanical stop in the throttle bodies, not just software. Peak torque drops from 65 to 56 Nm, but we moved it lower, to 5,200 rpm, so in town you will feel the difference less than the numbers suggest.

            When you move to a full A licence, any dealer can unlock the bike in about an hour: the stop comes out, the full map goes in, the registration papers are updated. The unlock is €149 plus the papers, and free if you bought the A2 bike new within the last 24 months.

            Prices and colours are the same as the full-power Vento. The low seat (770 mm) is fitted free on request.

            Paolo Marchetti — product manager
            """,
            replies: [
                R("bea.conti", "Finalmente. Mia figlia ha 19 anni e adesso possiamo andare in giro insieme, io col Furia e lei col Vento."),
                R("marta.k", "Is the unlock free if I bought the A2 bike used, within 24 months of its first registration?"),
                R("paolo.prodotto", "@marta.k yes, it follows the bike, not the buyer: 24 months from first registration."),
                Q("sander.vd", 0, "Is the A2 version the one that qualifies for the Dutch 70 kW/kg rule? The RDW is picky."),
                R("paolo.prodotto", "@sander.vd it is homologated at 35 kW and 0.19 kW/kg, well inside the A2 limits, and it was derived from a bike of less than 70 kW, which is the other condition. The COC says so explicitly."),
                R("minjun.park", "Any chance of a 125 cc Vento for the learners in Korea and Europe? That's where young riders start."),
                R("paolo.prodotto", "@minjun.park not in the plan for now, but it is the second most-asked question this year. Put it in Ideas Lab with your reasons; I'll answer there."),
            ],
            pool: announcementComments, pooled: 3),

        DemoDraft(
            board: "announcements", author: "paolo.prodotto",
            title: "Survey: how do you really use the riding modes?", day: 206, gap: 8,
            body: """
            We are starting work on the next generation of the electronics for all three bikes, and before we write a line of code we want to know how you use what is there now.

            Five questions, answer in this thread or by private message:

            1. Which mode do you ride in most of the time?
            2. Do you ever change mode while riding? When?
            3. Have you changed traction control or wheelie control from the default? Which way?
            4. Is there a mode you have never used?
            5. If you could set up one custom mode, what would be in it?

            We'll publish what we learn, and what we decide because of it, on this board in about two months.
            """,
            replies: [
                R("ste.motard", "1. Sport. 2. Wet when it rains, that's it. 3. TC down to 2, wheelie control off (sorry Marco). 4. Road. Never. 5. Sport throttle with Wet-level TC for cold mornings."),
                R("emma.lindqvist", "Strada here. 1. Road. 2. Rain mode in the rain, Sport on empty passes. 3. No. 4. Sport, until this summer. 5. Road with the firm suspension setting from Sport."),
                R("sato.ken", "Furia: 1. Road 2. No 3. No 4. Motard — I am afraid of it 😅 5. Road but softer throttle in 1st gear for the city.\n\n街乗りでは1速のスロットルがちょっと敏感すぎます。"),
                QT("m.bertolini", 3, "5. Road but softer throttle in 1st gear for the city.", "Translation for the team: \"in town the throttle in first gear is a bit too sensitive.\" You are not the first to say so, and we hear it."),
                R("julien.mercier", "Vento: I didn't know there were modes until I read this thread. The button is under the left thumb and says MODE, I thought it changed the dash display."),
                R("kurt.weiss", "5. A mode that remembers what I chose last time when I turn the key. Every morning the Strada wakes up in Road and I switch to Sport for the first pass."),
                R("giosue.b", "Io vorrei poter personalizzare tutto dall'app e poi caricare il profilo sulla moto. Perché devo farlo con i tasti a moto ferma?"),
                R("reto.brunner", "Most of the time Road. What I would like: an engine brake setting separate from the mode. Downhill on the Grimsel the Strada is too keen to run on."),
                R("ingrid.h", "Wet mode is brilliant on Norwegian roads in October. Never used anything else from September to May."),
            ],
            pool: surveyAnswers, pooled: 8),

        DemoDraft(
            board: "announcements", author: "m.bertolini",
            title: "From the test riders: three days at Mugello with the new Furia", day: 248, gap: 9,
            body: """
            Marco here, from the test department. Elena asked me to write something for the blog, so here is what a week of our work looks like, without the secret parts.

            We took three pre-production Furia 950 to Mugello with two sets of tyres and about 300 kg of spares. Day one is always the same: baseline laps on the current bike, so we know what "better" has to beat. Our reference is a 2:02 on road tyres with standard suspension. No, I will not tell you who rode it.

            Day two was the new engine map. The goal is the part of the throttle between closed and 15%, where you balance the bike mid-corner. The current Furia is a little abrupt there; you told us in this forum more than once. We tried four maps, and by the afternoon we had one that two riders out of three preferred blind.

            Day three was rain, which is the best day for a test rider. The new traction control keeps working with the rear tyre at 3% of slip instead of 6%, and you feel it: the bike drives out of Bucine instead of waiting.

            What comes out of this goes to the road team next, who will ride it in winter in the Apennines. I'll write again when I can.
            """,
            replies: [
                R("ste.motard", "The 0–15% throttle is exactly the thing. Glad it's being worked on and not just \"fixed\" with a softer mode."),
                R("jonas.becker", "Can you say anything about the weight? 178 kg dry is already good, but the competition is at 175."),
                R("m.bertolini", "@jonas.becker I can say the scales were on the truck, but that's all I can say. 😉"),
                R("enzo.esposito", "Bellissimo racconto. Ma il tempo di riferimento con gomme da strada chi l'ha fatto, tu?"),
                R("m.bertolini", "@enzo.esposito no comment. Diciamo che non ero il più lento."),
            ],
            pool: announcementComments, pooled: 4),

        DemoDraft(
            board: "announcements", author: "elena.ardente",
            title: "Furia 950 MY2026: what's new, and what came from you", day: 296, gap: 10,
            body: """
            Today we show the Furia 950 for the 2026 model year. It goes on sale in Europe next month and in the rest of the world in spring.

            What's new:

            - Engine map: the throttle from closed to 15% is smoother, as Marco described after Mugello. Peak figures don't change: 114 hp and 96 Nm.
            - Traction control: a new slip strategy (3% target instead of 6%) and a Wet mode that can be combined with the Sport throttle. Many of you asked for exactly this in the riding-modes survey.
            - Seat: new foam with two densities, 10 mm less height at the front edge. The long-distance complaint we heard most.
            - Quickshifter: standard on the base model too, with a new strain gauge that works below 3,000 rpm.
            - TFT: the font is 20% larger and the rev counter can be turned into a bar. Yes, Ideas Lab, that one is yours.
            - Colours: Rosso Bologna, Nero Opaco and a new Bianco Collaudo with the test-department livery.

            Price goes up by €300 in Italy (€13,890 for the base, €16,490 for the SP). Existing owners can have the new map flashed by their dealer for free from next month.

            Every change in this list started as a thread on Paddock. Thank you.
            """,
            replies: [
                R("ste.motard", "Free map update for existing bikes is the news of the year. Grazie Ardente."),
                Q("sato.ken", 0, "この変更、全部フォーラムから来たんですね。すごい！ The font size request was mine, in Ideas Lab. I am very happy 🇯🇵🇮🇹"),
                R("m.bertolini", "@sato.ken it was yours, and it took eight months and three prototypes of the dash. Thank you for insisting."),
                R("pete.wheeler", "€300 more for a standard quickshifter and new seat is fair. UK price though?"),
                R("elena.ardente", "@pete.wheeler £12,495 for the base model, announced by the UK importer next week."),
                R("luca.gentile", "Il Bianco Collaudo è stupendo. Qualcuno sa se il cerchio è rosso o nero?"),
                R("elena.ardente", "@luca.gentile cerchi rossi, telaio nero. Foto ufficiali lunedì."),
                R("jonas.becker", "Does the new seat fit the old bike? My MY2024 seat is the only thing I'd change."),
                R("paolo.prodotto", "@jonas.becker yes, same base and same fixings: part number 59510-950C, about €290 at the dealer."),
            ],
            pool: launchComments, pooled: 20),

        DemoDraft(
            board: "announcements", author: "chiara.assistenza",
            title: "Winter service campaign: 20% off labour and a free valve-clearance check", day: 331, gap: 12,
            body: """
            Winter is the best time to give your Ardente the service it deserves, and the dealers have time for you.

            From now until the end of February, at every official dealer in Europe:

            - 20% off labour on all scheduled services.
            - A free valve-clearance check on any bike over 20,000 km, even if it is not due (the interval is 24,000 km on the Furia, 30,000 km on the Strada and Vento).
            - A free software update, including the new Furia throttle map for MY2024–2025 bikes.
            - Battery test and a winter storage check: tyre pressures, coolant, and a maintainer cable if you want one (€19).

            Book with your dealer and mention "Paddock winter" to get the offer. Owners outside Europe: your importer will publish its own offer; I'll link them here as they arrive.
            """,
            replies: [
                R("kurt.weiss", "Booked the Strada for the 30,000 km service in January. The clearance check alone is usually 3 hours of labour, so this is a real saving."),
                R("roberto.galli", "Scusate, ma il controllo valvole è gratis anche se il tagliando lo faccio da un meccanico non ufficiale?"),
                R("chiara.assistenza", "@roberto.galli il controllo sì, gratis da qualsiasi concessionario ufficiale. Lo sconto sulla manodopera invece vale per i tagliandi fatti da loro."),
                R("mick.aus", "Winter? It's 34 degrees in Brisbane. Any summer campaign for us upside-down folks? 😄"),
                R("chiara.assistenza", "@mick.aus the Australian importer runs the same offer from June; I'll post the link when it's out."),
            ],
            pool: announcementComments, pooled: 3),

        // The dashboard's story: after this, support for a smoother quickshifter surges.
        DemoDraft(
            board: "announcements", author: "paolo.prodotto",
            title: "Furia 950 MY2027 at EICMA: the quickshifter is next", day: 356, gap: 6,
            body: """
            The Furia 950 for 2027 was on our stand in Milan this week. The frame, the engine and the dash stay as they are; what we are working on now is the quickshifter.

            Many of you ride the Furia in town, and there the upshift below 4,000 rpm is abrupt. The test riders agree. Before we freeze the new strain-gauge calibration, we want to know how you ride: in which gears, at what revs, with or without a passenger.

            If that is you, support the suggestion in Ideas Lab and tell us there. The calibration is decided in January.

            Paolo — product, Ardente Moto
            """,
            replies: [
                R("federica.pozzi", "That suggestion is mine! Second to third at 3,500 rpm in town is the worst. Grazie per averla vista."),
                R("ste.motard", "On the track it's perfect, please don't make it softer above 6,000."),
                R("paolo.prodotto", "@ste.motard only below 4,000 rpm; the track calibration stays."),
            ]),

        DemoDraft(
            board: "announcements", author: "francesca.ricci",
            title: "Paddock from anywhere: connect over SSH with your key", day: 188, gap: 10,
            body: """
            Until now Paddock has run on the terminals at the dealers and in the factory. From today every member can reach it from their own computer, over SSH.

            How: send your public key (the line in ~/.ssh/id_ed25519.pub) to me or to Elena by private message, and within a day you can connect with `ssh paddock@community.ardentemoto.it`. Your key is your identity: no password to remember, nothing to steal.

            Works from Linux, macOS and Windows (PowerShell has ssh built in). The arrow keys and the vim keys both work, and `?` shows the help on every screen.

            Francesca Ricci — digital, Ardente Moto
            """,
            replies: [
                R("ondrej.n", "A motorcycle forum over SSH. I didn't know I needed this until today."),
                R("yuki.t", "Works perfectly from Tokyo, and the Japanese names display correctly in my terminal. よくできています！"),
                R("roberto.galli", "Mio nipote mi ha configurato la chiave. Funziona! Anche per chi ha 61 anni."),
                R("francesca.ricci", "@roberto.galli benvenuto! E grazie a tuo nipote."),
            ]),
    ]
}
