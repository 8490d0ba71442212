import ANTQCodec
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
    /// Records of declared indicators the cores folded rather than the
    /// in-order fold (tests show which way the replay went).
    var recordsFoldedOnCores = 0
}

extension DataStore {
    /// Folds the log (from the newest valid snapshot, if allowed) up to the
    /// committed end, or up to the last event recorded at or before `asOf`.
    /// Streaming: memory does not grow with the log.
    ///
    /// - Parameter visit: sees every event folded after the snapshot, with
    ///   the ledger *before* it is applied (audit and verify use this).
    /// - Parameter visitsFlows: when given, `visit` sees only the flow events
    ///   it accepts (and every other event); the rest are folded on every core.
    ///   With `flowDays`, it is asked only about flows on those days: the
    ///   others are no part of any figure this replay folds.
    /// - Parameter sections: the parts of the ledger the caller reads. Fewer
    ///   sections load less of a snapshot; a ledger missing any is never snapshotted.
    /// - Parameter flowDays: fold only the flows of facts that occurred on
    ///   these days (a period not made of whole months): no snapshot is read
    ///   or written, since a snapshot holds every day's flows.
    /// - Parameter visitReadsLines: false when `visit` does not read the
    ///   line it is given (it then gets an empty one): without `asOf`, the
    ///   replay may then show it each block on the thread that applies the
    ///   block while the next is read (`InOrderFold`).
    public func replay(asOf: UTCInstant? = nil, periodStart: MonthDay? = nil, useSnapshots: Bool = true,
                       writeSnapshot: Bool = true, sections: Set<LedgerSection> = Set(LedgerSection.allCases),
                       flowDays: ClosedRange<CivilDate>? = nil,
                       visit: ((Event, UnsafeRawBufferPointer, inout Ledger) throws -> Void)? = nil,
                       visitsFlows: (@Sendable (Event) -> Bool)? = nil, visitReadsLines: Bool = true) throws(StoreError) -> ReplayResult {
        let header = try self.header()
        guard let created = header.data.logCreated else {
            throw .damaged(file: layout.logDisplayName, line: 1, reason: Text("dòng đầu không phải log.created", "no log.created"))
        }
        let start = periodStart ?? created.periodStart
        let links = try chainLinks(for: header)
        if links.check == .notChecked {
            say(Self.chainNotChecked)
        }
        let projection = LedgerProjection(periodStart: periodStart, includesModels: sections.contains(.models), flowDays: flowDays)
        let fd: FileDescriptor
        do { fd = try FileDescriptor.open(layout.logPath, .readOnly) } catch { throw .io(error) }
        defer { try? fd.close() }
        let tail: LogTail
        do { tail = try LogTail.scan(fd) } catch {
            switch error {
            case .io(let e): throw .io(e)
            case .damagedLastLine(_, let reason): throw .damaged(file: layout.logDisplayName, line: nil, reason: StoreError.lastLineDamaged(reason))
            }
        }
        warnAboutUnfinishedTail(fd, tail)
        let snapshots = useSnapshots && flowDays == nil
        func load() -> LoadedSnapshot? {
            snapshots && visit == nil ? loadSnapshot(fd: fd, tail: tail, created: created, start: start, projection: projection,
                                                     asOf: asOf, links: links, writeSnapshot: writeSnapshot, sections: sections) : nil
        }
        var loaded = load()
        // Nil when a block changed how records fold while the cores folded them: then every record in log order,
        // from the snapshot loaded again (the first fold took its ledger).
        var tried = try foldTail(fd: fd, tail: tail, start: start, projection: projection, asOf: asOf, links: links, from: &loaded,
                                 visit: visit, visitsFlows: visitsFlows, visitReadsLines: visitReadsLines, indicatorsOnWorkers: true)
        if tried == nil {
            loaded = load()
            tried = try foldTail(fd: fd, tail: tail, start: start, projection: projection, asOf: asOf, links: links, from: &loaded,
                                 visit: visit, visitsFlows: visitsFlows, visitReadsLines: visitReadsLines, indicatorsOnWorkers: false)
        }
        guard let folded = tried else { preconditionFailure("a fold with every record in log order never asks to fold again") }
        let result = ReplayResult(ledger: folded.ledger, fingerprint: Fingerprint(seq: folded.lastSeq, hash: folded.lastHash), asOf: asOf,
                                  periodStart: start, eventsReplayed: folded.replayed, snapshot: loaded?.path, endOffset: folded.endOffset,
                                  chain: links.check, anchor: loaded?.anchor ?? .start, recordsFoldedOnCores: folded.recordsFoldedOnCores)
        // A snapshot is only ever written from a replay whose chain was checked, over every day's flows.
        if writeSnapshot && folded.ledger.isComplete && asOf == nil && flowDays == nil && folded.replayed >= snapshotInterval
            && folded.lastSeq > 0 && links.check != .notChecked {
            // Reading commands keep the cache warm; failure (read-only directory) is only a note.
            do { _ = try saveSnapshot(result, logID: created.logID, projection: projection) } catch {
                say(Text("ghi chú: không ghi được ảnh chụp: \(error)", "note: could not write a snapshot: \(error)"))
            }
        }
        return result
    }

