import Foundation
import JSONCodec
import SystemCalls

/// `antq-torture crash`: starts `antq append --file BATCH` again and again
/// and kills it with SIGKILL at a random instant (before, during and after
/// the write), checking after every kill what the log promises:
///
/// 1. `antq verify` is clean;
/// 2. the committed part of the log (up to the last line without `more`)
///    only ever grows: no committed byte changes;
/// 3. every acknowledged event (seqs read from the receipt) is in the log
///    with the seq it was given and the content that was sent;
/// 4. a batch whose append did not report success is atomic: after the kill
///    either all of its events are committed (it had written and fsynced
///    everything and died before printing) or none is, and the newly
///    committed lines are exactly that batch, in order;
/// 5. readers see exactly the committed part: `antq log --format json`
///    prints the committed lines byte for byte, never a line of an
///    unfinished batch;
/// 6. every uncommitted tail a kill left behind is later found, byte for
///    byte, in an `events/log.jsonl.unfinished-*` file (moved aside, not
///    deleted), and every such file holds only uncommitted bytes.
struct CrashTorture {
    var h: Harness
    var runs: Int
    var maxBatch: Int
    var quiet: Bool

    struct Counts {
        var attempts = 0
        var crashes = 0
        var completed = 0
        var acknowledgedEvents = 0
        var killedButCommittedBatches = 0
        var killedButCommittedEvents = 0
        var killedAbsentBatches = 0
        var killsLeavingTail = 0
        var tailsWithWholeLines = 0
        var tailsWithTornLine = 0
        var tornTailBytes = 0
        var quarantineFiles = 0
        var quarantinedBytes = 0
        var verifyRuns = 0
        var lost = 0
    }

    struct Batch {
        var events: [SentEvent]
        var acknowledgedSeqs: [Int]?
    }

    var counts = Counts()
    var image: LogImage?
    var byID: [String: Int] = [:]              // id → index in image.lines
    var acknowledged: [(SentEvent, Int)] = []   // event, seq
    var pendingTails: [(offset: Int, bytes: [UInt8])] = []
    var knownQuarantine: [String: [UInt8]] = [:]
    /// Every distinct uncommitted tail seen (offset, bytes).
    var seenTails: [(offset: Int, bytes: [UInt8])] = []
    var workload = Workload()
    /// Microseconds an uninterrupted append takes: fixed cost + per event
    /// (first guesses; `calibrate()` times real appends before any kill).
    var baseMicros: Double = 20_000
    var perEventMicros: Double = 60

    init(h: Harness, runs: Int, maxBatch: Int, quiet: Bool) {
        self.h = h
        self.runs = runs
        self.maxBatch = maxBatch
        self.quiet = quiet
        // Snapshots after appends too, so kills also land between a snapshot's temp file and its rename.
        self.h.environment["ANTQ_SNAPSHOT_INTERVAL"] = "2000"
    }

    mutating func run() throws -> Counts {
        try h.setUp()
        image = try LogImage.read(h.data + "/events/log.jsonl", previous: nil)
        try calibrate()
        var n = 0
        while counts.crashes < runs {
            n += 1
            try oneRun(name: "batch-\(n).jsonl", kill: true)
            if !quiet && n % 50 == 0 {
                print("… \(counts.crashes) crashes, \(counts.completed) completed, \(counts.acknowledgedEvents) acknowledged events")
            }
        }
        // A last, uninterrupted append moves the last leftover aside.
        try oneRun(name: "final.jsonl", kill: false)
        try finalCheck()
        return counts
    }

    /// Times uninterrupted appends of 1 and 2,000 events (both acknowledged).
    mutating func calibrate() throws {
        let t0 = nowMicros()
        try oneRun(name: "calibrate-1.jsonl", kill: false, size: 1)
        let t1 = nowMicros()
        try oneRun(name: "calibrate-2000.jsonl", kill: false, size: min(2000, max(1, maxBatch)))
        let t2 = nowMicros()
        baseMicros = Double(t1 - t0)
        perEventMicros = max(1, (Double(t2 - t1) - baseMicros) / Double(min(2000, max(1, maxBatch))))
    }

