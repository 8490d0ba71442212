import Hashing
import SystemCalls

/// Random (version 4) UUIDs for new events, drawn from the system's secure
/// generator 4 KiB at a time: one `getentropy` call per 16 ids instead of
/// two `getrandom` calls per id, and formatted straight into ASCII: a big
/// batch makes an id per event.
public struct UUIDSource {
    private var pool: [UInt8] = []
    private var used = 0
    private static let poolSize = 4096

    public init() {}

    /// A new random version 4 UUID, canonical lowercase text.
    public mutating func next() -> String {
        if used + 16 > pool.count { refill() }
        let start = used
        used += 16
        return pool.withUnsafeBufferPointer { p in
            UUIDSource.format(UnsafeBufferPointer(rebasing: p[start..<(start + 16)]))
        }
    }

    private mutating func refill() {
        if pool.count != UUIDSource.poolSize { pool = [UInt8](repeating: 0, count: UUIDSource.poolSize) }
        var filled = pool.withUnsafeMutableBytes { SecureRandom.fill($0) }
        if filled < pool.count {
            // No getrandom: the standard library's generator is just as secure.
            var g = SystemRandomNumberGenerator()
            while filled < pool.count {
                var v = g.next()
                for _ in 0..<8 where filled < pool.count {
                    pool[filled] = UInt8(truncatingIfNeeded: v)
                    v >>= 8
                    filled += 1
                }
            }
        }
        used = 0
    }

    /// Canonical lowercase 8-4-4-4-12 text of 16 random bytes, with the
    /// version (4) and variant (10xx) bits set as `UUIDText.random()` does.
    static func format(_ r: UnsafeBufferPointer<UInt8>) -> String {
        @inline(__always) func word(_ k: Int) -> UInt32 {
            UInt32(r[k]) << 24 | UInt32(r[k + 1]) << 16 | UInt32(r[k + 2]) << 8 | UInt32(r[k + 3])
        }
        // The version nibble (byte 6) and the variant bits (byte 8) set.
        let a = HexDigits.word(word(0)), b = HexDigits.word(word(4) & 0xFFFF_0FFF | 0x4000)
        let c = HexDigits.word(word(8) & 0x3FFF_FFFF | 0x8000_0000), d = HexDigits.word(word(12))
        var digits = (a, b, c, d)
        return String(unsafeUninitializedCapacity: 36) { out in
            Swift.withUnsafeBytes(of: &digits) { w in
                // xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx: the 32 digits in memory order, groups of 8, 4, 4, 4, 12.
                let o = UnsafeMutableRawBufferPointer(out)
                func group(_ from: Int, _ count: Int, at to: Int) {
                    UnsafeMutableRawBufferPointer(rebasing: o[to..<(to + count)]).copyMemory(from: UnsafeRawBufferPointer(rebasing: w[from..<(from + count)]))
                    if to + count < 36 { o[to + count] = 0x2D }
                }
                group(0, 8, at: 0)
                group(8, 4, at: 9)
                group(12, 4, at: 14)
                group(16, 4, at: 19)
                group(20, 12, at: 24)
            }
            return 36
        }
    }
}
