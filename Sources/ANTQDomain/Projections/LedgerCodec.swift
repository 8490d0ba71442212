import JSONCodec
import TextFormats

/// Serialises a ledger for snapshots: canonical JSON, facts written with the
/// same encoder as the log, so a snapshot can be read by the same strict
/// decoder. Pure: bytes in, bytes out; the snapshot store does the I/O.
public enum LedgerCodec {
    public static func encode(_ l: Ledger) -> [UInt8] {
        var w = JSONWriter(reserving: 1 << 16)
        w.beginObject()
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
        w.key("models"); w.beginArray()
        for id in l.models.records.keys.sorted() {
            let r = l.models.records[id]!
            w.beginObject()
            w.key("id"); w.string(id)
            w.key("unit"); w.string(r.unit)
            w.key("entries"); writeEntries(r.entries.map { ($0.seq, Fact(occurred: $0.occurred, unit: r.unit, data: $0.data)) }, &w)
            w.endObject()
        }
        w.endArray()
        w.key("cameras"); w.beginArray()
        for unit in l.models.cameras.keys.sorted() {
            for (day, n) in l.models.cameras[unit]!.sorted(by: { $0.key < $1.key }) {
                w.beginArray(); w.string(unit); w.int(Int64(day)); w.int(Int64(n)); w.endArray()
            }
        }
        w.endArray()
        w.key("flows"); w.beginArray()
        for key in l.flows.rows.keys.sorted(by: { ($0.unit, $0.year) < ($1.unit, $1.year) }) {
            w.beginArray(); w.string(key.unit); w.int(Int64(key.year))
            w.beginArray(); for v in l.flows.rows[key]! { w.int(Int64(v)) }; w.endArray()
            w.endArray()
        }
        w.endArray()
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
        w.endObject()
        return w.bytes
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
    public static func decode(_ bytes: [UInt8]) throws -> Ledger {
        let v: JSONValue
        do { v = try JSONValue.parse(bytes, maxDepth: 32) } catch { throw DecodeError(reason: "not valid JSON: \(error)") }
        var l = Ledger()
        guard let seq = v["last_seq"]?.int else { throw DecodeError(reason: "last_seq") }
        l.lastSeq = seq
        if case .string(let s)? = v["last_recorded"] { l.lastRecorded = UTCInstant(rfc3339: s) }
        if let logV = v["log"], logV != .null {
            guard case .logCreated(let c) = try data(.logCreated, logV) else { throw DecodeError(reason: "log") }
            l.log = c
        }
        for u in v["units"]?.array ?? [] {
            for (seq, fact) in try entries(u["entries"]) { l.units.add(fact, seq: seq) }
        }
        for m in v["models"]?.array ?? [] {
            for (seq, fact) in try entries(m["entries"]) { l.models.add(fact, seq: seq) }
        }
        for c in v["cameras"]?.array ?? [] {
            guard let a = c.array, a.count == 3, case .string(let unit) = a[0], let day = a[1].int, let n = a[2].int else {
                throw DecodeError(reason: "cameras")
            }
            l.models.setCameras(unit: unit, day: Int32(day), count: n)
        }
        for f in v["flows"]?.array ?? [] {
            guard let a = f.array, a.count == 3, case .string(let unit) = a[0], let year = a[1].int,
                  let counts = a[2].array?.compactMap(\.int), counts.count == Metric.flowCount else {
                throw DecodeError(reason: "flows")
            }
            for (i, n) in counts.enumerated() where n != 0 { l.flows.add(unit: unit, year: year, slot: i, amount: n) }
        }
        for c in v["corrections"]?.array ?? [] {
            guard let a = c.array?.compactMap(\.int), a.count >= 2 else { throw DecodeError(reason: "corrections") }
            l.amendments.set(corrections: Array(a.dropFirst()), for: a[0])
        }
        for r in v["retractions"]?.array ?? [] {
            guard let a = r.array?.compactMap(\.int), a.count == 2 else { throw DecodeError(reason: "retractions") }
            l.amendments.set(retraction: a[1], for: a[0])
        }
        for s in v["assertions"]?.array ?? [] {
            guard let n = s.int else { throw DecodeError(reason: "assertions") }
            l.amendments.add(assertion: n)
        }
        return l
    }

    static func entries(_ v: JSONValue?) throws -> [(Int, Fact)] {
        guard let arr = v?.array else { throw DecodeError(reason: "entries") }
        return try arr.map { e in
            guard let seq = e["seq"]?.int, let f = e["fact"] else { throw DecodeError(reason: "entry") }
            let fields = try DataField.fields(of: f)
            return (seq, try DataDecoder.decodeFact(fields, path: "fact", mode: .stored))
        }
    }

    static func data(_ type: EventType, _ v: JSONValue) throws -> EventData {
        try DataDecoder.decode(type, try DataField.fields(of: v), path: "data", mode: .stored)
    }
}

extension JSONValue {
    var int: Int? { if case .number(let n) = self, let i = n.int64 { return Int(i) } else { return nil } }
    var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
}

extension DataField {
    /// Fields of a parsed object (used for snapshots, not the hot path).
    static func fields(of v: JSONValue) throws -> [DataField] {
        let bytes = v.jsonBytes
        return try bytes.withUnsafeBytes { b in
            var s = JSONScanner(b)
            return try DataField.readObject(&s, path: "")
        }
    }
}

extension ModelRegistry {
    mutating func setCameras(unit: String, day: Int32, count: Int) {
        camerasStorage[unit, default: [:]][day] = count
    }
}

extension AmendmentIndex {
    mutating func set(corrections: [Int], for target: Int) { correctionsStorage[target] = corrections }
    mutating func set(retraction: Int, for target: Int) { retractionsStorage[target] = retraction }
    mutating func add(assertion: Int) { assertionsStorage.append(assertion) }
}
