import SeededRandom
import Foundation
import Hashing
import Testing

@Suite("SHA256Digest")
struct SHA256DigestTests {
    @Test("hex is lowercase, 64 characters, and round-trips through init(hex:)")
    func hexRoundTrip() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<100 {
            let digest = SHA256.hash(rng.bytes(Int(rng.next() % 100)))
            let hex = digest.hex
            #expect(hex.utf8.count == 64)
            #expect(hex == hex.lowercased())
            #expect(SHA256Digest(hex: hex) == digest)
            #expect(SHA256Digest(hex: hex.uppercased()) == digest)
            #expect(SHA256Digest(hex: hex[...]) == digest)
            #expect(digest.description == hex)
        }
    }

    @Test("bytes are in digest order and match hex")
    func bytesMatchHex() {
        let digest = SHA256.hash(Array("abc".utf8))
        #expect(digest.bytes == hexBytes("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
        #expect(digest.bytes.count == 32)
        #expect(SHA256Digest(bytes: digest.bytes) == digest)
        #expect(SHA256Digest(bytes: digest.bytes.dropLast()) == nil)
        digest.withUnsafeBytes { #expect(Array($0) == digest.bytes) }
    }

    @Test("zero digest is 32 zero bytes")
    func zeroDigest() {
        #expect(SHA256Digest.zero.hex == String(repeating: "0", count: 64))
        #expect(SHA256Digest.zero.bytes == [UInt8](repeating: 0, count: 32))
        #expect(SHA256Digest(hex: String(repeating: "0", count: 64)) == .zero)
        #expect(SHA256.hash([]) != .zero)
    }

    @Test("init(hex:) rejects wrong lengths and non-hex characters")
    func rejectsMalformedHex() {
        let good = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        #expect(SHA256Digest(hex: "") == nil)
        #expect(SHA256Digest(hex: String(good.dropLast())) == nil)
        #expect(SHA256Digest(hex: good + "0") == nil)
        #expect(SHA256Digest(hex: "g" + good.dropFirst()) == nil)
        #expect(SHA256Digest(hex: " " + good.dropFirst()) == nil)
        #expect(SHA256Digest(hex: "é" + good.dropFirst(2)) == nil)
    }

    @Test("digests are usable as dictionary keys")
    func hashable() {
        let a = SHA256.hash(Array("a".utf8))
        let b = SHA256.hash(Array("b".utf8))
        let table = [a: 1, b: 2]
        #expect(table[SHA256.hash(Array("a".utf8))] == 1)
        #expect(table[b] == 2)
        #expect(a != b)
    }
}

/// The eight-digits-at-a-time parse of a validated lowercase hex digest
/// agrees with the digit-by-digit one on random and edge digests.
@Test func validatedLowercaseHexParsesLikeTheGeneralParse() {
    var g = SplitMix64(seed: 0xBEEF)
    var cases = ["0000000000000000000000000000000000000000000000000000000000000000",
                 "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
                 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                 "f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f"]
    for _ in 0..<2000 { cases.append(String((0..<64).map { _ in Array("0123456789abcdef")[Int(g.next() % 16)] })) }
    for hex in cases {
        let fast = Array(hex.utf8).withUnsafeBufferPointer { SHA256Digest(validatedLowercaseHex: $0.baseAddress!) }
        #expect(fast == SHA256Digest(hex: hex), "\(hex)")
        #expect(fast.hex == hex)
    }
}

/// The digest's 64 hex characters, made eight at a time, are the digits of
/// its bytes, most significant first: every nibble value at every place,
/// and `appendHex` writes the same characters as `hex`.
@Test func hexIsEachByteAsTwoLowercaseDigits() {
    var g = SplitMix64(seed: 0x4E7)
    var digests: [[UInt8]] = [Array(repeating: 0, count: 32), Array(repeating: 0xFF, count: 32)]
    for place in 0..<32 { for v in [0x0A, 0x9F, 0xF0, 0x5A] { var b = [UInt8](repeating: 0, count: 32); b[place] = UInt8(v); digests.append(b) } }
    for _ in 0..<500 { digests.append((0..<32).map { _ in UInt8(truncatingIfNeeded: g.next()) }) }
    var wrong: [String] = []
    for bytes in digests {
        let expected = bytes.map { b in String(b, radix: 16).count == 1 ? "0" + String(b, radix: 16) : String(b, radix: 16) }.joined()
        guard let d = SHA256Digest(bytes: bytes) else { wrong.append("32 bytes refused"); continue }
        var appended: [UInt8] = [0x7B]
        d.appendHex(to: &appended)
        if d.hex != expected || appended != [0x7B] + Array(expected.utf8) { wrong.append(expected) }
    }
    let firstWrong = Array(wrong.prefix(3))
    #expect(firstWrong.isEmpty, "\(wrong.count) digests written wrong")
}
