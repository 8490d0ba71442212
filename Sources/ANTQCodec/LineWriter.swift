import ANTQDomain
import Decimals
import Hashing
import JSONCodec
import TextFormats

/// Writes events in the canonical line form: compact JSON, envelope keys in
/// the documented order (`seq, id, type, occurred, recorded, unit, by, data,
/// prev`, then `more` when set), data fields in their declaration's order,
/// strings in NFC. The same bytes are hashed by the chain, so this form is
/// part of the format: one writer for every event type.
public enum LineWriter {
    public static func encode(_ e: Event, prev: SHA256Digest = .zero, more: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(384)
        encode(e, prev: prev, more: more, recorded: nil, into: &out)
        return out
    }

    public static func encode(_ line: StoredLine) -> [UInt8] { encode(line.event, prev: line.prev, more: line.more) }

    /// Appends the line of `e` (without newline) to `out`. `recorded`, when
    /// given, is `e.recorded.rfc3339` already as UTF-8 (a batch shares one
    /// instant, formatted once). `id`, when given, is written instead of
    /// `e.id` (a batch's write stage draws the ids of drafts that brought
    /// none, and reads each event where it lies rather than copying it).
    public static func encode(_ e: Event, id: String? = nil, prev: SHA256Digest, more: Bool, recorded: [UInt8]?, into out: inout [UInt8]) {
        put("{\"seq\":", &out)
        put(String(e.seq), &out)
        put(",\"id\":", &out)
        appendString(id ?? e.id, to: &out)
        put(",\"type\":\"", &out)
        put(e.type.rawValue, &out)
        put("\",\"occurred\":\"", &out)
        put(e.occurred.iso, &out)
        put("\",\"recorded\":\"", &out)
        if let recorded { out.append(contentsOf: recorded) } else { put(e.recorded.rfc3339, &out) }
        out.append(0x22)
        if let unit = e.unit {
            put(",\"unit\":", &out)
            appendString(unit, to: &out)
        }
        put(",\"by\":", &out)
        appendString(e.by, to: &out)
        put(",\"data\":", &out)
        var w = JSONWriter(reserving: 0)
        swap(&w.bytes, &out)
        write(e.data, &w)
        swap(&w.bytes, &out)
        put(",\"prev\":\"", &out)
        prev.appendHex(to: &out)
        out.append(0x22)
        if more { put(",\"more\":true", &out) }
        out.append(0x7D)
    }

    /// Appends a literal's bytes. Why not `.utf8`: appending a string's
    /// view goes through a general path that cost more per line than
    /// hashing it; a literal's bytes and a native string's contiguous UTF-8
    /// are appended as one buffer.
    @inline(__always)
    static func put(_ s: StaticString, _ out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    @inline(__always)
    static func put(_ s: String, _ out: inout [UInt8]) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    /// A JSON string, escaped as `JSONWriter` escapes (plain text appended as it is).
    @inline(__always)
    static func appendString(_ s: String, to out: inout [UInt8]) {
        var s = s
        let plain = s.withUTF8 { u -> Bool in
            for b in u where b < 0x20 || b == 0x22 || b == 0x5C { return false }
            out.append(0x22)
            out.append(contentsOf: u)
            out.append(0x22)
            return true
        }
        if plain { return }
        var w = JSONWriter(reserving: 0)
        swap(&w.bytes, &out)
        w.string(s)
        swap(&w.bytes, &out)
    }

    /// The data object alone, as stored.
    public static func encodeData(_ d: EventData) -> [UInt8] {
        var w = JSONWriter(reserving: 128)
        write(d, &w)
        return w.bytes
    }

    /// A fact as a correction's `was` stores it.
    public static func encodeFact(_ f: Fact) -> [UInt8] {
        var w = JSONWriter(reserving: 128)
        write(f, &w)
        return w.bytes
    }

    static func write(_ d: EventData, _ w: inout JSONWriter) {
        w.beginObject()
        // The keys as the declarations' plans hold them (`"count":`), the same bytes `key` would write.
        let plans = FieldPlans.shared
        plans.fields[d.type.index].withUnsafeBufferPointer { fields in
            for k in fields.indices {
                guard let v = d.values[k] else { continue }
                w.rawKey(UnsafeRawBufferPointer(start: plans.keyBytes + fields[k].keyStart, count: fields[k].keyCount))
                write(v, &w)
            }
        }
        for x in d.declared {
            w.key(x.name)
            write(x.value, &w)
        }
        w.endObject()
    }

    static func write(_ f: Fact, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("type"); w.string(f.type.rawValue)
        w.key("occurred"); w.string(f.occurred.iso)
        if let u = f.unit { w.key("unit"); w.string(u) }
        w.key("data"); write(f.data, &w)
        w.endObject()
    }

    static func write(_ v: Value, _ w: inout JSONWriter) {
        switch v {
        case .int(let i): w.int(i)
        case .decimal(let d): w.raw(Array(d.plain(decimals: d.scale).utf8))
        case .text(let s): w.string(s)
        case .bool(let b): w.bool(b)
        case .date(let d): w.string(d.iso)
        case .null: w.null()
        case .object(let members):
            w.beginObject()
            for m in members { w.key(m.name); write(m.value, &w) }
            w.endObject()
        case .list(let list):
            w.beginArray()
            for x in list { write(x, &w) }
            w.endArray()
        case .fact(let f): write(f, &w)
        case .data(let d): write(d, &w)
        }
    }
}
