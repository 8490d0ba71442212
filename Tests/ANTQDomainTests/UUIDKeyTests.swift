import SeededRandom
import Testing
@testable import ANTQDomain

/// A batch keeps its ids as 128-bit keys: the key must give back the very
/// text, order as the text does, and exist only for canonical text.
@Test func aUUIDKeyGivesBackItsTextAndOrdersAsTheText() {
    var g = SplitMix64(seed: 42)
    var pairs: [(String, UUIDKey)] = []
    for _ in 0..<2_000 {
        let text = UUIDText.format((0..<16).map { _ in UInt8(truncatingIfNeeded: g.next()) })
        let key = UUIDKey(text)
        #expect(key?.text == text)
        if let key { pairs.append((text, key)) }
    }
    for _ in 0..<2_000 {
        let a = pairs[g.below(pairs.count)], b = pairs[g.below(pairs.count)]
        #expect((a.0 < b.0) == (a.1 < b.1))
        #expect((a.0 == b.0) == (a.1 == b.1))
    }
}

@Test func onlyCanonicalTextHasAUUIDKey() {
    #expect(UUIDKey("00000000-0000-4000-8000-00000000000A") == nil, "uppercase")
    #expect(UUIDKey("00000000-0000-4000-8000-00000000000") == nil, "short")
    #expect(UUIDKey("000000000000-4000-8000-0000-00000000") == nil, "dashes misplaced")
    #expect(UUIDKey("00000000-0000-4000-8000-00000000000g") == nil, "not hex")
    #expect(UUIDKey("ffffffff-ffff-ffff-ffff-ffffffffffff")?.text == "ffffffff-ffff-ffff-ffff-ffffffffffff")
}
