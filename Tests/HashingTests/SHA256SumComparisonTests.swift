import SeededRandom
import Foundation
import Hashing
import Testing

/// Compares every backend against the coreutils `sha256sum` binary on
/// deterministic random inputs, covering all padding edge cases.
@Suite(
    "SHA-256 matches sha256sum",
    .enabled(if: sha256sumPath != nil, "sha256sum binary not found on PATH; skipping comparison against it")
)
struct SHA256SumComparisonTests {
    @Test("every length 0...200 matches sha256sum (55/56/64-byte padding edges)", arguments: testBackends)
    func shortLengths(backend: SHA256Backend) throws {
        var rng = SplitMix64(seed: 1)
        let inputs = (0...200).map { rng.bytes($0) }
        let expected = try sha256sumDigests(inputs)
        try #require(expected.count == inputs.count)
        for (input, digest) in zip(inputs, expected) {
            #expect(SHA256.hash(input, backend: backend).hex == digest, "length \(input.count)")
        }
    }

    @Test("lengths around two blocks and 1000 bytes match sha256sum", arguments: testBackends)
    func twoBlockEdges(backend: SHA256Backend) throws {
        var rng = SplitMix64(seed: 2)
        let lengths = [111, 112, 118, 119, 120, 121, 127, 128, 129, 183, 184, 191, 192, 255, 256, 999, 1000, 1001, 4096]
        let inputs = lengths.map { rng.bytes($0) }
        let expected = try sha256sumDigests(inputs)
        try #require(expected.count == inputs.count)
        for (input, digest) in zip(inputs, expected) {
            #expect(SHA256.hash(input, backend: backend).hex == digest, "length \(input.count)")
        }
    }

    @Test("multi-megabyte inputs match sha256sum", arguments: testBackends)
    func megabytes(backend: SHA256Backend) throws {
        var rng = SplitMix64(seed: 3)
        let inputs = [rng.bytes(3 * 1024 * 1024), rng.bytes(5_000_001)]
        let expected = try sha256sumDigests(inputs)
        try #require(expected.count == inputs.count)
        for (input, digest) in zip(inputs, expected) {
            #expect(SHA256.hash(input, backend: backend).hex == digest, "length \(input.count)")
        }
    }

    @Test("random-sized streaming chunks give the sha256sum digest", arguments: testBackends)
    func streamingChunks(backend: SHA256Backend) throws {
        var rng = SplitMix64(seed: 4)
        let inputs = [rng.bytes(1_000_003), rng.bytes(200), rng.bytes(64 * 7)]
        let expected = try sha256sumDigests(inputs)
        try #require(expected.count == inputs.count)
        for (input, digest) in zip(inputs, expected) {
            for _ in 0..<3 {
                var hasher = SHA256(backend: backend)
                var offset = 0
                while offset < input.count {
                    // Mix of tiny, sub-block, block-straddling and multi-block chunks.
                    let size = Swift.min(input.count - offset, Int(rng.next() % 300))
                    hasher.update(input[offset..<(offset + size)])
                    offset += size
                }
                #expect(hasher.finalize().hex == digest, "length \(input.count)")
            }
        }
    }
}
