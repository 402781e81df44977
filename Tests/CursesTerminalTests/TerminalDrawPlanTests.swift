@testable import CursesTerminal
import PaddockTUI
import Testing

/// glibc-like widths: CJK 2, the motorcycle emoji 1 (where the Canvas says 2), combining marks 0.
private func libcWidth(_ s: Unicode.Scalar) -> Int {
    switch s.value {
    case 0x0300...0x036F, 0xFE0F, 0x200D: return 0
    case 0x4E00...0x9FFF, 0x1F600...0x1F64F: return 2
    case 0x1FAE8: return -1 // newer than the C library
    default: return 1
    }
}

@Suite struct TerminalDrawPlanTests {
    @Test func firstFrameDrawsEveryCellOnce() {
        var c = Canvas(width: 6, height: 1)
        c.put("a日b", x: 0, y: 0)
        let ops = DrawPlan.ops(previous: nil, current: c, columns: 6, rows: 1, width: libcWidth)
        #expect(ops.map(\.text) == ["a", "日", "b", " ", " "])
        #expect(ops.map(\.x) == [0, 1, 3, 4, 5])
    }

    @Test func onlyChangedCellsAreDrawn() {
        var a = Canvas(width: 6, height: 2)
        a.put("hello", x: 0, y: 0)
        var b = a
        b.put("J", x: 0, y: 1)
        let ops = DrawPlan.ops(previous: a, current: b, columns: 6, rows: 2, width: libcWidth)
        #expect(ops == [DrawOp(x: 0, y: 1, text: "J", role: .normal)])
        #expect(DrawPlan.ops(previous: b, current: b, columns: 6, rows: 2, width: libcWidth).isEmpty)
    }

    @Test func restylingTheRightHalfRedrawsTheWideGrapheme() {
        var a = Canvas(width: 4, height: 1)
        a.put("日", x: 0, y: 0)
        var b = a
        b.restyle(x: 1, y: 0, width: 1, role: .selection)
        let ops = DrawPlan.ops(previous: a, current: b, columns: 4, rows: 1, width: libcWidth)
        #expect(ops.map(\.x) == [0])
    }

    @Test func aGraphemeTheLibraryThinksNarrowGetsABlankAfterIt() {
        var c = Canvas(width: 5, height: 1)
        c.put("☝🏽x", x: 0, y: 0) // the Canvas gives a toned emoji two columns; wcwidth(☝) is 1
        let ops = DrawPlan.ops(previous: nil, current: c, columns: 5, rows: 1, width: libcWidth)
        #expect(ops.map(\.text) == ["☝", " ", "x", " ", " "])
        #expect(ops.map(\.x) == [0, 1, 2, 3, 4])
    }

    /// Issue 22: tmux drew `🏍️` with a blank cell after it. U+FE0F adds no
    /// width (as in tmux and wcwidth): the next character follows at once.
    @Test func anEmojiWithItsPresentationSelectorIsFollowedByTheNextCharacter() {
        var c = Canvas(width: 5, height: 1)
        c.put("🏍\u{FE0F}x✈\u{FE0F}y", x: 0, y: 0)
        let ops = DrawPlan.ops(previous: nil, current: c, columns: 5, rows: 1, width: libcWidth)
        #expect(ops.map(\.text) == ["🏍\u{FE0F}", "x", "✈\u{FE0F}", "y", " "])
        #expect(ops.map(\.x) == [0, 1, 2, 3, 4])
    }

    @Test func combiningMarksRideAlongAndControlsNeverReachTheTerminal() {
        #expect(DrawPlan.drawable("e\u{301}", columns: 1, width: libcWidth) == ("e\u{301}", false))
        #expect(DrawPlan.drawable("\u{1B}", columns: 1, width: libcWidth) == (DrawPlan.replacement, false))
        #expect(DrawPlan.drawable("a\u{9B}", columns: 1, width: libcWidth) == (DrawPlan.replacement, false))
        #expect(DrawPlan.drawable("日", columns: 1, width: libcWidth) == (DrawPlan.replacement, false))
        #expect(DrawPlan.drawable("\u{1FAE8}", columns: 2, width: libcWidth) == (DrawPlan.replacement, true))
        // A ZWJ sequence is drawn as its first emoji, never as several cells.
        #expect(DrawPlan.drawable("😀\u{200D}😀", columns: 2, width: libcWidth) == ("😀", false))
    }

    @Test func clipsToTheScreen() {
        var c = Canvas(width: 4, height: 2)
        c.put("ab日", x: 0, y: 0)
        let ops = DrawPlan.ops(previous: nil, current: c, columns: 3, rows: 1, width: libcWidth)
        #expect(ops.map(\.text) == ["a", "b", " "]) // the wide grapheme would straddle the edge
    }
}
