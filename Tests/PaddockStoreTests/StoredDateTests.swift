import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore

/// Moments are stored as text by UTCTime, never by GRDB's Date conversion,
/// which loads ICU and costs every session about 12 MB (BENCHMARKS.md).
@Suite struct StoredDateTests {
    @Test func storedTextIsGRDBsFormatAndReadsBack() throws {
        let db = try DatabaseQueue()
        let moments = [Date(timeIntervalSince1970: 1_780_000_000.123), Date(timeIntervalSince1970: 0),
                       Date(timeIntervalSince1970: 951_825_600)]  // 2000-02-29 12:00
        for moment in moments {
            // The same text GRDB would have written, so old files and new rows sort together.
            let ours = moment.stored
            let grdbs = try db.read { try String.fetchOne($0, sql: "SELECT ?", arguments: [moment])! }
            #expect(ours == grdbs)
            let back = try db.read { try Date.fetchStored($0, sql: "SELECT ?", arguments: [ours]) }
            #expect(abs(back!.timeIntervalSince(moment)) < 0.001)
        }
    }

    /// A bare Date in statement arguments or a query filter would go through
    /// GRDB's DateFormatter; reads have `row.date(_:)` (the bare subscript warns).
    @Test func theStoreNeverHandsGRDBABareDate() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/PaddockStore").standardizedFileURL
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" && $0.lastPathComponent != "StoredDate.swift" }
        #expect(files.count > 10)
        let moment = try Regex(#"\b(now|until|deadline|since|date|[a-z]+At|[a-z]+Date|[a-z]+Until)\b"#)
            .wordBoundaryKind(.simple)  // "now.stored" is one word to Unicode's rules
        let grdbFetch = try Regex(#"Date\??\.fetch(One|All|Cursor|Set)\("#)
        var bare: [String] = []
        var storedElements = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            if text.contains(grdbFetch) {
                bare.append("\(file.lastPathComponent): Date.fetch… (use Date.fetchStored)")
            }
            for element in Self.argumentElements(text) where element.contains(moment) {
                if element.contains(".stored") || element.contains("SQLDate.string") { storedElements += 1 } else { bare.append("\(file.lastPathComponent): arguments element `\(element)`") }
            }
        }
        #expect(bare.isEmpty, "\(bare.joined(separator: "\n"))")
        #expect(storedElements > 20, "the scan must see the store's arguments")
    }

    /// The top-level elements of every `arguments` array literal.
    static func argumentElements(_ text: String) -> [String] {
        var elements: [String] = []
        var rest = Substring(text)
        // `arguments: [`, `arguments = [` and `arguments += [`: every way the store builds them.
        let opening = try! Regex(#"arguments(: | = | \+= )\["#)
        while let start = rest.firstRange(of: opening) {
            var depth = 1, element = "", index = start.upperBound
            while index < rest.endIndex, depth > 0 {
                let c = rest[index]
                if "[(".contains(c) { depth += 1 }
                if "])".contains(c) { depth -= 1 }
                if depth == 0 || (depth == 1 && c == ",") {
                    elements.append(element.trimmingCharacters(in: .whitespacesAndNewlines))
                    element = ""
                } else {
                    element.append(c)
                }
                index = rest.index(after: index)
            }
            rest = rest[index...]
        }
        return elements.filter { !$0.isEmpty }
    }
}
