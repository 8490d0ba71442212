import Dispatch
import SystemCalls
#if canImport(Glibc)
import Glibc
#endif

/// Streams a file as blocks of whole lines, for readers that process a
/// block in parallel (replay decodes the lines of a block on every core,
/// then folds them in order). Memory is bounded by two blocks, which grow
/// only for a single line longer than a block (up to `maxLineLength`).
///
/// While the caller works on a block, the next one is read (and the lines of
/// the current one counted) on another thread: reading is a copy of a
/// megabyte per block, and done in line it was time the other cores waited.
public struct ChunkStream {
    public struct Chunk {
        /// Whole lines, each ending in `\n`. Valid only inside the callback.
        public var bytes: UnsafeRawBufferPointer
        /// 1-based number of the first line in the chunk.
        public var firstLine: Int
        /// File offset of the first byte.
        public var offset: Int64
    }

    public var chunkSize: Int
    public var maxLineLength: Int

    public init(chunkSize: Int = 1 << 20, maxLineLength: Int = 16 << 20) {
        self.chunkSize = chunkSize
        self.maxLineLength = maxLineLength
    }

    /// Blocks under this size are read in line: a thread hop would cost more.
    static let prefetchThreshold = 64 << 10

    /// What the reading thread hands back.
    private final class Prefetch: @unchecked Sendable {
        var filled = 0
        var lines = 0
        var error: Errno?
    }

    private struct Buffers: @unchecked Sendable {
        var current: UnsafeMutableRawBufferPointer
        var spare: UnsafeMutableRawBufferPointer
    }

    /// Reads `[offset, offset + count)` into `buffer` (fewer bytes only at end of file).
    static func readFully(_ fd: FileDescriptor, at offset: Int64, count: Int, into buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int {
        var done = 0
        while done < count {
            let n = try fd.read(fromAbsoluteOffset: offset + Int64(done), into: UnsafeMutableRawBufferPointer(rebasing: buffer[done..<count]))
            if n == 0 { break }
            done += n
        }
        return done
    }

    static func countLines(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var lines = 0
        var p = 0
        while p < bytes.count, let nl = memchr(base + p, 0x0A, bytes.count - p) {
            lines += 1
            p = base.distance(to: UnsafeRawPointer(nl)) + 1
        }
        return lines
    }

    /// Calls `body` with consecutive blocks of whole lines in `[start, end)`;
    /// a final fragment without newline is left out (it is not a line yet)
    /// and reported through `trailing` (its offset and length).
    /// `body` returns false to stop.
    public func forEachChunk(in fd: FileDescriptor, from start: Int64 = 0, to end: Int64, firstLineNumber: Int = 1,
                             trailing: ((Int64, Int) -> Void)? = nil,
                             _ body: (Chunk) throws -> Bool) throws {
        var capacity = max(1, chunkSize)
        var buffers = Buffers(current: .allocate(byteCount: capacity, alignment: 16), spare: .allocate(byteCount: capacity, alignment: 16))
        defer {
            buffers.current.deallocate()
            buffers.spare.deallocate()
        }
        let prefetching = capacity >= ChunkStream.prefetchThreshold
        let reader = DispatchGroup()
        // Whatever the exit, no read may still be writing into a buffer.
        defer { reader.wait() }
        var pos = start
        var lineNumber = firstLineNumber
        var filled: Int
        do { filled = try ChunkStream.readFully(fd, at: pos, count: Int(min(Int64(capacity), end - pos)), into: buffers.current) } catch {
            throw LineStream.StreamError.io(error)
        }
        while filled > 0 {
            let base = buffers.current.baseAddress!
            // The last newline in the block ends the chunk.
            var last = filled - 1
            while last >= 0 && base.load(fromByteOffset: last, as: UInt8.self) != 0x0A { last -= 1 }
            if last < 0 {
                if pos + Int64(filled) >= end {
                    // At the end: a fragment is not a line.
                    trailing?(pos, filled)
                    return
                }
                guard capacity < maxLineLength else {
                    throw LineStream.StreamError.lineTooLong(number: lineNumber, offset: pos, limit: maxLineLength)
                }
                capacity = min(capacity * 2, maxLineLength)
                buffers.current.deallocate()
                buffers.spare.deallocate()
                buffers = Buffers(current: .allocate(byteCount: capacity, alignment: 16), spare: .allocate(byteCount: capacity, alignment: 16))
                do { filled = try ChunkStream.readFully(fd, at: pos, count: Int(min(Int64(capacity), end - pos)), into: buffers.current) } catch {
                    throw LineStream.StreamError.io(error)
                }
                continue
            }
            let chunk = UnsafeRawBufferPointer(start: base, count: last + 1)
            let next = pos + Int64(last + 1)
            // Read the next block (from the first byte after this chunk) and
            // count this chunk's lines while the caller works on it.
            let job = Prefetch()
            let work = { @Sendable [buffers, capacity, last] in
                do throws(Errno) {
                    job.filled = try ChunkStream.readFully(fd, at: next, count: Int(min(Int64(capacity), end - next)), into: buffers.spare)
                } catch {
                    job.error = error
                }
                job.lines = ChunkStream.countLines(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffers.current)[0...last]))
            }
            if prefetching { DispatchQueue.global().async(group: reader, execute: work) } else { work() }
            if try !body(Chunk(bytes: chunk, firstLine: lineNumber, offset: pos)) { return }
            reader.wait()
            if let e = job.error { throw LineStream.StreamError.io(e) }
            lineNumber += job.lines
            swap(&buffers.current, &buffers.spare)
            filled = job.filled
            pos = next
        }
    }
}
