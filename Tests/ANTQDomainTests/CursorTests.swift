/// The byte-level readers under the skips (`Cursor`, `ShortTexts`,
/// `UUIDSource`): each held to a plain reading on every byte value at every
/// place, since a word-at-a-time test is wrong, if anywhere, at an edge.
@testable import ANTQCodec
import ANTQDomain
import ANTQTestSupport
import Hashing
import SeededRandom
import TextFormats
import Testing

/// The byte comparison under every literal and key the skip reads: equal
/// runs of every length up to 40 compare equal, and one differing byte at
/// any place (first, last, inside an overlapping word) makes them differ.
@Test func byteRunsCompareEqualExactlyWhenEveryByteIs() {
    var g = SplitMix64(seed: 0x5A3E)
    var wrong: [String] = []
    for n in 0...40 {
        let a = (0..<n).map { _ in UInt8(truncatingIfNeeded: g.next()) }
        a.withUnsafeBufferPointer { pa in
            var b = a
            if !b.withUnsafeBufferPointer({ Cursor.same(pa.baseAddress!, $0.baseAddress!, n) }) { wrong.append("equal \(n)") }
            for k in 0..<n {
                b[k] ^= 0x20
                if b.withUnsafeBufferPointer({ Cursor.same(pa.baseAddress!, $0.baseAddress!, n) }) { wrong.append("length \(n), byte \(k)") }
                b[k] ^= 0x20
            }
        }
    }
    let firstWrong = Array(wrong.prefix(5))
    #expect(firstWrong.isEmpty, "\(wrong.count) comparisons wrong")
}

/// The skip's day reader (`occurred`, and the day of `recorded`) reads a
/// day exactly when the ten bytes are `YYYY-MM-DD` of a day that exists:
/// checked on edge days and on every byte value at every one of the ten
/// places of each, against a reading digit by digit.
@Test func theSkipReadsADayExactlyWhenItIsOne() {
    func reference(_ b: [UInt8]) -> CivilDate? {
        guard b[4] == 0x2D, b[7] == 0x2D else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for k in r { guard b[k] >= 0x30 && b[k] <= 0x39 else { return nil }; n = n * 10 + Int(b[k] - 0x30) }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }
    var wrong: [String] = []
    for text in ["2018-12-31", "2024-02-29", "2023-02-29", "0000-01-01", "9999-12-31", "2025-07-01", "1999-09-09", "2020-13-01"] {
        for place in 0..<10 {
            for byte in 0...255 {
                var b = Array(text.utf8)
                b[place] = UInt8(byte)
                let read: CivilDate? = (b + Array("\"".utf8)).withUnsafeBufferPointer { buf in
                    var c = Cursor(base: buf.baseAddress!, end: buf.count)
                    guard let d = c.day() else { return nil }
                    return c.i == 10 ? d : nil
                }
                if read != reference(b) { wrong.append(String(decoding: b, as: UTF8.self)) }
            }
        }
    }
    let firstWrong = Array(wrong.prefix(5))
    #expect(firstWrong.isEmpty, "\(wrong.count) days read wrong")
}

