import Foundation
import JSONCodec
import SystemCalls

/// `antq-torture rebuild`: snapshots are a cache, so no crash while writing
/// one may change a figure. Kills `antq rebuild`, `antq snapshot` and
/// appends that write a snapshot, at random instants (including between a
/// snapshot's temp file and its rename); plants a stray temp file and a
/// damaged snapshot; runs snapshot writers in parallel. After each step the
/// reports must be byte-identical to those of a copy of the log with no
/// snapshots at all (a full replay).
struct RebuildTorture {
    var h: Harness
    var runs: Int
    var events: Int

    struct Counts {
        var crashes = 0
        var rebuildKills = 0
        var snapshotKills = 0
        var appendKills = 0
        var completed = 0
        var strayTemps = 0
        var comparisons = 0
    }

    var counts = Counts()
    var workload = Workload()
    var reference: [String] = []
    var referenceLogSize = -1
    var micros: [String: Double] = [:]

    static let reports: [[String]] = [
        ["summary", "2018", "--format", "json"],
        ["summary", "2019", "--depth", "2", "--format", "json"],
        ["state", "--date", "2019-12-31", "--format", "json"],
        ["units", "--format", "json"],
    ]

    init(h: Harness, runs: Int, events: Int) {
        self.h = h
        self.runs = runs
        self.events = events
        // Readers and appends write snapshots often, so there are many to get wrong.
        self.h.environment["ANTQ_SNAPSHOT_INTERVAL"] = "500"
    }

