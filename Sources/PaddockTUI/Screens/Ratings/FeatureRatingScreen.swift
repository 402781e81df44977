import Foundation
import PaddockCore
import PaddockStore

/// A feature's page: its average and count, the last 30 days against the 30
/// before, a sparkline of weekly averages over 13 weeks, the latest reviews,
/// and the member's own rating as a small form: stars with ←→ or a digit, Tab
/// to the one-line review, Enter or ^S saves. Only owners rate: for anyone
/// else the page is read-only and says how to become one. A typed review is
/// kept as a draft (Esc leaves it for next time). The field shows the stored
/// review as SafeText draws it (control characters dropped, tabs as spaces);
/// an untouched review is never sent back, so it stays exactly as stored.
public struct FeatureRatingScreen: Equatable, AppScreen {
    public enum Focus: Equatable, Sendable { case stars, review }

    public var product: String
    public var feature: String
    public var ratings: FeatureRatings?
    /// 0 until chosen (or taken from the member's rating).
    public var stars = 0
    public var review = TextField(maxLength: Limits.reviewCharacters)
    public var focus = Focus.stars
    /// Whether the member changed the stars, or typed in the review, since their rating was loaded.
    public var edited: Bool { starsChosen || reviewEdited }
    public var starsChosen = false
    public var reviewEdited = false

    public init(product: String, feature: String) {
        self.product = product
        self.feature = feature
    }

    public var breadcrumb: String { "Ratings" }

    static func open(product: String, feature: String) -> [Command] {
        [.push(FeatureRatingScreen(product: product, feature: feature)), .loadFeatureRatings(product: product, feature: feature)]
    }

    static let digits: [Key] = (0...9).map { .character(Character(String($0))) }

    var draftKey: String { "rating:\(product)/\(feature)" }

