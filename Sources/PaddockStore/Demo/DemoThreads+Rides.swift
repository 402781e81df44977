extension DemoPlan {
    static let ridesThreads: [DemoDraft] = [
        DemoDraft(
            board: "rides", author: "niccolo.fabbri",
            title: "Where did you ride this week?", day: 60, gap: 90,
            body: """
            Un thread per i giri della settimana, in qualsiasi lingua. Route, kilometres, weather, and the best coffee stop. Describe the view, we'll imagine it.

            Io: Bologna – Porretta – Abetone – Pievepelago – Sestola – Bologna. 260 km, asfalto asciutto, 9 °C all'Abetone alle 9. Caffè a Fanano, il migliore della giornata.
            """,
            pool: ridesWeek, pooled: 20),

        DemoDraft(
            board: "rides", author: "lucia.romagnoli",
            title: "Raduno Ardente al Passo della Futa — domenica", day: 130, gap: 3,
            body: """
            Domenica mattina ritrovo al Passo della Futa, al bar del passo, dalle 9:30. Qualsiasi moto, non solo Ardente. Poi giro tranquillo fino a Marradi per il pranzo (tortelli di patate, prenotato per 30).

            Chi viene? Scrivete qui così aggiorno la prenotazione.
            """,
            replies: [
                R("gianni.bo", "Io ci sono, più un amico con l'Hypermotard (lo convertiamo)."),
                R("ste.motard", "Presente! Parto da Modena alle 8."),
                R("valentina.r", "Ci sono anch'io. Posso venire col Furia nonostante la sella? 😄"),
                R("federica.pozzi", "Prima uscita di gruppo col Vento. Un po' di paura, ma vengo. Andate piano, per favore!"),
                Q("lucia.romagnoli", 4, "Tranquilla Federica, nessuno resta indietro: a ogni bivio aspettiamo tutti. È un giro, non una gara."),
                R("jonas.becker", "Ich komme auch! Will be in Bologna for work that week, can I rent a bike somewhere nearby?"),
                R("elena.ardente", "@jonas.becker the factory has two Strada demo bikes for the weekend. Write to me and I'll book one for you."),
                R("roberto.galli", "Io porto il caffè per tutti al passo. Offro io."),
                R("mattia.cantu", "Ci sono. Se qualcuno viene da Firenze, partiamo insieme da piazzale Michelangelo alle 8:15."),
                R("lucia.romagnoli", "Siamo in 26 moto! Ho aggiornato la prenotazione a Marradi. Ci vediamo domenica."),
                R("federica.pozzi", "Grazie a tutti per la pazienza. Giornata bellissima, e il Vento è andato benissimo. Ho imparato più oggi che in un mese."),
                R("lucia.romagnoli", "Grazie a voi! 26 moto, 4 nazioni, zero cadute, e i tortelli migliori della Romagna. Si rifà in autunno."),
            ]),

        DemoDraft(
            board: "rides", author: "reto.brunner",
            title: "Alpine passes trip report: 6 days, 11 passes, 1 Strada", gap: 10,
            body: """
            Andermatt – Furka – Grimsel – Susten on day one, then south: Nufenen, San Bernardino, Splügen, Maloja, Bernina, Stelvio from Bormio, Gavia, and back via the Flüela.

            Total: 1,480 km, 63 litres of fuel (4.3 l/100 km with luggage), one puncture (a staple, plugged in 10 minutes), and weather from 4 °C in snowflakes on the Stelvio to 29 °C in Chiavenna.

            Highlights: the Gavia south side, single track, no barriers, the best road of the trip. The Splügen north ramp at 7 am with nobody else on it.

            Bike notes: the Strada is too big for the Gavia and perfect for everything else. Heated grips on level 3 on five of the six days.
            """,
            replies: [
                R("kurt.weiss", "Gavia on a Strada takes nerve. Respect."),
                R("emma.lindqvist", "Plugging a tubeless tyre at the side of the road: which kit do you carry?"),
                R("reto.brunner", "@emma.lindqvist a string plug kit and a small 12 V compressor that plugs into the Strada's accessory socket. The compressor is the important part."),
                R("m.bertolini", "Gavia south side is where we test our brakes in summer. Well chosen."),
            ]),

        DemoDraft(
            board: "rides", author: "rafa.moto",
            title: "Encontro Ardente Brasil: Serra do Rio do Rastro", gap: 7,
            body: """
            Convocando os ardentistas do Brasil! Saturday meetup at the top of the Serra do Rio do Rastro (SC-390), 10 am at the viewpoint. Then lunch in Bom Jardim da Serra.

            Whoever comes from São Paulo: we leave Friday morning from the Graal on the Régis Bittencourt.
            """,
            replies: [
                R("thiago.lima", "Estou dentro! Vou com o Furia."),
                R("ana.beatriz", "Eu também, de Florianópolis. 🇧🇷 Primeira viagem longa com o Vento."),
                R("martin.gz", "¿Puedo ir desde Buenos Aires? Son 1.600 km, pero vale la pena."),
                R("rafa.moto", "@martin.gz claro! 7 motos confirmadas, 3 países. The Serra in fog in the morning is something everyone must see once."),
            ]),

        DemoDraft(
            board: "rides", author: "mick.aus",
            title: "Tasmania loop on a hired Strada", gap: 9,
            body: "Hobart – Strahan – Cradle Mountain – Launceston – east coast – Hobart. 1,300 km in five days. The A10 west coast road might be the best road I've ridden anywhere. Wombats and wallabies after 4 pm, so ride early.",
            replies: [
                R("sipho.n", "Bucket list. How was the Strada on the bumpy bits?"),
                R("mick.aus", "@sipho.n semi-active suspension on Road soaked everything up. Only the Gordon River Road's patched bits upset it."),
            ]),

        DemoDraft(
            board: "rides", author: "yuki.t",
            title: "Touring Japan on a Vento: Hokkaido in a week", gap: 8,
            body: """
            Ferry from Oarai to Tomakomai (18 hours), then a week in Hokkaido: Furano, Biei, Shiretoko, Lake Mashu, Cape Soya.

            Camping every night at ¥500 rider campsites. The Vento carried a tent, a sleeping bag and a stove in a 40-litre tail bag without any trouble. 2,100 km, about 4 l/100 km.
            """,
            replies: [
                R("sato.ken", "北海道ツーリング、いいですね！ Cape Soya is my dream too. How cold at night?"),
                R("yuki.t", "@sato.ken about 9 °C at Shiretoko in August. Warm sleeping bag recommended 🏕"),
                R("sander.vd", "¥500 campsites! In the Netherlands that buys you half a coffee."),
            ]),

        DemoDraft(
            board: "rides", author: "claire.qc",
            title: "Gaspésie tour: who's in next summer?", gap: 12,
            body: "Planning a 7-day loop around the Gaspé Peninsula from Québec City next July. Route 132 along the coast the whole way. Looking for 3–5 riders, any bike. Accommodation in motels, around CA$120 a night.",
            replies: [
                R("kelsey.m", "Tempted to ship the bike up from Denver. Will know by spring."),
                R("dan.okafor", "I'm in if the dates work. Chicago to Québec is two long days, doable."),
            ]),

        DemoDraft(
            board: "rides", author: "javi.ruiz",
            title: "Picos de Europa in three days: route for the Ardente Spain meetup", gap: 10,
            body: """
            Route for the meetup in October, for anyone joining from France or Portugal:

            Day 1: Santander – Potes via the Desfiladero de la Hermida (watch for cows). 180 km.
            Day 2: Potes – San Glorio pass – Riaño – Puerto del Pontón – Cangas de Onís. 210 km.
            Day 3: Cangas – Lagos de Covadonga (open to bikes before 8:30 only) – Oviedo. 150 km.

            Hotels booked for twelve in Potes and Cangas.
            """,
            replies: [
                R("joao.ferreira", "Vou! From Porto it's only 450 km to Santander. Can I join on day 1 at Potes?"),
                R("javi.ruiz", "@joao.ferreira claro, the hotel in Potes has room for one more."),
                R("julien.mercier", "Coming from Toulouse with Chloé. Is the San Glorio surface okay for a Vento two-up?"),
                R("javi.ruiz", "@julien.mercier fully resurfaced last year, perfect for two-up."),
            ]),

        DemoDraft(
            board: "rides", author: "lena.gruber",
            title: "Slovenia: Vršič pass and the Soča valley, anyone this summer?", gap: 30,
            body: "Planning a long weekend from Graz: Vršič, the Soča valley, Mangart road if it's open. Looking for one or two riders at a relaxed pace.",
            replies: [
                R("ondrej.n", "If you go in June, the Mangart road opens late in the month. I'd join from Brno for two days."),
            ]),
    ]
}
