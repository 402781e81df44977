import Foundation
import PaddockCore
import PaddockStore

/// `P` on a board: a manager starts a concept poll there. Others don't see
/// the key; pressing it says why.
extension BoardScreen {
    func pollKey(_ context: ScreenContext) -> KeyBinding<Self> {
        KeyBinding("P", "new poll (managers)", keys: [.character("P")],
                   shown: Self.pollRefusal(member: context.member, board: board, now: context.now) == nil) { screen, _, context in
            if let refusal = Self.pollRefusal(member: context.member, board: screen.board, now: context.now) { return [.setStatus(.error(refusal))] }
            return PollForm.open(screen.board)
        }
    }

    /// Why this member may not start a poll on this board now, before any form is filled in.
    static func pollRefusal(member: Actor, board: BoardSummary, now: Date) -> String? {
        do throws(CommunityError) { try Rules.startPoll(by: member, now: now) } catch { return error.description.capitalizedFirst + "." }
        guard ThreadKind.poll.fits(inBoardOf: board.threadKind) else {
            return "\(board.title) takes suggestions only: start the poll in another board."
        }
        return nil
    }
}
