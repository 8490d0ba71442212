import Foundation

/// The measurements of issue 6, in order: generate the data, then time
/// each target against its peer in the same run (rounds interleave antq
/// and the peers, so a noisy neighbour hurts both sides alike).
///
/// This file holds the shared state and the order of the scenarios; each
/// group of measurements is an extension of its own: the data
/// (`Benchmark+Data`), rebuilds against the peers (`Benchmark+Rebuild`),
/// reading commands (`Benchmark+Reading`), appends (`Benchmark+Append`) and
/// the machine the report describes (`Benchmark+Machine`).
final class Benchmark {
    let options: BenchOptions
    let antq: String
    let root: String
    let runner: ProcessRunner
    let peers: Peers
    /// The report's rows and notes, added by the scenarios.
    var rows: [ReportRow] = []
    var notes: [String] = []

    // The generated data.
    var full: String { root + "/full" }
    var withSnapshot: String { root + "/snapshot" }
    var freshTemplate: String { root + "/fresh" }
    var drafts: String { root + "/drafts.jsonl" }
    var draftsWithIDs: String { root + "/drafts-ids.jsonl" }
    var declared: String { root + "/declared" }
    var database: String { root + "/peer.sqlite" }
    var logPath: String { full + "/events/log.jsonl" }
    // Set by `prepare()`, read by the scenarios.
    var lines = 0
    var bytes: Int64 = 0
    var year = 2024
    var tailEvents = 0
    /// The full rebuild's samples: the peer of several later rows.
    var rebuild = Samples()

    /// Above this, a slow peer (jq) is run once instead of `runs` times.
    static let slowPeerSeconds = 15.0

    init(options: BenchOptions, antq: String, root: String) {
        self.options = options
        self.antq = antq
        self.root = root
        var r = ProcessRunner(scratch: root + "/scratch")
        r.environment["ANTQ_USER"] = "Bench Clerk"
        runner = r
        try? FileManager.default.createDirectory(atPath: r.scratch, withIntermediateDirectories: true)
        peers = Peers.find(r)
    }

    func progress(_ s: String) {
        FileHandle.standardError.write(Data(("antq-bench: " + s + "\n").utf8))
    }

    func note(_ s: String) { notes.append(s) }

    /// Runs `args`; throws unless it exits 0 (a failing command is a bug to report, not a time).
    @discardableResult
    func must(_ args: [String], env: [String: String] = [:], stdin: String? = nil) throws -> ProcessRunner.Result {
        let r = try runner.run(args, stdin: stdin, extraEnvironment: env)
        guard r.succeeded else {
            throw GeneratedData.Failure(description: "\(args.joined(separator: " ")) exited \(r.status)\n\(r.stdout.suffix(2000))\(r.stderr.suffix(2000))")
        }
        return r
    }

    /// The command's own peak RSS, from one extra untimed run (which also
    /// warms the page cache). Falls back to `wait4`'s upper bound without GNU time.
    func peakRSS(_ args: [String], env: [String: String] = [:]) throws -> Int {
        if let rss = try runner.peakRSS(args, extraEnvironment: env) { return rss }
        if ProcessRunner.gnuTime == nil && !notes.contains(where: { $0.hasPrefix("GNU time") }) {
            note("GNU time (/usr/bin/time) is not installed: peak RSS is wait4's upper bound, which includes the benchmark's own peak")
        }
        return try must(args, env: env).peakRSS
    }

    // MARK: - Scenarios

    func run() throws {
        let o = options.only
        if o.contains(.startup) { try startup() }
        if o.contains(.rebuild) { try rebuildAndPeers() }
        if o.contains(.declared) { try rebuildDeclared() }
        if o.contains(.scale) { try scale() } else { rows.append(ReportRow(label: Label.scale, goal: .peakRSSWithin(0.2), skipped: "give --scale-check")) }
        if o.contains(.verify) { try verify() }
        if o.contains(.snapshot) { try summaryOnSnapshot() }
        if o.contains(.audit) { try audit() }
        if o.contains(.append) { try singleAppend() }
        if o.contains(.batch) { try batchAppend() }
        rows.sort { Label.order.firstIndex(of: $0.label) ?? 99 < Label.order.firstIndex(of: $1.label) ?? 99 }
    }

    /// Row labels, in report order (the smoke test looks for each one).
    enum Label {
        static let rebuild = "rebuild --from-scratch (every projection)"
        static let orjson = "rebuild vs Python orjson group-by"
        static let jq = "rebuild vs jq group_by"
        static let pythonJSON = "rebuild vs Python json group-by"
        static let sqlite = "rebuild vs sqlite3 json_extract GROUP BY (query only)"
        static let memory = "rebuild peak memory"
        static let scale = "rebuild peak memory at 4×N"
        static let verify = "verify vs sha256sum"
        static let summary = "summary after 10,000 events on a snapshot vs rebuild"
        static let summaryMonths = "summary --columns months on a snapshot vs yearly summary"
        static let audit = "audit arrests --year Y vs rebuild"
        static let append = "one append (fsync), process start to exit"
        static let appendVsSQLite = "one append vs sqlite3 WAL insert (synchronous=FULL)"
        static let batch = "batch append of N events from a file"
        static let batchIDs = "batch append of N events, each with its own id"
        static let batchIDsMemory = "batch append with ids: peak memory"
        static let declared = "rebuild --from-scratch, 30 % declared indicators"
        static let startup = "start-up: antq --version vs /bin/true"
        static let order = [rebuild, orjson, jq, pythonJSON, sqlite, memory, declared, scale, verify, summary, summaryMonths, audit, append,
                            appendVsSQLite, batch, batchIDs, batchIDsMemory, startup]
    }

    /// How often a short command is timed.
    var repeats: Int { options.quick ? 3 : max(options.runs * 4, 21) }
}
