import Foundation
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

/// A small community in memory with a fixed clock, and the app running on it headless.
struct TUIFixture {
    let clock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000))  // 2026-05-28 20:26 UTC
    let community: Community
    let admin: Actor
    let reader: Actor
    let manager: Actor

    init() throws {
        let clock = self.clock
        community = Community(database: try AppDatabase.inMemory(), clock: { clock.now })
        admin = try community.actor(handle: try community.bootstrapAdmin(handle: "ada").handle)
        manager = try community.actor(handle: try community.addMember(by: admin, handle: "elena", role: .manager).handle)
        reader = try community.actor(handle: try community.addMember(by: admin, handle: "marco").handle)
        let giulia = try community.actor(handle: try community.addMember(by: admin, handle: "giulia").handle)
        try community.addBoard(by: admin, slug: "announcements", title: "Announcements", description: "News from Ardente", threadKind: .announcement)
        try community.addBoard(by: admin, slug: "furia", title: "Furia 950", description: "The supermotard")
        try community.addBoard(by: admin, slug: "garage", title: "Garage", description: "Spanners and grease")
        clock.advance(by: -86400 * 3)
        let launch = try community.startThread(by: manager, board: "announcements", title: "Furia 950 MY2026 is here",
                                               body: "More torque, a new TFT, and the seat you asked for.")
        _ = launch
        clock.advance(by: 3600)
        let seat = try community.startThread(by: giulia, board: "furia", title: "Seat foam after 10k km",
                                             body: "Mine went flat. Così non va.")
        clock.advance(by: 3600)
        try community.reply(by: admin, thread: seat.id, body: "Try the comfort seat: 20 mm more foam.")
        clock.advance(by: 3600)
        try community.startThread(by: giulia, board: "furia", title: "日本からこんにちは 🏍", body: "Greetings from Osaka!")
        clock.advance(by: 86400 * 3 - 3 * 3600)
    }

    func app(width: Int = 80, height: Int = 24) -> PaddockApp {
        let clock = self.clock
        return PaddockApp(community: community, member: reader, width: width, height: height, clock: { clock.now })
    }
}

extension PaddockApp {
    /// Presses keys in order, as a person would.
    @discardableResult
    func press(_ keys: Key...) -> [TerminalRequest] {
        keys.flatMap { handle(.key($0)) }
    }

    func type(_ text: String) {
        for c in text { _ = handle(.key(c == "\n" ? .enter : .character(c))) }
    }

    /// The window resized, as the terminal reports it, then drawn.
    func resizeAndRender(width: Int, height: Int) -> Canvas {
        if width != state.width || height != state.height { _ = handle(.resized(width: width, height: height)) }
        return render(width: width, height: height)
    }

    func screen(width: Int? = nil, height: Int? = nil) -> String {
        resizeAndRender(width: width ?? state.width, height: height ?? state.height).text
    }
}
