import Testing
import Foundation
import Hashing
import SystemCalls
@testable import EventLog

/// Appends `payloads` as one batch the way a caller must: seq and prev from
/// the sink, `more` on all but the last line.
private func appendBatch(_ writer: LogWriter, _ payloads: [String], expectSeq: Int? = nil, wait: LogWriter.LockWait = .forever) throws -> LogWriter.Receipt {
    try writer.append(expectSeq: expectSeq, wait: wait) { (_: LogTail, sink: inout BatchSink) throws in
        for (i, p) in payloads.enumerated() {
            try sink.add(logLine(seq: sink.nextSeq, prev: sink.nextPrev, payload: p, more: i < payloads.count - 1))
        }
    }
}

/// Runs the chain verifier over a file; returns (line, problems) for every bad line.
private func verifyChain(_ bytes: [UInt8], key: ChainKey = .plain) -> (problems: [(Int, [ChainVerifier.Problem])], fingerprint: Fingerprint) {
    var v = ChainVerifier(key: key)
    var out: [(Int, [ChainVerifier.Problem])] = []
    let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map(Array.init)
    for (i, l) in lines.enumerated() {
        l.withUnsafeBytes { b in
            if let h = try? LineHeader.decode(b) {
                let p = v.check(line: b, seq: h.seq, prev: h.prev)
                if !p.isEmpty { out.append((i + 1, p)) }
            } else {
                v.skip(line: b)
                out.append((i + 1, []))
            }
        }
    }
    return (out, v.fingerprint)
}

@Test func appendWritesABatchWithMoreOnAllButItsLastLine() throws {
    let dir = TempDir("logwriter")
    defer { dir.cleanup() }
    let first = chainLines(1)
    let layout = makeLog(dir, joined(first))
    let writer = LogWriter(layout: layout, key: .plain)
    let r = try appendBatch(writer, ["a", "b", "c"])
    #expect(r.firstSeq == 2 && r.lastSeq == 4 && r.recovery == nil)
    let bytes = readFile(layout.logPath)
    let lines = bytes.split(separator: 0x0A).map(Array.init)
    #expect(lines.count == 4)
    #expect(lines[0] == first[0])
    let headers = try lines.map { l in try l.withUnsafeBytes { b in try LineHeader.decode(b) } }
    #expect(headers.map(\.seq) == [1, 2, 3, 4])
    #expect(headers.map(\.more) == [false, true, true, false])
    #expect(r.fingerprint == Fingerprint(seq: 4, hash: SHA256.hash(lines[3])))
    let check = verifyChain(bytes)
    #expect(check.problems.isEmpty)
    #expect(check.fingerprint == r.fingerprint)
    // A second batch continues the chain.
    let r2 = try appendBatch(writer, ["d"])
    #expect(r2.firstSeq == 5 && r2.lastSeq == 5)
    #expect(verifyChain(readFile(layout.logPath)).problems.isEmpty)
}

@Test func appendToAnEmptyLogStartsAtSeqOneWithAZeroPrev() throws {
    let dir = TempDir("logwriter")
    defer { dir.cleanup() }
    let layout = makeLog(dir, [])
    let r = try appendBatch(LogWriter(layout: layout, key: .plain), ["first"])
    #expect(r.firstSeq == 1 && r.lastSeq == 1)
    #expect(readFile(layout.logPath) == logLine(seq: 1, prev: .zero, payload: "first") + [0x0A])
}

@Test func expectSeqConflictAppendsNothing() throws {
    let dir = TempDir("logwriter")
    defer { dir.cleanup() }
    let layout = makeLog(dir, joined(chainLines(4)))
    let before = readFile(layout.logPath)
    let writer = LogWriter(layout: layout, key: .plain)
    #expect {
        _ = try appendBatch(writer, ["x"], expectSeq: 3)
    } throws: { error in
        guard case LogWriter.WriteError.expectedSeq(let expected, let actual) = error else { return false }
        return expected == 3 && actual == 4
    }
    #expect(readFile(layout.logPath) == before)
    #expect(try appendBatch(writer, ["x"], expectSeq: 4).lastSeq == 5)
}

