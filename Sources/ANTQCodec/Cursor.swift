import ANTQDomain
import Decimals
import Hashing
import TextFormats

/// A position in one line's bytes, for `FastLineReader`: each method reads
/// one exact piece of antq's layout and moves past it, or returns nil (or
/// false) and leaves the line to the general reader.
struct Cursor {
    let base: UnsafePointer<UInt8>
    let end: Int
    var i = 0

    init(base: UnsafePointer<UInt8>, end: Int) {
        self.base = base
        self.end = end
    }

    var remaining: Int { end - i }

    /// Whether `n` bytes at `a` and `b` are equal, eight at a time. The
    /// last word (or, under eight bytes, the last four) overlaps the one
    /// before instead of ending byte by byte: most keys and literals of a
    /// line are 7 to 16 bytes long, so two loads settle them.
    @inline(__always)
    static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        @inline(__always) func word(_ k: Int) -> Bool {
            UnsafeRawPointer(a + k).loadUnaligned(as: UInt64.self) == UnsafeRawPointer(b + k).loadUnaligned(as: UInt64.self)
        }
        @inline(__always) func half(_ k: Int) -> Bool {
            UnsafeRawPointer(a + k).loadUnaligned(as: UInt32.self) == UnsafeRawPointer(b + k).loadUnaligned(as: UInt32.self)
        }
        if n >= 8 {
            var k = 0
            while k + 8 < n {
                if !word(k) { return false }
                k += 8
            }
            return word(n - 8)
        }
        if n >= 4 { return half(0) && half(n - 4) }
        var k = 0
        while k < n {
            if a[k] != b[k] { return false }
            k += 1
        }
        return true
    }
    var peek: UInt8? { i < end ? base[i] : nil }

    @inline(__always)
    mutating func literal(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard remaining >= n, Cursor.same(base + i, s.utf8Start, n) else { return false }
        i += n
        return true
    }

    @inline(__always)
    mutating func literal(_ bytes: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard remaining >= n, Cursor.same(base + i, bytes, n) else { return false }
        i += n
        return true
    }

    @inline(__always)
    mutating func literal(_ bytes: [UInt8]) -> Bool {
        let n = bytes.count
        guard remaining >= n else { return false }
        let same = bytes.withUnsafeBufferPointer { Cursor.same(base + i, $0.baseAddress!, n) }
        if same { i += n }
        return same
    }

    /// A JSON whole number (`0`, `-3`, `12`; no fraction, exponent or leading zero), at most 18 digits.
    mutating func integer() -> Int64? {
        var j = i
        let negative = j < end && base[j] == 0x2D
        if negative { j += 1 }
        let start = j
        var n: Int64 = 0
        while j < end, base[j] &- 0x30 < 10 { n = n &* 10 &+ Int64(base[j] &- 0x30); j += 1 }
        let digits = j - start
        guard digits >= 1, digits <= 18, !(digits > 1 && base[start] == 0x30), !followsNumber(j) else { return nil }
        i = j
        return negative ? -n : n
    }

    /// A whole number of at least 1 (a seq).
    mutating func positiveInteger() -> Int? {
        let save = i
        guard let n = integer(), n >= 1 else { i = save; return nil }
        return Int(n)
    }

    /// A JSON number with at most a fraction (`1.40`, `0`, `-2.5`; nil for an
    /// exponent), read as an exact decimal straight from the line's bytes.
    mutating func decimal() -> ExactDecimal? {
        var j = i
        if j < end && base[j] == 0x2D { j += 1 }
        let intStart = j
        while j < end, base[j] &- 0x30 < 10 { j += 1 }
        guard j > intStart, !(j - intStart > 1 && base[intStart] == 0x30) else { return nil }
        if j < end && base[j] == 0x2E {
            j += 1
            let fracStart = j
            while j < end, base[j] &- 0x30 < 10 { j += 1 }
            guard j > fracStart else { return nil }
        }
        guard !followsNumber(j), j - i <= 40,
              let d = try? ExactDecimal(parsingJSONBytes: UnsafeBufferPointer(start: base + i, count: j - i)) else { return nil }
        i = j
        return d
    }

    /// Whether a number that ends at `j` runs on (an exponent, or bytes JSON does not allow there).
    private func followsNumber(_ j: Int) -> Bool {
        guard j < end else { return false }
        let b = base[j]
        return b == 0x2E || b == 0x65 || b == 0x45 || b &- 0x30 < 10
    }

    /// The bytes up to the next `"` (not consumed), when they hold no
    /// escape or control character, are valid UTF-8 and satisfy `ok`.
    /// `vouches`: `ok` only passes valid UTF-8 (so it is not checked again).
    mutating func span(vouches: Bool = false, where ok: (UnsafeRawBufferPointer) -> Bool) -> UnsafeRawBufferPointer? {
        var j = i
        var ascii = true
        while j < end {
            let b = base[j]
            if b == 0x22 { break }
            if b < 0x20 || b == 0x5C { return nil }
            if b >= 0x80 { ascii = false }
            j += 1
        }
        guard j < end else { return nil }
        let span = UnsafeRawBufferPointer(start: base + i, count: j - i)
        guard ok(span), ascii || vouches || String(validating: span, as: UTF8.self) != nil else { return nil }
        i = j
        return span
    }

    /// The text up to the next `"` (not consumed), as `span`.
    mutating func string(vouches: Bool = false, where ok: (UnsafeRawBufferPointer) -> Bool) -> String? {
        span(vouches: vouches, where: ok).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A canonical UUID (as `isCanonicalUUID`) at the cursor, as its text
    /// and its 128 bits, read eight digits at a time; the cursor moves past it.
    mutating func uuid() -> (text: String, key: UUIDKey)? {
        guard isCanonicalUUID() else { return nil }
        let p = UnsafeRawPointer(base + i)
        @inline(__always) func eight(_ o: Int) -> UInt64 { UInt64(littleEndian: p.loadUnaligned(fromByteOffset: o, as: UInt64.self)) }
        @inline(__always) func four(_ o: Int) -> UInt64 { UInt64(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: o, as: UInt32.self))) }
        // Digits 0-7, 9-12 and 14-17, 19-22 and 24-27, 28-35: four words of eight digits in memory order.
        let high = UInt64(HexDigits.value(eight(0))) << 32 | UInt64(HexDigits.value(four(9) | four(14) << 32))
        let low = UInt64(HexDigits.value(four(19) | four(24) << 32)) << 32 | UInt64(HexDigits.value(eight(28)))
        let text = String(decoding: UnsafeRawBufferPointer(start: p, count: 36), as: UTF8.self)
        i += 36
        return (text, UUIDKey(high: high, low: low))
    }

    /// Whether the 36 bytes at the cursor are a UUID as `UUIDText.isCanonical`
    /// has it (lowercase 8-4-4-4-12 hex), eight bytes at a time: five
    /// overlapping words, the dashes compared in place and then read as `0`.
    @inline(__always)
    func isCanonicalUUID() -> Bool {
        guard remaining >= 36 else { return false }
        let p = UnsafeRawPointer(base + i)
        let w8 = p.loadUnaligned(fromByteOffset: 8, as: UInt64.self), w16 = p.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
        // Dashes at 8 and 13 (bytes 0 and 5 of w8), 18 and 23 (bytes 2 and 7 of w16).
        guard w8 & 0x0000_FF00_0000_00FF == 0x0000_2D00_0000_002D, w16 & 0xFF00_0000_00FF_0000 == 0x2D00_0000_002D_0000 else { return false }
        return Self.allLowerHex(p.loadUnaligned(as: UInt64.self)) && Self.allLowerHex(w8 ^ 0x0000_1D00_0000_001D)
            && Self.allLowerHex(w16 ^ 0x1D00_0000_001D_0000) && Self.allLowerHex(p.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
            && Self.allLowerHex(p.loadUnaligned(fromByteOffset: 28, as: UInt64.self))
    }

    /// Whether all eight bytes of `w` are `0`–`9` or `a`–`f`. For a byte
    /// below 0x80, adding 0x80 − lo sets its top bit when it is ≥ lo, and
    /// adding 0x7F − hi when it is > hi; no byte carries into the next.
    @inline(__always)
    static func allLowerHex(_ w: UInt64) -> Bool {
        let top: UInt64 = 0x8080_8080_8080_8080
        guard w & top == 0 else { return false }
        let letter = (w &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(w &+ 0x1919_1919_1919_1919)
        return (digitBits(w) | letter) & top == top
    }

    /// Whether all eight bytes of `w` are `0`–`9` (as `allLowerHex`).
    @inline(__always)
    static func allDigits(_ w: UInt64) -> Bool {
        let top: UInt64 = 0x8080_8080_8080_8080
        return w & top == 0 && digitBits(w) & top == top
    }

    /// The top bit of each byte of `w` (each below 0x80) set where it is `0`–`9`.
    @inline(__always)
    static func digitBits(_ w: UInt64) -> UInt64 {
        (w &+ 0x5050_5050_5050_5050) & ~(w &+ 0x4646_4646_4646_4646)
    }

    /// 64 lowercase hex digits (a stored `prev`) as a digest, checked eight at a time.
    mutating func digest() -> SHA256Digest? {
        guard remaining >= 64 else { return nil }
        let p = UnsafeRawPointer(base + i)
        for o in stride(from: 0, to: 64, by: 8) where !Self.allLowerHex(p.loadUnaligned(fromByteOffset: o, as: UInt64.self)) {
            return nil
        }
        let d = SHA256Digest(validatedLowercaseHex: base + i)
        i += 64
        return d
    }

    /// Moves past a JSON object whose texts hold no escapes (any escape: false,
    /// the general reader decides); only its extent is found here, its
    /// contents are read afterwards.
    mutating func skipObject() -> Bool {
        guard peek == 0x7B else { return false }
        var depth = 0, inText = false, j = i
        while j < end {
            let b = base[j]
            j += 1
            if inText {
                if b == 0x5C { return false }
                if b == 0x22 { inText = false }
                continue
            }
            switch b {
            case 0x22: inText = true
            case 0x7B: depth += 1
            case 0x7D:
                depth -= 1
                if depth == 0 {
                    i = j
                    return true
                }
            default: break
            }
        }
        return false
    }

    /// A quoted text checked as `quoted` checks it, without making the string.
    mutating func quotedSpan(vouches: Bool = false, where ok: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        let save = i
        guard literal("\""), span(vouches: vouches, where: ok) != nil, literal("\"") else { i = save; return false }
        return true
    }

    /// A whole JSON string `"…"`, as `span`.
    mutating func quoted(vouches: Bool = false, where ok: (UnsafeRawBufferPointer) -> Bool) -> String? {
        let save = i
        guard literal("\""), let s = string(vouches: vouches, where: ok), literal("\"") else { i = save; return nil }
        return s
    }

    /// Exactly `n` bytes that satisfy `ok`, as text.
    mutating func run(_ n: Int, where ok: (UnsafeRawBufferPointer) -> Bool) -> String? {
        guard remaining >= n else { return nil }
        let span = UnsafeRawBufferPointer(start: base + i, count: n)
        guard ok(span) else { return nil }
        i += n
        return String(decoding: span, as: UTF8.self)
    }

    /// An event type's name, up to its closing quote (not consumed).
    mutating func eventType() -> EventType? {
        // A name is 8 to 31 bytes: its end is the first quote in the four words from the cursor.
        guard remaining >= 32 else { return slowEventType() }
        let p = UnsafeRawPointer(base + i)
        let first = p.loadUnaligned(as: UInt64.self)
        var n = 32
        for w in 0..<4 {
            let q = Cursor.quoteLanes(p.loadUnaligned(fromByteOffset: 8 * w, as: UInt64.self))
            if q != 0 {
                n = 8 * w + q.trailingZeroBitCount / 8
                break
            }
        }
        guard n >= 8, n < 32 else { return nil }
        let plans = FieldPlans.shared
        var at = FieldPlans.typePlace(first, n)
        while true {
            let k = Int(plans.typeTable[at])
            guard k >= 0 else { return nil }
            if plans.typeNames[k].count == n && Cursor.same(base + i, plans.keyBytes + plans.typeNames[k].start, n) {
                i += n
                return plans.types[k]
            }
            at = (at + 1) & 63
        }
    }

    /// The type name near the end of a line (a line cut short): compared name by name.
    private mutating func slowEventType() -> EventType? {
        var j = i
        while j < end, base[j] != 0x22 { j += 1 }
        let n = j - i
        let plans = FieldPlans.shared
        for k in plans.typeNames.indices where plans.typeNames[k].count == n {
            if Cursor.same(base + i, plans.keyBytes + plans.typeNames[k].start, n) {
                i = j
                return plans.types[k]
            }
        }
        return nil
    }

    /// The high bit set in the lane of the first `"` byte of `w` (little-endian
    /// order) and none below it; 0 when there is none. Lanes above the first
    /// may be marked too (a borrow), which `trailingZeroBitCount` never looks at.
    @inline(__always)
    static func quoteLanes(_ w: UInt64) -> UInt64 {
        let x = w ^ 0x2222_2222_2222_2222
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    private func digits(_ at: Int, _ count: Int) -> Int? {
        var n = 0
        for k in at..<(at + count) {
            let d = base[k] &- 0x30
            guard d < 10 else { return nil }
            n = n * 10 + Int(d)
        }
        return n
    }

    /// `YYYY-MM-DD` of a day that exists, read as two loads: every line
    /// has one (`occurred`) and one more in `recorded`.
    mutating func day() -> CivilDate? {
        guard remaining >= 10 else { return nil }
        let p = UnsafeRawPointer(base + i)
        // Little-endian: byte k of the text is byte k of the word.
        let w = p.loadUnaligned(as: UInt64.self), dd = UInt64(p.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
        guard (w >> 32) & 0xFF == 0x2D, w >> 56 == 0x2D else { return nil }
        // The dashes made zeros, the two day digits padded with zeros: ten digits or nothing.
        let ymd = w & 0x00FF_FF00_FFFF_FFFF | 0x3000_0030_0000_0000, d2 = dd | 0x3030_3030_3030_0000
        guard Self.allDigits(ymd), Self.allDigits(d2) else { return nil }
        let v = ymd &- 0x3030_3030_3030_3030, t = dd &- 0x3030
        @inline(__always) func at(_ x: UInt64, _ k: Int) -> Int { Int(truncatingIfNeeded: (x >> (8 * k)) & 0xFF) }
        guard let date = CivilDate(year: at(v, 0) * 1000 + at(v, 1) * 100 + at(v, 2) * 10 + at(v, 3),
                                   month: at(v, 5) * 10 + at(v, 6), day: at(t, 0) * 10 + at(t, 1)) else { return nil }
        i += 10
        return date
    }

    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ`, the one form antq writes an instant in.
    mutating func instant() -> UTCInstant? {
        let start = i
        guard let date = day(), remaining >= 17, base[i] == 0x54, base[i + 3] == 0x3A, base[i + 6] == 0x3A, base[i + 9] == 0x2E,
              base[i + 16] == 0x5A, let h = digits(i + 1, 2), let m = digits(i + 4, 2), let s = digits(i + 7, 2),
              let micro = digits(i + 10, 6), let instant = UTCInstant(date: date, hour: h, minute: m, second: s, microsecond: micro)
        else { i = start; return nil }
        i += 17
        return instant
    }
}
