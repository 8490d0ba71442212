import JSONCodec
import TextFormats

/// Serialises a ledger for snapshots: canonical JSON, facts written with the
/// same encoder as the log, so a snapshot can be read by the same strict
/// decoder. Pure: bytes in, bytes out; the snapshot store does the I/O.
public enum LedgerCodec {
    /// The whole ledger as one object (every section's keys).
    public static func encode(_ l: Ledger) -> [UInt8] {
        var w = JSONWriter(reserving: 1 << 16)
        w.beginObject()
        for part in LedgerSection.allCases { writeKeys(of: part, l, &w) }
        w.endObject()
        return w.bytes
    }

    /// One section of the ledger as an object of its own: a snapshot keeps
    /// them apart so a command reads only what it needs (an append of a tip
    /// needs the units, not twenty thousand models).
    public static func encode(_ l: Ledger, section: LedgerSection) -> [UInt8] {
        var w = JSONWriter(reserving: 1 << 12)
        w.beginObject()
        writeKeys(of: section, l, &w)
        w.endObject()
        return w.bytes
    }

    /// A section as objects that decode independently: the models (most of
    /// a national snapshot) in two halves, so a reader decodes them on two
    /// cores; every other section in one.
    public static func encodePieces(_ l: Ledger, section: LedgerSection) -> [[UInt8]] {
        pieceEncoders(l).filter { $0.section == section }.map { $0.encode() }
    }

    /// Every piece of every section (in `LedgerSection.allCases` order), as
    /// work that may run on any core: a rebuild writes a snapshot at its
    /// end, and encoding the pieces one after another left a core idle.
    public static func pieceEncoders(_ l: Ledger) -> [(section: LedgerSection, piece: Int, encode: @Sendable () -> [UInt8])] {
        var jobs: [(section: LedgerSection, piece: Int, encode: @Sendable () -> [UInt8])] = []
        for section in LedgerSection.allCases {
            guard section == .models else {
                jobs.append((section, 0, { encode(l, section: section) }))
                continue
            }
            let (records, ids) = modelsInIDOrder(l.models)
            // The second piece also holds the cameras (a row per unit and
            // day, about a tenth of a model's bytes): the first takes more
            // models so that both take about as long to decode.
            let cameraRows = l.models.cameras.values.reduce(0) { $0 + $1.count }
            let half = min(ids.count, (ids.count + cameraRows / 10 + 1) / 2)
            jobs.append((section, 0, {
                // Sized for a model's usual 200-odd bytes: growing by doubling copied the piece over and over.
                var first = JSONWriter(reserving: 1 << 16 + half * 256)
                first.beginObject()
                // Each piece sizes its own table: the second is joined as a part of its own.
                first.key("model_count"); first.int(Int64(half))
                writeModels(ids[..<half], of: records, &first)
                first.endObject()
                return first.bytes
            }))
            jobs.append((section, 1, {
                var second = JSONWriter(reserving: 1 << 16 + (ids.count - half) * 256 + cameraRows * 24)
                second.beginObject()
                second.key("model_count"); second.int(Int64(ids.count - half))
                writeModels(ids[half...], of: records, &second)
                writeCameras(l, &second)
                second.endObject()
                return second.bytes
            }))
        }
        return jobs
    }

    /// The models' records, and their positions in id order (snapshots are
    /// written in id order, so the same state gives the same bytes). As
    /// positions in one array: looking each id up again while writing took a
    /// third of the encoding, and moving the records themselves in the sort
    /// was slower still.
    static func modelsInIDOrder(_ models: ModelRegistry) -> (records: [ModelRegistry.Record], order: [Int]) {
        let records = models.allRecords
        return (records, records.indices.sorted { records[$0].id < records[$1].id })
    }