@Test func aCrashLeftoverIsQuarantinedNotDeletedAndTheNextAppendSucceeds() throws {
    let dir = TempDir("logwriter")
    defer { dir.cleanup() }
    let lines = chainLines(3)
    let committed = joined(lines)
    let l4 = logLine(seq: 4, prev: SHA256.hash(lines[2]), payload: "lost", more: true)
    let leftover = l4 + [0x0A] + Array(logLine(seq: 5, prev: SHA256.hash(l4)).prefix(20))
    let layout = makeLog(dir, committed + leftover)
    let recovered = LockedBox<[LogWriter.Recovery]>([])
    let writer = LogWriter(layout: layout, key: .plain, onRecovery: { r in recovered.mutate { $0.append(r) } })
    let r = try appendBatch(writer, ["new"])
    #expect(r.firstSeq == 4 && r.lastSeq == 4)
    let rec = try #require(r.recovery)
    #expect(rec.bytes == Int64(leftover.count))
    #expect(rec.lines == 2)
    #expect(recovered.value == [rec])
    #expect(rec.path.hasPrefix(layout.eventsDirectory + "/log.jsonl.unfinished-4-"))
    #expect(readFile(rec.path) == leftover)
    let now = readFile(layout.logPath)
    #expect(Array(now.prefix(committed.count)) == committed)
    #expect(verifyChain(now).problems.isEmpty)
    #expect(verifyChain(now).fingerprint.seq == 4)
    // Nothing was deleted: the directory holds the log and the quarantined bytes.
    #expect(try FileSystem.list(layout.eventsDirectory).sorted() == ["log.jsonl", rec.path.split(separator: "/").last.map(String.init)!])
}

@Test func aQuarantinedTailIsMovedEvenWhenExpectSeqThenRefuses() throws {
    let dir = TempDir("logwriter")
    defer { dir.cleanup() }
    let lines = chainLines(2)
    let layout = makeLog(dir, joined(lines) + Array("{\"seq\":3,\"pr".utf8))
    #expect(throws: LogWriter.WriteError.self) { _ = try appendBatch(LogWriter(layout: layout, key: .plain), ["x"], expectSeq: 7) }
    #expect(readFile(layout.logPath) == joined(lines))
}

@Test func aBuildThatThrowsAppendsNothing() throws {
    struct Refused: Error {}
    let dir = TempDir("logwriter")
    defer { dir.cleanup() }
    let layout = makeLog(dir, joined(chainLines(2)))
    let before = readFile(layout.logPath)
    #expect(throws: Refused.self) {
        _ = try LogWriter(layout: layout, key: .plain).append { (_: LogTail, sink: inout BatchSink) throws in
            try sink.add(logLine(seq: sink.nextSeq, prev: sink.nextPrev, more: true))
            throw Refused()
        }
    }
    #expect(readFile(layout.logPath) == before)
}

@Test func aFailureAfterPartOfTheBatchReachedTheFileCutsItBack() throws {
    // A batch bigger than the sink's 4 MiB chunk is flushed to the file while
    // it is being built; a failure after that must truncate back.
    struct DiskFull: Error {}
    let dir = TempDir("logwriter")
    defer { dir.cleanup() }
    let layout = makeLog(dir, joined(chainLines(2)))
    let before = readFile(layout.logPath)
    let big = String(repeating: "p", count: 100_000)
    var sawGrowth = false
    #expect(throws: DiskFull.self) {
        _ = try LogWriter(layout: layout, key: .plain).append { (_: LogTail, sink: inout BatchSink) throws in
            for _ in 0..<60 { try sink.add(logLine(seq: sink.nextSeq, prev: sink.nextPrev, payload: big, more: true)) }
            sawGrowth = readFile(layout.logPath).count > before.count
            throw DiskFull()
        }
    }
    #expect(sawGrowth)
    #expect(readFile(layout.logPath) == before)
}

