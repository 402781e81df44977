/// Threads mail as Jamie Zawinski described for Netscape
/// (https://www.jwz.org/doc/threading.html): a container per Message-ID seen,
/// linked by References and In-Reply-To; empty containers pruned; roots with
/// the same subject (Re:, Fwd:, Aw:, Sv:… and [list] tags stripped) grouped,
/// for clients that broke References.
///
/// Messages are added one at a time as the archive streams by; only their ids,
/// links and subjects are kept (a few dozen bytes each), never their text.
/// Message-IDs mentioned but absent from the archive may name posts already
/// in the community: `finish(external:)` takes those and keeps them as nodes,
/// so a newer archive's replies join the threads imported before.
public struct MailThreader {
    static let none: Int32 = -1
    static let externalMessage: Int32 = -2

    private var containerOf: [String: Int32] = [:]
    private var ids: [String] = []
    /// Per container: the message's index, `none`, or `externalMessage`.
    private var message: [Int32] = []
    private var parent: [Int32] = []
    private var subjects: [String] = []
    private var replies: [Bool] = []
    public private(set) var messageCount = 0

    public init() {}

    /// Adds a message; returns its index, or nil when a message with its
    /// Message-ID was already added (a duplicate; the first is kept).
    public mutating func add(messageID: String, references: [String], subject: String) -> Int? {
        let c = container(messageID)
        guard message[Int(c)] == Self.none else { return nil }
        let index = messageCount
        messageCount += 1
        message[Int(c)] = Int32(index)
        let (normalized, isReply) = Self.normalizedSubject(subject)
        subjects.append(normalized)
        replies.append(isReply)
        // Link the references in order, without changing links already made or making a loop.
        var previous: Int32?
        for reference in references {
            let r = container(reference)
            if let p = previous, parent[Int(r)] == Self.none, r != p, !isAncestor(r, of: p) {
                parent[Int(r)] = p
            }
            previous = r
        }
        // This message's own parent is the last reference: it knows best.
        parent[Int(c)] = Self.none
        if let p = previous, p != c, !isAncestor(c, of: p) { parent[Int(c)] = p }
        return index
    }

    /// Message-IDs referred to by messages of the archive but not in it.
    public var missingIDs: [String] {
        message.indices.filter { message[$0] == Self.none }.map { ids[$0] }
    }

    /// The threads: one tree per root, each listing its real nodes (archive
    /// messages, and `external` ids that name posts already stored) parents first.
    public mutating func finish(external: Set<String>) -> [MailTree] {
        for c in message.indices where message[c] == Self.none && external.contains(ids[c]) { message[c] = Self.externalMessage }
        var children = [[Int32]](repeating: [], count: message.count)
        var roots: [Int32] = []
        for c in message.indices {
            if parent[c] == Self.none { roots.append(Int32(c)) } else { children[Int(parent[c])].append(Int32(c)) }
        }
        roots = prune(roots, atRoot: true, children: &children)
        roots = groupBySubject(roots, children: &children)
        containerOf = [:]
        return roots.map { tree(root: $0, children: children) }
    }

    private mutating func container(_ id: String) -> Int32 {
        if let c = containerOf[id] { return c }
        let c = Int32(ids.count)
        containerOf[id] = c
        ids.append(id)
        message.append(Self.none)
        parent.append(Self.none)
        return c
    }

    private func isAncestor(_ a: Int32, of b: Int32) -> Bool {
        var p = b
        while p != Self.none {
            if p == a { return true }
            p = parent[Int(p)]
        }
        return false
    }

    /// Empty containers go; the children of one move up to its parent, except
    /// at the root where an empty container with several children stays (they
    /// share a thread whose first message is missing).
    private func prune(_ list: [Int32], atRoot: Bool, children: inout [[Int32]]) -> [Int32] {
        var result: [Int32] = []
        for c in list {
            let kids = prune(children[Int(c)], atRoot: false, children: &children)
            children[Int(c)] = kids
            if message[Int(c)] == Self.none {
                if kids.isEmpty { continue }
                if !atRoot || kids.count == 1 { result += kids; continue }
            }
            result.append(c)
        }
        return result
    }

