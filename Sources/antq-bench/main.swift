import Foundation
import SystemCalls

// antq-bench: the benchmark of issue 6. Progress goes to stderr, the
// report (machine, notes, table) to stdout. Exit 0 when every measurement
// ran (targets met or not: they are judged in the table, not by the exit
// code), 64 on a usage error, 1 when a measurement could not be made.

let options: BenchOptions
do {
    options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch let e as BenchOptions.UsageError {
    if e.description.isEmpty {
        print(BenchOptions.usage)
        CurrentProcess.exit(0)
    }
    FileHandle.standardError.write(Data("antq-bench: \(e.description)\n\(BenchOptions.usage)\n".utf8))
    CurrentProcess.exit(64)
}

/// The antq binary: `--antq`, else the one built next to this benchmark.
func locateAntq() -> String? {
    if let given = options.antq { return ProcessRunner.which(given) }
    let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    let candidate = (me as NSString).deletingLastPathComponent + "/antq"
    return FileSystem.isExecutable(candidate) ? candidate : nil
}

guard let antq = locateAntq() else {
    FileHandle.standardError.write(Data("""
    antq-bench: no antq binary next to antq-bench (or at --antq).
    Build it first, in the same configuration: swift build -c release && swift run -c release antq-bench

    """.utf8))
    CurrentProcess.exit(66)
}

let root: String
let keep = options.out != nil
if let out = options.out {
    root = (out as NSString).standardizingPath
    if FileManager.default.fileExists(atPath: root + "/full") {
        FileHandle.standardError.write(Data("antq-bench: \(root) already holds generated data; give an empty or new directory\n".utf8))
        CurrentProcess.exit(64)
    }
} else {
    guard let made = try? FileSystem.makeUniqueDirectory(prefix: NSTemporaryDirectory() + "/antq-bench-") else {
        FileHandle.standardError.write(Data("antq-bench: cannot create a temporary directory\n".utf8))
        CurrentProcess.exit(74)
    }
    root = made
}

var total = Stopwatch()
let loadBefore = Benchmark.loadAverage()
let bench = Benchmark(options: options, antq: antq, root: root)
var status: Int32 = 0
do {
    try bench.prepare()
    try bench.run()
} catch {
    FileHandle.standardError.write(Data("antq-bench: \(error)\n".utf8))
    status = 1
}
let seconds = total.lap()

var report = "# antq benchmark\n\n"
report += "- events: \(ReportTable.count(options.events)), runs: \(options.runs)\(options.quick ? " (quick)" : ""), seed \(options.seed)\n"
report += "- antq: \(antq)\n"
for m in Benchmark.machine() { report += "- \(m)\n" }
report += "- load average (1, 5, 15 min) before: \(loadBefore), after: \(Benchmark.loadAverage()) — other users' work on the machine shows up here and in min–max\n"
report += "- page cache warm (the log is read once before timing); times are whole processes: start, work, exit\n"
report += "- before each timed write (single appends, each batch append) the benchmark flushes its own earlier writes (`sync`, untimed)\n"
for n in bench.peers.notes + bench.notes { report += "- \(n)\n" }
report += "- benchmark wall time: \(ReportTable.duration(seconds))\n\n"
report += ReportTable.render(bench.rows)
let met = bench.rows.compactMap(\.met)
report += "\n\(met.filter { $0 }.count) of \(met.count) targets met.\n"
print(report, terminator: "")

if !keep { try? FileManager.default.removeItem(atPath: root) } else { print("data kept in \(root)") }
CurrentProcess.exit(status)
