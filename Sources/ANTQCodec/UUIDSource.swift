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
        let hex: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 36) { out in
            hex.withUTF8Buffer { h in
                var o = 0
                for i in 0..<16 {
                    var b = r[i]
                    if i == 6 { b = (b & 0x0F) | 0x40 }
                    if i == 8 { b = (b & 0x3F) | 0x80 }
                    if i == 4 || i == 6 || i == 8 || i == 10 { out[o] = 0x2D; o += 1 }
                    out[o] = h[Int(b >> 4)]
                    out[o + 1] = h[Int(b & 0x0F)]
                    o += 2
                }
            }
            return 36
        }
    }
}
