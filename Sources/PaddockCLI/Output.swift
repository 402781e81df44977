import Foundation
import PaddockCore

/// Printing for people and for scripts. Member text printed for people goes
/// through SafeText; JSON keeps it exactly as written (escaped by the encoder).
enum Output {
    /// The one way a command prints its result: `value` as JSON for scripts
    /// (`--json`), or what `text` prints for people.
    static func emit(_ value: some Encodable, json: Bool, text: () throws -> Void) throws {
        if json {
            try Output.json(value)
        } else {
            try text()
        }
    }

    static func json(_ value: some Encodable) throws {
        write(try jsonData(value) + Data("\n".utf8))
    }

    /// `value` as the JSON `--json` prints: sorted keys, times in ISO 8601 UTC.
    static func jsonData(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // ISO 8601 in UTC to the second, written without Foundation's formatter (see UTCTime).
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(UTCTime(date).iso8601)
        }
        return try encoder.encode(value)
    }

    static func line(_ text: String = "") {
        write(Data((text + "\n").utf8))
    }

    /// Writes to standard output whole. A reader that went away (`| head`)
    /// ends the command quietly; any other failure (a full disk, a closed
    /// descriptor) is one line and exit 1, never a trap.
    static func write(_ data: Data) {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else if errno == EPIPE {
                    exit(0)
                } else {
                    Paddock.fail("cannot write the output: \(String(cString: strerror(errno)))")
                }
            }
        }
    }

    /// Member text as safe lines for a terminal.
    static func safeLines(_ text: String) -> [String] {
        SafeText.multiline(text)
    }

    /// A left-aligned column of exactly `width` terminal columns.
    static func cell(_ text: String, _ width: Int) -> String {
        TextWrap.pad(SafeText.columnar(text), width: width)
    }

    /// Prints rows as aligned columns; the last column takes what is left of 100.
    static func table(_ header: [String], _ rows: [[String]]) {
        guard !header.isEmpty else { return }
        var widths = header.map { TextWidth.of($0) }
        for row in rows {
            for (i, value) in row.enumerated().dropLast() {
                widths[i] = min(40, max(widths[i], TextWidth.of(SafeText.displayable(value))))
            }
        }
        func render(_ row: [String]) -> String {
            row.enumerated().map { i, value in
                i == row.count - 1 ? SafeText.displayable(value) : cell(value, widths[i])
            }.joined(separator: "  ")
        }
        line(render(header))
        rows.forEach { line(render($0)) }
    }

    static func date(_ date: Date?) -> String {
        guard let date else { return "—" }
        return UTCTime(date).minuteText
    }
}
