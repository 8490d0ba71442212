import SeededRandom
import Foundation
import Hashing
import Testing

/// The streaming interface must agree with the one-shot hash no matter how
/// the input is split or which `update` overload is used.
@Suite("SHA-256 streaming")
struct SHA256StreamingTests {
    @Test("random chunking matches the one-shot digest", arguments: testBackends)
    func randomChunking(backend: SHA256Backend) {
        var rng = SplitMix64(seed: 42)
        for length in [0, 1, 55, 56, 63, 64, 65, 127, 128, 129, 1000, 10_000] {
            let input = rng.bytes(length)
            let expected = SHA256.hash(input, backend: backend)
            for _ in 0..<10 {
                var hasher = SHA256(backend: backend)
                var offset = 0
                while offset < length {
                    let size = Swift.min(length - offset, Int(rng.next() % 150))
                    input[offset..<(offset + size)].withUnsafeBytes { hasher.update($0) }
                    offset += size
                }
                #expect(hasher.finalize() == expected, "length \(length)")
            }
        }
    }

    @Test("all update overloads produce the same digest", arguments: testBackends)
    func updateOverloads(backend: SHA256Backend) {
        let text = "the quick brown fox jumps over the lazy dog, repeatedly, until the block boundary is crossed"
        let bytes = Array(text.utf8)
        let expected = SHA256.hash(bytes, backend: backend)

        var viaArray = SHA256(backend: backend)
        viaArray.update(bytes)
        #expect(viaArray.finalize() == expected)

        var viaSlice = SHA256(backend: backend)
        viaSlice.update(bytes[0..<10])
        viaSlice.update(bytes[10...])
        #expect(viaSlice.finalize() == expected)

        var viaString = SHA256(backend: backend)
        viaString.update(text)
        #expect(viaString.finalize() == expected)

        var viaSubstring = SHA256(backend: backend)
        let mid = text.index(text.startIndex, offsetBy: 40)
        viaSubstring.update(text[..<mid])
        viaSubstring.update(text[mid...].utf8)
        #expect(viaSubstring.finalize() == expected)

        var viaData = SHA256(backend: backend)
        viaData.update(Data(bytes))
        #expect(viaData.finalize() == expected)

        // A non-contiguous collection goes through the copying fallback.
        var viaLazy = SHA256(backend: backend)
        viaLazy.update(bytes.lazy.map { $0 })
        #expect(viaLazy.finalize() == expected)
    }

    @Test("finalize resets the hasher for reuse", arguments: testBackends)
    func finalizeResets(backend: SHA256Backend) {
        var hasher = SHA256(backend: backend)
        hasher.update(Array("first message".utf8))
        _ = hasher.finalize()
        hasher.update(Array("abc".utf8))
        #expect(hasher.finalize().hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hasher.finalize() == SHA256.hash([], backend: backend))
        #expect(hasher.backend == backend)
    }
}

/// Two messages hashed at once give each message's own digest, on every
/// backend, for every pair of lengths around the block and padding edges.
@Test func hashingTwoMessagesAtOnceGivesEachItsOwnDigest() {
    var g = SplitMix64(seed: 0x5A2)
    let lengths = Array(0...200) + [255, 256, 447, 448, 511, 512, 1000, 4096, 65_537]
    for backend in SHA256.availableBackends {
        for (i, la) in lengths.enumerated() {
            let lb = lengths[(i * 7 + 3) % lengths.count]
            let a = (0..<la).map { _ in UInt8(truncatingIfNeeded: g.next()) }
            let b = (0..<lb).map { _ in UInt8(truncatingIfNeeded: g.next()) }
            let pair = a.withUnsafeBytes { pa in b.withUnsafeBytes { pb in SHA256.hashPair(pa, pb, backend: backend) } }
            #expect(pair.0 == SHA256.hash(a, backend: .portable), "\(backend) a: \(la) bytes")
            #expect(pair.1 == SHA256.hash(b, backend: .portable), "\(backend) b: \(lb) bytes")
            let swapped = b.withUnsafeBytes { pb in a.withUnsafeBytes { pa in SHA256.hashPair(pb, pa, backend: backend) } }
            #expect(swapped.0 == pair.1 && swapped.1 == pair.0)
        }
    }
}
