import Hashing
import JSONCodec
import TextFormats

/// Reads stored log lines into events: strict JSON, every envelope field and
/// every catalogue field checked. This is the replay path, so it walks the
/// bytes once with a pull scanner, reads the envelope's strings in place
/// (no copies for type, dates, hashes) and reuses the recorders' names it
/// has already seen. Keep one decoder per stream to benefit from that.
public struct EventDecoder {
    /// Recently seen `by` names (see `RecorderNames`).
    private var names = RecorderNames()
    /// The last `recorded` read by the layout reader (see `LastInstant`).
    private var instants = LastInstant()

    public init() {}

    /// Decodes one stored line (without its newline) with a fresh decoder.
    public static func decode(_ line: UnsafeRawBufferPointer) throws(EventCodingError) -> Event {
        var d = EventDecoder()
        return try d.decode(line)
    }

    public static func decode(_ line: [UInt8]) throws(EventCodingError) -> Event {
        try line.withUnsafeBytes { b in Result { () throws(EventCodingError) in try decode(b) } }.get()
    }

    /// Decodes one stored line (without its newline).
    public mutating func decode(_ line: UnsafeRawBufferPointer) throws(EventCodingError) -> Event {
        try check(line).event(in: line)
    }

    /// Checks one stored line exactly as `decode` does, but leaves `id` and
    /// `prev` as byte ranges: a fold never reads them, and materialising them
    /// (a heap string and a hex parse per line) was a fifth of a replay.
    public mutating func check(_ line: UnsafeRawBufferPointer) throws(EventCodingError) -> CheckedLine {
        if let canonical = LayoutReader.read(line, names: &names, instants: &instants) { return canonical.checked(in: line) }
        return try checkInFull(line)
    }

    /// Checks one stored line exactly as `check` does; a flow event in
    /// antq's own layout comes back as its numbers alone.
    ///
    /// Why: nine lines in ten of a log are flow events, and a fold needs
    /// only their date, unit and numbers. Making their texts (case
    /// references, award recipients and reasons) into strings, only to
    /// drop them, was a fifth of a replay.
    public mutating func checkForFold(_ line: UnsafeRawBufferPointer) throws(EventCodingError) -> FoldLine {
        if let canonical = LayoutReader.read(line, names: &names, instants: &instants) {
            if case .flow(let amount, _) = canonical.data, let unit = canonical.unitRange {
                return .flow(FlowLine(seq: canonical.seq, occurred: canonical.occurred, recorded: canonical.recorded,
                                      unit: CanonicalLine.string(unit, in: line), amount: amount,
                                      prevRange: canonical.prevRange))
            }
            return .line(canonical.checked(in: line))
        }
        return .line(try checkInFull(line))
    }

    /// The general path: any key order, spaces, escapes, every event type.
    mutating func checkInFull(_ line: UnsafeRawBufferPointer) throws(EventCodingError) -> CheckedLine {
        do {
            return try decodeThrowing(line)
        } catch let e as EventCodingError {
            throw e
        } catch let e as JSONError {
            throw .json(e)
        } catch {
            throw EventCodingError(field: nil, problem: "\(error)")
        }
    }

    /// A stored `by` name. Any non-empty name is read as written: antq
    /// once stored names it did not check (a carriage return from a name
    /// file saved on Windows), and a chained line it wrote is never refused.
    /// One that `RecorderName` would not write today comes with a note; the
    /// cache holds only names that need none.
    private mutating func name(_ raw: JSONRawString, note: inout String?) throws -> String {
        if let v = names.name(raw, check: { raw in
            let v = raw.string
            return Self.isRecorderName(v) ? v : nil
        }) { return v }
        let v = raw.string
        guard !v.isEmpty else { throw EventCodingError(field: "by", problem: "is empty", fix: "a stored event names who recorded it") }
        note = "field by: " + (RecorderName.problem(with: v) ?? "not as antq writes it") + "; read as written"
        return v
    }

    /// A stored `by` as antq writes it now (the fast paths accept only these).
    static func isRecorderName(_ v: String) -> Bool {
        RecorderName.isNormalised(v)
    }