    /// Only owners rate: until the page knows the member rides the product, the form is read-only.
    var mayRate: Bool { ratings?.viewerRides == true }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        guard mayRate else {
            let name = ratings?.productName ?? product
            return [KeyBinding("O", "on the suggestion list says you ride \(name); only owners rate", footer: true, keys: []) { _, _, _ in [] },
                    // Saving says why not, in one line, and changes nothing.
                    KeyBinding("Enter ^S", "save rating", keys: [.enter, .ctrl("s")], shown: false) { _, _, _ in
                        [.setStatus(.error("only owners rate: O on the suggestion list says you ride \(name)"))]
                    },
                    KeyBinding("q Esc", "back", footer: true, keys: [.character("q"), .escape]) { _, _, _ in [.pop] }]
        }
        var keys = [KeyBinding<Self>("Enter ^S", "save rating", footer: true, keys: [.enter, .ctrl("s")]) { screen, _, _ in screen.save() },
                    KeyBinding("Tab", focus == .stars ? "to review" : "to stars", footer: true, keys: [.tab, .backTab]) { screen, _, _ in
                        screen.focus = screen.focus == .stars ? .review : .stars
                        return []
                    }]
        if focus == .stars {
            keys.append(KeyBinding("←→ 1–5", "stars", footer: true, keys: [.left, .right] + Self.digits) { screen, key, _ in
                screen.choose(key)
            })
            // ← chooses stars here, so back is q or Esc.
            keys.append(KeyBinding("q Esc", "back", footer: true, keys: [.character("q"), .escape]) { _, _, _ in [.pop] })
        } else {
            keys.append(.typing("type", "review", footer: true))
            keys.append(KeyBinding("Esc", "back", footer: true, keys: [.escape]) { _, _, _ in [.pop] })
        }
        return keys + [.helpWhileTyping]
    }

    public var capturesText: Bool { focus == .review && mayRate }

    /// The review as typed; empty until the member types, so an untouched review is no draft.
    public var draft: DraftText? { DraftText(key: draftKey, body: reviewEdited ? review.text : "") }

    public mutating func restore(_ draft: DraftText) -> [Command]? {
        guard takes(draft), !draft.body.isEmpty else { return nil }
        review.setText(draft.body)
        reviewEdited = true
        return [.setStatus(.info("Your unsaved review is back; Enter saves it."))]
    }

    public mutating func type(_ key: Key, _ context: ScreenContext) -> [Command] {
        guard focus == .review, mayRate else { return [] }
        if review.handle(key, width: max(1, context.body.width - 4)) { reviewEdited = true }
        return review.refusal.map { [.setStatus(.error($0))] } ?? []
    }

    /// ←→ step the stars; a digit sets them, and one outside 1–5 is refused in Core's words, changing nothing.
    mutating func choose(_ key: Key) -> [Command] {
        switch key {
        case .left: stars = max(1, stars - 1)
        case .right: stars = min(Limits.stars.upperBound, max(1, stars + 1))
        case .character(let c):
            guard let n = c.wholeNumberValue else { return [] }
            do throws(CommunityError) {
                stars = try Validate.stars(n)
            } catch {
                return [.setStatus(.error(error.description))]
            }
        default: return []
        }
        starsChosen = true
        return []
    }

    func save() -> [Command] {
        guard stars > 0 else { return [.setStatus(.error("choose 1 to 5 stars first: ←→ or a digit"))] }
        // The review goes only when the member typed in it: an untouched one stays exactly as stored.
        return [.effect(RatingEffects.Rate(product: product, feature: feature, stars: stars, review: reviewEdited ? review.text : nil))]
    }

    public func reload(_ context: ScreenContext) -> [Command] { [.loadFeatureRatings(product: product, feature: feature)] }

    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        let loaded: FeatureRatings
        var after: [Command] = []
        switch answer {
        case let a as FeatureRatingsLoaded: loaded = a.ratings
        case let a as FeatureRated:
            guard a.ratings.product == product, a.ratings.feature == feature else { return [] }
            loaded = a.ratings
            if reviewEdited { after = [.deleteDraft(key: draftKey)] }
            starsChosen = false
            reviewEdited = false
        case let a as RatingRefused:
            // A refused save shows the stored rating again, not the unsaved one; a typed review stays as a draft.
            guard a.ratings.product == product, a.ratings.feature == feature else { return [] }
            loaded = a.ratings
            starsChosen = false
        default: return []
        }
        guard loaded.product == product, loaded.feature == feature else { return [] }
        ratings = loaded
        // The member's own rating fills the form, unless they are changing it.
        if !starsChosen { stars = loaded.mine?.stars ?? 0 }
        if !reviewEdited { review.setText(loaded.mine?.review ?? "") }
        if !loaded.viewerRides { focus = .stars }
        return after
    }

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let body = context.body
        let w = body.width
        guard let r = ratings else {
            canvas.put(" Loading…", x: 0, y: body.y, role: .muted)
            return
        }
        var y = body.y
        let bottom = body.y + body.height
        func line(_ text: String, x: Int = 1, role: StyleRole = .normal) {
            guard y < bottom else { return }
            // Cut with … so a narrow window shows the line was cut, not a word that ends early.
            canvas.put(TextWrap.truncate(text, width: max(0, w - x - 1)), x: x, y: y, role: role, maxWidth: max(0, w - x - 1))
            y += 1
        }
        line("\(r.productName) · \(r.featureName)", role: .title)
        let trend = r.trend
        line("★ \(r.total.averageText) · \(Plural.count(r.total.count, "rating"))"
             + " · \(RatingTrend.windowDays) days \(trend.recent.averageText) (\(trend.recent.count))"
             + " against \(trend.before.averageText) (\(trend.before.count)): \(trend.changeText)" + (trend.isFalling ? " falling" : ""),
             role: trend.isFalling ? .error : .normal)
        if y < bottom {
            let label = "Weekly, \(RatingTrend.weeks) weeks "
            let x = canvas.put(" " + label, x: 0, y: y, role: .muted, maxWidth: w)
            canvas.put(trend.sparkline(style: context.chartStyle), x: x, y: y, role: .accent, maxWidth: max(0, w - x - 1))
            y += 1
        }
        if body.height >= 12 { y += 1 }
        if y < bottom {
            let x = canvas.put(" Your rating ", x: 0, y: y, role: .muted, maxWidth: w)
            let shown = stars == 0 ? "☆☆☆☆☆" : FeatureRating.starsText(stars)
            let after = x + canvas.put(shown, x: x, y: y, role: focus == .stars ? .selection : .accent, maxWidth: max(0, w - x))
            if focus == .stars, r.viewerRides { canvas.put("  ←→ or 1–5", x: after, y: y, role: .muted, maxWidth: max(0, w - after - 1)) }
            y += 1
        }
        if y < bottom {
            let x = canvas.put(" Review ", x: 0, y: y, role: .muted, maxWidth: w)
            review.render(into: &canvas, x: x, y: y, width: max(1, w - x - 1), role: .normal,
                          cursorRole: focus == .review && r.viewerRides ? .selection : nil,
                          placeholder: r.viewerRides ? "one line, optional (Tab)" : "")
            y += 1
        }
        if !r.viewerRides {
            line("Only owners rate: O on the suggestion list says you ride \(r.productName).", role: .muted)
        }
        guard !r.reviews.isEmpty, y + 1 < bottom else { return }
        if body.height >= 12 { y += 1 }
        line("Latest reviews", role: .header)
        for review in r.reviews {
            guard y < bottom else { break }
            let x = 1 + canvas.put(" " + FeatureRating.starsText(review.stars) + " ", x: 1, y: y, role: .accent, maxWidth: max(0, w - 2))
            let after = x + canvas.put(TextWrap.truncate(review.handle, width: max(0, w - x - 3)) + "  ", x: x, y: y, role: .muted,
                                       maxWidth: max(0, w - x - 1))
            canvas.put(TextWrap.truncate(review.review, width: max(0, w - after - 1)), x: after, y: y, role: .normal, maxWidth: max(0, w - after - 1))
            y += 1
        }
    }
}
