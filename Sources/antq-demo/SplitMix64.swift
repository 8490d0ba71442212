/// The generator's only source of randomness: SplitMix64 (Steele, Lea and
/// Flood, 2014). Seeded, so the same seed always gives the same log, on every
/// platform and Swift version: the helpers below use their own arithmetic
/// rather than the standard library's `random(in:)`, whose algorithm is not
/// a documented promise.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// An independent stream for one concern (ids, units' weights, days …):
    /// changing how one part draws its numbers leaves the others' untouched.
    init(seed: UInt64, stream: String) {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 // FNV-1a
        for b in stream.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        self.init(seed: seed ^ h)
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `0 ..< n` (multiply-high; the bias is below 2^-40 for the sizes used here).
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// A number in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A number in `range`.
    mutating func double(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// One of `items`, uniformly.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An index drawn in proportion to `weights`.
    mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var x = unit() * total
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }

    /// One of `items`, drawn in proportion to its weight.
    mutating func weighted<T>(_ items: [(T, Double)]) -> T {
        items[weightedIndex(items.map(\.1))].0
    }

    /// A version-4 UUID in canonical lowercase form.
    mutating func uuid() -> String {
        var bytes: [UInt8] = []
        for _ in 0..<2 {
            let v = next()
            for s in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(s))) }
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let digits = Array("0123456789abcdef")
        var out = ""
        for (i, b) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append("-") }
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return out
    }
}
