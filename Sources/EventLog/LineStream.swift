import SystemCalls

/// Streams the lines of a file in bounded memory: a fixed read buffer that
/// grows only for a line longer than itself (up to `maxLineLength`). This is
/// the replay path: memory stays flat however long the log grows.
public struct LineStream {
    public struct Line {
        /// The bytes without the trailing newline. Valid only inside the callback.
        public var bytes: UnsafeRawBufferPointer
        /// 1-based line number in the file.
        public var number: Int
        /// Byte offset of the first byte of the line.
        public var offset: Int64
    }

    public enum StreamError: Error, Sendable {
        case io(Errno)
        case lineTooLong(number: Int, offset: Int64, limit: Int)
    }

    public var bufferSize: Int
    public var maxLineLength: Int

    public init(bufferSize: Int = 1 << 20, maxLineLength: Int = 16 << 20) {
        self.bufferSize = bufferSize
        self.maxLineLength = maxLineLength
    }

    /// Calls `body` for each `\n`-terminated line in `[start, end)`. A final
    /// fragment without newline is reported through `trailing` (torn data).
    /// `body` returns false to stop early.
    public func forEachLine<E: Error>(
        in fd: FileDescriptor, from start: Int64 = 0, to end: Int64, firstLineNumber: Int = 1,
        trailing: ((Int64, Int) -> Void)? = nil,
        _ body: (Line) throws(E) -> Bool
    ) throws -> Void {
        // One buffering mechanism for both readers: lines are cut out of
        // ChunkStream's blocks of whole lines.
        try ChunkStream(chunkSize: max(1, bufferSize), maxLineLength: maxLineLength)
            .forEachChunk(in: fd, from: start, to: end, firstLineNumber: firstLineNumber, trailing: trailing) { chunk in
                guard let base = chunk.bytes.baseAddress else { return 0 }
                var number = chunk.firstLine
                var p = 0
                let count = chunk.bytes.count
                while p < count, let q = ByteSearch.first(0x0A, in: base, from: p, to: count) {
                    let line = Line(bytes: UnsafeRawBufferPointer(start: base + p, count: q - p), number: number,
                                    offset: chunk.offset + Int64(p))
                    if try !body(line) { return nil }
                    number += 1
                    p = q + 1
                }
                return number - chunk.firstLine
            }
    }
}

