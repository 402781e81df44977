import PaddockCore

extension DemoPlan {
    private static func staff(_ handle: String, _ name: String, _ role: Role) -> DemoPersona {
        DemoPersona(handle: handle, name: name, role: role, language: .italian, foundingStaff: true, promotion: nil)
    }

    private static func moderator(_ handle: String, _ name: String, _ language: DemoLanguage = .english) -> DemoPersona {
        DemoPersona(handle: handle, name: name, role: .moderator, language: language, foundingStaff: true, promotion: nil)
    }

    private static func member(_ handle: String, _ name: String, _ language: DemoLanguage = .english,
                               promotedOn day: Double? = nil) -> DemoPersona {
        DemoPersona(handle: handle, name: name, role: .member, language: language, foundingStaff: false,
                    promotion: day.map { (Role.moderator, $0) })
    }

    /// Ardente Moto's staff, the volunteer moderators and the riders, from many countries.
    static let people: [DemoPersona] = [
        // Ardente Moto, Bologna
        staff("francesca.ricci", "Francesca Ricci", .admin),          // head of digital
        staff("elena.ardente", "Elena Ardente", .manager),            // community manager
        staff("paolo.prodotto", "Paolo Marchetti", .manager),         // product manager
        staff("m.bertolini", "Marco Bertolini", .manager),            // chief test rider
        staff("chiara.assistenza", "Chiara Lodi", .manager),          // after-sales service
        // Volunteer moderators
        moderator("niccolo.fabbri", "Niccolò Fabbri", .italian),
        moderator("kurt.weiss", "Kurt Weiß"),
        moderator("rafa.moto", "Rafael Souza"),
        moderator("emma.lindqvist", "Emma Lindqvist"),
        // Riders
        member("tom.harland", "Tom Harland", promotedOn: 170),
        member("sato.ken", "佐藤 健", .japanese),
        member("lucia.romagnoli", "Lucia Romagnoli", .italian),
        member("gianni.bo", "Gianni Zanardi", .italian),
        member("ste.motard", "Stefano Mancuso", .italian),
        member("federica.pozzi", "Federica Pozzi", .italian),
        member("mattia.cantu", "Mattia Cantù", .italian),
        member("giosue.b", "Giosuè Barbieri", .italian),
        member("valentina.r", "Valentina Russo", .italian),
        member("luca.gentile", "Luca Gentile", .italian),
        member("bea.conti", "Beatrice Conti", .italian),
        member("ale.bonetti", "Alessandro Bonetti", .italian),
        member("chiara.v", "Chiara Vitali", .italian),
        member("roberto.galli", "Roberto Galli", .italian),
        member("fra.dellacqua", "Francesco Dell'Acqua", .italian),
        member("silvia.neri", "Silvia Neri", .italian),
        member("enzo.esposito", "Vincenzo Esposito", .italian),
        member("giorgia.piras", "Giorgia Piras", .italian),
        member("jonas.becker", "Jonas Becker"),
        member("anke.m", "Anke Müller"),
        member("lena.gruber", "Lena Gruber"),
        member("reto.brunner", "Reto Brunner"),
        member("thiago.lima", "Thiago Lima"),
        member("ana.beatriz", "Ana Beatriz Gonçalves"),
        member("joao.ferreira", "João Ferreira"),
        member("martin.gz", "Martín González"),
        member("julien.mercier", "Julien Mercier"),
        member("chloe.r", "Chloé Rousseau"),
        member("javi.ruiz", "Javier Ruiz"),
        member("pete.wheeler", "Pete Wheeler"),
        member("dan.okafor", "Dan Okafor"),
        member("kelsey.m", "Kelsey Morgan"),
        member("claire.qc", "Claire Tremblay"),
        member("sander.vd", "Sander van Dijk"),
        member("marta.k", "Marta Kowalska"),
        member("ondrej.n", "Ondřej Novák"),
        member("ingrid.h", "Ingrid Haugen"),
        member("emre.yilmaz", "Emre Yılmaz"),
        member("nikos.p", "Nikos Papadakis"),
        member("mick.aus", "Mick O'Brien"),
        member("yuki.t", "Yuki Tanaka"),
        member("minjun.park", "Park Min-jun"),
        member("arjun.mehta", "Arjun Mehta"),
        member("sipho.n", "Sipho Ndlovu"),
    ]

