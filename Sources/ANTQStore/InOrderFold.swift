import ANTQDomain
import EventLog
import Hashing
import SystemCalls

/// The in-order half of a replay: each block's parts, as the cores left
/// them, joined to the chain and their other events folded into the ledger
/// in log order (`ParallelFold` does the rest on every core).
///
/// A replay without `--as-of` hands a block over and goes on reading the
/// next block and folding its flows on the cores while this one is applied
/// on a thread of its own (`handOver`): otherwise a core would wait while
/// the events are applied, and the events would wait while the next block
/// is read. A visitor that does not read the lines is shown each block on
/// that thread, in log order (with an empty line). With `--as-of`, or a
/// visitor that reads the lines, each block is applied before the next is
/// read (`apply`): an `--as-of` stop undoes what the workers' tables took
/// from the rest of the block, and the lines are in the block's buffer,
/// which the next read reuses.
final class InOrderFold: @unchecked Sendable {
    var ledger: Ledger
    var join: ChainJoin
    var lastSeq: Int
    var lastLineOffset: Int64 = -1
    var lastLineLength = 0
    var endOffset: Int64
    var replayed = 0
    var failure: StoreError?
    private let projection: LedgerProjection
    private let fileName: String
    private let failed: (ChainBreak, Int) -> StoreError
    /// The thread applying the block handed over last, if any.
    private var running: JoinableThread?

    /// The ledger, taken out once the fold is over: whoever changes it next
    /// then holds its only copy (a shared table is copied whole on its first change).
    func takeLedger() -> Ledger {
        var taken = Ledger()
        swap(&taken, &ledger)
        return taken
    }

    init(ledger: Ledger, join: ChainJoin, lastSeq: Int, endOffset: Int64, projection: LedgerProjection, fileName: String,
         chainFailure: @escaping (ChainBreak, Int) -> StoreError) {
        self.ledger = ledger
        self.join = join
        self.lastSeq = lastSeq
        self.endOffset = endOffset
        self.projection = projection
        self.fileName = fileName
        self.failed = chainFailure
    }

    /// Applies a block's parts in order; false to stop (a failure, or `--as-of` reached).
    /// - Parameters:
    ///   - bytes: the block, for `visit` and for undoing after an `--as-of` stop
    ///     (nil on the in-order thread: the visitor then gets an empty line).
    func apply(_ parts: [ParallelFold.Part], offset: Int64, firstLine: Int, bytes: UnsafeRawBufferPointer?, fold: ParallelFold?,
               visit: ((Event, UnsafeRawBufferPointer, inout Ledger) throws -> Void)?) -> Bool {
        var lineNumber = firstLine
        for (k, part) in parts.enumerated() {
            if let broken = join.join(part.chain) {
                failure = failed(broken, lineNumber)
                return false
            }
            for (index, e, start, length) in part.events {
                if let visit {
                    let line = bytes.map { UnsafeRawBufferPointer(rebasing: $0[start..<(start + length)]) } ?? UnsafeRawBufferPointer(start: nil, count: 0)
                    do { try visit(e, line, &ledger) } catch {
                        failure = error as? StoreError ?? .damaged(file: fileName, line: lineNumber + index, reason: StoreError.reason(error))
                        return false
                    }
                }
                projection.apply(e, to: &ledger)
            }
            if let last = part.last {
                ledger.lastSeq = last.seq
                ledger.lastRecorded = last.recorded
                lastSeq = last.seq
                lastLineOffset = offset + Int64(last.start)
                lastLineLength = last.length
                endOffset = lastLineOffset + Int64(last.length) + 1
            }
            replayed += part.lines
            if let (index, error) = part.failure {
                failure = .damaged(file: fileName, line: lineNumber + index, reason: StoreError.reason(error))
                return false
            }
            if let (index, broken) = part.chainBreak {
                failure = failed(broken, lineNumber + index)
                return false
            }
            if part.reachedAsOf {
                // The later parts of this block folded events recorded after --as-of.
                if let fold, let bytes { for later in parts[(k + 1)...] { fold.undo(later, in: bytes) } }
                return false
            }
            lineNumber += part.lines
        }
        return true
    }

    /// Waits for the block handed over before, then applies this one on a
    /// thread of its own; false when the one before failed (stop reading).
    func handOver(_ parts: [ParallelFold.Part], offset: Int64, firstLine: Int,
                  visit: ((Event, UnsafeRawBufferPointer, inout Ledger) throws -> Void)?) -> Bool {
        finish()
        guard failure == nil else { return false }
        // A block that stops (a bad line, a broken link) is applied here and ends the replay: no later block is read.
        if parts.contains(where: { $0.failure != nil || $0.chainBreak != nil }) {
            _ = apply(parts, offset: offset, firstLine: firstLine, bytes: nil, fold: nil, visit: visit)
            return false
        }
        let body = { [self] in _ = apply(parts, offset: offset, firstLine: firstLine, bytes: nil, fold: nil, visit: visit) }
        // The ledger changes a little per block: no huge pages for this thread's arena.
        if let t = PosixThread.start(hugePages: false, body) { running = t } else { body() }
        return true
    }

    /// Waits for the block handed over last.
    func finish() {
        running?.join()
        running = nil
    }
}
