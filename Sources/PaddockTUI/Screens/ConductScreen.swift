import Foundation
import PaddockCore
import PaddockStore

/// A member's record of conduct, as moderators see it: role, standing and every
/// penalty, newest first. w warns, s silences, u suspends (for a day; Tab picks
/// another length), l lifts; each asks a one-line reason first, and a silence
/// or suspension a y before it is given.
public struct ConductScreen: Equatable {
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

    var isTyping: Bool { pending != nil }

    /// Opened on the author of the post marked ▸; said at once to a member.
    static func open(_ thread: ThreadScreen, member: Actor) -> [Command] {
        do throws(CommunityError) {
            try Rules.moderate(by: member)
        } catch {
            return [.setStatus(.error("members' records are for moderators: \(error.description)"))]
        }
        guard let post = thread.focusedPost else { return [] }
        return [.push(.conduct(ConductScreen(handle: post.authorHandle))), .loadConduct(handle: post.authorHandle)]
    }

    mutating func handle(_ key: Key, body: Rect, now: Date) -> [Command] {
        if let kind = pending {
            switch key {
            case .escape:
                pending = nil
                reason.setText("")
                return [.setStatus(.info("Nothing changed."))]
            case .enter, .ctrl("s"):
                let why = reason.text.trimmingCharacters(in: .whitespaces)
                let until: Date? = kind.lasts ? now + TimeInterval(penaltyLength) : nil
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
            case .tab where kind.lasts:
                lengthIndex = (lengthIndex + 1) % Self.penaltyLengths.count
                return []
            default:
                _ = reason.handle(key, width: max(1, body.width - 4))
                return reason.refusal.map { [.setStatus(.error($0))] } ?? []
            }
        }
        switch key {
        case .character("w"): pending = .warn
        case .character("s"): pending = .silence
        case .character("u"): pending = .suspend
        case .character("l"): pending = .lift
        default: return []
        }
        reason.setText("")
        lengthIndex = 0
        return []
    }

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

    func render(into canvas: inout Canvas, body: Rect, now: Date) {
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
