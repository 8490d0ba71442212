import SeededRandom
import Foundation
import Hashing
import Testing

/// RFC 4231 HMAC-SHA256 test cases 1-7.
@Suite("HMAC-SHA256")
struct HMACSHA256Tests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let name: String
        let key: [UInt8]
        let data: [UInt8]
        let mac: String
        var testDescription: String { name }
    }

    static let rfc4231: [Vector] = [
        Vector(name: "case 1", key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8),
               mac: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        Vector(name: "case 2", key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8),
               mac: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        Vector(name: "case 3", key: [UInt8](repeating: 0xaa, count: 20), data: [UInt8](repeating: 0xdd, count: 50),
               mac: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        Vector(name: "case 4", key: Array(1...25), data: [UInt8](repeating: 0xcd, count: 50),
               mac: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        // Case 5 specifies output truncated to 128 bits: compare the prefix.
        Vector(name: "case 5 (truncated to 128 bits)", key: [UInt8](repeating: 0x0c, count: 20),
               data: Array("Test With Truncation".utf8),
               mac: "a3b6167473100ee06e0c796c2955552b"),
        Vector(name: "case 6 (key larger than block)", key: [UInt8](repeating: 0xaa, count: 131),
               data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
               mac: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        Vector(name: "case 7 (key and data larger than block)", key: [UInt8](repeating: 0xaa, count: 131),
               data: Array(("This is a test using a larger than block-size key and a larger than block-size data. "
                   + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
               mac: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test("RFC 4231 vectors with the preferred backend", arguments: rfc4231)
    func rfc4231Preferred(vector: Vector) {
        let tag = HMACSHA256.authenticate(vector.data, key: vector.key)
        #expect(tag.hex.hasPrefix(vector.mac))
        let viaPointer = vector.data.withUnsafeBytes { HMACSHA256.authenticate($0, key: vector.key) }
        #expect(viaPointer == tag)
        #expect(HMACSHA256(key: vector.key).authenticate(vector.data) == tag)
    }

    @Test("RFC 4231 vectors with every backend", arguments: testBackends)
    func rfc4231AllBackends(backend: SHA256Backend) {
        for vector in Self.rfc4231 {
            let mac = HMACSHA256(key: vector.key, backend: backend)
            #expect(mac.authenticate(vector.data).hex.hasPrefix(vector.mac), "\(vector.name)")
            #expect(mac.backend == backend)
        }
    }

    @Test("one precomputed key authenticates many messages like the textbook construction", arguments: testBackends)
    func matchesTextbookConstruction(backend: SHA256Backend) {
        var rng = SplitMix64(seed: 99)
        for keyLength in [0, 1, 32, 63, 64, 65, 200] {
            let key = rng.bytes(keyLength)
            let mac = HMACSHA256(key: key, backend: backend)
            var k = key.count > 64 ? SHA256.hash(key, backend: backend).bytes : key
            k += [UInt8](repeating: 0, count: 64 - k.count)
            for length in [0, 1, 55, 56, 64, 119, 120, 280, 1000] {
                let message = rng.bytes(length)
                let inner = SHA256.hash(k.map { $0 ^ 0x36 } + message, backend: backend)
                let expected = SHA256.hash(k.map { $0 ^ 0x5c } + inner.bytes, backend: backend)
                #expect(mac.authenticate(message) == expected, "key \(keyLength), message \(length)")
            }
        }
    }

    @Test("string messages authenticate their UTF-8 bytes")
    func stringMessage() {
        let mac = HMACSHA256(key: Array("Jefe".utf8))
        let text = "what do ya want for nothing?"
        #expect(mac.authenticate(text) == mac.authenticate(Array(text.utf8)))
        #expect(mac.authenticate(text[...]) == mac.authenticate(Array(text.utf8)))
    }
}
