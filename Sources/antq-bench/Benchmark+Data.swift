import Foundation

/// The data the scenarios time, generated before anything is timed: the
/// log (verified first), and what the chosen scenarios need besides (a copy
/// with a snapshot near its end, batch files, a log with declared
/// indicators, the peer's SQLite database).
extension Benchmark {
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
}
