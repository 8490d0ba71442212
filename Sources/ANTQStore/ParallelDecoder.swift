import ANTQDomain
import Dispatch
import EventLog
import Foundation
import Hashing

/// Decodes a block of whole log lines on every core. Decoding (strict JSON
/// and the catalogue) and hashing are most of a replay or a verify, and
/// lines decode independently; the fold that follows stays sequential, in
/// log order.
struct ParallelDecoder {
    /// One worker's share of a block, line by line.
    final class Part: @unchecked Sendable {
        /// The decoded event, or why the line is not one.
        var results: [Result<Event, EventCodingError>] = []
        /// Offset and length (without newline) of each line within the block.
        var spans: [(Int, Int)] = []
        /// The chain link of each line (only when asked for).
        var links: [SHA256Digest] = []
        /// SHA-256 of each line (only when asked for; equal to links in plain mode).
        var hashes: [SHA256Digest] = []
    }

    struct Block: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
    }

    let workers: Int
    /// Stop a part at its first bad line (replay) or go on (verify).
    var stopAtError = true
    /// Also compute each line's SHA-256 and chain link (verify).
    var chain: ChainKey?

    init(workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.workers = max(1, min(workers, 8))
    }

    func decode(_ bytes: UnsafeRawBufferPointer) -> [Part] {
        let n = bytes.count < 256 << 10 ? 1 : workers
        var bounds = [0]
        for k in 1..<max(n, 1) {
            var p = max(bounds.last!, bytes.count * k / n)
            while p < bytes.count && bytes[p] != 0x0A { p += 1 }
            bounds.append(min(p + 1, bytes.count))
        }
        bounds.append(bytes.count)
        let cuts = bounds
        let parts = (0..<n).map { _ in Part() }
        let block = Block(bytes: bytes)
        let stop = stopAtError
        let chain = self.chain
        let work = { @Sendable (i: Int) in
            let part = parts[i]
            var decoder = EventDecoder()
            var p = cuts[i]
            let end = cuts[i + 1]
            part.results.reserveCapacity((end - p) / 250)
            var failed = false
            while p < end {
                var q = p
                if let nl = memchr(block.bytes.baseAddress! + p, 0x0A, end - p) {
                    q = block.bytes.baseAddress!.distance(to: UnsafeRawPointer(nl))
                } else {
                    q = end
                }
                let line = UnsafeRawBufferPointer(rebasing: block.bytes[p..<q])
                if !failed {
                    do {
                        part.results.append(.success(try decoder.decode(line)))
                    } catch {
                        part.results.append(.failure(error as? EventCodingError ?? EventCodingError(field: nil, problem: "\(error)")))
                        failed = stop
                    }
                    part.spans.append((p, q - p))
                    if let chain {
                        let h = SHA256.hash(line)
                        part.hashes.append(h)
                        part.links.append(chain.isKeyed ? chain.link(for: line) : h)
                    }
                }
                p = q + 1
            }
        }
        if n == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: n, execute: work) }
        return parts
    }
}
