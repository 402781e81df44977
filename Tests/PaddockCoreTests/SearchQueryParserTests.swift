import Foundation
import Testing
@testable import PaddockCore

/// The query language: what each kind of input becomes, and that no input
/// makes anything but quoted strings, parentheses, NOT and * reach FTS5.
@Suite struct SearchQueryParserTests {
    @Test func wordsPhrasesPrefixesAndExclusions() {
        let q = SearchQuery.parse("Seat \"riding mode\" -rain quick* -\"wet road\" \"riding mo\"*")
        #expect(q.problem == nil)
        #expect(q.terms == [SearchTerm(tokens: ["seat"]), SearchTerm(tokens: ["riding", "mode"]),
                            SearchTerm(tokens: ["quick"], prefix: true), SearchTerm(tokens: ["riding", "mo"], prefix: true)])
        #expect(q.excluded == [SearchTerm(tokens: ["rain"]), SearchTerm(tokens: ["wet", "road"])])
        #expect(q.match == "(\"seat\" \"riding mode\" \"quick\"* \"riding mo\"*) NOT \"rain\" NOT \"wet road\"")
    }

    /// A query over the limit is cut between words: no half word is searched for.
    @Test func aLongQueryIsCutBetweenWords() {
        let q = SearchQuery.parse(String(repeating: "brake ", count: 84))
        #expect(Set(q.terms.map(\.tokens)) == [["brake"]])
        #expect(q.notes == ["the query was cut to its first \(SearchQuery.maxLength) characters"])
    }

    @Test func diacriticsAndCaseFold() {
        #expect(SearchQuery.parse("COSÌ Perché").terms.map(\.tokens) == [["cosi"], ["perche"]])
        #expect(SearchText.fold("Ölwechsel") == "olwechsel")
        #expect(SearchText.fold("e\u{301}TÉ Ῥ ÿ") == SearchText.fold("ete ῥ y"))
        #expect(SearchText.fold("Ёлка Ώρα") == "елка ωρα")
        #expect(SearchQuery.day("2024-02-29") != nil && SearchQuery.day("2023-02-29") == nil)
        #expect(SearchQuery.day("2026-05-31 10:00") == nil && SearchQuery.day("2026-5-31") == nil)
    }

    @Test func operatorsAreWords() {
        #expect(SearchQuery.parse("seat AND rain").match == "\"seat\" \"and\" \"rain\"")
        #expect(SearchQuery.parse("NEAR(seat rain)").match == "\"near seat\" \"rain\"")
        #expect(SearchQuery.parse("seat OR NOT").match == "\"seat\" \"or\" \"not\"")
        #expect(SearchQuery.parse("^seat: col:x").match == "\"seat\" \"col x\"")
    }

    @Test func everyFilter() {
        let q = SearchQuery.parse("seat board:Garage product:furia-950 feature:seat status:under-review kind:suggestions "
                                  + "author:@Marco is:unread is:supported before:2026-05-31 after:2026-01-01")
        #expect(q.problem == nil, "\(q.problem ?? "")")
        #expect(q.terms.count == 1)
        let f = q.filters
        #expect(f.board == "garage" && f.product == "furia-950" && f.feature == "seat")
        #expect(f.status == .underReview && f.kind == .suggestion && f.author == "Marco")
        #expect(f.unread && f.supported)
        #expect(f.before == Date(timeIntervalSince1970: 1_780_185_600))  // 2026-05-31 00:00 UTC
        #expect(f.after == Date(timeIntervalSince1970: 1_767_225_600))   // 2026-01-01 00:00 UTC
        #expect(SearchQuery.parse("seat board:\"ideas-lab\"").filters.board == "ideas-lab")
    }

    @Test func hintsInsteadOfErrors() {
        let cases: [(String, String)] = [
            ("", "add a word to search for"),
            ("-rain", "add a word to search for: a search can't be only words to leave out"),
            ("board:garage", "add a word to search for: filters narrow a search, they don't make one"),
            ("seat before:2026-02-30", "before: takes a date written YYYY-MM-DD"),
            ("seat after:yesterday", "after: takes a date written YYYY-MM-DD"),
            ("seat status:maybe", "status: takes one of new, under_review"),
            ("seat kind:survey", "kind: takes discussion, announcement, suggestion or poll"),
            ("seat is:new", "is: takes unread or supported"),
            ("\"", "add a word to search for"),
            ("* - \" ^ : ( )", "add a word to search for"),
        ]
        for (text, hint) in cases {
            let q = SearchQuery.parse(text)
            #expect(q.match == nil, "\(text)")
            #expect(q.problem?.hasPrefix(hint) == true, "\(text): \(q.problem ?? "nil")")
        }
        let unknown = SearchQuery.parse("colour:red seat")
        #expect(unknown.match == "\"colour red\" \"seat\"")
        #expect(unknown.notes.first?.hasPrefix("'colour:' is not a filter") == true)
        #expect(SearchQuery.parse("see https://example.com").notes.isEmpty)
        #expect(SearchQuery.parse("seat -board:garage").notes == ["-board: filters can't be excluded; ignored"])
        let many = SearchQuery.parse((1...30).map { "w\($0)" }.joined(separator: " "))
        #expect(many.terms.count == SearchQuery.maxTerms)
        #expect(many.notes == ["only the first \(SearchQuery.maxTerms) words count"])
    }

    /// Whatever is typed, the MATCH string is made only of quoted strings
    /// (quotes inside doubled), spaces, one pair of parentheses, NOT and *.
    @Test func anyInputMakesOnlyQuotedTerms() {
        let pieces = ["seat", "così", "\"", "'", "*", "-", "+", "^", ":", "(", ")", "{", "}", "AND", "OR", "NOT", "NEAR", "NEAR(",
                      "board:", "is:", "before:", "x:y", "\\", "日本", "🏍", " ", "\t", "\n", "\u{1B}[2J", "\u{0}", "\u{202E}", "e\u{301}"]
            + HostileCorpus.strings.map { String($0.prefix(40)) }
        var random = SplitMix64(seed: 0x5EA7C4)
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let q = SearchQuery.parse(text)
            guard let match = q.match else {
                #expect(q.problem != nil, "\(text.debugDescription) has neither a match nor a problem")
                continue
            }
            #expect(Self.onlyQuotedTerms(match), "\(text.debugDescription) → \(match)")
        }
    }

    static func onlyQuotedTerms(_ match: String) -> Bool {
        // By scalars: FTS5 reads bytes, and a quote may share a grapheme with a combining mark.
        var rest = Array(match.unicodeScalars)[...]
        func skip(_ s: String) -> Bool {
            let scalars = Array(s.unicodeScalars)
            guard rest.starts(with: scalars) else { return false }
            rest = rest.dropFirst(scalars.count)
            return true
        }
        while !rest.isEmpty {
            if skip(" ") || skip("(") || skip(")") || skip("NOT ") || skip("*") { continue }
            guard skip("\"") else { return false }
            while true {
                guard let c = rest.first else { return false }
                rest = rest.dropFirst()
                if c == "\"" {
                    if rest.first == "\"" { rest = rest.dropFirst(); continue }
                    break
                }
            }
        }
        return true
    }

    @Test func snippetsCutAroundTheFirstMatchAndMarkIt() {
        let text = String(repeating: "lorem ipsum ", count: 30) + "the Così seat\nis great " + String(repeating: "dolor ", count: 40)
        let s = SearchSnippet.make(text, terms: SearchQuery.parse("cosi seat").terms, length: 60)
        #expect(s.text.hasPrefix("…") && s.text.hasSuffix("…"))
        #expect(s.runs.filter(\.match).map(\.text) == ["Così", "seat"])
        #expect(!s.text.contains("\n"))
        let prefix = SearchSnippet.matches(in: "Quickshifter, quick!", terms: [SearchTerm(tokens: ["quick"], prefix: true)])
        #expect(prefix == [0..<12, 14..<19])
        let phrase = SearchSnippet.matches(in: "riding the mode; riding mode", terms: SearchQuery.parse("\"riding mode\"").terms)
        #expect(phrase == [17..<28])
    }
}
