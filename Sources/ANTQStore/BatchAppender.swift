import ANTQCodec
import ANTQDomain
import EventLog
import SystemCalls
import TextFormats

/// What a streamed batch append did: how many events, the first and the last
/// (their seqs bound the batch), and the new fingerprint. Unlike
/// `AppendReceipt` it holds no per-event list, so a million-event batch
/// returns in constant memory.
public struct BatchReceipt: Sendable {
    public var count: Int
    public var first: Event?
    public var last: Event?
    public var fingerprint: Fingerprint
    public var recovered: LogWriter.Recovery?

    public init(count: Int, first: Event?, last: Event?, fingerprint: Fingerprint, recovered: LogWriter.Recovery?) {
        self.count = count
        self.first = first
        self.last = last
        self.fingerprint = fingerprint
        self.recovered = recovered
    }
}

struct BatchSummary {
    var count = 0
    var first: Event?
    var last: Event?
    /// Ids of the written events, kept only for an `AppendSession`.
    var ids: [String] = []
}

/// Validates the lines of one batch in order and writes each accepted event
/// at once through the `BatchSink`, one line behind: the newest event is held
/// back until the next one shows whether it is the batch's last (no `more`).
///
/// Why write before the whole batch is known to be good: the batch is all or
/// nothing, yet holding a million events (or their lines) until the end is
/// what made memory grow with the batch. Lines written while the batch is
/// being built all carry `more`, so they are not committed — readers ignore
/// them, and `LogWriter` cuts the file back to the committed end when `build`
/// throws (here: a bad line, an id already in the log, an I/O error). The log
/// is then byte-for-byte what it was. A crash mid-batch leaves only `more`
/// lines, which the next writer moves aside, as for any interrupted append.
///
/// Events accepted after a bad line are still written (never committed), so
/// an amendment later in a rejected batch that targets one of them is judged
/// exactly as before: every bad line is reported with the same message.
struct BatchAppender {
    private var validator: Validator
    private let state: LookupState
    private let file: String
    private let collectIDs: Bool
    private let onWritten: ((Event) -> Void)?
    private(set) var summary = BatchSummary()
    private var problems: [LineProblem] = []
    private var bad = 0
    /// The batch's one `recorded` instant, formatted once.
    private let recordedText: (UTCInstant, [UInt8])
    /// Reused for every line.
    private var line: [UInt8] = []
    /// Ids given by the lines themselves: refused when given twice, and checked against the log at the end.
    private let ids: GivenIDTable
    /// Every id in the log, when an `AppendSession` holds them: a given id is checked as its line is taken.
    private let knownIDs: Set<String>?
    /// Events written in line before a `WriteStage` takes over; nil: never.
    private var writeStageAfter: Int?
    /// Ids for the events left without one once the stage runs (see `startStage`).
    private var uuids = UUIDSource()

    /// Finds events for amendments: committed ones by binary search in the
    /// log, this batch's own in the held-back event, the sink's pending
    /// lines, or the part of the file already written.
    final class LookupState {
        let fd: FileDescriptor
        let committedEnd: Int64
        let committedSeq: Int
        /// Where the replay before this batch began checking the chain, and how.
        let anchor: ChainAnchor
        let links: ChainLinks
        var held: Event?
        /// Set when an earlier event looked up for an amendment does not
        /// chain up to the part of the log the replay checked: the batch stops.
        var damage: StoreError?
        var pending: PendingLines?
        /// File offset of every `stride`-th line of this batch, so a line
        /// already written is found with one short read instead of a binary
        /// search over the file (an amendment in a long batch costs a few
        /// reads, not forty). 1M events keep 16k offsets.
        var index: [Int64] = []
        static let stride = 64
        /// Once the batch is long, the thread that encodes, chains and
        /// writes its events (see `WriteStage`); the sink is its then.
        var stage: WriteStage?
        /// Accepted events not yet handed to the stage, in seq order.
        var filling: [Event] = []
        /// Blocks handed to the stage whose lines may not be in the file
        /// yet: kept until they are, so they can still be found.
        var retained: [[Event]] = []
        /// The end of the lines written before the stage took over (all in the file).
        var inLineEnd: Int64 = 0

        init(fd: FileDescriptor, tail: LogTail, anchor: ChainAnchor, links: ChainLinks) {
            self.fd = fd
            self.anchor = anchor
            self.links = links
            committedEnd = tail.committedEnd
            committedSeq = tail.lastSeq
        }

        func event(seq: Int) throws -> Event? {
            if seq <= committedSeq {
                do { return try EventLookup(fd: fd, end: committedEnd, anchor: anchor, links: links).event(seq: seq) } catch let ChainLookupError.broken(line, b) {
                    damage = .brokenChain(b, foundAt: line, file: "events/log.jsonl", keyed: links.check == .hmac)
                    throw damage!
                }
            }
            if let held, held.seq == seq { return held }
            if let stage { return try staged(seq: seq, stage: stage) }
            guard let pending else { return nil }
            if let line = pending.line(seq: seq) { return try LineReader.read(line).event }
            try pending.settle()
            let end = committedEnd + pending.flushedBytes
            if let line = try written(seq: seq, end: end) { return try LineReader.read(line).event }
            return try EventLookup(fd: fd, end: end).event(seq: seq)
        }

