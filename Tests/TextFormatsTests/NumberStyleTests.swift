import Foundation
import Testing
import TextFormats

struct NumberStyleTests {
    @Test func vietnameseNumbersUseDotGrouping() {
        let vi = NumberStyle.vietnamese
        #expect(vi.format(5000) == "5.000")
        #expect(vi.format(3630) == "3.630")
        #expect(vi.format(-1_234_567) == "-1.234.567")
        #expect(vi.format(0) == "0")
        #expect(vi.format(999) == "999")
        #expect(vi.format(100_000) == "100.000")
    }

    @Test func englishNumbersUseCommaGrouping() {
        #expect(NumberStyle.english.format(5000) == "5,000")
        #expect(NumberStyle.english.format(-1_234_567) == "-1,234,567")
    }

    @Test func extremeIntegersAreFormatted() {
        #expect(NumberStyle.english.format(Int.min) == "-9,223,372,036,854,775,808")
        #expect(NumberStyle.vietnamese.format(Int.max) == "9.223.372.036.854.775.807")
    }

    @Test func decimalsUseTheStyleSeparator() {
        #expect(NumberStyle.vietnamese.format(12.5, fractionDigits: 1) == "12,5")
        #expect(NumberStyle.english.format(12.5, fractionDigits: 1) == "12.5")
        #expect(NumberStyle.vietnamese.format(1234.5, fractionDigits: 2) == "1.234,50")
        #expect(NumberStyle.english.format(-1234567.891, fractionDigits: 2) == "-1,234,567.89")
        #expect(NumberStyle.english.format(3.0, fractionDigits: 0) == "3")
        #expect(NumberStyle.english.format(1e20, fractionDigits: 1) == "100,000,000,000,000,000,000.0")
        #expect(NumberStyle.english.format(1e-7, fractionDigits: 3) == "0.000")
    }

    @Test func decimalsRoundHalfAwayFromZero() {
        #expect(NumberStyle.english.format(1.005, fractionDigits: 2) == "1.01")
        #expect(NumberStyle.english.format(2.5, fractionDigits: 0) == "3")
        #expect(NumberStyle.english.format(-2.5, fractionDigits: 0) == "-3")
        #expect(NumberStyle.english.format(9.995, fractionDigits: 2) == "10.00")
        #expect(NumberStyle.english.format(0.005, fractionDigits: 2) == "0.01")
        #expect(NumberStyle.english.format(-0.004, fractionDigits: 2) == "0.00")
        #expect(NumberStyle.english.format(999.96, fractionDigits: 1) == "1,000.0")
    }

    @Test func percentUsesTheStyleDecimalSeparator() {
        #expect(NumberStyle.vietnamese.formatPercent(0.125) == "12,5%")
        #expect(NumberStyle.english.formatPercent(0.125) == "12.5%")
        #expect(NumberStyle.vietnamese.formatPercent(1, fractionDigits: 0) == "100%")
    }

    @Test func nonFiniteValuesAreNamed() {
        #expect(NumberStyle.english.format(.nan, fractionDigits: 1) == "NaN")
        #expect(NumberStyle.english.format(-.infinity, fractionDigits: 1) == "-∞")
    }
}
