import ANTQCodec
import ANTQDomain
import EventLog
import Hashing
import SystemCalls

extension DataStore {
    /// Streams the committed events in order (readers never take the write
    /// lock), each checked to continue the chain of the line before it: the
    /// first line that does not (or cannot be read) stops the stream with
    /// `.damaged`, so no listing or export ever rests on an edited log.
    ///
    /// - Parameter warnAboutTail: say on stderr that an unfinished batch at
    ///   the end is skipped (a caller that already replayed has said it).
    /// - Returns: how far the chain could be checked.
    @discardableResult
    public func forEachEvent(warnAboutTail: Bool = true, _ body: (Event, UnsafeRawBufferPointer) throws -> Bool) throws -> ChainCheck {
        let links = try chainLinks(for: try header())
        if links.check == .notChecked {
            say(Self.chainNotChecked)
        }
        let fd: FileDescriptor
        do { fd = try FileDescriptor.open(layout.logPath, .readOnly) } catch { throw StoreError.io(error) }
        defer { try? fd.close() }
        let tail: LogTail
        do { tail = try LogTail.scan(fd) } catch {
            switch error {
            case .io(let e): throw StoreError.io(e)
            case .damagedLastLine(_, let reason): throw StoreError.damaged(file: layout.logDisplayName, line: nil, reason: StoreError.lastLineDamaged(reason))
            }
        }
        if warnAboutTail { warnAboutUnfinishedTail(fd, tail) }
        try forEachChainedEvent(fd: fd, end: tail.committedEnd, links: links, body)
        return links.check
    }

    /// The lines of `[0, end)` as events, each checked against the line before.
    func forEachChainedEvent(fd: FileDescriptor, end: Int64, links: ChainLinks,
                             _ body: (Event, UnsafeRawBufferPointer) throws -> Bool) throws {
        var failure: Error?
        var decoder = LineReader()
        var join = ChainJoin(after: 0, link: links.key == nil ? nil : .zero)
        do {
            try LineStream().forEachLine(in: fd, to: end) { (line: LineStream.Line) -> Bool in
                let stored: StoredLine
                do { stored = try decoder.read(line.bytes) } catch {
                    failure = StoreError.damaged(file: layout.logDisplayName, line: line.number, reason: StoreError.reason(error))
                    return false
                }
                let e = stored.event
                if let broken = join.add(seq: e.seq, prev: stored.prev, link: links.link(for: line.bytes)) {
                    failure = chainFailure(broken, foundAt: line.number, links: links)
                    return false
                }
                do { return try body(e, line.bytes) } catch {
                    failure = error
                    return false
                }
            }
        } catch let e as LineStream.StreamError {
            switch e {
            case .io(let err): throw StoreError.io(err)
            case .lineTooLong(let n, _, let limit): throw StoreError.damaged(file: layout.logDisplayName, line: n, reason: StoreError.lineTooLong(limit))
            }
        }
        if let failure { throw failure }
    }
}
