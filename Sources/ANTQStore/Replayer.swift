import Dispatch
import ANTQDomain
import EventLog
import Hashing
import SystemCalls
import TextFormats

/// What a reading command computed from, printed with every report.
public struct ReplayResult: Sendable {
    public var ledger: Ledger
    /// `SEQ:HASH` of the last event folded in.
    public var fingerprint: Fingerprint
    /// The knowledge instant asked for (`--as-of`), if any.
    public var asOf: UTCInstant?
    public var periodStart: MonthDay
    /// Events read from the log (the tail after the snapshot, or all).
    public var eventsReplayed: Int
    /// Snapshot used, if any.
    public var snapshot: String?
    /// Byte offset after the last folded line.
    public var endOffset: Int64
    /// How far the chain of the lines read was checked: every report says so.
    public var chain: ChainCheck
    /// Where the check began (the snapshot's line, or the start of the log):
    /// an earlier event looked up later must be checked up to here.
    public var anchor: ChainAnchor = .start
}

extension DataStore {
    /// Folds the log (from the newest valid snapshot, if allowed) up to the
    /// committed end, or up to the last event recorded at or before `asOf`.
    /// Streaming: memory does not grow with the log.
    ///
    /// - Parameter visit: sees every event folded after the snapshot, with
    ///   the ledger *before* it is applied (audit and verify use this).
    /// - Parameter visitsFlows: when given, `visit` sees only the flow events
    ///   it accepts, by the day they occurred and their numbers (and every other event); the rest are folded on every core
    ///   and the ledger's flow counters lag behind in the meantime (they are
    ///   whole again in the result). An audit of one flow figure needs only
    ///   the events that make it up. Without `.models` in `sections`, it
    ///   sees no model or camera events either.
    ///
    /// - Parameter sections: the parts of the ledger the caller reads. Fewer
    ///   sections load less of a snapshot (an append of flow events needs only
    ///   `.base`); a ledger missing any is never snapshotted. The tail after
    ///   the snapshot is folded whole either way, except that models are
    ///   folded only when `.models` is asked for.
    public func replay(asOf: UTCInstant? = nil, periodStart: MonthDay? = nil, useSnapshots: Bool = true,
                       writeSnapshot: Bool = true, sections: Set<LedgerSection> = Set(LedgerSection.allCases),
                       visit: ((Event, UnsafeRawBufferPointer, inout Ledger) throws -> Void)? = nil,
                       visitsFlows: (@Sendable (CivilDate, FlowAmount) -> Bool)? = nil) throws(StoreError) -> ReplayResult {
        let header = try self.header()
        guard case .logCreated(let created) = header.data else { throw .damaged(file: layout.logDisplayName, line: 1, reason: "no log.created") }
        let start = periodStart ?? created.periodStart
        let links = try chainLinks(for: header)
        if links.check == .notChecked {
            note("note: this keyed log is read without its key: its hash chain is NOT checked (give --key-file or set ANTQ_KEY_FILE to check it)")
        }
        let projection = LedgerProjection(periodStart: periodStart, includesModels: sections.contains(.models))
        let fd: FileDescriptor
        do { fd = try FileDescriptor.open(layout.logPath, .readOnly) } catch { throw .io(error) }
        defer { try? fd.close() }
        let tail: LogTail
        do { tail = try LogTail.scan(fd) } catch {
            switch error {
            case .io(let e): throw .io(e)
            case .damagedLastLine(_, let reason): throw .damaged(file: layout.logDisplayName, line: nil, reason: "the last line is damaged (\(reason)); run 'antq verify'")
            }
        }
        warnAboutUnfinishedTail(fd, tail)

        // A snapshot found damaged once its pieces are read is left out and
        // the tail folded again from an earlier one (or from the start).
        var excluded: Set<String> = []
        var folded: Folded
        while true {
            switch try foldTail(fd: fd, tail: tail, created: created, start: start, projection: projection, asOf: asOf, links: links,
                                useSnapshots: useSnapshots, writeSnapshot: writeSnapshot, sections: sections, excluding: excluded,
                                visit: visit, visitsFlows: visitsFlows) {
            case .folded(let f):
                folded = f
            case .snapshotRejected(let path, let why):
                note("note: snapshot \(path.split(separator: "/").last.map(String.init) ?? path) ignored: \(why)")
                excluded.insert(path)
                continue
            }
            break
        }
        let ledger = folded.ledger, lastSeq = folded.lastSeq, lastHash = folded.lastHash
        let replayed = folded.replayed, snapshotPath = folded.snapshotPath, endOffset = folded.endOffset, anchor = folded.anchor
        let result = ReplayResult(ledger: ledger, fingerprint: Fingerprint(seq: lastSeq, hash: lastHash), asOf: asOf,
                                  periodStart: start, eventsReplayed: replayed, snapshot: snapshotPath, endOffset: endOffset,
                                  chain: links.check, anchor: anchor)
        // A snapshot is only ever written from a replay whose chain was checked.
        if writeSnapshot && ledger.isComplete && asOf == nil && replayed >= snapshotInterval && lastSeq > 0 && links.check != .notChecked {
            // Reading commands keep the cache warm; failure (read-only directory) is only a note.
            do { _ = try saveSnapshot(result, logID: created.logID, projection: projection) } catch {
                note("note: could not write a snapshot: \(error)")
            }
        }
        return result
    }

