import ANTQTestSupport
import Foundation
import Testing

/// Keeps the benchmark working: a tiny run (10,000 events, one run each) of
/// the built `antq-bench` must complete and print every row of the report.
/// The targets themselves are judged in the report, never here: a debug
/// build on a busy CI machine is not what they are about.
@Suite struct BenchmarkSmokeTests {
    /// Every measurement of issues 6, 14, 15 and 16 has a row, in this order.
    static let rows = [
        "rebuild --from-scratch (every projection)",
        "rebuild vs Python orjson group-by",
        "rebuild vs jq group_by",
        "rebuild vs Python json group-by",
        "rebuild vs sqlite3 json_extract GROUP BY (query only)",
        "rebuild peak memory",
        "rebuild --from-scratch, 30 % declared indicators",
        "rebuild peak memory at 4×N",
        "verify vs sha256sum",
        "summary after 10,000 events on a snapshot vs rebuild",
        "summary --columns months on a snapshot vs yearly summary",
        "audit arrests --year Y vs rebuild",
        "one append (fsync), process start to exit",
        "one append vs sqlite3 WAL insert (synchronous=FULL)",
        "batch append of N events from a file",
        "batch append of N events, each with its own id",
        "batch append with ids: peak memory",
        "start-up: antq --version vs /bin/true",
    ]

    static var benchURL: URL {
        AntqBinary.url.deletingLastPathComponent().appendingPathComponent("antq-bench")
    }

    /// Runs antq-bench (`ProcessRunner` keeps its output in files: its
    /// progress on stderr must never fill a pipe and block it).
    static func run(_ arguments: [String]) throws -> AntqBinary.Output {
        AntqBinary.Output(try ProcessRunner.run(executable: benchURL.path, arguments: arguments))
    }

    @Test(.timeLimit(.minutes(10)))
    func smallRunCompletesAndReportsEveryMeasurement() throws {
        let r = try Self.run(["--events", "10000", "--runs", "1", "--quick"])
        #expect(r.status == 0, "antq-bench failed:\n\(r.stderr.suffix(3000))")
        let tableLines = r.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") }
        #expect(tableLines.first?.hasPrefix("| Target") == true, "no table header in:\n\(r.stdout)")
        for label in Self.rows {
            let line = tableLines.first { $0.hasPrefix("| \(label) ") }
            #expect(line != nil, "no row '\(label)' in:\n\(r.stdout)")
            guard let line else { continue }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            // A measured row shows a time; a row without one must say why it was skipped.
            let measured = cells.count > 1 && (cells[1].hasSuffix("s") || cells[1].contains(" s ") || cells[1].contains("ms"))
            #expect(measured || line.contains("skipped:"), "row '\(label)' has neither a time nor a reason: \(line)")
        }
        // The header and one line per row (the |---| rule starts with "|-").
        #expect(tableLines.count == Self.rows.count + 1, "unexpected rows:\n\(tableLines.joined(separator: "\n"))")
        // The generated log is checked by antq itself before anything is timed.
        #expect(r.stdout.contains("antq verify on the generated log: clean"))
        #expect(r.stdout.contains("targets met."))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let r = try Self.run(["--event", "10"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("unknown option '--event'"))
    }
}
