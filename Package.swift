// swift-tools-version:6.0
// antq: an event-sourced record keeper for the ANTQ movement.
// No package dependencies: the Swift toolchain alone builds and tests it.
import PackageDescription

let package = Package(
    name: "antq",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "antq", targets: ["antq"]),
        .executable(name: "antq-demo", targets: ["antq-demo"]),
        .executable(name: "antq-bench", targets: ["antq-bench"]),
        .executable(name: "antq-fuzz", targets: ["antq-fuzz"]),
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
        // Exact decimals for declared quantities (kg, đồng, metres): parse, sum, round, format.
        .target(name: "Decimals"),
        // Office Open XML spreadsheets (.xlsx) with their own ZIP writer and CRC-32:
        // no dependencies and no Foundation, so the static antq binary can write them.
        .target(name: "OfficeOpenXML"),
        // The seeded generator of the demo log, the benchmark's log and the randomized tests.
        .target(name: "SeededRandom"),
        // Declarative command-line parsing, help and shell completion.
        .target(name: "CommandLineKit"),
        // The append-only log core: lines, hash chain, locking, recovery, streaming reads.
        .target(name: "EventLog", dependencies: ["SystemCalls", "Hashing", "JSONCodec"]),
        // The ANTQ domain: the catalogue (one declaration per event type), validation, units,
        // projections (pure folds), figures and periods. No bytes, pointers or terminals.
        .target(name: "ANTQDomain", dependencies: ["Decimals", "TextFormats"]),
        // The log's bytes: stored lines and batch lines read and written by the declarations
        // (one general reader, one fast path), and the snapshot codec.
        .target(name: "ANTQCodec", dependencies: ["ANTQDomain", "Decimals", "JSONCodec", "TextFormats", "Hashing", "SystemCalls"]),
        // A data directory: replay with snapshots, validated atomic appends, verification, audit.
        .target(name: "ANTQStore", dependencies: ["ANTQDomain", "ANTQCodec", "Decimals", "EventLog", "SystemCalls", "Hashing", "JSONCodec", "TextFormats"]),
        // Reports: text, Markdown, CSV, JSON, HTML in Vietnamese or English.
        .target(name: "ANTQReports", dependencies: ["ANTQDomain", "ANTQCodec", "Decimals", "ANTQStore", "TextFormats", "JSONCodec", "SystemCalls", "OfficeOpenXML"]),
        // The CLI: parses, calls, prints.
        // Release builds are one static executable (Swift runtime, Dispatch
        // and glibc linked in; antq does not use Foundation): no dynamic
        // loader and no symbol lookups at start-up, which is a large part of
        // a single `antq append` (the benchmark's start-up row measures it).
        // Costs: a large binary, and the linker's note that the runtime's
        // optional dlopen needs the same glibc at run time (antq is built
        // where it runs; it does not use NSS: the OS user is read from
        // /etc/passwd). Debug builds and tests link dynamically as usual.
        .executableTarget(name: "antq", dependencies: ["ANTQStore", "ANTQReports", "ANTQDomain", "ANTQCodec", "Decimals", "CommandLineKit", "TextFormats", "EventLog", "SystemCalls", "JSONCodec", "OfficeOpenXML"],
                          linkerSettings: [.unsafeFlags(["-static-executable"], .when(configuration: .release))]),
        // Writes the bundled Bình Dương demonstration log (deterministic).
        .executableTarget(name: "antq-demo", dependencies: ["ANTQStore", "ANTQDomain", "ANTQCodec", "Decimals", "TextFormats", "EventLog", "SeededRandom"]),
        // The benchmark against the tools a clerk could use instead.
        .executableTarget(name: "antq-bench", dependencies: ["ANTQStore", "ANTQDomain", "ANTQCodec", "Decimals", "EventLog", "JSONCodec", "TextFormats", "Hashing", "SeededRandom", "SystemCalls"]),
        // Crash, concurrency and fuzz harnesses for the reliability guarantees.
        .executableTarget(name: "antq-torture", dependencies: ["ANTQStore", "ANTQDomain", "ANTQCodec", "EventLog", "JSONCodec", "TextFormats", "SystemCalls", "FuzzTargets"]),
        // The fuzz body: every decoder that reads outside bytes, and the validator.
        .target(name: "FuzzTargets", dependencies: ["ANTQDomain", "ANTQCodec", "EventLog", "JSONCodec", "TextFormats"]),
        // What the tests and the benchmark share: logs built through the real validator, seeded
        // random logs with declarations, and a naive reference implementation of every figure;
        // and the tests' one way to run another program (ProcessRunner, with Foundation).
        .target(name: "ANTQTestSupport", dependencies: ["ANTQDomain", "ANTQCodec", "Decimals", "TextFormats", "SeededRandom", "SystemCalls"]),
        // libFuzzer entry point (build with -sanitize=fuzzer, see its source); a corpus runner otherwise.
        .executableTarget(name: "antq-fuzz", dependencies: ["FuzzTargets"]),

        .testTarget(name: "SeededRandomTests", dependencies: ["SeededRandom"]),
        .testTarget(name: "HashingTests", dependencies: ["Hashing", "SeededRandom"]),
        .testTarget(name: "JSONCodecTests", dependencies: ["JSONCodec", "SeededRandom"], exclude: ["JSONTestSuite"]),
        .testTarget(name: "DecimalsTests", dependencies: ["Decimals", "SeededRandom"]),
        .testTarget(name: "TextFormatsTests", dependencies: ["TextFormats", "SeededRandom"]),
        .testTarget(name: "OfficeOpenXMLTests", dependencies: ["OfficeOpenXML", "SeededRandom", "ANTQTestSupport"]),
        .testTarget(name: "CommandLineKitTests", dependencies: ["CommandLineKit"]),
        .testTarget(name: "EventLogTests", dependencies: ["EventLog", "SystemCalls", "Hashing", "SeededRandom"]),
        .testTarget(name: "ANTQDomainTests", dependencies: ["ANTQDomain", "ANTQCodec", "ANTQTestSupport", "Decimals", "JSONCodec", "TextFormats", "Hashing", "SeededRandom"]),
        .testTarget(name: "ANTQStoreTests", dependencies: ["ANTQStore", "ANTQDomain", "ANTQCodec", "ANTQTestSupport", "Decimals", "EventLog", "SystemCalls", "TextFormats", "JSONCodec", "SeededRandom"]),
        .testTarget(name: "ANTQReportsTests", dependencies: ["ANTQReports", "ANTQStore", "ANTQDomain", "ANTQCodec", "ANTQTestSupport", "Decimals", "TextFormats", "JSONCodec"]),
        // End-to-end: runs the built antq binary on temporary data directories.
        .testTarget(name: "EndToEndTests", dependencies: ["antq", "antq-demo", "antq-bench", "ANTQTestSupport", "JSONCodec", "TextFormats"],
                    // The committed bad-input corpus (issue 7): one file per case plus manifest.tsv;
                    // the published 2018 figures the bundled log must reproduce (a copy of ../shared/domain/figures-2018.json).
                    resources: [.copy("BadInput"), .copy("Fixtures")]),
        .testTarget(name: "ReliabilityTests", dependencies: ["antq", "antq-torture", "ANTQStore", "ANTQDomain", "ANTQCodec", "ANTQTestSupport", "EventLog", "SystemCalls", "Hashing", "JSONCodec"],
                    exclude: ["FuzzSeeds"]),
    ]
)
