import Foundation
import PaddockCore
import PaddockStore

extension ThreadScreen {
    /// `H`: the thread's author marks the ▸ reply helpful, or takes the mark
    /// back. The store refuses anyone else, and one's own post, in one line.
    func toggleHelpful() -> [Command] {
        guard let post = focusedPost else { return [] }
        return [.setHelpful(post: post.id, thread: summary.id, helpful: !helpful.contains(post.id))]
    }
}
