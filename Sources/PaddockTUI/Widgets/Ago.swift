import Foundation
import PaddockCore

/// Relative times as lists show them: "now", "5m", "3h", "2d", "12 Mar", "Mar 2025".
public enum Ago {
    /// The widest a description gets: "Mar 2025".
    public static let widest = 8

    public static func describe(_ date: Date, now: Date) -> String {
        let seconds = max(0, now.timeIntervalSince(date))
        switch seconds {
        case ..<60: return "now"
        case ..<3600: return "\(Int(seconds / 60))m"
        case ..<86400: return "\(Int(seconds / 3600))h"
        case ..<(86400 * 30): return "\(Int(seconds / 86400))d"
        default:
            let time = UTCTime(date)
            return seconds < 86400 * 330 ? "\(time.day) \(time.monthName)" : "\(time.monthName) \(time.year)"
        }
    }
}
