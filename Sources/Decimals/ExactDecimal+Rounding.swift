extension ExactDecimal {
    /// The value rounded to `d` places after the point, half away from zero:
    /// 0.125 → 0.13, -0.125 → -0.13, 2.5 → 3 at 0 places.
    ///
    /// Why half away from zero: it is how a clerk rounds by hand and what the
    /// published reports show (91,09%), and it is symmetric in sign. Banker's
    /// rounding would make a report disagree with a hand check on every tie.
    ///
    /// The scale becomes `d` when `d < scale`; a value already within `d` places
    /// is returned as it is (formatting pads it). Never overflows.
    /// - Precondition: `0 ≤ d ≤ 18`.
    public func rounded(toDecimals d: Int) -> ExactDecimal {
        precondition((0...Self.maxScale).contains(d), "decimals must be in 0...\(Self.maxScale), not \(d)")
        guard d < scale else { return self }
        let unit = powerOfTen(scale - d)
        let m = significand.magnitude
        var q = m / unit
        if m % unit >= unit / 2 { q += 1 }   // unit / 2 is exactly 5 × 10^(k-1)
        let s = Int128(q)                    // ≤ Int128.max / 10 + 1
        return ExactDecimal(unchecked: isNegative ? -s : s, scale: d)
    }

    /// `n / d` (× 100 when `percent`) rounded half away from zero to `decimals`
    /// places, with exactly that scale: ratio(644, 707, decimals: 2, percent: true)
    /// is 91.09 ("khám phá 644/707 vụ, đạt 91,09%").
    ///
    /// Why not divide `Double`s: the rounding is decided on the exact quotient,
    /// computed by long division of the two significands, so a tie such as 1/8 at
    /// two places (0.125) rounds up every time, and the figure matches a hand check.
    ///
    /// Nil when `d` is zero, or when the rounded quotient does not fit in 38 digits
    /// (impossible for ratios of realistic sums).
    /// - Precondition: `0 ≤ decimals ≤ 18`.
    public static func ratio(_ n: ExactDecimal, _ d: ExactDecimal, decimals: Int, percent: Bool) -> ExactDecimal? {
        precondition((0...maxScale).contains(decimals), "decimals must be in 0...\(maxScale), not \(decimals)")
        guard !d.isZero else { return nil }
        let a = n.significand.magnitude, b = d.significand.magnitude
        // n / d = (a / b) × 10^(d.scale - n.scale); the result's significand is that × 10^(decimals [+ 2]).
        let shift = d.scale - n.scale + decimals + (percent ? 2 : 0)
        var q = a / b
        if shift >= 0 {
            var r = a % b
            for _ in 0..<shift {
                let (digit, rest) = nextQuotientDigit(r, b)
                r = rest
                let (times10, o1) = q.multipliedReportingOverflow(by: 10)
                let (next, o2) = times10.addingReportingOverflow(digit)
                if o1 || o2 { return nil }
                q = next
            }
            if r >= b - r { q += 1 }   // 2r ≥ b without forming 2r; q ≤ UInt128.max / 10 + 9 here
        } else {
            // Dropping -shift digits from the integer quotient: whether the dropped
            // part (with a % b / b < 1 behind it) is at least half is decided by the
            // dropped digits alone, since half of 10^k is a whole number.
            let k = -shift
            if k > 38 {
                q = 0   // q < 1.8 × 10^38 < half of 10^39
            } else {
                let unit = powerOfTen(k)
                let dropped = q % unit
                q /= unit
                if dropped >= unit / 2 { q += 1 }
            }
        }
        guard q <= UInt128(Int128.max) else { return nil }
        let s = Int128(q)
        return ExactDecimal(unchecked: n.isNegative != d.isNegative ? -s : s, scale: decimals)
    }
}

/// The next digit of the long division r / b and the new remainder:
/// (⌊10r / b⌋, 10r mod b), for r < b, without overflow even when 10r exceeds UInt128.
private func nextQuotientDigit(_ r: UInt128, _ b: UInt128) -> (UInt128, UInt128) {
    let (tenR, overflow) = r.multipliedReportingOverflow(by: 10)
    if !overflow { return (tenR / b, tenR % b) }
    // Add r ten times, taking b off whenever the running remainder reaches it:
    // both terms stay below b, so each partial sum is below 2b ≤ UInt128.max.
    var digit: UInt128 = 0, rest: UInt128 = 0
    for _ in 0..<10 {
        rest += r
        if rest >= b { rest -= b; digit += 1 }
    }
    return (digit, rest)
}
