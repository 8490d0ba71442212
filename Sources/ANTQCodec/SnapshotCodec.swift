import ANTQDomain
import Decimals
import JSONCodec
import TextFormats

/// The ledger as the pieces of a snapshot, one per section (see
/// `LedgerSection`): each piece is encoded and checked on its own, so a
/// command loads only the sections it reads.
public enum SnapshotCodec {
    /// One piece to encode: its section and how.
    public struct Job: Sendable {
        public let section: LedgerSection
        public let piece: Int
        public let encode: @Sendable () -> [UInt8]
    }

    public static func pieceEncoders(_ ledger: Ledger) -> [Job] {
        LedgerSection.allCases.map { section in Job(section: section, piece: 0, encode: { encode(ledger, section) }) }
    }

    static func tag(_ s: LedgerSection) -> UInt8 {
        switch s {
        case .base: 1
        case .amendments: 2
        case .flows: 3
        case .models: 4
        }
    }

    static func encode(_ l: Ledger, _ section: LedgerSection) -> [UInt8] {
        var w = ByteWriter()
        w.byte(tag(section))
        switch section {
        case .base:
            w.uint(UInt64(l.lastSeq))
            w.bool(l.lastRecorded != nil)
            if let r = l.lastRecorded { w.int(r.microsecondsSinceEpoch) }
            w.bool(l.log != nil)
            if let c = l.log {
                w.string(c.logID); w.uint(UInt64(c.format)); w.string(c.periodStart.description); w.optionalString(c.keyID)
            }
            // Units and declarations as the facts they were folded from.
            let units = l.units.order.compactMap { l.units.records[$0] }
            w.uint(UInt64(units.count))
            for r in units {
                w.string(r.code)
                w.uint(UInt64(r.entries.count))
                for e in r.entries { w.uint(UInt64(e.seq)); w.int(e.occurred.dayNumber); data(e.data, &w) }
            }
            let declarations = l.catalogue.declarations
            w.uint(UInt64(declarations.count))
            for (seq, d) in declarations { w.uint(UInt64(seq)); data(d, &w) }
            w.uint(UInt64(l.catalogue.recorded.count))
            for (name, n) in l.catalogue.recorded.sorted(by: { $0.key < $1.key }) { w.string(name); w.int(n) }
        case .amendments:
            let a = l.amendments
            w.uint(UInt64(a.corrections.count))
            for (t, cs) in a.corrections.sorted(by: { $0.key < $1.key }) {
                w.uint(UInt64(t)); w.uint(UInt64(cs.count)); for c in cs { w.uint(UInt64(c)) }
            }
            w.uint(UInt64(a.retractions.count))
            for (t, r) in a.retractions.sorted(by: { $0.key < $1.key }) { w.uint(UInt64(t)); w.uint(UInt64(r)) }
            w.uint(UInt64(a.assertions.count))
            for s in a.assertions { w.uint(UInt64(s)) }
        case .flows:
            let f = l.flows
            w.uint(UInt64(f.slotNames.count))
            for n in f.slotNames { w.string(n) }
            let rows = f.rows.sorted { ($0.key.unit, $0.key.month) < ($1.key.unit, $1.key.month) }
            w.uint(UInt64(rows.count))
            for (k, row) in rows {
                w.string(k.unit); w.int(Int64(k.month))
                let nonZero = row.enumerated().filter { $0.element != 0 }
                w.uint(UInt64(nonZero.count))
                for (i, v) in nonZero { w.uint(UInt64(i)); w.int128(v) }
            }
            let levels = l.levels.entries.sorted { ($0.key.unit, $0.key.indicator, $0.key.dimensions.joined(separator: "|")) < ($1.key.unit, $1.key.indicator, $1.key.dimensions.joined(separator: "|")) }
            w.uint(UInt64(levels.count))
            for (k, list) in levels {
                w.string(k.unit); w.string(k.indicator)
                w.uint(UInt64(k.dimensions.count)); for d in k.dimensions { w.string(d) }
                w.uint(UInt64(list.count))
                for e in list { w.int(Int64(e.day)); w.uint(UInt64(e.seq)); w.int128(e.value.significand); w.uint(UInt64(e.value.scale)) }
            }
        case .models:
            let records = l.models.records.values.sorted { $0.id < $1.id }
            w.uint(UInt64(records.count))
            for r in records {
                w.string(r.id); w.string(r.unit)
                w.uint(UInt64(r.entries.count))
                for e in r.entries {
                    w.uint(UInt64(e.seq)); w.int(Int64(e.day))
                    switch e.change {
                    case .established(let kind, let name, let members):
                        w.byte(0); w.string(kind); w.string(name); w.int(members)
                    case .changed(let kind, let name, let members):
                        w.byte(1); w.optionalString(kind); w.optionalString(name)
                        w.bool(members != nil); if let members { w.int(members) }
                    case .dissolved(let reason):
                        w.byte(2); w.optionalString(reason)
                    }
                }
            }
            let cameras = l.models.cameras.sorted { $0.key < $1.key }
            w.uint(UInt64(cameras.count))
            for (unit, days) in cameras {
                w.string(unit)
                w.uint(UInt64(days.count))
                for (day, n) in days.sorted(by: { $0.key < $1.key }) { w.int(Int64(day)); w.int(n) }
            }
        }
        return w.bytes
    }

