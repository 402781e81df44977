#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text in a mail's declared charset, as UTF-8.
///
/// UTF-8 and US-ASCII are decoded in Swift (a malformed sequence becomes
/// U+FFFD); everything else goes through the C library's iconv. ISO-8859-1 and
/// US-ASCII labels are read as Windows-1252, as mail readers and browsers do:
/// mailers that say Latin-1 often send Windows' quotes and dashes (0x80–0x9F).
/// A charset iconv does not know is read as Latin-1 (every byte is a letter
/// there, so ASCII text stays readable) and reported, never a reason to drop
/// the message. A byte sequence invalid in its charset becomes U+FFFD.
public enum Charset {
    public struct Decoded {
        public var text: String
        /// The charset was unknown and the text was read as Latin-1.
        public var unknown: Bool
    }

    public static func decode(_ bytes: some Collection<UInt8>, charset: String?) -> Decoded {
        let name = normalized(charset)
        // 7-bit text is ASCII, except in the stateful 7-bit charsets (ISO-2022-JP, -KR, UTF-7, HZ):
        // their escapes are the text, and only iconv reads them.
        if name == "utf-8" || name == "utf8" || (!isStateful7Bit(name) && bytes.allSatisfy({ $0 < 0x80 })) {
            return Decoded(text: String(decoding: Array(bytes), as: UTF8.self), unknown: false)
        }
        let iconvName = name.isEmpty || name == "us-ascii" || name == "ascii" || name == "iso-8859-1" || name == "latin1"
            || name == "iso8859-1" || name == "iso_8859-1" ? "WINDOWS-1252" : name == "hz-gb-2312" ? "HZ" : name.uppercased()
        if let text = iconv(Array(bytes), from: iconvName) { return Decoded(text: text, unknown: false) }
        return Decoded(text: latin1(bytes), unknown: true)
    }

    /// Charsets whose text is all 7-bit bytes with escapes that switch the meaning of what follows.
    static func isStateful7Bit(_ name: String) -> Bool {
        name.hasPrefix("iso-2022-") || name == "utf-7" || name == "hz-gb-2312" || name == "hz" || name == "csiso2022jp"
    }

    /// Charset labels as mailers write them: quotes, case, and aliases iconv lacks.
    static func normalized(_ charset: String?) -> String {
        guard var name = charset?.lowercased() else { return "" }
        name = String(name.filter { $0 != "\"" && $0 != "'" && !$0.isWhitespace })
        switch name {
        case "x-sjis", "sjis", "shift-jis", "x-shift_jis": return "shift_jis"
        case "gb_2312-80", "x-gbk": return "gbk"
        case "ks_c_5601-1987": return "cp949"
        case "x-mac-roman", "macintosh": return "macintosh"
        case "unicode-1-1-utf-7", "utf7", "x-utf-7": return "utf-7"
        case "hz", "x-hz", "hz-gb2312": return "hz-gb-2312"
        case "csiso2022jp": return "iso-2022-jp"
        default:
            // "cp1252" and "windows-1252" both work; "x-windows-1252" does not.
            if name.hasPrefix("x-") && name.dropFirst(2).hasPrefix("windows-") { return String(name.dropFirst(2)) }
            return name
        }
    }

    public static func latin1(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes { scalars.append(Unicode.Scalar(b)) }
        return String(scalars)
    }

    /// Converts with iconv; nil when iconv does not know the charset. An invalid
    /// or incomplete sequence is replaced by U+FFFD and conversion goes on.
    static func iconv(_ input: [UInt8], from charset: String) -> String? {
        let cd = iconv_open("UTF-8", charset)
        guard let cd, Int(bitPattern: cd) != -1 else { return nil }
        defer { iconv_close(cd) }
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 2)
        var buffer = [UInt8](repeating: 0, count: 16_384)
        var source = input
        let total = source.count
        var consumed = 0
        source.withUnsafeMutableBufferPointer { src in
            while consumed < total {
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(src.baseAddress! + consumed).assumingMemoryBound(to: CChar.self)
                var inLeft = total - consumed
                let result: Int = buffer.withUnsafeMutableBufferPointer { out in
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var outLeft = out.count
                    let r = Glibc.iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    let failure = r == -1 ? errno : 0
                    output.append(contentsOf: out[0..<(out.count - outLeft)])
                    return Int(failure)
                }
                consumed = total - inLeft
                if result == 0 { break }
                if result == Int(E2BIG) { continue }
                // EILSEQ or EINVAL: one bad byte becomes U+FFFD, then go on after it.
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                consumed += 1
            }
        }
        // Flush any shift state (ISO-2022-JP).
        buffer.withUnsafeMutableBufferPointer { out in
            var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: CChar.self)
            var outLeft = out.count
            _ = Glibc.iconv(cd, nil, nil, &outPtr, &outLeft)
            output.append(contentsOf: out[0..<(out.count - outLeft)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
