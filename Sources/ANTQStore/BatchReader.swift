import ANTQCodec
import ANTQDomain
import SystemCalls

/// Reads a batch (`antq append --file F` or `-`) one line at a time from a
/// file descriptor, in bounded memory, and decodes each line into a draft.
/// Reads sequentially, so standard input (a pipe) streams the same way as a
/// file. Lines are numbered as a text editor numbers them; blank lines are
/// skipped; each line's problem (too long, CR LF, NUL, bad JSON or envelope)
/// stays with its line number so the whole batch can be reported.
///
/// A long batch is read and decoded on a second thread, a few hundred lines
/// ahead of validation (`DraftPrefetch`): the drafts, their order, line
/// numbers and problems are exactly those of reading in line, which the
/// first `inlineLines` lines still do so a short batch starts no thread.
public final class BatchReader {
    /// Longest batch line accepted: an event is a few hundred bytes.
    public static let maxLineLength = 1 << 20
    /// Lines read before the reading moves to its own thread.
    static let inlineLines = 256

    private let lines: BatchLines
    private let ahead: Bool
    private var taken = 0
    private var prefetch: DraftPrefetch?

    /// - Parameter bufferSize: the read size; a line longer than it grows the
    ///   buffer up to `maxLineLength + 1`, a longer line is skipped (counted, not kept).
    /// - Parameter fastPath: decode the common lines with `FastDraftReader`.
    /// - Parameter readAhead: read and decode on a second thread once the
    ///   batch is long.
    public init(fd: FileDescriptor, bufferSize: Int = 1 << 18, maxLineLength: Int = BatchReader.maxLineLength,
                fastPath: Bool = true, readAhead: Bool = true) {
        lines = BatchLines(fd: fd, bufferSize: bufferSize, maxLineLength: maxLineLength, fastPath: fastPath)
        // Only a regular file: a read from it always returns, so the
        // reading thread can be stopped and joined at any time. A pipe may
        // block for ever while the append has already failed.
        ahead = readAhead && fd.isRegularFile
    }

    deinit { prefetch?.stop() }

    /// The next non-blank line as a draft (or its problem), nil at the end.
    public func next() throws(Errno) -> DraftInput? {
        if let prefetch { return try prefetch.next() }
        if ahead && taken >= BatchReader.inlineLines {
            let p = DraftPrefetch(lines)
            prefetch = p
            return try p.next()
        }
        taken += 1
        return try lines.next()
    }

    /// The next drafts, in order, in `block` (emptied first); `block` stays
    /// empty at the end. Once the reading thread runs, `block` is one of its
    /// blocks, handed over whole: passed one by one, every draft (some 170
    /// bytes) was moved through each layer between the reader and the
    /// validator. Same drafts in the same order as `next()`, which may be mixed with it.
    public func next(block: inout [DraftInput]) throws(Errno) {
        block.removeAll(keepingCapacity: true)
        if let prefetch {
            try prefetch.next(block: &block)
        } else if let d = try next() {
            block.append(d)
        }
    }

    static func draft(_ line: UnsafeRawBufferPointer, maxLineLength: Int) -> Result<EventDraft, EventCodingError>? {
        BatchLines.draft(line, maxLineLength: maxLineLength)
    }
}
/// The reading itself, on whichever thread reads.
final class BatchLines {

    private let fd: FileDescriptor
    private var buffer: UnsafeMutableRawBufferPointer
    /// Unread bytes are `buffer[start..<end]`.
    private var start = 0
    private var end = 0
    private var atEOF = false
    private var number = 0
    private var started = false
    private var done = false
    private let maxLineLength: Int
    /// Reads the common lines without the general decoder; nil turns it off
    /// (tests compare both).
    private var fast: FastDraftReader?

