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
        var capacity = bufferSize
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var filled = 0           // bytes valid in buffer
        var fileOffset = start   // file offset of buffer[0]
        var lineNumber = firstLineNumber
        var readPos = start
        while true {
            var atEnd = readPos >= end
            if !atEnd && filled < capacity {
                let want = Int(min(Int64(capacity - filled), end - readPos))
                let n: Int
                do {
                    n = try fd.read(fromAbsoluteOffset: readPos,
                                    into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<(filled + want)]))
                } catch { throw StreamError.io(error) }
                filled += n
                readPos += Int64(n)
                atEnd = n == 0 || readPos >= end
            }
            let base = buffer.baseAddress!
            var lineStart = 0
            while lineStart < filled, let nl = memchr(base + lineStart, 0x0A, filled - lineStart) {
                let nlIndex = base.distance(to: UnsafeMutableRawPointer(nl))
                let line = Line(bytes: UnsafeRawBufferPointer(start: base + lineStart, count: nlIndex - lineStart),
                                number: lineNumber, offset: fileOffset + Int64(lineStart))
                if try !body(line) { return }
                lineNumber += 1
                lineStart = nlIndex + 1
            }
            let remainder = filled - lineStart
            if atEnd {
                if remainder > 0 { trailing?(fileOffset + Int64(lineStart), remainder) }
                return
            }
            if lineStart > 0 {
                if remainder > 0 { base.copyMemory(from: base + lineStart, byteCount: remainder) }
                fileOffset += Int64(lineStart)
                filled = remainder
            } else if remainder == capacity {
                // One line fills the whole buffer: grow, within the limit.
                guard capacity < maxLineLength else {
                    throw StreamError.lineTooLong(number: lineNumber, offset: fileOffset, limit: maxLineLength)
                }
                let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: min(capacity * 2, maxLineLength), alignment: 16)
                bigger.baseAddress!.copyMemory(from: base, byteCount: remainder)
                buffer.deallocate()
                buffer = bigger
                capacity = bigger.count
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
