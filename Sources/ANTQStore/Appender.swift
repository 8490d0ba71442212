import ANTQCodec
import ANTQDomain
import EventLog
import Hashing
import SystemCalls
import TextFormats

/// The result of a successful append: what was assigned and the new fingerprint.
public struct AppendReceipt: Sendable {
    public var events: [Event]
    public var fingerprint: Fingerprint
    public var recovered: LogWriter.Recovery?
}

/// One line of input to append, with where it came from for messages.
public struct DraftInput: Sendable {
    public var line: Int
    public var draft: Result<EventDraft, EventCodingError>

    public init(line: Int, draft: Result<EventDraft, EventCodingError>) {
        self.line = line
        self.draft = draft
    }
}

extension DataStore {
    /// How many bad lines a rejected batch reports before summarising.
    public static let problemCap = 100

    /// Validates every draft against the ledger at the end of the log and,
    /// only if all are valid, appends them as one atomic batch. One bad line
    /// means nothing is appended; every bad line is reported (up to the cap).
    ///
    /// - Parameter session: carries the ledger and the log's ids from one
    ///   append to the next in the same process (see `AppendSession`); nil
    ///   replays the log each time, as the CLI does.
    public func append(_ inputs: [DraftInput], file: String, defaultBy: String, expectSeq: Int? = nil,
                       session: AppendSession? = nil) throws(StoreError) -> AppendReceipt {
        var events: [Event] = []
        var next = inputs.makeIterator()
        let r = try appendBatch(next: { () throws(StoreError) -> DraftInput? in next.next() }, file: file, defaultBy: defaultBy,
                                expectSeq: expectSeq, session: session, onWritten: { events.append($0) },
                                sections: { tail in sectionsNeeded(by: inputs, tail: tail, session: session) })
        return AppendReceipt(events: events, fingerprint: r.fingerprint, recovered: r.recovered)
    }

    /// The streaming form of `append(_:file:…)`: drafts are pulled from
    /// `next` one at a time, validated and written as they come (as
    /// uncommitted `more` lines), so memory does not grow with the batch.
    /// The batch commits only when its last line is written and synced; a bad
    /// line, an id already in the log or any error cuts the file back to the
    /// committed end, leaving the log byte-for-byte as it was.
    ///
    /// - Parameter onWritten: sees each event as written (seq, prev and
    ///   `more` filled in); it is gone again if the batch is then rejected.
    /// - Parameter sections: the ledger sections the drafts' validation reads,
    ///   when the caller knows the drafts before streaming them (see
    ///   `sectionsNeeded`); nil loads the whole ledger.
    /// - Parameter fastPaths: false validates without the validator's
    ///   shortcuts (tests compare the two; the log must be the same).
    /// - Parameter writeStageAfter: after this many events, the rest of the
    ///   batch is encoded, chained and written on a second thread while the
    ///   next lines are validated (`WriteStage`; not with a `session` or
    ///   `onWritten`). nil writes every line in line (tests compare the two).
    public func appendBatch(next: () throws(StoreError) -> DraftInput?, file: String, defaultBy: String, expectSeq: Int? = nil,
                            session: AppendSession? = nil, onWritten: ((Event) -> Void)? = nil,
                            sections: ((LogTail) -> Set<LedgerSection>)? = nil, fastPaths: Bool = true,
                            writeStageAfter: Int? = 4096) throws(StoreError) -> BatchReceipt {
        try appendBatch(nextBlock: { (block: inout [DraftInput]) throws(StoreError) in
            block.removeAll(keepingCapacity: true)
            if let d = try next() { block.append(d) }
        }, file: file, defaultBy: defaultBy, expectSeq: expectSeq, session: session, onWritten: onWritten, sections: sections,
           fastPaths: fastPaths, writeStageAfter: writeStageAfter)
    }

