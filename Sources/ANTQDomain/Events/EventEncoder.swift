import Hashing
import JSONCodec
import TextFormats

/// Writes events in the canonical line form: compact JSON, envelope keys in
/// the documented order (`seq, id, type, occurred, recorded, unit, by, data,
/// prev`, then `more` when set), strings in NFC. The same bytes are hashed
/// by the chain, so this form is part of the format.
public enum EventEncoder {
    public static func encode(_ e: Event) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(384)
        encode(e, recorded: nil, into: &out)
        return out
    }

    /// Appends the line of `e` (without newline) to `out`. The envelope is
    /// written directly as bytes — its keys are fixed and its dates, seq and
    /// hash have fixed ASCII forms — and the data object through `JSONWriter`.
    /// `recorded`, when given, is `e.recorded.rfc3339` already as UTF-8: a
    /// batch shares one instant, so it is formatted once, not per line.
    public static func encode(_ e: Event, recorded: [UInt8]?, into out: inout [UInt8]) {
        if encodeRaw(e, recorded: recorded, into: &out) { return }
        encodeAppending(e, recorded: recorded, into: &out)
    }

    /// `encode` by appending piece by piece to the array (every event type).
    static func encodeAppending(_ e: Event, recorded: [UInt8]?, into out: inout [UInt8]) {
        put(&out, "{\"seq\":")
        putInt(&out, e.seq)
        put(&out, ",\"id\":")
        putString(&out, e.id)
        put(&out, ",\"type\":\"")
        out.append(contentsOf: e.type.rawValue.utf8)
        put(&out, "\",\"occurred\":\"")
        putDate(&out, e.occurred)
        put(&out, "\",\"recorded\":\"")
        if let recorded { out.append(contentsOf: recorded) } else { out.append(contentsOf: e.recorded.rfc3339.utf8) }
        out.append(0x22)
        if let unit = e.unit { put(&out, ",\"unit\":"); putString(&out, unit) }
        put(&out, ",\"by\":")
        putString(&out, e.by)
        put(&out, ",\"data\":")
        if !putData(&out, e.data) {
            var w = JSONWriter(reserving: 0)
            swap(&w.bytes, &out)
            writeData(e.data, &w)
            swap(&w.bytes, &out)
        }
        put(&out, ",\"prev\":\"")
        putHex(&out, e.prev)
        out.append(0x22)
        if e.more { put(&out, ",\"more\":true") }
        out.append(0x7D)
    }

    /// The line of a frequent event (the types `putData` writes) written
    /// through a pointer into a scratch buffer and appended at once: a batch
    /// line was some twenty appends, each checking the array's capacity and
    /// uniqueness. Writes exactly `encodeAppending`'s bytes (tested); false,
    /// with `out` untouched, for any other type or a string that needs an
    /// escape, a seq or count out of the common range, or a year past 9999.
    static func encodeRaw(_ e: Event, recorded: [UInt8]?, into out: inout [UInt8]) -> Bool {
        guard let dataBytes = rawDataBound(e.data), e.seq >= 0, e.occurred.year >= 0, e.occurred.year <= 9999 else { return false }
        let recordedCount = recorded?.count ?? 40
        // The fixed parts of the longest line (an award with reason, `more`) are under 360 bytes.
        let capacity = 640 + recordedCount + dataBytes + e.id.utf8.count + (e.unit?.utf8.count ?? 0) + e.by.utf8.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buf -> Bool in
            var w = RawWriter(buf.baseAddress!)
            w.put("{\"seq\":")
            w.int(e.seq)
            w.put(",\"id\":")
            guard w.string(e.id) else { return false }
            w.put(",\"type\":\"")
            w.ascii(e.type.rawValue)
            w.put("\",\"occurred\":\"")
            w.date(e.occurred)
            w.put("\",\"recorded\":\"")
            if let recorded {
                guard recorded.count <= recordedCount else { return false }
                w.bytes(recorded)
            } else {
                let text = Array(e.recorded.rfc3339.utf8)
                guard text.count <= recordedCount else { return false }
                w.bytes(text)
            }
            w.byte(0x22)
            if let unit = e.unit {
                w.put(",\"unit\":")
                guard w.string(unit) else { return false }
            }
            w.put(",\"by\":")
            guard w.string(e.by) else { return false }
            w.put(",\"data\":")
            guard w.data(e.data) else { return false }
            w.put(",\"prev\":\"")
            w.hex(e.prev)
            w.byte(0x22)
            if e.more { w.put(",\"more\":true") }
            w.byte(0x7D)
            precondition(w.count <= capacity)
            out.append(contentsOf: UnsafeBufferPointer(start: buf.baseAddress!, count: w.count))
            return true
        }
    }

    /// The bytes of the strings in the data of a type `RawWriter.data`
    /// writes (to size its buffer); nil for the other types.
    static func rawDataBound(_ d: EventData) -> Int? {
        switch d {
        case .tipReceived, .cameraInstalled, .cameraRemoved: return 0
        case .caseSolved(_, _, let ref), .arrestMade(_, let ref, _), .weaponSeized(_, _, let ref): return ref?.utf8.count ?? 0
        case .awardGranted(let a): return a.recipient.utf8.count + (a.reason?.utf8.count ?? 0)
        case .modelEstablished(let model, _, let name, _): return model.utf8.count + name.utf8.count
        case .modelChanged(let model, _, let name, _): return model.utf8.count + (name?.utf8.count ?? 0)
        case .modelDissolved(let model, let reason): return model.utf8.count + (reason?.utf8.count ?? 0)
        default: return nil
        }
    }

    /// Writes through a pointer into a buffer its caller sized; every
    /// method writes what the `put…` function of the same name appends.
    struct RawWriter {
        let base: UnsafeMutablePointer<UInt8>
        var count = 0

        init(_ base: UnsafeMutablePointer<UInt8>) { self.base = base }

        @inline(__always) mutating func byte(_ b: UInt8) {
            base[count] = b
            count &+= 1
        }

        @inline(__always) mutating func put(_ s: StaticString) {
            (base + count).update(from: s.utf8Start, count: s.utf8CodeUnitCount)
            count &+= s.utf8CodeUnitCount
        }

        @inline(__always) mutating func bytes(_ b: [UInt8]) {
            b.withUnsafeBufferPointer { (base + count).update(from: $0.baseAddress!, count: $0.count) }
            count &+= b.count
        }

        /// A text known to need no escape (a type or vocabulary name).
        @inline(__always) mutating func ascii(_ s: String) {
            var s = s
            s.withUTF8 { u in
                (base + count).update(from: u.baseAddress!, count: u.count)
                count &+= u.count
            }
        }

        /// A JSON string; false if it needs an escape (the caller then writes the line by appending).
        @inline(__always) mutating func string(_ s: String) -> Bool {
            var s = s
            return s.withUTF8 { u -> Bool in
                if RawWriter.needsEscape(u) { return false }
                base[count] = 0x22
                if let p = u.baseAddress { (base + count + 1).update(from: p, count: u.count) }
                base[count + 1 + u.count] = 0x22
                count &+= u.count + 2
                return true
            }
        }

        /// Whether any byte is a control character, `"` or `\\`: eight bytes
        /// at a time (the byte-wise loop was a third of the line's encoding).
        /// Each test below is exact as a yes/no (no false positives).
        @inline(__always) static func needsEscape(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let p = u.baseAddress else { return false }
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            var i = 0
            while i &+ 8 <= u.count {
                let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                let control = (w &- ones &* 0x20) & ~w & highs
                let q = w ^ (ones &* 0x22)
                let quote = (q &- ones) & ~q & highs
                let b = w ^ (ones &* 0x5C)
                let backslash = (b &- ones) & ~b & highs
                if control | quote | backslash != 0 { return true }
                i &+= 8
            }
            while i < u.count {
                let c = p[i]
                if c < 0x20 || c == 0x22 || c == 0x5C { return true }
                i &+= 1
            }
            return false
        }

        /// A non-negative whole number.
        @inline(__always) mutating func int(_ v: Int) {
            if v < 10 { byte(UInt8(truncatingIfNeeded: 0x30 &+ v)); return }
            var digits = 0
            var n = v
            while n > 0 { digits += 1; n /= 10 }
            n = v
            var i = count &+ digits
            while n > 0 {
                i -= 1
                base[i] = UInt8(truncatingIfNeeded: 0x30 &+ n % 10)
                n /= 10
            }
            count &+= digits
        }

        /// A count: `putCount` (and `JSONWriter.int`) write negatives with a minus sign.
        @inline(__always) mutating func count(_ v: Int) -> Bool {
            guard v >= 0 else { return false }
            int(v)
            return true
        }

        mutating func date(_ d: CivilDate) {
            let y = d.year
            byte(UInt8(truncatingIfNeeded: 0x30 &+ y / 1000)); byte(UInt8(truncatingIfNeeded: 0x30 &+ y / 100 % 10))
            byte(UInt8(truncatingIfNeeded: 0x30 &+ y / 10 % 10)); byte(UInt8(truncatingIfNeeded: 0x30 &+ y % 10))
            byte(0x2D)
            byte(UInt8(truncatingIfNeeded: 0x30 &+ d.month / 10)); byte(UInt8(truncatingIfNeeded: 0x30 &+ d.month % 10))
            byte(0x2D)
            byte(UInt8(truncatingIfNeeded: 0x30 &+ d.day / 10)); byte(UInt8(truncatingIfNeeded: 0x30 &+ d.day % 10))
        }

        mutating func hex(_ h: SHA256Digest) {
            let out = UnsafeMutableRawPointer(base + count)
            h.withUnsafeBytes { b in
                for i in 0..<32 { out.storeBytes(of: EventEncoder.hexPairs[Int(b[i])], toByteOffset: 2 &* i, as: UInt16.self) }
            }
            count &+= 64
        }

        /// `putData`'s bytes for the same types; false for a string that needs an escape or a negative count.
        mutating func data(_ d: EventData) -> Bool {
            switch d {
            case .tipReceived(let count, let channel, let valuable):
                put("{\"count\":"); guard self.count(count) else { return false }
                put(",\"channel\":\""); ascii(channel.rawValue)
                put(valuable ? "\",\"valuable\":true}" : "\",\"valuable\":false}")
            case .caseSolved(let count, let category, let ref):
                put("{\"count\":"); guard self.count(count) else { return false }
                put(",\"category\":\""); ascii(category.rawValue); byte(0x22)
                if let ref { put(",\"case\":"); guard string(ref) else { return false } }
                byte(0x7D)
            case .arrestMade(let count, let ref, let caught):
                put("{\"count\":"); guard self.count(count) else { return false }
                if let ref { put(",\"case\":"); guard string(ref) else { return false } }
                if let caught { put(caught ? ",\"caught_in_act\":true" : ",\"caught_in_act\":false") }
                byte(0x7D)
            case .weaponSeized(let kind, let quantity, let ref):
                put("{\"kind\":\""); ascii(kind.rawValue)
                put("\",\"quantity\":"); guard self.count(quantity) else { return false }
                if let ref { put(",\"case\":"); guard string(ref) else { return false } }
                byte(0x7D)
            case .awardGranted(let a):
                put("{\"recipient_kind\":\""); ascii(a.recipientKind.rawValue)
                put("\",\"recipient\":"); guard string(a.recipient) else { return false }
                put(",\"issuer\":\""); ascii(a.issuer.rawValue)
                put("\",\"form\":\""); ascii(a.form.rawValue)
                put("\",\"count\":"); guard self.count(a.count) else { return false }
                if let r = a.reason { put(",\"reason\":"); guard string(r) else { return false } }
                byte(0x7D)
            case .cameraInstalled(let count), .cameraRemoved(let count):
                put("{\"count\":"); guard self.count(count) else { return false }
                byte(0x7D)
            case .modelEstablished(let model, let kind, let name, let members):
                put("{\"model\":"); guard string(model) else { return false }
                put(",\"kind\":\""); ascii(kind.rawValue)
                put("\",\"name\":"); guard string(name) else { return false }
                put(",\"members\":"); guard self.count(members) else { return false }
                byte(0x7D)
            case .modelChanged(let model, let kind, let name, let members):
                put("{\"model\":"); guard string(model) else { return false }
                if let kind { put(",\"kind\":\""); ascii(kind.rawValue); byte(0x22) }
                if let name { put(",\"name\":"); guard string(name) else { return false } }
                if let members { put(",\"members\":"); guard self.count(members) else { return false } }
                byte(0x7D)
            case .modelDissolved(let model, let reason):
                put("{\"model\":"); guard string(model) else { return false }
                if let reason { put(",\"reason\":"); guard string(reason) else { return false } }
                byte(0x7D)
            default:
                return false
            }
            return true
        }
    }

    /// The data of the frequent events (flows, cameras, models) written
    /// directly, in `writeData`'s key order and form; false for any other
    /// type, which `writeData` then writes.
    static func putData(_ out: inout [UInt8], _ d: EventData) -> Bool {
        switch d {
        case .tipReceived(let count, let channel, let valuable):
            put(&out, "{\"count\":"); putCount(&out, count)
            put(&out, ",\"channel\":\""); out.append(contentsOf: channel.rawValue.utf8)
            put(&out, valuable ? "\",\"valuable\":true}" : "\",\"valuable\":false}")
        case .caseSolved(let count, let category, let ref):
            put(&out, "{\"count\":"); putCount(&out, count)
            put(&out, ",\"category\":\""); out.append(contentsOf: category.rawValue.utf8); out.append(0x22)
            if let ref { put(&out, ",\"case\":"); putString(&out, ref) }
            out.append(0x7D)
        case .arrestMade(let count, let ref, let caught):
            put(&out, "{\"count\":"); putCount(&out, count)
            if let ref { put(&out, ",\"case\":"); putString(&out, ref) }
            if let caught { put(&out, caught ? ",\"caught_in_act\":true" : ",\"caught_in_act\":false") }
            out.append(0x7D)
        case .weaponSeized(let kind, let quantity, let ref):
            put(&out, "{\"kind\":\""); out.append(contentsOf: kind.rawValue.utf8)
            put(&out, "\",\"quantity\":"); putCount(&out, quantity)
            if let ref { put(&out, ",\"case\":"); putString(&out, ref) }
            out.append(0x7D)
        case .awardGranted(let a):
            put(&out, "{\"recipient_kind\":\""); out.append(contentsOf: a.recipientKind.rawValue.utf8)
            put(&out, "\",\"recipient\":"); putString(&out, a.recipient)
            put(&out, ",\"issuer\":\""); out.append(contentsOf: a.issuer.rawValue.utf8)
            put(&out, "\",\"form\":\""); out.append(contentsOf: a.form.rawValue.utf8)
            put(&out, "\",\"count\":"); putCount(&out, a.count)
            if let r = a.reason { put(&out, ",\"reason\":"); putString(&out, r) }
            out.append(0x7D)
        case .cameraInstalled(let count), .cameraRemoved(let count):
            put(&out, "{\"count\":"); putCount(&out, count)
            out.append(0x7D)
        case .modelEstablished(let model, let kind, let name, let members):
            put(&out, "{\"model\":"); putString(&out, model)
            put(&out, ",\"kind\":\""); out.append(contentsOf: kind.rawValue.utf8)
            put(&out, "\",\"name\":"); putString(&out, name)
            put(&out, ",\"members\":"); putCount(&out, members)
            out.append(0x7D)
        case .modelChanged(let model, let kind, let name, let members):
            put(&out, "{\"model\":"); putString(&out, model)
            if let kind { put(&out, ",\"kind\":\""); out.append(contentsOf: kind.rawValue.utf8); out.append(0x22) }
            if let name { put(&out, ",\"name\":"); putString(&out, name) }
            if let members { put(&out, ",\"members\":"); putCount(&out, members) }
            out.append(0x7D)
        case .modelDissolved(let model, let reason):
            put(&out, "{\"model\":"); putString(&out, model)
            if let reason { put(&out, ",\"reason\":"); putString(&out, reason) }
            out.append(0x7D)
        default:
            return false
        }
        return true
    }

    /// A whole number as `JSONWriter.int` writes it; the common small
    /// non-negative ones without a detour through the writer.
    @inline(__always)
    static func putCount(_ out: inout [UInt8], _ v: Int) {
        guard v >= 0 && v < 10_000_000 else { putInt(&out, v); return }
        if v < 10 { out.append(UInt8(0x30 + v)); return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 8) { tmp in
            var n = v, i = 8
            while n > 0 { i -= 1; tmp[i] = UInt8(0x30 + n % 10); n /= 10 }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: tmp[i..<8]))
        }
    }

    @inline(__always)
    static func put(_ out: inout [UInt8], _ s: StaticString) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    static func putInt(_ out: inout [UInt8], _ v: Int) {
        var w = JSONWriter(reserving: 0)
        swap(&w.bytes, &out)
        w.int(Int64(v))
        swap(&w.bytes, &out)
    }

    /// A JSON string; the common case (nothing to escape) is one copy.
    static func putString(_ out: inout [UInt8], _ s: String) {
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

    /// `YYYY-MM-DD`, as `CivilDate.iso` writes it (years 1…9999).
    static func putDate(_ out: inout [UInt8], _ d: CivilDate) {
        guard d.year >= 0 && d.year <= 9999 else { out.append(contentsOf: d.iso.utf8); return }
        let y = d.year
        out.append(UInt8(0x30 + y / 1000)); out.append(UInt8(0x30 + y / 100 % 10))
        out.append(UInt8(0x30 + y / 10 % 10)); out.append(UInt8(0x30 + y % 10))
        out.append(0x2D)
        out.append(UInt8(0x30 + d.month / 10)); out.append(UInt8(0x30 + d.month % 10))
        out.append(0x2D)
        out.append(UInt8(0x30 + d.day / 10)); out.append(UInt8(0x30 + d.day % 10))
    }

    /// 64 lowercase hex digits, as `SHA256Digest.hex`.
    static func putHex(_ out: inout [UInt8], _ h: SHA256Digest) {
        // Into a 64-byte scratch first, then one append: appending byte by
        // byte checked the array's capacity 64 times per line.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { tmp in
            h.withUnsafeBytes { b in
                for (i, byte) in b.enumerated() {
                    tmp[2 &* i] = hexDigit(byte &>> 4)
                    tmp[2 &* i &+ 1] = hexDigit(byte & 0x0F)
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: tmp[0..<64]))
        }
    }

    @inline(__always)
    static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 &+ v : 0x57 &+ v }

    /// The two lowercase hex digits of every byte, as one little-endian
    /// `UInt16` to store at once (64 digits a line, one store per byte).
    static let hexPairs: [UInt16] = (0..<256).map { v in
        (UInt16(hexDigit(UInt8(v) &>> 4)) | UInt16(hexDigit(UInt8(v) & 0x0F)) << 8).littleEndian
    }

    /// The reference form of `encode(_:)`, through `JSONWriter` alone: the
    /// direct writer above must produce exactly these bytes (tested).
    static func encodeWithWriter(_ e: Event) -> [UInt8] {
        var w = JSONWriter(reserving: 384)
        w.beginObject()
        w.key("seq"); w.int(Int64(e.seq))
        w.key("id"); w.string(e.id)
        w.key("type"); w.string(e.type.rawValue)
        w.key("occurred"); w.string(e.occurred.iso)
        w.key("recorded"); w.string(e.recorded.rfc3339)
        if let unit = e.unit { w.key("unit"); w.string(unit) }
        w.key("by"); w.string(e.by)
        w.key("data"); writeData(e.data, &w)
        w.key("prev"); w.string(e.prev.hex)
        if e.more { w.key("more"); w.bool(true) }
        w.endObject()
        return w.bytes
    }

    /// The data object alone, as stored.
    public static func encodeData(_ d: EventData) -> [UInt8] {
        var w = JSONWriter(reserving: 128)
        writeData(d, &w)
        return w.bytes
    }

    static func writeFact(_ f: Fact, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("type"); w.string(f.type.rawValue)
        w.key("occurred"); w.string(f.occurred.iso)
        if let unit = f.unit { w.key("unit"); w.string(unit) }
        w.key("data"); writeData(f.data, &w)
        w.endObject()
    }

    static func writeData(_ d: EventData, _ w: inout JSONWriter) {
        w.beginObject()
        switch d {
        case .logCreated(let c):
            w.key("log_id"); w.string(c.logID)
            w.key("format"); w.int(Int64(c.format))
            w.key("period_start"); w.string(c.periodStart.description)
            if let k = c.keyID { w.key("key_id"); w.string(k) }
        case .unitRegistered(let name, let kind, let parent):
            w.key("name"); w.string(name)
            w.key("kind"); w.string(kind.rawValue)
            w.key("parent"); if let parent { w.string(parent) } else { w.null() }
        case .unitChanged(let name, let kind, let parent):
            if let name { w.key("name"); w.string(name) }
            if let kind { w.key("kind"); w.string(kind.rawValue) }
            if let parent { w.key("parent"); if let p = parent { w.string(p) } else { w.null() } }
        case .unitMerged(let into):
            w.key("into"); w.string(into)
        case .tipReceived(let count, let channel, let valuable):
            w.key("count"); w.int(Int64(count))
            w.key("channel"); w.string(channel.rawValue)
            w.key("valuable"); w.bool(valuable)
        case .caseSolved(let count, let category, let ref):
            w.key("count"); w.int(Int64(count))
            w.key("category"); w.string(category.rawValue)
            if let ref { w.key("case"); w.string(ref) }
        case .arrestMade(let count, let ref, let caught):
            w.key("count"); w.int(Int64(count))
            if let ref { w.key("case"); w.string(ref) }
            if let caught { w.key("caught_in_act"); w.bool(caught) }
        case .weaponSeized(let kind, let quantity, let ref):
            w.key("kind"); w.string(kind.rawValue)
            w.key("quantity"); w.int(Int64(quantity))
            if let ref { w.key("case"); w.string(ref) }
        case .awardGranted(let a):
            w.key("recipient_kind"); w.string(a.recipientKind.rawValue)
            w.key("recipient"); w.string(a.recipient)
            w.key("issuer"); w.string(a.issuer.rawValue)
            w.key("form"); w.string(a.form.rawValue)
            w.key("count"); w.int(Int64(a.count))
            if let r = a.reason { w.key("reason"); w.string(r) }
        case .modelEstablished(let model, let kind, let name, let members):
            w.key("model"); w.string(model)
            w.key("kind"); w.string(kind.rawValue)
            w.key("name"); w.string(name)
            w.key("members"); w.int(Int64(members))
        case .modelChanged(let model, let kind, let name, let members):
            w.key("model"); w.string(model)
            if let kind { w.key("kind"); w.string(kind.rawValue) }
            if let name { w.key("name"); w.string(name) }
            if let members { w.key("members"); w.int(Int64(members)) }
        case .modelDissolved(let model, let reason):
            w.key("model"); w.string(model)
            if let reason { w.key("reason"); w.string(reason) }
        case .cameraInstalled(let count), .cameraRemoved(let count):
            w.key("count"); w.int(Int64(count))
        case .corrected(let c):
            w.key("target"); w.int(Int64(c.target))
            w.key("reason"); w.string(c.reason)
            w.key("occurred"); w.string(c.replacement.occurred.iso)
            if let u = c.replacement.unit { w.key("unit"); w.string(u) }
            w.key("data"); writeData(c.replacement.data, &w)
            if let was = c.was { w.key("was"); writeFact(was, &w) }
        case .retracted(let r):
            w.key("target"); w.int(Int64(r.target))
            w.key("reason"); w.string(r.reason)
            if let was = r.was { w.key("was"); writeFact(was, &w) }
        case .figureAsserted(let metric, let year, let value, let note):
            w.key("metric"); w.string(metric)
            w.key("year"); w.int(Int64(year))
            w.key("value"); w.int(Int64(value))
            if let note { w.key("note"); w.string(note) }
        }
        w.endObject()
    }
}
