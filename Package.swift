// swift-tools-version:6.0
// antq: an event-sourced record keeper for the ANTQ movement.
// No package dependencies: the Swift toolchain alone builds and tests it.
import PackageDescription

let package = Package(
    name: "antq",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "antq", targets: ["antq"]),
    ],
    targets: [
        // Thin typed syscall wrappers (open, fsync, flock, rename …).
        .target(name: "SystemCalls"),
        // SHA-256 (SHA-NI in C with a portable Swift fallback) and HMAC-SHA256.
        .target(name: "CSHA256"),
        .target(name: "Hashing", dependencies: ["CSHA256"]),
        // Strict, fast JSON: a pull scanner for replay, a tree for tools, a canonical writer.
        .target(name: "JSONCodec"),
        // CSV, text tables, number/date style, diacritic folding: knows nothing of police work.
        .target(name: "TextFormats"),
        // Declarative command-line parsing, help and shell completion.
        .target(name: "CommandLineKit"),
        // The append-only log core: lines, hash chain, locking, recovery, streaming reads.
        .target(name: "EventLog", dependencies: ["SystemCalls", "Hashing", "JSONCodec"]),
        // The ANTQ domain: event catalogue, validation, units, projections (pure folds), figures.
        .target(name: "ANTQDomain", dependencies: ["Hashing", "JSONCodec", "TextFormats"]),
        // A data directory: replay with snapshots, validated atomic appends, verification, audit.
        .target(name: "ANTQStore", dependencies: ["ANTQDomain", "EventLog", "SystemCalls", "Hashing", "JSONCodec", "TextFormats"]),
        // Reports: text, Markdown, CSV, JSON, HTML in Vietnamese or English.
        .target(name: "ANTQReports", dependencies: ["ANTQDomain", "ANTQStore", "TextFormats", "JSONCodec"]),
        // The CLI: parses, calls, prints.
        .executableTarget(name: "antq", dependencies: ["ANTQStore", "ANTQReports", "ANTQDomain", "CommandLineKit", "TextFormats", "EventLog", "SystemCalls", "JSONCodec"]),

        .testTarget(name: "HashingTests", dependencies: ["Hashing"]),
        // JSONCODECTESTS
        .testTarget(name: "TextFormatsTests", dependencies: ["TextFormats"]),
        .testTarget(name: "CommandLineKitTests", dependencies: ["CommandLineKit"]),
    ]
)
