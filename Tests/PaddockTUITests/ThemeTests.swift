@testable import PaddockTUI
import Testing

@Suite struct TerminalThemeTests {
    @Test func colourNamesParse() {
        #expect(TerminalColor(name: "default") == .default)
        #expect(TerminalColor(name: "red") == .red)
        #expect(TerminalColor(name: "bright-red") == .brightRed)
        #expect(TerminalColor(name: "brightRed") == .brightRed)
        #expect(TerminalColor(name: "bright_blue") == .brightBlue)
        #expect(TerminalColor(name: "grey") == .brightBlack)
        #expect(TerminalColor(name: "208") == .indexed(208))
        #expect(TerminalColor(name: "256") == nil)
        #expect(TerminalColor(name: "chartreuse") == nil)
    }

    @Test func depthFollowsTheTerminalAndTheOptions() {
        #expect(ColorDepth.effective(hasColors: true, colors: 256, noColor: false, monochrome: false) == .full)
        #expect(ColorDepth.effective(hasColors: true, colors: 16, noColor: false, monochrome: false) == .sixteen)
        #expect(ColorDepth.effective(hasColors: true, colors: 8, noColor: false, monochrome: false) == .eight)
        #expect(ColorDepth.effective(hasColors: false, colors: 256, noColor: false, monochrome: false) == ColorDepth.none)
        #expect(ColorDepth.effective(hasColors: true, colors: 256, noColor: true, monochrome: false) == ColorDepth.none)
        #expect(ColorDepth.effective(hasColors: true, colors: 256, noColor: false, monochrome: true) == ColorDepth.none)
        #expect(ColorDepth.effective(hasColors: true, colors: 256, noColor: false, monochrome: false, forced: .eight) == .eight)
        #expect(ColorDepth.effective(hasColors: true, colors: 8, noColor: false, monochrome: false, forced: .full) == .eight)
    }

    @Test func coloursFallBackToNearest() {
        #expect(TerminalColor.default.number(for: .full) == -1)
        #expect(TerminalColor.brightRed.number(for: .full) == 9)
        #expect(TerminalColor.brightRed.number(for: .sixteen) == 9)
        #expect(TerminalColor.brightRed.number(for: .eight) == 1)
        #expect(TerminalColor.indexed(196).number(for: .full) == 196)
        #expect(TerminalColor.indexed(196).number(for: .sixteen) == 9)   // pure red, bright
        #expect(TerminalColor.indexed(196).number(for: .eight) == 1)
        #expect(TerminalColor.indexed(114).number(for: .eight) == 2)     // light green stays green
        #expect(TerminalColor.indexed(244).number(for: .sixteen) == 8)   // mid grey stays grey
        #expect(TerminalColor.indexed(244).number(for: .eight) == 7)
        #expect(TerminalColor.indexed(232).number(for: .eight) == 0)
        #expect(TerminalColor.red.number(for: ColorDepth.none) == -1)
    }

    @Test func missingRolesLookNormal() {
        let normal = TerminalStyle(foreground: .green)
        let theme = TerminalTheme(styles: [.normal: normal, .error: TerminalStyle(bold: true)])
        #expect(theme.style(for: .error).bold)
        #expect(theme.style(for: .statusPlanned) == normal)
        #expect(TerminalTheme(styles: [:]).style(for: .title) == .plain)
    }

    @Test func everyRoleIsInTheBuiltInThemes() {
        for role in StyleRole.allCases {
            #expect(TerminalTheme.defaultDark.styles[role] != nil, "defaultDark lacks \(role)")
            #expect(TerminalTheme.mono.styles[role] != nil, "mono lacks \(role)")
        }
    }

    @Test func selectionStaysVisibleWithoutColour() {
        for theme in [TerminalTheme.defaultDark, .mono, TerminalTheme(styles: [.selection: TerminalStyle(background: .blue)])] {
            let selection = theme.resolved(.selection, depth: ColorDepth.none)
            #expect(selection.reverse)
            #expect(selection.foreground == -1 && selection.background == -1)
        }
    }

    @Test func colourOnlyRolesBorrowMonoAttributesWithoutColour() {
        let muted = TerminalTheme.defaultDark.resolved(.muted, depth: ColorDepth.none)
        #expect(muted.dim)
        let muted256 = TerminalTheme.defaultDark.resolved(.muted, depth: .full)
        #expect(!muted256.dim && muted256.foreground == 244)
    }

    @Test func foregroundNeverDisappearsIntoItsBackground() {
        let style = TerminalStyle(foreground: .indexed(250), background: .indexed(252))
        let eight = style.resolved(for: .eight)
        #expect(eight.background == 7)
        #expect(eight.foreground != eight.background)
    }
}
