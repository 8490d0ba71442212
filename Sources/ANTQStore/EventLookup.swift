import ANTQDomain
import EventLog
import SystemCalls

/// Finds a stored event by seq without an index: lines are in seq order, so
/// a binary search over byte offsets needs about log2(n) short reads.
struct EventLookup {
    let fd: FileDescriptor
    let end: Int64

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

    func event(seq: Int) throws -> Event? {
        var lo: Int64 = 0
        var hi = end
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            guard let (start, bytes) = try line(atOrAfter: mid) else { hi = mid; continue }
            let header = try bytes.withUnsafeBytes { try LineHeader.decode($0) }
            if header.seq == seq { return try EventDecoder.decode(bytes) }
            if header.seq < seq { lo = start + Int64(bytes.count) + 1 } else { hi = mid }
        }
        return nil
    }
}

extension DataStore {
    /// The stored event with this seq (committed part of the log only).
    public func event(seq: Int) throws(StoreError) -> Event? {
        do {
            let fd = try FileDescriptor.open(layout.logPath, .readOnly)
            defer { try? fd.close() }
            let tail = try LogTail.scan(fd)
            return try EventLookup(fd: fd, end: tail.committedEnd).event(seq: seq)
        } catch let e as Errno {
            throw .io(e)
        } catch {
            throw .damaged(file: layout.logDisplayName, line: nil, reason: "\(error)")
        }
    }
}
