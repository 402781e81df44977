import Foundation
import PaddockCore
import PaddockStore

/// Voting on a poll, and its results. ↑↓ move between the options (or
/// features); Space chooses an option (toggles it on a multiple-choice poll) or
/// cycles a feature through like, neutral, dislike and no opinion; Enter sends
/// the vote; on a feature poll `c` writes a one-line comment on the feature
/// and sends the vote with it. Each option shows its bar once the member may
/// see the results; managers and the poll's author also read the latest
/// comments on each feature. At its closing time the screen loads the poll
/// again by itself, and says it closed.
public struct PollVoteScreen: Equatable, AppScreen {
    public let id: Int64
    public var title: String
    public var poll: PollDetail?
    /// The option (or feature) under the cursor: an index into the options.
    public var selected = 0
    /// What is marked and not yet sent: option numbers, or an opinion per option.
    public var choices: Set<Int> = []
    public var opinions: [Int: FeatureOpinion] = [:]
    /// Comments of the member's earlier vote, kept when it is changed here.
    var comments: [Int: String] = [:]
    /// Whether the member has marked anything since the vote was last taken
    /// from the store: a live reload then keeps the marks (only counts and status change).
    var touched = false
    /// The first line shown, when the options are taller than the window.
    var top = 0
    /// The comment being written on a feature (`c`): its option number and field.
    var editing: CommentEdit?
    /// The closing time the screen last loaded the poll for, so it wakes once for it.
    var closingLookedAt: Date?

    struct CommentEdit: Equatable {
        var number: Int
        var field: TextField
    }

    public init(id: Int64, title: String, poll: PollDetail? = nil) {
        self.id = id
        self.title = title
        if let poll { take(poll) }
    }

    public var breadcrumb: String { "Vote" }

    static func open(id: Int64, title: String, poll: PollDetail?) -> [Command] {
        [.push(PollVoteScreen(id: id, title: title, poll: poll)), .loadPoll(id: id, comments: PollLimits.commentsShown)]
    }

    /// When the poll closed, by `now`: early, or its time has come even if the poll was loaded before.
    static func closed(_ poll: PollDetail, now: Date) -> Date? {
        PollRules.closedAt(closesAt: poll.closesAt, closedAt: poll.closedAt, now: now)
    }

    /// Why a vote would be refused now (a closed poll, a suspension); nil when it can be sent.
    func voteRefusal(member: Actor, now: Date) -> String? {
        guard let poll else { return "The poll is still loading." }
        if let closed = Self.closed(poll, now: now) { return PollRules.closedLine(closed).capitalizedFirst + "." }
        do throws(CommunityError) { try Rules.vote(by: member, now: now) } catch { return error.description }
        return nil
    }

    /// Why closing the poll early would be refused (not a manager, already closed); nil when it can be.
    static func closeRefusal(_ poll: PollDetail?, member: Actor, now: Date) -> String? {
        guard let poll else { return "The poll is still loading." }
        if let closed = closed(poll, now: now) { return "The poll already closed at \(TimeText.describe(closed))." }
        do throws(CommunityError) { try Rules.closePoll(by: member, now: now) } catch { return error.description.capitalizedFirst + "." }
        return nil
    }

    /// `C` where a poll is shown (its vote screen, its thread): managers close it, after a yes.
    static func closeKey<S>(_ poll: PollDetail?, id: Int64, _ context: ScreenContext) -> KeyBinding<S> {
        KeyBinding("C", "close the poll (managers)", keys: [.character("C")],
                   shown: closeRefusal(poll, member: context.member, now: context.now) == nil) { _, _, c in
            if let refusal = closeRefusal(poll, member: c.member, now: c.now) { return [.setStatus(.error(refusal))] }
            return [.confirm(Confirmation(question: "Close this poll now? It takes no more votes. (y/n)", onYes: [.closePoll(id: id)]))]
        }
    }

    /// Why a comment can't be written now: a vote refused, a choice poll, a silenced member.
    func commentRefusal(member: Actor, now: Date) -> String? {
        if let refusal = voteRefusal(member: member, now: now) { return refusal }
        guard poll?.kind == .features else { return "Only a feature poll takes comments." }
        do throws(CommunityError) { try Rules.mayWrite(member, now: now) } catch { return error.description.capitalizedFirst + "." }
        return nil
    }

