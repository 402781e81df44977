import Foundation
import Testing

/// The dashboard through the real binary on the demo community: the chart
/// style chosen on the command line reaches the screen. Should the figures
/// not be read, it fails at once rather than waiting out every step.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct DashboardEndToEndTests {
    /// `--ascii` and the mono theme draw the sparklines and bars in ASCII; the default theme in block elements.
    @Test(arguments: [(["--ascii"], false), (["--theme", "mono"], false), ([], true)])
    func theChartsAreDrawnInTheStyleAsked(flags: [String], blocks: Bool) throws {
        let tmux = try Tmux()
        let db = tmux.folder + "/community.sqlite"
        try #require(try Tmux.run(Tmux.binary, ["--db", db, "init", "--demo", "--admin", "ada"]).status == 0)
        try tmux.start(width: 100, height: 50)
        try tmux.typeLine("clear; \(Tmux.binary) --db \(db) --as ada \(flags.joined(separator: " ")); echo EXITED=$?")
        try tmux.waitFor("Latest")
        try tmux.keys("D")
        let opened = try tmux.waitUntil("the figures or why not") { $0.contains("DEMAND PER PRODUCT") || $0.contains("could not be read") }
        #expect(!opened.contains("could not be read"), "\(opened)")
        // Tab twice: the activity panel, then participation, with the sparklines and bars in view.
        try tmux.keys("Tab", "Tab")
        let charts = try tmux.waitFor("PARTICIPATION", seconds: 5)
        let blockElements = Set("▁▂▃▄▅▆▇█▏▎▍▌▋▊▉")
        #expect(charts.contains { blockElements.contains($0) } == blocks, "\(flags):\n\(charts)")
        #expect(charts.contains("  members  "), "the funnel's first bar is in view:\n\(charts)")
        try tmux.keys("Escape")
        try tmux.waitFor("Latest")
        try tmux.keys("q")
        let end = try tmux.waitUntil("the app to exit") { $0.contains("EXITED=") }
        #expect(end.contains("EXITED=0"), "\(end)")
    }
}
