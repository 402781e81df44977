import Foundation
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

/// A key works only where a screen names it: help and the footer are built from
/// the same bindings that act, so a key no binding names must do nothing.
@Suite struct KeyBindingTests {
    /// Every key a keyboard sends, but the app's own (^C quits, F1 opens help everywhere).
    static let keyboard: [Key] = {
        var keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace, .delete,
                           .tab, .backTab, .function(2), .function(5), .paste("pasted")]
        keys += (32..<127).map { Key.character(Character(UnicodeScalar($0)!)) }
        keys += "abdefghijklmnopqrstuvwxyz".map { Key.ctrl($0) }
        return keys
    }()

    @Test(arguments: journeys)
    func aKeyNoBindingNamesDoesNothing(_ journey: Journey) throws {
        let f = try EveryScreenFixture()
        let app = try f.app(as: f.actor(journey.who), width: 80, height: 24)
        try journey.go(app, f)
        var before = app.state
        guard !before.showingHelp, before.confirmation == nil, !before.screen.capturesText else { return }
        before.status = nil
        let bound = Set(before.screen.boundKeys(before.context()))
        #expect(!bound.isEmpty, "\(journey): no keys at all")
        for key in Self.keyboard where !bound.contains(key) {
            var after = before
            let commands = App.update(&after, .event(.key(key)))
            #expect(commands.isEmpty, "\(journey): \(key) is in no binding, yet asked for \(commands)")
            #expect(after == before, "\(journey): \(key) is in no binding, yet changed the screen")
        }
    }

    /// Each key acts once: two bindings of a screen never name the same key.
    @Test(arguments: journeys)
    func noKeyIsBoundTwice(_ journey: Journey) throws {
        let f = try EveryScreenFixture()
        let app = try f.app(as: f.base.manager, width: 80, height: 24)
        try journey.go(app, f)
        let keys = app.state.screen.boundKeys(app.state.context())
        #expect(keys.count == Set(keys).count, "\(journey): \(keys.filter { k in keys.filter { $0 == k }.count > 1 })")
    }
}

extension AppScreen {
    /// The keys its bindings name, in order, repeats kept.
    func boundKeys(_ context: ScreenContext) -> [Key] { bindings(context).flatMap(\.keys) }
}