    init(fd: FileDescriptor, bufferSize: Int, maxLineLength: Int, fastPath: Bool) {
        self.fd = fd
        fast = fastPath ? FastDraftReader() : nil
        self.maxLineLength = maxLineLength
        buffer = .allocate(byteCount: max(16, bufferSize), alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// Reads more bytes after `end`, moving the unread part to the front and
    /// growing the buffer if it is full. Returns false at end of input.
    private func fill() throws(Errno) -> Bool {
        if atEOF { return false }
        if start > 0 {
            if end > start { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: end - start) }
            end -= start
            start = 0
        }
        if end == buffer.count {
            let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
            bigger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
            buffer.deallocate()
            buffer = bigger
        }
        let n = try fd.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
        if n == 0 { atEOF = true; return false }
        end += n
        return true
    }

    /// The next non-blank line as a draft (or its problem), nil at the end.
    func next() throws(Errno) -> DraftInput? {
        if done { return nil }
        if !started {
            started = true
            while end < 3, try fill() {}
            if end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
                done = true
                return DraftInput(line: 1, draft: .failure(EventCodingError(field: nil, problem: "the file starts with a UTF-8 byte-order mark (BOM)",
                                                                            fix: "save it as UTF-8 without BOM")))
            }
        }
        while true {
            // Find the end of the next line.
            var scanned = start
            var newline: Int?
            while true {
                if let nl = ByteSearch.first(0x0A, in: buffer.baseAddress!, from: scanned, to: end) {
                    newline = nl
                    break
                }
                scanned = end
                if end - start > maxLineLength {
                    // Too long to keep: count the rest of it and report its length.
                    number += 1
                    let length = try skipLongLine()
                    return DraftInput(line: number, draft: .failure(tooLong(length)))
                }
                let offset = start
                if try !fill() { break }
                scanned -= offset - start
            }
            if newline == nil && start == end { done = true; return nil }
            let lineEnd = newline ?? end
            let line = UnsafeRawBufferPointer(rebasing: buffer[start..<lineEnd])
            start = newline.map { $0 + 1 } ?? end
            number += 1
            if let d = BatchLines.draft(line, maxLineLength: maxLineLength, fast: &fast) { return DraftInput(line: number, draft: d) }
        }
    }

    /// Consumes a line longer than the limit; returns its length in bytes.
    private func skipLongLine() throws(Errno) -> Int {
        var length = 0
        while true {
            if let at = ByteSearch.first(0x0A, in: buffer.baseAddress!, from: start, to: end) {
                length += at - start
                start = at + 1
                return length
            }
            length += end - start
            start = end
            if try !fill() { return length }
        }
    }

    private func tooLong(_ length: Int) -> EventCodingError {
        EventCodingError(field: nil, problem: Text(vi: "dòng dài \(length) byte (giới hạn \(maxLineLength))", en: "the line is \(length) bytes long (limit \(maxLineLength))"),
                         fix: Text(vi: "mỗi dòng một sự kiện; một sự kiện chỉ vài trăm byte", en: "one event per line; an event is a few hundred bytes"))
    }

    /// One line's draft, or nil for a blank line.
    static func draft(_ line: UnsafeRawBufferPointer, maxLineLength: Int) -> Result<EventDraft, EventCodingError>? {
        var none: FastDraftReader?
        return draft(line, maxLineLength: maxLineLength, fast: &none)
    }

    static func draft(_ line: UnsafeRawBufferPointer, maxLineLength: Int, fast: inout FastDraftReader?) -> Result<EventDraft, EventCodingError>? {
        // A line starting with '{' is not blank; only then may it hold a NUL or end in CR.
        if line.first == 0x7B, line.count <= maxLineLength, line.last != 0x0D, ByteSearch.first(0, in: line.baseAddress!, from: 0, to: line.count) == nil,
           let d = fast?.read(line) {
            return .success(d)
        }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        if line.count > maxLineLength {
            return .failure(EventCodingError(field: nil, problem: Text(vi: "dòng dài \(line.count) byte (giới hạn \(maxLineLength))", en: "the line is \(line.count) bytes long (limit \(maxLineLength))"),
                                             fix: Text(vi: "mỗi dòng một sự kiện", en: "one event per line; an event is a few hundred bytes")))
        }
        if line.last == 0x0D {
            return .failure(EventCodingError(field: nil, problem: Text(vi: "dòng kết thúc bằng CR LF (kiểu Windows)", en: "the line ends with CR LF (Windows line end)"),
                                             fix: Text(vi: "lưu tệp với dấu xuống dòng LF", en: "save the file with LF line ends")))
        }
        if line.contains(0) {
            return .failure(EventCodingError(field: nil, problem: Text(vi: "dòng chứa byte NUL", en: "the line contains a NUL byte"),
                                             fix: Text(vi: "bỏ nó đi; đợt ghi là văn bản UTF-8", en: "remove it; a batch is UTF-8 text")))
        }
        do { return .success(try DraftReader.read(line)) } catch {
            return .failure(error)
        }
    }
}

