/// Content-Transfer-Encoding: quoted-printable (RFC 2045 §6.7) and base64
/// (§6.8), decoded leniently: what is malformed stays as it was (QP) or is
/// skipped (base64), never a reason to drop a message.
public enum TransferEncoding {
    public static func quotedPrintable(_ input: some Collection<UInt8>, underscoreIsSpace: Bool = false) -> [UInt8] {
        let bytes = Array(input)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 61 {  // =
                if i + 2 < bytes.count, let hi = hex(bytes[i + 1]), let lo = hex(bytes[i + 2]) {
                    out.append(hi << 4 | lo)
                    i += 3
                    continue
                }
                // A soft line break: "=" then optional white space then the line end.
                var j = i + 1
                while j < bytes.count, bytes[j] == 32 || bytes[j] == 9 { j += 1 }
                if j < bytes.count, bytes[j] == 13 { j += 1 }
                if j < bytes.count, bytes[j] == 10 { i = j + 1; continue }
                if j == bytes.count { break }
                out.append(b)
                i += 1
            } else if b == 95, underscoreIsSpace {
                out.append(32)
                i += 1
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }

    static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: b - 48
        case 65...70: b - 55
        case 97...102: b - 87
        default: nil
        }
    }

    static let base64Values: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    public static func base64(_ input: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 3 / 4)
        var quad: UInt32 = 0
        var count = 0
        for c in input {
            if c == 61 { break }  // padding: the data ends
            let v = base64Values[Int(c)]
            if v == 255 { continue }
            quad = quad << 6 | UInt32(v)
            count += 1
            if count == 4 {
                out.append(UInt8(quad >> 16 & 0xFF)); out.append(UInt8(quad >> 8 & 0xFF)); out.append(UInt8(quad & 0xFF))
                quad = 0
                count = 0
            }
        }
        if count == 3 {
            out.append(UInt8(quad >> 10 & 0xFF)); out.append(UInt8(quad >> 2 & 0xFF))
        } else if count == 2 {
            out.append(UInt8(quad >> 4 & 0xFF))
        }
        return out
    }

    /// How many bytes a base64 text decodes to, without decoding it.
    public static func base64DecodedSize(_ input: some Collection<UInt8>) -> Int {
        var n = 0
        for c in input {
            if c == 61 { break }
            if base64Values[Int(c)] != 255 { n += 1 }
        }
        return n * 3 / 4
    }

    static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func base64Encode(_ bytes: some Collection<UInt8>) -> String {
        let b = Array(bytes)
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            let n = min(3, b.count - i)
            let v = UInt32(b[i]) << 16 | (n > 1 ? UInt32(b[i + 1]) << 8 : 0) | (n > 2 ? UInt32(b[i + 2]) : 0)
            out.append(base64Alphabet[Int(v >> 18 & 63)])
            out.append(base64Alphabet[Int(v >> 12 & 63)])
            out.append(n > 1 ? base64Alphabet[Int(v >> 6 & 63)] : 61)
            out.append(n > 2 ? base64Alphabet[Int(v & 63)] : 61)
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
