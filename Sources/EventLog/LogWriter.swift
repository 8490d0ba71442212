import Hashing
import SystemCalls

/// Appends batches to the log durably and atomically.
///
/// Protocol (documented with the format in ANTQStore.docc/LogFormat.md):
/// 1. take an exclusive `flock` on the log file (writers queue; readers never lock);
/// 2. read the tail; bytes after the last committed line (a crash leftover)
///    are copied to `log.jsonl.unfinished-…`, synced, and cut from the log;
/// 3. let the caller validate against the state at that tail and encode its lines;
/// 4. write them, `fsync`, and only then report success.
/// A failure while writing cuts the log back to where it was.
public struct LogWriter: Sendable {
    public var layout: LogLayout
    public var key: ChainKey
    /// Run after a crash leftover was moved aside, e.g. to print a warning.
    public var onRecovery: (@Sendable (Recovery) -> Void)?

    public init(layout: LogLayout, key: ChainKey, onRecovery: (@Sendable (Recovery) -> Void)? = nil) {
        self.layout = layout
        self.key = key
        self.onRecovery = onRecovery
    }

    public struct Recovery: Sendable, Equatable {
        public var path: String
        public var bytes: Int64
        public var lines: Int
    }

    public struct Receipt: Sendable, Equatable {
        public var firstSeq: Int
        public var lastSeq: Int
        public var fingerprint: Fingerprint
        public var recovery: Recovery?
        /// Byte offset just after the last committed line, once appended.
        public var endOffset: Int64 = 0
    }

    /// Takes the log's write lock: at once when it is free, else after saying
    /// so (`onWaiting`), trying again in short sleeps up to the limit.
    static func lock(_ fd: FileDescriptor, _ wait: LockWait) throws {
        if try fd.lock(.exclusive, wait: false) { return }
        wait.onWaiting()
        guard let limit = wait.limit else {
            _ = try fd.lock(.exclusive, wait: true)
            return
        }
        let start = MonotonicClock.nanoseconds()
        while MonotonicClock.nanoseconds() - start < limit {
            MonotonicClock.sleep(nanoseconds: 20_000_000)
            if try fd.lock(.exclusive, wait: false) { return }
        }
        throw WriteError.lockBusy
    }

    public enum WriteError: Error, Sendable {
        case io(Errno)
        case damaged(offset: Int64, reason: String)
        case expectedSeq(expected: Int, actual: Int)
        case lockBusy
    }

    /// How long a writer waits for another to finish (another append holds the lock).
    public struct LockWait: Sendable {
        /// Give up (`WriteError.lockBusy`) after this long; nil waits as long as it takes.
        public var limit: UInt64?
        /// Told once, when the lock is found taken, before the wait.
        public var onWaiting: @Sendable () -> Void

        public init(limitNanoseconds: UInt64?, onWaiting: @escaping @Sendable () -> Void = {}) {
            self.limit = limitNanoseconds
            self.onWaiting = onWaiting
        }

        public static let forever = LockWait(limitNanoseconds: nil)
    }

