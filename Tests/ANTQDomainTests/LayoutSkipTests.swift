import ANTQCodec
import ANTQDomain
import ANTQTestSupport
import Hashing
import SeededRandom
import Testing

/// The layout skip inside `LineReader` (driven by the declarations) never
/// accepts what the general reader refuses, and what it accepts reads the
/// same: on every generated line, and on every one-byte change of a sample
/// of them (a changed digit, a quote, an escape, a brace, a bad UTF-8 byte …).
@Test(arguments: [UInt64(71), 72])
func everyOneByteChangeOfAStoredLineReadsAsTheGeneralReaderReadsIt(seed: UInt64) throws {
    let g = RandomLog.make(seed: seed, events: 300, declarations: true)
    var rng = SplitMix64(seed: seed)
    let replacements: [UInt8] = [0x22, 0x5C, 0x2C, 0x7D, 0x7B, 0x3A, 0x00, 0x20, 0x30, 0x35, 0x39, 0x2D, 0x2E, 0x61, 0x65, 0x74, 0xC3, 0xFF]
    var compared = 0
    for e in g.events where rng.chance(0.15) {
        let line = LineWriter.encode(e, prev: SHA256.hash(Array(String(rng.next()).utf8)), more: rng.chance(0.5))
        for at in line.indices {
            for r in replacements where r != line[at] {
                var changed = line
                changed[at] = r
                let viaSkip = try? LineReader.read(changed)
                let general = try? changed.withUnsafeBytes { try LineReader.readInFull($0) }
                #expect(viaSkip == general, "\(e.type.rawValue) byte \(at) → \(r): \(String(decoding: changed, as: UTF8.self))")
                compared += 1
            }
        }
    }
    #expect(compared > 10_000)
}
