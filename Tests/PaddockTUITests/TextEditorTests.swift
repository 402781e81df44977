import Testing
import PaddockCore
@testable import PaddockTUI

// MARK: - Helpers

/// Types each character of `text` as a key press.
private func type(_ text: String, into editor: inout TextEditor, width: Int = 40, height: Int = 10) {
    for c in text {
        let used = editor.handle(.character(c), width: width, height: height)
        #expect(used)
    }
}

private func press(_ keys: Key..., on editor: inout TextEditor, width: Int = 40, height: Int = 10) {
    for key in keys { _ = editor.handle(key, width: width, height: height) }
}

private func rendered(_ editor: TextEditor, width: Int, height: Int, placeholder: String? = nil) -> Canvas {
    var canvas = Canvas(width: width, height: height)
    editor.render(into: &canvas, x: 0, y: 0, width: width, height: height, placeholder: placeholder)
    return canvas
}

/// Compares a canvas with expected rows written as equal-width literals and,
/// on failure, names the rows that differ (the ratatui way).
private func expectRows(_ canvas: Canvas, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(Set(expected.map { TextWidth.of($0) }) == [canvas.width], "expected rows must be \(canvas.width) columns wide", sourceLocation: sourceLocation)
    let actual = canvas.rows
    let diff = (0..<max(actual.count, expected.count)).compactMap { i -> String? in
        let a = i < actual.count ? actual[i] : "<none>"
        let e = i < expected.count ? expected[i] : "<none>"
        return a == e ? nil : "row \(i):\n  expected |\(e)|\n  actual   |\(a)|"
    }
    #expect(diff.isEmpty, "\(diff.joined(separator: "\n"))", sourceLocation: sourceLocation)
}

/// Cells (x, y) drawn with `role` on a canvas.
private func cells(_ canvas: Canvas, role: StyleRole) -> [[Int]] {
    var out: [[Int]] = []
    for y in 0..<canvas.height { for x in 0..<canvas.width where canvas[x, y].role == role { out.append([x, y]) } }
    return out
}


private let paragraph = "The Hypermotard seat is too hard for long rides. A softer foam would help."

@Suite struct TextEditorTests {

    // MARK: Typing and editing

    @Suite struct Editing {
        @Test func typingAccentsEmojiAndCJKWithANewline() {
            var editor = TextEditor()
            #expect(editor.isEmpty)
            type("Ciao così 🏍", into: &editor)
            let used = editor.handle(.enter, width: 40, height: 10)
            #expect(used)
            type("日本語", into: &editor)
            #expect(editor.text == "Ciao così 🏍\n日本語")
            #expect(editor.lines == ["Ciao così 🏍", "日本語"])
            #expect(editor.cursor == .init(line: 1, index: 3))
            #expect(!editor.isEmpty)
        }

        @Test func backspaceAtLineStartJoinsLines() {
            var editor = TextEditor(text: "first\nsecond")
            press(.ctrl("a"), .backspace, on: &editor)
            #expect(editor.text == "firstsecond")
            #expect(editor.cursor == .init(line: 0, index: 5))
            press(.backspace, on: &editor)
            #expect(editor.text == "firssecond")
        }

        @Test func backspaceAtTheVeryStartIsUsedButChangesNothing() {
            var editor = TextEditor(text: "x")
            press(.left, on: &editor)
            let used = editor.handle(.backspace, width: 10, height: 3)
            #expect(used)
            #expect(editor.text == "x")
        }

        @Test func deleteAtLineEndJoinsTheNextLine() {
            var editor = TextEditor(text: "ab\ncd")
            press(.up, .end, on: &editor)
            #expect(editor.cursor == .init(line: 0, index: 2))
            press(.delete, on: &editor)
            #expect(editor.text == "abcd")
            press(.delete, on: &editor)
            #expect(editor.text == "abd")
            #expect(editor.cursor == .init(line: 0, index: 2))
        }

        @Test func enterSplitsTheLineAtTheCursor() {
            var editor = TextEditor(text: "Ducati Hypermotard")
            for _ in 0..<11 { press(.left, on: &editor) }
            press(.enter, on: &editor)
            #expect(editor.lines == ["Ducati ", "Hypermotard"])
            #expect(editor.cursor == .init(line: 1, index: 0))
        }

