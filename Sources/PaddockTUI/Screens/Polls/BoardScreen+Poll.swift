import Foundation
import PaddockCore
import PaddockStore

/// `P` on a board: a manager starts a concept poll there. Others don't see
/// the key; pressing it says why.
extension BoardScreen {
    func pollKey(_ context: ScreenContext) -> KeyBinding<Self> {
        KeyBinding("P", "new poll (managers)", keys: [.character("P")],
                   shown: Self.pollRefusal(member: context.member, now: context.now) == nil) { board, _, context in
            if let refusal = Self.pollRefusal(member: context.member, now: context.now) { return [.setStatus(.error(refusal))] }
            return PollForm.open(board.board)
        }
    }

    static func pollRefusal(member: Actor, now: Date) -> String? {
        do throws(CommunityError) { try Rules.startPoll(by: member, now: now) } catch { return error.description.capitalizedFirst + "." }
        return nil
    }
}
