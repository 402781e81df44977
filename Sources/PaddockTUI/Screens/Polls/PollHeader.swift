import Foundation
import PaddockCore
import PaddockStore

/// A poll above its thread's posts: what it asks and whether it is open; its
/// leading results as bars, or when they will show; a rule.
enum PollHeader {
    static let rows = 4

    /// "single choice · 12 voters · open until … · you voted".
    static func facts(_ poll: PollDetail, now: Date) -> String {
        var facts = [poll.kind.label]
        if let name = poll.productName { facts.append(name) }
        // Past its closing time it reads closed even before it is loaded again.
        let closed = PollVoteScreen.closed(poll, now: now)
        facts += [Plural.count(poll.voterCount, "voter"), closed.map { "closed at \(TimeText.describe($0))" } ?? poll.stateText]
        if poll.voted { facts.append("you voted") }
        return facts.joined(separator: " · ")
    }

    /// One result as a row: label, bar, count and share, fitted to `width`.
    static func bar(_ label: String, labelWidth: Int, share: Double, count: Int, percent: String, width: Int, style: ChartStyle) -> String {
        // Right-aligned, never cut: a count of 100,000 takes the room it needs.
        func right(_ text: String, _ width: Int) -> String { text.leftPadded(to: max(width, text.count)) }
        let figures = " " + right(String(count), 4) + " " + right(percent, 4)
        let barWidth = max(3, min(30, width - labelWidth - 1 - TextWidth.of(figures)))
        return TextWrap.pad(SafeText.displayable(label), width: labelWidth) + " " + Bar.draw(share, width: barWidth, style: style) + figures
    }

    /// The rows a poll's results take in little room: the leading option (or
    /// the features' likes) first, at most `limit`.
    static func leading(_ poll: PollDetail, limit: Int, width: Int, style: ChartStyle) -> [String] {
        let labelWidth = max(4, min(16, width / 3))
        if poll.kind == .features {
            return poll.options.prefix(limit).map { option in
                let total = option.answered ?? 0
                return bar(option.label, labelWidth: labelWidth, share: PollRules.share(option.like ?? 0, of: total), count: option.like ?? 0,
                           percent: PollRules.percentText(option.like ?? 0, of: total), width: width - 5, style: style) + " like"
            }
        }
        return poll.resultLines.sorted { ($0.count, -$0.number) > ($1.count, -$1.number) }.prefix(limit).map {
            bar($0.label, labelWidth: labelWidth, share: $0.share, count: $0.count, percent: $0.percentText, width: width, style: style)
        }
    }

    /// What `v` does on a poll's thread, true in every state: closed, everyone
    /// sees the results; open, the results come with it only when the member may see them.
    static func vKey(_ poll: PollDetail?) -> String {
        guard let poll else { return "vote" }
        if poll.isClosed { return "results" }
        let act = poll.voted ? "change your vote" : "vote"
        return poll.resultsVisible ? act + ", all results" : act
    }

    static func render(_ poll: PollDetail?, into canvas: inout Canvas, x: Int, y: Int, width: Int, style: ChartStyle, now: Date) {
        guard let poll else {
            canvas.put(" Loading the poll…", x: x, y: y, role: .muted, maxWidth: width)
            return
        }
        let badge = canvas.put(" [POLL]", x: x, y: y, role: .badge, maxWidth: width)
        canvas.put(" " + TextWrap.truncate(facts(poll, now: now), width: width - badge - 1), x: x + badge, y: y,
                   role: poll.isClosed ? .muted : .accent, maxWidth: max(0, width - badge))
        if poll.resultsVisible {
            let shown = leading(poll, limit: rows - 2, width: width - 2, style: style)
            for (row, line) in shown.enumerated() {
                canvas.put(TextWrap.truncate(line, width: width - 2), x: x + 2, y: y + 1 + row, role: .normal, maxWidth: width - 2)
            }
            if shown.isEmpty { canvas.put(" No votes yet.", x: x, y: y + 1, role: .muted, maxWidth: width) }
        } else {
            canvas.put(" " + TextWrap.truncate(poll.visibility.hiddenText.capitalizedFirst + ".", width: width - 1), x: x, y: y + 1, role: .muted, maxWidth: width)
        }
        let more = " v: " + (poll.isClosed ? "all results" : vKey(poll)) + " "
        let rule = String(repeating: "─", count: 2) + more
        canvas.put(rule + String(repeating: "─", count: max(0, width - TextWidth.of(rule))), x: x, y: y + rows - 1, role: .border, maxWidth: width)
    }
}

extension String {
    /// "Results after you vote" from "results after you vote".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
