import Foundation
import Testing
@testable import PaddockCore
@testable import PaddockTUI


private var fuzzSeconds: Double { Double(ProcessInfo.processInfo.environment["PADDOCK_FUZZ_SECONDS"] ?? "") ?? 0 }

private func fuzz(cases: Int, _ body: (inout SplitMix64, UInt64) throws -> Void) rethrows {
    let deadline = Date().addingTimeInterval(fuzzSeconds)
    let base: UInt64 = fuzzSeconds > 0 ? UInt64.random(in: 1...UInt64.max / 2) : 0xF00D
    var index: UInt64 = 0
    while index < UInt64(cases) || Date() < deadline {
        var random = SplitMix64(seed: base &+ index)
        try body(&random, base &+ index)
        index += 1
    }
}

@Suite struct RenderFuzzTests {
    /// Whatever member text is put wherever, the grid keeps its geometry and no
    /// cell carries a control character to the terminal.
    @Test func theCanvasKeepsItsGeometryWhateverTextIsPut() {
        fuzz(cases: 1500) { random, seed in
            let width = Int.random(in: 1...50, using: &random), height = Int.random(in: 1...6, using: &random)
            var canvas = Canvas(width: width, height: height)
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let text = HostileCorpus.strings.randomElement(using: &random)!
                let x = Int.random(in: -5...width, using: &random), y = Int.random(in: -1...height, using: &random)
                canvas.put(text, x: x, y: y, maxWidth: Int.random(in: 0...width + 5, using: &random))
            }
            for (row, line) in canvas.rows.enumerated() {
                #expect(TextWidth.of(line) == width, "seed \(seed): row \(row) is \(TextWidth.of(line)) wide: \(line.debugDescription)")
            }
            for y in 0..<height {
                for x in 0..<width {
                    let cell = canvas[x, y]
                    if let grapheme = cell.grapheme {
                        #expect(grapheme.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }, "seed \(seed)")
                    } else {
                        // A continuation cell always follows the left half of a wide grapheme.
                        #expect(x > 0 && TextWidth.of(canvas[x - 1, y].grapheme ?? "") == 2, "seed \(seed): orphan at \(x),\(y)")
                    }
                }
            }
        }
    }

    /// A theme file damaged anywhere either still parses or says file:line and what is wrong.
    @Test func aDamagedThemeNeverCrashesAndAlwaysSaysWhere() {
        let source = BuiltInThemes.dark
        let alphabet = Array("=[]{}\"#,.\n abcxyz019-_") + ["é", "\u{0}", "\t"]
        fuzz(cases: 1500) { random, seed in
            var text = Array(source)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: 0..<text.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: text.remove(at: at)
                case 1: text.insert(alphabet.randomElement(using: &random)!, at: at)
                default: text[at] = alphabet.randomElement(using: &random)!
                }
            }
            do throws(ThemeError) {
                _ = try ThemeFile.parse(String(text), label: "fuzz.toml", name: "dark")
            } catch {
                guard case .malformed(let file, let line, let message) = error else {
                    Issue.record("seed \(seed): \(error)")
                    return
                }
                #expect(file == "fuzz.toml")
                #expect(line >= 1 && line <= text.filter { $0 == "\n" }.count + 1, "seed \(seed): line \(line)")
                #expect(!message.isEmpty && !message.contains("\n"), "seed \(seed)")
            }
        }
    }
}
