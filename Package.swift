// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Paddock",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "paddock", targets: ["paddock"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
    ],
    targets: [
        // Domain types and rules. Pure Swift: no I/O, no dependencies.
        .target(name: "PaddockCore"),
        // SQLite through GRDB: schema, records, queries and the Community service.
        .target(name: "PaddockStore", dependencies: [
            "PaddockCore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The app as a state machine rendering into a Canvas. Never imports ncurses.
        .target(name: "PaddockTUI", dependencies: ["PaddockCore", "PaddockStore"]),
        // The wide-character ncurses API, imported through a module map and a small shim.
        .systemLibrary(
            name: "CNCurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The only code that touches ncurses.
        .target(name: "CursesTerminal", dependencies: ["PaddockTUI", "CNCurses"]),
        .executableTarget(name: "paddock", dependencies: [
            "PaddockCore", "PaddockStore", "PaddockTUI", "CursesTerminal",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Developer check tool: runs a key-echo program on the real terminal (see scripts/terminal-check.sh).
        .executableTarget(name: "paddock-terminal-check", dependencies: ["PaddockTUI", "CursesTerminal"]),
        .testTarget(name: "PaddockCoreTests", dependencies: ["PaddockCore"]),
        .testTarget(name: "PaddockStoreTests", dependencies: ["PaddockStore"]),
        .testTarget(name: "PaddockTUITests", dependencies: ["PaddockTUI"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "CNCurses"]),
        .testTarget(name: "PaddockCLITests", dependencies: ["PaddockStore", "PaddockTUI"]),
        // Drives the real binary in tmux: the one place tests need a terminal.
        .testTarget(name: "PaddockEndToEndTests", dependencies: ["PaddockStore"]),
    ],
    swiftLanguageModes: [.v6]
)
