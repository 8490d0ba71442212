import Foundation
import JSONCodec

/// `antq-torture concurrency`: W writer processes each append M single
/// events (one `antq append` process per event) while R reader loops run
/// `summary`, `verify` and `log --format json`. Afterwards the log holds
/// exactly W×M new events with contiguous seqs and a clean chain; every
/// receipt's seq is unique; no reader ever failed or printed a line of an
/// unfinished batch or a torn line.
struct ConcurrencyTorture: Sendable {
    let h: Harness
    let writers: Int
    let appends: Int
    let readers: Int

    struct Counts {
        var writers = 0
        var appendsPerWriter = 0
        var events = 0
        var firstSeq = 0
        var lastSeq = 0
        var readerRuns = 0
        var summaryRuns = 0
        var verifyRuns = 0
        var logRuns = 0
        var seconds = 0.0
    }

    /// Shared between the threads: receipts, reader tallies, the first failure.
    final class Shared: @unchecked Sendable {
        let lock = NSLock()
        var seqs: [Int] = []
        var runs = [0, 0, 0]
        var failure: String?
        var writersLeft: Int
        init(writers: Int) { writersLeft = writers }
        func with<T>(_ body: (Shared) -> T) -> T { lock.lock(); defer { lock.unlock() }; return body(self) }
        var failed: Bool { with { $0.failure != nil } }
        func fail(_ m: String) { with { if $0.failure == nil { $0.failure = m } } }
    }

    func run() throws -> Counts {
        try h.setUp()
        let base = try LogImage.read(h.data + "/events/log.jsonl", previous: nil).lines.count
        let shared = Shared(writers: writers)
        let done = DispatchGroup()
        let started = nowMicros()
        for w in 0..<writers {
            done.enter()
            Thread {
                defer { shared.with { $0.writersLeft -= 1 }; done.leave() }
                for i in 0..<appends where !shared.failed {
                    let args = ["append", "camera.installed", "--data", h.data, "--unit", Workload.units[(w + i) % 3],
                                "--occurred", "2018-0\(1 + w % 9)-1\(i % 10)", "--count", "\(1 + i % 7)",
                                "--by", "Writer \(w)", "--format", "json"]
                    do {
                        let r = try h.run(args)
                        guard r.ending == .exited(0), let s = appendedSeqs(r.stdoutBytes), s.count == 1 else {
                            shared.fail("writer \(w) append \(i): \(r.ending) \(r.stdout) \(r.stderr)")
                            return
                        }
                        shared.with { $0.seqs.append(s[0]) }
                    } catch { shared.fail("writer \(w): \(error)"); return }
                }
            }.start()
        }
        for r in 0..<readers {
            done.enter()
            Thread {
                defer { done.leave() }
                var k = r
                while !shared.failed && shared.with({ $0.writersLeft > 0 }) {
                    do {
                        if let problem = try read(kind: k % 3) { shared.fail("reader \(r): \(problem)"); return }
                        shared.with { $0.runs[k % 3] += 1 }
                    } catch { shared.fail("reader \(r): \(error)"); return }
                    k += 1
                }
            }.start()
        }
        done.wait()
        let seconds = Double(nowMicros() - started) / 1e6
        if let f = shared.failure { throw TortureFailure(f) }
        let seqs = shared.seqs.sorted()
        let expected = Array((base + 1)...(base + writers * appends))
        guard seqs == expected else {
            throw TortureFailure("receipts hold \(seqs.count) seqs, \(Set(seqs).count) distinct; expected #\(base + 1)…#\(base + writers * appends) exactly once each")
        }
        let img = try LogImage.read(h.data + "/events/log.jsonl", previous: nil)
        guard img.lines.map({ $0.value["seq"]?.intValue ?? -1 }) == Array(1...(base + writers * appends)),
              img.committedEnd == img.bytes.count else {
            throw TortureFailure("the log does not hold seqs 1…\(base + writers * appends) contiguously")
        }
        try h.verifyClean("after the concurrent appends")
        let runs = shared.runs
        return Counts(writers: writers, appendsPerWriter: appends, events: writers * appends, firstSeq: base + 1,
                      lastSeq: base + writers * appends, readerRuns: runs.reduce(0, +), summaryRuns: runs[0], verifyRuns: runs[1],
                      logRuns: runs[2], seconds: seconds)
    }

    /// One reader run; returns what is wrong, or nil.
    func read(kind: Int) throws -> String? {
        switch kind {
        case 0:
            let r = try h.run(["summary", "2018", "--data", h.data, "--format", "json"])
            guard r.ending == .exited(0), (try? JSONValue.parse(r.stdoutBytes)) != nil else { return "summary \(r.ending): \(r.stderr)" }
        case 1:
            let r = try h.run(["verify", "--data", h.data, "--format", "json"])
            guard r.ending == .exited(0), let v = try? JSONValue.parse(r.stdoutBytes), case .bool(true)? = v["clean"] else {
                return "verify \(r.ending): \(r.stdout) \(r.stderr)"
            }
        default:
            let r = try h.run(["log", "--data", h.data, "--format", "json"])
            guard r.ending == .exited(0) else { return "log \(r.ending): \(r.stderr)" }
            guard r.stdoutBytes.last == 0x0A else { return "log output does not end with a newline (partial line)" }
            var expected = 1
            var lastMore = false
            for line in r.stdoutBytes.split(separator: 0x0A) {
                guard let v = try? JSONValue.parse(Array(line)) else { return "log printed a line that is not JSON (partial line): \(String(decoding: line, as: UTF8.self))" }
                guard v["seq"]?.intValue == expected else { return "log printed seq \(v["seq"]?.intValue ?? -1) where \(expected) was expected" }
                expected += 1
                if case .bool(true)? = v["more"] { lastMore = true } else { lastMore = false }
            }
            if lastMore { return "log ended with a line of an unfinished batch (#\(expected - 1))" }
        }
        return nil
    }
}
