import Foundation
import Testing
@testable import PaddockCore

/// Hand-written messages, one per case: what each becomes as text, and how they thread.
@Suite struct MailParsingTests {
    static func b(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func parse(_ raw: [UInt8]) throws -> MailMessage {
        try MailParser.message(raw, fallbackDate: nil)
    }

    static func mail(_ headers: String, _ body: [UInt8]) -> [UInt8] {
        b("From: Ann <ann@example.org>\nDate: Thu, 3 Dec 2026 09:00:00 +0000\nMessage-ID: <a@x>\nSubject: s\n" + headers + "\n") + body
    }

    @Test func theSplitterStreamsMessagesAndUnquotesFromLines() throws {
        let mbox = """
            From ann@example.org Thu Dec  3 09:00:00 2026
            From: ann@example.org
            Subject: one

            Hello
            >From the start, this was quoted.
            >>From twice quoted.
            From here a line that is body: no blank line before it.

            From bob@example.org Thu Dec  3 10:00:00 2026
            From: bob@example.org
            Subject: two

            Second

            """
        // Byte by byte in chunks of 7: a From_ line split across chunks is still found.
        var splitter = MboxSplitter()
        var messages: [MboxSplitter.Message] = []
        let bytes = Self.b(mbox)
        var i = 0
        while i < bytes.count {
            messages += splitter.feed(bytes[i..<min(bytes.count, i + 7)])
            i += 7
        }
        if let last = splitter.finish() { messages.append(last) }
        #expect(messages.count == 2)
        #expect(messages[0].envelope == "ann@example.org Thu Dec  3 09:00:00 2026")
        #expect(messages[1].offset == Int64(bytes.count - Self.b("From: bob@example.org\nSubject: two\n\nSecond\n").count))
        let first = try MailParser.message(messages[0].bytes, fallbackDate: MailDate.parse(messages[0].envelope))
        #expect(first.body.text == "Hello\nFrom the start, this was quoted.\n>From twice quoted.\nFrom here a line that is body: no blank line before it.")
        #expect(first.envelope.date == UTCTime(year: 2026, month: 12, day: 3, hour: 9).date, "the From_ line's date when there is no Date header")
        #expect(try MailParser.message(messages[1].bytes, fallbackDate: MailDate.parse(messages[1].envelope)).body.text == "Second")
    }

    @Test func crlfArchivesSplitAndReadTheSame() throws {
        let mbox = "From a@b Thu Dec  3 09:00:00 2026\r\nFrom: a@b\r\nSubject: one\r\n\r\nline one\r\nline two\r\n\r\n"
            + "From b@c Thu Dec  3 10:00:00 2026\r\nFrom: b@c\r\nSubject: two\r\n\r\nsecond\r\n"
        var splitter = MboxSplitter()
        let messages = splitter.feed(Self.b(mbox)) + [splitter.finish()!]
        #expect(messages.count == 2)
        let first = try MailParser.message(messages[0].bytes, fallbackDate: MailDate.parse(messages[0].envelope))
        #expect(first.body.text == "line one\nline two")
        #expect(first.envelope.date == UTCTime(year: 2026, month: 12, day: 3, hour: 9).date)
    }

    @Test func aMultipartWithoutItsClosingLineStillGivesItsParts() throws {
        let body = "--b\nContent-Type: text/plain\n\nfirst\n--b\nContent-Type: text/plain\n\nsecond, never closed\n"
        let m = try Self.parse(Self.mail("Content-Type: multipart/mixed; boundary=\"b\"\n", Self.b(body)))
        #expect(m.body.text == "first\n\nsecond, never closed")
    }

    @Test func headersUnfoldAndEncodedWordsDecode() throws {
        let raw = Self.b("""
            From: =?ISO-8859-1?Q?Andr=E9?= Rossi <Andre@Example.ORG>
            Subject: =?utf-8?B?Q2lhbyDwn4+N?=
             =?iso-8859-1?q?_caf=E9?= plain
            Date: Mon, 5 Jan 04 10:00:00 EST
            Message-ID: <m1@x>

            body
            """)
        let m = try Self.parse(raw)
        #expect(m.envelope.from == MailAddress(name: "André Rossi", address: "andre@example.org"))
        #expect(m.envelope.subject == "Ciao 🏍 café plain")
        #expect(m.envelope.date == UTCTime(year: 2004, month: 1, day: 5, hour: 15).date, "EST is -0500; a two-digit year below 50 is 20xx")
        #expect(m.envelope.messageID == "m1@x")
    }

    @Test(arguments: [
        ("iso-8859-1", [0x43, 0x61, 0x66, 0xE9] as [UInt8], "Café"),
        ("koi8-r", [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], "Привет"),
        ("shift_jis", [0x93, 0xFA, 0x96, 0x7B], "日本"),
        ("windows-1252", [0x93, 0x6F, 0x6B, 0x94, 0x20, 0x80], "“ok” €"),
        ("iso-8859-2", [0xB1], "ą"),
        ("gb2312", [0xD6, 0xD0, 0xCE, 0xC4], "中文"),
    ])
    func legacyCharsetsBecomeUTF8(charset: String, bytes: [UInt8], text: String) throws {
        let m = try Self.parse(Self.mail("Content-Type: text/plain; charset=\"\(charset)\"\n", bytes))
        #expect(m.body.text == text)
        #expect(m.body.unknownCharsets.isEmpty)
    }

    @Test func anUnknownCharsetIsReadAsLatin1AndReported() throws {
        let m = try Self.parse(Self.mail("Content-Type: text/plain; charset=x-martian\n", [0x48, 0x69, 0xE9]))
        #expect(m.body.text == "Hié")
        #expect(m.body.unknownCharsets == ["x-martian"])
    }

    @Test func quotedPrintableAndBase64Decode() throws {
        let qp = try Self.parse(Self.mail("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n",
                                          Self.b("Caf=C3=A9 with a soft=\n break and =3D sign.\n")))
        #expect(qp.body.text == "Café with a soft break and = sign.")
        let b64 = try Self.parse(Self.mail("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n",
                                           Self.b(TransferEncoding.base64Encode(Self.b("Ciao 🏍\nsecond line")) + "\n")))
        #expect(b64.body.text == "Ciao 🏍\nsecond line")
    }

    @Test func htmlOnlyBecomesReadableText() throws {
        let html = """
            <html><head><title>x</title><style>p { color: red }</style></head><body>
            <p>Hello   <b>riders</b>,</p><script>alert(1)</script>
            <p>First&nbsp;line<br>second &amp; third &#233; &#x1F3CD;</p>
            <ul><li>one</li><li>two</li></ul><!-- hidden -->
            </body></html>
            """
        let m = try Self.parse(Self.mail("Content-Type: text/html; charset=utf-8\n", Self.b(html)))
        #expect(m.body.text == "Hello riders,\n\nFirst line\nsecond & third é 🏍\n\n- one\n- two")
    }

    @Test func multipartAlternativeGivesItsPlainTextAndAttachmentsAreListed() throws {
        let body = """
            --outer
            Content-Type: multipart/alternative; boundary="inner"

            --inner
            Content-Type: text/plain; charset=utf-8

            The plain text.
            --inner
            Content-Type: text/html

            <p>The <i>HTML</i>.</p>
            --inner--

            --outer
            Content-Type: image/jpeg; name="photo.jpg"
            Content-Disposition: attachment; filename="photo.jpg"
            Content-Transfer-Encoding: base64

            \(TransferEncoding.base64Encode([UInt8](repeating: 7, count: 240 * 1024)))
            --outer--
            """
        let m = try Self.parse(Self.mail("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=outer\n", Self.b(body)))
        #expect(m.body.text == "The plain text.")
        #expect(m.body.attachments == [.init(name: "photo.jpg", bytes: 240 * 1024)])
        #expect(m.body.post == "The plain text.\n\n[attachment: photo.jpg, 240 KB]")
    }

    @Test func formatFlowedIsJoinedAndSignaturesStay() throws {
        let text = "This is a long \nparagraph that \nflows.\n> quoted \n> too\n\n-- \nAnn, list footer"
        let m = try Self.parse(Self.mail("Content-Type: text/plain; charset=utf-8; format=flowed\n", Self.b(text)))
        #expect(m.body.text == "This is a long paragraph that flows.\n> quoted too\n\n-- \nAnn, list footer")
        let delsp = try Self.parse(Self.mail("Content-Type: text/plain; format=flowed; delsp=yes\n", Self.b("Japa \nnese\n")))
        #expect(delsp.body.text == "Japanese")
    }

    @Test func aMessageWithoutMessageIDGetsAStableOne() throws {
        let raw = Self.b("From: ann@example.org\nDate: Thu, 3 Dec 2026 09:00:00 +0000\nSubject: hi\n\ntext\n")
        let one = try MailParser.envelope(raw, fallbackDate: nil)
        #expect(!one.hadMessageID)
        #expect(one.messageID == (try MailParser.envelope(raw, fallbackDate: nil)).messageID)
        #expect(one.messageID.hasPrefix("synthetic.") && one.messageID.hasSuffix("@paddock.invalid"))
        let other = try MailParser.envelope(raw + Self.b("more\n"), fallbackDate: nil)
        #expect(other.messageID != one.messageID)
    }

    @Test func malformedMessagesSayWhy() {
        #expect(throws: MailProblem.noHeaders) { try MailParser.envelope(Self.b("just text\nno headers\n"), fallbackDate: nil) }
        #expect(throws: MailProblem.noAuthor) { try MailParser.envelope(Self.b("Subject: x\nDate: Thu, 3 Dec 2026 09:00:00 +0000\n\nx"), fallbackDate: nil) }
        #expect(throws: MailProblem.noDate) { try MailParser.envelope(Self.b("From: a@b\nDate: someday\n\nx"), fallbackDate: nil) }
    }

    @Test func anOverLongBodyIsCutAtALineWithANote() {
        let line = String(repeating: "x", count: 99) + "\n"
        let text = String(repeating: line, count: 100_000)  // 10 MB
        let (body, truncated) = MailPost.body(text)
        #expect(truncated)
        #expect(body.utf8.count <= Limits.bodyBytes)
        #expect(body.hasSuffix("[Paddock: the message was 9.6 MB; the rest was cut at 64 KB]"))
        #expect((try? Validate.body(body)) != nil)
    }

    @Test func handlesComeFromAddressesAndAreValid() {
        #expect(MailPost.handleCandidates(for: "Marco.Rossi+list@example.org").prefix(3) == ["marco.rossi-list", "marco.rossi-list.example", "marco.rossi-list-2"])
        #expect(MailPost.handleCandidates(for: "x@mail.example").first == "x-mail")
        #expect(MailPost.handleCandidates(for: "日本@example.jp").first == "example")
        for candidate in MailPost.handleCandidates(for: "__@__") { #expect((try? Validate.handle(candidate)) == candidate) }
    }

    // MARK: - Threading

    static func thread(_ messages: [(id: String, refs: [String], subject: String)], external: Set<String> = []) -> [[String]] {
        var threader = MailThreader()
        var indexToID: [Int: String] = [:]
        for m in messages {
            if let i = threader.add(messageID: m.id, references: m.refs, subject: m.subject) { indexToID[i] = m.id }
        }
        // Each tree as "id<parent" lines, parents first.
        return threader.finish(external: external).map { tree in
            tree.nodes.map { node in
                let name: String
                switch node.item {
                case .message(let i): name = indexToID[i]!
                case .external(let id): name = "ext:" + id
                }
                guard let p = node.parent else { return name }
                switch tree.nodes[p].item {
                case .message(let i): return name + "<" + indexToID[i]!
                case .external(let id): return name + "<ext:" + id
                }
            }
        }.sorted { $0[0] < $1[0] }
    }

    @Test func referencesBuildTheTree() {
        let trees = Self.thread([
            ("a", [], "Seat height"), ("b", ["a"], "Re: Seat height"), ("c", ["a", "b"], "Re: Seat height"),
            ("d", ["a"], "Re: Seat height"), ("z", [], "Other"),
        ])
        #expect(trees == [["a", "b<a", "c<b", "d<a"], ["z"]])
    }

    @Test func aMissingParentKeepsItsRepliesTogether() {
        // Both reply to "gone", which is not in the archive: one thread under an empty root.
        let trees = Self.thread([("b", ["gone"], "Re: Exhaust"), ("c", ["gone"], "Re: Exhaust")])
        #expect(trees.count == 1 && Set(trees[0]) == ["b", "c"])
    }

    @Test func brokenReferencesFallBackToTheSubject() {
        // "b" lost its References (a broken client); "Aw:", "Sv:", "[list]" and "Re[2]:" come off.
        let trees = Self.thread([
            ("a", [], "[riders] Seat height"), ("b", [], "Re: [riders] Seat height"), ("c", [], "AW: Sv: Re[2]: seat   HEIGHT"),
        ])
        #expect(trees == [["a", "b<a", "c<a"]])
        #expect(MailThreader.normalizedSubject("Fwd: Re: Hello") == ("hello", true))
        #expect(MailThreader.normalizedSubject("Hello") == ("hello", false))
    }

    @Test func duplicateIDsKeepTheFirstAndLoopsAreRefused() {
        var threader = MailThreader()
        #expect(threader.add(messageID: "a", references: ["b"], subject: "x") == 0)
        #expect(threader.add(messageID: "b", references: ["a"], subject: "x") == 1, "b names a as its parent: a's own claim wins")
        #expect(threader.add(messageID: "a", references: [], subject: "again") == nil)
        let trees = threader.finish(external: [])
        #expect(trees.count == 1 && trees[0].nodes.count == 2)
    }

    @Test func storedPostsAnchorRepliesFromANewerArchive() {
        let trees = Self.thread([("r", ["old1", "old2"], "Re: Old")], external: ["old2"])
        #expect(trees == [["ext:old2", "r<ext:old2"]])
    }

    // MARK: - Export

    @Test func anExportedMessageReadsBackTheSame() throws {
        let body = "From the garage: café ☕ = 100%\n>From quoted\n" + String(repeating: "long ", count: 40) + "\ntrailing space \nend"
        let mail = OutgoingMail(messageID: "post-2.thread-1@paddock.invalid", references: ["post-1.thread-1@paddock.invalid"],
                                from: MailAddress(name: "Anna \"the rider\" Bianchi", address: "anna@paddock.invalid"),
                                date: UTCTime(year: 2026, month: 12, day: 3, hour: 9, minute: 33, second: 22).date,
                                subject: "Re: Sella più bassa 🏍 " + String(repeating: "é", count: 60), body: body)
        let bytes = MboxWriter.message(mail)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("From anna@paddock.invalid Thu Dec  3 09:33:22 2026\n"))
        #expect(text.contains("\n>From the garage") && text.contains("\n>>From quoted"))
        #expect(text.split(separator: "\n").allSatisfy { $0.utf8.count <= 998 })
        var splitter = MboxSplitter()
        let messages = splitter.feed(bytes + bytes) + [splitter.finish()!]
        #expect(messages.count == 2)
        let back = try MailParser.message(messages[1].bytes, fallbackDate: nil)
        #expect(back.body.text == body)
        #expect(back.envelope.subject == mail.subject)
        #expect(back.envelope.from == mail.from)
        #expect(back.envelope.date == mail.date)
        #expect(back.envelope.references == mail.references)
        #expect(back.envelope.messageID == mail.messageID)
    }

    /// ISO-2022-JP, -KR, UTF-7 and HZ are 7-bit: their escapes must reach iconv, in subjects and bodies.
    @Test func statefulSevenBitCharsetsAreDecoded() throws {
        #expect(Charset.decode(Self.b("\u{1B}$BF|K\\8l\u{1B}(B"), charset: "ISO-2022-JP").text == "日本語")
        #expect(Charset.decode(Self.b("\u{1B}$)C\u{0E}GQ19>n\u{0F}"), charset: "iso-2022-kr").text == "한국어")
        #expect(Charset.decode(Self.b("+AOlvIg-"), charset: "utf-7").text == "é漢")
        // HZ: decoded where iconv knows it (glibc does not), else reported as unknown, never passed off as ASCII.
        let hz = Charset.decode(Self.b("~{VPND~}"), charset: "HZ-GB-2312")
        #expect(hz.text == "中文" || hz.unknown)
        // Plain ASCII in an ordinary charset is still ASCII.
        #expect(Charset.decode(Self.b("plain"), charset: "iso-8859-2").text == "plain")
        #expect(EncodedWords.decode("Re: =?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?=") == "Re: 日本語")
        let m = try Self.parse(Self.mail("Content-Type: text/plain; charset=iso-2022-jp\n", Self.b("\u{1B}$BF|K\\8l\u{1B}(B\n")))
        #expect(m.body.text == "日本語")
    }

    /// `From: NoAddr` names nobody to write back to: no sender address.
    @Test func aFromWithoutAnAddressIsNoSender() throws {
        #expect(MailAddress.parse("NoAddr") == nil)
        #expect(MailAddress.parse("\"Someone\" <nobody>") == nil)
        #expect(MailAddress.parse("a@b (Ann)") == MailAddress(name: "Ann", address: "a@b"))
        #expect(throws: MailProblem.noAuthor) { try Self.parse(Self.b("From: NoAddr\nDate: Thu, 3 Dec 2026 09:00:00 +0000\nSubject: x\n\nbody\n")) }
        #expect(MailProblem.noAuthor.description == "no sender address")
        #expect(MailAddress.isValid("a@b.c") && !MailAddress.isValid("noaddr") && !MailAddress.isValid("a b@c") && !MailAddress.isValid("@c"))
    }

    /// A From_ line with a sender and no date starts a message when a header field follows; otherwise it is body text.
    @Test func aFromLineWithoutADateStartsAMessageBeforeHeaders() throws {
        let mbox = "From alice@example.com\nFrom: alice@example.com\nSubject: one\n\nFirst\nFrom here on, body.\n\n"
            + "From bob@example.com\nFrom: bob@example.com\nSubject: two\n\nSecond\n\nFrom carol\nnot a header line\n"
        for step in [1, 5, 1000] {
            var splitter = MboxSplitter()
            var messages: [MboxSplitter.Message] = []
            let bytes = Self.b(mbox)
            var i = 0
            while i < bytes.count {
                messages += splitter.feed(bytes[i..<min(bytes.count, i + step)])
                i += step
            }
            if let last = splitter.finish() { messages.append(last) }
            #expect(messages.count == 2, "chunks of \(step)")
            #expect(messages.first?.envelope == "alice@example.com")
            #expect(messages.last.map { String(decoding: $0.bytes, as: UTF8.self) } == "From: bob@example.com\nSubject: two\n\nSecond\n\nFrom carol\nnot a header line")
        }
    }
}
