import Decimals
import Testing

/// Equality, order, meaningful decimals and the checked arithmetic's limits.
struct ValueTests {
    func d(_ text: String) -> ExactDecimal { decimal(text) }

    @Test func equalValuesWrittenWithDifferentScalesAreEqualAndHashAlike() {
        #expect(d("1.40") == d("1.4"))
        #expect(d("2") == d("2.000"))
        #expect(d("0") == d("0.00") && d("-0") == d("0.0"))
        #expect(Set([d("1.4"), d("1.40"), d("1.400"), d("2"), d("2.0")]).count == 2)
        #expect(d("1.40").hashValue == d("1.4").hashValue)
        #expect(d("1.41") != d("1.4"))
    }

    @Test func orderIsNumericAcrossScalesAndSigns() {
        let sorted = ["-10", "-1.5", "-1.25", "0", "0.001", "0.01", "0.1", "1", "1.0000001", "12", "100"].map(d)
        #expect(sorted.shuffled().sorted() == sorted)
        for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(a < b && !(b < a)) }
        // A magnitude that no longer fits when scaled up is the larger one, not a wrapped one.
        let huge = d("99999999999999999999999999999999999999")   // 38 digits, scale 0
        let tiny = d("0.000000000000000001")                      // scale 18: aligning huge would overflow
        #expect(tiny < huge && huge.negated() < tiny.negated() && huge != tiny)
    }

    @Test func meaningfulDecimalsIgnoreTrailingZerosButTheWrittenScaleIsKept() {
        #expect(d("1.400").scale == 3 && d("1.400").digitsAfterPoint == 1)
        #expect(d("2.00").digitsAfterPoint == 0 && d("0.125").digitsAfterPoint == 3 && d("0").digitsAfterPoint == 0)
        #expect(d("1.400").fits(decimals: 1) && !d("1.45").fits(decimals: 1) && d("33500000").fits(decimals: 0))
        #expect(d("1.000001").fits(decimals: 6) && !d("1.0000001").fits(decimals: 6))
        #expect(d("1.400").normalized.description == "1.4" && d("1.400").description == "1.400")
    }

    @Test func recordsAreCheckedAgainstTheQuantityRules() {
        #expect(d("1000000000000000").quantityProblem(decimals: 0) == nil)
        #expect(d("1000000000000000.0").quantityProblem(decimals: 0) == nil)
        #expect(d("1000000000000000.000001").quantityProblem(decimals: 6) == .aboveLimit)
        #expect(d("-0.5").quantityProblem(decimals: 1) == .negative)
        #expect(d("1.25").quantityProblem(decimals: 1) == .tooManyDecimals(allowed: 1))
        #expect(d("-0").quantityProblem(decimals: 0) == nil)
    }

    @Test func partsAreCheckedWhenBuildingFromThem() {
        #expect(ExactDecimal(significand: 14, scale: 1) == d("1.4"))
        #expect(ExactDecimal(significand: 1, scale: 19) == nil)
        #expect(ExactDecimal(significand: 1, scale: -1) == nil)
        #expect(ExactDecimal(significand: .min, scale: 0) == nil)
        #expect(ExactDecimal(-7) == d("-7"))
    }

    @Test func sumsKeepTheLargerWrittenScale() throws {
        #expect(try d("1.40").adding(d("2.5")).description == "3.90")
        #expect(try d("1.4").subtracting(d("1.4")).description == "0.0")
        #expect(try d("0.1").adding(d("0.2")) == d("0.3"))   // the sum binary floating point gets wrong
        #expect(try d("1.25").multiplied(by: -4).description == "-5.00")
        #expect(d("-1.5").negated() == d("1.5") && d("0").negated().description == "0")
        #expect(try ExactDecimal.sum(of: [] as [ExactDecimal]) == .zero)
    }

    /// The largest realistic sum: a million records, each at the 10^15 limit with six decimals.
    @Test func aMillionRecordsAtTheLimitWithSixDecimalsSumWithoutOverflow() throws {
        let top = d("999999999999999.999999")
        var total = ExactDecimal.zero
        for _ in 0..<1_000_000 { try total.add(top) }
        #expect(total == (try top.multiplied(by: 1_000_000)))
        #expect(total.description == "999999999999999999999.000000")
        // And still room for a hundred thousand times more (10^17 records fit).
        #expect(throws: Never.self) { try top.multiplied(by: 100_000_000_000_000_000) }
    }

    @Test func overflowIsThrownNeverWrappedOrTrapped() throws {
        let max = ExactDecimal(significand: .max, scale: 0)!
        #expect(throws: ExactDecimal.Overflow()) { try max.adding(ExactDecimal(1)) }
        #expect(throws: ExactDecimal.Overflow()) { try max.negated().subtracting(ExactDecimal(1)) }  // would be Int128.min
        #expect(throws: ExactDecimal.Overflow()) { try max.adding(max) }                              // would wrap to -2
        let nines = d("99999999999999999999999999999999999999")                                        // 38 digits, same scale
        #expect(throws: ExactDecimal.Overflow()) { try nines.adding(nines) }
        #expect(throws: ExactDecimal.Overflow()) { try nines.negated().subtracting(nines) }
        // Scaled up, 3.3 × 10^37 is 3.3 × 10^38: below 2^128, but 1.5 × 10^37 more passes it.
        let scaledNearTop = d("33000000000000000000000000000000000000"), tenthsBehind = d("1500000000000000000000000000000000000.1")
        #expect(throws: ExactDecimal.Overflow()) { try scaledNearTop.adding(tenthsBehind) }
        #expect(throws: ExactDecimal.Overflow()) { try tenthsBehind.negated().subtracting(scaledNearTop) }
        #expect(throws: ExactDecimal.Overflow()) { try max.multiplied(by: 2) }
        #expect(throws: ExactDecimal.Overflow()) { try max.negated().multiplied(by: -1).multiplied(by: -2) }
        // Aligning scales would overflow, but the value fits: trailing zeros are dropped instead.
        let big = d("10000000000000000000000000000000000000")   // 10^37
        #expect(try big.adding(d("1.500000000000000000")).description == "10000000000000000000000000000000000001.5")
        #expect(throws: ExactDecimal.Overflow()) { try big.adding(d("1.500000000000000001")) }
        // A failed add leaves the running total as it was.
        var total = max
        #expect(throws: ExactDecimal.Overflow()) { try total.add(ExactDecimal(1)) }
        #expect(total == max)
    }
}
