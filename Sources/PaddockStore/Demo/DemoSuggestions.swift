import PaddockCore

/// An official response: a manager moves the suggestion `after` days after it was posted.
struct DemoStep {
    let status: SuggestionStatus
    let by: String
    let after: Double
    let text: String
}

/// How a suggestion of the Ideas Lab lives: its tags, how many members
/// support it (besides its author) and what the team answers.
struct DemoIdeaPlan {
    let product: String
    let features: [String]
    let support: Int
    var steps: [DemoStep] = []
    /// For a duplicate: the title of the suggestion it is merged into (its one step is the merge).
    var duplicateOf: String? = nil
    /// The title of the announcement that sends most of its supporters: all
    /// but the first two arrive in the six days after it is published.
    var surgeAfter: String? = nil
}

/// A suggestion without a scripted discussion.
struct DemoIdea {
    let author: String
    let title: String
    let body: String
    let day: Double
    let plan: DemoIdeaPlan
}

private func st(_ status: SuggestionStatus, _ by: String, _ after: Double, _ text: String) -> DemoStep {
    DemoStep(status: status, by: by, after: after, text: text)
}

private func idea(_ author: String, _ product: String, _ features: [String], day: Double, support: Int,
                  _ title: String, _ body: String, _ steps: DemoStep..., duplicateOf: String? = nil, surgeAfter: String? = nil) -> DemoIdea {
    DemoIdea(author: author, title: title, body: body, day: day,
             plan: DemoIdeaPlan(product: product, features: features, support: support, steps: steps, duplicateOf: duplicateOf,
                                surgeAfter: surgeAfter))
}

extension DemoPlan {
    /// The demo's milestones, scaled to a community of fifty riders: 5 supporters
    /// within 30 days, 15 within 90 more, 30 within 180 more.
    static let milestones = "5/30,15/90,30/180"

    /// The scripted Ideas Lab threads (DemoThreads+Ideas), as suggestions.
    static let ideaTags: [String: DemoIdeaPlan] = [
        "Bigger font on the Furia TFT (and a bar rev counter)": DemoIdeaPlan(
            product: "furia-950", features: ["tft-dash"], support: 34, steps: [
                st(.planned, "paolo.prodotto", 60, "The dash team has a 'large' layout working on the current hardware. It will come as a free software update."),
                st(.inProgress, "paolo.prodotto", 150, "The large layout is in testing with riders of all ages, sunglasses included."),
                st(.shipped, "paolo.prodotto", 236, "Dash software 3.2 is out: Settings › Display › Large. Gear, fuel and clock are twice the size, and there is a bar rev counter. Thank you, Ken."),
            ]),
        "Strada: engine-brake setting independent of the riding mode": DemoIdeaPlan(
            product: "strada-1200", features: ["suspension"], support: 22, steps: [
                st(.planned, "m.bertolini", 30, "Engine braking as its own setting, three levels, is planned for the next electronics generation of the Strada."),
            ]),
        "A 125 cc Vento for learners": DemoIdeaPlan(product: "vento-660", features: ["ergonomics"], support: 31),
        "Luggage rack that doesn't need the passenger grab rail removed": DemoIdeaPlan(
            product: "strada-1200", features: ["luggage"], support: 12, steps: [
                st(.planned, "chiara.assistenza", 3, "The integrated rail is already in the MY2025 accessory catalogue; a bracket for MY2024 bikes is being listed."),
                st(.shipped, "chiara.assistenza", 6, "Bracket 96781-1200B is available at dealers: the integrated rail now fits MY2024 bikes too."),
            ]),
        "Profili di guida configurabili dall'app": DemoIdeaPlan(
            product: "furia-950", features: ["electronics", "tft-dash"], support: 36, steps: [
                st(.planned, "paolo.prodotto", 40, "Profiles edited in Ardente Link and loaded at key-on are planned. Three profiles, switched from the left switchgear."),
                st(.inProgress, "paolo.prodotto", 100, "Work has started with the app team; beta testers will be chosen from this thread."),
            ]),
        "Vento: a proper passenger seat and pegs that don't cook your calves": DemoIdeaPlan(
            product: "vento-660", features: ["ergonomics", "low-seat"], support: 17, steps: [
                st(.planned, "paolo.prodotto", 27, "A comfort pillion pad is planned for the accessory catalogue; the pegs move for the next Vento."),
            ]),
        "Heated seat for the Furia (yes, really)": DemoIdeaPlan(
            product: "furia-950", features: ["seat"], support: 9, steps: [
                st(.declined, "m.bertolini", 28, "We looked at it seriously. With 110 W spare, a seat heater would rule out heated grips and gloves at the same time, and we won't ship that compromise."),
            ]),
        "Service history in the app": DemoIdeaPlan(
            product: "vento-660", features: ["app"], support: 30, steps: [
                st(.planned, "chiara.assistenza", 45, "Service history by VIN, straight from the dealers' records, is planned for Ardente Link, open recalls included."),
            ]),
        "Strada with a 21-litre fuel tank is great, a 19-inch front wheel would be better": DemoIdeaPlan(
            product: "strada-1200", features: ["suspension"], support: 14, steps: [
                st(.declined, "paolo.prodotto", 30, "A 19-inch Strada would be a new model, not a variant. We hear you, and it is noted for the range discussion, but it is not something this suggestion can deliver."),
            ]),
        "Luci di curva anche sul Vento": DemoIdeaPlan(
            product: "vento-660", features: ["lights"], support: 11, steps: [
                st(.declined, "paolo.prodotto", 26, "Cornering lights need the IMU, which this Vento doesn't have: not possible as an accessory. We will remember it for the next generation."),
            ]),
        "USB-C socket next to the Vento dash": DemoIdeaPlan(
            product: "vento-660", features: ["ergonomics"], support: 20, steps: [
                st(.planned, "chiara.assistenza", 28, "A USB-C socket by the dash is planned as an accessory kit for every Vento 660."),
                st(.inProgress, "chiara.assistenza", 50, "The USB-C socket kit by the dash is being tooled up for the accessory catalogue."),
            ]),
    ]

