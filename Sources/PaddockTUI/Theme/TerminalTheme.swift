
/// A colour as a theme names it. The terminal maps it to what it can show:
/// 256 colours, 16, 8, or none (attributes only).
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow
    case brightBlue, brightMagenta, brightCyan, brightWhite
    /// One of the 256 xterm colours (0–15 are the named ones).
    case indexed(UInt8)

    /// The names `init?(name:)` accepts, in palette order, without `default`.
    public static let names = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Parses "default", a name ("red", "bright-red"; "brightRed", "bright_red"
    /// and "grey"/"gray" for bright-black also work), an index "0"…"255", or
    /// "#rrggbb" (the nearest of the xterm-256 colours 16–255).
    public init?(name: String) {
        let lowered = name.lowercased()
        if lowered == "default" { self = .default; return }
        if lowered.hasPrefix("#") {
            let digits = lowered.dropFirst()
            guard digits.count == 6, digits.allSatisfy(\.isHexDigit), let rgb = Int(digits, radix: 16) else { return nil }
            self = .indexed(Self.nearestXterm(red: rgb >> 16, green: (rgb >> 8) & 0xFF, blue: rgb & 0xFF))
            return
        }
        if let n = Int(lowered), (0...255).contains(n) { self = .indexed(UInt8(n)); return }
        let key = String(lowered.map { $0 == "_" ? "-" : $0 })
        let normalized = key.hasPrefix("bright") && !key.hasPrefix("bright-")
            ? "bright-" + key.dropFirst("bright".count) : Substring(key)
        if normalized == "grey" || normalized == "gray" { self = .brightBlack; return }
        guard let i = Self.names.firstIndex(of: String(normalized)) else { return nil }
        self = Self.palette16[i]
    }

    /// The xterm-256 colour nearest to an RGB colour: the closest of the 6×6×6
    /// cube (16–231) and the grey ramp (232–255). The first 16 are left out:
    /// terminals let people redefine them.
    public static func nearestXterm(red: Int, green: Int, blue: Int) -> UInt8 {
        func distance(_ index: Int) -> Int {
            let (r, g, b) = Palette.rgb(index)
            return (r - red) * (r - red) + (g - green) * (g - green) + (b - blue) * (b - blue)
        }
        let levels = [0, 95, 135, 175, 215, 255]
        func level(_ v: Int) -> Int { levels.indices.min { abs(levels[$0] - v) < abs(levels[$1] - v) }! }
        let cube = 16 + 36 * level(red) + 6 * level(green) + level(blue)
        let average = (red + green + blue) / 3
        let grey = 232 + min(23, max(0, (average - 3) / 10))
        return UInt8(distance(grey) < distance(cube) ? grey : cube)
    }

    static let palette16: [TerminalColor] = [
        .black, .red, .green, .yellow, .blue, .magenta, .cyan, .white,
        .brightBlack, .brightRed, .brightGreen, .brightYellow,
        .brightBlue, .brightMagenta, .brightCyan, .brightWhite,
    ]

    /// The xterm index of this colour, or nil for `.default`.
    public var xtermIndex: Int? {
        switch self {
        case .default: return nil
        case .indexed(let n): return Int(n)
        default: return Self.palette16.firstIndex(of: self)
        }
    }

    /// The colour number to ask ncurses for at this depth: -1 for the terminal's
    /// default, else an index below the depth's colour count (nearest colour).
    /// `.none` has no colours: always -1.
    public func number(for depth: ColorDepth) -> Int {
        guard let index = xtermIndex else { return -1 }
        switch depth {
        case .none: return -1
        case .full: return index
        case .sixteen: return index < 16 ? index : Palette.nearest(to: index, among: 0..<16)
        case .eight:
            if index < 8 { return index }
            if index < 16 { return index - 8 }
            return Palette.nearest(to: index, among: 0..<8)
        }
    }
}

/// How many colours the terminal can show, as used for drawing.
public enum ColorDepth: Int, Sendable, Comparable, CaseIterable {
    /// Attributes only (NO_COLOR, `monochrome`, or a terminal without colour).
    case none = 0
    case eight = 8
    case sixteen = 16
    case full = 256

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }

    /// The depth to draw with. `forced` (an option) wins over what the terminal
    /// reports, but never exceeds it; `noColor` (the NO_COLOR convention) or
    /// `monochrome` means none.
    public static func effective(hasColors: Bool, colors: Int, noColor: Bool, monochrome: Bool, forced: ColorDepth? = nil) -> ColorDepth {
        if noColor || monochrome || !hasColors { return .none }
        let available: ColorDepth = colors >= 256 ? .full : colors >= 16 ? .sixteen : colors >= 8 ? .eight : .none
        if let forced { return min(forced, available) }
        return available
    }
}

