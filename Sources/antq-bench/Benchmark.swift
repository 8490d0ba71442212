import Foundation
import SystemCalls

/// The measurements of issue 6, in order: generate the data, then time
/// each target against its peer in the same run (rounds interleave antq
/// and the peers, so a noisy neighbour hurts both sides alike).
final class Benchmark {
    let options: BenchOptions
    let antq: String
    let root: String
    let runner: ProcessRunner
    let peers: Peers
    private(set) var rows: [ReportRow] = []
    private(set) var notes: [String] = []

    // The generated data.
    var full: String { root + "/full" }
    var withSnapshot: String { root + "/snapshot" }
    var freshTemplate: String { root + "/fresh" }
    var drafts: String { root + "/drafts.jsonl" }
    var draftsWithIDs: String { root + "/drafts-ids.jsonl" }
    var declared: String { root + "/declared" }
    var database: String { root + "/peer.sqlite" }
    var logPath: String { full + "/events/log.jsonl" }
    private var lines = 0
    private var bytes: Int64 = 0
    private var year = 2024
    private var tailEvents = 0
    private var rebuild = Samples()

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

    // MARK: - Data

    func prepare() throws {
        let n = options.events
        progress("generating \(ReportTable.count(n)) events (seed \(options.seed)) …")
        var t = Stopwatch()
        var gen = LogGenerator(total: n, seed: options.seed, assertions: true)
        // The snapshot scenario cuts 10,000 events before the end (half the log in a small smoke run).
        let info = try GeneratedData.writeLog(full, generator: &gen, count: n, cutAt: n - min(10_000, n / 2))
        lines = info.lines
        bytes = info.bytes
        year = gen.lastDay.year
        note("generated \(ReportTable.count(lines)) events, \(ReportTable.megabytes(Int(bytes))) of JSON lines, in \(ReportTable.duration(t.lap())) (in-process, library LogWriter)")

        // The log must be valid before anything is timed on it.
        let v = try runner.run([antq, "verify", "--data", full])
        guard v.succeeded else {
            throw GeneratedData.Failure(description: "the generated log does not pass 'antq verify' (a generator bug):\n\(v.stdout.prefix(3000))\(v.stderr.prefix(2000))")
        }
        note("antq verify on the generated log: \(v.stdout.split(separator: "\n").first ?? "")")

        if options.only.contains(.snapshot) {
            // The same log, with a snapshot taken 10,000 events before its end.
            try FileManager.default.createDirectory(atPath: withSnapshot + "/events", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: withSnapshot + "/snapshots", withIntermediateDirectories: true)
            try GeneratedData.copyPrefix(logPath, to: withSnapshot + "/events/log.jsonl", length: info.cutOffset)
            try must([antq, "snapshot", "--data", withSnapshot])
            try GeneratedData.appendRest(of: logPath, after: info.cutOffset, to: withSnapshot + "/events/log.jsonl")
            tailEvents = info.lines - info.cutSeq
        }

        if options.only.contains(.batch) {
            t = Stopwatch()
            var g = LogGenerator(total: n + 112, seed: options.seed ^ 0x5EED, assertions: false)
            _ = try GeneratedData.writeLog(freshTemplate, generator: &g, count: g.prefixCount)
            try GeneratedData.writeDrafts(drafts, generator: &g, count: n)
            var same = LogGenerator(total: n + 112, seed: options.seed ^ 0x5EED, assertions: false)
            for _ in 0..<same.prefixCount { _ = same.next() }
            try GeneratedData.writeDrafts(draftsWithIDs, generator: &same, count: n, ids: true)
            note("batch file: \(ReportTable.count(n)) drafts (no figure.asserted) for a fresh log holding only its \(g.prefixCount - 1) units, written in \(ReportTable.duration(t.lap()))")
        }

        if options.only.contains(.declared) {
            t = Stopwatch()
            var g = LogGenerator(total: n, seed: options.seed ^ 0xDEC1, assertions: false, declaredShare: 0.3)
            _ = try GeneratedData.writeLog(declared, generator: &g, count: n)
            let v = try runner.run([antq, "verify", "--data", declared])
            guard v.succeeded else {
                throw GeneratedData.Failure(description: "the generated log with declared indicators does not pass 'antq verify':\n\(v.stdout.prefix(3000))\(v.stderr.prefix(2000))")
            }
            note("log with declared indicators: \(ReportTable.count(n)) events, 30 % of facts records of three declared indicators (decimals, a dimension), written in \(ReportTable.duration(t.lap()))")
        }

        if peers.sqlite != nil && (options.only.contains(.rebuild) || options.only.contains(.append)) {
            t = Stopwatch()
            try must(peers.sqliteImport(log: logPath, database: database))
            note("sqlite3: lines imported into a WAL database in \(ReportTable.duration(t.lap())) (not timed in the table: only the query is)")
        }
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

    private var repeats: Int { options.quick ? 3 : max(options.runs * 4, 21) }

    func startup() throws {
        progress("start-up …")
        var a = Samples(), t = Samples()
        a.peakRSS = try peakRSS([antq, "--version"])
        for _ in 0..<repeats {
            a.add(try must([antq, "--version"]))
            t.add(try must(["/bin/true"]))
        }
        rows.append(ReportRow(label: Label.startup, antq: a, peerName: "/bin/true", peer: t, goal: .none))
    }

    func rebuildAndPeers() throws {
        progress("rebuild vs peers, \(options.runs) round(s) …")
        let pyJSON = root + "/scratch/groupby_json.py", pyOrjson = root + "/scratch/groupby_orjson.py"
        try Peers.pythonScript(orjson: false).write(toFile: pyJSON, atomically: true, encoding: .utf8)
        try Peers.pythonScript(orjson: true).write(toFile: pyOrjson, atomically: true, encoding: .utf8)
        struct Peer { var label: String; var name: String; var args: [String]?; var skipped: String; var samples = Samples(); var output: String?; var goal: ReportRow.Goal }
        var list = [
            Peer(label: Label.orjson, name: "Python orjson", args: peers.python != nil && peers.hasOrjson ? [peers.python!, pyOrjson, logPath] : nil,
                 skipped: "orjson not installed", goal: .ratioAtMost(1.0 / 3)),
            Peer(label: Label.jq, name: "jq (group_by)", args: peers.jq.map { [$0, "-n", "-r", Peers.jqProgram, logPath] }, skipped: "jq not installed", goal: .ratioAtMost(1.0 / 80)),
            Peer(label: Label.pythonJSON, name: "Python json", args: peers.python.map { [$0, pyJSON, logPath] }, skipped: "python3 not installed", goal: .none),
            Peer(label: Label.sqlite, name: "sqlite3", args: peers.sqlite.map { [$0, database, Peers.sqliteQuery] }, skipped: "sqlite3 not installed", goal: .none),
        ]
        rebuild.peakRSS = try peakRSS([antq, "rebuild", "--from-scratch", "--data", full])
        for round in 0..<options.runs {
            rebuild.add(try must([antq, "rebuild", "--from-scratch", "--data", full]))
            for i in list.indices {
                guard let args = list[i].args else { continue }
                if round > 0, list[i].samples.median > Benchmark.slowPeerSeconds { continue }
                progress("  round \(round + 1): \(list[i].name) …")
                let p = try must(args)
                list[i].samples.add(p)
                list[i].output = list[i].output ?? p.stdout.trimmingWhitespace
            }
        }
        rows.append(ReportRow(label: Label.rebuild, antq: rebuild, goal: .atMostSeconds(0.35)))
        rows.append(ReportRow(label: Label.memory, antq: rebuild, goal: .peakRSSAtMost(64 << 20)))
        let reference = list.first(where: { $0.output != nil })?.output
        for p in list {
            var row = ReportRow(label: p.label, antq: rebuild, peerName: p.name, peer: p.args == nil ? nil : p.samples, goal: p.goal,
                                skipped: p.args == nil ? p.skipped : nil)
            var n: [String] = []
            if p.args != nil && p.samples.count < options.runs { n.append("peer run \(p.samples.count)× (over \(Int(Benchmark.slowPeerSeconds)) s)") }
            if let out = p.output, let ref = reference, out != ref { n.append("peer output '\(out)' differs from '\(ref)'") }
            row.note = n.isEmpty ? nil : n.joined(separator: "; ")
            rows.append(row)
        }
        if let ref = reference { note("every peer computed the same group-by: \(ref) (groups, total count)") }
    }

    func scale() throws {
        let n = options.events * 4
        let dir = root + "/scale"
        progress("scale check: generating \(ReportTable.count(n)) events …")
        var gen = LogGenerator(total: n, seed: options.seed, assertions: true)
        let info = try GeneratedData.writeLog(dir, generator: &gen, count: n)
        var big = Samples()
        big.peakRSS = try peakRSS([antq, "rebuild", "--from-scratch", "--data", dir])
        for _ in 0..<min(options.runs, 3) {
            big.add(try must([antq, "rebuild", "--from-scratch", "--data", dir]))
        }
        var row = ReportRow(label: Label.scale, antq: big, peerName: "rebuild at N", peer: rebuild.isEmpty ? nil : rebuild, goal: .peakRSSWithin(0.2))
        row.note = "\(ReportTable.count(info.lines)) events, \(ReportTable.megabytes(Int(info.bytes))); time ×\(String(format2: big.median / rebuild.median))"
        rows.append(row)
        try? FileManager.default.removeItem(atPath: dir)
    }

    func verify() throws {
        progress("verify vs sha256sum …")
        var a = Samples(), s = Samples()
        a.peakRSS = try peakRSS([antq, "verify", "--data", full])
        for _ in 0..<options.runs {
            a.add(try must([antq, "verify", "--data", full]))
            if let sha = peers.sha256sum { s.add(try must([sha, logPath])) }
        }
        rows.append(ReportRow(label: Label.verify, antq: a, peerName: "sha256sum", peer: peers.sha256sum == nil ? nil : s, goal: .ratioAtMost(1),
                              skipped: peers.sha256sum == nil ? "sha256sum not installed" : nil))
    }

    func summaryOnSnapshot() throws {
        progress("summary \(year) after \(tailEvents) events on a snapshot, and with --columns months …")
        var a = Samples()
        // A huge interval: the reading command must not leave a newer snapshot behind between runs.
        let env = ["ANTQ_SNAPSHOT_INTERVAL": "2000000000"]
        a.peakRSS = try peakRSS([antq, "summary", String(year), "--data", withSnapshot], env: env)
        // Issue 16: the year in twelve month columns from the same snapshot, timed in the same rounds as the yearly summary.
        let monthly = [antq, "summary", "--period", String(year), "--columns", "months", "--data", withSnapshot]
        var m = Samples()
        m.peakRSS = try peakRSS(monthly, env: env)
        // Tens of milliseconds: timed as often as the other short commands, so one slow run does not make the median.
        for _ in 0..<repeats {
            let r = try must([antq, "summary", String(year), "--data", withSnapshot], env: env)
            if r.stderr.contains("ignored") { throw GeneratedData.Failure(description: "the snapshot was not used: \(r.stderr)") }
            a.add(r)
            m.add(try must(monthly, env: env))
        }
        var row = ReportRow(label: Label.summary, antq: a, peerName: "rebuild", peer: rebuild.isEmpty ? nil : rebuild, goal: .ratioAtMost(0.05))
        row.note = "\(ReportTable.count(tailEvents)) events after the snapshot"
        rows.append(row)

        var columns = ReportRow(label: Label.summaryMonths, antq: m, peerName: "summary YEAR", peer: a, goal: .ratioAtMost(2))
        columns.note = "same snapshot and tail"
        rows.append(columns)
    }

    func audit() throws {
        progress("audit arrests --year \(year) …")
        var a = Samples()
        a.peakRSS = try peakRSS([antq, "audit", "arrests", "--year", String(year), "--data", full])
        for _ in 0..<options.runs {
            a.add(try must([antq, "audit", "arrests", "--year", String(year), "--data", full]))
        }
        rows.append(ReportRow(label: Label.audit, antq: a, peerName: "rebuild", peer: rebuild.isEmpty ? nil : rebuild, goal: .ratioAtMost(1)))
    }

    func singleAppend() throws {
        progress("single appends vs sqlite3 inserts, \(repeats) each …")
        flushEarlierWrites()
        var a = Samples(), s = Samples()
        let unit = SyntheticProvince().communes[3].code
        let day = "\(year)-12-01"
        a.peakRSS = try peakRSS([antq, "append", "arrest.made", "--data", full, "--unit", unit, "--occurred", day, "--count", "1"])
        for i in 0..<repeats {
            a.add(try must([antq, "append", "arrest.made", "--data", full, "--unit", unit, "--occurred", day, "--count", String(1 + i % 3)]))
            if peers.sqlite != nil {
                let line = "{\"type\":\"arrest.made\",\"occurred\":\"\(day)\",\"unit\":\"\(unit)\",\"data\":{\"count\":\(1 + i % 3)}}"
                s.add(try must(peers.sqliteInsert(database: database, line: line)))
            }
        }
        rows.append(ReportRow(label: Label.append, antq: a, goal: .atMostSeconds(0.010), note: "\(repeats) appends to the \(ReportTable.count(lines))-event log"))
        rows.append(ReportRow(label: Label.appendVsSQLite, antq: a, peerName: "sqlite3", peer: peers.sqlite == nil ? nil : s, goal: .ratioAtMost(1),
                              skipped: peers.sqlite == nil ? "sqlite3 not installed" : nil))
    }

    func batchAppend() throws {
        try batchAppend(file: drafts, label: Label.batch, memoryLabel: nil)
        try batchAppend(file: draftsWithIDs, label: Label.batchIDs, memoryLabel: Label.batchIDsMemory)
    }

    /// Times a batch append of `file` onto the fresh log; with `memoryLabel`,
    /// its peak memory gets a row (and the ≤ 64 MB goal) of its own.
    private func batchAppend(file: String, label: String, memoryLabel: String?) throws {
        progress("\(label), \(options.runs) run(s) …")
        var a = Samples()
        // The memory probe doubles as the validity check of what a batch append writes.
        let probe = root + "/batch-probe"
        try GeneratedData.copyDataDirectory(freshTemplate, to: probe)
        a.peakRSS = try peakRSS([antq, "append", "--file", file, "--data", probe])
        let v = try runner.run([antq, "verify", "--data", probe])
        let verified = v.succeeded ? "the appended log verifies clean" : "the appended log FAILS verify: \(v.stdout.prefix(300))"
        try? FileManager.default.removeItem(atPath: probe)
        for i in 0..<options.runs {
            let dir = root + "/batch-\(i)"
            try GeneratedData.copyDataDirectory(freshTemplate, to: dir)
            flushEarlierWrites()
            let r = try must([antq, "append", "--file", file, "--data", dir])
            guard r.stdout.contains("\(options.events)") || r.stdout.contains(ReportTable.count(options.events)) else {
                throw GeneratedData.Failure(description: "unexpected output of the batch append: \(r.stdout)")
            }
            a.add(r)
            try? FileManager.default.removeItem(atPath: dir)
        }
        rows.append(ReportRow(label: label, antq: a, goal: .eventsPerSecondAtLeast(500_000, events: options.events), note: verified))
        if let memoryLabel { rows.append(ReportRow(label: memoryLabel, antq: a, goal: .peakRSSAtMost(64 << 20))) }
    }

    /// A full rebuild of the log whose facts are 30 % records of declared indicators.
    func rebuildDeclared() throws {
        progress("rebuild of the log with declared indicators, \(options.runs) run(s) …")
        var a = Samples()
        a.peakRSS = try peakRSS([antq, "rebuild", "--from-scratch", "--data", declared])
        for _ in 0..<options.runs { a.add(try must([antq, "rebuild", "--from-scratch", "--data", declared])) }
        rows.append(ReportRow(label: Label.declared, antq: a, goal: .atMostSeconds(0.35)))
    }

    /// Puts every dirty page on the device (`sync`), untimed, before a timed
    /// write: otherwise a batch append also waits for the gigabytes the
    /// benchmark itself wrote just before (generated logs, the SQLite
    /// import, the previous run), which the kernel flushes in the background.
    func flushEarlierWrites() {
        FileSystem.syncAll()
    }

    // MARK: - Machine

    /// What the numbers were measured on, including the load other users put on it.
    static func machine() -> [String] {
        var out: [String] = []
        if let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let model = cpu.split(separator: "\n").first(where: { $0.hasPrefix("model name") })?.split(separator: ":").last {
            out.append("CPU: \(model.trimmingCharacters(in: .whitespaces)), \(Environment.activeProcessorCount) online core(s)")
        }
        if let mem = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
           let total = mem.split(separator: "\n").first(where: { $0.hasPrefix("MemTotal") }) {
            out.append("memory: " + total.split(separator: ":")[1].trimmingCharacters(in: .whitespaces))
        }
        out.append("kernel: Linux \(Environment.kernelRelease ?? "?")")
        return out
    }

    static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
    }
}

/// A stopwatch for the bench's own (untimed-in-the-table) steps.
struct Stopwatch {
    private var start = Stopwatch.now()

    static func now() -> Double {
        Double(MonotonicClock.nanoseconds()) / 1e9
    }

    /// Seconds since the start or the previous lap.
    mutating func lap() -> Double {
        let n = Stopwatch.now()
        defer { start = n }
        return n - start
    }
}