    /// The marks as a ballot; nil when nothing is marked.
    var ballot: PollBallot? {
        guard let poll else { return nil }
        if poll.kind == .features {
            guard !opinions.isEmpty else { return nil }
            return .opinions(Dictionary(uniqueKeysWithValues: opinions.map { ($0.key, FeatureAnswer($0.value, comment: comments[$0.key] ?? "")) }))
        }
        return choices.isEmpty ? nil : .choices(choices)
    }

    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        if editing != nil {
            return [KeyBinding("Enter", "keep the comment and send the vote", footer: true, keys: [.enter, .ctrl("s")]) { s, _, c in s.keepComment(c) },
                    KeyBinding("Esc", "cancel the comment", footer: true, keys: [.escape]) { s, _, _ in
                        s.editing = nil
                        return [.setStatus(.info("Comment not changed."))]
                    },
                    .helpWhileTyping]
        }
        let canVote = voteRefusal(member: context.member, now: context.now) == nil
        let toggle = poll?.kind == .features ? "like, neutral, dislike" : (poll?.kind == .multiple ? "toggle" : "choose")
        return [
            KeyBinding("↑↓ j k", "move", keys: [.up, .down, .character("j"), .character("k"), .home, .end, .character("g"), .character("G")]) { s, key, c in
                s.move(key, context: c)
                return []
            },
            KeyBinding("Space", toggle, footer: true, keys: [.character(" ")], shown: canVote) { s, _, c in s.mark(c) },
            KeyBinding("Enter", poll?.voted == true ? "change vote" : "vote", footer: true, keys: [.enter], shown: canVote) { s, _, c in s.send(c) },
            KeyBinding("c", "comment", footer: true, keys: [.character("c")],
                       shown: poll?.kind == .features && commentRefusal(member: context.member, now: context.now) == nil) { s, _, c in s.startComment(c) },
            Self.closeKey(poll, id: id, context),
            .help(), .back(),
        ]
    }

    mutating func move(_ key: Key, context: ScreenContext) {
        guard let count = poll?.options.count, count > 0 else { return }
        switch key {
        case .up, .character("k"): selected = max(0, selected - 1)
        case .down, .character("j"): selected = min(count - 1, selected + 1)
        case .home, .character("g"): selected = 0
        default: selected = count - 1
        }
        reveal(context.body)
    }

    mutating func mark(_ context: ScreenContext) -> [Command] {
        if let refusal = voteRefusal(member: context.member, now: context.now) { return [.setStatus(.error(refusal))] }
        guard let poll, let option = poll.options[safe: selected] else { return [] }
        switch poll.kind {
        case .single: choices = [option.number]
        case .multiple: if choices.remove(option.number) == nil { choices.insert(option.number) }
        case .features:
            // None → like → neutral → dislike → none.
            let next: FeatureOpinion? = if let current = opinions[option.number] { current.next } else { .like }
            opinions[option.number] = next
        }
        touched = true
        return []
    }

    /// Opens the comment field on the selected feature, holding the comment it has.
    mutating func startComment(_ context: ScreenContext) -> [Command] {
        if let refusal = commentRefusal(member: context.member, now: context.now) { return [.setStatus(.error(refusal))] }
        guard let option = poll?.options[safe: selected] else { return [] }
        guard opinions[option.number] != nil else {
            return [.setStatus(.error("Give your opinion of \(SafeText.displayable(option.label)) first (Space), then c to comment."))]
        }
        editing = CommentEdit(number: option.number, field: TextField(text: comments[option.number] ?? "", maxLength: PollLimits.commentCharacters))
        return []
    }

    /// Takes the comment typed (empty takes it away) and sends the vote with it.
    mutating func keepComment(_ context: ScreenContext) -> [Command] {
        guard let edit = editing else { return [] }
        editing = nil
        let text = edit.field.text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { comments[edit.number] = nil } else { comments[edit.number] = text }
        touched = true
        return send(context)
    }

    public var capturesText: Bool { editing != nil }

    public mutating func type(_ key: Key, _ context: ScreenContext) -> [Command] {
        guard editing != nil else { return [] }
        let width = commentFieldWidth(context.body)
        _ = editing?.field.handle(key, width: width)
        return editing?.field.refusal.map { [.setStatus(.error($0))] } ?? []
    }

    /// The comment field's room on its row: the label before it and the count after it.
    func commentFieldWidth(_ body: Rect) -> Int {
        max(4, body.width - TextWidth.of(commentLabel) - Self.commentCountWidth - 2)
    }

    static let commentCountWidth = " \(PollLimits.commentCharacters)/\(PollLimits.commentCharacters)".count

    var commentLabel: String {
        let label = editing.flatMap { edit in poll?.options.first { $0.number == edit.number }?.label } ?? ""
        return " " + TextWrap.truncate(SafeText.displayable(label), width: 16) + ": "
    }

    func send(_ context: ScreenContext) -> [Command] {
        if let refusal = voteRefusal(member: context.member, now: context.now) { return [.setStatus(.error(refusal))] }
        guard let poll, let ballot else {
            return [.setStatus(.error(poll?.kind == .features ? "Give your opinion of a feature first: Space on it."
                                                                : "Choose an option first: Space on it."))]
        }
        do throws(CommunityError) {
            _ = try PollRules.check(ballot, kind: poll.kind, optionCount: poll.options.count)
        } catch {
            return [.setStatus(.error(error.description))]
        }
        if ballot == poll.ballot { return [.setStatus(.info("That is already your vote."))] }
        return [.castVote(id: id, ballot: ballot, changing: poll.voted, comments: PollLimits.commentsShown)]
    }

    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        if let news = answer as? any PollNews, news.detail.id == id {
            // A reload (someone else voted) keeps unsent marks; a sent vote or a close takes the stored one,
            // and so does a poll that closed or froze meanwhile: unsent marks there would read as a vote.
            let votable = !news.detail.isClosed && news.detail.frozen == nil
            if touched, votable, news is PollLoaded { keepMarks(news.detail) } else { take(news.detail) }
            reveal(context.body)
        }
        return []
    }

    /// Takes the poll as it now stands but keeps what the member is marking.
    mutating func keepMarks(_ detail: PollDetail) {
        poll = detail
        title = detail.title
        let numbers = Set(detail.options.map(\.number))
        choices = choices.intersection(numbers)
        opinions = opinions.filter { numbers.contains($0.key) }
        selected = min(selected, max(0, detail.options.count - 1))
    }

    /// Takes the poll as it now stands; the marks become the member's vote as stored.
    mutating func take(_ detail: PollDetail) {
        touched = false
        poll = detail
        title = detail.title
        choices = detail.kind == .features ? [] : Set(detail.mine.map(\.number))
        opinions = Dictionary(detail.mine.compactMap { a in a.opinion.map { (a.number, $0) } }, uniquingKeysWith: { a, _ in a })
        comments = Dictionary(detail.mine.compactMap { $0.comment.isEmpty ? nil : ($0.number, $0.comment) }, uniquingKeysWith: { a, _ in a })
        selected = min(selected, max(0, detail.options.count - 1))
    }

    public func reload(_ context: ScreenContext) -> [Command] { [.loadPoll(id: id, comments: PollLimits.commentsShown)] }

    /// An open poll with a closing time wakes the screen then, once: loaded
    /// again, it says it closed, and shows results that waited for the close.
    public var wakesAt: Date? {
        guard let poll, poll.closedAt == nil, let closesAt = poll.closesAt, closesAt != closingLookedAt else { return nil }
        return closesAt
    }

    public mutating func awoke(_ context: ScreenContext) -> [Command] {
        closingLookedAt = poll?.closesAt
        return reload(context)
    }

    public mutating func relayout(_ context: ScreenContext) { reveal(context.body) }

    // MARK: - Drawing

    static let headerRows = 3

    struct Line: Equatable {
        var text: String
        var role: StyleRole
        /// The option this line belongs to, for the cursor.
        var option: Int?
    }

    /// Every line below the header, at a width: each option (with its bars
    /// when the results show), then the line that says when they will.
    func lines(width: Int, style: ChartStyle) -> [Line] {
        guard let poll else { return [Line(text: " Loading the poll…", role: .muted, option: nil)] }
        var out: [Line] = []
        let labelWidth = max(4, min(24, poll.options.map { TextWidth.of(SafeText.displayable($0.label)) }.max() ?? 4, width / 3))
        for (index, option) in poll.options.enumerated() {
            switch poll.kind {
            case .single, .multiple:
                let on = choices.contains(option.number)
                let mark = poll.kind == .single ? (on ? "(•)" : "( )") : (on ? "[x]" : "[ ]")
                var text = mark + " "
                if poll.resultsVisible {
                    let total = poll.voterCount, count = option.chosen ?? 0
                    text += PollHeader.bar(option.label, labelWidth: labelWidth, share: PollRules.share(count, of: total), count: count,
                                           percent: PollRules.percentText(count, of: total), width: width - 2 - TextWidth.of(text), style: style)
                } else {
                    text += SafeText.displayable(option.label)
                }
                out.append(Line(text: text, role: on ? .accent : .normal, option: index))
            case .features:
                let opinion = opinions[option.number]
                let mark = "[" + (opinion?.rawValue ?? "").padding(toLength: 7, withPad: " ", startingAt: 0) + "]"
                out.append(Line(text: mark + " " + SafeText.displayable(option.label), role: opinion == nil ? .normal : .accent, option: index))
                if let mine = comments[option.number] {
                    out.append(Line(text: "    you: " + mine, role: .accent, option: index))
                }
                if poll.resultsVisible {
                    let total = option.answered ?? 0
                    for (name, count) in [("like", option.like ?? 0), ("neutral", option.neutral ?? 0), ("dislike", option.dislike ?? 0)] {
                        out.append(Line(text: "    " + PollHeader.bar(name, labelWidth: 7, share: PollRules.share(count, of: total), count: count,
                                                                       percent: PollRules.percentText(count, of: total), width: width - 6, style: style),
                                        role: .muted, option: index))
                    }
                }
                // The latest comments, for managers and the poll's author (the store leaves them out for others).
                for comment in poll.comments ?? [] where comment.number == option.number {
                    out.append(Line(text: "    " + comment.handle + " (" + comment.opinion.rawValue + "): " + comment.comment, role: .normal, option: index))
                }
            }
        }
        if !poll.resultsVisible { out.append(Line(text: poll.visibility.hiddenText.capitalizedFirst + ".", role: .muted, option: nil)) }
        return out
    }

    /// Scrolls as little as it takes to show the selected option whole.
    mutating func reveal(_ body: Rect) {
        let height = max(1, body.height - Self.headerRows)
        let all = lines(width: body.width, style: .ascii)
        guard let first = all.firstIndex(where: { $0.option == selected }) else { top = 0; return }
        let last = all.lastIndex(where: { $0.option == selected }) ?? first
        if first < top { top = first }
        if last >= top + height { top = min(first, last - height + 1) }
        top = max(0, min(top, max(0, all.count - height)))
    }

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let body = context.body
        canvas.put(" " + TextWrap.truncate(title, width: body.width - 1), x: 0, y: body.y, role: .title, maxWidth: body.width)
        if let poll {
            canvas.put(" " + TextWrap.truncate(PollHeader.facts(poll, now: context.now), width: body.width - 1), x: 0, y: body.y + 1, role: .muted, maxWidth: body.width)
            // A closed poll says so, and when, on its own line; a comment being written takes that line.
            let closed = Self.closed(poll, now: context.now)
            let note = closed.map { "The poll closed at \(TimeText.describe($0)): it takes no more votes." }
                ?? (poll.kind == .features ? "Space: like, neutral, dislike · c: comment · Enter: send"
                                           : "Space: \(poll.kind == .multiple ? "toggle" : "choose") · Enter: send")
            if let edit = editing {
                let label = canvas.put(commentLabel, x: 0, y: body.y + 2, role: .accent, maxWidth: body.width)
                let width = commentFieldWidth(body)
                edit.field.render(into: &canvas, x: label, y: body.y + 2, width: width, placeholder: "a short comment; empty takes it away")
                let count = "\(edit.field.text.count)/\(PollLimits.commentCharacters)"
                canvas.put(count, x: max(0, body.width - TextWidth.of(count)), y: body.y + 2,
                           role: edit.field.text.count >= PollLimits.commentCharacters ? .error : .muted)
            } else {
                canvas.put(" " + TextWrap.truncate(note, width: body.width - 1), x: 0, y: body.y + 2, role: closed != nil ? .error : .muted, maxWidth: body.width)
            }
        }
        let height = max(0, body.height - Self.headerRows)
        let all = lines(width: body.width, style: context.chartStyle)
        for (row, line) in all.dropFirst(top).prefix(height).enumerated() {
            let y = body.y + Self.headerRows + row
            // The cursor marks the option's first line shown.
            let isCursor = line.option == selected && (row == 0 || all[top + row - 1].option != selected)
            if isCursor { canvas.put("▸", x: 0, y: y, role: .accent) }
            canvas.put(TextWrap.truncate(line.text, width: body.width - 2), x: 2, y: y, role: isCursor ? .selection : line.role, maxWidth: max(0, body.width - 2))
        }
    }
}
