extension DemoPlan {
    static let recallComments: [DemoPoolEntry] = [
        P("Test done on mine with the stand down: engine died immediately. Booked anyway, I'd rather have the sealed switch before winter."),
        P("Had the letter from the dealer two days after this post. Done in 45 minutes while I had lunch across the road."),
        P("Worth knowing: the new switch has a grey connector, the old one black. Easy to check if you bought second hand."),
        PI("Fatto ieri a Verona. Quaranta minuti, nessun costo, e mi hanno anche controllato la tensione della catena. Bravi."),
        PI("Il mio concessionario dice che i pezzi arrivano tra tre settimane. Qualcun altro ha tempi così lunghi?"),
        P("Mine was built in January 2025 and it's on the list. Never had a problem, but the old switch was visibly corroded when they took it out."),
        P("Good to see the cable re-routing too. That spot behind the rear hugger gets caked in road salt every winter."),
        PA("julien.mercier", "Recall done in Lyon. The technician said about one in ten switches they remove show water inside."),
        PI("Anche il mio, MY2024. Nessun problema in 18.000 km, però meglio così."),
        PA("pete.wheeler", "For anyone in Ireland: the Dublin dealer is doing these on Saturdays too."),
    ]

    static let announcementComments: [DemoPoolEntry] = [
        P("This is what a manufacturer forum should look like. Real information, real names."),
        P("Saved the post. Thanks for writing it in plain language and not press-release speak."),
        PI("Grazie per la trasparenza. Da altre marche non si riceve nemmeno una mail."),
        PA("anke.m", "Any chance of these posts in German too? My father reads the forum with a translator."),
        PA("lena.gruber", "Forwarded to our club's group chat. Twelve Ardentes in Graz now, by the way."),
        P("Good news. Will the importers outside Europe follow, or is this EU only?"),
        PI("Bello leggere chi c'è dietro le moto. Continuate a scrivere."),
        P("More of this please: how the bikes are developed is the most interesting thing on the whole forum."),
        P("Question for the team: will there be a recording of the talk for those of us who couldn't come?"),
        PA("tom.harland", "👍 noted, and shared with the Ardente Owners Club UK."),
        PI("Perfetto. Ci vediamo in fabbrica, allora."),
        P("The honesty about what didn't work is what makes me trust the rest."),
        P("Printed and pinned in the workshop. Old habits."),
    ]

    static let surveyAnswers: [DemoPoolEntry] = [
        P("Strada: 1. Road. 2. No. 3. No. 4. Rain. 5. Road with cruise control that works in 3rd gear too."),
        P("Furia: 1. Sport. 2. Motard on track days only. 3. Wheelie control to 1. 4. Wet. 5. Motard with rear ABS on for the road, so I can slide it in gravel without the front going off."),
        P("Vento: 1. Road. 2. Never. 3. Didn't know it was possible. 4. Sport. 5. Honestly I'd just like the modes explained on the dash, not only icons."),
        PI("Furia: 1. Road, 2. Sport in montagna, 3. TC a 3, 4. Motard, 5. una modalità 'passeggero' con gas più dolce."),
        P("1. Sport. 2. Yes, Wet when the road is wet, obviously. 3. TC 2, WC 2. 4. None. 5. Let me save two custom modes, not one: one for track, one for touring with luggage."),
        P("Strada, two-up most of the time: a mode that pairs Road with full preload automatically would be perfect. Today I do it every time in the menu."),
        PI("Vento A2: uso solo Road. La modalità Sport sulla versione depotenziata non cambia quasi niente, perché tenerla?"),
        P("Furia: I'd like the mode change to work with the clutch pulled, not only with the throttle closed. At a red light I want to change from Wet to Road."),
        P("5. A commuting mode: soft throttle, engine brake high, no wheelie control nagging because I never go above 80 km/h anyway."),
        P("1. Road. 4. Motard, because the manual says it's for closed circuits and I took it at its word."),
    ]

    static let launchComments: [DemoPoolEntry] = [
        P("Bianco Collaudo with red wheels. Take my money."),
        P("So the quickshifter is finally standard. That was the first accessory everyone bought anyway."),
        P("The seat change is the one that matters for me. I'd stop after 150 km on the old one."),
        PI("Aggiornamento della mappa gratis per chi ha già la moto: questo si chiama rispetto per il cliente."),
        P("Peak figures unchanged is fine by me. Nobody needs more than 114 hp on a supermotard, what it needed was manners below 15% throttle."),
        P("Booked a test ride at my dealer. Will report back on the new map versus my MY2024."),
        P("Is the rev counter bar optional or does it replace the round dial? I actually like the old dial.",
          answer: ("paolo.prodotto", "Both are there: a setting in the display menu, the round dial stays the default.")),
        PI("Rispetto al 2025 il prezzo sale di 300 euro, ma col quickshifter di serie in pratica costa meno. Bene."),
        P("Rode the MY2026 at the dealer event yesterday. The throttle is transformed at low revs, no more jerk on and off in hairpins. Same bike otherwise, which is exactly right."),
        P("Does the new traction control change the Motard mode too, or only Sport and Road?",
          answer: ("m.bertolini", "All modes use the new slip strategy. In Motard the rear ABS is still off and the slide control works as before, just smoother at the limit.")),
        P("Nero Opaco is going to show every fingerprint, I know, and I'm still going to buy it."),
        P("Any changes to the service intervals? 12,000 km oil and 24,000 valves on the current bike.",
          answer: ("chiara.assistenza", "Unchanged: oil and filter every 12,000 km or yearly, valve clearances every 24,000 km.")),
        PI("Ho ordinato il mio oggi, consegna a fine mese. Il concessionario di Rimini dice che le prime cento sono già tutte vendute."),
        P("Seat height still 890 mm though. Would've loved an 870 mm standard seat with the new foam."),
        PA("joao.ferreira", "My dealer in Porto says the map update for older bikes takes 20 minutes. Booking as soon as it's out."),
        P("Traction control at 3% slip target, that's race-bike territory. Impressed."),
        P("The larger TFT font is such a small change and it's the one I'm happiest about. Reading the dash with sunglasses was a lottery."),
        P("Will the tft firmware come to the MY2024 too, or is the larger font hardware-specific?",
          answer: ("paolo.prodotto", "The font and the bar rev counter are software: they come with the free update for MY2024–2025 too.")),
    ]
}
