/// UUIDs as the log stores them: lowercase 8-4-4-4-12 hex.
public enum UUIDText {
    public static func isCanonical(_ s: String) -> Bool { isCanonical(utf8: s.utf8) }

    @inlinable
    public static func isCanonical(utf8 u: some Collection<UInt8>) -> Bool {
        guard u.count == 36 else { return false }
        var i = 0
        for c in u {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard c == 0x2D else { return false }
            } else {
                guard (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) else { return false }
            }
            i += 1
        }
        return true
    }

    /// A version 4 UUID in canonical form from 16 random bytes.
    public static func format(_ random: [UInt8]) -> String {
        var bytes = random
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(36)
        for (i, b) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append("-") }
            out.append(hex[Int(b >> 4)])
            out.append(hex[Int(b & 0x0F)])
        }
        return out
    }

    /// A random version 4 UUID from `g`.
    public static func random<G: RandomNumberGenerator>(using g: inout G) -> String {
        format((0..<16).map { _ in UInt8.random(in: 0...255, using: &g) })
    }

    /// A random version 4 UUID from the system's generator.
    public static func random() -> String {
        var g = SystemRandomNumberGenerator()
        return random(using: &g)
    }
}

extension UUIDText {
    /// A fixed, valid UUID numbered `n` (tests, fuzzing and seeded generators).
    public static func test(_ n: Int) -> String {
        let hex = String(UInt64(truncatingIfNeeded: n), radix: 16)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - hex.count)) + hex.suffix(12)
    }
}

/// A canonical UUID as its 128 bits: what a batch keeps of every id it
/// brings, to find repeats and clashes with the log, at a fraction of the
/// memory of the text.
public struct UUIDKey: Hashable, Comparable, Sendable {
    public let high: UInt64
    public let low: UInt64

    /// Nil unless `text` is canonical (lowercase 8-4-4-4-12 hex).
    public init?(_ text: String) {
        guard UUIDText.isCanonical(text) else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0, n = 0
        for c in text.utf8 where c != 0x2D {
            let v = UInt64(c <= 0x39 ? c - 0x30 : c - 0x61 + 10)
            if n < 16 { high = high << 4 | v } else { low = low << 4 | v }
            n += 1
        }
        self.high = high
        self.low = low
    }

    /// The key of a canonical UUID whose 128 bits a reader has already taken from its text.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public static func < (a: UUIDKey, b: UUIDKey) -> Bool { (a.high, a.low) < (b.high, b.low) }

    /// The canonical text.
    public var text: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for i in 0..<32 {
            if i == 8 || i == 12 || i == 16 || i == 20 { out.append(0x2D) }
            let word = i < 16 ? high : low
            out.append(digits[Int(word >> UInt64(60 - 4 * (i % 16)) & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