    var snapshotsDir: String { h.data + "/snapshots" }
    func snapshotNames() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: snapshotsDir)) ?? []).sorted() }

    mutating func run() throws -> Counts {
        try h.setUp()
        var left = events
        var n = 0
        while left > 0 {
            let k = min(left, 5000)
            let file = try h.writeBatch((0..<k).map { _ in workload.event().line }, name: "bulk-\(n).jsonl")
            try h.ok(["append", "--file", file, "--data", h.data])
            try? FileSystem.remove(file)
            left -= k
            n += 1
        }
        try compare("after the bulk load")
        // A crash between temp file and rename, made deterministic: a stray
        // temp file of a dead process, and a damaged snapshot newer than any real one.
        let real = snapshotNames().filter { $0.hasSuffix(".snap") }
        guard let newest = real.last else { throw TortureFailure("no snapshot was written during the bulk load") }
        let content = FileManager.default.contents(atPath: snapshotsDir + "/" + newest) ?? Data()
        try content.prefix(content.count / 2).write(to: URL(fileURLWithPath: snapshotsDir + "/" + newest + ".tmp-999999"))
        var damaged = [UInt8](content)
        damaged[damaged.count - 10] ^= 0x01
        let damagedName = newest.replacingOccurrences(of: #"-\d{12}\.snap$"#, with: "-999999999999.snap", options: .regularExpression)
        try Data(damaged).write(to: URL(fileURLWithPath: snapshotsDir + "/" + damagedName))
        try compare("with a stray temp file and a damaged snapshot")

        for name in ["rebuild", "snapshot", "append"] { micros[name] = try timeOne(name) }
        try compare("after timing")
        while counts.crashes < runs {
            let op = ["rebuild", "rebuild", "snapshot", "append"].randomElement()!
            try killOne(op)
            if counts.crashes % 10 == 0 { try parallelRebuilds() }
        }
        // Strays of dead processes are gone once a snapshot writer completes.
        try h.ok(["rebuild", "--data", h.data], env: h.environment)
        let strays = snapshotNames().filter { $0.contains(".tmp-") }
        guard strays.isEmpty else { throw TortureFailure("stray temp files survive a completed rebuild: \(strays)") }
        try compare("at the end")
        try h.verifyClean("after the rebuild torture")
        return counts
    }

    func arguments(_ op: String) throws -> [String] {
        switch op {
        case "rebuild": return ["rebuild", "--data", h.data] + (Bool.random() ? ["--from-scratch"] : [])
        case "snapshot": return ["snapshot", "--data", h.data]
        default:
            var w = Workload()
            let lines = (0..<Int.random(in: 1...20)).map { _ in w.event().line }
            let file = try h.writeBatch(lines, name: "small-\(UInt32.random(in: 0...UInt32.max)).jsonl")
            return ["append", "--file", file, "--data", h.data]
        }
    }

    mutating func timeOne(_ op: String) throws -> Double {
        let t0 = nowMicros()
        try h.ok(try arguments(op), env: op == "append" ? ["ANTQ_SNAPSHOT_INTERVAL": "1"] : [:])
        counts.completed += 1
        return Double(nowMicros() - t0)
    }

    mutating func killOne(_ op: String) throws {
        let est = micros[op] ?? 50_000
        let p = try Spawned.start(h.antq, try arguments(op), environment: h.environment.merging(op == "append" ? ["ANTQ_SNAPSHOT_INTERVAL": "1"] : [:]) { $1 },
                                  scratch: h.scratch, tag: op)
        defer { p.cleanUp() }
        sleepMicros(Int64(Double.random(in: 0...(est * 1.1))))
        p.kill()
        switch try p.wait() {
        case .exited(0): counts.completed += 1
        case .killed:
            counts.crashes += 1
            switch op {
            case "rebuild": counts.rebuildKills += 1
            case "snapshot": counts.snapshotKills += 1
            default: counts.appendKills += 1
            }
        case let e: throw TortureFailure("\(op) ended with \(e): \(p.stderr)")
        }
        let strays = snapshotNames().filter { $0.contains(".tmp-") && !$0.hasSuffix(".tmp-999999") }
        counts.strayTemps += strays.count
        try compare("after killing \(op)")
    }

    /// Two snapshot writers at once: neither may fail or spoil the other's file.
    mutating func parallelRebuilds() throws {
        let a = try Spawned.start(h.antq, ["rebuild", "--data", h.data], environment: h.environment, scratch: h.scratch, tag: "par-a")
        let b = try Spawned.start(h.antq, ["rebuild", "--from-scratch", "--data", h.data], environment: h.environment, scratch: h.scratch, tag: "par-b")
        defer { a.cleanUp(); b.cleanUp() }
        let ea = try a.wait(), eb = try b.wait()
        guard ea == .exited(0), eb == .exited(0) else {
            throw TortureFailure("two rebuilds at once: \(ea), \(eb):\n\(a.stderr)\(b.stderr)")
        }
        counts.completed += 2
        try compare("after two parallel rebuilds")
    }

    /// Reports on the data directory (with its snapshots) must equal those
    /// of a snapshot-free copy of the same log.
    mutating func compare(_ context: String) throws {
        let logPath = h.data + "/events/log.jsonl"
        let size = (try? FileManager.default.attributesOfItem(atPath: logPath)[.size] as? Int) ?? -1
        if size != referenceLogSize {
            let ref = h.scratch + "/reference"
            try? FileManager.default.removeItem(atPath: ref)
            try FileManager.default.createDirectory(atPath: ref + "/events", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: ref + "/snapshots", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: logPath, toPath: ref + "/events/log.jsonl")
            reference = try RebuildTorture.reports.map { try h.ok($0 + ["--data", ref], env: ["ANTQ_SNAPSHOT_INTERVAL": "1000000000"]) }
            guard ((try? FileManager.default.contentsOfDirectory(atPath: ref + "/snapshots")) ?? []).isEmpty else {
                throw TortureFailure("the reference copy wrote a snapshot")
            }
            referenceLogSize = size
        }
        for (i, args) in RebuildTorture.reports.enumerated() {
            let out = try h.ok(args + ["--data", h.data])
            guard out == reference[i] else {
                throw TortureFailure("\(context): antq \(args.joined(separator: " ")) differs from a full replay without snapshots")
            }
        }
        counts.comparisons += RebuildTorture.reports.count
    }
}
