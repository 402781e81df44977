/// Member text written to attack a terminal, spoof what a reader sees, or
/// break layout. Every path that draws member text is tested against all of
/// it: `SafeText`, wrapping and truncation here; screens, the CLI and tmux
/// runs elsewhere.
public enum HostileCorpus {
    /// Each case with a short name, for test messages.
    public static let cases: [(name: String, text: String)] = [
        // Operating system commands (OSC)
        ("OSC 52 clipboard write, BEL", "before\u{1B}]52;c;ZWNobyBwd25lZCA+IH4vLmJhc2hyYw==\u{07}after"),
        ("OSC 52 clipboard write, ST", "before\u{1B}]52;c;cm0gLXJmIH4=\u{1B}\\after"),
        ("OSC 52 clipboard read request", "before\u{1B}]52;c;?\u{07}after"),
        ("OSC 0 title change", "before\u{1B}]0;You have been logged out\u{07}after"),
        ("OSC 2 title change, ST", "before\u{1B}]2;sudo password:\u{1B}\\after"),
        ("OSC 8 hyperlink", "before\u{1B}]8;;https://evil.example/login\u{1B}\\click here\u{1B}]8;;\u{1B}\\after"),
        ("OSC 1337 iTerm file", "before\u{1B}]1337;File=name=eC5zaA==;inline=1:IyEvYmluL3No\u{07}after"),
        ("OSC 4 palette change", "before\u{1B}]4;1;rgb:00/00/00\u{07}after"),
        ("OSC 7 cwd with UTF-8", "before\u{1B}]7;file://hôst/日本\u{07}after"),
        // Control sequences (CSI)
        ("CSI clear screen", "before\u{1B}[2Jafter"),
        ("CSI cursor home", "before\u{1B}[Hafter"),
        ("CSI cursor position", "before\u{1B}[10;20Hafter"),
        ("CSI cursor up to overwrite earlier rows", "before\u{1B}[5Aafter"),
        ("CSI erase line", "before\u{1B}[2Kafter"),
        ("CSI SGR colour", "before\u{1B}[31;1mafter"),
        ("CSI SGR conceal", "before\u{1B}[8mafter"),
        ("CSI private mode: alternate screen off", "before\u{1B}[?1049lafter"),
        ("CSI bracketed paste end", "before\u{1B}[201~after"),
        ("CSI window title report", "before\u{1B}[21tafter"),
        ("CSI scroll region", "before\u{1B}[1;1rafter"),
        ("CSI with ESC inside", "before\u{1B}[1\u{1B}[2Jafter"),
        ("SGR around a word", "\u{1B}[31mred\u{1B}[0m plain"),
        // Device control, application program, privacy, start of string
        ("DCS sixel", "before\u{1B}Pq#0;2;0;0;0#1;2;100;100;0~~@@vv\u{1B}\\after"),
        ("DCS DECRQSS", "before\u{1B}P$q\"p\u{1B}\\after"),
        ("DCS tmux passthrough of OSC 52", "before\u{1B}Ptmux;\u{1B}\u{1B}]52;c;aGk=\u{07}\u{1B}\\after"),
        ("APC kitty graphics", "before\u{1B}_Gf=100,a=T;iVBORw0KGgo=\u{1B}\\after"),
        ("PM", "before\u{1B}^private message\u{1B}\\after"),
        ("SOS", "before\u{1B}Xstart of string\u{1B}\\after"),
        ("OSC cancelled by CAN", "before\u{1B}]0;title\u{18}after"),
        // 8-bit (C1) forms
        ("8-bit CSI", "before\u{9B}2Jafter"),
        ("8-bit OSC with 8-bit ST", "before\u{9D}0;title\u{9C}after"),
        ("8-bit DCS", "before\u{90}q#0;2;0;0;0\u{9C}after"),
        ("8-bit APC", "before\u{9F}payload\u{9C}after"),
        ("C1 NEL, RI, IND", "a\u{85}b\u{8D}c\u{84}d"),
        // Other escapes
        ("ESC c full reset", "before\u{1B}cafter"),
        ("ESC # 8 screen alignment fill", "before\u{1B}#8after"),
        ("ESC ( 0 line-drawing charset", "before\u{1B}(0lqqk\u{1B}(Bafter"),
        ("ESC 7 / ESC 8 save and restore cursor", "before\u{1B}7\u{1B}8after"),
        ("ESC M reverse index", "before\u{1B}Mafter"),
        // Unterminated
        ("unterminated CSI", "before\u{1B}["),
        ("unterminated CSI with parameters", "before\u{1B}[12;"),
        ("unterminated OSC", "before\u{1B}]0;this title never ends and swallows the rest"),
        ("unterminated DCS", "before\u{1B}Pq#0;2;0;0;0"),
        ("unterminated 8-bit OSC", "before\u{9D}52;c;aGk="),
        ("lone ESC at end", "before\u{1B}"),
        ("ESC before non-ASCII", "before\u{1B}éafter"),
        // C0 controls
        ("NUL bytes", "a\u{0}b\u{0}\u{0}c"),
        ("BEL", "ding\u{07}dong"),
        ("backspace overstrike", "password: hunter2\u{08}\u{08}\u{08}\u{08}\u{08}\u{08}\u{08}*******"),
        ("CR overwrite", "rm -rf ~/\rls -la   "),
        ("DEL", "a\u{7F}b"),
        ("vertical tab and form feed", "a\u{0B}b\u{0C}c"),
        ("every C0 control", String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar($0)! }))),
        ("every C1 control", String(String.UnicodeScalarView((0x80..<0xA0).map { Unicode.Scalar($0)! }))),
        ("tab", "col1\tcol2\t\tcol3"),
        ("line and paragraph separators", "a\u{2028}b\u{2029}c"),
        // Bidi
        ("Trojan source: early return", "    if access_level != \"user\u{202E} \u{2066}// Check if admin\u{2069} \u{2066}\" {"),
        ("RLO file name", "invoice\u{202E}fdp.exe"),
        ("embeddings and overrides", "\u{202A}a\u{202B}b\u{202C}\u{202D}c\u{202E}d\u{202C}"),
        ("isolates", "\u{2066}x\u{2067}y\u{2068}z\u{2069}"),
        ("LRM, RLM, ALM", "a\u{200E}b\u{200F}c\u{061C}d"),
        ("RTL text", "שלום עולם — مرحبا بالعالم"),
        ("RTL with digits and override", "123\u{202E}456"),
        // Invisible characters
        ("zero-width space", "adm\u{200B}in"),
        ("zero-width joiner between letters", "a\u{200D}d\u{200D}m\u{200D}i\u{200D}n"),
        ("zero-width non-joiner", "ad\u{200C}min"),
        ("word joiner and invisible operators", "a\u{2060}b\u{2061}c\u{2062}d\u{2063}e\u{2064}f"),
        ("byte order mark", "\u{FEFF}hello\u{FEFF}"),
        ("soft hyphen", "pay\u{00AD}pal"),
        ("Mongolian vowel separator", "x\u{180E}y"),
        ("Hangul filler name", "\u{3164}\u{3164}\u{115F}\u{FFA0}"),
        ("combining grapheme joiner", "a\u{034F}b"),
        ("tag characters smuggling ASCII", "hi\u{E0001}\u{E0069}\u{E0067}\u{E006E}\u{E006F}\u{E0072}\u{E0065}\u{E007F} there"),
        ("orphan variation selectors", "\u{FE0F}\u{FE0F}start \u{FE0E}mid\u{FE0F}\u{FE0F}"),
        ("noncharacters", "a" + String(Unicode.Scalar(0xFFFF)!) + "b" + String(Unicode.Scalar(0xFDD0)!) + "c" + String(Unicode.Scalar(0x1FFFE)!) + "d"),
        // Layout
        ("Zalgo", "Z" + String(repeating: "\u{0336}\u{0334}\u{0337}\u{0335}\u{0338}\u{0321}\u{0322}\u{0327}\u{0328}\u{030D}", count: 10) + "algo"),
        ("combining marks with nothing under them", "\u{0301}\u{0301}x"),
        ("10,000-character line", String(repeating: "A", count: 10_000)),
        ("5,000 CJK characters", String(repeating: "日本語", count: 1_667)),
        ("long words and spaces", String(repeating: "supercalifragilistic ", count: 200)),
        // Emoji and wide text (safe: must survive intact)
        ("emoji ZWJ families", "👩‍👩‍👧 👨‍👩‍👧‍👦 🏳️‍🌈 ❤️‍🔥 👩🏽‍💻"),
        ("flags", "🇮🇹🇯🇵🇺🇸 \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"),
        ("keycaps and skin tones", "1️⃣ #️⃣ 👍🏽 ☝🏿"),
        ("text and emoji presentation", "🏍 🏍️ ✈ ✈️ ✈︎ ☺ ☺️"),
        ("CJK and fullwidth", "日本語 한국어 ｆｕｌｌ 中文"),
        ("mixed", "Hypermotard 950 — così bello! 🏍️ 日本 👩‍👩‍👧 e\u{0301}"),
        ("private use (Nerd Font icons)", "\u{E0A0} main"),
    ]

    /// The texts of ``cases``.
    public static let strings: [String] = cases.map(\.text)
}
