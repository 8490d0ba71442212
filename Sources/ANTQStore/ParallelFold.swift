import ANTQDomain
import EventLog
import Hashing
import TextFormats

/// The replay and the verify of a block of lines, spread over every core:
/// each worker checks its lines and folds the flow events (most of any log)
/// into its own partial `FlowTable`; only the other events come back, in
/// order, for the sequential fold. Flow counters are sums, so merging the
/// partial tables in any order gives the table a one-by-one fold would have
/// built.
struct ParallelFold {
    enum Mode {
        /// Reading commands: stop a piece at its first bad line or at the first
        /// event recorded after `asOf`. A flow event that `keep` accepts (by
        /// the day it occurred and its numbers) comes back as an event like
        /// the others instead of being folded (an audit sees the events that
        /// make up its figure).
        /// Without models (`includesModels` false), model and camera events
        /// change nothing and are dropped where they are read.
        /// Every line read is checked against the line before it (`links`):
        /// its `seq` and, where the links can be computed, its `prev`.
        case replay(asOf: UTCInstant?, keep: (@Sendable (CivilDate, FlowAmount) -> Bool)? = nil, models: Bool = true,
                    links: ChainLinks = .plain)
        /// `verify`: go on past bad lines, and keep what the sequential checks
        /// of every line need (hashes, links, seq, prev, recorded, batch marker).
        case verify(ChainKey)
    }

    /// What `verify` checks of each line in log order.
    struct LineRecord {
        var start: Int
        var length: Int
        var hash: SHA256Digest
        var link: SHA256Digest
        /// Nil when the line is not a valid event (then only hash and link are set).
        var line: (seq: Int, prev: SHA256Digest, recorded: UTCInstant, more: Bool, type: EventType)?
        /// Folded into the part's flow table rather than returned as an event.
        var foldedFlow = false
    }

    /// Flow counters (and, in a plain replay, camera counts) one worker folds into.
    final class Table: @unchecked Sendable {
        var flows = FlowTable()
        var cameras: [String: [Int32: Int]] = [:]
    }

    /// One worker's share of a block.
    final class Part: @unchecked Sendable {
        /// Where this part's flow events are folded: the worker's table for
        /// the whole replay (merged once at the end), or the part's own (verify).
        let table: Table
        /// Where the part's lines start in the block.
        let from: Int
        var flows: FlowTable { table.flows }

        init(table: Table, from: Int) {
            self.table = table
            self.from = from
        }

        /// The other events, with their line index within the part and where the line lies in the block.
        var events: [(index: Int, event: Event, start: Int, length: Int)] = []
        /// Lines folded (flow or not) before the part stopped.
        var lines = 0
        /// The last folded line: offset and length within the block, seq, recorded.
        var last: (start: Int, length: Int, seq: Int, recorded: UTCInstant)?
        /// The first bad line, by index within the part (replay).
        var failure: (index: Int, error: EventCodingError)?
        /// The part reached an event recorded after `asOf`.
        var reachedAsOf = false
        /// The chain of the part's lines (replay), joined to the parts
        /// before it in log order by the caller.
        var chain = ChainSegment()
        /// The first line that does not continue the chain of the line
        /// before it within the part, by index within the part (replay).
        var chainBreak: (index: Int, ChainBreak)?
        /// Every line, in order (verify).
        var records: [LineRecord] = []
        /// Why a line is not a valid event, by line index (verify; kept apart
        /// so a record stays small: a million of them are written and read).
        var problems: [Int: EventCodingError] = [:]
        /// Lines read as written although antq would not write them so now
        /// (`CheckedLine.textNote`), by line index (verify warns about each).
        var notes: [Int: String] = [:]
        /// The part's flow table as it stood before each `figure.asserted`
        /// line, by line index (verify): the assertion is checked a few lines
        /// later, and folding the part again from its start each time was a
        /// tenth of a verify.
        var flowsBeforeAssertion: [Int: FlowTable] = [:]
    }