    /// Appends the lines produced by `build`. `build` receives the committed
    /// tail and a sink; it must add every line (seq and prev taken from the
    /// sink, `more` true on all but the last) or throw to append nothing.
    public func append<E: Error>(expectSeq: Int? = nil, wait: LockWait = .forever,
                                 _ build: (LogTail, inout BatchSink) throws(E) -> Void) throws -> Receipt {
        let fd: FileDescriptor
        do { fd = try FileDescriptor.open(layout.logPath, [.readWrite, .append]) } catch { throw WriteError.io(error) }
        defer { try? fd.close() }
        do {
            try Self.lock(fd, wait)
        } catch let e as Errno { throw WriteError.io(e) }
        defer { try? fd.unlock() }

        var tail: LogTail
        do { tail = try LogTail.scan(fd) } catch {
            switch error {
            case .io(let e): throw WriteError.io(e)
            case .damagedLastLine(let offset, let reason): throw WriteError.damaged(offset: offset, reason: reason)
            }
        }
        var recovery: Recovery?
        if tail.hasUncommittedBytes {
            recovery = try quarantine(fd, tail: tail)
            tail.fileSize = tail.committedEnd
            tail.unfinishedLines = 0
            if let recovery { onRecovery?(recovery) }
        }
        if let expectSeq, expectSeq != tail.lastSeq {
            throw WriteError.expectedSeq(expected: expectSeq, actual: tail.lastSeq)
        }
        var sink = BatchSink(fd: fd, key: key, lastSeq: tail.lastSeq, lastLine: tail.lastLine, lastHash: tail.lastHash, start: tail.committedEnd)
        do {
            try build(tail, &sink)
            if sink.count > 0, key.isKeyed {
                // Seal the new end before its final line can appear.
                try LogSeal(seq: sink.lastSeq, last: sink.nextPrev, previousSeq: tail.lastSeq,
                            previous: tail.lastLine.isEmpty ? .zero : tail.lastLine.withUnsafeBytes { key.link(for: $0) }).write(layout)
            }
            try sink.flush()
            guard sink.count > 0 else {
                return Receipt(firstSeq: tail.lastSeq + 1, lastSeq: tail.lastSeq,
                               fingerprint: Fingerprint(seq: tail.lastSeq, hash: tail.lastHash), recovery: recovery,
                               endOffset: tail.committedEnd)
            }
            try fd.sync()
        } catch {
            // A chunk may still be on its way to the file: let it land first,
            // or it could land after the cut.
            sink.drain()
            // Nothing of this batch may stay: cut back to the committed end.
            // If even that fails, the lines left carry `more` or are torn, so
            // readers ignore them and the next writer moves them aside.
            try? fd.truncate(to: tail.committedEnd)
            try? fd.sync()
            if let e = error as? Errno { throw WriteError.io(e) }
            throw error
        }
        if key.isKeyed {
            // The batch is durable: the seal no longer needs to accept the old
            // end, so cutting this batch off would now be caught too. If this
            // fails, the seal written before still vouches for the new end.
            try? LogSeal(seq: sink.lastSeq, last: sink.nextPrev, previousSeq: sink.lastSeq, previous: sink.nextPrev).write(layout)
        }
        return Receipt(firstSeq: tail.lastSeq + 1, lastSeq: sink.lastSeq,
                       fingerprint: Fingerprint(seq: sink.lastSeq, hash: sink.lastHash), recovery: recovery,
                       endOffset: tail.committedEnd + sink.written)
    }

    private func quarantine(_ fd: FileDescriptor, tail: LogTail) throws -> Recovery {
        let count = Int(tail.fileSize - tail.committedEnd)
        do {
            let bytes = try fd.readAll(fromAbsoluteOffset: tail.committedEnd, count: count)
            let now = RealtimeClock.microsecondsSinceEpoch()
            // Microseconds zero-padded, so the names of one seq sort by time.
            let micros = String(now % 1_000_000)
            let path = layout.quarantinePath(firstSeq: tail.lastSeq + 1,
                                             stamp: "\(now / 1_000_000)\(String(repeating: "0", count: 6 - micros.count))\(micros)")
            let out = try FileDescriptor.open(path, [.writeOnly, .create, .exclusive], permissions: 0o600)
            defer { try? out.close() }
            try out.writeAll(bytes)
            try out.sync()
            try FileSystem.syncDirectory(layout.eventsDirectory)
            try fd.truncate(to: tail.committedEnd)
            try fd.sync()
            let lines = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } + (bytes.last == 0x0A ? 0 : 1)
            return Recovery(path: path, bytes: Int64(count), lines: lines)
        } catch {
            throw WriteError.io(error)
        }
    }
}

