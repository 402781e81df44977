/// A selected row in a list and the first row shown, kept so the selection stays visible.
public struct ListSelection: Equatable, Sendable {
    public var selected = 0
    public var offset = 0

    public init() {}

    /// Moves the selection by `delta` rows within `count`, scrolling a window of `visible` rows.
    public mutating func move(by delta: Int, count: Int, visible: Int) {
        guard count > 0 else { selected = 0; offset = 0; return }
        selected = min(max(0, selected + delta), count - 1)
        reveal(count: count, visible: visible)
    }

    public mutating func moveTo(_ index: Int, count: Int, visible: Int) {
        move(by: index - selected, count: count, visible: visible)
    }

    /// The movement keys every list shares; true when the key was one of them.
    public mutating func handleMovement(_ key: Key, count: Int, visible: Int) -> Bool {
        switch key {
        case .down, .character("j"): move(by: 1, count: count, visible: visible)
        case .up, .character("k"): move(by: -1, count: count, visible: visible)
        case .pageDown, .character(" "): move(by: visible, count: count, visible: visible)
        case .pageUp, .character("b"): move(by: -visible, count: count, visible: visible)
        case .home, .character("g"): moveTo(0, count: count, visible: visible)
        case .end, .character("G"): moveTo(count - 1, count: count, visible: visible)
        default: return false
        }
        return true
    }

    /// Keeps the selection inside the window after a resize or a reload.
    public mutating func reveal(count: Int, visible: Int) {
        guard count > 0, visible > 0 else { offset = 0; return }
        selected = min(max(0, selected), count - 1)
        if selected < offset { offset = selected }
        if selected >= offset + visible { offset = selected - visible + 1 }
        offset = max(0, min(offset, max(0, count - visible)))
    }

    /// Whether the selection is within `margin` rows of the end: time to load the next page.
    public func nearsEnd(count: Int, margin: Int) -> Bool { selected >= count - 1 - margin }
}