/// `ShortTexts` gives back exactly the bytes up to the first quote: a text
/// of 1 to 15 bytes is read once and found again by its bytes, one of 16 or
/// more (or none) is always handed to the caller's reader, and texts that
/// share a beginning, or differ in one byte anywhere, are never confused.
@Test func shortTextsGiveBackExactlyTheBytesUpToTheQuote() {
    var g = SplitMix64(seed: 0x7E47)
    var texts = ShortTexts()
    var stored: Set<[UInt8]> = []
    var lookups = 0, readAgain = 0
    var pool: [[UInt8]] = []
    var wrong: [String] = []
    var base: [UInt8] = []
    // Printable bytes other than the quote and the backslash (which the reader refuses).
    func byte() -> UInt8 { let b = UInt8(0x23 + g.next() % 0x5C); return b == 0x5C ? 0x41 : b }
    for round in 0..<600 {
        // Texts of every length, many sharing the bytes of the one before (a prefix, one byte changed).
        var bytes: [UInt8]
        if round % 2 == 1 && !pool.isEmpty {
            // A text met before, as a province's unit codes and choices come back again and again.
            bytes = pool[Int(g.next() % UInt64(pool.count))]
        } else if round % 3 == 0 || base.isEmpty {
            bytes = (0..<(1 + Int(g.next() % 20))).map { _ in byte() }
        } else if round % 3 == 1 {
            bytes = Array(base.prefix(1 + Int(g.next() % UInt64(base.count))))
        } else {
            bytes = base
            bytes[Int(g.next() % UInt64(bytes.count))] = byte()
        }
        base = bytes
        pool.append(bytes)
        let line = bytes + [0x22] + Array(repeating: 0x22, count: Int(g.next() % 20))
        var readCalls = 0
        let text: String? = line.withUnsafeBufferPointer { buf in
            var c = Cursor(base: buf.baseAddress!, end: buf.count)
            let t = texts.text(&c) { cur in
                readCalls += 1
                return cur.string(where: { _ in true })
            }
            if c.i != bytes.count { wrong.append("moved to \(c.i), not \(bytes.count)") }
            return t
        }
        let expected = String(decoding: bytes, as: UTF8.self)
        if text != expected { wrong.append("\(expected) read as \(text ?? "nil")") }
        // Kept when it was read with a whole window after it; found again unless a later text took its slot.
        let window = line.count >= 16
        if stored.contains(bytes) && window {
            lookups += 1
            if readCalls != 0 { readAgain += 1 }
        }
        if bytes.count <= 15 && window { stored.insert(bytes) }
    }
    let firstWrong = Array(wrong.prefix(5))
    #expect(firstWrong.isEmpty, "\(wrong.count) wrong")
    #expect(lookups > 100 && readAgain * 50 <= lookups, "\(readAgain) of \(lookups) remembered texts read again")
}

/// The skip's `prev` reader refuses exactly the bytes that are not
/// lowercase hex digits, wherever they stand: every byte value at every one
/// of the 64 places (uppercase, `g`, `/`, `:`, `` ` `` and bytes with the high
/// bit set are the edges a test eight bytes at a time could get wrong).
@Test func theSkipReadsAPrevExactlyWhenItIsLowercaseHex() {
    let valid = Array("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef".utf8)
    let digits = Set("0123456789abcdef".utf8)
    var wrong: [String] = []
    for place in 0..<64 {
        for byte in 0...255 {
            var hex = valid
            hex[place] = UInt8(byte)
            let read: SHA256Digest? = hex.withUnsafeBufferPointer { buf in
                var c = Cursor(base: buf.baseAddress!, end: buf.count)
                return c.digest()
            }
            let expected = digits.contains(UInt8(byte)) ? SHA256Digest(hex: String(decoding: hex, as: UTF8.self)) : nil
            if read != expected { wrong.append("byte \(byte) at \(place)") }
        }
    }
    let firstWrong = Array(wrong.prefix(5))
    #expect(firstWrong.isEmpty, "\(wrong.count) bytes read wrong")
}