/// Collects the lines of one batch, handing out seq and prev in order and
/// writing in large chunks so a million-line batch needs no million-line buffer.
///
/// The line added last always stays in memory until `LogWriter` flushes it
/// after `build` returns: a chunk is written *before* a line that would
/// overflow it, never after. So the batch's final line (the one without
/// `more`) cannot reach the file before the keyed-mode seal, and a batch that
/// is still being built can only have `more` lines in the file — which
/// readers ignore and a failed append cuts off again.
public struct BatchSink {
    let fd: FileDescriptor
    let key: ChainKey
    public private(set) var lastSeq: Int
    public private(set) var lastHash: SHA256Digest
    private var lastLink: SHA256Digest
    public private(set) var count = 0
    /// Bytes added so far (lines and their newlines).
    public private(set) var written: Int64 = 0
    /// Where the batch's first line goes in the file.
    private let start: Int64
    /// The lines added but not yet written, readable while the batch is built.
    public let pending: PendingLines
    private let chunk: Int
    /// Writes full chunks on a second thread while the next one is built.
    private let writer: ChunkWriter
    /// Whether a full chunk is written on `writer`'s thread (the default) or
    /// at once on the caller's. A caller that already runs on a thread of its
    /// own (the batch's write stage) writes at once: then every line counted
    /// in `pending.flushedBytes` is in the file as soon as `add` returns.
    public var writesInBackground = true

    init(fd: FileDescriptor, key: ChainKey, lastSeq: Int, lastLine: [UInt8], lastHash: SHA256Digest, start: Int64, chunk: Int = 4 << 20) {
        self.fd = fd
        self.start = start
        self.key = key
        self.lastSeq = lastSeq
        self.lastHash = lastHash
        self.chunk = chunk
        if lastLine.isEmpty {
            self.lastLink = .zero
        } else {
            self.lastLink = lastLine.withUnsafeBytes { key.link(for: $0) }
        }
        writer = ChunkWriter(fd: fd)
        pending = PendingLines(firstSeq: lastSeq + 1, capacity: min(chunk, 1 << 20), writer: writer)
    }

    /// The seq the next line must carry.
    public var nextSeq: Int { lastSeq + 1 }
    /// The `prev` the next line must carry.
    public var nextPrev: SHA256Digest { lastLink }

    /// Adds one encoded line (without newline). The caller has put
    /// `nextSeq` and `nextPrev` into it.
    public mutating func add(_ line: [UInt8]) throws {
        try line.withUnsafeBytes { try add($0) }
    }

    /// Adds one encoded line (without newline) from raw bytes.
    public mutating func add(_ line: UnsafeRawBufferPointer) throws {
        if pending.bytes.count > 0 && pending.bytes.count + line.count + 1 > chunk {
            if writesInBackground { try flushInBackground() } else { try flush() }
        }
        let hash = SHA256.hash(line)
        lastHash = hash
        lastLink = key.isKeyed ? key.link(for: line) : hash
        lastSeq += 1
        count += 1
        pending.append(line)
        written += Int64(line.count + 1)
    }

    /// Writes the pending lines to the file (still uncommitted until the
    /// final line is written and synced).
    public mutating func flush() throws {
        try writer.wait()
        guard !pending.bytes.isEmpty else { return }
        try ChunkWriter.write(pending.bytes, at: start + pending.flushedBytes, to: fd)
        pending.flushed(nextSeq: lastSeq + 1)
    }

    /// Hands the pending lines to the writer thread (after the previous
    /// chunk has landed) and goes on with an empty buffer: encoding and
    /// hashing the next chunk overlaps the kernel's copy of this one. The
    /// order of chunks in the file is kept: one write at a time.
    mutating func flushInBackground() throws {
        try writer.wait()
        pending.handOff(to: writer, at: start + pending.flushedBytes, nextSeq: lastSeq + 1)
    }

    /// Waits for a chunk still being written, ignoring its error (the
    /// caller is already failing and cuts the file back).
    func drain() {
        try? writer.wait()
    }
}