    private mutating func decodeThrowing(_ line: UnsafeRawBufferPointer) throws -> CheckedLine {
        var s = JSONScanner(line)
        var seq: Int?
        var id: Range<Int>?
        var type: EventType?
        var occurred: CivilDate?
        var recorded: UTCInstant?
        var unit: String?
        var hasUnit = false
        var by: String?
        var textNote: String?
        var dataFields: [DataField]?
        var fastData: EventData?
        var dataStart: JSONScanner?
        var prev: Range<Int>?
        var more = false
        var seen: UInt16 = 0
        func once(_ bit: UInt16, _ name: String) throws {
            if seen & bit != 0 {
                throw EventCodingError(field: name, problem: "appears twice", fix: "a key may appear only once (strict JSON)")
            }
            seen |= bit
        }
        try s.beginObject()
        while let key = try s.nextKey() {
            let k = Self.envelopeKey(key)
            if k == 0 {
                try once(1, "seq")
                let v = try Self.readInt(&s, field: "seq")
                guard v >= 1 else { throw EventCodingError(field: "seq", problem: "must be 1 or more") }
                seq = Int(v)
            } else if k == 1 {
                try once(2, "id")
                let raw = try Self.readRaw(&s, field: "id")
                guard !raw.escaped, UUIDText.isCanonical(raw.bytes) else {
                    throw EventCodingError(field: "id", problem: "\"\(raw.string)\" is not a lowercase UUID")
                }
                id = Self.range(of: raw, in: line)
            } else if k == 2 {
                try once(4, "type")
                let raw = try Self.readRaw(&s, field: "type")
                guard let t = EventType(bytes: raw) else {
                    throw EventCodingError(field: "type", problem: "\"\(raw.string)\" is not an event type",
                                           fix: "see the event catalogue in the README")
                }
                type = t
            } else if k == 3 {
                try once(8, "occurred")
                let raw = try Self.readRaw(&s, field: "occurred")
                guard !raw.escaped, let d = StoredText.date(raw.bytes) else {
                    throw EventCodingError(field: "occurred", problem: "\"\(raw.string)\" is not a real date", fix: "write YYYY-MM-DD")
                }
                occurred = d
            } else if k == 4 {
                try once(16, "recorded")
                let raw = try Self.readRaw(&s, field: "recorded")
                guard !raw.escaped, let i = StoredText.instant(raw.bytes) else {
                    throw EventCodingError(field: "recorded", problem: "\"\(raw.string)\" is not an instant in antq's form",
                                           fix: "antq writes YYYY-MM-DDTHH:MM:SS.ffffffZ")
                }
                recorded = i
            } else if k == 5 {
                try once(32, "unit")
                let raw = try Self.readRaw(&s, field: "unit")
                guard raw.escaped ? UnitCode.isValid(raw.string) : UnitCode.isValid(raw.bytes) else { throw EventCodingError(field: "unit", problem: "\"\(raw.string)\" is not a unit code") }
                unit = raw.string
                hasUnit = true
            } else if k == 6 {
                try once(64, "by")
                by = try name(try Self.readRaw(&s, field: "by"), note: &textNote)
            } else if k == 7 {
                try once(128, "data")
                guard try s.peekKind() == .object else { throw EventCodingError(field: "data", problem: "must be an object") }
                if let type {
                    // Type known (canonical order): try the allocation-free path first.
                    let saved = s
                    if let d = FastDataDecoder.decode(type, &s) {
                        fastData = d
                        continue
                    }
                    s = saved
                }
                dataStart = s
                dataFields = try DataField.readObject(&s, path: "data")
            } else if k == 8 {
                try once(256, "prev")
                let raw = try Self.readRaw(&s, field: "prev")
                guard !raw.escaped, Self.isLowercaseHex64(raw.bytes) else {
                    throw EventCodingError(field: "prev", problem: "must be 64 lowercase hex digits")
                }
                prev = Self.range(of: raw, in: line)
            } else if k == 9 {
                try once(512, "more")
                guard try s.peekKind() == .bool, try s.readBool() else {
                    throw EventCodingError(field: "more", problem: "may only be true", fix: "omit it on the last line of a batch")
                }
                more = true
            } else {
                let name = key.string
                throw EventCodingError(field: name, problem: "is not an envelope field",
                                       fix: "the envelope has seq, id, type, occurred, recorded, unit, by, data, prev")
            }
        }
        try s.expectEnd()
        guard let seq else { throw Self.missing("seq") }
        guard let id else { throw Self.missing("id") }
        guard let type else { throw Self.missing("type") }
        guard let occurred else { throw Self.missing("occurred") }
        guard let recorded else { throw Self.missing("recorded") }
        guard let by else { throw Self.missing("by") }
        guard dataFields != nil || fastData != nil else { throw Self.missing("data") }
        guard let prev else { throw Self.missing("prev") }
        _ = dataStart
        if type == .logCreated {
            if hasUnit { throw EventCodingError(field: "unit", problem: "log.created has no unit") }
        } else if !hasUnit {
            throw Self.missing("unit")
        }
        let data = try fastData ?? DataDecoder.decode(type, dataFields!, path: "data", mode: .stored)
        return CheckedLine(seq: seq, occurred: occurred, recorded: recorded, unit: unit, by: by, data: data, more: more, textNote: textNote,
                           idRange: id, prevRange: prev)
    }

