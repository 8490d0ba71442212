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