/// Runs a `BatchLines` on its own thread, handing drafts over in blocks of
/// `block` through a queue of at most `depth` blocks, so memory stays
/// bounded whatever the batch size. A read error is delivered in its place
/// in the sequence, as reading in line would have thrown it.
final class DraftPrefetch: @unchecked Sendable {
    static let block = 512
    static let depth = 4

    private let lines: BatchLines
    private let mutex = ConditionLock()
    // Guarded by `mutex`:
    private var queue: [[DraftInput]] = []
    private var finished = false
    private var failure: Errno?
    private var stopping = false
    // The consumer's own:
    private var current: [DraftInput] = []
    private var thread: JoinableThread?

    init(_ lines: BatchLines) {
        self.lines = lines
        // Without a thread, `next` reads in line.
        thread = PosixThread.start { self.produce() }
    }

    private func produce() {
        var block: [DraftInput] = []
        block.reserveCapacity(DraftPrefetch.block)
        var readError: Errno?
        while true {
            do throws(Errno) {
                guard let d = try lines.next() else { break }
                block.append(d)
            } catch {
                readError = error
                break
            }
            if block.count == DraftPrefetch.block {
                if !push(block) { return }
                block.removeAll(keepingCapacity: true)
            }
        }
        if !block.isEmpty && !push(block) { return }
        mutex.lock()
        finished = true
        failure = readError
        mutex.broadcast()
        mutex.unlock()
    }

    /// Queues a block, waiting while the queue is full; false if stopped.
    private func push(_ block: [DraftInput]) -> Bool {
        mutex.lock()
        defer { mutex.unlock() }
        while queue.count >= DraftPrefetch.depth && !stopping { mutex.wait() }
        if stopping { return false }
        queue.append(block)
        mutex.broadcast()
        return true
    }

    func next() throws(Errno) -> DraftInput? {
        // `current` is the block reversed: its next draft is moved out from
        // the end, not copied (a copy retained every string of the draft,
        // and dropping the block released them all again).
        if let d = current.popLast() { return d }
        // No reading thread could be started: read in line.
        guard thread != nil else { return try lines.next() }
        guard let block = try takeQueued() else { return nil }
        current = block
        current.reverse()
        return current.popLast()
    }

    /// The rest of the current block, or the next whole block; empty at the end.
    func next(block: inout [DraftInput]) throws(Errno) {
        if !current.isEmpty {
            while let d = current.popLast() { block.append(d) }
            return
        }
        guard thread != nil else {
            if let d = try lines.next() { block.append(d) }
            return
        }
        if let next = try takeQueued() { block = next }
    }

    /// The next block the reading thread queued (waiting for it); nil at the
    /// end, or the reading error once.
    private func takeQueued() throws(Errno) -> [DraftInput]? {
        mutex.lock()
        while queue.isEmpty && !finished { mutex.wait() }
        if queue.isEmpty {
            let error = failure
            failure = nil
            mutex.unlock()
            if let error { throw error }
            return nil
        }
        let block = queue.removeFirst()
        mutex.broadcast()
        mutex.unlock()
        return block
    }

    /// Ends the reading thread (the consumer is done, maybe early) and waits for it.
    func stop() {
        guard let t = thread else { return }
        mutex.lock()
        stopping = true
        mutex.broadcast()
        mutex.unlock()
        t.join()
        thread = nil
    }
}