    /// A snapshot loaded, where its line lies and how its chain continues.
    struct LoadedSnapshot {
        var ledger: Ledger
        var header: SnapshotStore.Header
        var path: String
        var anchor: ChainAnchor
    }

    /// The newest usable snapshot, loaded; nil for a replay from the start.
    /// A snapshot that does not belong to the log as it is now, or whose
    /// pieces are damaged, is passed over with a note.
    func loadSnapshot(fd: FileDescriptor, tail: LogTail, created: LogCreated, start: MonthDay, projection: LedgerProjection,
                      asOf: UTCInstant?, links: ChainLinks, writeSnapshot: Bool, sections: Set<LedgerSection>) -> LoadedSnapshot? {
        let store = SnapshotStore(layout: layout)
        for path in store.candidates(version: projection.version, periodStart: start) {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            do {
                let pending = try store.prepare(path) { h in
                    // A tail long enough for this replay to leave a snapshot behind: a snapshot needs every section.
                    sections.contains(.models) && writeSnapshot && asOf == nil && tail.lastSeq - h.seq >= snapshotInterval
                        ? Set(LedgerSection.allCases) : sections
                }
                let link = try check(pending.header, logID: created.logID, tail: tail, fd: fd, asOf: asOf, projection: projection, links: links)
                var ledger = try pending.decode().ledger
                if !projection.includesModels { ledger.sections.remove(.models) }
                return LoadedSnapshot(ledger: ledger, header: pending.header, path: path,
                                      anchor: ChainAnchor(seq: pending.header.seq, offset: pending.header.offset, link: link))
            } catch SnapshotStore.Rejection.notApplicable {
                // Sound, just newer than --as-of: an earlier one or a full replay serves.
                continue
            } catch {
                let why = (error as? SnapshotStore.Rejection)?.text ?? Text("\(error)", "\(error)")
                say(Text("ghi chú: bỏ qua ảnh chụp \(name): \(why.vi)", "note: snapshot \(name) ignored: \(why.en)"))
            }
        }
        return nil
    }

    private struct Folded {
        var ledger: Ledger
        var lastSeq: Int
        var lastHash: SHA256Digest
        var replayed: Int
        var endOffset: Int64
        var recordsFoldedOnCores: Int
    }

