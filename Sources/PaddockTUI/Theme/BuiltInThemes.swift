// The theme files of Themes/, embedded so the app has its themes wherever the
// binary is installed, and so the built-in default *is* Themes/dark.toml.
// ThemeTests checks that each text here equals its file: after editing a file
// in Themes/, paste it here (between the #""" and """# lines) as well.

/// The theme files that ship with Paddock, by name, as written in Themes/.
enum BuiltInThemes {
    static let names = ["dark", "mono", "light", "ardente", "high-contrast"]

    static func text(_ name: String) -> String? {
        switch name {
        case "dark": return dark
        case "mono": return mono
        case "light": return light
        case "ardente": return ardente
        case "high-contrast": return highContrast
        default: return nil
        }
    }

    static let dark = #"""
# Paddock theme: dark (the default)
# Written in 256 colours; on lesser terminals each colour falls back to the
# nearest of 16 or 8, and without colour to the attributes of `mono`.
name = "dark"
description = "Light text on a dark terminal (the default)"

[styles]
normal = { fg = "default", bg = "default" }
title = { fg = "bright-white", bold = true }
header = { fg = "bright-white", bg = 24, bold = true }
footer = { fg = 252, bg = 236 }
status = { fg = 252, bg = 238 }
selection = { fg = "bright-white", bg = 61, bold = true }
unread = { fg = "bright-white", bold = true }
official = { fg = 214, bold = true }
muted = { fg = 244 }
error = { fg = "bright-red", bold = true }
border = { fg = 240 }
quote = { fg = 109, italic = true }
highlight = { fg = "black", bg = 220 }
badge = { fg = "black", bg = 214, bold = true }
accent = { fg = 203 }
mention = { fg = 117, bold = true }
"status.new" = { fg = 81 }
"status.under_review" = { fg = 220 }
"status.planned" = { fg = 75 }
"status.in_progress" = { fg = 171 }
"status.shipped" = { fg = 114, bold = true }
"status.declined" = { fg = 203 }
"status.duplicate" = { fg = 245 }
"status.expired" = { fg = 242 }

"""#

    static let mono = #"""
# Paddock theme: mono
# Attributes only, no colour: what NO_COLOR and terminals without colour get.
name = "mono"
description = "Attributes only, no colour"

[styles]
normal = {}
title = { bold = true }
header = { bold = true, reverse = true }
footer = { reverse = true }
status = { reverse = true }
selection = { bold = true, reverse = true }
unread = { bold = true }
official = { bold = true, underline = true }
muted = { dim = true }
error = { bold = true, underline = true }
border = { dim = true }
quote = { italic = true }
highlight = { bold = true, underline = true }
badge = { reverse = true }
accent = { bold = true }
mention = { bold = true }
"status.new" = { bold = true }
"status.under_review" = { underline = true }
"status.planned" = { bold = true }
"status.in_progress" = { bold = true, underline = true }
"status.shipped" = { bold = true }
"status.declined" = { dim = true }
"status.duplicate" = { dim = true }
"status.expired" = { dim = true }

"""#

    static let light = #"""
# Paddock theme: light
# Dark text for terminals with a light background. Colours are chosen dark
# enough to read on white; bars are pale so the text on them stays black.
name = "light"
description = "Dark text on a light terminal"

[styles]
normal = { fg = "default", bg = "default" }
title = { fg = 16, bold = true }
header = { fg = "bright-white", bg = 25, bold = true }
footer = { fg = 236, bg = 252 }
status = { fg = 236, bg = 250 }
selection = { fg = 16, bg = 153, bold = true }
unread = { fg = 16, bold = true }
official = { fg = 130, bold = true }
muted = { fg = 243 }
error = { fg = 160, bold = true }
border = { fg = 248 }
quote = { fg = 30, italic = true }
highlight = { fg = 16, bg = 228 }
badge = { fg = "bright-white", bg = 130, bold = true }
accent = { fg = 161 }
mention = { fg = 25, bold = true }
"status.new" = { fg = 31 }
"status.under_review" = { fg = 136 }
"status.planned" = { fg = 26 }
"status.in_progress" = { fg = 91 }
"status.shipped" = { fg = 28, bold = true }
"status.declined" = { fg = 160 }
"status.duplicate" = { fg = 244 }
"status.expired" = { fg = 246 }

"""#

    static let ardente = #"""
# Paddock theme: ardente
# The brand's red (#cc0000) on a dark terminal: red bars, warm accents.
name = "ardente"
description = "Brand red on a dark terminal"

[styles]
normal = { fg = "default", bg = "default" }
title = { fg = "#ffffff", bold = true }
header = { fg = "#ffffff", bg = "#cc0000", bold = true }
footer = { fg = "#dadada", bg = "#5f0000" }
status = { fg = "#ffffff", bg = "#870000" }
selection = { fg = "#ffffff", bg = "#af0000", bold = true }
unread = { fg = "#ffffff", bold = true }
official = { fg = "#ff5f5f", bold = true, underline = true }
muted = { fg = "#8a8a8a" }
error = { fg = "#ffaf00", bold = true }
border = { fg = "#870000" }
quote = { fg = "#d7afaf", italic = true }
highlight = { fg = "#000000", bg = "#ffd700" }
badge = { fg = "#ffffff", bg = "#cc0000", bold = true }
accent = { fg = "#ff0000" }
mention = { fg = "#ffaf5f", bold = true }
"status.new" = { fg = "#ffd7af" }
"status.under_review" = { fg = "#ffd700" }
"status.planned" = { fg = "#87afff" }
"status.in_progress" = { fg = "#ff87ff" }
"status.shipped" = { fg = "#87d787", bold = true }
"status.declined" = { fg = "#ff5f5f", dim = true }
"status.duplicate" = { fg = "#949494" }
"status.expired" = { fg = "#6c6c6c" }

"""#

    static let highContrast = #"""
# Paddock theme: high-contrast
# The 16 basic colours only, bright on black, with attributes that carry the
# meaning on their own: for low vision, bright rooms and projectors.
name = "high-contrast"
description = "Bright on black, 16 colours, bold marks"

[styles]
normal = { fg = "bright-white", bg = "black" }
title = { fg = "bright-white", bg = "black", bold = true, underline = true }
header = { fg = "black", bg = "bright-white", bold = true }
footer = { fg = "black", bg = "bright-white" }
status = { fg = "black", bg = "bright-yellow", bold = true }
selection = { fg = "black", bg = "bright-yellow", bold = true }
unread = { fg = "bright-white", bg = "black", bold = true }
official = { fg = "bright-cyan", bg = "black", bold = true, underline = true }
muted = { fg = "white", bg = "black" }
error = { fg = "bright-white", bg = "red", bold = true }
border = { fg = "bright-white", bg = "black" }
quote = { fg = "bright-cyan", bg = "black", italic = true }
highlight = { fg = "black", bg = "bright-cyan", bold = true }
badge = { fg = "black", bg = "bright-green", bold = true }
accent = { fg = "bright-yellow", bg = "black", bold = true }
mention = { fg = "bright-cyan", bold = true, underline = true }
"status.new" = { fg = "bright-cyan", bg = "black", bold = true }
"status.under_review" = { fg = "bright-yellow", bg = "black", bold = true }
"status.planned" = { fg = "bright-blue", bg = "black", bold = true }
"status.in_progress" = { fg = "bright-magenta", bg = "black", bold = true }
"status.shipped" = { fg = "bright-green", bg = "black", bold = true }
"status.declined" = { fg = "bright-red", bg = "black", bold = true }
"status.duplicate" = { fg = "white", bg = "black", underline = true }
"status.expired" = { fg = "white", bg = "black", italic = true }

"""#
}
