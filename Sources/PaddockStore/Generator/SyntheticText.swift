import PaddockCore
import Foundation

/// Text for the synthetic community: a riders' forum in several languages,
/// with accents, CJK, emoji and the occasional quote and long post. Built from
/// fixed pools with a seeded generator, so a seed gives the same words.
enum SyntheticText {
    static let sentences: [String] = [
        "The seat foam went flat after 10,000 km; the comfort seat fixed it.",
        "Chain slack is 30–35 mm on the side stand, measured halfway along.",
        "Così non va: the quickshifter misses the change from second to third.",
        "Ho cambiato le pastiglie ieri, la frenata è tutta un'altra cosa.",
        "Die Kupplung rutscht bei 6000/min, hat jemand das gleiche Problem?",
        "J'ai fait 400 km dans les Alpes ce week-end, la moto était parfaite. Quelle journée !",
        "El escape de serie suena bien, pero el opcional pesa 3 kg menos.",
        "Tyre pressures for the track: 2.1 bar front, 1.9 rear, cold.",
        "New TFT firmware 2.4 finally shows the gear indicator in rain mode 🌧️.",
        "Anyone riding to the Stelvio next month? 🏔️ We leave Bormio at 7:00.",
        "日本からこんにちは！大阪で毎週末乗っています 🏍",
        "タンクの容量がもう少し大きければ最高です。",
        "新的座椅真的舒服多了，长途也不累。",
        "这个排气管的声音太棒了 🔥",
        "서울에서 부산까지 하루에 달렸어요. 연비가 생각보다 좋네요.",
        "Ölwechsel nach 1.000 km: Müsste man das wirklich so früh machen?",
        "Riding modes: Sport is too twitchy below 4000 rpm, Road is just right 👍",
        "Mi piacerebbe una modalità per il fuoristrada leggero, tipo sterrati 🌲.",
        "Mon garagiste dit que c'est normal, mais ça vibre à 110 km/h.",
        "Half a turn on the rear preload made a world of difference two-up.",
        "Café stop in Gruyères, then back over the Jaunpass. Magnifique ☕",
        "Å kjøre over Trollstigen i regn var en opplevelse 😅",
        "Zażółć gęślą jaźń — sorry, testing my new keyboard on the forum.",
        "The heated grips draw 45 W on high; the stator has plenty to spare.",
        "¿Alguien sabe si el soporte de maletas sirve para el modelo 2024?",
        "Lubed the chain after the rain ride; the o-rings look fine.",
        "Thanks everyone — the dealer replaced the sensor under warranty 🙏",
        "I'd pay extra for a lower seat option: I'm 1.68 m and tiptoe at lights.",
        "Fuel range on the motorway at 130 km/h is about 260 km.",
        "Ναι, το έχω δοκιμάσει στην Κρήτη, πολύ καλό στις στροφές.",
        "Первые 1000 км обкатки прошли без проблем 👌",
        "Photos from the rally: 42 bikes, one flat tyre, zero crashes 🎉",
    ]

    static let titleSubjects = [
        "Seat foam", "Chain slack", "Quickshifter", "TFT firmware", "Riding modes", "Exhaust note",
        "Heated grips", "Fuel range", "Tyre pressures", "Rear preload", "Brake pads", "Side stand",
        "Luggage rack", "Clutch feel", "Headlight aim", "Cruise control", "Ölwechsel", "Frizione",
        "Pneumatici", "Sélecteur", "シート", "排气管", "Windscreen", "Mirrors", "Battery",
    ]

    static let titleTails = [
        "after 10k km", "— any tips?", "on the 2026 model", "in the rain", "two-up", "on track days",
        "finally fixed", "is it normal?", "vs the old one", "für Anfänger", "per il viaggio", "pour l'hiver",
        "🏍", "(long-term report)", "question", "comparison", "に関して", "怎么调？",
    ]

    static let boards: [(slug: String, title: String, description: String)] = [
        ("announcements", "Announcements", "News from the factory: the blog"),
        ("furia", "Furia 950", "The supermotard"),
        ("vento", "Vento 1200", "The sport tourer"),
        ("strada", "Strada 800", "The naked roadster"),
        ("garage", "Garage", "Spanners, grease and service intervals"),
        ("rides", "Rides & meets", "Where we ride next"),
        ("touring", "Touring", "Long distance, luggage, borders"),
        ("track", "Track days", "Lap times and tyre warmers"),
        ("gear", "Gear", "Helmets, jackets, boots"),
        ("electrics", "Electrics", "Batteries, lights, accessories"),
        ("bar", "The bar", "Off topic, mostly"),
        ("welcome", "Welcome", "Say hello: where you ride, what you ride"),
        ("marketplace", "Marketplace", "Parts and bikes for sale"),
        ("international", "International", "Italiano, Deutsch, Français, 日本語, 中文…"),
    ]

