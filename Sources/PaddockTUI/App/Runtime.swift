import Foundation
import PaddockCore
import PaddockStore

/// Runs the app against a community: feeds terminal events to `update`,
/// performs the effects it asks for through the Community service, and feeds
/// the answers back. The terminal owns the loop; this owns the state.
public final class PaddockApp: TerminalProgram, EffectEnvironment {
    public private(set) var state: AppState
    public let community: Community
    let clock: () -> Date
    private var changeToken: Int?
    /// Read positions not yet written: a commit per key press would cost a disk
    /// flush on the key path, so they are written on a tick `readSaveDelay`
    /// after the first, or before anything that reads them.
    private var unsavedReads: [Int64: Int] = [:]
    /// When the oldest of `unsavedReads` was noted.
    private var readsNotedAt: Date?
    static let readSaveDelay: TimeInterval = 0.5
    /// This session's name for its drafts: another session of the same member
    /// keeps its own (see `Community.saveDraft`).
    public let session = String(UUID().uuidString.prefix(8))

    /// - Parameter chartStyle: how charts are drawn: ASCII for the mono theme and `--ascii`.
    public init(community: Community, member: Actor, width: Int, height: Int, chartStyle: ChartStyle = .blocks,
                clock: @escaping () -> Date = { Date() }) {
        self.community = community
        self.clock = clock
        state = AppState(member: member, width: width, height: height, now: clock())
        state.chartStyle = chartStyle
        changeToken = try? community.changeToken()
        dispatch([.homeLoadedOrFailed(community, member), .notificationsCounted((try? community.unreadNotificationCount(for: member)) ?? 0)])
        if member.role >= .moderator { dispatch([.flagQueueCounted((try? community.flagQueueCount()) ?? 0)]) }
    }

    public func handle(_ event: TerminalEvent) -> [TerminalRequest] {
        state.now = clock()
        var requests = dispatch([.event(event)])
        if event == .tick || event == .hangup || requests.contains(.quit) {
            if case .message(let failure) = saveReads() { requests += dispatch([failure]) }
        }
        return requests
    }

    /// When the loop should next deliver `.tick` if nothing else happens: work
    /// due, or else the next whole minute, so that ages on screen ("5m",
    /// "now") and a standing's end follow the clock in an app left open. A
    /// quiet app wakes once a minute, to draw only.
    public var millisecondsUntilTick: Int? {
        let now = clock()
        let minute = Date(timeIntervalSinceReferenceDate: ((now.timeIntervalSinceReferenceDate / 60).rounded(.down) + 1) * 60)
        // Work may be due later than the minute (a poll closing in days): the minute comes first.
        let due = min(workDue ?? minute, minute)
        return max(0, Int((due.timeIntervalSince(now) * 1000).rounded(.up)))
    }

    /// When there is next work for a tick (read positions and drafts to save,
    /// a change to look at); nil while idle.
    var workDue: Date? {
        let readsDue = readsNotedAt.map { $0.addingTimeInterval(Self.readSaveDelay) }
        return [App.nextTick(state), readsDue].compactMap({ $0 }).min()
    }

    func saveReads() -> EffectOutcome {
        defer {
            unsavedReads = [:]
            readsNotedAt = nil
        }
        guard !unsavedReads.isEmpty else { return .nothing }
        do {
            try community.markRead(by: state.member, positions: unsavedReads)
        } catch {
            return .message(.failed(Self.describe(error)))
        }
        return .nothing
    }

    /// Pure: draws the state; a size the state has not heard of yet is drawn as
    /// a resize would lay it out, and the resize itself comes as an event.
    public func render(width: Int, height: Int) -> Canvas {
        guard width != state.width || height != state.height else { return App.view(state) }
        var resized = state
        _ = App.update(&resized, .event(.resized(width: width, height: height)))
        return App.view(resized)
    }

    /// Runs messages through update until no effect answers with another.
    @discardableResult
    func dispatch(_ messages: [Message]) -> [TerminalRequest] {
        var queue = messages
        var requests: [TerminalRequest] = []
        while !queue.isEmpty {
            let message = queue.removeFirst()
            for command in App.update(&state, message) {
                switch perform(command) {
                case .answer(let answer): queue.append(.answer(answer))
                case .message(let answer): queue.append(answer)
                case .request(let request): requests.append(request)
                case .nothing: break
                }
            }
        }
        return requests
    }

    func perform(_ command: Command) -> EffectOutcome {
        guard case .effect(let effect) = command else { return command == .quit ? .request(.quit) : .nothing }
        if effect.needsReadsSaved, !unsavedReads.isEmpty, case .message(let failure) = saveReads() {
            return .message(failure)
        }
        do {
            return try effect.perform(self)
        } catch {
            return .message(.failed(Self.describe(error)))
        }
    }

    // MARK: - EffectEnvironment

    public var member: Actor { state.member }
    public var now: Date { clock() }

    public func noteRead(thread: Int64, position: Int) {
        if unsavedReads.isEmpty { readsNotedAt = clock() }
        unsavedReads[thread] = max(position, unsavedReads[thread] ?? position)
    }

    public func changedSinceLastLook() throws -> Bool {
        let token = try community.changeToken()
        defer { changeToken = token }
        guard let changeToken else { return false }
        return changeToken != token
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? CommunityError { return error.description }
        return "something went wrong: \(error)"
    }
}

extension Message {
    static func homeLoadedOrFailed(_ community: Community, _ member: Actor) -> Message {
        do { return .homeLoaded(try community.home(for: member)) } catch { return .failed(PaddockApp.describe(error)) }
    }
}