    /// `appendBatch(next:…)` with the drafts pulled a block at a time:
    /// `nextBlock` replaces the block's drafts with the next ones and leaves
    /// it empty at the end (see `BatchReader.next(block:)`).
    public func appendBatch(nextBlock: (inout [DraftInput]) throws(StoreError) -> Void, file: String, defaultBy: String,
                            expectSeq: Int? = nil, session: AppendSession? = nil, onWritten: ((Event) -> Void)? = nil,
                            sections: ((LogTail) -> Set<LedgerSection>)? = nil, fastPaths: Bool = true,
                            writeStageAfter: Int? = 4096) throws(StoreError) -> BatchReceipt {
        let header = try self.header()
        try checkKey(against: header, required: true)
        let writer = LogWriter(layout: layout, key: chainKey, onRecovery: { [self] r in
            say(Text("cảnh báo: một lần ghi bị ngắt đã để lại \(r.bytes) byte (\(r.lines) dòng) ở cuối \(layout.logDisplayName); đã chuyển sang \(r.path)",
                     "warning: an interrupted append had left \(r.bytes) bytes (\(r.lines) line(s)) at the end of \(layout.logDisplayName); moved to \(r.path)"))
        })
        var summary = BatchSummary()
        var after: Ledger?
        do {
            let seconds = lockWaitNanoseconds.map { $0 / 1_000_000_000 } ?? 0
            let wait = LogWriter.LockWait(limitNanoseconds: lockWaitNanoseconds) { [self] in
                say(Text("ghi chú: một antq khác đang ghi vào sổ này; chờ xong" + (lockWaitNanoseconds == nil ? "" : " (tối đa \(seconds) giây)") + " …",
                         "note: another antq is writing to this log; waiting for it to finish" + (lockWaitNanoseconds == nil ? "" : " (up to \(seconds) s)") + " …"))
            }
            let receipt = try writer.append(expectSeq: expectSeq, wait: wait) { (tail: LogTail, sink: inout BatchSink) throws in
                // The state at the committed tail, under the lock.
                let fd = try FileDescriptor.open(layout.logPath, .readOnly)
                defer { try? fd.close() }
                let ledger: Ledger
                let anchor: ChainAnchor
                if let cached = session?.ledger(at: tail) {
                    (ledger, anchor) = cached
                } else {
                    let r = try self.replay(writeSnapshot: false, sections: sections?(tail) ?? Set(LedgerSection.allCases))
                    (ledger, anchor) = (r.ledger, r.anchor)
                    // Reading every id checks the whole chain: nothing before the snapshot is left unchecked.
                    if let session { session.reset(ledger, ids: try allIDs(fd: fd, end: tail.committedEnd)) }
                }
                var batch = BatchAppender(ledger: ledger, tail: tail, fd: fd, anchor: anchor, links: ChainLinks(key: chainKey),
                                          now: clock.now(), defaultBy: defaultBy, file: file,
                                          collectIDs: session != nil, knownIDs: session?.ids, onWritten: onWritten, fastPaths: fastPaths,
                                          writeStageAfter: writeStageAfter)
                // A failing batch stops the stage before the file is cut back.
                defer { batch.abandon() }
                var block: [DraftInput] = []
                while true {
                    try nextBlock(&block)
                    if block.isEmpty { break }
                    // Taken off the end of the reversed block, each draft is moved to validation,
                    // not copied (a copy retained and released every text and array in it).
                    block.withUnsafeMutableBufferPointer { $0.reverse() }
                    while let input = block.popLast() {
                        if !ledger.isComplete, case .success(let d) = input.draft {
                            precondition(d.type.spec.changesOnlyFlows, "a \(d.type.rawValue) needs the whole ledger")
                        }
                        try batch.take(input, sink: &sink)
                    }
                }
                // Without a session, the ids the lines gave are looked for in the log once, at the end.
                try batch.finish(sink: &sink) { (given: GivenIDTable) throws -> [LineProblem] in
                    try existingIDs(given, fd: fd, end: tail.committedEnd).sorted { $0.line < $1.line }.map {
                        LineProblem(file: file, line: $0.line, error: BatchAppender.alreadyInLog($0.id, seq: $0.seq))
                    }
                }
                summary = batch.summary
                after = batch.ledger
            }
            if let session, let after { session.remember(after, ids: summary.ids, tail: receipt.fingerprint) }
            let result = BatchReceipt(count: summary.count, first: summary.first, last: summary.last,
                                      fingerprint: receipt.fingerprint, recovered: receipt.recovery)
            if let after, after.isComplete { maybeSnapshotAfterAppend(after, receipt: receipt, count: summary.count) }
            return result
        } catch let e as StoreError {
            throw e
        } catch let e as LogWriter.WriteError {
            switch e {
            case .io(let err): throw .io(err)
            case .damaged(_, let reason): throw .damaged(file: layout.logDisplayName, line: nil, reason: StoreError.lastLineDamaged(reason))
            case .expectedSeq(let expected, let actual): throw .expectedSeq(expected: expected, actual: actual)
            case .lockBusy: throw .lockBusy
            }
        } catch let e as Errno {
            throw .io(e)
        } catch {
            throw .damaged(file: layout.logDisplayName, line: nil, reason: StoreError.reason(error))
        }
    }