    static let names: [(handle: String, name: String)] = [
        ("giulia", "Giulia Bianchi"), ("marco", "Marco Rossi"), ("jose", "José Núñez"), ("zoe", "Zoë Müller"),
        ("francois", "François Lefèvre"), ("soren", "Søren Ødegård"), ("lukasz", "Łukasz Wójcik"),
        ("taro", "山田 太郎"), ("hanako", "佐藤 花子"), ("minjun", "김민준"), ("ana", "Ana Conceição"),
        ("bjorn", "Björn Åström"), ("renee", "Renée Dubois"), ("ilker", "İlker Çelik"), ("chloe", "Chloé Mercier"),
        ("wei", "王伟"), ("nikos", "Νίκος Παπαδόπουλος"), ("olga", "Ольга Смирнова"), ("matteo", "Matteo 🏍 Conti"),
        ("sven", "Sven Jäger"),
    ]

    /// A post body: mostly a sentence or two, sometimes a few paragraphs, rarely a long report.
    static func body(_ random: inout SyntheticRandom, position: Int) -> String {
        let u = random.unit()
        let count: Int
        if u < 0.55 { count = 1 + random.int(1) }
        else if u < 0.88 { count = 3 + random.int(3) }
        else if u < 0.99 { count = 6 + random.int(7) }
        else { count = 20 + random.int(21) }
        var text = ""
        text.reserveCapacity(count * 70)
        if position > 0, random.unit() < 0.06 {
            text += "> " + sentences[random.int(sentences.count)] + "\n\n"
        }
        for i in 0..<count {
            if i > 0 { text += (i % 4 == 0) ? "\n\n" : " " }
            text += sentences[random.int(sentences.count)]
        }
        return text
    }

    static func title(_ random: inout SyntheticRandom) -> String {
        titleSubjects[random.int(titleSubjects.count)] + " " + titleTails[random.int(titleTails.count)]
    }
}

/// SplitMix64 with a seed: the same community for the same seed.
struct SyntheticRandom {
    private var source: SplitMix64

    init(seed: UInt64) { source = SplitMix64(seed: seed &+ 0x5EED) }

    mutating func next() -> UInt64 {
        source.next()
    }

    /// In [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// In 0..<n.
    mutating func int(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
}

/// Picks indexes with Zipf-like weights (rank^-s): a few very busy, a long quiet tail.
struct ZipfSampler {
    private let cumulative: [Double]

    init(count: Int, exponent s: Double) {
        var sum = 0.0
        var c: [Double] = []
        c.reserveCapacity(count)
        for rank in 1...max(1, count) {
            sum += 1 / pow(Double(rank), s)
            c.append(sum)
        }
        cumulative = c.map { $0 / sum }
    }

    func sample(_ random: inout SyntheticRandom) -> Int {
        let u = random.unit()
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] < u { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// Dates as GRDB stores them ("yyyy-MM-dd HH:mm:ss.SSS", UTC), from milliseconds
/// since 1970, without a formatter: the generator writes millions of them.
enum SQLDate {
    /// `UTCTime.storageText`, written straight into bytes: the generator formats millions.
    static func string(milliseconds ms: Int64) -> String {
        let t = UTCTime(millisecondsSince1970: ms)
        var bytes = [UInt8](repeating: 0, count: 23)
        func put(_ value: Int, _ at: Int, _ digits: Int) {
            var v = value
            for i in stride(from: at + digits - 1, through: at, by: -1) {
                bytes[i] = UInt8(48 + v % 10)
                v /= 10
            }
        }
        put(t.year, 0, 4); bytes[4] = 45
        put(t.month, 5, 2); bytes[7] = 45
        put(t.day, 8, 2); bytes[10] = 32
        put(t.hour, 11, 2); bytes[13] = 58
        put(t.minute, 14, 2); bytes[16] = 58
        put(t.second, 17, 2); bytes[19] = 46
        put(t.millisecond, 20, 3)
        return String(decoding: bytes, as: UTF8.self)
    }
}
