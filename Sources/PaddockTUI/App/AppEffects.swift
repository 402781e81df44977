import Foundation
import PaddockCore
import PaddockStore

/// The effects every screen shares: drafts, the editor, the header's counts, live updates.
enum AppEffects {
    struct SaveDraft: Effect {
        var key, title, body: String
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            try env.community.saveDraft(by: env.member, key: key, session: env.session, title: title, body: body)
            return .nothing
        }
    }

    struct DeleteDraft: Effect {
        var key: String
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            try env.community.deleteDraft(for: env.member, key: key, session: env.session)
            return .nothing
        }
    }

    /// The kept draft of a form just opened, to offer it back.
    struct LoadDraft: Effect {
        var key: String
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            guard let draft = try env.community.takeDraft(for: env.member, key: key, session: env.session) else { return .nothing }
            return .message(.draftLoaded(DraftText(key: key, title: draft.title, body: draft.body)))
        }
    }

    struct OpenEditor: Effect {
        var text: String
        var savesDraftFirst: Bool { true }
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome { .request(.openEditor(text: text)) }
    }

    /// Looks for other sessions' changes.
    struct CheckForChanges: Effect {
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            try env.changedSinceLastLook() ? .message(.changedElsewhere) : .nothing
        }
    }

    struct CountNotifications: Effect {
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            .message(.notificationsCounted(try env.community.unreadNotificationCount(for: env.member)))
        }
    }

    /// The flag queue's size, for a moderator's header (members: nothing).
    struct CountFlagQueue: Effect {
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            guard env.member.role >= .moderator else { return .nothing }
            return .message(.flagQueueCounted(try env.community.flagQueueCount()))
        }
    }
}

extension Command {
    static func saveDraft(key: String, title: String, body: String) -> Command {
        .effect(AppEffects.SaveDraft(key: key, title: title, body: body))
    }
    static func deleteDraft(key: String) -> Command { .effect(AppEffects.DeleteDraft(key: key)) }
    static func loadDraft(key: String) -> Command { .effect(AppEffects.LoadDraft(key: key)) }
    static func openEditor(text: String) -> Command { .effect(AppEffects.OpenEditor(text: text)) }
    static var checkForChanges: Command { .effect(AppEffects.CheckForChanges()) }
    static var checkNotifications: Command { .effect(AppEffects.CountNotifications()) }
    static var countFlagQueue: Command { .effect(AppEffects.CountFlagQueue()) }
}
