#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNCurses
import PaddockTUI

/// The terminal's drawing step without a terminal, for `paddock bench`: the
/// same `DrawPlan` the ncurses loop runs on every frame (what changed since the
/// last frame, each grapheme measured with wcwidth), stopping short of ncurses.
public enum HeadlessDraw {
    /// Sets the UTF-8 locale wcwidth needs, as the terminal does when it starts.
    public static func prepare() {
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// How many cells the terminal would hand to ncurses to turn `previous` into `current`.
    public static func operations(previous: Canvas?, current: Canvas) -> Int {
        DrawPlan.ops(previous: previous, current: current, columns: current.width, rows: current.height) { scalar in
            Int(paddock_wcwidth(scalar.value))
        }.count
    }
}
