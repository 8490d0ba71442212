import ANTQCodec
import ANTQDomain
import EventLog
import Hashing
import TextFormats

/// The replay and the verify of a block of lines, spread over every core:
/// each worker reads and checks its lines (and their chain) and folds the
/// flow events (most of any log), and in a replay the records of declared
/// flow indicators known before the block, into its own partial
/// `FlowTable`; only the other events come back, in order, for the
/// sequential fold. Flow figures are sums, so merging the partial tables
/// in any order gives the table a one-by-one fold would have built.
struct ParallelFold {
    enum Mode {
        /// Reading commands: stop a piece at its first bad line or at the
        /// first event recorded after `asOf`. A flow event that `keep`
        /// accepts comes back as an event like the others instead of being
        /// folded (an audit sees the events that make up its figure).
        /// Without models, model and camera events are dropped where read.
        /// Every line read is checked against the line before it (`links`).
        /// `keepsAll`: `keep` accepts every event (a visitor of the whole log),
        /// so every line is read whole at once.
        case replay(asOf: UTCInstant?, keep: (@Sendable (Event) -> Bool)? = nil, models: Bool = true, links: ChainLinks = .plain, keepsAll: Bool = false)
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

    /// Flow figures (and, in a plain replay, camera counts and records of
    /// declared flow indicators) one worker folds into.
    final class Table: @unchecked Sendable {
        var flows = FlowTable()
        var cameras: [String: [Int32: Int64]] = [:]
        /// Records of declared indicators folded here, per indicator.
        var recorded: [String: Records] = [:]
    }

    struct Records {
        /// Records in, less records out (see `DeclaredCatalogue.recorded`).
        var net = 0
        /// Records folded in or out so far.
        var folded = 0

        mutating func add(_ sign: Int64) {
            net += Int(sign)
            folded += 1
        }
    }

    /// One worker's share of a block.
    final class Part: @unchecked Sendable {
        let table: Table
        /// Where the part's lines start in the block.
        let from: Int
        /// The flow indicators whose records the part folded itself (`undo` takes them back with the same).
        let indicators: IndicatorFlows
        var flows: FlowTable { table.flows }

        init(table: Table, from: Int, indicators: IndicatorFlows) {
            self.table = table
            self.from = from
            self.indicators = indicators
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
        /// The chain of the part's lines (replay), joined to the parts before it by the caller.
        var chain = ChainSegment()
        /// The first line that does not continue the chain of the line before it within the part.
        var chainBreak: (index: Int, ChainBreak)?
        /// Every line, in order (verify).
        var records: [LineRecord] = []
        /// Why a line is not a valid event, by line index (verify).
        var problems: [Int: EventCodingError] = [:]
        /// Lines read as written although antq would not write them so now, by line index (verify).
        var notes: [Int: [Text]] = [:]
        /// The part's flow table as it stood before each `figure.asserted` line (verify).
        var flowsBeforeAssertion: [Int: FlowTable] = [:]
    }

    let decoder: BlockPieces
    /// The reporting months, known from the log's header before the replay.
    let projection: LedgerProjection
    let months: ReportingMonths
    let mode: Mode
    /// One table per worker, kept across blocks in a replay.
    let tables: [Table]

    init(decoder: BlockPieces, projection: LedgerProjection, start: MonthDay, mode: Mode) {
        self.decoder = decoder
        self.projection = projection
        self.months = ReportingMonths(start: start)
        self.mode = mode
        self.tables = (0..<decoder.workers).map { _ in Table() }
    }

    /// The flows of every line the workers folded (replay), handed over once.
    func takeFoldedFlows() -> FlowTable {
        var all = FlowTable()
        for t in tables {
            var taken = FlowTable()
            swap(&taken, &t.flows)
            all.merge(taken)
        }
        return all
    }

    /// Records of an indicator the workers folded so far (a replay checks
    /// after each block that none was folded with a shape the block changed).
    func recordsFolded(of indicator: String) -> Int { tables.reduce(0) { $0 + ($1.recorded[indicator]?.folded ?? 0) } }

    /// Records of every indicator the workers folded so far.
    var recordsFolded: Int { tables.reduce(0) { $0 + $1.recorded.values.reduce(0) { $0 + $1.folded } } }

    /// Counts the records the workers folded into the catalogue, once.
    func mergeFoldedRecordCounts(into catalogue: inout DeclaredCatalogue) {
        for t in tables {
            for (name, r) in t.recorded where r.net != 0 { catalogue.count(record: name, by: r.net) }
            t.recorded = [:]
        }
    }

    /// Adds the camera events the workers folded (plain replay) into `models`, once.
    func mergeFoldedCameras(into models: inout ModelRegistry) {
        for t in tables {
            var taken: [String: [Int32: Int64]] = [:]
            swap(&taken, &t.cameras)
            models.mergeCameras(taken)
        }
    }

