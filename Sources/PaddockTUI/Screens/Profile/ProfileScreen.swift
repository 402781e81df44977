import Foundation
import PaddockCore
import PaddockStore

/// A member's profile: joined, role, posts, reputation, suggestions, credits
/// (``MemberProfile/sections``, in that order). Moderators see the record of
/// conduct as its last section and act on it here: w warns, s silences, u
/// suspends (for a day; Tab picks another length), l lifts; each asks a
/// one-line reason first, and a silence or suspension a y before it is given.
/// Only the penalties the store says this moderator can give this member now
/// are offered (``MemberRecordOfConduct/choices``); another key says why not.
/// A refusal that the reloaded profile confirms (someone acted meanwhile)
/// closes the form with the refusal on the status line.
/// Members see no conduct and have no such keys.
public struct ProfileScreen: Equatable, AppScreen {
    public var handle: String
    public var profile: MemberProfile?
    /// The first line of the sections shown (j/k scroll).
    public var top = 0
    /// The penalty being given, while its reason is typed.
    public var pending: PenaltyKind?
    public var reason = TextField(maxLength: 500)

    public init(handle: String) { self.handle = handle }

    /// Lengths a silence or suspension can be given for, in seconds; a day first.
    static let penaltyLengths = [86_400, 3 * 86_400, 7 * 86_400, 30 * 86_400, 3600]
    var lengthIndex = 0
    var penaltyLength: Int { Self.penaltyLengths[lengthIndex] }

    /// Opened on the author of the post marked ▸, for anyone.
    static func open(_ thread: ThreadScreen) -> [Command] {
        guard let post = thread.focusedPost else { return [] }
        return open(handle: post.authorHandle)
    }

    static func open(handle: String) -> [Command] {
        [.push(ProfileScreen(handle: handle)), .loadProfile(handle: handle)]
    }

