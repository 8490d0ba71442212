/// SplitMix64: a tiny, fast generator with a fixed seed, so two runs of the
/// benchmark generate byte-identical logs (and so comparable numbers).
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<n` (n > 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A version-4 UUID in the log's lowercase form, without the string
    /// juggling of `UUIDText.random` (a million of them are made per run).
    mutating func uuid() -> String {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var a = next(), b = next()
        a = (a & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        b = (b & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        var out = [UInt8](repeating: 0x2D, count: 36)
        var i = 0
        for (n, word) in [(0, a), (1, b)] {
            for k in 0..<16 {
                if i == 8 || i == 13 || i == 18 || i == 23 { i += 1 }
                let nibble = Int((word >> UInt64(60 - 4 * k)) & 0xF)
                out[i] = hex[nibble]
                i += 1
            }
            _ = n
        }
        return String(decoding: out, as: UTF8.self)
    }
}