    /// Which envelope field a key names (0 seq … 9 more, as in `decodeThrowing`),
    /// or -1: length and first byte pick the one candidate to compare.
    @inline(__always)
    static func envelopeKey(_ key: JSONKey) -> Int {
        if key.escaped {
            for (i, name) in ["seq", "id", "type", "occurred", "recorded", "unit", "by", "data", "prev", "more"].enumerated() where key.string == name {
                return i
            }
            return -1
        }
        // Each name's bytes as a little-endian word ("seq" = 73 65 71).
        switch (key.rawCount, key.rawWord) {
        case (3, 0x716573): return 0                // seq
        case (2, 0x6469): return 1                  // id
        case (4, 0x6570_7974): return 2             // type
        case (8, 0x6465_7272_7563_636F): return 3   // occurred
        case (8, 0x6465_6472_6F63_6572): return 4   // recorded
        case (4, 0x7469_6E75): return 5             // unit
        case (2, 0x7962): return 6                  // by
        case (4, 0x6174_6164): return 7             // data
        case (4, 0x7665_7270): return 8             // prev
        case (4, 0x6572_6F6D): return 9             // more
        default: return -1
        }
    }

    @inline(__always)
    static func range(of raw: JSONRawString, in line: UnsafeRawBufferPointer) -> Range<Int> {
        let start = UnsafeRawPointer(raw.bytes.baseAddress!) - line.baseAddress!
        return start..<(start + raw.bytes.count)
    }

    /// 64 lowercase hex digits, checked eight bytes at a time: this runs on
    /// every line of a replay, and a byte loop was 8% of one.
    @inline(__always)
    static func isLowercaseHex64(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count == 64, let p = b.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        // For bytes below 0x80, x + (0x80 - lo) sets the high bit iff x >= lo,
        // and x + (0x7F - hi) iff x > hi; no carry crosses a byte.
        @inline(__always) func inRange(_ w: UInt64, _ lo: UInt64, _ hi: UInt64) -> UInt64 {
            (w &+ ones &* (0x80 &- lo)) & ~(w &+ ones &* (0x7F &- hi)) & high
        }
        var ok = high
        for k in stride(from: 0, to: 64, by: 8) {
            let w = UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self)
            ok &= (inRange(w, 0x30, 0x39) | inRange(w, 0x61, 0x66)) & ~(w & high)
        }
        return ok == high
    }

    static func readRaw(_ s: inout JSONScanner, field: String) throws -> JSONRawString {
        guard try s.peekKind() == .string else {
            throw EventCodingError(field: field, problem: "must be a string")
        }
        return try s.readRawString()
    }

    static func missing(_ f: String) -> EventCodingError {
        EventCodingError(field: f, problem: "is missing")
    }

    static func readString(_ s: inout JSONScanner, field: String) throws -> String {
        guard try s.peekKind() == .string else {
            throw EventCodingError(field: field, problem: "must be a string")
        }
        return try s.readString()
    }

    static func readInt(_ s: inout JSONScanner, field: String) throws -> Int64 {
        guard try s.peekKind() == .number else {
            throw EventCodingError(field: field, problem: "must be a whole number")
        }
        let saved = s
        do { return try s.readInt64() } catch {
            s = saved
            let n = try s.readNumber()
            throw EventCodingError(field: field, problem: "\(n.text) is not a whole number in range")
        }
    }

    /// Text as antq stores it: NFC, no control characters, and nothing at
    /// either end that an append would have trimmed (any Unicode space, not
    /// only U+0020: a hand-edited "HS-1\u{A0}" is not what antq wrote).
    static func isCanonicalText(_ s: String) -> Bool {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.first != " " && s.last != " " }
        if s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return false }
        guard let a = s.unicodeScalars.first, let z = s.unicodeScalars.last,
              !FieldReader.isTrimmedSpace(a), !FieldReader.isTrimmedSpace(z) else { return false }
        return isNFC(s)
    }
}