    mutating func oneRun(name: String, kill: Bool, size: Int? = nil) throws {
        let count = size ?? workload.batchSize(max: maxBatch)
        var lines: [String] = []
        var sent: [SentEvent] = []
        for _ in 0..<count {
            let (l, s) = workload.event()
            lines.append(l)
            sent.append(s)
        }
        let file = try h.writeBatch(lines, name: name)
        defer { try? FileSystem.remove(file) }
        let expected = baseMicros + perEventMicros * Double(count)
        let logPath = h.data + "/events/log.jsonl"
        let sizeBefore = fileSize(logPath)
        counts.attempts += 1
        let started = nowMicros()
        let p = try Spawned.start(h.antq, ["append", "--file", file, "--data", h.data, "--format", "json"],
                                  environment: h.environment, scratch: h.scratch, tag: "append")
        defer { p.cleanUp() }
        var delay = 0.0
        // A fifth of the small batches run to completion, so that many events
        // are acknowledged; a batch over one write chunk is always killed
        // inside its write (it would otherwise grow the log by megabytes).
        let mode = count >= Workload.multiChunk ? 3 : Int.random(in: 0..<100) < 20 ? 0 : Int.random(in: 1...3)
        if kill && mode != 0 {
            switch mode {
            case 1:
                // Anywhere in the run: start-up, replay, validation, write, fsync, snapshot, receipt.
                delay = Double.random(in: 0...(expected * 1.3))
                sleepMicros(Int64(delay))
            case 2:
                // Near the end, where the write, fsync and snapshot happen.
                delay = Double.random(in: (expected * 0.6)...(expected * 1.2))
                sleepMicros(Int64(delay))
            default:
                // Inside the write: watch the log until it changes size (the
                // quarantine's truncate or the batch's first page), then kill
                // within about the time the kernel needs to copy the batch.
                let deadline = started + Int64(expected * 3)
                while fileSize(logPath) == sizeBefore && nowMicros() < deadline {}
                let extra = Int64.random(in: 0...Int64(max(50, count * 330 / 2000)))
                let until = nowMicros() + extra
                while nowMicros() < until {}
                delay = Double(nowMicros() - started)
            }
            p.kill()
        }
        let ending = try p.wait()
        let elapsed = Double(nowMicros() - started)
        var ack: [Int]?
        switch ending {
        case .exited(0):
            guard let seqs = appendedSeqs(p.stdoutBytes), seqs.count == count else {
                throw TortureFailure("append exited 0 without a receipt for \(count) events: \(p.stdout)")
            }
            ack = seqs
            counts.completed += 1
            // Learn how long an append really takes.
            let fixed = max(1000, elapsed - perEventMicros * Double(count))
            baseMicros = 0.8 * baseMicros + 0.2 * fixed
        case .killed:
            counts.crashes += 1
        default:
            throw TortureFailure("append of \(count) events ended with \(ending): \(p.stdout)\(p.stderr)")
        }
        try check(Batch(events: sent, acknowledgedSeqs: ack), context: "after \(name) (\(count) events, \(ending), \(Int(delay)) µs)")
    }

