import Foundation
import PaddockCore
import PaddockStore

/// A suggestion's header above its posts: the status badge in the theme's
/// colour for that status, product and features; supporters with milestone
/// progress; the latest official response; a rule.
enum SuggestionHeader {
    static func role(for status: SuggestionStatus) -> StyleRole {
        switch status {
        case .new: .statusNew
        case .underReview: .statusUnderReview
        case .planned: .statusPlanned
        case .inProgress: .statusInProgress
        case .shipped: .statusShipped
        case .declined: .statusDeclined
        case .duplicate: .statusDuplicate
        case .expired: .statusExpired
        }
    }

    /// `[PLANNED]`, `[UNDER REVIEW]`.
    static func badge(_ status: SuggestionStatus) -> String { "[" + status.label.uppercased() + "]" }

    static let barWidth = 10

    /// `████░░░░░░ 37/50 supporters · 41 days left`, or `120 supporters` past the milestones.
    static func progress(_ summary: SuggestionSummary) -> String {
        guard let milestone = summary.milestone else {
            return "\(summary.supporterCount) supporter\(summary.supporterCount == 1 ? "" : "s")"
        }
        let filled = min(barWidth, Int((milestone.fraction * Double(barWidth)).rounded(.down)))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled) + " " + milestone.description
    }

    static func render(_ detail: SuggestionDetail?, into canvas: inout Canvas, x: Int, y: Int, width: Int, now: Date) {
        guard let detail else {
            canvas.put(" Loading the suggestion…", x: x, y: y, role: .muted, maxWidth: width)
            return
        }
        let summary = detail.suggestion
        var column = x + 1
        column += canvas.put(badge(summary.status), x: column, y: y, role: role(for: summary.status), maxWidth: width - 1)
        let features = summary.features.map(\.name).joined(separator: ", ")
        canvas.put(" " + summary.productName + (features.isEmpty ? "" : " · " + features), x: column, y: y, role: .normal,
                   maxWidth: max(0, x + width - column))

        var second = progress(summary)
        if let root = detail.duplicateRoot { second += " · merged into #\(root.id) \(root.title)" }
        if detail.viewerSupports == true { second += " · you support this" }
        canvas.put(" " + second, x: x, y: y + 1, role: .accent, maxWidth: width)

        if let latest = detail.responses.last {
            let text = SafeText.multiline(latest.body).joined(separator: " ")
            let head = " [Official] \(latest.actorHandle) · \(Ago.describe(latest.createdAt, now: now)) · \(latest.toStatus.label): "
            canvas.put(head + text, x: x, y: y + 2, role: .official, maxWidth: width)
        } else {
            canvas.put(" No official response yet.", x: x, y: y + 2, role: .muted, maxWidth: width)
        }
        canvas.put(String(repeating: "─", count: max(0, width)), x: x, y: y + 3, role: .border, maxWidth: width)
    }
}