    let decoder: ParallelDecoder
    /// Reporting-year start, known from the log's header before the replay.
    let start: MonthDay
    let mode: Mode
    /// One table per worker, kept across blocks in a replay: merging a
    /// table per block and worker was most of the sequential time.
    let tables: [Table]

    init(decoder: ParallelDecoder, start: MonthDay, mode: Mode) {
        self.decoder = decoder
        self.start = start
        self.mode = mode
        self.tables = (0..<decoder.workers).map { _ in Table() }
    }

    /// The flows of every line the workers folded (replay), handed over
    /// once: the workers' tables are emptied as they are merged, so the
    /// merge adds in place instead of holding three copies at the peak.
    func takeFoldedFlows() -> FlowTable {
        var all = FlowTable()
        for t in tables {
            var taken = FlowTable()
            swap(&taken, &t.flows)
            if all.rows.isEmpty { all = taken } else { all.merge(taken) }
        }
        return all
    }

    /// Adds the camera events the workers folded (plain replay) into `models`, once.
    func mergeFoldedCameras(into models: inout ModelRegistry) {
        for t in tables {
            var taken: [String: [Int32: Int]] = [:]
            swap(&taken, &t.cameras)
            models.mergeCameras(taken)
        }
    }

    /// Camera counts are sums like flows: without an audit looking at
    /// events (`keep`), a replay adds them on the workers too.
    @inline(__always)
    static func foldsCameras(_ line: CheckedLine, keep: ((CivilDate, FlowAmount) -> Bool)?, sign: Int = 1, into table: Table) -> Bool {
        guard keep == nil, let unit = line.unit else { return false }
        switch line.data {
        case .cameraInstalled(let n): ModelRegistry.addCameras(sign * n, unit: unit, day: line.occurred, to: &table.cameras)
        case .cameraRemoved(let n): ModelRegistry.addCameras(-sign * n, unit: unit, day: line.occurred, to: &table.cameras)
        default: return false
        }
        return true
    }

    /// Decodes a block on every core and folds what can be folded there;
    /// the jobs of `alongside` (the snapshot the block follows) share the cores.
    func fold(_ bytes: UnsafeRawBufferPointer, alongside snapshot: PendingLoad? = nil) -> [Part] {
        let cuts = decoder.pieces(bytes)
        var persistent = false
        if case .replay = self.mode { persistent = true }
        let parts = (0..<(cuts.count - 1)).map { i in Part(table: persistent ? tables[i] : Table(), from: cuts[i]) }
        let block = ParallelDecoder.Block(bytes: bytes)
        let start = self.start
        let mode = self.mode
        decoder.run(pieces: parts.count, alongside: snapshot) { i in
            let part = parts[i]
            var lineDecoder = EventDecoder()
            var pairs: PairedLinks?
            if case .replay(_, _, _, let links) = mode { pairs = PairedLinks(links, block: block.bytes, end: cuts[i + 1]) }
            block.forEachLine(from: cuts[i], to: cuts[i + 1]) { offset, length in
                let bytes = block.line(offset, length)
                switch mode {
                case .replay(let asOf, let keep, let models, _):
                    var read: FoldLine
                    do throws(EventCodingError) {
                        read = try lineDecoder.checkForFold(bytes)
                        // A flow event an audit looks at: it needs it whole.
                        if case .flow(let f) = read, keep?(f.occurred, f.amount) == true { read = .line(try lineDecoder.check(bytes)) }
                    } catch {
                        part.failure = (part.lines, error)
                        return false
                    }
                    if let asOf, read.recorded > asOf {
                        part.reachedAsOf = true
                        return false
                    }
                    if let broken = part.chain.add(seq: read.seq, prev: read.prev(in: bytes), link: pairs!.link(start: offset, length: length)) {
                        part.chainBreak = (part.lines, broken)
                        return false
                    }
                    switch read {
                    case .flow(let f):
                        FlowsProjection.add(occurred: f.occurred, unit: f.unit, amount: f.amount, start: start, sign: 1, to: &part.table.flows)
                    case .line(let line):
                        if models || !(line.type.isModelEvent || line.type == .cameraInstalled || line.type == .cameraRemoved),
                           !(models && Self.foldsCameras(line, keep: keep, into: part.table)) {
                            fold(line, bytes, at: offset, into: part, start: start, keep: keep)
                        }
                    }
                    part.last = (offset, length, read.seq, read.recorded)
                case .verify(let chain):
                    let hash = SHA256.hash(bytes)
                    var record = LineRecord(start: offset, length: length, hash: hash, link: chain.isKeyed ? chain.link(for: bytes) : hash)
                    do throws(EventCodingError) {
                        let line = try lineDecoder.check(bytes)
                        record.line = (line.seq, line.prev(in: bytes), line.recorded, line.more, line.type)
                        if let note = line.textNote { part.notes[part.lines] = note }
                        if line.type == .figureAsserted { part.flowsBeforeAssertion[part.lines] = part.table.flows }
                        record.foldedFlow = fold(line, bytes, at: offset, into: part, start: start, keep: nil)
                    } catch {
                        part.problems[part.lines] = error
                    }
                    if part.records.isEmpty { part.records.reserveCapacity((cuts[i + 1] - cuts[i]) / 200) }
                    part.records.append(record)
                }
                part.lines += 1
                return true
            }
        }
        return parts
    }

