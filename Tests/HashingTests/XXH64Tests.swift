import SeededRandom
import Hashing
import Testing

/// XXH64 against the reference implementation's published values (always)
/// and against `xxhsum -H1` itself on random inputs (where it is installed;
/// `.ci/run` installs it).
struct XXH64Tests {
    @Test func knownValuesOfTheReferenceImplementation() {
        // Printed by `printf '…' | xxhsum -H1` (xxHash 0.8.1) for each text.
        #expect(XXH64.hex(XXH64.hash([])) == "ef46db3751d8e999")
        #expect(XXH64.hex(XXH64.hash(Array("abc".utf8))) == "44bc2cf5ad770999")
        #expect(XXH64.hex(XXH64.hash(Array("The quick brown fox jumps over the lazy dog".utf8))) == "0b242d361fda71bc")
    }

    @Test func aSeedChangesTheValue() {
        let bytes = Array("antq".utf8)
        #expect(XXH64.hash(bytes, seed: 1) != XXH64.hash(bytes, seed: 0))
    }

    @Test func hexRoundTripsAndRejectsWhatIsNotSixteenHexDigits() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<1000 {
            let v = rng.next()
            #expect(XXH64.value(hex: XXH64.hex(v)) == v)
            #expect(XXH64.value(hex: XXH64.hex(v).uppercased()) == v)
        }
        for bad in ["", "0", "123456789abcdef", "123456789abcdef01", "123456789abcdeg0", " 23456789abcdef0"] {
            #expect(XXH64.value(hex: bad) == nil, "\(bad)")
        }
    }

    @Test func everyByteCountsEvenInTheTail() {
        // One bit flipped anywhere, in a stripe or in any of the tail paths
        // (8-, 4- and 1-byte steps), changes the value.
        var rng = SplitMix64(seed: 12)
        for length in [1, 3, 4, 7, 8, 15, 31, 32, 33, 63, 64, 71, 100] {
            let input = rng.bytes(length)
            let h = XXH64.hash(input)
            for i in 0..<length {
                var changed = input
                changed[i] ^= 1 << UInt8(rng.below(8))
                #expect(XXH64.hash(changed) != h, "length \(length), byte \(i)")
            }
        }
    }
}

@Suite(.enabled(if: xxhsumPath != nil, "xxhsum not found on PATH (Debian package xxhash); skipping the comparison against it"))
struct XXH64MatchesXXHSum {
    @Test func everyLengthUpTo200AndAroundTheStripeEdgesMatchesXXHSum() throws {
        var rng = SplitMix64(seed: 13)
        let lengths = Array(0...200) + [255, 256, 257, 1023, 1024, 1025, 4096, 65_537]
        let inputs = lengths.map { rng.bytes($0) }
        let expected = try xxhsumDigests(inputs)
        try #require(expected.count == inputs.count)
        for (input, digest) in zip(inputs, expected) {
            #expect(XXH64.hex(XXH64.hash(input)) == digest, "length \(input.count)")
        }
    }

    @Test func megabyteInputsAndInputsAtAnOddAddressMatchXXHSum() throws {
        var rng = SplitMix64(seed: 14)
        let inputs = [rng.bytes(3 * 1024 * 1024 + 5), rng.bytes(1_000_001)]
        let expected = try xxhsumDigests(inputs)
        try #require(expected.count == inputs.count)
        for (input, digest) in zip(inputs, expected) {
            #expect(XXH64.hex(XXH64.hash(input)) == digest, "length \(input.count)")
            // The same bytes one byte into a buffer: unaligned loads give the same value.
            let shifted = [0x55] + input
            let h = shifted.withUnsafeBytes { XXH64.hash(UnsafeRawBufferPointer(rebasing: $0.dropFirst())) }
            #expect(XXH64.hex(h) == digest, "length \(input.count), unaligned")
        }
    }
}