    private func subject(of c: Int32, children: [[Int32]]) -> (String, Bool)? {
        var m = message[Int(c)]
        if m == Self.none, let first = children[Int(c)].first(where: { message[Int($0)] >= 0 }) { m = message[Int(first)] }
        guard m >= 0, !subjects[Int(m)].isEmpty else { return nil }
        return (subjects[Int(m)], replies[Int(m)])
    }

    private mutating func groupBySubject(_ roots: [Int32], children: inout [[Int32]]) -> [Int32] {
        var table: [String: Int32] = [:]
        for r in roots {
            guard let (s, reply) = subject(of: r, children: children) else { continue }
            guard let t = table[s] else { table[s] = r; continue }
            let tEmpty = message[Int(t)] == Self.none, rEmpty = message[Int(r)] == Self.none
            // An empty container is preferred, then a message that is not a reply.
            if (rEmpty && !tEmpty) || (!rEmpty && !tEmpty && replies[Int(message[Int(t)])] && !reply) { table[s] = r }
        }
        var removed = Set<Int32>()
        var added: [Int32] = []
        for r in roots {
            guard let (s, reply) = subject(of: r, children: children), let t = table[s], t != r, message[Int(r)] != Self.externalMessage,
                  message[Int(t)] != Self.externalMessage else { continue }
            let tEmpty = message[Int(t)] == Self.none, rEmpty = message[Int(r)] == Self.none
            if rEmpty {
                // Two empty containers: one holds all their children.
                children[Int(t)] += children[Int(r)]
            } else if tEmpty || (!replies[Int(message[Int(t)])] && reply) {
                // Under the empty container, or a reply under the message it answers.
                children[Int(t)].append(r)
            } else {
                // Neither is the other's reply: both go under a new empty container.
                let d = container("\u{0}subject:\(s)\u{0}\(ids.count)")
                children.append([t, r])
                added.append(d)
                removed.insert(t)
                table[s] = d
            }
            removed.insert(r)
        }
        return (roots + added).filter { !removed.contains($0) }
    }

    private func tree(root: Int32, children: [[Int32]]) -> MailTree {
        var nodes: [MailTree.Node] = []
        // Depth-first, iteratively: a chain of replies thousands deep must not exhaust the stack.
        var stack: [(container: Int32, parentNode: Int?)] = [(root, nil)]
        while let (c, parentNode) = stack.popLast() {
            var nodeIndex = parentNode
            let m = message[Int(c)]
            if m >= 0 || m == Self.externalMessage {
                nodes.append(MailTree.Node(item: m >= 0 ? .message(Int(m)) : .external(ids[Int(c)]), parent: parentNode))
                nodeIndex = nodes.count - 1
            }
            for child in children[Int(c)].reversed() { stack.append((child, nodeIndex)) }
        }
        return MailTree(nodes: nodes)
    }

    static let replyPrefixes = ["re", "fwd", "fw", "aw", "sv", "vs", "antw", "wg", "tr", "rif", "r", "odp", "res", "ynt"]

    /// For a reply's subject, the titles of the thread it may answer: with its
    /// `[list]` tags (`Re: [riders] Seat height` → `[riders] Seat height`) and
    /// without (`seat height`, compared without case). Nil for a subject that is no reply.
    public static func titlesAnswered(by subject: String) -> [String]? {
        let (bare, isReply) = normalizedSubject(subject)
        guard isReply, !bare.isEmpty else { return nil }
        return Array(Set([MailPost.title(withoutReplyPrefixes(subject)), MailPost.title(bare)]))
    }

