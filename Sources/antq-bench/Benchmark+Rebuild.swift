import Foundation

/// Full replays: antq's rebuild against the peers' group-by, its memory at
/// four times the events, and the log with declared indicators.
extension Benchmark {
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
            warmPageCache(logPath)
            rebuild.add(try must([antq, "rebuild", "--from-scratch", "--data", full]))
            for i in list.indices {
                guard let args = list[i].args else { continue }
                if round > 0, list[i].samples.median > Benchmark.slowPeerSeconds { continue }
                progress("  round \(round + 1): \(list[i].name) …")
                warmPageCache(logPath)
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

    /// A full rebuild of the log whose facts are 30 % records of declared indicators.
    func rebuildDeclared() throws {
        progress("rebuild of the log with declared indicators, \(options.runs) run(s) …")
        var a = Samples()
        a.peakRSS = try peakRSS([antq, "rebuild", "--from-scratch", "--data", declared])
        for _ in 0..<options.runs {
            warmPageCache(declared + "/events/log.jsonl")
            a.add(try must([antq, "rebuild", "--from-scratch", "--data", declared]))
        }
        rows.append(ReportRow(label: Label.declared, antq: a, goal: .atMostSeconds(0.35)))
    }
}
