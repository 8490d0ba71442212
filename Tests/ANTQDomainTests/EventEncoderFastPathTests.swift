import SeededRandom
import Foundation
import Testing
import Hashing
import TextFormats
@testable import ANTQDomain

/// The direct byte writer of `EventEncoder` must write exactly what the
/// plain `JSONWriter` form writes: the bytes are hashed into the chain.
@Test func directEncoderWritesTheSameBytesAsTheWriterFormOnARandomLog() {
    let g = RandomLog.make(seed: 0xBA7C4, events: 3_000)
    var out: [UInt8] = []
    for var e in g.events {
        e.prev = SHA256.hash(Array(e.id.utf8))
        #expect(EventEncoder.encode(e) == EventEncoder.encodeWithWriter(e), "#\(e.seq)")
        out.removeAll()
        EventEncoder.encode(e, recorded: Array(e.recorded.rfc3339.utf8), into: &out)
        #expect(out == EventEncoder.encodeWithWriter(e), "#\(e.seq) with a preformatted recorded")
    }
}

@Test func directEncoderEscapesWhatJSONNeedsEscaped() {
    let g = RandomLog.make(seed: 7, events: 200)
    var e = g.events.last!
    e.by = "Lê \"Tí\" \\ tab\there\u{1}"
    e.unit = "a\"b"
    e.more = true
    #expect(EventEncoder.encode(e) == EventEncoder.encodeWithWriter(e))
}

@Test func pooledUUIDsAreCanonicalVersion4AndDistinct() {
    var source = UUIDSource()
    var seen = Set<String>()
    for _ in 0..<5_000 {
        let id = source.next()
        #expect(UUIDText.isCanonical(id))
        let u = Array(id.utf8)
        #expect(u[14] == UInt8(ascii: "4"))
        #expect([UInt8(ascii: "8"), UInt8(ascii: "9"), UInt8(ascii: "a"), UInt8(ascii: "b")].contains(u[19]))
        seen.insert(id)
    }
    #expect(seen.count == 5_000)
}

/// The pointer writer (`encodeRaw`) must write the appending encoder's
/// bytes for every type it takes, with and without `more`, and leave the
/// output untouched for what it declines (escapes, negative counts).
@Test func rawEncoderWritesTheAppendingEncodersBytesForEveryFrequentType() {
    let g = RandomLog.make(seed: 0x5EED, events: 4_000)
    var taken = Set<String>()
    for var e in g.events {
        e.prev = SHA256.hash(Array(e.id.utf8))
        let recorded = Array(e.recorded.rfc3339.utf8)
        for more in [false, true] {
            e.more = more
            var raw: [UInt8] = [7]
            var appended: [UInt8] = [7]
            EventEncoder.encodeAppending(e, recorded: recorded, into: &appended)
            if EventEncoder.encodeRaw(e, recorded: recorded, into: &raw) {
                taken.insert(e.type.rawValue)
                #expect(raw == appended, "#\(e.seq) \(e.type.rawValue)")
            } else {
                #expect(raw == [7], "#\(e.seq): declined but wrote")
            }
        }
    }
    let frequent: Set = ["tip.received", "case.solved", "arrest.made", "weapon.seized", "award.granted", "camera.installed",
                         "camera.removed", "model.established", "model.changed", "model.dissolved"]
    #expect(taken == frequent)
    var e = g.events.first { $0.type == .arrestMade }!
    e.by = "Lê \"Tí\""
    var out: [UInt8] = []
    #expect(!EventEncoder.encodeRaw(e, recorded: nil, into: &out))
    #expect(out.isEmpty)
    e.by = "Lê Tí"
    e.data = .arrestMade(count: -3, caseRef: "HS\n1", caughtInAct: true)
    #expect(!EventEncoder.encodeRaw(e, recorded: nil, into: &out))
    #expect(EventEncoder.encode(e) == EventEncoder.encodeWithWriter(e))
}

/// The eight-bytes-at-a-time escape test must agree with the byte-wise one
/// for every position of a control byte, quote or backslash among
/// ordinary ASCII and UTF-8 bytes (0x80…0xFF must never count).
@Test func wordWiseEscapeCheckAgreesWithTheByteWiseOne() {
    func naive(_ b: [UInt8]) -> Bool { b.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } }
    var g = SplitMix64(seed: 99)
    let plain: [UInt8] = Array("aZ09 -_.,:/é".utf8) + [0x7F, 0x80, 0xA0, 0xBF, 0xC3, 0xE1, 0xFF, 0x21, 0x23, 0x5B, 0x5D, 0x20]
    let special: [UInt8] = [0x00, 0x01, 0x0A, 0x1F, 0x22, 0x5C]
    for length in 0..<40 {
        var base = (0..<length).map { _ in plain[Int(g.next() % UInt64(plain.count))] }
        let whole = base.withUnsafeBufferPointer { EventEncoder.RawWriter.needsEscape($0) }
        #expect(whole == naive(base))
        for at in 0..<length {
            for s in special {
                let keep = base[at]
                base[at] = s
                let got = base.withUnsafeBufferPointer { EventEncoder.RawWriter.needsEscape($0) }
                #expect(got, "length \(length), \(s) at \(at)")
                base[at] = keep
            }
        }
    }
}