/// The skip reads an event type exactly when the text up to the quote is a
/// type's name: every name, every name with one byte changed, cut short or
/// run on, with room after it and at the very end of a line.
@Test func theSkipReadsAnEventTypeExactlyWhenItIsOne() {
    var texts: [[UInt8]] = []
    for t in EventType.allCases {
        let name = Array(t.rawValue.utf8)
        texts.append(name)
        texts.append(Array(name.dropLast()))
        texts.append(name + Array("x".utf8))
        for k in name.indices {
            for b: UInt8 in [0x2E, 0x5F, 0x61, 0x7A, name[k] ^ 0x01] {
                var changed = name
                changed[k] = b
                texts.append(changed)
            }
        }
    }
    var wrong: [String] = []
    for text in texts {
        let expected = EventType(rawValue: String(decoding: text, as: UTF8.self))
        for tail in [Array("\",\"occurred\":\"2018-01-01\",\"recorded\":\"".utf8), Array("\"".utf8)] {
            let line = text + tail
            let (read, moved): (EventType?, Int) = line.withUnsafeBufferPointer { buf in
                var c = Cursor(base: buf.baseAddress!, end: buf.count)
                let t = c.eventType()
                return (t, c.i)
            }
            if read != expected || (read != nil && moved != text.count) {
                wrong.append("\(String(decoding: text, as: UTF8.self)) (\(tail.count) after)")
            }
        }
    }
    let firstWrong = Array(wrong.prefix(5))
    #expect(firstWrong.isEmpty, "\(wrong.count) of \(texts.count * 2) read wrong")
}

/// A new event's id is the canonical text of its 16 random bytes with the
/// version and variant bits set, digit for digit as a byte-by-byte
/// formatting gives it (all-zero, all-one and random bytes).
@Test func newIDsAreTheCanonicalTextOfTheirBytes() {
    func reference(_ r: [UInt8]) -> String {
        var out = ""
        for (i, byte) in r.enumerated() {
            var b = byte
            if i == 6 { b = (b & 0x0F) | 0x40 }
            if i == 8 { b = (b & 0x3F) | 0x80 }
            if i == 4 || i == 6 || i == 8 || i == 10 { out += "-" }
            out += String(b >> 4, radix: 16) + String(b & 0x0F, radix: 16)
        }
        return out
    }
    var g = SplitMix64(seed: 0x1D5)
    var inputs: [[UInt8]] = [Array(repeating: 0, count: 16), Array(repeating: 0xFF, count: 16), Array(0..<16), Array((0..<16).map { 0xF0 - $0 })]
    for _ in 0..<1000 { inputs.append((0..<16).map { _ in UInt8(truncatingIfNeeded: g.next()) }) }
    var wrong: [String] = []
    for r in inputs {
        let made = r.withUnsafeBufferPointer { UUIDSource.format($0) }
        if made != reference(r) || !UUIDText.isCanonical(made) { wrong.append(reference(r)) }
    }
    let firstWrong = Array(wrong.prefix(3))
    #expect(firstWrong.isEmpty, "\(wrong.count) ids written wrong")
}

/// The batch skip takes an id's 128 bits with its text: the key it reads
/// is the key of the text for random ids, and any id that is not canonical
/// (one byte changed anywhere: a dash, a digit, uppercase) is left to the
/// general path.
@Test func theSkipReadsAnIDsKeyExactlyAsItsText() {
    var g = SplitMix64(seed: 0x1D)
    var wrong: [String] = []
    for n in 0..<400 {
        let bytes = (0..<16).map { _ in UInt8(truncatingIfNeeded: g.next()) }
        let text = bytes.withUnsafeBufferPointer { UUIDSource.format($0) }
        var variants = [Array(text.utf8)]
        if n < 40 {
            for k in 0..<36 { for b: UInt8 in [0x2D, 0x30, 0x39, 0x61, 0x66, 0x67, 0x41, 0x46, 0x22] { var v = Array(text.utf8); v[k] = b; variants.append(v) } }
        }
        for v in variants {
            let line = v + Array("\",\"type\":\"tip.received\"".utf8)
            let read: (text: String, key: UUIDKey)? = line.withUnsafeBufferPointer { buf in
                var c = Cursor(base: buf.baseAddress!, end: buf.count)
                return c.uuid()
            }
            let s = String(decoding: v, as: UTF8.self)
            if UUIDText.isCanonical(s) {
                if read?.text != s || read?.key != UUIDKey(s) { wrong.append(s) }
            } else if read != nil {
                wrong.append("took \(s)")
            }
        }
    }
    let firstWrong = Array(wrong.prefix(3))
    #expect(firstWrong.isEmpty, "\(wrong.count) ids read wrong")
}
