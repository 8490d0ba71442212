import ANTQCodec
import ANTQDomain
import EventLog
import SystemCalls
import TextFormats

/// The write end of a long batch on a thread of its own: events that
/// validation accepted arrive in blocks, in seq order, and are encoded,
/// chained (`prev`, SHA-256) and written here while the next lines are
/// being validated. Encoding and hashing would otherwise be a large part
/// of the validating thread's work; a batch's lines cannot be hashed in
/// parallel (each line's `prev` is the hash of the one before), but they
/// can be a stage of their own.
///
/// What reaches the file is exactly what writing in line writes: the same
/// `LineWriter` bytes, the same chain through the same `BatchSink`, every
/// line with `more` (the batch's last event is held back by `BatchAppender`
/// and written in line after `finish`). A full chunk is written at once
/// (`writesInBackground` off), so the stage publishes which lines are in
/// the file (`landedSeq`): validation keeps every block it handed over
/// until then, and reads an older event of the batch back from the file.
/// The sink is the stage's from `start` until `finish` hands it back.
final class WriteStage: @unchecked Sendable {
    static let blockSize = 1024
    static let depth = 4

    private let mutex = ConditionLock()
    // Guarded by `mutex`:
    private var queue: [[Event]] = []
    private var closing = false
    private var abandoned = false
    private var failure: (any Error)?
    private var landed: Int
    private var landedEnd: Int64
    private var index: [Int64] = []
    // The stage thread's own (the caller's again once joined):
    private var sink: BatchSink
    private var line: [UInt8] = []
    private var ids = UUIDSource()
    private let recorded: (UTCInstant, [UInt8])
    private let baseOffset: Int64
    /// Seq of the first line written by the stage.
    let firstSeq: Int
    private var thread: JoinableThread?

    /// Takes over `sink`, whose pending lines must already be in the file.
    init?(sink: BatchSink, committedEnd: Int64, recorded: (UTCInstant, [UInt8])) {
        self.sink = sink
        self.sink.writesInBackground = false
        self.recorded = recorded
        baseOffset = committedEnd
        firstSeq = sink.nextSeq
        landed = sink.lastSeq
        landedEnd = committedEnd + sink.written
        line.reserveCapacity(1024)
        guard let t = PosixThread.start({ self.run() }) else { return nil }
        thread = t
    }

    private func run() {
        // The stage's own state, kept in locals while it runs and handed back when it stops: a
        // class's properties are checked for exclusive access at each use, and these are used
        // several times a line.
        var sink = self.sink, line = self.line, ids = self.ids
        defer {
            self.sink = sink
            self.line = line
            self.ids = ids
        }
        while true {
            mutex.lock()
            while queue.isEmpty && !closing { mutex.wait() }
            if queue.isEmpty || abandoned || failure != nil {
                mutex.unlock()
                return
            }
            let block = queue.removeFirst()
            mutex.broadcast()
            mutex.unlock()
            do {
                // Each event is read where it lies: a copy retained and released every text and array
                // in it, and the validating thread still holds the block (`BatchAppender.LookupState.retained`).
                try block.withUnsafeBufferPointer { events in
                    for i in events.indices { try write((events.baseAddress! + i).pointee, sink: &sink, line: &line, ids: &ids) }
                }
            } catch {
                mutex.lock()
                failure = error
                queue.removeAll()
                mutex.broadcast()
                mutex.unlock()
                return
            }
        }
    }

    private func write(_ e: borrowing Event, sink: inout BatchSink, line: inout [UInt8], ids: inout UUIDSource) throws {
        // Validation left the id of a draft that brought none to be drawn here.
        let id = e.id.isEmpty ? ids.next() : nil
        precondition(e.seq == sink.nextSeq)
        let k = e.seq - firstSeq
        if k % BatchAppender.LookupState.stride == 0 {
            mutex.lock()
            index.append(baseOffset + sink.written)
            mutex.unlock()
        }
        line.removeAll(keepingCapacity: true)
        LineWriter.encode(e, id: id, prev: sink.nextPrev, more: true, recorded: e.recorded == recorded.0 ? recorded.1 : nil, into: &line)
        let flushed = sink.pending.flushedBytes
        try line.withUnsafeBytes { try sink.add($0) }
        if sink.pending.flushedBytes != flushed {
            // A chunk was written: every line before this one is in the file.
            mutex.lock()
            landed = e.seq - 1
            landedEnd = baseOffset + sink.pending.flushedBytes
            mutex.unlock()
        }
    }

    /// Hands a block over, waiting while the queue is full. Returns the
    /// last seq in the file; throws what stopped the stage.
    func push(_ block: [Event]) throws -> Int {
        mutex.lock()
        defer { mutex.unlock() }
        while queue.count >= WriteStage.depth && failure == nil { mutex.wait() }
        if let failure { throw failure }
        queue.append(block)
        mutex.broadcast()
        return landed
    }

    /// Where the line carrying `seq` (written by the stage and already in
    /// the file) can be read: the offset of the indexed line at or before
    /// it, the lines to skip from there, and the end of what has landed.
    func position(of seq: Int) -> (offset: Int64, skip: Int, end: Int64)? {
        mutex.lock()
        defer { mutex.unlock() }
        let k = seq - firstSeq
        guard k >= 0, seq <= landed, k / BatchAppender.LookupState.stride < index.count else { return nil }
        return (index[k / BatchAppender.LookupState.stride], k % BatchAppender.LookupState.stride, landedEnd)
    }

    /// Writes every block handed over, ends the thread and gives the sink
    /// back; rethrows what stopped the stage.
    func finish() throws -> BatchSink {
        join(abandon: false)
        if let failure { throw failure }
        return sink
    }

    /// Ends the thread without writing what is still queued (the batch is
    /// failing). Safe to call more than once, and after `finish`.
    func abandon() {
        join(abandon: true)
    }

    private func join(abandon: Bool) {
        guard let t = thread else { return }
        mutex.lock()
        closing = true
        if abandon { abandoned = true; queue.removeAll() }
        mutex.broadcast()
        mutex.unlock()
        t.join()
        thread = nil
    }
}
