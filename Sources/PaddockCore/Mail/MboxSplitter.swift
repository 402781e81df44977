/// Splits an mbox into messages as its bytes arrive, a chunk at a time: the
/// archive is never held whole, only the message being read.
///
/// A message starts at a `From ` line (the "From_ line") at the start of the
/// file or after an empty line, that looks like an envelope: `From ` then a
/// sender and a date with a time (`hh:mm`). A `From ` line anywhere else is
/// body text (mboxo archives leave such lines unquoted). A From_ line with a
/// sender but no date (`From alice@example.com`) also starts a message when
/// the line after it is a header field (`Name: value`). The bytes handed out
/// are the message as stored, quoting included: ``MailParser`` unquotes them
/// (mboxrd: one `>` comes off every `>…>From ` line).
public struct MboxSplitter {
    /// One message: where its headers start in the file, its From_ line's text
    /// (without "From "), and its bytes up to (not including) the next From_
    /// line's preceding blank line.
    public struct Message {
        public var offset: Int64
        public var envelope: String
        public var bytes: [UInt8]
    }

    private var pending: [UInt8] = []
    /// File offset of `pending[0]`.
    private var pendingOffset: Int64 = 0
    /// Where in `pending` the scan for line starts resumes.
    private var scanned = 0
    private var current: (offset: Int64, envelope: String, start: Int)?
    /// Bytes before the first From_ line (not an mbox, or a damaged start).
    public private(set) var leadingGarbage: Int64 = 0

    public init() {}

    /// Takes the next chunk of the file; returns the messages it completed.
    public mutating func feed(_ chunk: some Collection<UInt8>) -> [Message] {
        pending.append(contentsOf: chunk)
        var done: [Message] = []
        // Walk whole lines only; the last, unfinished line waits for the next chunk.
        while let newline = pending[scanned...].firstIndex(of: 10) {
            let lineStart = scanned
            scanned = newline + 1
            switch fromLine(lineStart, newline) {
            case .no: continue
            case .yes: break
            case .ifHeaderFollows:
                // The next line decides; wait for it when it has not arrived yet.
                guard let next = pending[scanned...].firstIndex(of: 10) else {
                    scanned = lineStart
                    return finishFeed(done)
                }
                guard isHeaderField(scanned, next) else { continue }
            }
            let atStart = lineStart == 0 && pendingOffset == 0
            let afterBlank = lineStart >= 1 && pending[lineStart - 1] == 10
                && (lineStart == 1 || pending[lineStart - 2] == 10 || (pending[lineStart - 2] == 13 && lineStart >= 3 && pending[lineStart - 3] == 10))
            guard atStart || afterBlank || current == nil else { continue }
            if let current {
                done.append(finish(current, end: lineStart))
            } else {
                leadingGarbage += Int64(lineStart)
            }
            let envelopeEnd = newline > lineStart + 5 && pending[newline - 1] == 13 ? newline - 1 : newline  // CRLF files
            let envelope = String(decoding: pending[(lineStart + 5)..<envelopeEnd], as: UTF8.self)
            current = (pendingOffset + Int64(scanned), envelope, scanned)
        }
        return finishFeed(done)
    }

    private mutating func finishFeed(_ done: [Message]) -> [Message] {
        compact()
        if current == nil, scanned > 0 {
            // Nothing of the message format yet: drop what was read, it is no message.
            leadingGarbage += Int64(scanned)
            pendingOffset += Int64(scanned)
            pending.removeFirst(scanned)
            scanned = 0
        }
        return done
    }

    /// The end of the file: the last message, if any.
    public mutating func finish() -> Message? {
        guard let current else { return nil }
        scanned = pending.count
        let message = finish(current, end: pending.count)
        self.current = nil
        return message
    }

    private func finish(_ message: (offset: Int64, envelope: String, start: Int), end: Int) -> Message {
        var stop = end
        // The blank line before the next From_ line separates; it is not the body's.
        if stop > message.start, pending[stop - 1] == 10 {
            stop -= 1
            if stop > message.start, pending[stop - 1] == 13 { stop -= 1 }
        }
        return Message(offset: message.offset, envelope: message.envelope, bytes: Array(pending[message.start..<max(message.start, stop)]))
    }

    /// Drops the bytes before the current message: once per chunk, so a chunk
    /// of many small messages is moved once, not once per message.
    private mutating func compact() {
        guard let current, current.start > 0 else { return }
        pending.removeFirst(current.start)
        pendingOffset += Int64(current.start)
        scanned -= current.start
        self.current = (current.offset, current.envelope, 0)
    }

    private enum FromLine { case no, yes, ifHeaderFollows }

    /// `From ` + sender + something with a time, e.g. `From a@b.c Thu Dec  3 09:33:22 2026`;
    /// or `From ` + a sender alone (one word), which starts a message only before a header field.
    private func fromLine(_ start: Int, _ end: Int) -> FromLine {
        guard end - start >= 6, pending[start] == 70, pending[start + 1] == 114, pending[start + 2] == 111,
              pending[start + 3] == 109, pending[start + 4] == 32 else { return .no }
        var i = start + 5
        while i + 2 < end {
            if pending[i] == 58, isDigit(pending[i - 1]), isDigit(pending[i + 1]), isDigit(pending[i + 2]) { return .yes }
            i += 1
        }
        var stop = end
        while stop > start + 5, pending[stop - 1] == 13 || pending[stop - 1] == 32 || pending[stop - 1] == 9 { stop -= 1 }
        guard stop > start + 5, !pending[(start + 5)..<stop].contains(where: { $0 == 32 || $0 == 9 }) else { return .no }
        return .ifHeaderFollows
    }

    /// `Name: value`: a field name (letters, digits, `-`) and a colon.
    private func isHeaderField(_ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end, pending[i] == 45 || isDigit(pending[i]) || (pending[i] | 0x20 >= 97 && pending[i] | 0x20 <= 122) { i += 1 }
        return i > start && i < end && pending[i] == 58
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
}
