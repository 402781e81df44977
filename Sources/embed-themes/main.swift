// embed-themes OUTPUT FILE.toml…: writes OUTPUT, a Swift file holding each theme
// file's text exactly, for the EmbedThemes build plugin (see Plugins/EmbedThemes).
#if canImport(FoundationEssentials)
import FoundationEssentials   // enough here, and no ICU to link into a build tool
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
#else
import Foundation
#endif

func fail(_ message: String) -> Never {
    print("embed-themes: error: \(message)")
    exit(1)
}

/// A Swift literal whose value is `text`, exactly: a raw multi-line literal
/// when that keeps it readable, otherwise an escaped one.
func literal(_ text: String) -> String {
    // Multi-line literals turn CR LF into LF; keep them for text without control characters.
    let plain = text.unicodeScalars.allSatisfy { c in
        c == "\n" || c == "\t" || (c.properties.generalCategory != .control && c.properties.generalCategory != .format)
    }
    if plain {
        // Enough '#' that no '"' or '\' in the text followed by #s can end the literal or escape.
        var longest = 0, run = 0, afterQuoteOrBackslash = false
        for c in text.unicodeScalars {
            if c == "#" {
                run += 1
                if afterQuoteOrBackslash { longest = max(longest, run) }
            } else {
                run = 0
                afterQuoteOrBackslash = c == "\"" || c == "\\"
            }
        }
        let hashes = String(repeating: "#", count: longest + 1)
        return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
    }
    var escaped = "\""
    for c in text.unicodeScalars {
        switch c {
        case "\\": escaped += "\\\\"
        case "\"": escaped += "\\\""
        case "\n": escaped += "\\n"
        case "\r": escaped += "\\r"
        case "\t": escaped += "\\t"
        case _ where c.properties.generalCategory == .control || c.properties.generalCategory == .format:
            escaped += "\\u{\(String(c.value, radix: 16))}"
        default: escaped.unicodeScalars.append(c)
        }
    }
    return escaped + "\""
}

/// The property name for a theme: "high-contrast" → "highContrast".
func identifier(_ name: String) -> String {
    guard let start = name.first, start.isASCII, start.isLetter,
          name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
        fail("theme name '\(name)' cannot be built in: use ASCII letters, digits, '-' and '_', starting with a letter")
    }
    let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" })
    return String(words[0]) + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
}

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else { fail("usage: embed-themes OUTPUT FILE.toml…") }

var themes: [(name: String, property: String, text: String)] = []
for path in arguments.dropFirst() {
    let file = String(path.split(separator: "/").last ?? "")
    guard file.hasSuffix(".toml") else { fail("\(path) is not a .toml file") }
    let name = String(file.dropLast(".toml".count))
    guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else { fail("cannot read \(path)") }
    guard let text = String(validating: data, as: UTF8.self) else { fail("\(path) is not UTF-8 text") }
    let property = identifier(name)
    if let other = themes.first(where: { $0.property == property }) {
        fail("themes '\(other.name)' and '\(name)' would both be BuiltInThemes.\(property): rename one")
    }
    themes.append((name, property, text))
}
themes.sort { $0.name < $1.name }

var swift = """
    // Generated at build time by the EmbedThemes plugin (Plugins/EmbedThemes) from
    // Themes/*.toml: edit the theme files, not this file.

    /// The theme files that ship with Paddock, by name, as written in Themes/:
    /// embedded so the app has its themes wherever the binary is installed, and
    /// so the built-in default *is* Themes/dark.toml.
    enum BuiltInThemes {
        static let names = [\(themes.map { "\"\($0.name)\"" }.joined(separator: ", "))]

        static func text(_ name: String) -> String? {
            switch name {

    """
for theme in themes {
    swift += "        case \"\(theme.name)\": return `\(theme.property)`\n"
}
swift += """
            default: return nil
            }
        }

    """
for theme in themes {
    swift += "\n    static let `\(theme.property)` = \(literal(theme.text))\n"
}
swift += "}\n"

// Rewritten only when it changes, so an unchanged theme recompiles nothing.
let url = URL(fileURLWithPath: output)
if (try? Data(contentsOf: url)) != Data(swift.utf8) {
    do { try Data(swift.utf8).write(to: url, options: .atomic) } catch { fail("cannot write \(output): \(error)") }
}
