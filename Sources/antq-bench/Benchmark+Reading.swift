/// Commands that read the log without rebuilding from scratch: start-up,
/// verify, a summary on a snapshot, an audit.
extension Benchmark {
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

    func verify() throws {
        progress("verify vs sha256sum …")
        var a = Samples(), s = Samples()
        a.peakRSS = try peakRSS([antq, "verify", "--data", full])
        for _ in 0..<options.runs {
            warmPageCache(logPath)
            a.add(try must([antq, "verify", "--data", full]))
            warmPageCache(logPath)
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
        // A short command: timed as often as the other short commands, so one slow run does not make the median.
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
            warmPageCache(logPath)
            a.add(try must([antq, "audit", "arrests", "--year", String(year), "--data", full]))
        }
        rows.append(ReportRow(label: Label.audit, antq: a, peerName: "rebuild", peer: rebuild.isEmpty ? nil : rebuild, goal: .ratioAtMost(1)))
    }
}