        @Test func leftAndRightMoveByGraphemeAndCrossLineEnds() {
            var editor = TextEditor(text: "é🏍\n日")
            press(.ctrl("a"), on: &editor)
            press(.left, on: &editor)
            #expect(editor.cursor == .init(line: 0, index: 2))
            press(.left, on: &editor)
            #expect(editor.cursor == .init(line: 0, index: 1))
            press(.right, .right, on: &editor)
            #expect(editor.cursor == .init(line: 1, index: 0))
            press(.backspace, on: &editor)
            #expect(editor.text == "é🏍日")
            press(.backspace, on: &editor)
            #expect(editor.text == "é日")
        }

        @Test func typedCombiningMarkJoinsTheLetterBeforeIt() {
            var editor = TextEditor()
            type("e\u{301}x", into: &editor)
            #expect(editor.lines[0].count == 2)
            #expect(editor.cursor.index == 2)
        }

        @Test func emacsKills() {
            var editor = TextEditor(text: "suggest a softer seat foam")
            for _ in 0..<10 { press(.left, on: &editor) }
            press(.ctrl("k"), on: &editor)
            #expect(editor.text == "suggest a softer")
            press(.ctrl("w"), on: &editor)
            #expect(editor.text == "suggest a ")
            press(.ctrl("w"), on: &editor)
            #expect(editor.text == "suggest ")
            press(.left, .left, .ctrl("u"), on: &editor)
            #expect(editor.text == "t ")
            #expect(editor.cursor.index == 0)
        }

        @Test func killAtLineEndJoinsAndWordDeleteAtLineStartJoins() {
            var editor = TextEditor(text: "one\ntwo")
            press(.up, .ctrl("e"), .ctrl("k"), on: &editor)
            #expect(editor.text == "onetwo")
            editor = TextEditor(text: "one\ntwo")
            press(.ctrl("a"), .ctrl("w"), on: &editor)
            #expect(editor.text == "onetwo")
            #expect(editor.cursor == .init(line: 0, index: 3))
        }

        @Test func keysTheEditorDoesNotUseAreLeftToTheScreen() {
            var editor = TextEditor(text: "keep")
            for key: Key in [.tab, .backTab, .escape, .function(2), .ctrl("x"), .ctrl("s"), .character("\u{1B}"), .character("\t")] {
                let used = editor.handle(key, width: 20, height: 5)
                #expect(!used, "\(key)")
            }
            #expect(editor.text == "keep")
        }

        @Test func textSetterAndInitNormaliseAndPutTheCursorAtTheEnd() {
            var editor = TextEditor(text: "a\r\nbc")
            #expect(editor.lines == ["a", "bc"])
            #expect(editor.cursor == .init(line: 1, index: 2))
            editor.text = "x\ty"
            #expect(editor.text == "x    y")
            #expect(editor.cursor == .init(line: 0, index: 6))
        }
    }

    // MARK: Paste

    @Suite struct Pasting {
        @Test func pasteNormalisesLineEndingsAndTabs() {
            var editor = TextEditor()
            editor.insert("a\r\nb\rc\td")
            #expect(editor.text == "a\nb\nc    d")
            #expect(editor.cursor == .init(line: 2, index: 6))
        }

        @Test func pasteInTheMiddleOfALineKeepsTheRest() {
            var editor = TextEditor(text: "[]")
            press(.left, on: &editor)
            editor.insert("x\ny\nz")
            #expect(editor.text == "[x\ny\nz]")
            #expect(editor.cursor == .init(line: 2, index: 1))
            editor.insert("\u{1B}[31mred")
            #expect(editor.text == "[x\ny\nz[31mred]", "escape sequences lose their ESC")
        }

        @Test func aPasteKeyInsertsItsTextInOneStep() {
            var editor = TextEditor(text: "[]")
            press(.left, on: &editor)
            let used = editor.handle(.paste("one\rtwo 日本\r🏍\u{FE0F} three"), width: 20, height: 3)
            #expect(used)
            #expect(editor.text == "[one\ntwo 日本\n🏍\u{FE0F} three]")
            #expect(editor.cursor == .init(line: 2, index: 7))
            let rows = rendered(editor, width: 20, height: 3).rows
            #expect(rows.last?.hasPrefix("🏍\u{FE0F} three]") == true, "\(rows)")
        }