    /// The records at `order`, in that order.
    static func writeModels(_ order: ArraySlice<Int>, of records: [ModelRegistry.Record], _ w: inout JSONWriter) {
        w.key("models"); w.beginArray()
        for i in order {
            let r = records[i]
            w.beginObject()
            w.key("id"); w.string(r.id)
            w.key("unit"); w.string(r.unit)
            // Compact rows: a national log holds tens of thousands of models,
            // and every reading command loads them.
            w.key("rows"); w.beginArray()
            for e in r.entries { writeModelRow(e, &w) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
    }

    static func writeCameras(_ l: Ledger, _ w: inout JSONWriter) {
        w.key("cameras"); w.beginArray()
        for unit in l.models.cameras.keys.sorted() {
            for (day, n) in l.models.cameras[unit]!.sorted(by: { $0.key < $1.key }) {
                w.beginArray(); w.string(unit); w.int(Int64(day)); w.int(Int64(n)); w.endArray()
            }
        }
        w.endArray()
    }

    static func writeKeys(of section: LedgerSection, _ l: Ledger, _ w: inout JSONWriter) {
        switch section {
        case .base:
            w.key("last_seq"); w.int(Int64(l.lastSeq))
            w.key("last_recorded"); if let r = l.lastRecorded { w.string(r.rfc3339) } else { w.null() }
            w.key("log"); if let c = l.log { EventEncoder.writeData(.logCreated(c), &w) } else { w.null() }
            w.key("units"); w.beginArray()
            for code in l.units.order {
                guard let r = l.units.records[code] else { continue }
                w.beginObject()
                w.key("code"); w.string(code)
                w.key("entries"); writeEntries(r.entries.map { ($0.seq, Fact(occurred: $0.occurred, unit: code, data: $0.data)) }, &w)
                w.endObject()
            }
            w.endArray()
        case .models:
            // The count first, so a reader sizes its table once.
            w.key("model_count"); w.int(Int64(l.models.recordCount))
            let (records, order) = modelsInIDOrder(l.models)
            writeModels(order[...], of: records, &w)
            writeCameras(l, &w)
        case .flows:
            w.key("flows"); w.beginArray()
            for key in l.flows.rows.keys.sorted(by: { ($0.unit, $0.year) < ($1.unit, $1.year) }) {
                w.beginArray(); w.string(key.unit); w.int(Int64(key.year))
                w.beginArray(); for v in l.flows.rows[key]! { w.int(Int64(v)) }; w.endArray()
                w.endArray()
            }
            w.endArray()
        case .amendments:
            w.key("corrections"); w.beginArray()
            for t in l.amendments.corrections.keys.sorted() {
                w.beginArray(); w.int(Int64(t)); for s in l.amendments.corrections[t]! { w.int(Int64(s)) }; w.endArray()
            }
            w.endArray()
            w.key("retractions"); w.beginArray()
            for t in l.amendments.retractions.keys.sorted() {
                w.beginArray(); w.int(Int64(t)); w.int(Int64(l.amendments.retractions[t]!)); w.endArray()
            }
            w.endArray()
            w.key("assertions"); w.beginArray()
            for s in l.amendments.assertions { w.int(Int64(s)) }
            w.endArray()
        }
    }

    /// `[seq, day, "e", kind, name, members]` (established),
    /// `[seq, day, "c", kind|null, name|null, members|null]` (changed),
    /// `[seq, day, "d", reason|null]` (dissolved).
    static func writeModelRow(_ e: ModelRegistry.Entry, _ w: inout JSONWriter) {
        w.beginArray()
        w.int(Int64(e.seq)); w.int(Int64(e.day))
        switch e.change {
        case .established(let kind, let name, let members):
            w.string("e"); w.string(kind.rawValue); w.string(name); w.int(Int64(members))
        case .changed(let kind, let name, let members):
            w.string("c")
            if let kind { w.string(kind.rawValue) } else { w.null() }
            if let name { w.string(name) } else { w.null() }
            if let members { w.int(Int64(members)) } else { w.null() }
        case .dissolved(let reason):
            w.string("d")
            if let reason { w.string(reason) } else { w.null() }
        }
        w.endArray()
    }

    static func readModelRows(_ s: inout JSONScanner, id: String, unit: String, into models: inout ModelRegistry) throws {
        func optString(_ s: inout JSONScanner) throws -> String? {
            if try s.peekKind() == .null { try s.readNull(); return nil }
            return try s.readString()
        }
        func kind(_ s: inout JSONScanner) throws -> ModelKind {
            let raw = try s.readRawString()
            guard !raw.escaped, let k = ModelKind.stored(raw.bytes) else { throw DecodeError(reason: "model kind") }
            return k
        }
        func optInt(_ s: inout JSONScanner) throws -> Int? {
            if try s.peekKind() == .null { try s.readNull(); return nil }
            return Int(try s.readInt64())
        }
        func next(_ s: inout JSONScanner) throws {
            guard try s.nextElement() else { throw DecodeError(reason: "model row too short") }
        }
        var entries: [ModelRegistry.Entry] = []
        entries.reserveCapacity(4)
        try s.beginArray()
        while try s.nextElement() {
            try s.beginArray()
            try next(&s); let seq = Int(try s.readInt64())
            try next(&s)
            let dayNumber = Int(try s.readInt64())
            guard let day = ModelRegistry.storedDay(dayNumber) else { throw DecodeError(reason: "model row day \(dayNumber)") }
            try next(&s)
            let raw = try s.readRawString()
            let tag = raw.bytes.count == 1 && !raw.escaped ? raw.bytes[0] : 0
            let change: ModelChange
            switch tag {
            case UInt8(ascii: "e"):
                try next(&s)
                let kind = try kind(&s)
                try next(&s); let name = try s.readString()
                try next(&s); let members = Int(try s.readInt64())
                change = .established(kind: kind, name: name, members: members)
            case UInt8(ascii: "c"):
                try next(&s)
                var changedKind: ModelKind?
                if try s.peekKind() == .null { try s.readNull() } else { changedKind = try kind(&s) }
                try next(&s); let name = try optString(&s)
                try next(&s); let members = try optInt(&s)
                change = .changed(kind: changedKind, name: name, members: members)
            case UInt8(ascii: "d"):
                try next(&s); change = .dissolved(reason: try optString(&s))
            default:
                throw DecodeError(reason: "model row tag \(tag)")
            }
            guard try !s.nextElement() else { throw DecodeError(reason: "model row too long") }
            entries.append(ModelRegistry.Entry(seq: seq, day: day, change: change))
        }
        // Rows were written in the registry's order; restore the record whole.
        models.restore(id: id, unit: unit, entries: entries)
    }

    static func writeEntries(_ entries: [(Int, Fact)], _ w: inout JSONWriter) {
        w.beginArray()
        for (seq, f) in entries {
            w.beginObject()
            w.key("seq"); w.int(Int64(seq))
            w.key("fact"); EventEncoder.writeFact(f, &w)
            w.endObject()
        }
        w.endArray()
    }

    public struct DecodeError: Error, Sendable { public var reason: String }

    /// Rebuilds a ledger from snapshot bytes. Any inconsistency is an error:
    /// the caller then falls back to an earlier snapshot or a full replay.
    /// Streams through the bytes with the pull scanner (a snapshot of a
    /// million-event log holds tens of thousands of facts; every reading
    /// command and every append loads one).
    public static func decode(_ bytes: [UInt8]) throws -> Ledger {
        var l = Ledger()
        try decode(bytes, into: &l)
        return l
    }

    /// Reads an object holding any of the ledger's keys (one section, or all)
    /// into `l`, so a snapshot's sections can be read one by one.
    public static func decode(_ bytes: [UInt8], into ledger: inout Ledger) throws {
        try bytes.withUnsafeBytes { try decode($0, into: &ledger) }
    }

    /// The same, from bytes anywhere in memory (a snapshot's piece is read
    /// from a mapping of the file, not copied into an array).
    public static func decode(_ bytes: UnsafeRawBufferPointer, into ledger: inout Ledger) throws {
        // A models piece as antq writes it: the layout reader (same result).
        if ledger.models.recordCount == 0 && ledger.models.cameras.isEmpty, let models = LayoutReader.modelsPiece(bytes) {
            ledger.models = models
            return
        }
        try decodeWithScanner(bytes, into: &ledger)
    }

    static func decodeWithScanner(_ bytes: [UInt8], into ledger: inout Ledger) throws {
        try bytes.withUnsafeBytes { try decodeWithScanner($0, into: &ledger) }
    }

    /// The general reading of `decode(_:into:)`: any key order, spacing and escapes.
    static func decodeWithScanner(_ buf: UnsafeRawBufferPointer, into ledger: inout Ledger) throws {
        do {
            ledger = try { [ledger] in
                var s = JSONScanner(buf, maxDepth: 32)
                var l = ledger
                var seen: Set<String> = []
                try s.beginObject()
                while let key = try s.nextKey() {
                    let name = key.string
                    guard seen.insert(name).inserted else { throw DecodeError(reason: "\(name) twice") }
                    switch name {
                    case "last_seq":
                        l.lastSeq = Int(try s.readInt64())
                    case "last_recorded":
                        if try s.peekKind() == .null { try s.readNull() } else { l.lastRecorded = UTCInstant(rfc3339: try s.readString()) }
                    case "log":
                        if try s.peekKind() == .null { try s.readNull(); break }
                        guard case .logCreated(let c) = try DataDecoder.decode(.logCreated, try DataField.readObject(&s, path: "log"), path: "log", mode: .stored) else {
                            throw DecodeError(reason: "log")
                        }
                        l.log = c
                    case "units":
                        try s.beginArray()
                        while try s.nextElement() {
                            for (seq, fact) in try records(&s) { l.units.add(fact, seq: seq) }
                        }
                    case "model_count":
                        l.models.reserve(Int(try s.readInt64()))
                    case "models":
                        try s.beginArray()
                        while try s.nextElement() {
                            try s.beginObject()
                            var id: String?
                            var unit: String?
                            while let k = try s.nextKey() {
                                if k.equals("id") { id = try s.readString() }
                                else if k.equals("unit") { unit = try s.readString() }
                                else if k.equals("rows"), let id, let unit { try readModelRows(&s, id: id, unit: unit, into: &l.models) }
                                else { throw DecodeError(reason: "model key \(k.string)") }
                            }
                        }
                    case "cameras":
                        var rows = ModelRegistry.CameraRows()
                        try s.beginArray()
                        while try s.nextElement() {
                            try s.beginArray()
                            guard try s.nextElement() else { throw DecodeError(reason: "cameras") }
                            let unit = try s.readString()
                            guard try s.nextElement() else { throw DecodeError(reason: "cameras") }
                            let day = try s.readInt64()
                            guard try s.nextElement() else { throw DecodeError(reason: "cameras") }
                            let n = try s.readInt64()
                            guard try !s.nextElement() else { throw DecodeError(reason: "cameras") }
                            guard let day32 = ModelRegistry.storedDay(Int(day)) else {
                                throw DecodeError(reason: "cameras day \(day)")
                            }
                            rows.add(unit: unit, day: day32, n: Int(n), to: &l.models)
                        }
                        rows.flush(into: &l.models)
                    case "flows":
                        try s.beginArray()
                        while try s.nextElement() {
                            try s.beginArray()
                            guard try s.nextElement() else { throw DecodeError(reason: "flows") }
                            let unit = try s.readString()
                            guard try s.nextElement() else { throw DecodeError(reason: "flows") }
                            let year = Int(try s.readInt64())
                            guard try s.nextElement() else { throw DecodeError(reason: "flows") }
                            try s.beginArray()
                            var row: [Int] = []
                            row.reserveCapacity(Metric.flowCount)
                            while try s.nextElement() {
                                guard row.count < Metric.flowCount else { throw DecodeError(reason: "flows: too many counters") }
                                row.append(Int(try s.readInt64()))
                            }
                            guard row.count == Metric.flowCount, try !s.nextElement() else { throw DecodeError(reason: "flows") }
                            l.flows.add(unit: unit, year: year, row: row)
                        }
                    case "corrections":
                        // `[target, correction, …]`: read without a second array per row.
                        try s.beginArray()
                        while try s.nextElement() {
                            try s.beginArray()
                            guard try s.nextElement() else { throw DecodeError(reason: "corrections") }
                            let target = Int(try s.readInt64())
                            var corrections: [Int] = []
                            while try s.nextElement() { corrections.append(Int(try s.readInt64())) }
                            guard !corrections.isEmpty else { throw DecodeError(reason: "corrections") }
                            l.amendments.set(corrections: corrections, for: target)
                        }
                    case "retractions":
                        try s.beginArray()
                        while try s.nextElement() {
                            try s.beginArray()
                            guard try s.nextElement() else { throw DecodeError(reason: "retractions") }
                            let target = Int(try s.readInt64())
                            guard try s.nextElement() else { throw DecodeError(reason: "retractions") }
                            let retraction = Int(try s.readInt64())
                            guard try !s.nextElement() else { throw DecodeError(reason: "retractions") }
                            l.amendments.set(retraction: retraction, for: target)
                        }
                    case "assertions":
                        for n in try ints(&s) { l.amendments.add(assertion: n) }
                    default:
                        throw DecodeError(reason: "unknown key \(name)")
                    }
                }
                try s.expectEnd()
                return l
            }()
        } catch let e as DecodeError {
            throw e
        } catch {
            throw DecodeError(reason: "\(error)")
        }
    }

    /// `{"code"|"id": …, "unit"?: …, "entries": [{"seq": N, "fact": {…}}, …]}`
    static func records(_ s: inout JSONScanner) throws -> [(Int, Fact)] {
        var out: [(Int, Fact)] = []
        try s.beginObject()
        while let key = try s.nextKey() {
            if key.equals("entries") {
                try s.beginArray()
                while try s.nextElement() {
                    try s.beginObject()
                    var seq: Int?
                    var fact: Fact?
                    while let k = try s.nextKey() {
                        if k.equals("seq") { seq = Int(try s.readInt64()) }
                        else if k.equals("fact") { fact = try Self.fact(&s) }
                        else { throw DecodeError(reason: "entry key \(k.string)") }
                    }
                    guard let seq, let fact else { throw DecodeError(reason: "entry") }
                    out.append((seq, fact))
                }
            } else {
                try s.skipValue()
            }
        }
        return out
    }

    /// A stored fact: in the log's own layout (nearly always) through
    /// `LayoutReader`, else through the general decoder.
    static func fact(_ s: inout JSONScanner) throws -> Fact {
        let saved = s
        try s.skipValue()
        var bytes = s.bytes(from: saved.offset, to: s.offset)
        // `nextKey` took the colon; the value may follow spaces.
        while let first = bytes.first, first == 0x20 || first == 0x0A || first == 0x09 || first == 0x0D {
            bytes = UnsafeRawBufferPointer(rebasing: bytes.dropFirst())
        }
        if let fact = LayoutReader.fact(bytes) { return fact }
        s = saved
        return try DataDecoder.decodeFact(try DataField.readObject(&s, path: "fact"), path: "fact", mode: .stored)
    }

    static func ints(_ s: inout JSONScanner) throws -> [Int] {
        var a: [Int] = []
        try s.beginArray()
        while try s.nextElement() { a.append(Int(try s.readInt64())) }
        return a
    }
}

extension ModelRegistry {
    /// Puts back a model read from a snapshot, its entries already in order.
    mutating func restore(id: String, unit: String, entries: [Entry]) {
        guard !entries.isEmpty else { return }
        // Snapshots write them in order; sort only what is not.
        let sorted = zip(entries, entries.dropFirst()).allSatisfy { !Entry.inOrder($1, $0) } ? entries : entries.sorted(by: Entry.inOrder)
        table.set(Record(id: id, unit: unit, entries: sorted))
    }

    /// Puts back a model whose entries are known to be in order, with its final state.
    mutating func restore(id: String, unit: String, orderedEntries entries: [Entry], final: Final) {
        table.set(Record(id: id, unit: unit, entries: entries, final: final))
    }

    mutating func reserve(_ n: Int) { table.reserve(n) }

    /// A snapshot's camera rows, as both its readers take them: a unit's
    /// rows come together, so they are gathered and each unit's table is
    /// made at once, sized. A unit met again later is added to; a day given
    /// twice counts once, the last.
    struct CameraRows {
        private var unit: String?
        private var days: [(day: Int32, n: Int)] = []

        mutating func add(unit u: String, day: Int32, n: Int, to models: inout ModelRegistry) {
            if unit != u {
                flush(into: &models)
                unit = u
            }
            days.append((day, n))
        }

        /// Stores the unit gathered so far (call once more after the last row).
        mutating func flush(into models: inout ModelRegistry) {
            guard let unit else { return }
            var table = models.camerasStorage.removeValue(forKey: unit) ?? Dictionary(minimumCapacity: days.count)
            for (day, n) in days { table[day] = n }
            models.setCameras(unit: unit, days: table)
            self.unit = nil
            days.removeAll(keepingCapacity: true)
        }
    }

    mutating func setCameras(unit: String, days: [Int32: Int]) {
        camerasStorage[unit] = days.isEmpty ? nil : days
    }
}

extension AmendmentIndex {
    mutating func set(corrections: [Int], for target: Int) { correctionsStorage[target] = corrections }
    mutating func set(retraction: Int, for target: Int) { retractionsStorage[target] = retraction }
    mutating func add(assertion: Int) { assertionsStorage.append(assertion) }
}

extension Ledger {
    /// Takes over what a piece of a snapshot decoded on its own holds: pieces
    /// are decoded on several cores into ledgers of their own, then joined.
    /// Pieces hold disjoint parts (one section, or half of the models).
    public mutating func absorb(_ piece: Ledger, section: LedgerSection) {
        switch section {
        case .base:
            log = piece.log
            units = piece.units
            lastSeq = piece.lastSeq
            lastRecorded = piece.lastRecorded
        case .amendments:
            amendments = piece.amendments
        case .flows:
            flows = piece.flows
        case .models:
            models.absorb(piece.models)
        }
    }
}

extension ModelRegistry {
    mutating func absorb(_ other: ModelRegistry) {
        if table.count == 0 && camerasStorage.isEmpty {
            self = other
            return
        }
        table.absorb(other.table)
        for (unit, days) in other.camerasStorage { camerasStorage[unit] = days }
    }
}
