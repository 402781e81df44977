@testable import CursesTerminal
import PaddockTUI
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct TerminalEditorTests {
    @Test func editorChoice() {
        #expect(ExternalEditor.command(visual: "nano", editor: "vim") == "nano")
        #expect(ExternalEditor.command(visual: "", editor: "vim") == "vim")
        #expect(ExternalEditor.command(visual: nil, editor: " ") == "vi")
        #expect(ExternalEditor.command(visual: nil, editor: nil) == "vi")
    }

    @Test func editedTextComesBackAndTheFileGoes() throws {
        var suspended = 0, resumed = 0
        // `sh -c '<editor> "$1"'`: an editor with arguments works, and so does quoting.
        let result = ExternalEditor.edit("first\n", command: "printf '%s\\n' added >>",
                                         suspend: { suspended += 1 }, resume: { resumed += 1 })
        #expect(result == .success("first\nadded\n"))
        #expect(suspended == 1 && resumed == 1)
    }

    @Test func aFailingEditorReportsItsStatus() {
        let result = ExternalEditor.edit("keep me", command: "exit 3;", suspend: {}, resume: {})
        #expect(result == .failure(EditorFailure("editor 'exit 3;' exited with status 3")))
    }

    @Test func aMissingEditorSaysSo() {
        let result = ExternalEditor.edit("x", command: "paddock-no-such-editor", suspend: {}, resume: {})
        guard case .failure(let failure) = result else { Issue.record("expected a failure"); return }
        #expect(failure.message.hasPrefix("editor 'paddock-no-such-editor' was not found"))
    }

    @Test func textChangedByAFailingEditorIsKept() throws {
        let result = ExternalEditor.edit("x", command: "sh -c 'echo more >> \"$1\"; exit 1' sh", suspend: {}, resume: {})
        guard case .failure(let failure) = result,
              let range = failure.message.firstRange(of: "kept in ") else { Issue.record("expected a kept file"); return }
        let path = String(failure.message[range.upperBound...])
        #expect(access(path, F_OK) == 0)
        unlink(path)
    }
}