    /// Suggestions without a scripted discussion: every status, merged duplicates, one expired.
    static let ideas: [DemoIdea] = [
        // Furia 950
        idea("ste.motard", "furia-950", ["exhaust"], day: 30, support: 33, "Titanium slip-on that is road legal",
             "The racing slip-on is closed-course only. A homologated titanium one, even a bit quieter, would sell to every Furia owner I know.",
             st(.planned, "paolo.prodotto", 40, "A Euro 5+ titanium slip-on is planned with our exhaust partner. Sound will be a little lower than the racing one."),
             st(.inProgress, "paolo.prodotto", 120, "Homologation testing of the titanium slip-on has started."),
             st(.shipped, "paolo.prodotto", 290, "The road-legal titanium slip-on is in the catalogue: 2.1 kg lighter than stock, fully homologated.")),
        idea("lucia.romagnoli", "furia-950", ["seat"], day: 70, support: 31, "Sella bassa da 850 mm per il Furia",
             "La sella da 870 è ancora alta per chi è sotto il metro e settanta. Una da 850, anche più rigida, aprirebbe il Furia a molte più persone.",
             st(.declined, "m.bertolini", 110, "We tested an 850 mm seat: the foam left was too thin for more than an hour in the saddle. The lowering link in the catalogue is the better way down.")),
        idea("dan.okafor", "furia-950", ["quickshifter"], day: 95, support: 20, "Quickshifter standard on the base Furia",
             "The quickshifter is a plug-in on the base bike anyway. Make it standard and drop the price difference with the SP a little.",
             st(.underReview, "paolo.prodotto", 28, "Looking at this with the pricing team for the next model year.")),
        idea("pete.wheeler", "furia-950", ["electronics"], day: 120, support: 16, "Remember the last riding mode after key-off",
             "Every start the Furia goes back to Road. If I left it in Sport, I want Sport.",
             st(.planned, "m.bertolini", 27, "Keeping the last riding mode is planned for dash software 3.1."),
             st(.shipped, "m.bertolini", 60, "Dash software 3.1 remembers the last riding mode after key-off. Wet still resets to Road, on purpose.")),
        idea("jonas.becker", "furia-950", ["lights"], day: 140, support: 19, "Auxiliary LED fog lights for the Furia",
             "For the dark evenings on the way home from work. Small LED lights on the fork, switched from the bars.",
             st(.planned, "paolo.prodotto", 30, "Auxiliary LED lights with a fork bracket are planned for the accessory catalogue.")),
        idea("mattia.cantu", "furia-950", ["suspension"], day: 160, support: 8, "Clicker settings printed under the seat",
             "A sticker with the standard and sport clicker settings for fork and shock, like some Japanese bikes have. Saves looking for the manual.",
             st(.planned, "m.bertolini", 26, "Good idea and cheap to do: a settings sticker is planned from the next production batch."),
             st(.shipped, "m.bertolini", 45, "A settings sticker now ships under the seat of every Furia, with street, sport and two-up settings.")),
        idea("kelsey.m", "furia-950", ["tft-dash"], day: 180, support: 23, "Lap timer that uses GPS instead of an IR beacon",
             "Most track days have no beacon. The phone already has GPS: let the app mark the start line.",
             st(.planned, "paolo.prodotto", 27, "GPS lap timing with a start line set in the app is planned."),
             st(.inProgress, "paolo.prodotto", 70, "GPS lap timing through Ardente Link is being built; the dash will show the laps.")),
        idea("ale.bonetti", "furia-950", ["electronics"], day: 200, support: 10, "Modalità Motard con ABS posteriore attivo in curva",
             "La modalità Motard spegne tutto l'ABS dietro. Per chi è alle prime scivolate servirebbe una via di mezzo.",
             st(.declined, "m.bertolini", 28, "Motard mode exists to let the rear slide. For a middle ground, Sport with rear ABS at level 1 already does this.")),
        idea("thiago.lima", "furia-950", ["lights"], day: 210, support: 7, "LED indicators that self-cancel",
             "The Vento cancels its indicators, the Furia doesn't. Same electronics supplier, so it should be easy.",
             st(.planned, "paolo.prodotto", 30, "Self-cancelling indicators are planned for the Furia's next software update.")),
        idea("gianni.bo", "furia-950", ["exhaust"], day: 215, support: 6, "Tappo per lo scarico durante il lavaggio",
             "Un tappo di gomma per i silenziatori sottosella, da mettere quando si lava la moto. Costa niente e salva i catalizzatori.",
             duplicateOf: "Titanium slip-on that is road legal"),
        idea("chloe.r", "furia-950", ["tft-dash"], day: 250, support: 6, "Dark theme on the Furia dash at night that really is dark",
             "The night theme is still too bright on unlit roads. A darker one, or a brightness setting with more steps."),
        idea("valentina.r", "furia-950", ["seat"], day: 300, support: 5, "Seat cover in Alcantara as an accessory",
             "Grippier in the wet and it looks great with the red frame."),
        idea("ondrej.n", "furia-950", ["suspension"], day: 320, support: 8, "Fork preload adjusters you can turn without tools",
             "Knobs instead of the 19 mm nuts: I would adjust for a passenger if I didn't need a spanner."),
        idea("federica.pozzi", "furia-950", ["quickshifter"], day: 345, support: 26, "Quickshifter più dolce sotto i 4000 giri",
             "In città la cambiata in su a bassi regimi è brusca. Una mappa più morbida sotto i 4000 sarebbe perfetta.",
             surgeAfter: "Furia 950 MY2027 at EICMA: the quickshifter is next"),
        idea("mick.aus", "furia-950", ["tft-dash"], day: 355, support: 1, "Show the ambient temperature all the time",
             "It disappears when you change screens. Frost warning is great, the number should just stay."),
        idea("yuki.t", "furia-950", ["electronics"], day: 280, support: 13, "Wheelie control on its own button",
             "Switching wheelie control off takes four menu pages. A long press on the mode button would do.",
             duplicateOf: "Profili di guida configurabili dall'app"),

        // Strada 1200
        idea("emre.yilmaz", "strada-1200", ["cruise-control"], day: 40, support: 35, "Adaptive cruise control on the next Strada",
             "Radar cruise on a tourer is no longer a luxury: the competition has it. On the Autobahn it changes everything.",
             st(.planned, "paolo.prodotto", 60, "Adaptive cruise control with front radar is planned for the next Strada generation."),
             st(.inProgress, "paolo.prodotto", 200, "The radar system is in road testing; the first prototypes have 20,000 km on them.")),
        idea("reto.brunner", "strada-1200", ["windscreen"], day: 60, support: 30, "Windscreen that remembers its height",
             "Every morning the screen goes back down. It should remember where I left it, like the heated grips do.",
             st(.planned, "m.bertolini", 40, "Remembering the screen height after key-off is planned for the next software update."),
             st(.shipped, "m.bertolini", 100, "Software 2.4 remembers the screen height. Update at any dealer or through Ardente Link.")),
        idea("anke.m", "strada-1200", ["luggage"], day: 80, support: 20, "Inner bags for the side cases",
             "Soft inner bags that fit the side cases exactly, so I can carry everything into the hotel in one go.",
             st(.planned, "chiara.assistenza", 26, "Fitted inner bags are planned with our luggage supplier."),
             st(.shipped, "chiara.assistenza", 40, "Fitted inner bags for the side cases and the top case are in the accessory catalogue.")),
        idea("ingrid.h", "strada-1200", ["heated-grips"], day: 100, support: 30, "Heated grips that warm up faster",
             "At 3°C in the morning, level 5 takes five minutes before I feel anything. A boost for the first minute would help.",
             st(.planned, "m.bertolini", 45, "A one-minute boost at start is planned: the grips go to full power, then back to the level you chose.")),
        idea("julien.mercier", "strada-1200", ["infotainment"], day: 110, support: 28, "Apple CarPlay and Android Auto on the Strada dash",
             "The Ardente Link navigation is fine, but I already have my routes in my phone apps.",
             st(.underReview, "paolo.prodotto", 27, "We are evaluating CarPlay and Android Auto for the next dash generation.")),
        idea("sander.vd", "strada-1200", ["seat"], day: 130, support: 12, "Heated passenger seat on its own switch",
             "My wife wants heat; I don't. One switch for both seats doesn't work.",
             st(.declined, "chiara.assistenza", 30, "The seat heater is one circuit; splitting it means a new seat and harness, which we can't retrofit. It will be two switches on the next Strada.")),
        idea("claire.qc", "strada-1200", ["windscreen"], day: 150, support: 2, "Deflectors for the hands",
             "In Québec in October my hands get the wind even with the heated grips. Clear hand deflectors, please.",
             st(.planned, "chiara.assistenza", 10, "Hand deflectors that clip onto the handguards are planned for the catalogue."),
             st(.shipped, "chiara.assistenza", 20, "Clear hand deflectors that fit the Strada's handguards are now in the catalogue.")),
        idea("arjun.mehta", "strada-1200", ["luggage"], day: 175, support: 30, "Top case that takes two full-face helmets",
             "The 48-litre top case takes one helmet. Two-up touring means one helmet is always on the seat at lunch."),
        idea("roberto.galli", "strada-1200", ["cruise-control"], day: 190, support: 15, "Cruise control che riprende dopo la frenata",
             "Dopo aver toccato il freno bisogna reimpostare tutto. Un tasto 'resume' come in auto.",
             st(.planned, "m.bertolini", 26, "A resume function is planned for the next software update."),
             st(.shipped, "m.bertolini", 50, "The resume button is live with software 2.5: press RES to return to the last speed set.")),
        idea("joao.ferreira", "strada-1200", ["infotainment"], day: 205, support: 9, "Phone mirroring for the Strada",
             "Just show my phone's map on the big screen.",
             duplicateOf: "Apple CarPlay and Android Auto on the Strada dash"),
        idea("javi.ruiz", "strada-1200", ["suspension"], day: 230, support: 12, "Lower suspension option for short riders",
             "A factory lowering kit for the Strada that keeps the semi-active working.",
             st(.underReview, "m.bertolini", 27, "Checking with the suspension supplier whether the semi-active system can be calibrated for a lower ride height.")),
        idea("lena.gruber", "strada-1200", ["heated-grips"], day: 262, support: 7, "Heated grips level shown as a number",
             "The little bars on the dash are hard to count with gloves on. Show 1–5 as a number."),
        idea("kurt.weiss", "strada-1200", ["luggage"], day: 295, support: 6, "Side cases that lock with the ignition key removed",
             "Today the key has to stay in the case lock while it is open. A lock that keeps the case open without the key."),
        idea("martin.gz", "strada-1200", ["infotainment"], day: 340, support: 3, "Intercom pairing for two helmets at once",
             "Rider and passenger intercoms both on the bike, so the passenger hears the navigation too."),
        idea("ana.beatriz", "strada-1200", ["windscreen"], day: 350, support: 1, "A shorter sport screen",
             "For summer: the tall screen creates buffeting at my height (1.62 m)."),
        idea("tom.harland", "strada-1200", ["cruise-control"], day: 100, support: 2, "Cruise control below 30 km/h for traffic",
             "In traffic jams it would be nice to hold 20 km/h.",
             duplicateOf: "Adaptive cruise control on the next Strada"),

        // Vento 660
        idea("minjun.park", "vento-660", ["colours"], day: 50, support: 30, "A black Vento",
             "Rosso, grigio and verde are all lovely, but many of us want a plain matte black.",
             st(.planned, "paolo.prodotto", 40, "A matte black Vento is planned for next season's colours."),
             st(.shipped, "paolo.prodotto", 280, "Nero Notte, matte black with a bronze frame, is at dealers now. Thank you all for asking.")),
        idea("sipho.n", "vento-660", ["low-seat"], day: 75, support: 32, "Low seat fitted at the factory, not at the dealer",
             "Dealers here don't stock the 770 mm seat. Let us order the bike with it.",
             st(.planned, "chiara.assistenza", 30, "The low seat as a factory option is planned for every market from the next model year."),
             st(.inProgress, "chiara.assistenza", 150, "The low seat is being added to the order system; dealers will see it in spring.")),
        idea("lucia.romagnoli", "vento-660", ["abs"], day: 90, support: 14, "ABS posteriore disattivabile ricordato all'avvio",
             "Per chi fa un po' di sterrato: ogni volta bisogna rifare tutto il menu.",
             st(.declined, "m.bertolini", 40, "For safety the rear ABS comes back on at every key-on, by regulation in several markets. We will keep it that way.")),
        idea("giorgia.piras", "vento-660", ["mirrors"], day: 115, support: 18, "Specchietti che non vibrano",
             "Sopra i 90 all'ora negli specchietti si vede solo un frullatore.",
             st(.planned, "chiara.assistenza", 26, "Damped mirror stems are planned; we are testing two designs on the Vento."),
             st(.inProgress, "chiara.assistenza", 40, "The new stems with a damping insert are in production testing; dealers will swap them free under warranty.")),
        idea("enzo.esposito", "vento-660", ["app"], day: 135, support: 25, "Trova la mia moto nell'app",
             "Un localizzatore GPS nell'app Ardente Link, per i furti e per i parcheggi grandi.",
             st(.underReview, "chiara.assistenza", 27, "Reviewing this with the app team and our insurance partners.")),
        idea("silvia.neri", "vento-660", ["ergonomics"], day: 150, support: 4, "Leve regolabili di serie",
             "Con mani piccole la leva della frizione è lontanissima. Leve regolabili di serie, per favore.",
             duplicateOf: "Low seat fitted at the factory, not at the dealer"),
        idea("bea.conti", "vento-660", ["colours"], day: 100, support: 2, "Vento in giallo Modena",
             "Un giallo brillante, per farsi vedere in città."),
        idea("chiara.v", "vento-660", ["lights"], day: 185, support: 20, "Brighter high beam",
             "On unlit country roads the high beam is weak compared to the Furia's.",
             st(.planned, "paolo.prodotto", 27, "A brighter high-beam module for the current headlight is planned."),
             st(.inProgress, "paolo.prodotto", 60, "A brighter high-beam module that fits the current headlight is in testing.")),
        idea("fra.dellacqua", "vento-660", ["app"], day: 220, support: 11, "Ride sharing in Ardente Link",
             "Share the route I rode with friends directly from the app, without exporting GPX files.",
             st(.planned, "paolo.prodotto", 30, "Sharing a ride as a link from Ardente Link is planned for the next app release.")),
        idea("thiago.lima", "vento-660", ["ergonomics"], day: 240, support: 14, "Tank pad with the Vento logo",
             "The tank scratches from jacket zips in the first month."),
        idea("emma.lindqvist", "vento-660", ["abs"], day: 260, support: 10, "Cornering ABS level shown on the dash",
             "There are three levels, but the dash never says which one is on."),
        idea("joao.ferreira", "vento-660", ["mirrors"], day: 275, support: 7, "Bar-end mirrors as standard on the Vento",
             "They look better and vibrate less.",
             duplicateOf: "Specchietti che non vibrano"),
        idea("marta.k", "vento-660", ["app"], day: 310, support: 7, "Tyre pressure in the app",
             "If a TPMS sensor is fitted, show the pressures on the phone before I leave home."),
        idea("ingrid.h", "vento-660", ["low-seat"], day: 340, support: 2, "A heated low seat",
             "Low and warm, is that too much to ask?"),
        idea("arjun.mehta", "vento-660", ["colours"], day: 352, support: 0, "Colour-matched fly screen",
             "The small screen only comes in black."),
        idea("dan.okafor", "vento-660", ["ergonomics"], day: 325, support: 4, "Bar risers of 25 mm in the catalogue",
             "Taller riders need the bar a little higher and a little closer."),
        idea("kelsey.m", "vento-660", ["lights"], day: 338, support: 3, "Hazard lights on the Vento",
             "Every car has them; when I stop on the shoulder I feel invisible."),
    ]
}