    /// Whether a worker folds this event itself (a flow, a record of an
    /// indicator in `indicators`, or a camera count when no one looks at
    /// events), adding it to `table` with `sign`.
    @inline(__always)
    func foldsOnWorker(_ e: Event, keep: ((Event) -> Bool)?, models: Bool, sign: Int64 = 1, indicators: IndicatorFlows = IndicatorFlows(),
                       into table: Table) -> Bool {
        let spec = e.type.spec
        if spec.changesOnlyFlows {
            guard keep?(e) != true, let unit = e.unit else { return false }
            foldFlow(e.data, unit: unit, occurred: e.occurred, sign: sign, into: table)
            return true
        }
        if e.type == .indicatorRecorded, !indicators.isEmpty, keep?(e) != true, let unit = e.unit,
           foldRecord(e.data, unit: unit, occurred: e.occurred, sign: sign, indicators: indicators, into: table) {
            return true
        }
        if e.type.isCameraEvent, models, keep == nil, let unit = e.unit {
            let n = e.data.int(CameraCount.count) ?? 0
            ModelRegistry.addCameras((e.type == .cameraInstalled ? n : -n) * sign, unit: unit, day: Int32(e.occurred.dayNumber), to: &table.cameras)
            return true
        }
        return false
    }

    /// Folds a record of a declared indicator in `indicators`; false for
    /// any other record (a level indicator's, or one declared in the block
    /// being read): the in-order fold takes it.
    @inline(__always)
    func foldRecord(_ d: EventData, unit: String, occurred: CivilDate, sign: Int64, indicators: IndicatorFlows, into table: Table) -> Bool {
        // Counted only with a value, as the in-order fold counts (`LedgerProjection.applyIndicator`).
        guard let name = d.text(IndicatorRecorded.indicator), let flow = indicators[name], d.decimal(IndicatorRecorded.value) != nil else {
            return false
        }
        table.recorded[name, default: Records()].add(sign)
        if projection.foldsFlows(on: occurred) {
            flow.add(d, unit: unit, month: months.month(of: occurred), sign: sign, into: &table.flows)
        }
        return true
    }

    @inline(__always)
    func foldFlow(_ d: EventData, unit: String, occurred: CivilDate, sign: Int64, into table: Table) {
        if projection.foldsFlows(on: occurred) {
            LedgerProjection.foldFlow(d, unit: unit, month: months.month(of: occurred), sign: sign, into: &table.flows)
        }
    }

