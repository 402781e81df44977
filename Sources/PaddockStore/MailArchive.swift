import Foundation
import PaddockCore

/// Where mail comes from: mbox files and maildir folders.
public enum MailSource: Equatable, Sendable {
    case mbox(String)
    case maildir(String)

    public var path: String {
        switch self {
        case .mbox(let path), .maildir(let path): path
        }
    }
}

/// Reads archives a message at a time. An mbox is read in 1 MB chunks through
/// `MboxSplitter`; a maildir's `cur/` and `new/` files one by one, in name
/// order. Each message has a place it can be read from again
/// (`read(_:)`), so an import keeps only places between its passes, never text.
final class MailArchive {
    /// Where a message is: an mbox's byte range, or a maildir file.
    struct Place {
        var source: Int32
        var offset: Int64
        var length: Int32
    }

    let sources: [MailSource]
    /// A maildir's files, by `Place.offset`.
    private(set) var files: [String] = []
    static let chunkSize = 1 << 20

    /// Refuses, before anything is read, a source that is not there or not of its kind.
    init(sources: [MailSource]) throws {
        self.sources = sources
        for source in sources {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory)
            switch source {
            case .mbox(let path):
                guard exists, !isDirectory.boolValue, FileManager.default.isReadableFile(atPath: path) else {
                    throw CommunityError.invalid("cannot read the mbox \(path): \(exists ? "not a readable file" : "no such file")")
                }
            case .maildir(let path):
                let cur = (path as NSString).appendingPathComponent("cur"), new = (path as NSString).appendingPathComponent("new")
                guard exists, isDirectory.boolValue, FileManager.default.fileExists(atPath: cur) || FileManager.default.fileExists(atPath: new) else {
                    throw CommunityError.invalid("\(path) is not a maildir (a folder with cur/ and new/)")
                }
            }
        }
    }

    /// The total size of the mbox files, for a progress bar; maildirs count their files.
    func totalBytes() -> Int64 {
        sources.reduce(0) { sum, source in
            guard case .mbox(let path) = source else { return sum }
            return sum + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0)
        }
    }

    /// Calls `body` with each message's place, bytes, the date its envelope
    /// gives (From_ line, or the maildir file name's time) and the bytes read so far.
    /// Returns the sources in which no message was found.
    @discardableResult
    func forEach(_ body: (Place, [UInt8], Date?, Int64) throws -> Void) throws -> [MailSource] {
        var bytesRead: Int64 = 0
        var empty: [MailSource] = []
        for (index, source) in sources.enumerated() {
            var found = 0
            defer { if found == 0 { empty.append(source) } }
            switch source {
            case .mbox(let path):
                let fd = open(path, O_RDONLY)
                guard fd >= 0 else { throw CommunityError.invalid("cannot read the mbox \(path): \(String(cString: strerror(errno)))") }
                defer { close(fd) }
                var splitter = MboxSplitter()
                var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
                func deliver(_ message: MboxSplitter.Message) throws {
                    let place = Place(source: Int32(index), offset: message.offset, length: Int32(clamping: message.bytes.count))
                    found += 1
                    try body(place, message.bytes, MailDate.parse(message.envelope), bytesRead)
                }
                while true {
                    let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else { break }
                    bytesRead += Int64(n)
                    for message in splitter.feed(chunk[0..<n]) { try deliver(message) }
                }
                if let last = splitter.finish() { try deliver(last) }
            case .maildir(let path):
                for folder in ["cur", "new"] {
                    let dir = (path as NSString).appendingPathComponent(folder)
                    let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
                    for name in names {
                        let file = (dir as NSString).appendingPathComponent(name)
                        files.append(file)
                        let place = Place(source: Int32(index), offset: Int64(files.count - 1), length: 0)
                        // Maildir names start with the delivery time in seconds.
                        let seconds = name.prefix(while: \.isNumber)
                        let fallback = Int(seconds).flatMap { $0 > 0 ? Date(timeIntervalSince1970: TimeInterval($0)) : nil }
                        let bytes = FileManager.default.contents(atPath: file).map { [UInt8]($0) } ?? []
                        bytesRead += Int64(bytes.count)
                        found += 1
                        try body(place, bytes, fallback, bytesRead)
                    }
                }
            }
        }
        return empty
    }

    /// A message's bytes again, from its place.
    func read(_ place: Place) -> [UInt8]? {
        switch sources[Int(place.source)] {
        case .mbox(let path):
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var bytes = [UInt8](repeating: 0, count: Int(place.length))
            var done = 0
            while done < bytes.count {
                let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, $0.count - done, off_t(place.offset) + off_t(done)) }
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return nil }
                done += n
            }
            return bytes
        case .maildir:
            return FileManager.default.contents(atPath: files[Int(place.offset)]).map { [UInt8]($0) }
        }
    }

    /// Where a message is, for a report: `FILE at byte N`, or the maildir file.
    func describe(_ place: Place) -> String {
        switch sources[Int(place.source)] {
        case .mbox(let path): "\(path) at byte \(place.offset)"
        case .maildir: files[Int(place.offset)]
        }
    }
}