    /// Folds a flow event into the part's table, or keeps any other event for the sequential fold.
    @discardableResult
    private func fold(_ line: CheckedLine, _ bytes: UnsafeRawBufferPointer, at offset: Int, into part: Part, start: MonthDay,
                      keep: ((CivilDate, FlowAmount) -> Bool)?) -> Bool {
        if let amount = line.data.flowAmount, keep?(line.occurred, amount) != true {
            LedgerProjection.foldFlow(occurred: line.occurred, unit: line.unit, data: line.data, start: start, into: &part.table.flows)
            return true
        }
        part.events.append((part.lines, line.event(in: bytes), offset, bytes.count))
        return false
    }

    /// Takes back from its worker's table what a part folded: a replay that
    /// stops in an earlier part of the block (`--as-of`, a damaged line)
    /// must not count the lines after that point.
    func undo(_ part: Part, in bytes: UnsafeRawBufferPointer) {
        guard case .replay(_, let keep, let models, _) = mode else { return }
        var lineDecoder = EventDecoder()
        var n = 0
        ParallelDecoder.Block(bytes: bytes).forEachLine(from: part.from, to: bytes.count) { offset, length in
            guard n < part.lines else { return false }
            n += 1
            let line = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])
            if let checked = try? lineDecoder.check(line) {
                if let amount = checked.data.flowAmount, keep?(checked.occurred, amount) != true {
                    LedgerProjection.foldFlow(occurred: checked.occurred, unit: checked.unit, data: checked.data, start: start, sign: -1,
                                              into: &part.table.flows)
                } else if models {
                    _ = Self.foldsCameras(checked, keep: keep, sign: -1, into: part.table)
                }
            }
            return true
        }
    }

    /// The flows a part's first `count` lines add, folded again from the
    /// block: `verify` needs the exact table at a `figure.asserted`'s instant,
    /// which may fall inside a part (a few times per log).
    func flows(of part: Part, firstLines count: Int, in bytes: UnsafeRawBufferPointer) -> FlowTable {
        // From the nearest table kept before an assertion, if any.
        let from = part.flowsBeforeAssertion.keys.filter { $0 <= count }.max()
        var table = from.map { part.flowsBeforeAssertion[$0]! } ?? FlowTable()
        var lineDecoder = EventDecoder()
        for record in part.records[(from ?? 0)..<count] where record.foldedFlow {
            let line = UnsafeRawBufferPointer(rebasing: bytes[record.start..<(record.start + record.length)])
            if let checked = try? lineDecoder.check(line) {
                LedgerProjection.foldFlow(occurred: checked.occurred, unit: checked.unit, data: checked.data, start: start, into: &table)
            }
        }
        return table
    }
}
