import PaddockCore

/// A list read a page at a time, by keyset: its rows, where the pages on either
/// side start, the selection, and how it reads while loading or empty. Every
/// list screen keeps its rows in one; the screen only says how to ask for a
/// page (`PageNeed` to its load command) and how to draw a row.
public struct PagedList<Row: Equatable, Cursor: Equatable>: Equatable {
    public var rows: [Row] = []
    public var loaded = false
    /// Where the page after the last row starts; nil when none follows.
    public var next: Cursor?
    /// Where the page before the first row starts (after `G` loaded the last page); nil when none comes before.
    public var earlier: Cursor?
    public var selection = ListSelection()
    /// A row's identity: a page read again replaces rows by it and never repeats one.
    let id: KeyPath<Row, Int64>
    /// Whether `G` loads the last page itself (the list can be read backwards),
    /// rather than every page on the way.
    let readsBackwards: Bool

    public init(id: KeyPath<Row, Int64>, readsBackwards: Bool = false) {
        self.id = id
        self.readsBackwards = readsBackwards
    }

    public var selected: Int { selection.selected }
    public var selectedRow: Row? { rows[safe: selection.selected] }

    /// The page a move asks for.
    public enum PageNeed: Equatable {
        /// The first page (`g` when the first rows are not loaded).
        case first
        /// The last page (`G`), read backwards.
        case last
        case after(Cursor)
        case before(Cursor)
    }

    /// Where a page read goes.
    public enum Placement: Equatable, Sendable {
        /// The list from the top, the selection kept on its row when it is still there.
        case replace
        /// The list from the top with this row selected (one just started).
        case select(Int64)
        /// Below the rows loaded; rows already loaded are updated.
        case append
        /// Read again from this row on (others posted): rows above it stay.
        case refresh(from: Int)
        /// The last page (`G`): the last row selected.
        case last
        /// The last page read again: the selection stays on its row.
        case lastAgain
        /// Above the first row (read backwards).
        case prepend
        /// The first page read again over a list already loaded: newer rows go on
        /// top and those still loaded are updated; the selection stays on its row.
        case newest
    }

    /// The movement keys every list shares (↑↓ j k, PgUp PgDn, g G Home End);
    /// nil when the key is not one of them, else the page the move needs, if any.
    public mutating func move(_ key: Key, visible: Int) -> PageNeed?? {
        switch key {
        case .end where next != nil && readsBackwards, .character("G") where next != nil && readsBackwards:
            return .some(.last)
        case .home where earlier != nil, .character("g") where earlier != nil:
            rows = []
            next = nil
            earlier = nil
            selection = ListSelection()
            return .some(.first)
        default:
            break
        }
        guard selection.handleMovement(key, count: rows.count, visible: visible) else { return nil }
        if let earlier, selection.selected <= 3 { return .some(.before(earlier)) }
        if let next, selection.nearsEnd(count: rows.count, margin: 3) { return .some(.after(next)) }
        return .some(nil)
    }

    /// Takes a page read. `more` is where the next page in the direction read
    /// starts (after the page, or before it when read backwards); nil when none.
    public mutating func take(_ page: [Row], more: Cursor?, as placement: Placement, visible: Int) {
        var keep = selectedRow.map { $0[keyPath: id] }
        switch placement {
        case .replace:
            rows = page
            next = more
            earlier = nil
        case .select(let row):
            rows = page
            next = more
            earlier = nil
            keep = row
        case .append:
            let fresh = Dictionary(page.map { ($0[keyPath: id], $0) }, uniquingKeysWith: { a, _ in a })
            let known = Set(rows.map { $0[keyPath: id] })
            rows = rows.map { fresh[$0[keyPath: id]] ?? $0 } + page.filter { !known.contains($0[keyPath: id]) }
            next = more
            keep = nil
        case .refresh(let from):
            rows = Array(rows.prefix(from)) + page
            next = more
        case .last, .lastAgain:
            rows = page
            next = nil
            earlier = more
            if placement == .last { keep = nil }
            selection.selected = rows.count - 1
        case .prepend:
            let known = Set(rows.map { $0[keyPath: id] })
            let fresh = page.filter { !known.contains($0[keyPath: id]) }
            rows = fresh + rows
            selection.selected += fresh.count
            selection.offset += fresh.count
            earlier = more
            keep = nil
        case .newest:
            let fresh = Dictionary(page.map { ($0[keyPath: id], $0) }, uniquingKeysWith: { a, _ in a })
            if let newest = rows.first, let oldest = page.last, oldest[keyPath: id] <= newest[keyPath: id] {
                let newer = page.filter { $0[keyPath: id] > newest[keyPath: id] }
                rows = newer + rows.map { fresh[$0[keyPath: id]] ?? $0 }
            } else {
                rows = page
                next = more
            }
        }
        if let keep, let index = rows.firstIndex(where: { $0[keyPath: id] == keep }) { selection.selected = index }
        loaded = true
        selection.reveal(count: rows.count, visible: visible)
    }

