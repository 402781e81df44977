import PaddockTUI

/// The app's key for one character the terminal sent. Pure: no terminal needed.
enum KeyDecoder {
    /// A character (a Unicode scalar value, decoded by `InputDecoder`). Nil for codes the app has no key for
    /// (NUL, Ctrl-\ ] ^ _, C1 controls, unassigned scalars).
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x1B: return .escape
        case 0x01...0x1A:
            return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + code))))
        case 0x00, 0x1C...0x1F, 0x80...0x9F:
            return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            switch scalar.properties.generalCategory {
            case .control, .surrogate, .unassigned, .format, .lineSeparator, .paragraphSeparator:
                return nil
            default:
                return .character(Character(scalar))
            }
        }
    }
}
