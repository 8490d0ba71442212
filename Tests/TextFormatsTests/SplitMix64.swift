import Foundation
/// Seeded generator so random tests are reproducible (same seed, same tables).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Exact comparison: Swift's `==` on String ignores normalisation, tests must not.
func exact(_ rows: [[String]]) -> [[[UInt8]]] {
    rows.map { $0.map { Array($0.utf8) } }
}
