// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Brief",
    products: [
        .executable(name: "brief", targets: ["brief"]),
    ],
    dependencies: [
        // The command line: subcommands, options, --help/--version and usage errors.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The configuration file (TOML), read by toml++ (C++), which TOMLKit wraps.
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // C shim over the system ICU (Debian's libicu-dev): its C API is renamed by
        // version macros Swift cannot call, so small wrapper functions expose it.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // libxml2's HTML parser (Debian's libxml2-dev), called through its SAX interface.
        .systemLibrary(name: "CXML", path: "Sources/CXML", pkgConfig: "libxml-2.0"),
        // Pure Swift core: bytes in, article model, outline and analysis out. No terminal.
        .target(
            name: "BriefCore",
            dependencies: ["CICU", "CXML"],
            // The analysis keeps its buffers in classes; dynamic exclusivity checks on them
            // cost ~10% of `brief outline` on large articles. Debug builds keep the checks.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        // Files and the environment: article files, the note store, reading positions, and
        // the one place their system calls (EINTR retries, atomic replacement, locks) are written;
        // the HTTP client (libcurl) and the page cache.
        .target(
            name: "BriefStore",
            dependencies: ["BriefCore", "CCurl"]
        ),
        // libcurl (Debian's libcurl4-openssl-dev); its variadic setopt/getinfo calls become
        // typed inline functions in shim.h.
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl"),
        // ncursesw, wide-character API; macros Swift cannot import (attributes, mouse masks,
        // stdscr) become constants and inline functions in shim.h.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // Terminal-free app: state, command table, views drawing into a Screen.
        .target(
            name: "BriefUI",
            dependencies: ["BriefCore", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // The reader's loop: draw, next event, apply, perform the effects (files, the editor,
        // background parsing), whose results come back as events. Generic over a terminal backend.
        .target(
            name: "BriefRuntime",
            dependencies: ["BriefCore", "BriefUI", "BriefStore"]
        ),
        // The only code that calls ncurses: copies a Screen out, reads keys, signals.
        .target(
            name: "BriefTerminal",
            dependencies: ["BriefUI", "BriefRuntime", "CNcursesw"]
        ),
        .executableTarget(
            name: "brief",
            dependencies: [
                "BriefCore",
                "BriefStore",
                "BriefUI",
                "BriefRuntime",
                "BriefTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release builds link the Swift runtime and Foundation statically: loading and
            // relocating them as shared libraries was a third of the time to the first screen.
            // Debug builds (tests, sanitizers: ThreadSanitizer's allocator fails on a static
            // runtime) link them as shared libraries.
            linkerSettings: [
                .unsafeFlags(["-static-stdlib"], .when(configuration: .release)),
                .linkedLibrary("_FoundationCollections", .when(configuration: .release)),
                .linkedLibrary("_FoundationCShims", .when(configuration: .release)),
                // TOMLKit imports Foundation (its dates), which brings Foundation's own ICU.
                .linkedLibrary("CoreFoundation", .when(configuration: .release)),
                .linkedLibrary("_FoundationICU", .when(configuration: .release)),
            ]
        ),
        // For the tests: runs the built binary as scripts do, and a loopback HTTP server
        // (fault-server.py, run with python3) that serves pages and misbehaves on purpose.
        .target(
            name: "BriefProcess",
            path: "Tests/BriefProcess",
            exclude: ["fault-server.py"]
        ),
        .testTarget(
            name: "BriefCoreTests",
            dependencies: ["BriefCore", "BriefStore", "BriefProcess"],
            exclude: ["Golden"]  // export golden files, read from disk by the tests
        ),
        // Runs the built `brief` binary as scripts do (output, exit status, errors);
        // BriefCore only for measuring display widths.
        .testTarget(
            name: "CommandLineTests",
            dependencies: ["BriefCore", "BriefProcess"]
        ),
        .testTarget(
            name: "BriefUITests",
            dependencies: ["BriefUI", "BriefStore"]
        ),
        // The whole reader loop through a fake terminal: keys, resizes, signals, background
        // results, the editor round trip, the large-file preview and tail.
        .testTarget(
            name: "BriefRuntimeTests",
            dependencies: ["BriefRuntime", "BriefUI", "BriefStore", "BriefCore"]
        ),
        // The HTTP client against the loopback fault server, and the page cache.
        .testTarget(
            name: "BriefStoreTests",
            dependencies: ["BriefStore", "BriefProcess"]
        ),
        // Drives the built `brief` binary in tmux (web pages from the loopback server).
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["BriefProcess"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