    private struct Folded {
        var ledger: Ledger
        var lastSeq: Int
        var lastHash: SHA256Digest
        var replayed: Int
        var snapshotPath: String?
        var endOffset: Int64
        var anchor: ChainAnchor
    }

    private enum FoldAttempt {
        case folded(Folded)
        /// The snapshot used turned out damaged once its pieces were read.
        case snapshotRejected(path: String, SnapshotStore.Rejection)
    }

    /// One attempt at `replay`'s fold: the newest usable snapshot not in
    /// `excluded` (if allowed), then the log after it.
    private func foldTail(fd: FileDescriptor, tail: LogTail, created: LogCreated, start: MonthDay, projection: LedgerProjection,
                          asOf: UTCInstant?, links: ChainLinks, useSnapshots: Bool, writeSnapshot: Bool, sections: Set<LedgerSection>,
                          excluding excluded: Set<String>, visit: ((Event, UnsafeRawBufferPointer, inout Ledger) throws -> Void)?,
                          visitsFlows: (@Sendable (CivilDate, FlowAmount) -> Bool)?) throws(StoreError) -> FoldAttempt {
        var ledger = projection.initial
        if !projection.includesModels { ledger.sections.remove(.models) }
        var from: Int64 = 0
        var firstLine = 1
        var lastHash: SHA256Digest = .zero
        var lastSeq = 0
        // Line 1 records 64 zeros as prev; after a snapshot, the tail's first
        // line must follow the line the snapshot covers.
        var join = ChainJoin(after: 0, link: links.key == nil ? nil : .zero)
        var anchor = ChainAnchor.start
        var snapshotPath: String?
        var snapshotLoad: UInt64 = 0
        // The snapshot's pieces are decoded on the cores together with the
        // first block of the tail after it (which does not depend on them):
        // one after the other, each left a core idle part of the time.
        var pending: PendingLoad?
        var rejection: SnapshotStore.Rejection?
        /// Takes the snapshot over once its jobs have run (`ran`: alongside
        /// the first block; otherwise they run now); false if it is refused.
        func settle(ran: Bool) -> Bool {
            guard let p = pending else { return true }
            pending = nil
            let t0 = DispatchTime.now().uptimeNanoseconds
            do throws(SnapshotStore.Rejection) {
                ledger = try (ran ? p.finish() : p.decode()).ledger
            } catch {
                rejection = error
                return false
            }
            snapshotLoad += DispatchTime.now().uptimeNanoseconds - t0
            return true
        }
        let snapshots = SnapshotStore(layout: layout)
        if useSnapshots && visit == nil {
            for path in snapshots.candidates(version: projection.version, periodStart: start) where !excluded.contains(path) {
                do {
                    let p = try snapshots.prepare(path) { h in
                        // A tail long enough for this replay to leave a
                        // snapshot behind: a snapshot needs every section.
                        sections.contains(.models) && writeSnapshot && asOf == nil && tail.lastSeq - h.seq >= snapshotInterval
                            ? Set(LedgerSection.allCases) : sections
                    }
                    let link = try check(p.header, logID: created.logID, tail: tail, fd: fd, asOf: asOf, projection: projection, links: links)
                    join = ChainJoin(after: p.header.seq, link: link)
                    anchor = ChainAnchor(seq: p.header.seq, offset: p.header.offset, link: link)
                    pending = p
                    from = p.header.offset
                    firstLine = p.header.seq + 1
                    lastHash = p.header.lineHash
                    lastSeq = p.header.seq
                    snapshotPath = path
                    break
                } catch SnapshotStore.Rejection.notApplicable {
                    // Sound, just newer than --as-of: an earlier one or a full replay serves.
                    continue
                } catch {
                    note("note: snapshot \(path.split(separator: "/").last.map(String.init) ?? path) ignored: \(error)")
                }
            }
        }
        var replayed = 0
        var lastLineOffset: Int64 = -1
        var lastLineLength = 0
        var endOffset = from
        var failure: StoreError?
        var parallel = decoding
        parallel.chain = links.key
        let fold = ParallelFold(decoder: parallel, start: start,
                                mode: .replay(asOf: asOf, keep: visitsFlows, models: projection.includesModels, links: links))
        var timing = (decode: UInt64(0), fold: UInt64(0))
        defer {
            if Environment.value("ANTQ_PROFILE") != nil {
                // A snapshot decoded with the tail's first block: that block's time is in both figures.
                note("profile: snapshot load \(snapshotLoad / 1_000_000) ms, decode \(timing.decode / 1_000_000) ms, fold \(timing.fold / 1_000_000) ms")
            }
        }
        do {
            try ChunkStream(chunkSize: replayBlockSize).forEachChunk(in: fd, from: from, to: tail.committedEnd, firstLineNumber: firstLine) { chunk -> Int? in
                var lineNumber = chunk.firstLine
                let t0 = DispatchTime.now().uptimeNanoseconds
                if visit == nil || visitsFlows != nil {
                    // Flows folded on every core, the rest here in order.
                    let parts = fold.fold(chunk.bytes, alongside: pending)
                    let t1 = DispatchTime.now().uptimeNanoseconds
                    if pending != nil {
                        snapshotLoad = t1 - t0
                        guard settle(ran: true) else { return nil }
                    }
                    defer { timing.decode += t1 - t0; timing.fold += DispatchTime.now().uptimeNanoseconds - t1 }
                    for (k, part) in parts.enumerated() {
                        if let broken = join.join(part.chain) {
                            failure = chainFailure(broken, foundAt: lineNumber, links: links)
                            return nil
                        }
                        for (index, e, start, length) in part.events {
                            if let visit {
                                do { try visit(e, UnsafeRawBufferPointer(rebasing: chunk.bytes[start..<(start + length)]), &ledger) } catch {
                                    failure = error as? StoreError ?? .damaged(file: layout.logDisplayName, line: lineNumber + index, reason: "\(error)")
                                    return nil
                                }
                            }
                            projection.apply(e, to: &ledger)
                        }
                        if let last = part.last {
                            ledger.lastSeq = last.seq
                            ledger.lastRecorded = last.recorded
                            lastSeq = last.seq
                            lastLineOffset = chunk.offset + Int64(last.start)
                            lastLineLength = last.length
                            endOffset = lastLineOffset + Int64(last.length) + 1
                        }
                        replayed += part.lines
                        if let (index, error) = part.failure {
                            failure = .damaged(file: layout.logDisplayName, line: lineNumber + index, reason: "\(error)")
                            return nil
                        }
                        if let (index, broken) = part.chainBreak {
                            failure = chainFailure(broken, foundAt: lineNumber + index, links: links)
                            return nil
                        }
                        if part.reachedAsOf {
                            // The later parts of this block folded events recorded after --as-of.
                            for later in parts[(k + 1)...] { fold.undo(later, in: chunk.bytes) }
                            return nil
                        }
                        lineNumber += part.lines
                    }
                } else {
                    let parts = parallel.decode(chunk.bytes)
                    let t1 = DispatchTime.now().uptimeNanoseconds
                    defer { timing.decode += t1 - t0; timing.fold += DispatchTime.now().uptimeNanoseconds - t1 }
                    for part in parts {
                        for (i, r) in part.results.enumerated() {
                            let number = lineNumber + i
                            let e: Event
                            switch r {
                            case .success(let event): e = event
                            case .failure(let error):
                                failure = .damaged(file: layout.logDisplayName, line: number, reason: "\(error)")
                                return nil
                            }
                            let (start, length) = part.spans[i]
                            if let asOf, e.recorded > asOf { return nil }
                            if let broken = join.add(seq: e.seq, prev: e.prev, link: links.key == nil ? nil : part.links[i]) {
                                failure = chainFailure(broken, foundAt: number, links: links)
                                return nil
                            }
                            let bytes = UnsafeRawBufferPointer(rebasing: chunk.bytes[start..<(start + length)])
                            do { try visit?(e, bytes, &ledger) } catch {
                                failure = error as? StoreError ?? .damaged(file: layout.logDisplayName, line: number, reason: "\(error)")
                                return nil
                            }
                            projection.apply(e, to: &ledger)
                            replayed += 1
                            lastSeq = e.seq
                            lastLineOffset = chunk.offset + Int64(start)
                            lastLineLength = length
                            endOffset = lastLineOffset + Int64(length) + 1
                        }
                        lineNumber += part.results.count
                    }
                }
                if let progress { progress(chunk.offset + Int64(chunk.bytes.count), tail.committedEnd) }
                return lineNumber - chunk.firstLine
            }
        } catch let e as LineStream.StreamError {
            switch e {
            case .io(let err): throw .io(err)
            case .lineTooLong(let n, _, let limit): throw .damaged(file: layout.logDisplayName, line: n, reason: "line longer than \(limit) bytes")
            }
        } catch {
            throw .damaged(file: layout.logDisplayName, line: nil, reason: "\(error)")
        }
        progress?(tail.committedEnd, tail.committedEnd)
        _ = settle(ran: false)
        if let rejection { return .snapshotRejected(path: snapshotPath!, rejection) }
        if let failure { throw failure }
        // The flow events the workers folded, once for the whole replay.
        ledger.flows.merge(fold.takeFoldedFlows())
        fold.mergeFoldedCameras(into: &ledger.models)
        if lastLineOffset >= 0, links.check == .sha256, let link = join.lastLink {
            lastHash = link
        } else if lastLineOffset >= 0 {
            do {
                let bytes = try fd.readAll(fromAbsoluteOffset: lastLineOffset, count: lastLineLength)
                lastHash = SHA256.hash(bytes)
            } catch { throw .io(error) }
        }
        return .folded(Folded(ledger: ledger, lastSeq: lastSeq, lastHash: lastHash, replayed: replayed, snapshotPath: snapshotPath, endOffset: endOffset,
                               anchor: anchor))
    }