    mutating func check(_ batch: Batch, context: String) throws {
        let before = image!
        let now = try LogImage.read(h.data + "/events/log.jsonl", previous: before)
        // 4. Atomicity: the newly committed lines are none, or exactly this batch in order.
        let newLines = now.lines[before.lines.count...]
        let ids = newLines.map { $0.value["id"]?.stringValue ?? "?" }
        if !newLines.isEmpty {
            guard ids == batch.events.map(\.id) else {
                throw TortureFailure("\(context): newly committed lines (\(ids.count)) are not exactly this batch (\(batch.events.count) events): partial or foreign batch committed")
            }
            if batch.acknowledgedSeqs == nil {
                counts.killedButCommittedBatches += 1
                counts.killedButCommittedEvents += batch.events.count
            }
        } else if batch.acknowledgedSeqs != nil {
            throw TortureFailure("\(context): the append reported success but no line was committed")
        } else {
            counts.killedAbsentBatches += 1
        }
        for (i, l) in newLines.enumerated() {
            let sent = batch.events[i]
            let v = l.value
            let stored = SentEvent(id: v["id"]?.stringValue ?? "", type: v["type"]?.stringValue ?? "", unit: v["unit"]?.stringValue ?? "",
                                   occurred: v["occurred"]?.stringValue ?? "", by: v["by"]?.stringValue ?? "",
                                   data: sortedKeys(v["data"] ?? .null))
            guard stored == sent else { throw TortureFailure("\(context): event \(sent.id) is stored as \(stored), sent as \(sent)") }
            byID[sent.id] = before.lines.count + i
        }
        // 3. Acknowledged: the receipt's seqs are the stored seqs.
        if let seqs = batch.acknowledgedSeqs {
            for (i, l) in newLines.enumerated() {
                guard l.value["seq"]?.intValue == seqs[i] else {
                    throw TortureFailure("\(context): event \(batch.events[i].id) acknowledged as #\(seqs[i]) is stored as #\(l.value["seq"]?.intValue ?? -1)")
                }
                acknowledged.append((batch.events[i], seqs[i]))
            }
            counts.acknowledgedEvents += seqs.count
        }
        // 6. Torn tails: record this one, then every earlier one must still be
        //    at the end of the log or in a quarantine file.
        if now.committedEnd < now.bytes.count {
            let t = Array(now.tail)
            let isNew = !seenTails.contains { $0.offset == now.committedEnd && $0.bytes == t }
            if isNew {
                seenTails.append((now.committedEnd, t))
                pendingTails.append((now.committedEnd, t))
                counts.killsLeavingTail += 1
                let shape = now.tailShape
                if shape.wholeLines > 0 { counts.tailsWithWholeLines += 1 }
                if shape.tornBytes > 0 { counts.tailsWithTornLine += 1 }
                counts.tornTailBytes += t.count
            }
        }
        let files = quarantineFiles(h.data)
        for (name, content) in files where knownQuarantine[name] == nil {
            guard seenTails.contains(where: { $0.bytes.starts(with: content) }) else {
                throw TortureFailure("\(context): quarantine file \(name) holds \(content.count) bytes that were never an uncommitted tail")
            }
            knownQuarantine[name] = content
            counts.quarantineFiles += 1
            counts.quarantinedBytes += content.count
        }
        pendingTails.removeAll { t in
            if knownQuarantine.values.contains(t.bytes) { return true }
            return false
        }
        for t in pendingTails {
            let stillThere = now.bytes.count >= t.offset + t.bytes.count && now.bytes[t.offset..<(t.offset + t.bytes.count)].elementsEqual(t.bytes)
            guard stillThere else {
                counts.lost += t.bytes.count
                throw TortureFailure("\(context): an uncommitted tail of \(t.bytes.count) bytes at offset \(t.offset) vanished without being moved to a quarantine file")
            }
        }
        // 1. verify, 5. readers see exactly the committed lines.
        try h.verifyClean(context)
        counts.verifyRuns += 1
        let log = try h.run(["log", "--data", h.data, "--format", "json"])
        guard log.ending == .exited(0), log.stdoutBytes.elementsEqual(now.bytes[..<now.committedEnd]) else {
            throw TortureFailure("\(context): antq log --format json (\(log.ending), \(log.stdoutBytes.count) bytes) does not print exactly the \(now.committedEnd) committed bytes")
        }
        image = now
    }

    /// After the last run: every acknowledged event is present, unchanged,
    /// at its seq; nothing is left pending.
    mutating func finalCheck() throws {
        let img = image!
        for (sent, seq) in acknowledged {
            guard let i = byID[sent.id], img.lines[i].value["seq"]?.intValue == seq else {
                counts.lost += 1
                throw TortureFailure("acknowledged event \(sent.id) #\(seq) is not in the log")
            }
        }
        guard pendingTails.isEmpty else {
            throw TortureFailure("\(pendingTails.count) uncommitted tail(s) were not moved aside by the final append")
        }
        guard img.committedEnd == img.bytes.count else { throw TortureFailure("the log still has an uncommitted tail after an uninterrupted append") }
    }
}

/// Size of a file, or -1.
func fileSize(_ path: String) -> Int64 {
    FileSystem.size(path) ?? -1
}
