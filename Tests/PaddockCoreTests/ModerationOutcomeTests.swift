import Foundation
import Testing
@testable import PaddockCore

/// What a moderator reads once a step is done: one wording for the app and the command line.
@Suite struct ModerationOutcomeTests {
    @Test func reviewDecisionsSayHowToUndoThemWhereTheFrontEndCan() {
        #expect(ModerationOutcome.agreed(post: 4, removed: false).text(undo: "u undoes")
                == "Agreed: post #4 kept hidden; the author is told why (u undoes).")
        #expect(ModerationOutcome.agreed(post: 4, removed: true).text() == "Agreed: post #4 removed; the author is told why.")
        #expect(ModerationOutcome.ignored(post: 4).text() == "Ignored: post #4 left the queue as it is.")
        #expect(ModerationOutcome.undone(post: 4, step: "claim").text() == "Undone: your claim on post #4 is released.")
        #expect(ModerationOutcome.undone(post: 4, step: "agree-remove").text()
                == "Undone: your removal is taken back; post #4 is in the queue as it was before.")
    }

    @Test func eachStepHasItsSentence() {
        #expect(ModerationOutcome.flagged(hidden: false, weight: 1, threshold: 3).text() == "Flagged: moderators will review it (1 of 3 to hide it).")
        #expect(ModerationOutcome.thread(.slowMode(seconds: 0)).text() == "Slow mode off.")
        #expect(ModerationOutcome.thread(.slowMode(seconds: 600)).text() == "Slow mode: one post per member every 10 minutes.")
        #expect(ModerationOutcome.thread(.move(toBoard: "garage")).text() == "Moved to garage.")
        #expect(ModerationOutcome.post(9, .remove).text() == "Post #9 is removed; its author is told why.")
        #expect(ModerationOutcome.member(handle: "luca", .warn).text() == "luca is warned; they are told why.")
    }
}
