import CNCurses
@testable import CursesTerminal
import PaddockTUI
import Testing

@Suite struct TerminalKeyTests {
    @Test func controlCharacters() {
        #expect(KeyDecoder.character(0x0D) == .enter)
        #expect(KeyDecoder.character(0x0A) == .enter)
        #expect(KeyDecoder.character(0x09) == .tab)
        #expect(KeyDecoder.character(0x7F) == .backspace)
        #expect(KeyDecoder.character(0x08) == .backspace)
        #expect(KeyDecoder.character(0x1B) == .escape)
        #expect(KeyDecoder.character(0x01) == .ctrl("a"))
        #expect(KeyDecoder.character(0x03) == .ctrl("c"))
        #expect(KeyDecoder.character(0x1A) == .ctrl("z"))
        #expect(KeyDecoder.character(0x00) == nil)
        #expect(KeyDecoder.character(0x1C) == nil)
        #expect(KeyDecoder.character(0x9B) == nil)   // C1 CSI
        #expect(KeyDecoder.character(0x202E) == nil) // bidi override
    }

    @Test func printableCharacters() {
        #expect(KeyDecoder.character(0x71) == .character("q"))
        #expect(KeyDecoder.character(0xE9) == .character("é"))
        #expect(KeyDecoder.character(0x65E5) == .character("日"))
        #expect(KeyDecoder.character(0x1F3CD) == .character("🏍"))
        #expect(KeyDecoder.character(0x20) == .character(" "))
    }

    @Test func keyCodes() {
        #expect(KeyDecoder.keyCode(KEY_UP) == .up)
        #expect(KeyDecoder.keyCode(KEY_DOWN) == .down)
        #expect(KeyDecoder.keyCode(KEY_LEFT) == .left)
        #expect(KeyDecoder.keyCode(KEY_RIGHT) == .right)
        #expect(KeyDecoder.keyCode(KEY_PPAGE) == .pageUp)
        #expect(KeyDecoder.keyCode(KEY_NPAGE) == .pageDown)
        #expect(KeyDecoder.keyCode(KEY_HOME) == .home)
        #expect(KeyDecoder.keyCode(KEY_END) == .end)
        #expect(KeyDecoder.keyCode(KEY_A1) == .home)
        #expect(KeyDecoder.keyCode(KEY_C1) == .end)
        #expect(KeyDecoder.keyCode(KEY_ENTER) == .enter)
        #expect(KeyDecoder.keyCode(KEY_BACKSPACE) == .backspace)
        #expect(KeyDecoder.keyCode(KEY_DC) == .delete)
        #expect(KeyDecoder.keyCode(KEY_BTAB) == .backTab)
        #expect(KeyDecoder.keyCode(KEY_F0 + 1) == .function(1))
        #expect(KeyDecoder.keyCode(KEY_F0 + 12) == .function(12))
        #expect(KeyDecoder.keyCode(KEY_F0) == nil)
    }
}
