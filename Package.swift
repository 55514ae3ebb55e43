// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "citycert",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "citycert", targets: ["citycert"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The domain: standards, committee, applications, sheets, decisions, exact scoring. No I/O.
        .target(name: "CityCertCore"),
        // The directory store: reading YAML/JSON, validation with file and line, atomic writes, audit log.
        .target(name: "CityCertStore", dependencies: [
            "CityCertCore",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Report renderers: pure functions of an evaluation (the workbook is zipped in memory).
        .target(name: "CityCertReport", dependencies: [
            "CityCertCore",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // The terminal application as pure state: State, Message, update, screens rendering into a Buffer.
        .target(name: "CityCertTUI", dependencies: ["CityCertCore"]),
        // Performs the TUI's effects through the store and turns results into messages (no terminal).
        .target(name: "CityCertRuntime", dependencies: ["CityCertTUI", "CityCertStore", "CityCertReport", "CityCertCore"]),
        // The only C in the project: ncursesw behind small named functions.
        .target(name: "CNcursesShim", linkerSettings: [.linkedLibrary("ncursesw")]),
        // The thin ncurses backend: draw a Buffer diff, read keys, resize, restore.
        .target(name: "Terminal", dependencies: ["CNcursesShim", "CityCertTUI"]),
        // The benchmark: generated stores measured in process and as whole processes (`citycert bench`).
        .target(name: "CityCertBench", dependencies: ["CityCertCore", "CityCertStore", "CityCertReport", "CityCertTUI", "CityCertRuntime"]),
        // The executable: argument parsing and wiring.
        .executableTarget(name: "citycert", dependencies: [
            "CityCertCore", "CityCertStore", "CityCertReport", "CityCertTUI", "CityCertRuntime", "Terminal", "CityCertBench",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Helpers shared by the test targets: line-diff text assertions, temporary stores.
        .target(name: "TestSupport", dependencies: ["CityCertCore"], path: "Tests/TestSupport"),
        .testTarget(name: "CityCertCoreTests", dependencies: ["CityCertCore", "TestSupport"]),
        .testTarget(name: "CityCertStoreTests", dependencies: ["CityCertStore", "CityCertCore", "TestSupport"]),
        .testTarget(name: "CityCertReportTests", dependencies: [
            "CityCertReport", "CityCertStore", "CityCertCore", "TestSupport",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "CityCertTUITests", dependencies: ["CityCertTUI", "CityCertCore", "TestSupport"], exclude: ["__Snapshots__"]),
        .testTarget(name: "CityCertRuntimeTests", dependencies: ["CityCertRuntime", "CityCertTUI", "CityCertStore", "CityCertCore", "TestSupport"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "CityCertTUI", "CityCertCore"]),
        .testTarget(name: "citycertTests", dependencies: ["TestSupport", "CityCertCore"]),
    ],
    swiftLanguageModes: [.v6]
)
