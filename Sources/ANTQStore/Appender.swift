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
        let header = try self.header()
        try checkKey(against: header, required: true)
        let writer = LogWriter(layout: layout, key: chainKey, onRecovery: { [note, layout] r in
            note("warning: an interrupted append had left \(r.bytes) bytes (\(r.lines) line(s)) at the end of \(layout.logDisplayName); moved to \(r.path)")
        })
        var accepted: [Event] = []
        var after: Ledger?
        do {
            let receipt = try writer.append(expectSeq: expectSeq) { (tail: LogTail, sink: inout BatchSink) throws in
                // The state at the committed tail, under the lock.
                let fd = try FileDescriptor.open(layout.logPath, .readOnly)
                defer { try? fd.close() }
                let ledger: Ledger
                if let cached = session?.ledger(at: tail) {
                    ledger = cached
                } else {
                    ledger = try self.replay(writeSnapshot: false, sections: sectionsNeeded(by: inputs, tail: tail, session: session)).ledger
                    if let session { session.reset(ledger, ids: try allIDs(fd: fd, end: tail.committedEnd)) }
                }
                let lookup = EventLookup(fd: fd, end: tail.committedEnd)
                let now = clock.now()
                var validator = Validator(ledger: ledger, now: now, today: Clock.vietnamDay(of: now), defaultBy: defaultBy,
                                          lookup: { try lookup.event(seq: $0) })
                var problems: [LineProblem] = []
                var bad = 0
                for input in inputs {
                    switch input.draft {
                    case .failure(let e):
                        bad += 1
                        if problems.count < DataStore.problemCap { problems.append(LineProblem(file: file, line: input.line, error: e)) }
                    case .success(let d):
                        do { _ = try validator.accept(d) } catch {
                            bad += 1
                            if problems.count < DataStore.problemCap { problems.append(LineProblem(file: file, line: input.line, error: error as? EventCodingError ?? EventCodingError(field: nil, problem: "\(error)"))) }
                        }
                    }
                }
                if bad == 0 {
                    let given = Dictionary(inputs.enumerated().compactMap { i, input -> (String, Int)? in
                        if case .success(let d) = input.draft, let id = d.id { return (id, input.line) }
                        return nil
                    }, uniquingKeysWith: { a, _ in a })
                    if let session, !given.isEmpty {
                        for id in given.keys.sorted() where session.ids.contains(id) {
                            bad += 1
                            problems.append(LineProblem(file: file, line: given[id]!, error: EventCodingError(
                                field: "id", problem: "\(id) is already in the log", fix: "an event is recorded once; omit id to record a new one")))
                        }
                    } else if !given.isEmpty {
                        for (id, seq) in try existingIDs(Set(given.keys), fd: fd, end: tail.committedEnd) {
                            bad += 1
                            problems.append(LineProblem(file: file, line: given[id]!, error: EventCodingError(
                                field: "id", problem: "\(id) is already in the log as #\(seq)", fix: "an event is recorded once; omit id to record a new one")))
                        }
                    }
                }
                if bad > 0 { throw StoreError.rejected(problems, total: bad) }
                accepted = validator.accepted
                for i in accepted.indices {
                    accepted[i].prev = sink.nextPrev
                    accepted[i].more = i < accepted.count - 1
                    precondition(accepted[i].seq == sink.nextSeq)
                    try sink.add(EventEncoder.encode(accepted[i]))
                }
                after = validator.ledger
            }
            if let session, let after { session.remember(after, ids: accepted.map(\.id), tail: receipt.fingerprint) }
            if let r = receipt.recovery { _ = r }
            let result = AppendReceipt(events: accepted, fingerprint: receipt.fingerprint, recovered: receipt.recovery)
            if let after, after.isComplete { maybeSnapshotAfterAppend(after, receipt: receipt, count: accepted.count) }
            return result
        } catch let e as StoreError {
            throw e
        } catch let e as LogWriter.WriteError {
            switch e {
            case .io(let err): throw .io(err)
            case .damaged(_, let reason): throw .damaged(file: layout.logDisplayName, line: nil, reason: "the last line is damaged (\(reason)); run 'antq verify'")
            case .expectedSeq(let expected, let actual): throw .expectedSeq(expected: expected, actual: actual)
            case .lockBusy: throw .lockBusy
            }
        } catch let e as Errno {
            throw .io(e)
        } catch {
            throw .damaged(file: layout.logDisplayName, line: nil, reason: "\(error)")
        }
    }

    /// The parts of the ledger a batch's validation reads. Flow events
    /// (tips, cases, arrests, weapons, awards) are checked against the unit
    /// tree only, so a batch of them loads just that from the snapshot; any
    /// other event, a session (it keeps the ledger), or an append that will
    /// leave the interval's snapshot behind needs the whole ledger.
    func sectionsNeeded(by inputs: [DraftInput], tail: LogTail, session: AppendSession?) -> Set<LedgerSection> {
        let all = Set(LedgerSection.allCases)
        guard session == nil, tail.lastSeq / snapshotInterval == (tail.lastSeq + inputs.count) / snapshotInterval else { return all }
        for input in inputs {
            guard case .success(let d) = input.draft, LedgerProjection.changesOnlyFlows(d.type) else { return all }
        }
        return [.base]
    }

    /// Ids already in the log, with their seq. Only run when a batch brings
    /// its own ids (e.g. a re-import of an export): antq's own ids are random
    /// UUIDs and need no check.
    func existingIDs(_ ids: Set<String>, fd: FileDescriptor, end: Int64) throws -> [(String, Int)] {
        var found: [(String, Int)] = []
        try LineStream().forEachLine(in: fd, to: end) { (line: LineStream.Line) -> Bool in
            if let e = try? EventDecoder.decode(line.bytes), ids.contains(e.id) { found.append((e.id, e.seq)) }
            return true
        }
        return found
    }

    /// Every id in the log (once per `AppendSession`).
    func allIDs(fd: FileDescriptor, end: Int64) throws -> Set<String> {
        var ids: Set<String> = []
        try LineStream().forEachLine(in: fd, to: end) { (line: LineStream.Line) -> Bool in
            if let e = try? EventDecoder.decode(line.bytes) { ids.insert(e.id) }
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
                             eventsReplayed: 0, snapshot: nil, endOffset: receipt.endOffset)
        do { _ = try saveSnapshot(r, logID: c.logID, projection: projection) } catch {
            note("note: could not write a snapshot: \(error)")
        }
    }
}