    static let boards: [DemoBoard] = [
        DemoBoard(slug: "announcements", title: "Announcements",
                  description: "News from Ardente Moto: launches, recalls, events and service campaigns. Staff post, everyone comments.",
                  kind: .announcement),
        DemoBoard(slug: "furia-950", title: "Furia 950",
                  description: "The supermotard: set-up, exhausts, riding modes, track days and the wheelies you shouldn't admit to.",
                  kind: .discussion),
        DemoBoard(slug: "strada-1200", title: "Strada 1200",
                  description: "The tourer: luggage, long-distance comfort, electronics and two-up trips across borders.",
                  kind: .discussion),
        DemoBoard(slug: "vento-660", title: "Vento 660",
                  description: "The entry naked: first bikes, A2 licences, low seats, commuting and first upgrades.",
                  kind: .discussion),
        DemoBoard(slug: "ideas-lab", title: "Ideas Lab",
                  description: "What should the next Ardente do differently? Suggest it, support it; the product team answers every one.",
                  kind: .suggestion),
        DemoBoard(slug: "garage", title: "Garage",
                  description: "Maintenance, DIY, tools, tyres and service intervals. Post torque figures, not guesses.",
                  kind: .discussion),
        DemoBoard(slug: "rides", title: "Rides",
                  description: "Ride reports, routes and meetups: the Apennines, the Alps and anywhere else.",
                  kind: .discussion),
        DemoBoard(slug: "bar", title: "Bar Paddock",
                  description: "Off-topic: coffee, gear, racing on TV and everything that isn't a motorcycle (there isn't much).",
                  kind: .discussion),
    ]

    private static func f(_ slug: String, _ name: String, _ description: String) -> DemoFeature {
        DemoFeature(slug: slug, name: name, description: description)
    }

    static let products: [DemoProduct] = [
        DemoProduct(
            slug: "furia-950", name: "Furia 950",
            description: "Supermotard with a 948 cc 72° V-twin: 114 hp at 9,000 rpm, 96 Nm at 7,250 rpm, 178 kg dry. Built for mountain passes and track days.",
            features: [
                f("seat", "Seat", "Flat motard seat at 890 mm; a 870 mm low seat and a 910 mm rally seat in the accessory catalogue."),
                f("exhaust", "Exhaust", "Stainless 2-1-2 system with twin under-seat silencers, Euro 5+. A titanium racing slip-on for closed-course use."),
                f("electronics", "Electronics", "Riding modes (Sport, Road, Wet; Motard with the rear ABS off and slide control), traction and wheelie control."),
                f("suspension", "Suspension", "48 mm fully adjustable fork with 185 mm travel and a monoshock with remote preload; Öhlins on the SP."),
                f("quickshifter", "Quickshifter", "Up and down quickshifter: standard on the SP, a plug-in accessory on the base model."),
                f("tft-dash", "TFT dash", "5-inch colour TFT with phone pairing, turn-by-turn arrows and a lap timer."),
                f("lights", "Lights", "Full LED with the Ardente 'fang' daytime running light; cornering lights on the SP."),
            ]),
        DemoProduct(
            slug: "strada-1200", name: "Strada 1200",
            description: "Sport tourer with a 1,158 cc V-twin: 136 hp, 124 Nm, semi-active suspension and a 22-litre tank good for 400 km between stops.",
            features: [
                f("luggage", "Luggage", "Two 30-litre side cases and a 48-litre top case, one key, integrated mounts with no visible rack."),
                f("windscreen", "Windscreen", "Electrically adjustable screen with 90 mm of travel; a tall touring screen as an accessory."),
                f("cruise-control", "Cruise control", "Electronic cruise control from 30 to 180 km/h, set from the left switchgear."),
                f("heated-grips", "Heated grips", "Five-level heated grips, standard on the GT; the level shows on the dash."),
                f("seat", "Seat", "Two-piece seat: rider at 830 or 850 mm, a heated comfort seat as an option."),
                f("suspension", "Suspension", "Semi-active suspension with automatic preload for solo, two-up and luggage."),
                f("infotainment", "Infotainment", "6.5-inch TFT with navigation, music and intercom through the Ardente Link app."),
            ]),
        DemoProduct(
            slug: "vento-660", name: "Vento 660",
            description: "Entry naked with a 659 cc 270° parallel twin: 73 hp, 65 Nm, 189 kg wet and a 795 mm seat. A 35 kW A2 version is available.",
            features: [
                f("ergonomics", "Ergonomics", "Upright riding position with a wide tapered bar; bar risers and rearset pegs as accessories."),
                f("low-seat", "Low seat", "A 770 mm low seat with firmer foam, fitted free at the dealer on request."),
                f("abs", "ABS", "Two-channel cornering ABS with a rear-off setting."),
                f("app", "Ardente Link app", "Ride logging, service reminders and notification mirroring to the dash."),
                f("colours", "Colours", "Rosso Bologna, Grigio Appennino and Verde Colli; limited editions now and then."),
                f("mirrors", "Mirrors", "Round bar-mounted mirrors; bar-end mirrors in the accessory catalogue."),
                f("lights", "Lights", "LED headlight with the fang DRL and self-cancelling indicators."),
            ]),
    ]
}
