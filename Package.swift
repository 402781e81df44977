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
        .package(url: "https://github.com/apple/swift-nio-ssh", exact: "0.15.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
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
        // Its built-in themes are the files of Themes/ (linked in as Theme/BuiltIn),
        // written into it as Swift at each build by the EmbedThemes plugin.
        .target(name: "PaddockTUI", dependencies: ["PaddockCore", "PaddockStore"], plugins: ["EmbedThemes"]),
        .plugin(name: "EmbedThemes", capability: .buildTool(), dependencies: ["embed-themes"]),
        // The plugin's tool: writes theme files as Swift string literals. Runs at build time, never shipped.
        .executableTarget(name: "embed-themes"),
        // The wide-character ncurses API, imported through a module map and a small shim.
        .systemLibrary(
            name: "CNCurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The only code that touches ncurses.
        .target(name: "CursesTerminal", dependencies: ["PaddockTUI", "CNCurses", "CPaddockSignals"]),
        // The terminal's signal handlers and their one flag: C, in one translation unit, so there is one copy of the state.
        .target(name: "CPaddockSignals"),
        // Starting a program on a new pseudo-terminal (fork, setsid, TIOCSCTTY, exec): C, so nothing runs between fork and exec but system calls.
        .target(name: "CPaddockPTY"),
        // `paddock serve`: the built-in SSH server. Each session runs the app in a child process on a pty.
        .target(name: "PaddockServer", dependencies: [
            "PaddockCore", "PaddockStore", "CPaddockPTY", "CPaddockSignals",
            .product(name: "NIOSSH", package: "swift-nio-ssh"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // `paddock bench`: the measurements and their report, taken in the CLI's process and in children it starts.
        .target(name: "PaddockBench", dependencies: ["PaddockCore", "PaddockStore", "PaddockTUI", "CursesTerminal"]),
        // The command line: swift-argument-parser commands, their shared options and output. A library, so tests reach the commands in process.
        .target(name: "PaddockCLI", dependencies: [
            "PaddockCore", "PaddockStore", "PaddockTUI", "CursesTerminal", "PaddockServer", "PaddockBench",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The executable: the command line's entry point, nothing else.
        .executableTarget(name: "paddock", dependencies: ["PaddockCLI"]),
        // Developer check tool: runs a key-echo program on the real terminal (see scripts/terminal-check.sh).
        .executableTarget(name: "paddock-terminal-check", dependencies: ["PaddockTUI", "CursesTerminal"]),
        .testTarget(name: "PaddockCoreTests", dependencies: ["PaddockCore"]),
        .testTarget(name: "PaddockStoreTests", dependencies: ["PaddockStore"]),
        .testTarget(name: "PaddockTUITests", dependencies: ["PaddockTUI"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "CNCurses"]),
        .testTarget(name: "PaddockCLITests", dependencies: [
            "PaddockStore", "PaddockTUI", "PaddockCLI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], exclude: ["Snapshots", "Mail"]),
        // Drives the real binary in tmux: the one place tests need a terminal.
        .testTarget(name: "PaddockEndToEndTests", dependencies: ["PaddockStore"]),
    ],
    swiftLanguageModes: [.v6]
)
