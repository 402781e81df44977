import Foundation
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

/// A feature's ratings page with its form, `O` and `*` on the suggestion list,
/// and For you from home, drawn as a person sees them.
@Suite struct RatingScreenTests {
    /// The suggestion fixture; marco (the reader) rides the Furia and giulia rated its seat.
    private func fixture() throws -> SuggestionFixture {
        let f = try SuggestionFixture()
        try f.community.setRides(by: f.giulia, product: "furia", rides: true)
        f.base.clock.advance(by: -40 * 86_400)
        try f.community.rate(by: f.giulia, product: "furia", feature: "seat", stars: 5, review: "Perfect height")
        f.base.clock.advance(by: 40 * 86_400)
        return f
    }

    /// Suggestions › seat › `*`.
    private func openSeatRatings(_ app: PaddockApp) {
        app.press(.character("S"), .character("F"), .character("*"))
    }

    @Test func theFeaturePageShowsAverageTrendAndReviewsAtBothSizes() throws {
        let f = try fixture()
        for (width, height) in [(80, 24), (40, 12)] {
            let app = f.app(width: width, height: height)
            openSeatRatings(app)
            let text = app.screen()
            #expect(text.contains("Furia 950 · Seat"), "\(width)×\(height):\n\(text)")
            #expect(text.contains("★ 5.0 · 1 rating"), "\(width)×\(height):\n\(text)")
            #expect(text.contains("Your rating ☆☆☆☆☆"), "\(width)×\(height):\n\(text)")
            #expect(text.contains("Weekly, 13 weeks"), "\(width)×\(height):\n\(text)")
            if height >= 24 { #expect(text.contains("giulia  Perfect height"), "\(text)") }
            expectDrawn(app.render(width: width, height: height), width: width, height: height, shows: [], "\(width)×\(height)")
        }
    }

    @Test func anOwnerRatesWithDigitsAndArrowsAndEditsTheRating() throws {
        let f = try fixture()
        try f.community.setRides(by: f.base.reader, product: "furia", rides: true)
        let app = f.app()
        openSeatRatings(app)
        app.press(.character("7"))
        #expect(app.screen().contains("a rating is 1 to 5 stars; 7 is not one"))
        app.press(.character("2"), .right, .right, .tab)
        app.type("Firm but fine")
        app.press(.enter)
        let text = app.screen()
        #expect(text.contains("Rated Seat ★★★★☆"), "\(text)")
        #expect(text.contains("★ 4.5 · 2 ratings"), "\(text)")
        let mine = try f.community.featureRatings(product: "furia", feature: "seat", viewer: f.base.reader).mine
        #expect(mine?.stars == 4 && mine?.review == "Firm but fine")
        // Back to the page later: the form holds the rating, and a change replaces it.
        app.press(.escape)
        app.press(.character("*"), .left, .enter)
        #expect(try f.community.featureRatings(product: "furia", feature: "seat", viewer: f.base.reader).total == RatingTally(stars: 8, count: 2))
    }

    @Test func aNonOwnerIsToldInOneLineAndNothingIsWritten() throws {
        let f = try fixture()
        let app = f.app()
        openSeatRatings(app)
        #expect(app.screen().contains("Only owners rate: O on the suggestion list says you ride Furia 950."))
        app.press(.character("3"), .enter)
        #expect(app.screen().contains("only owners rate: O on the suggestion list says you ride Furia 950"))
        #expect(app.screen().contains("Your rating ☆☆☆☆☆"), "the stars are read-only")
        #expect(try f.community.productRatings(product: "furia").first { $0.feature == "seat" }?.total.count == 1)
        // O on the list says they ride it; then the rating goes through.
        app.press(.escape, .character("O"))
        #expect(app.screen().contains("You ride Furia 950"))
        #expect(try f.community.products(riddenBy: "marco").map(\.slug) == ["furia"])
        app.press(.character("*"), .character("3"), .enter)
        #expect(app.screen().contains("Rated Seat ★★★☆☆"))
        app.press(.escape, .character("O"))
        #expect(app.screen().contains("You no longer ride Furia 950."))
    }

    @Test func savingNewStarsKeepsAnUntouchedReviewExactlyAsStored() throws {
        let f = try fixture()
        try f.community.setRides(by: f.base.reader, product: "furia", rides: true)
        let hostile = "esc \u{1B}[2J red tab\there"
        try f.community.rate(by: f.base.reader, product: "furia", feature: "seat", stars: 3, review: hostile)
        let app = f.app()
        openSeatRatings(app)
        #expect(!app.screen().contains("\u{1B}"), "the field draws the review sanitised")
        app.press(.character("4"), .enter)
        let mine = try f.community.featureRatings(product: "furia", feature: "seat", viewer: f.base.reader).mine
        #expect(mine?.stars == 4)
        #expect(mine?.review == hostile, "the review was not touched, so it is not rewritten")
    }

    @Test func aNonRiderSeesTheStoredRatingReadOnlyAndARefusedSaveShowsItAgain() throws {
        let f = try fixture()
        try f.community.setRides(by: f.base.reader, product: "furia", rides: true)
        try f.community.rate(by: f.base.reader, product: "furia", feature: "seat", stars: 5, review: "Great")
        try f.community.setRides(by: f.base.reader, product: "furia", rides: false)
        let app = f.app()
        openSeatRatings(app)
        #expect(app.screen().contains("Your rating ★★★★★"))
        #expect(!app.screen().contains("save rating"), "no save in the footer")
        app.press(.character("1"), .tab)
        app.type("x")
        app.press(.enter)
        #expect(app.screen().contains("Your rating ★★★★★"))
        #expect(app.screen().contains("only owners rate: O on the suggestion list says you ride Furia 950"))
        // A rider whose save is refused (they stopped riding meanwhile) sees the stored rating again.
        try f.community.setRides(by: f.base.reader, product: "furia", rides: true)
        app.press(.escape, .character("*"))
        app.press(.character("2"))
        #expect(app.screen().contains("Your rating ★★☆☆☆"))
        try f.community.setRides(by: f.base.reader, product: "furia", rides: false)
        app.press(.enter)
        let text = app.screen()
        #expect(text.contains("only owners rate a product's features"), "\(text)")
        #expect(text.contains("Your rating ★★★★★"), "\(text)")
        #expect(try f.community.featureRatings(product: "furia", feature: "seat", viewer: f.base.reader).mine?.stars == 5)
    }

    @Test func aTypedReviewIsKeptAsADraftOnEscAndOfferedBack() throws {
        let f = try fixture()
        try f.community.setRides(by: f.base.reader, product: "furia", rides: true)
        let app = f.app()
        openSeatRatings(app)
        app.press(.character("4"), .tab)
        app.type("Half a thought")
        app.press(.escape)
        #expect(app.state.screen is SuggestionListScreen)
        app.press(.character("*"))
        #expect(app.screen().contains("Half a thought"), "\(app.screen())")
        app.press(.character("4"), .enter)
        #expect(try f.community.featureRatings(product: "furia", feature: "seat", viewer: f.base.reader).mine?.review == "Half a thought")
        // Saved: the draft is gone, so the next visit shows the stored review, not a draft.
        app.press(.escape, .character("*"))
        #expect(app.screen().contains("Half a thought"))
        #expect(!app.screen().contains("unsaved review is back"))
    }

    @Test func longLinesAreCutWithAnEllipsisAtEverySize() throws {
        let f = try fixture()
        try f.community.setRides(by: f.base.reader, product: "furia", rides: true)
        try f.community.rate(by: f.base.reader, product: "furia", feature: "seat", stars: 4,
                             review: String(repeating: "long review words ", count: 10).trimmingCharacters(in: .whitespaces))
        try f.community.support(by: f.base.reader, suggestion: f.seat.id)
        _ = try f.community.suggest(by: f.giulia, product: "furia", features: ["seat"],
                                    title: "Seat heating for winter with three levels and a timer", body: "b")
        for (width, height) in [(40, 12), (100, 30)] {
            let app = f.app(width: width, height: height)
            openSeatRatings(app)
            var text = app.screen()
            let trend = try #require(text.split(separator: "\n").first { $0.contains("★ 4.5") }, "\(text)")
            #expect(trend.contains("against") || trend.hasSuffix("…") || trend.trimmingCharacters(in: .whitespaces).hasSuffix("…"),
                    "the trend line ends in … when cut: \(trend)")
            if height >= 24 {
                let review = try #require(text.split(separator: "\n").first { $0.contains("marco") && $0.contains("long review") }, "\(text)")
                #expect(review.trimmingCharacters(in: .whitespaces).hasSuffix("…"), "\(review)")
            }
            app.press(.escape, .escape, .escape, .character("y"))
            text = app.screen()
            let title = try #require(text.split(separator: "\n").first { $0.contains("Seat heating") }, "\(text)")
            if width == 40 { #expect(title.trimmingCharacters(in: .whitespaces).hasSuffix("…"), "\(title)") }
            let reason = try #require(text.split(separator: "\n").first { $0.contains("because you") }, "\(text)")
            if width == 40 { #expect(reason.trimmingCharacters(in: .whitespaces).hasSuffix("…"), "\(reason)") }
        }
    }

    @Test func starWithoutAFeatureSaysToChooseOne() throws {
        let f = try fixture()
        let app = f.app()
        app.press(.character("S"), .character("*"))
        #expect(app.state.screen is SuggestionListScreen)
        #expect(app.screen().contains("Choose a feature with F first"))
    }

    @Test func forYouListsEntriesWithReasonsAndEnterOpensTheThread() throws {
        let f = try fixture()
        // marco supported the seat suggestion; another seat suggestion is for him.
        try f.community.support(by: f.base.reader, suggestion: f.seat.id)
        let other = try f.community.suggest(by: f.giulia, product: "furia", features: ["seat"], title: "Seat heating for winter",
                                            body: "Three levels.")
        for (width, height) in [(80, 24), (40, 12)] {
            let app = f.app(width: width, height: height)
            app.press(.character("y"))
            let text = app.screen()
            #expect(text.contains("Seat heating"), "\(width)×\(height):\n\(text)")
            #expect(text.contains("because you supported"), "\(width)×\(height):\n\(text)")
            expectDrawn(app.render(width: width, height: height), width: width, height: height, shows: [], "\(width)×\(height)")
        }
        let app = f.app()
        app.press(.character("y"))
        #expect(app.screen().contains("because you supported A lower seat option"))
        #expect(app.screen().contains(" · 1 supporter"), "the supporters are said as such, not a bare number")
        let items = try #require((app.state.screen as? ForYouScreen)?.items)
        #expect(Set(items.map(\.suggestion.id)) == [other.id, f.grips.id], "the seat and TFT suggestions marco does not support")
        app.press(.down, .enter)
        #expect((app.state.screen as? ThreadScreen)?.summary.id == items[1].suggestion.id)
    }

    @Test func forYouSaysWhatToDoWhenEmpty() throws {
        let f = try fixture()
        let app = f.app()
        app.press(.character("y"))
        #expect(app.screen().contains("Nothing yet: support, reply to or rate something"))
    }
}