/// UUIDs as the log stores them: lowercase 8-4-4-4-12 hex.
public enum UUIDText {
    public static func isCanonical(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { isCanonical($0) }
    }

    /// Eight bytes at a time (a byte loop was 3% of a replay): each word's
    /// bytes must be lowercase hex, except the dashes at 8, 13, 18 and 23.
    @inline(__always)
    static func isCanonical(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard u.count == 36, let p = u.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func inRange(_ w: UInt64, _ lo: UInt64, _ hi: UInt64) -> UInt64 {
            (w &+ ones &* (0x80 &- lo)) & ~(w &+ ones &* (0x7F &- hi)) & high
        }
        /// The high bit of each byte that is '-'.
        @inline(__always) func dashes(_ w: UInt64) -> UInt64 {
            let t = w ^ (ones &* 0x2D)
            return ~(((t & low7) &+ low7) | t) & high
        }
        /// Which bytes must be dashes, as high bits, for the words at 0, 8, 16, 24, 28.
        let dashAt: [UInt64] = [0, 0x80 | 0x80 << 40, 0x80 << 16 | 0x80 << 56, 0, 0]
        var ok = true
        for (k, offset) in [0, 8, 16, 24, 28].enumerated() {
            let w = UnsafeRawPointer(p + offset).loadUnaligned(as: UInt64.self)
            let hex = (inRange(w, 0x30, 0x39) | inRange(w, 0x61, 0x66)) & ~(w & high)
            ok = ok && ((hex & ~dashAt[k]) | (dashes(w) & dashAt[k])) == high
        }
        return ok
    }

    /// A random (version 4) UUID in canonical form.
    public static func random<G: RandomNumberGenerator>(using g: inout G) -> String {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &g) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return format(bytes)
    }

    static func format(_ bytes: [UInt8]) -> String {
        let hex = bytes.map { b -> String in
            let h = String(b, radix: 16)
            return h.count == 1 ? "0" + h : h
        }.joined()
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20..<32])
    }

    /// A random v4 UUID from two 64-bit draws of the system generator (two
    /// `getrandom` calls, not sixteen).
    public static func random() -> String {
        var g = SystemRandomNumberGenerator()
        let a = g.next(), b = g.next()
        var bytes = (0..<16).map { i in UInt8(truncatingIfNeeded: (i < 8 ? a : b) >> (UInt64(i % 8) * 8)) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return format(bytes)
    }
}

/// Fixed-layout parsers for the stored forms antq writes: the replay path
/// reads a date and an instant per line, so they avoid any allocation, and
/// accepting only the canonical layout is the strictness `verify` wants.
enum StoredText {
    @inline(__always)
    static func digits(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int) -> Int? {
        var v = 0
        for i in from..<(from + count) {
            let d = Int(b[i]) &- 48
            guard d >= 0 && d <= 9 else { return nil }
            v = v &* 10 &+ d
        }
        return v
    }

    /// `YYYY-MM-DD`, a real date.
    static func date(_ s: String) -> CivilDate? {
        var s = s
        return s.withUTF8 { date($0) }
    }

    static func date(_ b: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        do {
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D, let y = digits(b, 0, 4), let m = digits(b, 5, 2),
                  let d = digits(b, 8, 2) else { return nil }
            return CivilDate(year: y, month: m, day: d)
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ` exactly, as antq writes it.
    static func instant(_ s: String) -> UTCInstant? {
        var s = s
        return s.withUTF8 { instant($0) }
    }

    static func instant(_ b: UnsafeBufferPointer<UInt8>) -> UTCInstant? {
        do {
            guard b.count == 27, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[19] == 0x2E, b[26] == 0x5A,
                  let y = digits(b, 0, 4), let mo = digits(b, 5, 2), let d = digits(b, 8, 2),
                  let h = digits(b, 11, 2), let mi = digits(b, 14, 2), let se = digits(b, 17, 2), let f = digits(b, 20, 6),
                  h < 24, mi < 60, se < 60, let day = CivilDate(year: y, month: mo, day: d) else { return nil }
            let seconds = Int64(day.dayNumber) * 86_400 + Int64(h * 3600 + mi * 60 + se)
            return UTCInstant(microsecondsSinceEpoch: seconds * 1_000_000 + Int64(f))
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif

