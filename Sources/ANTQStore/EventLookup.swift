import ANTQCodec
import ANTQDomain
import EventLog
import SystemCalls

/// Finds a stored event by seq without an index: lines are in seq order, so
/// a binary search over byte offsets needs about log2(n) short reads.
struct EventLookup {
    let fd: FileDescriptor
    let end: Int64
    /// Where the reader's chain check began: a line at or before it is
    /// returned only once the chain from it up to the anchor is checked
    /// (the reader never read it). `.start`: every line was checked.
    var anchor: ChainAnchor = .start
    var links: ChainLinks = .plain

    /// The line starting at or after `offset` (start offset and bytes).
    func line(atOrAfter offset: Int64) throws -> (Int64, [UInt8])? {
        var start = offset
        if offset > 0 {
            // Move to the start of the next line.
            var pos = offset - 1
            while pos < end {
                let chunk = try fd.readAll(fromAbsoluteOffset: pos, count: Int(min(4096, end - pos)))
                if let nl = chunk.firstIndex(of: 0x0A) { start = pos + Int64(nl) + 1; break }
                pos += Int64(chunk.count)
                if chunk.isEmpty { return nil }
            }
            if pos >= end { return nil }
        }
        guard start < end else { return nil }
        var bytes: [UInt8] = []
        var pos = start
        while pos < end {
            let chunk = try fd.readAll(fromAbsoluteOffset: pos, count: Int(min(4096, end - pos)))
            if chunk.isEmpty { break }
            if let nl = chunk.firstIndex(of: 0x0A) {
                bytes += chunk[..<nl]
                return (start, bytes)
            }
            bytes += chunk
            pos += Int64(chunk.count)
        }
        return nil
    }

    func event(seq: Int) throws -> Event? { try stored(seq: seq)?.event }

    /// The event and its line exactly as stored (prev and batch marker included).
    func stored(seq: Int) throws -> (event: Event, line: [UInt8])? {
        var lo: Int64 = 0
        var hi = end
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            guard let (start, bytes) = try line(atOrAfter: mid) else { hi = mid; continue }
            let header = try bytes.withUnsafeBytes { try LineHeader.decode($0) }
            if header.seq == seq {
                if seq <= anchor.seq { try checkChain(from: start, seq: seq) }
                return (try LineReader.read(bytes).event, bytes)
            }
            if header.seq < seq { lo = start + Int64(bytes.count) + 1 } else { hi = mid }
        }
        return nil
    }

    /// Checks that the lines from the one at `start` (seq `seq`) up to the
    /// anchor chain to each other and end in the anchor line as the reader
    /// knew it, so an edited line before a snapshot is never taken as the
    /// fact a correction or an audit works from.
    func checkChain(from start: Int64, seq: Int) throws {
        var segment = ChainSegment()
        var broken: (Int, ChainBreak)?
        try LineStream().forEachLine(in: fd, from: start, to: anchor.offset, firstLineNumber: seq) { (line: LineStream.Line) -> Bool in
            let h = try LineHeader.decode(line.bytes)
            if let b = segment.add(seq: h.seq, prev: h.prev, link: links.link(for: line.bytes)) {
                broken = (line.number, b)
                return false
            }
            return true
        }
        if let (line, b) = broken { throw ChainLookupError.broken(line: line, b) }
        guard let last = segment.last, last.seq == anchor.seq, anchor.link == nil || last.link == anchor.link else {
            throw ChainLookupError.broken(line: anchor.seq, .prev)
        }
    }
}

enum ChainLookupError: Error {
    case broken(line: Int, ChainBreak)
}

extension DataStore {
    /// The stored event with this seq (committed part of the log only).
    ///
    /// - Parameter anchor: where the caller's replay began checking the chain
    ///   (its snapshot); an earlier event is returned only if the chain from
    ///   it up to there holds.
    public func event(seq: Int, anchor: ChainAnchor = .start) throws(StoreError) -> Event? {
        try storedEvent(seq: seq, anchor: anchor)?.event
    }

    /// An event with its line exactly as the log holds it (checked as `event(seq:anchor:)` checks it).
    public func storedEvent(seq: Int, anchor: ChainAnchor = .start) throws(StoreError) -> (event: Event, line: [UInt8])? {
        do {
            let fd = try FileDescriptor.open(layout.logPath, .readOnly)
            defer { try? fd.close() }
            let tail = try LogTail.scan(fd)
            let links = anchor.seq > 0 ? try chainLinks(for: try header()) : .plain
            return try EventLookup(fd: fd, end: tail.committedEnd, anchor: anchor, links: links).stored(seq: seq)
        } catch let e as StoreError {
            throw e
        } catch let e as Errno {
            throw .io(e)
        } catch let ChainLookupError.broken(line, b) {
            throw chainFailure(b, foundAt: line, links: .plain)
        } catch {
            throw .damaged(file: layout.logDisplayName, line: nil, reason: StoreError.reason(error))
        }
    }
}
