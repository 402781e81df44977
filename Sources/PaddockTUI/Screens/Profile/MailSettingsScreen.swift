import Foundation
import PaddockCore
import PaddockStore

/// The member's own email settings (`E` on home): their address, which
/// notices they get, and how often a digest. Enter or Space changes the ▸
/// row (on/off; the digest cycles daily, weekly, never); `e` types a new
/// address, `x` clears it. The address is only ever shown to its member.
public struct MailSettingsScreen: Equatable, AppScreen {
    public var settings: MemberMailSettings?
    public var selection = ListSelection()
    /// The address being typed, while `typing`.
    public var field = TextField(maxLength: EmailAddress.maxLength)
    public var typing = false

    public init() {}

    static let rows = ["Email address", "Mentions", "Replies to you", "Status changes", "Digest"]

    static func open() -> [Command] { [.push(MailSettingsScreen()), .loadMailSettings] }

    public var breadcrumb: String { "Email" }

    public var capturesText: Bool { typing }

    public mutating func type(_ key: Key, _ context: ScreenContext) -> [Command] {
        _ = field.handle(key, width: max(1, context.body.width - 4))
        return []
    }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        if typing {
            return [KeyBinding("Enter", "save the address", footer: true, keys: [.enter]) { screen, _, _ in
                        screen.typing = false
                        return [.saveMailSettings(.address(screen.field.text))]
                    },
                    KeyBinding("Esc", "cancel", footer: true, keys: [.escape]) { screen, _, _ in
                        screen.typing = false
                        return []
                    }, .helpWhileTyping]
        }
        return [KeyBinding("Enter Space", "change", footer: true, keys: [.enter, .character(" ")]) { screen, _, _ in screen.change() },
                KeyBinding("e", "type an address", footer: true, keys: [.character("e")]) { screen, _, _ in
                    screen.field.setText(screen.settings?.address ?? "")
                    screen.typing = true
                    return []
                },
                KeyBinding("x", "clear the address: no more mail", keys: [.character("x")]) { screen, _, _ in
                    guard screen.settings?.address != nil else { return [.setStatus(.info("No address to clear."))] }
                    return [.confirm(Confirmation(question: "Clear your email address? No more mail goes to you. (y/n)",
                                                  onYes: [.saveMailSettings(.clear)]))]
                },
                KeyBinding("↑↓ j k", "move", keys: [.up, .down, .character("j"), .character("k")]) { screen, key, _ in
                    _ = screen.selection.handleMovement(key, count: Self.rows.count, visible: Self.rows.count)
                    return []
                }, .help(), .back()]
    }

    /// What Enter does on the ▸ row.
    mutating func change() -> [Command] {
        guard let settings else { return [] }
        if selection.selected == 0 {
            field.setText(settings.address ?? "")
            typing = true
            return []
        }
        guard settings.address != nil else { return [.setStatus(.error("give an address first: e types one"))] }
        let c = settings.choices
        switch selection.selected {
        case 1: return [.saveMailSettings(.choices(mentions: !c.mentions, replies: nil, statuses: nil, digest: nil))]
        case 2: return [.saveMailSettings(.choices(mentions: nil, replies: !c.replies, statuses: nil, digest: nil))]
        case 3: return [.saveMailSettings(.choices(mentions: nil, replies: nil, statuses: !c.statuses, digest: nil))]
        default:
            let next: MailDigest = switch c.digest { case .daily: .weekly; case .weekly: .never; case .never: .daily }
            return [.saveMailSettings(.choices(mentions: nil, replies: nil, statuses: nil, digest: next))]
        }
    }

    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        if let loaded = answer as? MailSettingsLoaded { settings = loaded.settings }
        return []
    }

    public func reload(_ context: ScreenContext) -> [Command] { [.loadMailSettings] }

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let body = context.body
        let w = body.width
        canvas.put(" Your email settings", x: 0, y: body.y, role: .title, maxWidth: w)
        guard let settings else {
            canvas.put(" Loading…", x: 0, y: body.y + 1, role: .muted)
            return
        }
        let onOff = { (b: Bool) in b ? "on" : "off" }
        let values = [settings.address ?? "none", onOff(settings.choices.mentions), onOff(settings.choices.replies),
                      onOff(settings.choices.statuses), settings.choices.digest.rawValue]
        let labelWidth = min(16, max(8, w / 3))
        for (i, label) in Self.rows.enumerated() where body.y + 2 + i < body.y + body.height {
            let selected = i == selection.selected
            let line = (selected ? "▸" : " ") + TextWrap.pad(label, width: labelWidth) + " " + values[i]
            canvas.put(TextWrap.truncate(line, width: w), x: 0, y: body.y + 2 + i, role: selected ? .selection : .normal, maxWidth: w)
        }
        var y = body.y + 3 + Self.rows.count
        if typing, y < body.y + body.height {
            canvas.put(" Address: ", x: 0, y: y, role: .header)
            field.render(into: &canvas, x: 10, y: y, width: max(1, w - 11), role: .normal)
            y += 1
        }
        let note = settings.stoppedAt != nil
            ? "Mail stopped: \(settings.stopReason ?? ""). Give your address again (e) to start it."
            : settings.address == nil ? "No mail goes out until you give an address (e)."
            : "Only you (and the admins) see your address."
        // The note wraps: a stop's reason is the one thing on this screen worth reading whole.
        for line in TextWrap.lines(note, width: max(1, w - 1)) where y < body.y + body.height {
            canvas.put(" " + line, x: 0, y: y, role: .muted, maxWidth: w)
            y += 1
        }
    }
}

/// Loads and changes the member's own mail settings.
enum MailSettingsEffects {
    enum Change: Equatable, Sendable {
        case address(String)
        case clear
        case choices(mentions: Bool?, replies: Bool?, statuses: Bool?, digest: MailDigest?)
    }

    struct Load: Effect {
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            .answer(MailSettingsLoaded(settings: try env.community.memberMail(of: env.member.handle, viewer: env.member)))
        }
    }

    struct Save: Sending {
        var change: Change
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            let c = env.community, me = env.member
            switch change {
            case .address(let address): try c.setEmail(by: me, member: me.handle, address: address)
            case .clear: try c.clearEmail(by: me, member: me.handle)
            case .choices(let mentions, let replies, let statuses, let digest):
                try c.setMailChoices(by: me, member: me.handle, mentions: mentions, replies: replies, statuses: statuses, digest: digest)
            }
            return .answer(MailSettingsLoaded(settings: try c.memberMail(of: me.handle, viewer: me)))
        }
    }
}

struct MailSettingsLoaded: Answer {
    var settings: MemberMailSettings
}

extension Command {
    static var loadMailSettings: Command { .effect(MailSettingsEffects.Load()) }
    static func saveMailSettings(_ change: MailSettingsEffects.Change) -> Command { .effect(MailSettingsEffects.Save(change: change)) }
}
