extension DemoPlan {
    static let ideasThreads: [DemoDraft] = [
        DemoDraft(
            board: "ideas-lab", author: "sato.ken",
            title: "Bigger font on the Furia TFT (and a bar rev counter)", day: 52, gap: 14,
            body: """
            Hello. I am 58 years old and I wear glasses for reading. On the Furia TFT, the speed is big and clear, but the gear indicator, the fuel and the clock are very small. With sunglasses I cannot read them at all.

            Idea: one option in the menu for "large text", and a rev counter as a simple bar on the top, like on race bikes. Then more space for the numbers.

            大きい文字のオプションがあれば、年配のライダーはとても助かります。
            """,
            replies: [
                R("roberto.galli", "Sottoscrivo tutto. Ho 61 anni e l'indicatore del carburante lo leggo solo da fermo."),
                R("pete.wheeler", "Not just an age thing: the clock is unreadable in direct sunlight at any age."),
                R("paolo.prodotto", "Thank you, Ken. I've shared this with the dash team with your mock-up description. A 'large' layout is technically possible on the current hardware; I'll come back here when we know more."),
                R("yuki.t", "+1 from Osaka. Also: the gear indicator is the most important number after speed. Make it as big as the speed."),
                R("sato.ken", "ありがとうございます, Paolo-san. I will wait patiently 🙏"),
            ]),

        DemoDraft(
            board: "ideas-lab", author: "reto.brunner",
            title: "Strada: engine-brake setting independent of the riding mode", day: 221, gap: 12,
            body: """
            Today engine braking is tied to the mode: Sport has the least, Rain the most. In the Alps I want Road's throttle with Sport's low engine braking on the long descents, because the Strada pushes the rear hard into the hairpins when you close the throttle in 2nd.

            Proposal: engine brake as its own setting, three levels, like traction control.
            """,
            replies: [
                R("kurt.weiss", "Yes. And remember it across key cycles."),
                R("m.bertolini", "Reto, this comes up in our own testing too. On the Grimsel descent with luggage I'd make the same choice. It's on the list for the next electronics generation."),
                R("emma.lindqvist", "Would this be in the riding-modes survey? Worth adding there so it's counted."),
            ]),

        DemoDraft(
            board: "ideas-lab", author: "minjun.park",
            title: "A 125 cc Vento for learners", day: 165, gap: 11,
            body: """
            As Paolo suggested in the A2 announcement, here are my reasons for a Vento 125:

            1. In Korea, Japan and most of Europe, young riders start on 125 cc. They stay loyal to the first brand they ride.
            2. The Vento design would look great small: same tank, same headlight, single cylinder.
            3. Today there is no Italian premium 125 except very expensive ones.

            I would buy one for my younger brother tomorrow.
            """,
            replies: [
                R("giosue.b", "Ardente che fa un 125 sarebbe un sogno per i sedicenni. Io ho iniziato con un Aprilia RS 125 e ho ancora il poster."),
                R("sander.vd", "Price would be the challenge. A 125 sells for €4,500 at most, and an Italian one made in Bologna can't be that cheap."),
                R("paolo.prodotto", "These are good reasons, and Sander's is the reason it hasn't happened yet. We'd need a partner to build the engine. I can't say more, but I'm saving this thread."),
                R("minjun.park", "Thank you Paolo. Saving it is more than I expected 😀"),
            ]),

        DemoDraft(
            board: "ideas-lab", author: "anke.m",
            title: "Luggage rack that doesn't need the passenger grab rail removed", gap: 9,
            body: "On the Strada, fitting the top-case plate means removing the grab rail, and my husband has nothing to hold on to. Other brands integrate the rack into the grab rail. Could Ardente do the same?",
            replies: [
                R("emre.yilmaz", "My wife would sign this petition twice. She holds onto my jacket for 4,000 km."),
                R("chiara.assistenza", "An integrated rail is in the accessory catalogue for MY2025 onwards (part 96781-1200R). It fits MY2024 bikes too with a different bracket; I'll check the part number and add it here."),
                R("chiara.assistenza", "Confirmed: bracket 96781-1200B makes the integrated rail fit MY2024 bikes. About €85 for the bracket."),
                R("anke.m", "Wunderbar. Ordered both."),
            ]),

        DemoDraft(
            board: "ideas-lab", author: "luca.gentile",
            title: "Profili di guida configurabili dall'app", day: 232, gap: 10,
            body: """
            Oggi per cambiare traction control, anti-impennata e mappa bisogna essere fermi e navigare nei menu con i tasti. Perché non fare tutto dall'app Ardente Link, a casa, con calma, e poi caricare il profilo sulla moto quando si accende?

            Due o tre profili salvati ("Montagna", "Pista", "Pioggia con passeggero"), e si cambia con un tasto.
            """,
            replies: [
                R("giosue.b", "Esattamente quello che ho scritto nel sondaggio. Ci sono almeno in due!"),
                R("dan.okafor", "Yes please. Setting up a track profile in the pit lane on a 5-inch screen with gloves on is nobody's idea of fun."),
                R("paolo.prodotto", "Molto chiaro, grazie Luca. It fits with what the survey is telling us. I can't promise a date, but it's one of the three most-requested things this year."),
            ]),

        DemoDraft(
            board: "ideas-lab", author: "marta.k",
            title: "Vento: a proper passenger seat and pegs that don't cook your calves", gap: 8,
            body: "My boyfriend rides pillion sometimes. The Vento's rear seat is a shelf, and the passenger pegs are so close to the silencer that his boots got marks. Could the next Vento have a real passenger position, even as an accessory?",
            replies: [
                R("chloe.r", "A comfort pillion pad (the one with the little backrest) would already help a lot."),
                R("paolo.prodotto", "The Vento was designed as a solo bike first, and you are right that the passenger is an afterthought. A comfort pillion pad is coming to the catalogue. The pegs we'll look at for the next model."),
            ]),

        DemoDraft(
            board: "ideas-lab", author: "ingrid.h",
            title: "Heated seat for the Furia (yes, really)", gap: 10,
            body: "Hear me out: people in Scandinavia ride supermotos too, and our riding season would be two months longer with a heated seat. The Strada has one. Could there be a heated version of the Furia's new seat?",
            replies: [
                R("ste.motard", "Heated seat on a motard 😂 I love it. Why not."),
                R("kurt.weiss", "The alternator might be the limit. The Furia has about 100 W spare with the grips on."),
                R("m.bertolini", "Kurt is close: about 110 W spare. A seat heater uses 40–50 W, so it's possible, but not with heated grips and heated gloves at the same time. Interesting idea."),
            ]),

        DemoDraft(
            board: "ideas-lab", author: "julien.mercier",
            title: "Service history in the app", gap: 9,
            body: "When I bought my used Vento, the service book was half empty and I had to call two dealers. If every service were logged by the dealer in Ardente Link, the history would follow the bike. Useful for resale too.",
            replies: [
                R("chiara.assistenza", "Dealers already log every service in our system by VIN. What's missing is showing it to you in the app. I agree it should; I'll push for it."),
                R("thiago.lima", "Also for recalls: show in the app if a recall is open on my bike."),
                R("niccolo.fabbri", "Con lo storico nel telefono, la moto usata si vende meglio. Perché no?"),
            ]),

        DemoDraft(
            board: "ideas-lab", author: "nikos.p",
            title: "Strada with a 21-litre fuel tank is great, a 19-inch front wheel would be better", gap: 12,
            body: "Greek mountain roads are half gravel. The Strada is too road-focused with its 17-inch front. A Strada 'Terra' with 19-inch front, spoked wheels and a bit more travel would sell well in southern Europe.",
            replies: [
                R("emre.yilmaz", "Turkey too. Half of our best roads are unpaved."),
                R("kurt.weiss", "So, an adventure bike. That's a whole new model, not a variant."),
                R("nikos.p", "Maybe, but built on the Strada's engine and electronics. Ardente has the pieces."),
                R("paolo.prodotto", "Noted, and you're not the first. (By the way, the tank is 22 litres.)"),
            ]),

        DemoDraft(
            board: "ideas-lab", author: "fra.dellacqua",
            title: "Luci di curva anche sul Vento", gap: 9,
            body: """
            Il Furia SP ha le luci di curva, il Vento no. Capisco il prezzo, ma il Vento è la moto di chi va al lavoro tutto l'anno, anche di notte e d'inverno, e per chi torna a casa sulle strade di collina sarebbero utilissime.

            Anche solo come accessorio: due LED laterali che si accendono con l'inclinazione.
            """,
            replies: [
                R("giorgia.piras", "D'accordo. In Sardegna le strade di notte non sono illuminate per niente."),
                R("paolo.prodotto", "The Vento doesn't have the IMU the cornering lights need: lean angle comes from it. As an accessory it's not possible on this generation, but it's a good argument for the next one."),
                R("fra.dellacqua", "Grazie della spiegazione, Paolo. Allora lo chiedo per il prossimo Vento!"),
            ]),

        DemoDraft(
            board: "ideas-lab", author: "lena.gruber",
            title: "USB-C socket next to the Vento dash", gap: 20,
            body: "The Vento has a USB-A socket under the seat, where the phone can't reach the handlebar mount. A USB-C socket next to the dash, like the Strada's, would make the phone mount actually useful.",
            replies: [
                R("chloe.r", "Yes. A cable from under the seat to the bars, through the tank area, is not a job for most of us."),
            ]),
    ]
}