    /// Decodes a block on every core and folds what can be folded there.
    /// - Parameter indicators: the declared flow indicators known before
    ///   the block (replay): their records are folded on the cores too.
    func fold(_ bytes: UnsafeRawBufferPointer, indicators: IndicatorFlows = IndicatorFlows()) -> [Part] {
        let cuts = decoder.pieces(bytes)
        var persistent = false
        if case .replay = self.mode { persistent = true }
        let parts = (0..<(cuts.count - 1)).map { i in
            Part(table: persistent ? tables[i] : Table(), from: cuts[i], indicators: persistent ? indicators : IndicatorFlows())
        }
        let block = BlockPieces.Block(bytes: bytes)
        let mode = self.mode
        decoder.run(pieces: parts.count) { i in
            let part = parts[i]
            var reader = LineReader()
            var pairs: PairedLinks?
            // The mode's parts, bound once per part: binding them per line copied (and
            // retained) an audit's `keep` closure for every line.
            var replay: (asOf: UTCInstant?, keep: (@Sendable (Event) -> Bool)?, models: Bool, keepsAll: Bool)?
            var verify: ChainKey?
            switch mode {
            case .replay(let asOf, let keep, let models, let links, let keepsAll):
                replay = (asOf, keep, models, keepsAll)
                pairs = PairedLinks(links, block: block.bytes, end: cuts[i + 1])
            // Every line's SHA-256 (its fingerprint), two lines at a time; a keyed chain's HMAC besides.
            case .verify(let chain):
                verify = chain
                pairs = PairedLinks(.plain, block: block.bytes, end: cuts[i + 1])
            }
            // The state every line updates is kept here while the part is read, and handed to
            // the part once at the end: a class's properties are checked for exclusive access
            // at each use, and these are used on every line.
            var lines = part.lines, chain = part.chain, last = part.last, records = part.records
            block.forEachLine(from: cuts[i], to: cuts[i + 1]) { offset, length in
                let bytes = block.line(offset, length)
                if let (asOf, keep, models, keepsAll) = replay {
                    // A flow event's figures (or a record's, once its indicator is known
                    // here) are all the fold keeps, unless `keep` wants the event (an
                    // audit's few): then it is read again, whole.
                    var read: FoldLine
                    do throws(EventCodingError) {
                        read = keepsAll ? .line(try reader.read(bytes)) : try reader.readForFold(bytes, records: !part.indicators.isEmpty)
                        // Only a flow on the fold's days is shown to `keep` (see `DataStore.replay`'s `visitsFlows`):
                        // an audit's period is a small part of a long log, and each look makes an event.
                        if let keep, case .flow(let f) = read, projection.foldsFlows(on: f.occurred),
                           keep(f.figuresOnlyEvent) {
                            read = .line(try reader.read(bytes))
                        }
                    } catch {
                        part.failure = (lines, error)
                        return false
                    }
                    let stamp = read.stamp
                    if let asOf, stamp.recorded > asOf {
                        part.reachedAsOf = true
                        return false
                    }
                    if let broken = chain.add(seq: stamp.seq, prev: stamp.prev, link: pairs!.link(start: offset, length: length)) {
                        part.chainBreak = (lines, broken)
                        return false
                    }
                    // Consumed, so the flow line's storage moves to `recycle` rather than being copied.
                    switch consume read {
                    case .flow(let f):
                        if f.data.type != .indicatorRecorded {
                            foldFlow(f.data, unit: f.unit, occurred: f.occurred, sign: 1, into: part.table)
                        } else if !foldRecord(f.data, unit: f.unit, occurred: f.occurred, sign: 1, indicators: part.indicators, into: part.table) {
                            // A level indicator's record, or one whose indicator is declared in this
                            // block: folded in log order. Records are read for their figures only when
                            // no visitor looks at the events, and the fold itself reads a record's unit,
                            // days, seq and figure fields, never its id, author or note: those stay unread.
                            part.events.append((lines, f.figuresOnlyEvent, offset, length))
                        }
                        reader.recycle(f)
                    case .line(let l):
                        let e = l.event
                        let dropped = !models && (e.type.isModelEvent || e.type.isCameraEvent)
                        if !dropped && !foldsOnWorker(e, keep: keep, models: models, indicators: part.indicators, into: part.table) {
                            part.events.append((lines, e, offset, length))
                        }
                    }
                    last = (offset, length, stamp.seq, stamp.recorded)
                } else if let chain = verify {
                    let hash = pairs!.link(start: offset, length: length)!
                    var record = LineRecord(start: offset, length: length, hash: hash, link: chain.isKeyed ? chain.link(for: bytes) : hash)
                    do throws(EventCodingError) {
                        // A flow line is checked as strictly by the fold's reading, which keeps
                        // only its figures (a line it cannot vouch for is read whole, notes and all).
                        switch try reader.readForFold(bytes) {
                        case .flow(let f):
                            record.line = (f.seq, f.prev, f.recorded, f.more, f.data.type)
                            foldFlow(f.data, unit: f.unit, occurred: f.occurred, sign: 1, into: part.table)
                            record.foldedFlow = true
                            reader.recycle(f)
                        case .line(let line):
                            let e = line.event
                            record.line = (e.seq, line.prev, e.recorded, line.more, e.type)
                            if !line.notes.isEmpty { part.notes[lines] = line.notes }
                            if e.type == .figureAsserted { part.flowsBeforeAssertion[lines] = part.table.flows }
                            if foldsOnWorker(e, keep: nil, models: false, into: part.table) {
                                record.foldedFlow = true
                            } else {
                                part.events.append((lines, e, offset, length))
                            }
                        }
                    } catch {
                        part.problems[lines] = error
                    }
                    if records.isEmpty { records.reserveCapacity((cuts[i + 1] - cuts[i]) / 200) }
                    records.append(record)
                }
                lines += 1
                return true
            }
            part.lines = lines
            part.chain = chain
            part.last = last
            part.records = records
        }
        return parts
    }

    /// Takes back from its worker's table what a part folded: a replay that
    /// stops in an earlier part of the block (`--as-of`, a damaged line)
    /// must not count the lines after that point.
    func undo(_ part: Part, in bytes: UnsafeRawBufferPointer) {
        guard case .replay(_, let keep, let models, _, _) = mode else { return }
        var reader = LineReader()
        var n = 0
        BlockPieces.Block(bytes: bytes).forEachLine(from: part.from, to: bytes.count) { offset, length in
            guard n < part.lines else { return false }
            n += 1
            if let line = try? reader.read(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])) {
                _ = foldsOnWorker(line.event, keep: keep, models: models, sign: -1, indicators: part.indicators, into: part.table)
            }
            return true
        }
    }

    /// The flows a part's first `count` lines add, folded again from the
    /// block: `verify` needs the exact table at a `figure.asserted`'s instant.
    func flows(of part: Part, firstLines count: Int, in bytes: UnsafeRawBufferPointer) -> FlowTable {
        let from = part.flowsBeforeAssertion.keys.filter { $0 <= count }.max()
        let table = Table()
        table.flows = from.map { part.flowsBeforeAssertion[$0]! } ?? FlowTable()
        var reader = LineReader()
        for record in part.records[(from ?? 0)..<count] where record.foldedFlow {
            let line = UnsafeRawBufferPointer(rebasing: bytes[record.start..<(record.start + record.length)])
            // A worker read this very line as a flow: reading it again cannot fail, and
            // skipping it would settle the figure on a smaller sum without a word.
            guard let l = try? reader.read(line) else { preconditionFailure("a flow line read once could not be read again") }
            _ = foldsOnWorker(l.event, keep: nil, models: false, into: table)
        }
        return table.flows
    }
}
