import ANTQDomain
import Dispatch
import Foundation

/// Decodes a block of whole log lines on every core. Decoding (strict JSON
/// and the catalogue) is most of a replay, and lines decode independently;
/// the fold that follows stays sequential, in log order.
struct ParallelDecoder {
    /// One worker's share of a block.
    final class Part: @unchecked Sendable {
        var events: [Event] = []
        /// Offset and length (without newline) of each decoded line within the block.
        var spans: [(Int, Int)] = []
        /// Lines in this part (all of them, even past an error).
        var lines = 0
        /// Index (within the part) and text of the first undecodable line.
        var error: (index: Int, message: String)?
    }

    struct Block: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
    }

    let workers: Int

    init(workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.workers = max(1, min(workers, 8))
    }

    func decode(_ bytes: UnsafeRawBufferPointer) -> [Part] {
        let n = bytes.count < 256 << 10 ? 1 : workers
        // Split at line boundaries.
        var bounds = [0]
        for k in 1..<n {
            var p = max(bounds.last!, bytes.count * k / n)
            while p < bytes.count && bytes[p] != 0x0A { p += 1 }
            bounds.append(min(p + 1, bytes.count))
        }
        bounds.append(bytes.count)
        let cuts = bounds
        let parts = (0..<n).map { _ in Part() }
        let block = Block(bytes: bytes)
        let work = { @Sendable (i: Int) in
            let part = parts[i]
            var decoder = EventDecoder()
            var p = cuts[i]
            let end = cuts[i + 1]
            part.events.reserveCapacity((end - p) / 250)
            while p < end {
                var q = p
                while q < end && block.bytes[q] != 0x0A { q += 1 }
                let line = UnsafeRawBufferPointer(rebasing: block.bytes[p..<q])
                if part.error == nil {
                    do {
                        part.events.append(try decoder.decode(line))
                        part.spans.append((p, q - p))
                    } catch {
                        part.error = (part.lines, "\(error)")
                    }
                }
                part.lines += 1
                p = q + 1
            }
        }
        if n == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: n, execute: work) }
        return parts
    }
}
