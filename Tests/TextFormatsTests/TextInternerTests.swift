import SeededRandom
import Testing
import TextFormats

/// The interner must give, for any bytes, the string `make` would give,
/// call `make` once per distinct text, and keep nothing it refused. Texts
/// are drawn from a small alphabet so that many repeat, many share a
/// prefix, and the table grows several times.
@Test func internedTextsAreTheTextsGivenAndEachIsMadeOnce() {
    var rng = SplitMix64(seed: 41)
    var interner = TextInterner()
    var made: [[UInt8]: Int] = [:]
    var distinct: Set<[UInt8]> = []
    let alphabet: [UInt8] = Array("aăâ ,5".utf8)
    for _ in 0..<40_000 {
        let length = Int.random(in: 0...19, using: &rng)
        let bytes = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
        let s = bytes.withUnsafeBytes { b in
            interner.string(b) { raw in
                made[Array(raw), default: 0] += 1
                return String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self)
            }
        }
        let expected = String(validating: bytes, as: UTF8.self)
        #expect(s.map { Array($0.utf8) } == expected.map { Array($0.utf8) })
        if expected != nil { distinct.insert(bytes) }
    }
    #expect(interner.count == distinct.count, "only texts `make` accepted are kept")
    #expect(distinct.count > 300, "the table (256 slots, half full at most) grew more than once")
    #expect(made.values.allSatisfy { $0 == 1 } || made.filter { $0.value > 1 }.keys.allSatisfy { String(validating: $0, as: UTF8.self) == nil },
            "a kept text is made once; only refused ones are tried again")
}