    /// The title of a thread a message opens: its subject without the reply
    /// prefixes before the text (`Re: [riders] Re: Seat height` → `[riders]
    /// Seat height`), so a reply whose parent is missing opens a thread titled
    /// as the one it answered, which later replies find by subject. The subject
    /// as written when nothing would be left.
    public static func threadTitle(_ subject: String) -> String {
        let bare = withoutReplyPrefixes(subject)
        return MailPost.title(bare.allSatisfy(\.isWhitespace) ? subject : bare)
    }

    /// The subject with its `[list]` tags kept and its reply prefixes dropped.
    static func withoutReplyPrefixes(_ subject: String) -> String {
        var s = Substring(subject)
        var tags: [Substring] = []
        while true {
            s = s.drop(while: { $0.isWhitespace })
            if s.first == "[", let close = s.firstIndex(of: "]") {
                tags.append(s[...close])
                s = s[s.index(after: close)...]
                continue
            }
            let word = s.prefix(while: { $0.isLetter })
            guard !word.isEmpty, replyPrefixes.contains(word.lowercased()) else { break }
            var rest = s[word.endIndex...]
            if rest.first == "[", let close = rest.firstIndex(of: "]") { rest = rest[rest.index(after: close)...] }
            rest = rest.drop(while: { $0 == " " })
            guard rest.first == ":" else { break }
            s = rest.dropFirst()
        }
        return (tags.map(String.init) + [String(s)]).joined(separator: " ")
    }

    /// The subject threads are grouped by, and whether it was a reply's
    /// (`Re: Re[2]: [list] Fwd: Seat height` → `seat height`, true).
    public static func normalizedSubject(_ subject: String) -> (String, Bool) {
        var s = Substring(subject.lowercased())
        var reply = false
        var changed = true
        while changed {
            changed = false
            s = s.drop(while: { $0.isWhitespace })
            if s.first == "[", let close = s.firstIndex(of: "]") {
                s = s[s.index(after: close)...]
                changed = true
                continue
            }
            let word = s.prefix(while: { $0.isLetter })
            guard !word.isEmpty, replyPrefixes.contains(String(word)) else { break }
            var rest = s[word.endIndex...]
            // Re[2]: and Re^2:
            if rest.first == "[", let close = rest.firstIndex(of: "]") { rest = rest[rest.index(after: close)...] }
            else if rest.first == "^" { rest = rest.dropFirst().drop(while: { $0.isNumber }) }
            rest = rest.drop(while: { $0 == " " })
            if rest.first == ":" {
                s = rest.dropFirst()
                reply = true
                changed = true
            }
        }
        return (s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "), reply)
    }
}

/// One thread as mail threading found it.
public struct MailTree: Equatable, Sendable {
    public enum Item: Equatable, Sendable {
        /// The archive's message of this index.
        case message(Int)
        /// A Message-ID that is not in the archive but names a stored post.
        case external(String)
    }

    public struct Node: Equatable, Sendable {
        public var item: Item
        /// The index in `nodes` of the nearest ancestor that is a message; nil for a top node.
        public var parent: Int?
    }

    /// Parents before their children.
    public var nodes: [Node]

    /// Each node's date in the thread: its own, but never earlier than its
    /// parent's (a reply dated before the message it answers, by a wrong
    /// clock, is put just after it), so posts go in tree order and a thread's
    /// last activity is never before its opening post. `own` gives a node's
    /// date (0 for an external node).
    public func effectiveDates(_ own: (Int) -> Int64) -> [Int64] {
        var dates: [Int64] = []
        dates.reserveCapacity(nodes.count)
        for (n, node) in nodes.enumerated() {
            dates.append(max(own(n), node.parent.map { dates[$0] } ?? Int64.min))
        }
        return dates
    }

    /// Each node's depth (0 for a top node).
    public var depths: [Int] {
        var depths: [Int] = []
        for node in nodes { depths.append(node.parent.map { depths[$0] + 1 } ?? 0) }
        return depths
    }
}