    /// The log after the snapshot (or all of it), read in blocks: each block's
    /// lines read and chain-checked on every core, flows folded there, the
    /// other events folded here in log order.
    ///
    /// Records of declared flow indicators are folded on the cores too, with
    /// the shapes (decimals, dimensions) declared before their block. A block
    /// that changes the shape of an indicator whose records the cores folded
    /// (possible only once all its records were taken back) is rare enough
    /// that this returns nil: the caller folds the tail again, every record
    /// in log order (`indicatorsOnWorkers` false, without progress reports:
    /// the bar does not go back). Without a visitor only: one must see each
    /// event once.
    private func foldTail(fd: FileDescriptor, tail: LogTail, start: MonthDay, projection: LedgerProjection, asOf: UTCInstant?,
                          links: ChainLinks, from snapshot: inout LoadedSnapshot?,
                          visit: ((Event, UnsafeRawBufferPointer, inout Ledger) throws -> Void)?,
                          visitsFlows: (@Sendable (Event) -> Bool)?, visitReadsLines: Bool,
                          indicatorsOnWorkers: Bool) throws(StoreError) -> Folded? {
        // The snapshot's ledger is taken, not shared: the fold's first change to a
        // table shared with it would copy the whole table (every model, every flow row).
        var initial = projection.initial
        if snapshot != nil { swap(&initial, &snapshot!.ledger) }
        if !projection.includesModels { initial.sections.remove(.models) }
        let declaredBefore = initial.catalogue
        let from = snapshot?.header.offset ?? 0
        let firstLine = (snapshot?.header.seq ?? 0) + 1
        var lastHash = snapshot?.header.lineHash ?? .zero
        // Line 1 records 64 zeros as prev; after a snapshot, the tail's first
        // line must follow the line the snapshot covers.
        let firstJoin = snapshot.map { ChainJoin(after: $0.header.seq, link: $0.anchor.link) } ?? ChainJoin(after: 0, link: links.key == nil ? nil : .zero)
        let inOrder = InOrderFold(ledger: consume initial, join: firstJoin, lastSeq: snapshot?.header.seq ?? 0, endOffset: from, projection: projection,
                                  fileName: layout.logDisplayName) { [self] broken, line in chainFailure(broken, foundAt: line, links: links) }
        let parallel = decoding
        // A visitor that sees every event (`visit` without `visitsFlows`)
        // keeps every event, models included, out of the workers' tables:
        // the same loop then hands it each one in log order.
        let seesEverything = visit != nil && visitsFlows == nil
        let keep: (@Sendable (Event) -> Bool)? = seesEverything ? { @Sendable _ in true } : visitsFlows
        let fold = ParallelFold(decoder: parallel, projection: projection, start: start,
                                mode: .replay(asOf: asOf, keep: keep, models: seesEverything || projection.includesModels, links: links,
                                              keepsAll: seesEverything))
        // See `InOrderFold`: only a plain replay applies a block while the next is read.
        let overlapped = asOf == nil && (visit == nil || !visitReadsLines)
        var shapes = ShapesBeforeBlock(declaredBefore, on: indicatorsOnWorkers && visit == nil)
        var refolds = false
        do {
            defer { inOrder.finish() }
            try ChunkStream(chunkSize: replayBlockSize).forEachChunk(in: fd, from: from, to: tail.committedEnd, firstLineNumber: firstLine) { chunk -> Int? in
                // Flows folded on every core, the rest in order.
                let parts = fold.fold(chunk.bytes, indicators: shapes.flows)
                guard shapes.learn(from: parts, fold: fold) else {
                    refolds = true
                    return nil
                }
                let going = overlapped
                    ? inOrder.handOver(parts, offset: chunk.offset, firstLine: chunk.firstLine, visit: visit)
                    : inOrder.apply(parts, offset: chunk.offset, firstLine: chunk.firstLine, bytes: chunk.bytes, fold: fold, visit: visit)
                guard going else { return nil }
                if indicatorsOnWorkers, let progress { progress(chunk.offset + Int64(chunk.bytes.count), tail.committedEnd) }
                return parts.reduce(0) { $0 + $1.lines }
            }
        } catch let e as LineStream.StreamError {
            // A block applied in order failed before the read that failed after it: the earlier line is the one to name.
            if let f = inOrder.failure { throw f }
            switch e {
            case .io(let err): throw .io(err)
            case .lineTooLong(let n, _, let limit): throw .damaged(file: layout.logDisplayName, line: n, reason: StoreError.lineTooLong(limit))
            }
        } catch {
            if let f = inOrder.failure { throw f }
            throw .damaged(file: layout.logDisplayName, line: nil, reason: StoreError.reason(error))
        }
        if refolds { return nil }
        // Taken, not copied (see above): the merges below change its tables.
        var ledger = inOrder.takeLedger()
        let failure = inOrder.failure, lastSeq = inOrder.lastSeq, replayed = inOrder.replayed, endOffset = inOrder.endOffset
        let lastLineOffset = inOrder.lastLineOffset, lastLineLength = inOrder.lastLineLength, join = inOrder.join
        progress?(tail.committedEnd, tail.committedEnd)
        if let failure { throw failure }
        // The flow events the workers folded, once for the whole replay.
        ledger.flows.merge(fold.takeFoldedFlows())
        let recordsFoldedOnCores = fold.recordsFolded
        fold.mergeFoldedRecordCounts(into: &ledger.catalogue)
        fold.mergeFoldedCameras(into: &ledger.models)
        if lastLineOffset >= 0, links.check == .sha256, let link = join.lastLink {
            lastHash = link
        } else if lastLineOffset >= 0 {
            do {
                let bytes = try fd.readAll(fromAbsoluteOffset: lastLineOffset, count: lastLineLength)
                lastHash = SHA256.hash(bytes)
            } catch { throw .io(error) }
        }
        return Folded(ledger: ledger, lastSeq: lastSeq, lastHash: lastHash, replayed: replayed, endOffset: endOffset,
                      recordsFoldedOnCores: recordsFoldedOnCores)
    }

    /// The declared flow indicators as they stand before the next block,
    /// learnt from the declarations of each block the cores folded.
    private struct ShapesBeforeBlock {
        var catalogue: DeclaredCatalogue
        var flows: IndicatorFlows
        let on: Bool
        /// Records of each indicator the cores had folded before the block.
        var foldedBefore: [String: Int] = [:]

        init(_ catalogue: DeclaredCatalogue, on: Bool) {
            self.catalogue = catalogue
            self.on = on
            flows = on ? IndicatorFlows(catalogue) : IndicatorFlows()
        }