    public var breadcrumb: String { handle }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        if let pending {
            // Only silences and suspensions have a length to change.
            return [KeyBinding("Enter", "do it", footer: true, keys: [.enter, .ctrl("s")]) { profile, _, context in profile.give(context) },
                    KeyBinding("Tab", "length", footer: true, keys: pending.lasts ? [.tab] : [], shown: pending.lasts) { profile, _, _ in
                        profile.lengthIndex = (profile.lengthIndex + 1) % Self.penaltyLengths.count
                        return []
                    },
                    KeyBinding("Esc", "cancel", footer: true, keys: [.escape]) { profile, _, _ in
                        profile.pending = nil
                        profile.reason.setText("")
                        return [.setStatus(.info("Nothing changed."))]
                    },
                    .helpWhileTyping]
        }
        let scroll: (inout Self, Key, ScreenContext) -> [Command] = { profile, key, context in
            profile.scroll(key, context)
            return []
        }
        var keys = [KeyBinding<Self>("j k ↑↓", "scroll", keys: [.character("j"), .character("k"), .down, .up], scroll),
                    KeyBinding("Space PgDn b PgUp", "a page", keys: [.character(" "), .pageDown, .character("b"), .pageUp], scroll),
                    KeyBinding("g G Home End", "top, bottom", keys: [.home, .end, .character("g"), .character("G")], scroll)]
        if Rules.seesConduct(context.member) {
            let start: (PenaltyKind) -> (inout Self, Key, ScreenContext) -> [Command] = { kind in
                { profile, _, _ in
                    // The store's word on this moderator and member; before it has come, nothing is offered.
                    guard let conduct = profile.profile?.conduct else { return [] }
                    if let refusal = conduct.refusal(kind) { return [.setStatus(.error(refusal))] }
                    profile.pending = kind
                    profile.reason.setText("")
                    profile.lengthIndex = 0
                    return []
                }
            }
            let conduct = profile?.conduct
            let offered = { (kind: PenaltyKind) in conduct.map { $0.refusal(kind) == nil } ?? false }
            keys += [KeyBinding("w", "warn", footer: true, keys: [.character("w")], shown: offered(.warn), start(.warn)),
                     KeyBinding("s", "silence", footer: true, keys: [.character("s")], shown: offered(.silence), start(.silence)),
                     KeyBinding("u", "suspend", footer: true, keys: [.character("u")], shown: offered(.suspend), start(.suspend)),
                     KeyBinding("l", "lift", footer: true, keys: [.character("l")], shown: offered(.lift), start(.lift))]
        }
        return keys + [.nextUnread, .inbox(), .search(), .help(), .back()]
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
        case let loaded as ProfileLoaded where loaded.profile.handle.lowercased() == handle.lowercased():
            profile = loaded.profile
            // The penalty being typed can no longer be given (refused, or someone acted meanwhile): the form closes, saying why.
            if let kind = pending, let refusal = loaded.profile.conduct?.refusal(kind) {
                let sent = draft.map { [Command.deleteDraft(key: $0.key)] } ?? []
                pending = nil
                reason.setText("")
                return sent + [.setStatus(.error("Not done: \(refusal)."))]
            }
        case let refused as PenaltyRefused where context.isTop && refused.handle.lowercased() == handle.lowercased():
            // Its line is on the status; the profile, read again, says whether the form still makes sense.
            return [.loadProfile(handle: handle)]
        case is Moderated where context.isTop:
            let sent = draft.map { [Command.deleteDraft(key: $0.key)] } ?? []
            pending = nil
            reason.setText("")
            return sent + [.loadProfile(handle: handle)]
        default: break
        }
        return []
    }

    public func reload(_ context: ScreenContext) -> [Command] { [.loadProfile(handle: handle)] }

    /// The first row drawn: `top`, unless the window now shows more than is below it.
    /// (`top` itself is kept, so growing and shrinking the window comes back to the same place.)
    func firstRow(_ body: Rect) -> Int { max(0, min(top, lines(width: body.width).count - textHeight(body))) }

    mutating func scroll(_ key: Key, _ context: ScreenContext) {
        let height = textHeight(context.body)
        let last = max(0, lines(width: context.body.width).count - height)
        let first = firstRow(context.body)
        let wanted = switch key {
        case .down, .character("j"): first + 1
        case .up, .character("k"): first - 1
        case .pageDown, .character(" "): first + max(1, height - 1)
        case .home, .character("g"): 0
        case .end, .character("G"): last
        default: first - max(1, height - 1)
        }
        top = max(0, min(wanted, last))
    }

    /// Rows the sections take: the body, less the reason form while a penalty is typed.
    func textHeight(_ body: Rect) -> Int { max(1, body.height - (pending == nil ? 0 : 3)) }

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

    /// The sections as rows `width` wide: a title, its lines indented (or what
    /// it says when empty), a blank row between. Sentences wrap (who they are,
    /// the record of conduct with its reasons, what an empty section says),
    /// their later rows indented further; list rows (suggestions, credits,
    /// points) and titles are cut with "…".
    func lines(width: Int) -> [(text: String, role: StyleRole)] {
        guard let profile else { return [] }
        var rows: [(text: String, role: StyleRole)] = []
        func wrapped(_ text: String, _ role: StyleRole) {
            let first = TextWrap.lines(text, width: max(1, width - 3))
            guard let head = first.first else { return }
            rows.append(("   " + head, role))
            // The rest of the text itself, wrapped again narrower: joining the first
            // wrap's lines would put a space inside a word that was broken.
            let remainder = text.hasPrefix(head) ? String(text.dropFirst(head.count)).trimmingCharacters(in: .whitespaces)
                : first.dropFirst().joined(separator: " ")
            let rest = TextWrap.lines(remainder, width: max(1, width - 5))
            rows += rest.map { ("     " + $0, role) }
        }
        for section in profile.sections {
            if !rows.isEmpty { rows.append(("", .normal)) }
            rows.append((TextWrap.truncate(" " + section.title, width: width), section.kind == .about ? .title : .accent))
            if section.lines.isEmpty, !section.empty.isEmpty { wrapped(section.empty, .muted) }
            for (index, line) in section.lines.enumerated() {
                let role: StyleRole = section.kind == .conduct && index == 0 && profile.conduct?.standing != "active" ? .error : .normal
                switch section.kind {
                case .about, .conduct: wrapped(line, role)
                case .reputation, .suggestions, .credits: rows.append((TextWrap.truncate("   " + line, width: width), role))
                }
            }
        }
        return rows
    }

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let body = context.body
        let w = body.width
        guard profile != nil else {
            canvas.put(" Loading…", x: 0, y: body.y, role: .muted)
            return
        }
        let height = textHeight(body)
        for (row, line) in lines(width: w).dropFirst(firstRow(body)).prefix(height).enumerated() {
            canvas.put(line.text, x: 0, y: body.y + row, role: line.role, maxWidth: w)
        }
        if let kind = pending {
            let y = body.y + body.height - 3
            canvas.put(String(repeating: "─", count: w), x: 0, y: y, role: .border)
            canvas.put(TextWrap.truncate(" \(sentence(kind)). Reason (sent to them):", width: w), x: 0, y: y + 1, role: .accent, maxWidth: w)
            reason.render(into: &canvas, x: 2, y: y + 2, width: max(1, w - 4), role: .normal, cursorRole: .selection,
                          placeholder: "Enter does it, Esc cancels")
        }
    }
}

extension PenaltyKind {
    /// Silences and suspensions run until a time; warnings and lifts are at once.
    var lasts: Bool { self == .silence || self == .suspend }
}