    /// Writes a snapshot of a replay result.
    public func saveSnapshot(_ r: ReplayResult, logID: String, projection: LedgerProjection) throws(StoreError) -> String {
        precondition(r.ledger.isComplete, "a ledger loaded without some of its sections is never snapshotted")
        let h = SnapshotStore.Header(projection: projection.name, version: projection.version, periodStart: r.periodStart, logID: logID,
                                     seq: r.fingerprint.seq, offset: r.endOffset, lineHash: r.fingerprint.hash,
                                     lastRecorded: r.ledger.lastRecorded)
        do { return try SnapshotStore(layout: layout).write(r.ledger, header: h, keep: snapshotsKept) } catch { throw .io(error) }
    }

    /// Checks that a snapshot belongs to this log as it is now, and returns
    /// the link of the line it covers (for the tail's first line to follow),
    /// nil when the links cannot be computed.
    private func check(_ h: SnapshotStore.Header, logID: String, tail: LogTail, fd: FileDescriptor, asOf: UTCInstant?,
                       projection: LedgerProjection, links: ChainLinks) throws(SnapshotStore.Rejection) -> SHA256Digest? {
        guard h.projection == projection.name, h.version == projection.version else {
            throw .mismatch("it is of projection \(h.projection) v\(h.version), not \(projection.name) v\(projection.version)")
        }
        guard h.logID == logID else { throw .mismatch("it belongs to another log (\(h.logID))") }
        guard h.seq <= tail.lastSeq, h.offset <= tail.committedEnd else {
            throw .mismatch("it covers seq \(h.seq), past the end of the log (\(tail.lastSeq))")
        }
        if let asOf, let r = h.lastRecorded, r > asOf { throw .notApplicable }
        // The covered line must be the same bytes as when the snapshot was taken.
        let lineStart: Int64
        do {
            var cursor = h.offset - 2
            let window = try fd.readAll(fromAbsoluteOffset: max(0, h.offset - 65536), count: Int(min(h.offset, 65536)))
            guard window.last == 0x0A else { throw SnapshotStore.Rejection.mismatch("its offset is not at a line end") }
            if let nl = window.dropLast().lastIndex(of: 0x0A) {
                lineStart = max(0, h.offset - 65536) + Int64(nl) + 1
            } else {
                lineStart = max(0, h.offset - 65536)
            }
            cursor = lineStart
            let line = try fd.readAll(fromAbsoluteOffset: cursor, count: Int(h.offset - 1 - cursor))
            guard SHA256.hash(line) == h.lineHash else {
                throw SnapshotStore.Rejection.mismatch("line \(h.seq) of the log is not what it was when the snapshot was taken")
            }
            if case .keyed? = links.key { return line.withUnsafeBytes { links.link(for: $0) } }
            return links.key == nil ? nil : h.lineHash
        } catch let e as SnapshotStore.Rejection {
            throw e
        } catch {
            throw .unreadable("the log could not be read: \(error)")
        }
    }

