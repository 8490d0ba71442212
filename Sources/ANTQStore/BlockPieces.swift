import ANTQCodec
import ANTQDomain
import Dispatch
import EventLog
import SystemCalls
import Hashing

/// Splits a block of whole log lines into one piece per core and runs the
/// pieces on `ParallelWork`: reading (strict JSON and the catalogue) and
/// hashing are most of a replay or a verify, and lines read independently.
/// `ParallelFold` is the one loop that runs on it.
struct BlockPieces: Sendable {
    struct Block: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer

        /// Calls `body` with the offset and length of each line in `from..<to`.
        @inline(__always)
        func forEachLine(from: Int, to end: Int, _ body: (Int, Int) -> Bool) {
            var p = from
            let base = bytes.baseAddress!
            while p < end {
                let q = ByteSearch.first(0x0A, in: base, from: p, to: end) ?? end
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

    /// Runs `work(i)` for each piece, on as many cores as there are pieces.
    func run(pieces n: Int, _ work: @Sendable (Int) -> Void) {
        if n == 1 { work(0) } else { ParallelWork.perform(iterations: n, work) }
    }
}