    /// Event data inside a piece: its type and its data object as stored.
    static func data(_ d: EventData, _ w: inout ByteWriter) {
        w.string(d.type.rawValue)
        w.blob(LineWriter.encodeData(d))
    }

    static func readData(_ r: inout ByteReader) throws -> EventData {
        guard let type = EventType(rawValue: try r.string()) else { throw ByteReader.Malformed() }
        let bytes = try r.blobBytes()
        var s = JSONScanner(bytes)
        let fields = try InputTree.readObject(&s, path: "data")
        var b = RecordBuilder(mode: .stored, vocabularies: nil)
        guard let d = b.data(type, fields), !b.failed else { throw ByteReader.Malformed() }
        return d
    }

    /// Decodes one piece into `ledger` (a fresh ledger per piece; `absorb` joins them).
    public static func decode(_ bytes: UnsafeRawBufferPointer, into l: inout Ledger) throws {
        var r = ByteReader(bytes)
        let t = try r.byte()
        let dayNumbers = CivilDate.dayNumbers
        func checkDay(_ n: Int64) throws {
            guard dayNumbers.contains(Int(n)) else { throw ByteReader.Malformed() }
        }
        func day(_ n: Int64) throws -> CivilDate {
            try checkDay(n)
            return CivilDate(dayNumber: Int(n))
        }
        switch t {
        case 1:
            l.lastSeq = Int(try r.uint())
            if try r.bool() { l.lastRecorded = UTCInstant(microsecondsSinceEpoch: try r.int()) }
            if try r.bool() {
                let id = try r.string(), format = Int(try r.uint())
                guard let start = MonthDay(try r.string()) else { throw ByteReader.Malformed() }
                l.log = LogCreated(logID: id, format: format, periodStart: start, keyID: try r.optionalString())
            }
            for _ in 0..<(try r.count()) {
                let code = try r.string()
                for _ in 0..<(try r.count()) {
                    let seq = Int(try r.uint()), occurred = try day(try r.int())
                    l.units.add(Fact(occurred: occurred, unit: code, data: try readData(&r)), seq: seq)
                }
            }
            for _ in 0..<(try r.count()) {
                let seq = Int(try r.uint())
                l.catalogue.apply(try readData(&r), seq: seq)
            }
            for _ in 0..<(try r.count()) { l.catalogue.count(record: try r.string(), by: Int(try r.int())) }
        case 2:
            for _ in 0..<(try r.count()) {
                let t = Int(try r.uint())
                l.amendments.corrections[t] = try (0..<(try r.count())).map { _ in Int(try r.uint()) }
            }
            for _ in 0..<(try r.count()) { l.amendments.retractions[Int(try r.uint())] = Int(try r.uint()) }
            l.amendments.assertions = try (0..<(try r.count())).map { _ in Int(try r.uint()) }
        case 3:
            let names = try (0..<(try r.count())).map { _ in try r.string() }
            var slots = [Int?](repeating: nil, count: names.count)
            let rows = try r.count()
            l.flows.reserveRows(rows)
            // A row's values by slot, gathered first so that the row is made once, at its length.
            var values: [(slot: Int, value: Int128)] = []
            for _ in 0..<rows {
                let unit = try r.string(), month = Int32(truncatingIfNeeded: try r.int())
                // Straight into the table's slots: a name is looked up the first time it has a
                // value, not once per row (thousands of rows share a few dozen names).
                values.removeAll(keepingCapacity: true)
                var width = 0
                for _ in 0..<(try r.count()) {
                    let i = Int(try r.uint())
                    guard i < names.count else { throw ByteReader.Malformed() }
                    let v = try r.int128()
                    guard v != 0 else { continue }
                    let s: Int
                    if let known = slots[i] { s = known } else {
                        s = l.flows.slot(names[i])
                        slots[i] = s
                    }
                    values.append((s, v))
                    width = max(width, s + 1)
                }
                var row = [Int128](repeating: 0, count: width)
                for (s, v) in values { row[s] += v }
                l.flows.add(slottedRow: row, unit: unit, month: month)
            }
            for _ in 0..<(try r.count()) {
                let key = LevelTable.Key(unit: try r.string(), indicator: try r.string(), dimensions: try (0..<(try r.count())).map { _ in try r.string() })
                for _ in 0..<(try r.count()) {
                    let d = Int32(truncatingIfNeeded: try r.int()), seq = Int(try r.uint())
                    guard let v = ExactDecimal(significand: try r.int128(), scale: Int(try r.uint())) else { throw ByteReader.Malformed() }
                    l.levels.add(key, LevelTable.Entry(day: d, seq: seq, value: v))
                }
            }
        case 4:
            let records = try r.count()
            l.models.reserveRecords(records)
            for _ in 0..<records {
                let id = try r.string(), unit = try r.string()
                let count = try r.count()
                var entries: [ModelRegistry.Entry] = []
                entries.reserveCapacity(count)
                for _ in 0..<count {
                    let seq = Int(try r.uint()), d = Int32(truncatingIfNeeded: try r.int())
                    try checkDay(Int64(d))
                    let change: ModelChange
                    switch try r.byte() {
                    case 0: change = .established(kind: try r.string(), name: try r.string(), members: try r.int())
                    case 1:
                        let kind = try r.optionalString(), name = try r.optionalString()
                        change = .changed(kind: kind, name: name, members: try r.bool() ? try r.int() : nil)
                    case 2: change = .dissolved(reason: try r.optionalString())
                    default: throw ByteReader.Malformed()
                    }
                    entries.append(ModelRegistry.Entry(seq: seq, day: d, change: change))
                }
                l.models.set(ModelRegistry.Record(id: id, unit: unit, entries: entries))
            }
            var cameras: [String: [Int32: Int64]] = [:]
            for _ in 0..<(try r.count()) {
                let unit = try r.string()
                let count = try r.count()
                var days = cameras.removeValue(forKey: unit) ?? [:]
                days.reserveCapacity(days.count + count)
                for _ in 0..<count {
                    let d = Int32(truncatingIfNeeded: try r.int())
                    try checkDay(Int64(d))
                    days[d] = try r.int()
                }
                cameras[unit] = days
            }
            l.models.mergeCameras(cameras)
        default:
            throw ByteReader.Malformed()
        }
        guard r.atEnd else { throw ByteReader.Malformed() }
    }
}

extension Ledger {
    /// Takes over the parts of `piece` that `section` holds.
    public mutating func absorb(_ piece: Ledger, section: LedgerSection) {
        switch section {
        case .base:
            log = piece.log
            units = piece.units
            catalogue = piece.catalogue
            lastSeq = piece.lastSeq
            lastRecorded = piece.lastRecorded
        case .amendments: amendments = piece.amendments
        case .flows:
            flows = piece.flows
            levels = piece.levels
        case .models: models = piece.models
        }
    }
}
