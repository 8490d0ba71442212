extension ExactDecimal {
    /// Thrown when a result would not fit in `Int128` at its scale.
    ///
    /// Why thrown and not trapped or wrapped: a wrapped sum is a wrong figure that
    /// looks right, and a trap takes the whole command down with a message that
    /// names no record. With the record limits (≤ 10^15, ≤ 6 decimals) a sum of
    /// 10^17 records still fits, so in practice this means a corrupt input.
    public struct Overflow: Error, Sendable, Hashable, CustomStringConvertible {
        public init() {}
        public var description: String { "the result does not fit in 38 digits" }
    }

    /// `self + other`, exact. The result keeps the larger of the two written scales
    /// (1.40 + 2.5 = 3.90, as Python's `decimal` gives), unless that scale would
    /// overflow while the value itself fits: then trailing zeros are dropped first.
    public func adding(_ other: ExactDecimal) throws(Overflow) -> ExactDecimal {
        if let sum = Self.sum(self, other) { return sum }
        if let sum = Self.sum(normalized, other.normalized) { return sum }
        throw Overflow()
    }

    /// `self - other`, exact, with the scale rule of `adding(_:)`.
    public func subtracting(_ other: ExactDecimal) throws(Overflow) -> ExactDecimal {
        try adding(other.negated())
    }

    /// Adds `other` in place (for sums in a loop); `self` is unchanged when it throws.
    public mutating func add(_ other: ExactDecimal) throws(Overflow) {
        self = try adding(other)
    }

    /// `self × n`, exact, at the same scale (or at the normalized scale if only that fits).
    public func multiplied(by n: Int) throws(Overflow) -> ExactDecimal {
        if let product = Self.product(self, n) { return product }
        if let product = Self.product(normalized, n) { return product }
        throw Overflow()
    }

    /// The exact sum of `values`, zero for none. Scale as in `adding(_:)`.
    public static func sum(of values: some Sequence<ExactDecimal>) throws(Overflow) -> ExactDecimal {
        var total = ExactDecimal.zero
        for value in values { try total.add(value) }
        return total
    }

    /// |significand| at a larger scale, nil if even `UInt128` cannot hold it.
    func magnitude(atScale target: Int) -> UInt128? {
        let (scaled, overflow) = significand.magnitude.multipliedReportingOverflow(by: powerOfTen(target - scale))
        return overflow ? nil : scaled
    }

    /// Adds on magnitudes in `UInt128`, which hold twice `Int128.max`: one operand
    /// scaled up may pass `Int128.max` while the sum, with the other's opposite
    /// sign, still fits (1.757 × 10^38 - 6.5 × 10^36). Only the result is checked.
    private static func sum(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal? {
        let target = max(a.scale, b.scale)
        guard let x = a.magnitude(atScale: target), let y = b.magnitude(atScale: target) else { return nil }
        let m: UInt128, negative: Bool
        if a.isNegative == b.isNegative {
            let (s, overflow) = x.addingReportingOverflow(y)
            if overflow { return nil }
            (m, negative) = (s, a.isNegative)
        } else {
            (m, negative) = x >= y ? (x - y, a.isNegative) : (y - x, b.isNegative)
        }
        guard m <= UInt128(Int128.max) else { return nil }
        return ExactDecimal(unchecked: negative ? -Int128(m) : Int128(m), scale: target)
    }

    private static func product(_ a: ExactDecimal, _ n: Int) -> ExactDecimal? {
        let (p, overflow) = a.significand.multipliedReportingOverflow(by: Int128(n))
        guard !overflow, p != .min else { return nil }
        return ExactDecimal(unchecked: p, scale: a.scale)
    }
}
