// A developer check tool, not part of Paddock: runs a key-echo program on the
// real terminal so the CursesTerminal layer can be tried by hand or under tmux
// (scripts/terminal-check.sh). Options: --mono, --no-mouse, --depth 8|16|256.
// With PADDOCK_CHECK_LOG=path every event is appended to that file.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CursesTerminal
import PaddockTUI

func printError(_ s: String) { _ = s.withCString { write(2, $0, strlen($0)) } }

final class KeyEcho: TerminalProgram {
    var events: [String] = []
    var ticks = 0
    var draft = "Draft line one\n"
    var editorNote = "press e to edit the draft"
    var size = (0, 0)
    let log: UnsafeMutablePointer<FILE>?

    init() {
        log = getenv("PADDOCK_CHECK_LOG").flatMap { fopen($0, "a") }
    }

    func record(_ line: String) {
        events.append(line)
        if events.count > 8 { events.removeFirst() }
        if let log { fputs(line + "\n", log); fflush(log) }
    }

    func handle(_ event: TerminalEvent) -> [TerminalRequest] {
        switch event {
        case .tick:
            ticks += 1
            return []
        case .key(.character("q")):
            record("quit")
            return [.quit]
        case .key(.character("!")) where getenv("PADDOCK_CHECK_CRASH") != nil:
            fatalError("crash requested with '!' (PADDOCK_CHECK_CRASH is set)")
        case .key(.character("e")):
            record("key e → open editor")
            return [.openEditor(text: draft)]
        case .editorFinished(.success(let text)):
            draft = text
            editorNote = "editor ok: \(text.split(separator: "\n").count) lines"
            record("editorFinished success \(String(reflecting: text))")
        case .editorFinished(.failure(let failure)):
            editorNote = failure.message
            record("editorFinished failure \(failure.message)")
        case .hangup:
            record("hangup")
        default:
            record(String(describing: event))
        }
        return []
    }

    func render(width: Int, height: Int) -> Canvas {
        size = (width, height)
        var c = Canvas(width: width, height: height)
        c.fill(x: 0, y: 0, width: width, height: 1, role: .header)
        c.put(" paddock-terminal-check  \(width)x\(height)  ticks \(ticks)", x: 0, y: 0, role: .header)
        c.put("wide: 日本語 🏍 café e\u{301} 👍 ✓|", x: 1, y: 2)
        c.put("a🏍b日c tick=\(ticks % 10)|", x: 1, y: 3)
        c.put("last events:", x: 1, y: 5, role: .title)
        for (i, e) in events.enumerated() { c.put(e, x: 3, y: 6 + i, maxWidth: width - 4) }
        c.put("editor: \(editorNote)", x: 1, y: 15, role: .muted, maxWidth: width - 2)
        var x = 1
        var y = 17
        for role in StyleRole.allCases {
            let label = role.rawValue
            if x + label.count + 1 >= width { x = 1; y += 1 }
            c.put(label, x: x, y: y, role: role)
            x += label.count + 1
        }
        c.fill(x: 0, y: height - 1, width: width, height: 1, role: .footer)
        c.put(" q quit · e editor · keys are echoed above", x: 0, y: height - 1, role: .footer)
        c.put("#", x: width - 1, y: height - 1, role: .selection)
        return c
    }
}

var options = TerminalOptions()
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--mono": options.monochrome = true
    case "--theme-mono": options.theme = .mono
    case "--no-mouse": options.mouse = false
    case "--depth":
        let n = Int(arguments.popFirst() ?? "") ?? 256
        options.colorDepth = ColorDepth(rawValue: n) ?? .full
    default:
        printError("unknown option \(argument)\n")
        exit(2)
    }
}

let program = KeyEcho()
do {
    try CursesTerminal.run(program, options: options)
    print("paddock-terminal-check: clean exit")
} catch {
    printError("paddock-terminal-check: \(error)\n")
    exit(1)
}