@Test func anEmptyBatchChangesNothing() throws {
    let dir = TempDir("logwriter")
    defer { dir.cleanup() }
    let lines = chainLines(2)
    let layout = makeLog(dir, joined(lines))
    let r = try appendBatch(LogWriter(layout: layout, key: .plain), [])
    #expect(r.fingerprint == Fingerprint(seq: 2, hash: SHA256.hash(lines[1])))
    #expect(readFile(layout.logPath) == joined(lines))
}

/// A writer that finds the lock taken says so once, waits up to its limit
/// (trying again), and reports the lock busy when the other does not finish.
@Test func aBusyLockIsWaitedForUpToTheLimitThenReported() throws {
    let dir = TempDir("logwriter")
    defer { dir.cleanup() }
    let layout = makeLog(dir, joined(chainLines(1)))
    let holder = try FileDescriptor.open(layout.logPath, .readOnly)
    defer { try? holder.close() }
    #expect(try holder.lock(.exclusive, wait: false))
    let told = LockedCounter()
    let started = MonotonicClock.nanoseconds()
    #expect {
        _ = try appendBatch(LogWriter(layout: layout, key: .plain), ["x"], wait: .init(limitNanoseconds: 200_000_000) { told.add() })
    } throws: { error in
        if case LogWriter.WriteError.lockBusy = error { return true }
        return false
    }
    #expect(MonotonicClock.nanoseconds() - started >= 200_000_000, "it waited for its limit")
    #expect(told.value == 1, "it said so once")
    // Freed while a writer waits: the writer goes on.
    let freer = Thread { MonotonicClock.sleep(nanoseconds: 100_000_000); try? holder.unlock() }
    freer.start()
    #expect(try appendBatch(LogWriter(layout: layout, key: .plain), ["x"], wait: .init(limitNanoseconds: 5_000_000_000)).lastSeq == 2)
    // A free lock: no word, no wait.
    let quiet = LockedCounter()
    #expect(try appendBatch(LogWriter(layout: layout, key: .plain), ["y"], wait: .init(limitNanoseconds: 0) { quiet.add() }).lastSeq == 3)
    #expect(quiet.value == 0)
}

private final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.lock(); n += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}

@Test func aDamagedLastLineRefusesTheAppend() throws {
    let dir = TempDir("logwriter")
    defer { dir.cleanup() }
    let bytes = joined(chainLines(2)) + Array("garbage\n".utf8)
    let layout = makeLog(dir, bytes)
    #expect {
        _ = try appendBatch(LogWriter(layout: layout, key: .plain), ["x"])
    } throws: { error in
        if case LogWriter.WriteError.damaged = error { return true }
        return false
    }
    #expect(readFile(layout.logPath) == bytes)
}

@Test func keyedModeLinksLinesWithTheHMAC() throws {
    let dir = TempDir("logwriter")
    defer { dir.cleanup() }
    let key = ChainKey.keyed(HMACSHA256(key: Array("0123456789abcdef0123".utf8)))
    let layout = makeLog(dir, joined(chainLines(1, key: key)))
    _ = try appendBatch(LogWriter(layout: layout, key: key), ["a", "b"])
    let bytes = readFile(layout.logPath)
    let lines = bytes.split(separator: 0x0A).map(Array.init)
    let h3 = try lines[2].withUnsafeBytes { try LineHeader.decode($0) }
    #expect(h3.prev == lines[1].withUnsafeBytes { key.link(for: $0) })
    #expect(h3.prev != SHA256.hash(lines[1]))
    #expect(verifyChain(bytes, key: key).problems.isEmpty)
    #expect(!verifyChain(bytes, key: .plain).problems.isEmpty)
}

/// A tiny lock-protected box for values captured by `@Sendable` closures.
final class LockedBox<T>: @unchecked Sendable {
    private var stored: T
    private let lock = NSLock()
    init(_ v: T) { stored = v }
    var value: T { lock.lock(); defer { lock.unlock() }; return stored }
    func mutate(_ f: (inout T) -> Void) { lock.lock(); defer { lock.unlock() }; f(&stored) }
}