/// The lines of a batch held in memory between two chunk writes, so the
/// batch being built can read back one of its own events (an amendment of an
/// event earlier in the same batch) without keeping every event in memory:
/// lines already written are read back from the file instead.
public final class PendingLines {
    public private(set) var bytes: [UInt8] = []
    private var starts: [Int] = []
    /// Seq of the first pending line.
    public private(set) var firstSeq: Int
    /// Bytes of this batch already written to the file.
    public private(set) var flushedBytes: Int64 = 0

    private let writer: ChunkWriter?

    init(firstSeq: Int, capacity: Int, writer: ChunkWriter? = nil) {
        self.firstSeq = firstSeq
        self.writer = writer
        bytes.reserveCapacity(capacity)
    }

    /// Waits until every line counted in `flushedBytes` is in the file, so
    /// it can be read back from there.
    public func settle() throws {
        try writer?.wait()
    }

    /// Gives the lines to `writer` to write, taking its spare buffer.
    func handOff(to writer: ChunkWriter, at offset: Int64, nextSeq: Int) {
        flushedBytes += Int64(bytes.count)
        writer.start(&bytes, at: offset)
        starts.removeAll(keepingCapacity: true)
        firstSeq = nextSeq
    }

    func append(_ line: UnsafeRawBufferPointer) {
        starts.append(bytes.count)
        bytes.append(contentsOf: line)
        bytes.append(0x0A)
    }

    func flushed(nextSeq: Int) {
        flushedBytes += Int64(bytes.count)
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        firstSeq = nextSeq
    }

    /// The pending line carrying `seq` (without newline), if it is still in memory.
    public func line(seq: Int) -> [UInt8]? {
        let i = seq - firstSeq
        guard i >= 0 && i < starts.count else { return nil }
        let end = i + 1 < starts.count ? starts[i + 1] - 1 : bytes.count - 1
        return Array(bytes[starts[i]..<end])
    }
}

/// Writes one chunk of a batch at a time on its own thread. The chunk's
/// buffer belongs to the thread until `wait` has joined it; the next
/// `start` gives back the previous (now empty) buffer, so two buffers
/// alternate and nothing is allocated per chunk.
final class ChunkWriter: @unchecked Sendable {
    private let fd: FileDescriptor
    private var buffer: [UInt8] = []
    private var offset: Int64 = 0
    private var thread: JoinableThread?
    private var error: Errno?

    init(fd: FileDescriptor) {
        self.fd = fd
    }

    deinit {
        // Only reached once the thread let go of its reference (it holds
        // one while it runs): nothing left to wait for, only to release.
        if let t = thread { t.detach() }
    }

    /// Starts writing `bytes` (swapped out; `bytes` comes back empty, with
    /// the capacity of the previous chunk). Call `wait` first.
    func start(_ bytes: inout [UInt8], at offset: Int64) {
        precondition(thread == nil, "a chunk is still being written")
        self.offset = offset
        swap(&buffer, &bytes)
        bytes.removeAll(keepingCapacity: true)
        if let t = PosixThread.start({ self.run() }) {
            thread = t
        } else {
            // No thread: write here instead.
            run()
        }
    }

    private func run() {
        do { try ChunkWriter.write(buffer, at: offset, to: fd) } catch { self.error = error }
    }

    /// Appends a chunk of a batch (the file is open for appending; `offset`
    /// is where the chunk lands) and has the kernel start writing it to the
    /// device. The batch's final `fsync` then waits only for the last
    /// chunks instead of all of them, with the cores idle.
    static func write(_ bytes: [UInt8], at offset: Int64, to fd: FileDescriptor) throws(Errno) {
        try fd.writeAll(bytes)
        fd.startWriteback(offset: offset, count: Int64(bytes.count))
    }

    /// Joins the chunk being written, if any; rethrows the first write error.
    func wait() throws(Errno) {
        if let t = thread {
            t.join()
            thread = nil
        }
        if let error { throw error }
    }
}
