// Interim stand-ins until the editor widgets land; removed at merge.
public struct TextEditor: Equatable, Sendable {
    public var text: String
    public init(text: String = "") { self.text = text }
    public var isEmpty: Bool { text.isEmpty }
    public mutating func handle(_ key: Key, width: Int, height: Int) -> Bool {
        switch key {
        case .character(let c): text.append(c); return true
        case .enter: text.append("\n"); return true
        case .backspace: if !text.isEmpty { text.removeLast() }; return true
        default: return false
        }
    }
    public mutating func insert(_ s: String) { text += s }
    public func render(into canvas: inout Canvas, x: Int, y: Int, width: Int, height: Int, role: StyleRole = .normal, cursorRole: StyleRole = .selection, placeholder: String? = nil) {
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(height).enumerated() {
            canvas.put(line, x: x, y: y + i, role: role, maxWidth: width)
        }
    }
}

public struct TextField: Equatable, Sendable {
    public var text: String
    public var maxLength: Int?
    public init(text: String = "", maxLength: Int? = nil) { self.text = text; self.maxLength = maxLength }
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c): text.append(c); return true
        case .backspace: if !text.isEmpty { text.removeLast() }; return true
        default: return false
        }
    }
    public func render(into canvas: inout Canvas, x: Int, y: Int, width: Int, role: StyleRole = .normal, cursorRole: StyleRole = .selection, placeholder: String? = nil) {
        canvas.put(text, x: x, y: y, role: role, maxWidth: width)
    }
}
