import Testing
import SeededRandom

/// The published SplitMix64 sequence for seed 0 (the reference C
/// implementation by Vigna): the demo log and every test seed depend on it.
@Test func theGeneratorGivesThePublishedSequence() {
    var g = SplitMix64(seed: 0)
    #expect([g.next(), g.next(), g.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
}

/// `uuid()` writes its digits straight into bytes; it must give what
/// formatting the two draws byte by byte gives (the way the demo log's ids
/// were first made), with the version-4 and variant bits set.
@Test func uuidsAreTheTwoDrawsFormattedAsVersion4() {
    var g = SplitMix64(seed: 7)
    var reference = SplitMix64(seed: 7)
    for _ in 0..<2_000 {
        var bytes: [UInt8] = []
        for _ in 0..<2 {
            let v = reference.next()
            for s in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(s))) }
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let digits = Array("0123456789abcdef")
        var expected = ""
        for (i, b) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { expected.append("-") }
            expected.append(digits[Int(b >> 4)])
            expected.append(digits[Int(b & 0x0F)])
        }
        #expect(g.uuid() == expected)
    }
}

/// Draws stay in their ranges, and a stream seed gives a sequence of its own.
@Test func drawsStayInTheirRangesAndStreamsDiffer() {
    var g = SplitMix64(seed: 11)
    for n in [1, 2, 3, 7, 100, 1_000_003] {
        for _ in 0..<500 { #expect((0..<n).contains(g.below(n))) }
    }
    for _ in 0..<500 {
        #expect((-3...4).contains(g.int(-3...4)))
        let u = g.unit()
        #expect(u >= 0 && u < 1)
    }
    var a = SplitMix64(seed: 5, stream: "ids"), b = SplitMix64(seed: 5, stream: "days")
    #expect((0..<4).map { _ in a.next() } != (0..<4).map { _ in b.next() })
}