        @Test func a100KilobytePasteArrivesWhole() {
            let line = "Ciao così 🏍 the seat is too hard for long rides\r\n"
            let big = String(repeating: line, count: 100_000 / line.utf8.count + 1)
            var editor = TextEditor(text: "start ")
            editor.insert(big)
            editor.scrollToCursor(width: 80, height: 24)
            _ = rendered(editor, width: 80, height: 24)
            #expect(editor.lines.count == big.utf8.count / line.utf8.count + 1)
        }
    }

    // MARK: Wrapping and rendering

    @Suite struct Rendering {
        @Test func paragraphAtWidth20() {
            var editor = TextEditor(text: paragraph)
            editor.scrollToCursor(width: 20, height: 6)
            let canvas = rendered(editor, width: 20, height: 6)
            expectRows(canvas, [
                "The Hypermotard     ",
                "seat is too hard    ",
                "for long rides. A   ",
                "softer foam would   ",
                "help.               ",
                "                    ",
            ])
            // The block cursor sits after "help.".
            #expect(cells(canvas, role: .selection) == [[5, 4]])
            #expect(editor.cursorScreenPosition(width: 20) == (4, 5))
        }

        @Test func aWordEndingAtTheEdgeBreaksAfterItsSpaceAndLongWordsBreakHard() {
            let editor = TextEditor(text: "abcdefghijklmnopqrs tuv ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            expectRows(rendered(editor, width: 20, height: 4), [
                "abcdefghijklmnopqrs ",
                "tuv                 ",
                "ABCDEFGHIJKLMNOPQRS ",
                "TUVWXYZ             ",
            ])
        }

        @Test func aLineFillingTheRowLeavesACellForTheCursor() {
            var editor = TextEditor(text: "0123456789")
            editor.scrollToCursor(width: 11, height: 3)
            let canvas = rendered(editor, width: 11, height: 3)
            expectRows(canvas, [
                "0123456789 ",
                "           ",
                "           ",
            ])
            #expect(cells(canvas, role: .selection) == [[10, 0]])
        }

        @Test func wideCursorAndRowsOfCJK() {
            var editor = TextEditor(text: "日本語のテキスト")
            press(.ctrl("a"), .right, on: &editor, width: 9, height: 2)
            let canvas = rendered(editor, width: 9, height: 2)
            expectRows(canvas, [
                "日本語の ",
                "テキスト ",
            ])
            // The cursor covers both cells of 本.
            #expect(cells(canvas, role: .selection) == [[2, 0], [3, 0]])
        }

        @Test(arguments: [3, 5, 7, 9, 11, 13, 21])
        func aWideCharacterNeverStraddlesTheRightEdge(width: Int) {
            let text = "a日本語b テスト🏍x 한국어 Ciao così 🏍🏍🏍 漢字かな交じり文"
            let editor = TextEditor(text: text)
            let layout = LineLayout(text, width: width)
            for row in 0..<layout.rowCount {
                let range = layout.rowRange(row)
                let used = range.reduce(0) { $0 + layout.widths[$1] }
                let trailingSpace = range.last.map { layout.characters[$0] == " " } ?? false
                // Non-space content leaves the last column free; only a breaking space may use it.
                #expect(used <= width - 1 || (used == width && trailingSpace), "row \(row) is \(used) wide")
            }
            let canvas = rendered(editor, width: width, height: layout.rowCount + 1)
            // Nothing was lost to a clipped wide character: every grapheme is drawn, in order.
            let drawn = canvas.rows.joined().filter { $0 != " " }
            #expect(String(drawn) == String(text.filter { $0 != " " }))
            for y in 0..<canvas.height {
                // A wide grapheme's second half is always inside the canvas.
                let last = canvas[width - 1, y].grapheme ?? ""
                #expect(last.isEmpty || TextWidth.of(Character(last)) == 1 || last == " ", "row \(y): \(last)")
            }
        }