    /// Forgets the rows, to read the list again from the top (a new order or filter).
    public mutating func clear() {
        rows = []
        next = nil
        earlier = nil
        selection = ListSelection()
    }

    /// After a resize: the selection stays in view.
    public mutating func reveal(visible: Int) { selection.reveal(count: rows.count, visible: visible) }

    /// Selects the row under a click; true when it was already selected (a second click opens it).
    public mutating func click(_ index: Int, visible: Int) -> Bool? {
        guard index >= 0, index < rows.count else { return nil }
        if index == selection.selected { return true }
        selection.moveTo(index, count: rows.count, visible: visible)
        return false
    }

    /// The rows in a window of `visible` rows, from the first shown.
    public func shown(_ visible: Int) -> [(index: Int, row: Row, selected: Bool)] {
        rows.indices.dropFirst(selection.offset).prefix(Swift.max(0, visible)).map { ($0, rows[$0], $0 == selection.selected) }
    }

    /// Says "Loading…", or the `empty` lines, from row `y`; true when there are rows to draw instead.
    public func drawPlaceholder(into canvas: inout Canvas, y: Int, width: Int, empty: [String]) -> Bool {
        guard loaded else {
            canvas.put(" Loading…", x: 0, y: y, role: .muted)
            return false
        }
        guard rows.isEmpty else { return true }
        for (i, line) in empty.enumerated() { canvas.put(" " + line, x: 0, y: y + i, role: .muted, maxWidth: width) }
        return false
    }
}

extension PagedList.PageNeed: Sendable where Cursor: Sendable {}

/// The rows loaded, in order.
extension PagedList: RandomAccessCollection {
    public var startIndex: Int { rows.startIndex }
    public var endIndex: Int { rows.endIndex }
    public subscript(position: Int) -> Row { rows[position] }
}

/// A page of a newest-first list read by row id (the inbox, the moderation
/// log), as its effect answers: read with `limit` = page + 1, the extra row
/// only says there is more.
struct NewestFirstPage<Row>: Answer {
    enum Read: Equatable {
        /// Rows older than this id; nil: the newest page.
        case older(before: Int64?)
        /// Rows newer than this id, read backwards; 0: the oldest page (`G`).
        case newer(after: Int64)
    }

    var rows: [Row]
    var read: Read
    var limit: Int
}

extension PagedList where Cursor == Int64 {
    /// Takes a page: the newest read again over the rows loaded, older ones
    /// below, newer ones above, or the oldest page alone.
    mutating func take(_ page: NewestFirstPage<Row>, visible: Int) {
        let extra = page.rows.count >= page.limit
        switch page.read {
        case .older(let before):
            let rows = Array(page.rows.prefix(Swift.max(0, page.limit - 1)))
            take(rows, more: extra ? rows.last?[keyPath: id] : nil, as: before == nil ? .newest : .append, visible: visible)
        case .newer(let after):
            let rows = Array(page.rows.suffix(Swift.max(0, page.limit - 1)))
            take(rows, more: extra ? rows.first?[keyPath: id] : nil, as: after == 0 ? .last : .prepend, visible: visible)
        }
    }

    /// The read a move needs (`G`: the oldest page itself, not every page on the way).
    static func read(_ need: PageNeed) -> NewestFirstPage<Row>.Read {
        switch need {
        case .first: .older(before: nil)
        case .last: .newer(after: 0)
        case .after(let last): .older(before: last)
        case .before(let first): .newer(after: first)
        }
    }

    /// Reads the newest page again; older rows loaded stay. Without the newest
    /// loaded (after `G`), the page from the first row is read again.
    var readAgain: NewestFirstPage<Row>.Read {
        if earlier != nil, let first = rows.first { return .older(before: first[keyPath: id] + 1) }
        return .older(before: nil)
    }
}
