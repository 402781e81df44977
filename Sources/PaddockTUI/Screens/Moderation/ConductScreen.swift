import Foundation
import PaddockCore
import PaddockStore

/// A member's record of conduct, as moderators see it: role, standing and every
/// penalty, newest first. w warns, s silences, u suspends (for a day; Tab picks
/// another length), l lifts; each asks a one-line reason first, and a silence
/// or suspension a y before it is given.
public struct ConductScreen: Equatable, AppScreen {
    public var handle: String
    public var record: MemberRecordOfConduct?
    /// The penalty being given, while its reason is typed.
    public var pending: PenaltyKind?
    public var reason = TextField(maxLength: 500)

    public init(handle: String) { self.handle = handle }

    /// Lengths a silence or suspension can be given for, in seconds; a day first.
    static let penaltyLengths = [86_400, 3 * 86_400, 7 * 86_400, 30 * 86_400, 3600]
    var lengthIndex = 0
    var penaltyLength: Int { Self.penaltyLengths[lengthIndex] }

    /// Opened on the author of the post marked ▸; said at once to a member.
    static func open(_ thread: ThreadScreen, member: Actor) -> [Command] {
        do throws(CommunityError) {
            try Rules.moderate(by: member)
        } catch {
            return [.setStatus(.error(error.description))]
        }
        guard let post = thread.focusedPost else { return [] }
        return [.push(ConductScreen(handle: post.authorHandle)), .loadConduct(handle: post.authorHandle)]
    }

    public var breadcrumb: String { handle }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        if let pending {
            // Only silences and suspensions have a length to change.
            return [KeyBinding("Enter", "do it", footer: true, keys: [.enter, .ctrl("s")]) { conduct, _, context in conduct.give(context) },
                    KeyBinding("Tab", "length", footer: true, keys: pending.lasts ? [.tab] : [], shown: pending.lasts) { conduct, _, _ in
                        conduct.lengthIndex = (conduct.lengthIndex + 1) % Self.penaltyLengths.count
                        return []
                    },
                    KeyBinding("Esc", "cancel", footer: true, keys: [.escape]) { conduct, _, _ in
                        conduct.pending = nil
                        conduct.reason.setText("")
                        return [.setStatus(.info("Nothing changed."))]
                    },
                    .helpWhileTyping]
        }
        let start: (PenaltyKind) -> (inout Self, Key, ScreenContext) -> [Command] = { kind in
            { conduct, _, _ in
                conduct.pending = kind
                conduct.reason.setText("")
                conduct.lengthIndex = 0
                return []
            }
        }
        return [KeyBinding("w", "warn", footer: true, keys: [.character("w")], start(.warn)),
                KeyBinding("s", "silence", footer: true, keys: [.character("s")], start(.silence)),
                KeyBinding("u", "suspend", footer: true, keys: [.character("u")], start(.suspend)),
                KeyBinding("l", "lift", footer: true, keys: [.character("l")], start(.lift)),
                .nextUnread, .inbox(), .search(), .help(), .back()]
    }

    /// Gives the pending penalty (asking first for a silence or suspension).
    func give(_ context: ScreenContext) -> [Command] {
        guard let kind = pending else { return [] }
        let why = reason.text.trimmingCharacters(in: .whitespaces)
        let until: Date? = kind.lasts ? context.now + TimeInterval(penaltyLength) : nil
        let request = ModerationRequest.member(handle, kind, until: until, reason: why)
        guard request.isDestructive else { return [.moderate(request)] }
        // Silencing and suspending ask first; a missing reason is said before the question.
        do throws(CommunityError) {
            _ = try Rules.reason(why, required: true)
        } catch {
            return [.setStatus(.error(error.description))]
        }
        let length = "for \(TimeText.describe(seconds: penaltyLength))"
        return [.confirm(Confirmation(question: "\(kind == .silence ? "Silence" : "Suspend") \(handle) \(length)? y does it, any other key goes back",
                                      onYes: [.moderate(request)], onNo: "Not done: the reason is kept; Enter asks again, Esc cancels."))]
    }

    public var capturesText: Bool { pending != nil }

    public mutating func type(_ key: Key, _ context: ScreenContext) -> [Command] {
        guard pending != nil else { return [] }
        _ = reason.handle(key, width: max(1, context.body.width - 4))
        return reason.refusal.map { [.setStatus(.error($0))] } ?? []
    }

    public var draft: DraftText? {
        pending.map { DraftText(key: "conduct:\(handle.lowercased()):\($0.rawValue)", body: reason.text) }
    }

    public mutating func restore(_ draft: DraftText) -> [Command]? {
        guard takes(draft) else { return nil }
        reason.setText(draft.body)
        return []
    }

    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        switch answer {
        case let loaded as ConductLoaded where loaded.record.handle == handle:
            record = loaded.record
        case is Moderated where context.isTop:
            let sent = draft.map { [Command.deleteDraft(key: $0.key)] } ?? []
            pending = nil
            reason.setText("")
            return sent + [.loadConduct(handle: handle)]
        default: break
        }
        return []
    }

    public func reload(_ context: ScreenContext) -> [Command] { [.loadConduct(handle: handle)] }

    /// The pending penalty as a sentence, e.g. "Silence giulia for 3 days (Tab: another length)".
    func sentence(_ kind: PenaltyKind) -> String {
        let length = "for \(TimeText.describe(seconds: penaltyLength)) (Tab: another length)"
        return switch kind {
        case .warn: "Warn \(handle)"
        case .silence: "Silence \(handle) \(length)"
        case .suspend: "Suspend \(handle) \(length)"
        case .lift: "Lift \(handle)'s silence or suspension"
        }
    }

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let (body, now) = (context.body, context.now)
        let w = body.width
        var y = body.y
        guard let record else {
            canvas.put(" Loading…", x: 0, y: y, role: .muted)
            return
        }
        canvas.put(" \(record.handle) · \(record.role.rawValue)", x: 0, y: y, role: .title, maxWidth: w)
        y += 1
        var standing = " Standing: \(record.standing)"
        if let until = record.standingUntil { standing += " until " + TimeText.describe(until) }
        canvas.put(standing, x: 0, y: y, role: record.standing == "active" ? .muted : .error, maxWidth: w)
        y += 2
        canvas.put(record.penalties.isEmpty ? " No penalties." : " Penalties, newest first:", x: 0, y: y, role: .muted)
        y += 1
        let last = body.y + body.height - (pending == nil ? 0 : 3)
        for penalty in record.penalties where y < last {
            var line = "  \(Ago.describe(penalty.createdAt, now: now)) · \(penalty.kind.rawValue) by \(penalty.actorHandle)"
            if let until = penalty.until { line += " until " + TimeText.describe(until) }
            if !penalty.reason.isEmpty { line += ": " + penalty.reason }
            canvas.put(line, x: 0, y: y, role: .normal, maxWidth: w)
            y += 1
        }
        if let kind = pending {
            let y = body.y + body.height - 3
            canvas.put(String(repeating: "─", count: w), x: 0, y: y, role: .border)
            canvas.put(" \(sentence(kind)). Reason (sent to them):", x: 0, y: y + 1, role: .accent, maxWidth: w)
            reason.render(into: &canvas, x: 2, y: y + 2, width: max(1, w - 4), role: .normal, cursorRole: .selection,
                          placeholder: "Enter does it, Esc cancels")
        }
    }
}

extension PenaltyKind {
    /// Silences and suspensions run until a time; warnings and lifts are at once.
    var lasts: Bool { self == .silence || self == .suspend }
}
