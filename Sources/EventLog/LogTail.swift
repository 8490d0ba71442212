import Hashing
import SystemCalls

/// The end of the committed log, found by reading backwards from the end of
/// the file. Bytes after `committedEnd` are an unfinished batch or a torn
/// line left by a crash: they are not part of the log.
public struct LogTail: Sendable, Equatable {
    /// Byte offset just after the last committed line.
    public var committedEnd: Int64
    /// Number of committed lines (= seq of the last one, in a sound log).
    public var lastSeq: Int
    /// SHA-256 of the last committed line (zero for an empty log): the fingerprint hash.
    public var lastHash: SHA256Digest
    /// Raw bytes of the last committed line, needed to chain the next one in keyed mode.
    public var lastLine: [UInt8]
    /// Size of the file when the tail was read.
    public var fileSize: Int64
    /// Complete lines after `committedEnd` (an unfinished batch).
    public var unfinishedLines: Int

    public var hasUncommittedBytes: Bool { fileSize > committedEnd }

    public enum ScanError: Error, Sendable {
        case io(Errno)
        /// The last complete line is not a readable log line: this is damage,
        /// not a crash leftover, and only `verify` can say more.
        case damagedLastLine(offset: Int64, reason: String)
    }

    /// Reads the tail of `fd`. Cost is proportional to the unfinished part
    /// only (normally one line), never to the size of the log.
    public static func scan(_ fd: FileDescriptor) throws(ScanError) -> LogTail {
        let size: Int64
        do { size = try fd.size() } catch { throw .io(error) }
        var end = size
        var unfinished = 0
        // Find the last newline: anything after it is a torn line.
        var cursor = BackwardLineCursor(fd: fd, end: size)
        do {
            guard let lastNewline = try cursor.previousNewline(before: size) else {
                return LogTail(committedEnd: 0, lastSeq: 0, lastHash: .zero, lastLine: [], fileSize: size, unfinishedLines: 0)
            }
            end = lastNewline + 1
            // Walk back over complete lines while they carry `more`.
            var lineEnd = end
            while lineEnd > 0 {
                let start = (try cursor.previousNewline(before: lineEnd - 1)).map { $0 + 1 } ?? 0
                let line = try fd.readAll(fromAbsoluteOffset: start, count: Int(lineEnd - 1 - start))
                let header: LineHeader
                do {
                    header = try line.withUnsafeBytes { (b) throws(LineHeader.DecodeError) in try LineHeader.decode(b) }
                } catch {
                    throw ScanError.damagedLastLine(offset: start, reason: "\(error)")
                }
                if header.more {
                    unfinished += 1
                    lineEnd = start
                    continue
                }
                let hash = line.withUnsafeBytes { SHA256.hash($0) }
                return LogTail(committedEnd: lineEnd, lastSeq: header.seq, lastHash: hash, lastLine: line, fileSize: size, unfinishedLines: unfinished)
            }
            return LogTail(committedEnd: 0, lastSeq: 0, lastHash: .zero, lastLine: [], fileSize: size, unfinishedLines: unfinished)
        } catch let e as ScanError {
            throw e
        } catch let e as Errno {
            throw .io(e)
        } catch {
            throw .io(Errno(code: 5, call: "read", path: fd.path))
        }
    }
}

/// Finds newlines going backwards through a file, reading 64 KiB at a time.
struct BackwardLineCursor {
    let fd: FileDescriptor
    let end: Int64
    private var chunkStart: Int64 = 0
    private var chunk: [UInt8] = []

    init(fd: FileDescriptor, end: Int64) {
        self.fd = fd
        self.end = end
    }

    /// Offset of the last `\n` strictly before `limit`, or nil.
    mutating func previousNewline(before limit: Int64) throws(Errno) -> Int64? {
        var pos = limit - 1
        while pos >= 0 {
            if pos < chunkStart || pos >= chunkStart + Int64(chunk.count) {
                let start = max(0, pos - 65535)
                chunk = try fd.readAll(fromAbsoluteOffset: start, count: Int(pos - start + 1))
                chunkStart = start
            }
            let i = Int(pos - chunkStart)
            if let found = chunk[...i].lastIndex(of: 0x0A) {
                return chunkStart + Int64(found)
            }
            pos = chunkStart - 1
        }
        return nil
    }
}
