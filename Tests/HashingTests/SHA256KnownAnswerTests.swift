import SeededRandom
import Foundation
import Hashing
import Testing

/// FIPS 180-4 / NIST example vectors, checked for every available backend.
@Suite("SHA-256 FIPS 180-4 examples")
struct SHA256KnownAnswerTests {
    static let vectors: [(message: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    @Test("FIPS example messages hash to the published digests", arguments: testBackends)
    func fipsExamples(backend: SHA256Backend) {
        for (message, expected) in Self.vectors {
            #expect(SHA256.hash(Array(message.utf8), backend: backend).hex == expected, "message: \(message)")
            var hasher = SHA256(backend: backend)
            hasher.update(message)
            #expect(hasher.finalize().hex == expected, "streaming message: \(message)")
        }
    }

    @Test("one million 'a' hashes to the published digest", arguments: testBackends)
    func millionA(backend: SHA256Backend) {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hash(message, backend: backend).hex == expected)

        // Also fed 1000 bytes at a time through the streaming interface.
        var hasher = SHA256(backend: backend)
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(hasher.finalize().hex == expected)
    }

    @Test("default one-shot API uses a working backend")
    func defaultBackend() {
        #expect(SHA256.hash(Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hash("abc").hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256().backend == SHA256Backend.preferred)
        #expect(SHA256.availableBackends.contains(.portable))
        #expect(SHA256.availableBackends.first == SHA256Backend.preferred)
    }

    @Test(
        "hardware backend agrees with portable backend on random inputs",
        .enabled(if: SHA256Backend.hardware.isAvailable,
                 "CPU lacks SHA-NI: hardware-backend tests are skipped, only the portable backend is tested")
    )
    func hardwareMatchesPortable() {
        var rng = SplitMix64(seed: 0xA11CE)
        for length in 0..<600 {
            let input = rng.bytes(length)
            #expect(SHA256.hash(input, backend: .hardware) == SHA256.hash(input, backend: .portable), "length \(length)")
        }
        let big = rng.bytes(1 << 20)
        #expect(SHA256.hash(big, backend: .hardware) == SHA256.hash(big, backend: .portable))
    }
}
