/// An exact decimal number, `significand × 10^-scale`, for declared quantities.
///
/// Why not `Double`: provinces declare 1,4 kg of heroin and 33.500.000 đồng,
/// and a clerk checks a ten-year sum against the published one digit for digit.
/// Binary floating point cannot hold 1,4 or 0,1 at all, so sums of such values
/// drift and two orders of adding give two answers. Here every value is an
/// integer count of 10^-scale units, and adding is integer adding.
///
/// Why `Int128`: a record is at most 10^15 with at most 6 decimals, that is a
/// significand up to 10^21, which already overflows `Int64`. `Int128` holds
/// 1.7 × 10^38, so a million such records (10^27) add up with room to spare.
///
/// Why the written scale is kept: `1.400` and `1.4` are the same number
/// (equal, same hash), but a province that wrote three decimals wrote three
/// decimals, and sums keep the larger written scale, as Python's `decimal` does.
///
/// Invariants: `0 ≤ scale ≤ maxScale` and `significand != Int128.min`, so
/// negating never overflows. There is no negative zero: `-0` is `0`.
public struct ExactDecimal: Sendable {
    /// The value in units of 10^-scale: 1.40 is significand 140, scale 2.
    public let significand: Int128
    /// Digits written after the point (0…18), trailing zeros included: 1.400 has scale 3.
    public let scale: Int

    /// Most digits after the point. 18 is far beyond any declared indicator (0–6)
    /// and leaves 10^20 of integer room at the largest scale.
    public static let maxScale = 18
    /// Most digits a parsed number may have, from its first non-zero digit to its
    /// last written one: 38 digits always fit in `Int128`, 39 do not.
    public static let maxDigits = 38

    public static let zero = ExactDecimal(unchecked: 0, scale: 0)

    /// A value from its parts; nil when `scale` is outside 0…18 or `significand`
    /// is `Int128.min` (whose negation would not fit).
    public init?(significand: Int128, scale: Int) {
        guard (0...Self.maxScale).contains(scale), significand != .min else { return nil }
        self.init(unchecked: significand, scale: scale)
    }

    /// A whole number (scale 0).
    public init(_ integer: Int) {
        self.init(unchecked: Int128(integer), scale: 0)
    }

    /// For callers that already hold the invariants.
    init(unchecked significand: Int128, scale: Int) {
        self.significand = significand
        self.scale = scale
    }

    public var isZero: Bool { significand == 0 }
    public var isNegative: Bool { significand < 0 }

    /// The same value with trailing fractional zeros dropped: 1.400 → 1.4, 2.00 → 2.
    public var normalized: ExactDecimal {
        var s = significand, k = scale
        while k > 0, s % 10 == 0 { s /= 10; k -= 1 }
        return ExactDecimal(unchecked: s, scale: s == 0 ? 0 : k)
    }

    /// Meaningful digits after the point: 1.400 → 1, 2.00 → 0, 0.125 → 3.
    /// This, not `scale`, is what decides whether a value fits an indicator.
    public var digitsAfterPoint: Int { normalized.scale }

    /// True when no non-zero digit lies beyond `d` places after the point,
    /// so the value can be recorded for an indicator with `d` decimals
    /// (1.400 fits 1 decimal; 1.45 does not).
    public func fits(decimals d: Int) -> Bool { digitsAfterPoint <= max(d, 0) }

    /// The value with the opposite sign (never overflows: see the invariants).
    public func negated() -> ExactDecimal {
        ExactDecimal(unchecked: -significand, scale: scale)
    }

    /// The absolute value.
    public var magnitude: ExactDecimal { isNegative ? negated() : self }
}

extension ExactDecimal: Equatable, Hashable, Comparable {
    /// Equal by value: 1.40 == 1.4.
    public static func == (a: ExactDecimal, b: ExactDecimal) -> Bool { compare(a, b) == 0 }

    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool { compare(a, b) < 0 }

    /// Hashes the normalized form so that equal values hash alike.
    public func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.significand)
        hasher.combine(n.scale)
    }

    /// -1, 0 or 1. Never overflows: scaling a magnitude up is checked, and one that
    /// no longer fits in `UInt128` is larger than any other magnitude.
    static func compare(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
        let signA = a.significand.signum(), signB = b.significand.signum()
        if signA != signB { return signA < signB ? -1 : 1 }
        let m = compareMagnitudes(a.significand.magnitude, a.scale, b.significand.magnitude, b.scale)
        return signA < 0 ? -m : m
    }

    static func compareMagnitudes(_ a: UInt128, _ scaleA: Int, _ b: UInt128, _ scaleB: Int) -> Int {
        var x = a, y = b
        if scaleA < scaleB {
            let (p, o) = x.multipliedReportingOverflow(by: powerOfTen(scaleB - scaleA))
            if o { return 1 }
            x = p
        } else if scaleB < scaleA {
            let (p, o) = y.multipliedReportingOverflow(by: powerOfTen(scaleA - scaleB))
            if o { return -1 }
            y = p
        }
        return x < y ? -1 : (x == y ? 0 : 1)
    }
}

extension ExactDecimal: CustomStringConvertible {
    /// The number as written, with its scale and no grouping: "1.400", "-2", "0.05".
    public var description: String { plain(decimals: scale) }
}

extension ExactDecimal {
    /// The largest value a record of a declared quantity may hold: 10^15.
    public static let quantityLimit = ExactDecimal(1_000_000_000_000_000)

    /// Why a value cannot be recorded for an indicator, so a caller can word it.
    public enum QuantityProblem: Sendable, Hashable {
        /// Below zero: quantities are counted, not owed.
        case negative
        /// Above `quantityLimit`.
        case aboveLimit
        /// A non-zero digit beyond the indicator's `allowed` decimals.
        case tooManyDecimals(allowed: Int)
    }

    /// Nil when the value is a valid record for an indicator with `d` decimals:
    /// 0 ≤ value ≤ 10^15 with no non-zero digit beyond `d`.
    public func quantityProblem(decimals d: Int) -> QuantityProblem? {
        if isNegative { return .negative }
        if self > Self.quantityLimit { return .aboveLimit }
        if !fits(decimals: d) { return .tooManyDecimals(allowed: d) }
        return nil
    }
}

/// 10^k for 0 ≤ k ≤ 38 (10^38 is the largest power of ten in `UInt128`).
@inline(__always)
func powerOfTen(_ k: Int) -> UInt128 {
    precondition(k >= 0 && k < powersOfTen.count, "10^\(k) does not fit in UInt128")
    return powersOfTen[k]
}

private let powersOfTen: [UInt128] = {
    var table: [UInt128] = [1]
    for _ in 1...38 { table.append(table[table.count - 1] * 10) }
    return table
}()
