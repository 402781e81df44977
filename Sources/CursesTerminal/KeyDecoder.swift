import CNCurses
import PaddockTUI

/// Turns what `wget_wch` returns into the app's keys. Pure: no terminal needed.
enum KeyDecoder {
    /// A character code (wget_wch returned OK). Nil for codes the app has no key for
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

    /// A key code (wget_wch returned KEY_CODE_YES), other than KEY_RESIZE and KEY_MOUSE.
    static func keyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP, KEY_SR: return .up
        case KEY_DOWN, KEY_SF: return .down
        case KEY_LEFT, KEY_SLEFT: return .left
        case KEY_RIGHT, KEY_SRIGHT: return .right
        case KEY_PPAGE, KEY_A3, KEY_SPREVIOUS: return .pageUp
        case KEY_NPAGE, KEY_C3, KEY_SNEXT: return .pageDown
        case KEY_HOME, KEY_A1, KEY_SHOME, KEY_BEG: return .home
        case KEY_END, KEY_C1, KEY_SEND: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC, KEY_SDC: return .delete
        case KEY_BTAB: return .backTab
        default:
            let f0 = paddock_key_f(0)
            if code > f0, code <= f0 + 63 { return .function(Int(code - f0)) }
            return nil
        }
    }
}
