import SystemCalls

/// Streams a file as blocks of whole lines, for readers that process a
/// block in parallel (replay decodes the lines of a block on every core,
/// then folds them in order). Memory is bounded by the block size, which
/// grows only for a single line longer than itself (up to `maxLineLength`).
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

    /// - Parameter chunkSize: 4 MB by default: each block is a round of
    ///   work for every core, and smaller blocks spend more of a rebuild,
    ///   verify or audit in the rounds' starts and ends (a core waiting for
    ///   the other, the next read); a larger buffer costs memory.
    public init(chunkSize: Int = 4 << 20, maxLineLength: Int = 16 << 20) {
        self.chunkSize = chunkSize
        self.maxLineLength = maxLineLength
    }

    /// Calls `body` with consecutive blocks of whole lines in `[start, end)`;
    /// a final fragment without newline is left out (it is not a line yet)
    /// and reported through `trailing` (its offset and length).
    /// `body` returns how many lines the block held (it walks them anyway;
    /// counting them here too was a pass over the whole file on one core),
    /// or nil to stop.
    public func forEachChunk(in fd: FileDescriptor, from start: Int64 = 0, to end: Int64, firstLineNumber: Int = 1,
                             trailing: ((Int64, Int) -> Void)? = nil,
                             _ body: (Chunk) throws -> Int?) throws {
        var capacity = chunkSize
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var filled = 0
        var fileOffset = start
        var readPos = start
        var lineNumber = firstLineNumber
        while true {
            var atEnd = readPos >= end
            if !atEnd && filled < capacity {
                let want = Int(min(Int64(capacity - filled), end - readPos))
                let n: Int
                do {
                    n = try fd.read(fromAbsoluteOffset: readPos, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<(filled + want)]))
                } catch { throw LineStream.StreamError.io(error) }
                filled += n
                readPos += Int64(n)
                atEnd = n == 0 || readPos >= end
            }
            let base = buffer.baseAddress!
            // The last newline in the filled part ends the chunk.
            var last = filled - 1
            while last >= 0 && base.load(fromByteOffset: last, as: UInt8.self) != 0x0A { last -= 1 }
            if last >= 0 {
                let chunk = UnsafeRawBufferPointer(start: base, count: last + 1)
                guard let lines = try body(Chunk(bytes: chunk, firstLine: lineNumber, offset: fileOffset)) else { return }
                lineNumber += lines
                let remainder = filled - (last + 1)
                if remainder > 0 { base.copyMemory(from: base + last + 1, byteCount: remainder) }
                fileOffset += Int64(last + 1)
                filled = remainder
            } else if filled == capacity {
                guard capacity < maxLineLength else {
                    throw LineStream.StreamError.lineTooLong(number: lineNumber, offset: fileOffset, limit: maxLineLength)
                }
                let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: min(capacity * 2, maxLineLength), alignment: 16)
                bigger.baseAddress!.copyMemory(from: base, byteCount: filled)
                buffer.deallocate()
                buffer = bigger
                capacity = bigger.count
            }
            // At the end every whole line has been emitted; a fragment is not a line.
            if atEnd {
                if filled > 0 { trailing?(fileOffset, filled) }
                return
            }
        }
    }
}