    /// The parts of the ledger a batch's validation reads. Flow events
    /// (tips, cases, arrests, weapons, awards) are checked against the unit
    /// tree only, so a batch of them loads just that from the snapshot; any
    /// other event, a session (it keeps the ledger), or an append that will
    /// leave the interval's snapshot behind needs the whole ledger.
    public func sectionsNeeded(by inputs: [DraftInput], tail: LogTail, session: AppendSession?) -> Set<LedgerSection> {
        let all = Set(LedgerSection.allCases)
        guard session == nil, tail.lastSeq / snapshotInterval == (tail.lastSeq + inputs.count) / snapshotInterval else { return all }
        for input in inputs {
            guard case .success(let d) = input.draft, d.type.spec.changesOnlyFlows else { return all }
        }
        return [.base]
    }

    /// Ids already in the log, with their seq. Only run when a batch brings
    /// its own ids (e.g. a re-import of an export): antq's own ids are random
    /// UUIDs and need no check. Every line read is checked against the chain.
    func existingIDs(_ ids: GivenIDTable, fd: FileDescriptor, end: Int64) throws -> [(id: String, seq: Int, line: Int)] {
        var found: [(id: String, seq: Int, line: Int)] = []
        try forEachChainedEvent(fd: fd, end: end, links: try chainLinks(for: try header())) { e, _ in
            if let key = UUIDKey(e.id), let line = ids.line(of: key) { found.append((e.id, e.seq, line)) }
            return true
        }
        return found
    }

    /// Every id in the log (once per `AppendSession`), the chain checked as it is read.
    func allIDs(fd: FileDescriptor, end: Int64) throws -> Set<String> {
        var ids: Set<String> = []
        try forEachChainedEvent(fd: fd, end: end, links: try chainLinks(for: try header())) { e, _ in
            ids.insert(e.id)
            return true
        }
        return ids
    }

    /// Every `snapshotInterval` events, an append leaves a snapshot behind so
    /// reading commands replay only a short tail. The validator's ledger is
    /// already the state at the new end: no second replay.
    func maybeSnapshotAfterAppend(_ ledger: Ledger, receipt: LogWriter.Receipt, count: Int) {
        let lastSeq = receipt.fingerprint.seq
        guard count > 0, lastSeq / snapshotInterval != (lastSeq - count) / snapshotInterval, let c = ledger.log else { return }
        let projection = LedgerProjection()
        let r = ReplayResult(ledger: ledger, fingerprint: receipt.fingerprint, asOf: nil, periodStart: projection.start(for: ledger),
                             eventsReplayed: 0, snapshot: nil, endOffset: receipt.endOffset,
                             chain: chainKey.isKeyed ? .hmac : .sha256)
        do { _ = try saveSnapshot(r, logID: c.logID, projection: projection) } catch {
            say(Text("ghi chú: không ghi được ảnh chụp: \(error)", "note: could not write a snapshot: \(error)"))
        }
    }
}
