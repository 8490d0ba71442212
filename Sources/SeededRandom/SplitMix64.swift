/// SplitMix64 (Steele, Lea and Flood, 2014): the one seeded generator of the
/// demo log, the benchmark's log and the randomized tests.
///
/// Why seeded and written out: the same seed must give the same log, on
/// every platform and Swift version (the bundled demo log is regenerated
/// and compared; a failing test seed must replay). The helpers below use
/// their own arithmetic rather than the standard library's `random(in:)`,
/// whose algorithm is not a documented promise.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// An independent stream for one concern (ids, units' weights, days …):
    /// changing how one part draws its numbers leaves the others' untouched.
    public init(seed: UInt64, stream: String) {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 // FNV-1a
        for b in stream.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        self.init(seed: seed ^ h)
        _ = next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `0 ..< n` (multiply-high; the bias is below 2^-40 for the sizes used here).
    public mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A whole number in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// A number in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A number in `range`.
    public mutating func double(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// One of `items`, uniformly.
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An index drawn in proportion to `weights`.
    public mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var x = unit() * total
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }

    /// One of `items`, drawn in proportion to its weight.
    public mutating func weighted<T>(_ items: [(T, Double)]) -> T {
        items[weightedIndex(items.map(\.1))].0
    }

    /// A version-4 UUID in canonical lowercase form: the two next draws,
    /// big-endian, with the version and variant bits set. Written into bytes
    /// at once (the benchmark makes a million of them).
    public mutating func uuid() -> String {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var a = next(), b = next()
        a = (a & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        b = (b & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        var out = [UInt8](repeating: 0x2D, count: 36)
        var i = 0
        for word in [a, b] {
            for k in 0..<16 {
                if i == 8 || i == 13 || i == 18 || i == 23 { i += 1 }
                out[i] = hex[Int((word >> UInt64(60 - 4 * k)) & 0xF)]
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