        /// Takes in a block's declarations; false when the block changed how
        /// the records of an indicator fold while the cores folded one of
        /// them in it (before the change or after: either way, fold again).
        mutating func learn(from parts: [ParallelFold.Part], fold: ParallelFold) -> Bool {
            guard on else { return true }
            var declared = false
            for part in parts {
                for (_, e, _, _) in part.events where e.type.isDeclaration {
                    catalogue.apply(e.data, seq: e.seq)
                    declared = true
                }
            }
            if declared {
                let next = IndicatorFlows(catalogue)
                for name in flows.foldingDifferently(under: next) where fold.recordsFolded(of: name) > foldedBefore[name, default: 0] {
                    return false
                }
                flows = next
            }
            for name in flows.names { foldedBefore[name] = fold.recordsFolded(of: name) }
            return true
        }
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
    func check(_ h: SnapshotStore.Header, logID: String, tail: LogTail, fd: FileDescriptor, asOf: UTCInstant?,
                       projection: LedgerProjection, links: ChainLinks) throws(SnapshotStore.Rejection) -> SHA256Digest? {
        guard h.projection == projection.name, h.version == projection.version else {
            throw .mismatch(Text("nó thuộc phép chiếu \(h.projection) v\(h.version), không phải \(projection.name) v\(projection.version)", "it is of projection \(h.projection) v\(h.version), not \(projection.name) v\(projection.version)"))
        }
        guard h.logID == logID else { throw .mismatch(Text("nó thuộc một sổ khác (\(h.logID))", "it belongs to another log (\(h.logID))")) }
        guard h.seq <= tail.lastSeq, h.offset <= tail.committedEnd else {
            throw .mismatch(Text("nó đến seq \(h.seq), quá cuối sổ (\(tail.lastSeq))", "it covers seq \(h.seq), past the end of the log (\(tail.lastSeq))"))
        }
        if let asOf, let r = h.lastRecorded, r > asOf { throw .notApplicable }
        // The covered line must be the same bytes as when the snapshot was taken.
        let lineStart: Int64
        do {
            var cursor = h.offset - 2
            let window = try fd.readAll(fromAbsoluteOffset: max(0, h.offset - 65536), count: Int(min(h.offset, 65536)))
            guard window.last == 0x0A else { throw SnapshotStore.Rejection.mismatch(Text("vị trí của nó không ở cuối một dòng", "its offset is not at a line end")) }
            if let nl = window.dropLast().lastIndex(of: 0x0A) {
                lineStart = max(0, h.offset - 65536) + Int64(nl) + 1
            } else {
                lineStart = max(0, h.offset - 65536)
            }
            cursor = lineStart
            let line = try fd.readAll(fromAbsoluteOffset: cursor, count: Int(h.offset - 1 - cursor))
            guard SHA256.hash(line) == h.lineHash else {
                throw SnapshotStore.Rejection.mismatch(Text("dòng \(h.seq) của sổ không còn như lúc chụp", "line \(h.seq) of the log is not what it was when the snapshot was taken"))
            }
            if case .keyed? = links.key { return line.withUnsafeBytes { links.link(for: $0) } }
            return links.key == nil ? nil : h.lineHash
        } catch let e as SnapshotStore.Rejection {
            throw e
        } catch {
            throw .unreadable(Text("không đọc được sổ: \(error)", "the log could not be read: \(error)"))
        }
    }

    /// Readers ignore a crash leftover at the end of the log; they say so
    /// unless a writer is busy appending right now (then it is not a leftover).
    public func warnAboutUnfinishedTail(_ fd: FileDescriptor, _ tail: LogTail) {
        guard tail.hasUncommittedBytes else { return }
        if (try? fd.lock(.shared, wait: false)) == true {
            try? fd.unlock()
            let bytes = tail.fileSize - tail.committedEnd, lines = tail.unfinishedLines
            say(Text("cảnh báo: \(layout.logDisplayName) kết thúc bằng \(bytes) byte của một loạt ghi dở (\(lines) dòng trọn) do một lần ghi bị ngắt; chúng không thuộc sổ và lần ghi sau sẽ chuyển chúng ra chỗ khác",
                     "warning: \(layout.logDisplayName) ends with \(bytes) bytes of an unfinished batch (\(lines) whole line(s)) left by an interrupted append; they are not part of the log and the next append moves them aside"))
        }
    }
}

extension DataStore {
    /// What a reader can check of this log's chain: SHA-256 links in a plain
    /// log; HMAC links in a keyed log when the reader has the key (which
    /// must be the log's own); only `seq` in a keyed log read without it.
    func chainLinks(for header: Event) throws(StoreError) -> ChainLinks {
        guard let c = header.data.logCreated, c.keyID != nil else {
            if key != nil { say(Text("ghi chú: sổ này không có khóa; tệp khóa không được dùng (chuỗi được kiểm tra bằng SHA-256)",
                                     "note: this log is not keyed; the key file is not used (its chain is checked with SHA-256)")) }
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