/// How one role looks: colours and attributes.
public struct TerminalStyle: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool
    public var italic: Bool

    public init(foreground: TerminalColor = .default, background: TerminalColor = .default,
                bold: Bool = false, underline: Bool = false, reverse: Bool = false,
                dim: Bool = false, italic: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
        self.italic = italic
    }

    /// The terminal's default look.
    public static let plain = TerminalStyle()

    /// What to ask ncurses for at a given depth.
    ///
    /// Without colours a style keeps its attributes, and one that paints a
    /// background (a selection bar, a header) is drawn reversed so it stays
    /// visible. At 8 or 16 colours a foreground that lands on its own
    /// background is replaced by black or white, whichever shows.
    public func resolved(for depth: ColorDepth) -> ResolvedStyle {
        var fg = foreground.number(for: depth)
        let bg = background.number(for: depth)
        var reverse = self.reverse
        if depth == .none {
            fg = -1
            if background != .default { reverse = true }
        } else if fg == bg, fg >= 0 {
            fg = Palette.isLight(bg) ? 0 : (depth == .eight ? 7 : 15)
        }
        return ResolvedStyle(foreground: fg, background: bg, bold: bold, underline: underline,
                             reverse: reverse, dim: dim, italic: italic)
    }
}

/// A style in ncurses terms: colour numbers (-1 is the terminal's default) and attributes.
public struct ResolvedStyle: Hashable, Sendable {
    public var foreground: Int
    public var background: Int
    public var bold, underline, reverse, dim, italic: Bool
}

/// Maps every `StyleRole` to a `TerminalStyle`. A role the theme leaves out
/// looks like `.normal`; a theme without `.normal` uses the terminal's default.
public struct TerminalTheme: Equatable, Sendable {
    public var styles: [StyleRole: TerminalStyle]

    public init(styles: [StyleRole: TerminalStyle]) {
        self.styles = styles
    }

    public func style(for role: StyleRole) -> TerminalStyle {
        styles[role] ?? styles[.normal] ?? .plain
    }

    /// What to ask ncurses for to draw `role` at `depth`.
    ///
    /// Without colours, a role this theme tells apart by colour alone would
    /// vanish into plain text, so it also takes the attributes `TerminalTheme.mono`
    /// gives it (the selection stays reversed, muted text dim).
    public func resolved(_ role: StyleRole, depth: ColorDepth) -> ResolvedStyle {
        var style = style(for: role)
        if depth == .none, style.foreground != .default || style.background != .default {
            let fallback = TerminalTheme.mono.style(for: role)
            style.bold = style.bold || fallback.bold
            style.underline = style.underline || fallback.underline
            style.reverse = style.reverse || fallback.reverse
            style.dim = style.dim || fallback.dim
            style.italic = style.italic || fallback.italic
        }
        return style.resolved(for: depth)
    }

    public subscript(role: StyleRole) -> TerminalStyle {
        get { style(for: role) }
        set { styles[role] = newValue }
    }

    /// The built-in theme for dark terminals: Themes/dark.toml, embedded.
    /// Written in 256 colours; it falls back to 16, 8 or none on lesser terminals.
    public static let defaultDark = ThemeLoader.builtIn("dark")!.theme

    /// Attributes only: for NO_COLOR, `--theme mono` and terminals without
    /// colour. Themes/mono.toml, embedded.
    public static let mono = ThemeLoader.builtIn("mono")!.theme
}

/// The xterm palette, for finding the nearest of 8 or 16 colours.
enum Palette {
    static let base16: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static func rgb(_ index: Int) -> (Int, Int, Int) {
        if index < 16 { return base16[max(0, index)] }
        if index < 232 {
            let levels = [0, 95, 135, 175, 215, 255]
            let i = index - 16
            return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
        }
        let g = 8 + (index - 232) * 10
        return (g, g, g)
    }

    static func nearest(to index: Int, among candidates: Range<Int>) -> Int {
        let (r, g, b) = rgb(index)
        if max(r, g, b) - min(r, g, b) < 40 {
            // A grey: stay grey (a colour distance would pick cyan for mid-greys),
            // and keep dark greys visible as text on a dark terminal.
            let level = (r + g + b) / 3
            if candidates.count <= 8 { return level < 60 ? 0 : 7 }
            return level < 40 ? 0 : level < 170 ? 8 : level < 235 ? 7 : 15
        }
        // A colour: keep its hue (a distance in RGB turns light green into white
        // and orange into grey), then its brightness if there are 16 to choose from.
        let hue = Self.hue(r, g, b)
        let hues = [(0, 1), (60, 3), (120, 2), (180, 6), (240, 4), (300, 5), (360, 1)]
        var basic = 1
        var bestDistance = Int.max
        for (h, c) in hues where abs(hue - h) < bestDistance {
            bestDistance = abs(hue - h)
            basic = c
        }
        if candidates.count > 8, max(r, g, b) > 215 { return basic + 8 }
        return basic
    }

    /// Hue in degrees, 0..<360, of a colour that is not grey.
    static func hue(_ r: Int, _ g: Int, _ b: Int) -> Int {
        let maxC = max(r, g, b), minC = min(r, g, b)
        let d = Double(maxC - minC)
        var h: Double
        if maxC == r {
            h = Double(g - b) / d
        } else if maxC == g {
            h = 2 + Double(b - r) / d
        } else {
            h = 4 + Double(r - g) / d
        }
        h *= 60
        if h < 0 { h += 360 }
        return Int(h.rounded())
    }

    static func isLight(_ index: Int) -> Bool {
        let (r, g, b) = rgb(index)
        return 299 * r + 587 * g + 114 * b > 128_000
    }
}