        /// An event of this batch once the stage runs: in memory if it is
        /// not yet known to be in the file, else read back from there.
        private func staged(seq: Int, stage: WriteStage) throws -> Event? {
            if seq < stage.firstSeq {
                if let line = try written(seq: seq, end: inLineEnd) { return try LineReader.read(line).event }
                return try EventLookup(fd: fd, end: inLineEnd).event(seq: seq)
            }
            if let f = filling.first?.seq, seq >= f { return seq - f < filling.count ? filling[seq - f] : nil }
            for block in retained.reversed() where seq >= block[0].seq {
                return seq - block[0].seq < block.count ? block[seq - block[0].seq] : nil
            }
            guard let p = stage.position(of: seq) else { return nil }
            return try line(from: p.offset, skip: p.skip, end: p.end).map { try LineReader.read($0).event }
        }

        /// Notes where the line about to be written starts.
        func willWrite(seq: Int, at offset: Int64) {
            let k = seq - committedSeq - 1
            if k % LookupState.stride == 0 && k / LookupState.stride == index.count { index.append(offset) }
        }

        /// The written line of this batch carrying `seq`, read from the
        /// nearest indexed line before it; nil if it is not in `..<end`.
        func written(seq: Int, end: Int64) throws -> [UInt8]? {
            let k = seq - committedSeq - 1
            guard k >= 0, k / LookupState.stride < index.count else { return nil }
            return try line(from: index[k / LookupState.stride], skip: k % LookupState.stride, end: end)
        }

        /// The line `skip` lines after the one starting at `offset`, if it ends before `end`.
        func line(from offset: Int64, skip: Int, end: Int64) throws -> [UInt8]? {
            var pos = offset
            var skip = skip
            var line: [UInt8] = []
            while pos < end {
                let chunk = try fd.readAll(fromAbsoluteOffset: pos, count: Int(min(16384, end - pos)))
                if chunk.isEmpty { return nil }
                var from = 0
                while let nl = chunk[from...].firstIndex(of: 0x0A) {
                    if skip == 0 {
                        line += chunk[from..<nl]
                        return line
                    }
                    skip -= 1
                    from = nl + 1
                }
                if skip == 0 { line += chunk[from...] }
                pos += Int64(chunk.count)
            }
            return nil
        }
    }

    init(ledger: Ledger, tail: LogTail, fd: FileDescriptor, anchor: ChainAnchor = .start, links: ChainLinks = .plain,
         now: UTCInstant, defaultBy: String, file: String,
         collectIDs: Bool, knownIDs: Set<String>? = nil, onWritten: ((Event) -> Void)?, fastPaths: Bool = true, writeStageAfter: Int? = nil) {
        let state = LookupState(fd: fd, tail: tail, anchor: anchor, links: links)
        self.state = state
        // A draft that brings no id gets one as its line is written (`write`, or the stage).
        validator = Validator(ledger: ledger, now: now, today: Clock.vietnamDay(of: now), defaultBy: defaultBy,
                              newID: { "" }, lookup: { try state.event(seq: $0) })
        ids = GivenIDTable(firstSeq: tail.lastSeq + 1, eventAt: { try state.event(seq: $0) })
        validator.givenIDs = ids
        validator.retainsAccepted = false
        validator.usesFastPaths = fastPaths
        recordedText = (validator.now, Array(validator.now.rfc3339.utf8))
        line.reserveCapacity(1024)
        self.file = file
        self.collectIDs = collectIDs
        self.knownIDs = knownIDs
        self.onWritten = onWritten
        // The stage writes lines the caller does not see: only for a plain streamed batch.
        self.writeStageAfter = collectIDs || onWritten != nil ? nil : writeStageAfter.map { max(1, $0) }
    }

    /// The ledger with every accepted event folded in.
    var ledger: Ledger { validator.ledger }

    private mutating func problem(_ line: Int, _ errors: [EventCodingError]) {
        bad += 1
        if problems.count < DataStore.problemCap { problems.append(LineProblem(file: file, line: line, errors: errors)) }
    }

    /// Validates one line and, if it is good, writes the event held before it.
    mutating func take(_ input: consuming DraftInput, sink: inout BatchSink) throws {
        try take(line: input.line, draft: input.draft, sink: &sink)
    }