    /// Readers ignore a crash leftover at the end of the log; they say so
    /// unless a writer is busy appending right now (then it is not a leftover).
    public func warnAboutUnfinishedTail(_ fd: FileDescriptor, _ tail: LogTail) {
        guard tail.hasUncommittedBytes else { return }
        if (try? fd.lock(.shared, wait: false)) == true {
            try? fd.unlock()
            note("warning: \(layout.logDisplayName) ends with \(tail.fileSize - tail.committedEnd) bytes of an unfinished batch (\(tail.unfinishedLines) whole line(s)) left by an interrupted append; they are not part of the log and the next append moves them aside")
        }
    }
}

extension DataStore {
    /// What a reader can check of this log's chain: SHA-256 links in a plain
    /// log; HMAC links in a keyed log when the reader has the key (which
    /// must be the log's own); only `seq` in a keyed log read without it.
    func chainLinks(for header: Event) throws(StoreError) -> ChainLinks {
        guard case .logCreated(let c) = header.data, c.keyID != nil else {
            if key != nil { note("note: this log is not keyed; the key file is not used (its chain is checked with SHA-256)") }
            return .plain
        }
        guard key != nil else { return ChainLinks(key: nil) }
        try checkKey(against: header, required: true)
        return ChainLinks(key: chainKey)
    }

    /// The error a reader gives for a line that does not continue the chain.
    func chainFailure(_ broken: ChainBreak, foundAt line: Int, links: ChainLinks) -> StoreError {
        .brokenChain(broken, foundAt: line, file: layout.logDisplayName, keyed: links.check == .hmac)
    }
}