        @Test func placeholderShowsWhenEmpty() {
            let canvas = rendered(TextEditor(), width: 16, height: 2, placeholder: "Write a reply…")
            expectRows(canvas, [
                "Write a reply…  ",
                "                ",
            ])
            #expect(canvas[1, 0].role == .muted)
            #expect(cells(canvas, role: .selection) == [[0, 0]])
        }

        @Test func renderingAtAnOffsetStaysInsideItsArea() {
            let editor = TextEditor(text: paragraph)
            var canvas = Canvas(width: 24, height: 4)
            canvas.put("########################", x: 0, y: 0)
            canvas.put("########################", x: 0, y: 3)
            editor.render(into: &canvas, x: 2, y: 1, width: 20, height: 2, role: .normal, cursorRole: nil)
            expectRows(canvas, [
                "########################",
                "  softer foam would     ",
                "  help.                 ",
                "########################",
            ])
            #expect(cells(canvas, role: .selection).isEmpty)
        }

        @Test func aTenThousandCharacterLineWrapsWithinTheWidth() {
            var rng = SplitMix64(seed: 10_000)
            let words = ["seat", "Hypermotard", "così", "日本語", "🏍", "a", "supercalifragilisticexpialidocious", "foam"]
            var line = ""
            while line.count < 10_000 { line += words.randomElement(using: &rng)! + " " }
            line = String(line.prefix(10_000))
            for width in [7, 20, 37, 80] {
                let layout = LineLayout(line, width: width)
                var rebuilt = ""
                for row in 0..<layout.rowCount {
                    let range = layout.rowRange(row)
                    #expect(range.reduce(0) { $0 + layout.widths[$1] } <= width)
                    rebuilt += String(layout.characters[range])
                }
                #expect(rebuilt == line)
            }
            // Typing at the end of it.
            var editor = TextEditor(text: line)
            for _ in 0..<50 {
                _ = editor.handle(.character("x"), width: 80, height: 24)
                _ = rendered(editor, width: 80, height: 24)
            }
            for _ in 0..<50 { _ = editor.handle(.up, width: 80, height: 24) }
            #expect(editor.lines[0].count == 10_050)
        }
    }

    // MARK: Cursor motion

    @Suite struct Motion {
        @Test func upAndDownMoveByWrappedRowKeepingTheColumn() {
            // At width 10 the first line wraps into "abcd efgh " / "ijklmnopq " / "rs".
            var editor = TextEditor(text: "abcd efgh ijklmnopq rs\nshort\n012345678")
            let (w, h) = (10, 10)
            press(.up, on: &editor, width: w, height: h)
            #expect(editor.cursor == .init(line: 1, index: 5), "column 9 is past 'short': its end")
            for _ in 0..<5 { press(.up, on: &editor, width: w, height: h) }
            #expect(editor.cursor == .init(line: 0, index: 0))
            for _ in 0..<7 { press(.right, on: &editor, width: w, height: h) }
            #expect(editor.cursorScreenPosition(width: w) == (0, 7))
            press(.down, on: &editor, width: w, height: h)
            #expect(editor.cursor == .init(line: 0, index: 17), "row 2, column 7: 'p'")
            #expect(editor.cursorScreenPosition(width: w) == (1, 7))
            press(.down, on: &editor, width: w, height: h)
            #expect(editor.cursor == .init(line: 0, index: 22), "row 3 is short: its end")
            #expect(editor.cursorScreenPosition(width: w) == (2, 2))
            press(.down, on: &editor, width: w, height: h)
            #expect(editor.cursor == .init(line: 1, index: 5))
            press(.down, on: &editor, width: w, height: h)
            #expect(editor.cursor == .init(line: 2, index: 7), "the sticky column comes back")
            press(.up, .up, .up, on: &editor, width: w, height: h)
            #expect(editor.cursor == .init(line: 0, index: 17))
            press(.up, on: &editor, width: w, height: h)
            #expect(editor.cursor == .init(line: 0, index: 7))
            press(.up, on: &editor, width: w, height: h)
            #expect(editor.cursor == .init(line: 0, index: 0), "up on the first row goes to the start")
        }

        @Test func stickyColumnAcrossWideCharacters() {
            var editor = TextEditor(text: "abcdef\n日本語\nabcdef")
            press(.up, .up, .ctrl("e"), on: &editor)
            press(.left, on: &editor)  // column 5
            press(.down, on: &editor)
            #expect(editor.cursor == .init(line: 1, index: 2), "column 5 falls inside 語 (columns 4-5)")
            press(.down, on: &editor)
            #expect(editor.cursor == .init(line: 2, index: 5))
        }

        @Test func homeAndEndGoToTheWrappedRowCtrlAAndEToTheLine() {
            var editor = TextEditor(text: "abcd efgh ijklmnopq rs")
            let (w, h) = (10, 5)
            press(.ctrl("a"), on: &editor, width: w, height: h)
            press(.down, .right, .right, on: &editor, width: w, height: h)
            #expect(editor.cursor.index == 12)
            press(.home, on: &editor, width: w, height: h)
            #expect(editor.cursor.index == 10)
            press(.end, on: &editor, width: w, height: h)
            #expect(editor.cursor.index == 19, "on the row's breaking space, still on the row")
            #expect(editor.cursorScreenPosition(width: w) == (1, 9))
            press(.ctrl("a"), on: &editor, width: w, height: h)
            #expect(editor.cursor.index == 0)
            press(.ctrl("e"), on: &editor, width: w, height: h)
            #expect(editor.cursor.index == 22)
        }

        @Test func pageDownAndUpMoveAScreenAndScroll() {
            let text = (1...50).map { "line \($0)" }.joined(separator: "\n")
            var editor = TextEditor(text: text)
            let (w, h) = (20, 10)
            editor.scrollToCursor(width: w, height: h)
            #expect(editor.scrollTop == .init(line: 40, row: 0))
            press(.pageUp, on: &editor, width: w, height: h)
            #expect(editor.cursor.line == 40)
            #expect(editor.scrollTop == .init(line: 31, row: 0))
            #expect(editor.cursorScreenPosition(width: w).row == 9)
            for _ in 0..<10 { press(.pageUp, on: &editor, width: w, height: h) }
            #expect(editor.cursor.line == 0)
            #expect(editor.scrollTop == .init(line: 0, row: 0))
            press(.pageDown, on: &editor, width: w, height: h)
            #expect(editor.cursor.line == 9)
            #expect(editor.cursorScreenPosition(width: w).row == 0, "the view scrolled a page with it")
            let canvas = rendered(editor, width: w, height: h)
            #expect(canvas.rows.first == "line 10             ")
        }

        @Test func fiveThousandLinesKeepEveryLine() {
            let text = (1...5_000).map { "Line \($0): the seat foam is too hard for long rides, says rider \($0)." }
                .joined(separator: "\n")
            var editor = TextEditor(text: text)
            for key: Key in [.pageUp, .up, .character("x"), .enter, .backspace, .down, .pageDown, .end] {
                for _ in 0..<20 { _ = editor.handle(key, width: 60, height: 20) }
                _ = rendered(editor, width: 60, height: 20)
            }
            #expect(editor.lines.count == 5_000)
        }

        /// Thousands of seeded random keys (and resizes): the text round-trips,
        /// the cursor stays in the text and on screen, and rendering shows it.
        @Test(arguments: [1, 2, 3, 4] as [UInt64])
        func randomKeysKeepTheInvariants(seed: UInt64) {
            var rng = SplitMix64(seed: seed)
            let characters: [Character] = ["a", "b", " ", " ", "é", "日", "🏍", "x", "\u{301}", "-", "本"]
            let keys: [Key] = [.enter, .backspace, .delete, .left, .right, .up, .down, .pageUp, .pageDown,
                               .home, .end, .ctrl("a"), .ctrl("e"), .ctrl("k"), .ctrl("u"), .ctrl("w"), .tab, .escape]
            var editor = TextEditor()
            var width = 12, height = 5
            for step in 0..<3_000 {
                let roll = Int.random(in: 0..<100, using: &rng)
                if roll < 55 {
                    _ = editor.handle(.character(characters.randomElement(using: &rng)!), width: width, height: height)
                } else if roll < 98 {
                    _ = editor.handle(keys.randomElement(using: &rng)!, width: width, height: height)
                } else if roll < 99 {
                    editor.insert("pasted\r\nline\ttab")
                    editor.scrollToCursor(width: width, height: height)
                } else {
                    width = Int.random(in: 3...30, using: &rng)
                    height = Int.random(in: 1...8, using: &rng)
                    editor.scrollToCursor(width: width, height: height)
                }
                let cursor = editor.cursor
                let inText = cursor.line >= 0 && cursor.line < editor.lines.count
                    && cursor.index >= 0 && cursor.index <= editor.lines[cursor.line].count
                let reopened = TextEditor(text: editor.text)
                let roundTrips = reopened.text == editor.text && reopened.lines == editor.lines
                let position = editor.cursorScreenPosition(width: width)
                let onScreen = position.row >= 0 && position.row < height
                    && position.column >= 0 && position.column < max(2, width)
                var drawn = true
                if step % 25 == 0 {
                    let canvas = rendered(editor, width: width, height: height)
                    drawn = cells(canvas, role: .selection).first == [position.column, position.row]
                }
                let ok = inText && roundTrips && onScreen && drawn
                #expect(ok, "seed \(seed) step \(step) \(width)x\(height): inText \(inText) roundTrips \(roundTrips) onScreen \(onScreen) \(position) drawn \(drawn) cursor \(cursor) lines \(editor.lines)")
                if !ok { break }
            }
        }
    }

    /// Random editing keys checked against a flat model of the text (one
    /// array of characters with "\n" in it and one cursor offset).
    @Suite struct Model {
        @Test(arguments: [7, 8, 9] as [UInt64])
        func editsMatchAFlatModel(seed: UInt64) {
            var rng = SplitMix64(seed: seed)
            let characters: [Character] = ["a", "b", " ", "é", "日", "🏍"]
            let keys: [Key] = [.enter, .backspace, .delete, .left, .right, .ctrl("a"), .ctrl("e"), .ctrl("k"), .ctrl("u")]
            var editor = TextEditor()
            var model: [Character] = []
            var at = 0
            func lineStart() -> Int { (model[..<at].lastIndex(of: "\n") ?? -1) + 1 }
            func lineEnd() -> Int { model[at...].firstIndex(of: "\n") ?? model.count }
            for step in 0..<2_000 {
                let key: Key = Int.random(in: 0..<2, using: &rng) == 0
                    ? .character(characters.randomElement(using: &rng)!)
                    : keys.randomElement(using: &rng)!
                _ = editor.handle(key, width: Int.random(in: 3...12, using: &rng), height: 4)
                switch key {
                case .character(let c): model.insert(c, at: at); at += 1
                case .enter: model.insert("\n", at: at); at += 1
                case .backspace: if at > 0 { model.remove(at: at - 1); at -= 1 }
                case .delete: if at < model.count { model.remove(at: at) }
                case .left: at = max(0, at - 1)
                case .right: at = min(model.count, at + 1)
                case .ctrl("a"): at = lineStart()
                case .ctrl("e"): at = lineEnd()
                case .ctrl("k"):
                    if at < model.count { model.removeSubrange(at..<max(at + 1, lineEnd())) }
                case .ctrl("u"):
                    let start = lineStart()
                    model.removeSubrange(start..<at); at = start
                default: break
                }
                let flatCursor = editor.lines[..<editor.cursor.line].reduce(0) { $0 + $1.count + 1 } + editor.cursor.index
                let ok = editor.text == String(model) && flatCursor == at
                #expect(ok, "seed \(seed) step \(step) after \(key): \(editor.text.debugDescription) cursor \(flatCursor), model \(String(model).debugDescription) cursor \(at)")
                if !ok { break }
            }
        }
    }

    // MARK: TextField

    @Suite struct Field {
        @Test func typingEditingAndKills() {
            var field = TextField()
            func use(_ key: Key) -> Bool { field.handle(key) }
            for c in "Seat foam" { #expect(use(.character(c))) }
            #expect(field.text == "Seat foam")
            #expect(use(.ctrl("w")))
            #expect(field.text == "Seat ")
            #expect(use(.home))
            #expect(use(.delete))
            #expect(field.text == "eat ")
            #expect(use(.ctrl("e")) && use(.left) && use(.ctrl("k")))
            #expect(field.text == "eat")
            #expect(use(.ctrl("u")))
            #expect(field.text == "" && field.cursor == 0)
            for key: Key in [.enter, .tab, .escape, .up, .down, .ctrl("x"), .character("\n")] {
                #expect(!use(key), "\(key)")
            }
        }

        @Test func aPasteKeyInsertsInOneStepUpToTheLimit() {
            var field = TextField(maxLength: 12)
            let first = field.handle(.paste("two\rlines"), width: 8)
            #expect(first && field.text == "two lines" && !field.refusedInput)
            let second = field.handle(.paste(" and more"), width: 8)
            #expect(second)
            #expect(field.text == "two lines an" && field.refusedInput)
        }

        @Test func maxLengthRefusesFurtherInputAndSaysSo() {
            var field = TextField(maxLength: 5)
            func use(_ key: Key) -> Bool { field.handle(key) }
            for c in "così" { _ = field.handle(.character(c)) }
            #expect(!field.refusedInput)
            #expect(use(.character("🏍")))
            #expect(field.text == "così🏍" && !field.refusedInput)
            #expect(use(.character("!")), "the key is used, even though refused")
            #expect(field.text == "così🏍")
            #expect(field.refusedInput)
            _ = field.handle(.backspace)
            #expect(!field.refusedInput)
            let fitted = field.insert("ABC")
            #expect(!fitted)
            #expect(field.text == "cosìA" && field.refusedInput)
            var small = TextField(maxLength: 3)
            let fittedSmall = small.insert("a\r\nb")
            #expect(fittedSmall && small.text == "a b")
        }

        @Test func scrollsHorizontallySoTheCursorShows() {
            var field = TextField()
            let width = 8
            for c in "Hypermotard 日本" { _ = field.handle(.character(c), width: width) }
            // "Hypermotard 日本" is 16 columns; the cursor at the end needs a cell.
            var canvas = Canvas(width: width, height: 1)
            field.render(into: &canvas, x: 0, y: 0, width: width)
            expectRows(canvas, ["rd 日本 "])
            #expect(cells(canvas, role: .selection) == [[7, 0]])
            #expect(field.cursorScreenColumn(width: width) == 7)
            // Moving left inside the view does not scroll; past its start it does.
            for _ in 0..<5 { _ = field.handle(.left, width: width) }
            field.render(into: &canvas, x: 0, y: 0, width: width)
            expectRows(canvas, ["rd 日本 "])
            #expect(cells(canvas, role: .selection) == [[0, 0]])
            _ = field.handle(.left, width: width)
            field.render(into: &canvas, x: 0, y: 0, width: width)
            expectRows(canvas, ["ard 日本"])
            #expect(cells(canvas, role: .selection) == [[0, 0]])
            _ = field.handle(.home, width: width)
            field.render(into: &canvas, x: 0, y: 0, width: width)
            expectRows(canvas, ["Hypermot"])
            // A wide character under the cursor is highlighted whole, never cut at the edge.
            for _ in 0..<13 { _ = field.handle(.right, width: width) }
            field.render(into: &canvas, x: 0, y: 0, width: width)
            #expect(field.cursorScreenColumn(width: width) == 6)
            #expect(cells(canvas, role: .selection) == [[6, 0], [7, 0]])
        }

        @Test func renderingWithoutWidthInHandleStillShowsTheCursor() {
            var field = TextField(text: String(repeating: "x", count: 30))
            _ = field.handle(.character("y"))
            var canvas = Canvas(width: 10, height: 1)
            field.render(into: &canvas, x: 0, y: 0, width: 10, placeholder: "Title")
            expectRows(canvas, ["xxxxxxxxy "])
            #expect(cells(canvas, role: .selection) == [[9, 0]])
        }

        @Test func placeholder() {
            let field = TextField()
            var canvas = Canvas(width: 12, height: 1)
            field.render(into: &canvas, x: 0, y: 0, width: 12, placeholder: "Search…")
            expectRows(canvas, ["Search…     "])
            #expect(canvas[1, 0].role == .muted)
            #expect(canvas[0, 0].role == .selection)
        }
    }
}