    /// `take`, with the draft moved in (a copy retained and released every text and array in it).
    private mutating func take(line: Int, draft: consuming Result<EventDraft, EventCodingError>, sink: inout BatchSink) throws {
        if state.pending == nil && state.stage == nil { state.pending = sink.pending }
        switch consume draft {
        case .failure(let e):
            problem(line, [e])
        case .success(let d):
            let event: Event
            ids.currentLine = line
            do { event = try validator.accept(d) } catch {
                // An amendment's target that does not chain: the log is damaged, not the line.
                if let damage = state.damage { throw damage }
                if let failure = ids.failure { throw failure }
                problem(line, error.problems)
                return
            }
            if let failure = ids.failure { throw failure }
            if d.id != nil, let knownIDs, knownIDs.contains(event.id) { problem(line, [Self.alreadyInLog(event.id, seq: nil)]) }
            // Moved, not copied: the held event is written once and dropped.
            if var held = state.held.take() { try emit(&held, sink: &sink) }
            state.held = event
        }
    }

    /// Writes an event that is not the batch's last: in line, or through the stage once it runs.
    private mutating func emit(_ e: inout Event, sink: inout BatchSink) throws {
        guard let stage = state.stage else {
            try write(&e, more: true, sink: &sink)
            if let after = writeStageAfter, summary.count >= after { startStage(&sink) }
            return
        }
        if state.filling.isEmpty { state.filling.reserveCapacity(WriteStage.blockSize) }
        state.filling.append(e)
        summary.count += 1
        if state.filling.count >= WriteStage.blockSize { try handOff(to: stage) }
    }

    /// Starts the stage: the lines so far go to the file first, so the
    /// stage's sink holds none and they can be read back from there.
    private mutating func startStage(_ sink: inout BatchSink) {
        writeStageAfter = nil
        // On an error here or no thread, go on in line; the error comes back on the next write.
        guard (try? sink.flush()) != nil,
              let stage = WriteStage(sink: sink, committedEnd: state.committedEnd, recorded: recordedText) else { return }
        state.inLineEnd = state.committedEnd + sink.written
        state.pending = nil
        state.stage = stage
        // From now on the stage draws the ids of drafts that bring none, as
        // it encodes them: drawing and formatting them was a tenth of
        // validation's time. Validation never reads a new event's id (an
        // amendment reads its target's type and fact); the held-back last
        // event gets one in `write`.
        // (Ids are drawn as lines are written, here or by the stage.)
    }

    private mutating func handOff(to stage: WriteStage) throws {
        let block = state.filling
        state.filling = []
        state.retained.append(block)
        let landed = try stage.push(block)
        state.retained.removeAll { $0[$0.count - 1].seq <= landed }
    }

    /// Stops the stage, if any, without writing what it still holds (the batch is failing).
    func abandon() {
        state.stage?.abandon()
    }

    private mutating func write(_ e: inout Event, more: Bool, sink: inout BatchSink) throws {
        if e.id.isEmpty { e.id = uuids.next() }
        precondition(e.seq == sink.nextSeq)
        state.willWrite(seq: e.seq, at: state.committedEnd + sink.written)
        line.removeAll(keepingCapacity: true)
        LineWriter.encode(e, prev: sink.nextPrev, more: more, recorded: e.recorded == recordedText.0 ? recordedText.1 : nil, into: &line)
        try line.withUnsafeBytes { try sink.add($0) }
        if summary.count == 0 { summary.first = e }
        summary.count += 1
        // Only the batch's last line (no `more`) is the last event: no copy per line.
        if !more { summary.last = e }
        if collectIDs { summary.ids.append(e.id) }
        onWritten?(e)
    }

    /// The refusal of a given id the log already holds (as `#seq`, when known).
    static func alreadyInLog(_ id: String, seq: Int?) -> EventCodingError {
        EventCodingError(field: "id", problem: seq.map { Text(vi: "\(id) đã có trong sổ là #\($0)", en: "\(id) is already in the log as #\($0)") }
                                                ?? Text(vi: "\(id) đã có trong sổ", en: "\(id) is already in the log"),
                         fix: Text(vi: "mỗi sự kiện ghi một lần; bỏ id để ghi sự kiện mới", en: "an event is recorded once; omit id to record a new one"))
    }

    /// Ends the batch: with no bad line, checks the ids the lines gave
    /// against the log (`existing` returns the clashes) and writes the last
    /// event without `more`; otherwise throws every problem found.
    mutating func finish(sink: inout BatchSink, existing: (GivenIDTable) throws -> [LineProblem]) throws {
        if bad == 0 && !ids.isEmpty && knownIDs == nil {
            let clashes = try existing(ids)
            if let failure = ids.failure { throw failure }
            bad += clashes.count
            problems += clashes
        }
        if bad > 0 { throw StoreError.rejected(problems, total: bad) }
        if let stage = state.stage {
            if !state.filling.isEmpty { try handOff(to: stage) }
            sink = try stage.finish()
            state.stage = nil
            state.retained = []
        }
        if var held = state.held.take() { try write(&held, more: false, sink: &sink) }
    }
}
