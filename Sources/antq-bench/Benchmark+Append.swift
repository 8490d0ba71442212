import Foundation
import SystemCalls

/// Writes: single appends against SQLite inserts, and batch appends.
extension Benchmark {
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
            warmPageCache(file)
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

    /// Puts every dirty page on the device (`sync`), untimed, before a timed
    /// write: otherwise a batch append also waits for the gigabytes the
    /// benchmark itself wrote just before (generated logs, the SQLite
    /// import, the previous run), which the kernel flushes in the background.
    func flushEarlierWrites() {
        FileSystem.syncAll()
    }
}

extension Benchmark {
    /// Reads a file once, untimed, before a timed read of it (by antq or a
    /// peer; a log, a batch file): the rows measure work on a warm page cache, as
    /// the method says, and a host that reclaims cold page cache between runs
    /// (as a VM's balloon or DAMON reclaim does) would otherwise make some
    /// runs read the disk and others not.
    func warmPageCache(_ path: String) {
        guard let fd = try? FileDescriptor.open(path, .readOnly) else { return }
        defer { try? fd.close() }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var offset: Int64 = 0
        while let n = try? fd.read(fromAbsoluteOffset: offset, into: buffer), n > 0 { offset += Int64(n) }
    }
}
