import ANTQCodec
import ANTQDomain
import Dispatch
import EventLog
import SystemCalls
#if canImport(Glibc)
import Glibc
#endif
import Hashing

/// Decodes a block of whole log lines on every core. Decoding (strict JSON
/// and the catalogue) and hashing are most of a replay or a verify, and
/// lines decode independently; the fold that follows stays sequential, in
/// log order.
struct ParallelDecoder: Sendable {
    /// One worker's share of a block, line by line.
    final class Part: @unchecked Sendable {
        /// The decoded line, or why it is not an event.
        var results: [Result<StoredLine, EventCodingError>] = []
        /// Offset and length (without newline) of each line within the block.
        var spans: [(Int, Int)] = []
        /// The chain link of each line (only when asked for).
        var links: [SHA256Digest] = []
        /// SHA-256 of each line (only when asked for; equal to links in plain mode).
        var hashes: [SHA256Digest] = []
    }

    struct Block: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer

        /// Calls `body` with the offset and length of each line in `from..<to`.
        @inline(__always)
        func forEachLine(from: Int, to end: Int, _ body: (Int, Int) -> Bool) {
            var p = from
            let base = bytes.baseAddress!
            while p < end {
                let q = memchr(base + p, 0x0A, end - p).map { base.distance(to: UnsafeRawPointer($0)) } ?? end
                if !body(p, q - p) { return }
                p = q + 1
            }
        }

        func line(_ start: Int, _ length: Int) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)])
        }
    }

    var workers: Int
    /// A block smaller than this is decoded on one core: splitting it costs more than it saves.
    var minimumSplitBytes = 256 << 10
    /// Stop a part at its first bad line (replay) or go on (verify).
    var stopAtError = true
    /// Also compute each line's SHA-256 and chain link (verify).
    var chain: ChainKey?

    init(workers: Int = Environment.activeProcessorCount) {
        self.workers = max(1, min(workers, 8))
    }

    /// Cuts a block at line ends into one piece per worker (one piece for a small block).
    func pieces(_ bytes: UnsafeRawBufferPointer) -> [Int] {
        let n = bytes.count < minimumSplitBytes ? 1 : workers
        var bounds = [0]
        for k in 1..<max(n, 1) {
            var p = max(bounds.last!, bytes.count * k / n)
            while p < bytes.count && bytes[p] != 0x0A { p += 1 }
            bounds.append(min(p + 1, bytes.count))
        }
        bounds.append(bytes.count)
        return bounds
    }

    /// Runs `work(i)` for each piece, on as many cores as there are pieces,
    /// and the jobs of `alongside` (a snapshot being read) among them, first.
    func run(pieces n: Int, alongside other: PendingLoad? = nil, _ work: @Sendable (Int) -> Void) {
        let extra = other?.jobCount ?? 0
        if n == 1 && extra == 0 { work(0) } else {
            ParallelWork.perform(iterations: extra + n) { i in
                if i < extra { other!.run(i) } else { work(i - extra) }
            }
        }
    }

    func decode(_ bytes: UnsafeRawBufferPointer) -> [Part] {
        let cuts = pieces(bytes)
        let parts = (0..<(cuts.count - 1)).map { _ in Part() }
        let block = Block(bytes: bytes)
        let stop = stopAtError
        let chain = self.chain
        run(pieces: parts.count) { i in
            let part = parts[i]
            var decoder = LineReader()
            part.results.reserveCapacity((cuts[i + 1] - cuts[i]) / 250)
            block.forEachLine(from: cuts[i], to: cuts[i + 1]) { start, length in
                let line = block.line(start, length)
                var ok = true
                do throws(EventCodingError) {
                    part.results.append(.success(try decoder.read(line)))
                } catch {
                    part.results.append(.failure(error))
                    ok = !stop
                }
                part.spans.append((start, length))
                if let chain {
                    let h = SHA256.hash(line)
                    part.hashes.append(h)
                    part.links.append(chain.isKeyed ? chain.link(for: line) : h)
                }
                return ok
            }
        }
        return parts
    }
}
