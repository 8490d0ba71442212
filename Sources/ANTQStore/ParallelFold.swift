import ANTQDomain
import EventLog
import TextFormats

/// The replay of reading commands, spread over every core: each worker
/// checks its lines and folds the flow events (most of any log) into its own
/// partial `FlowTable`; only the other events come back, in order, for the
/// sequential fold. Flow counters are sums, so merging the partial tables in
/// any order gives the table a one-by-one fold would have built.
struct ParallelFold {
    /// One worker's share of a block.
    final class Part: @unchecked Sendable {
        /// Flow counters of this part's flow events.
        var flows = FlowTable()
        /// The other events, with their line index within the part.
        var events: [(index: Int, event: Event)] = []
        /// Lines folded (flow or not) before the part stopped.
        var lines = 0
        /// The last folded line: offset and length within the block, seq, recorded.
        var last: (start: Int, length: Int, seq: Int, recorded: UTCInstant)?
        /// The first bad line, by index within the part.
        var failure: (index: Int, error: EventCodingError)?
        /// The part reached an event recorded after `asOf`.
        var reachedAsOf = false
    }

    let decoder: ParallelDecoder
    /// Reporting-year start, known from the log's header before the replay.
    let start: MonthDay
    let asOf: UTCInstant?

    func fold(_ bytes: UnsafeRawBufferPointer) -> [Part] {
        let cuts = decoder.pieces(bytes)
        let parts = (0..<(cuts.count - 1)).map { _ in Part() }
        let block = ParallelDecoder.Block(bytes: bytes)
        let start = self.start
        let asOf = self.asOf
        decoder.run(pieces: parts.count) { i in
            let part = parts[i]
            var lineDecoder = EventDecoder()
            block.forEachLine(from: cuts[i], to: cuts[i + 1]) { offset, length in
                let bytes = block.line(offset, length)
                let line: CheckedLine
                do throws(EventCodingError) { line = try lineDecoder.check(bytes) } catch {
                    part.failure = (part.lines, error)
                    return false
                }
                if let asOf, line.recorded > asOf {
                    part.reachedAsOf = true
                    return false
                }
                if LedgerProjection.changesOnlyFlows(line.type) {
                    LedgerProjection.foldFlow(occurred: line.occurred, unit: line.unit, data: line.data, start: start, into: &part.flows)
                } else {
                    part.events.append((part.lines, line.event(in: bytes)))
                }
                part.last = (offset, length, line.seq, line.recorded)
                part.lines += 1
                return true
            }
        }
        return parts
    }
}
