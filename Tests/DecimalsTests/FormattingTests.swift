import Decimals
import Testing

/// The forms reports and exports show, on the figures of the brief.
struct FormattingTests {
    func d(_ text: String) -> ExactDecimal { decimal(text) }

    @Test func plainFormHasExactlyTheAskedDecimalsAndNoGrouping() {
        #expect(d("1.4").plain(decimals: 3) == "1.400")
        #expect(d("33500000").plain(decimals: 0) == "33500000")
        #expect(d("91.0891").plain(decimals: 2) == "91.09")
        #expect(d("0.125").plain(decimals: 2) == "0.13" && d("-0.125").plain(decimals: 2) == "-0.13")
        #expect(d("-0.001").plain(decimals: 2) == "0.00")       // no negative zero
        #expect(d("0.05").plain(decimals: 0) == "0" && d("0.5").plain(decimals: 0) == "1" && d("9.995").plain(decimals: 2) == "10.00")
        #expect(d("1.400").plain() == "1.4" && d("2.000").plain() == "2" && d("0.000").plain() == "0")
        #expect(d("0.000000000000000001").plain() == "0.000000000000000001")
    }

    @Test func groupedFormsFollowTheStyle() {
        #expect(d("1.4").formatted(decimals: nil, style: .vietnamese) == "1,4")
        #expect(d("33500000").formatted(decimals: nil, style: .vietnamese) == "33.500.000")
        #expect(d("1234567.25").formatted(decimals: 2, style: .vietnamese) == "1.234.567,25")
        #expect(d("1.4").formatted(decimals: nil, style: .english) == "1.4")
        #expect(d("33500000").formatted(decimals: nil, style: .english) == "33,500,000")
        #expect(d("-1234.5").formatted(decimals: 3, style: .english) == "-1,234.500")
        #expect(d("999").formatted(style: .vietnamese) == "999" && d("1000").formatted(style: .vietnamese) == "1.000")
        #expect(d("0.1234567").formatted(decimals: nil, style: .vietnamese) == "0,1234567")   // fractions are not grouped
    }

    @Test func theClearanceRateOfTheBriefIs91Point09Percent() {
        let rate = ExactDecimal.ratio(ExactDecimal(644), ExactDecimal(707), decimals: 2, percent: true)
        #expect(rate?.formatted(decimals: 2, style: .vietnamese) == "91,09")
        #expect(rate?.plain(decimals: 2) == "91.09")
        #expect(ExactDecimal.ratio(ExactDecimal(1), .zero, decimals: 2, percent: true) == nil)
        #expect(ExactDecimal.ratio(.zero, d("0.000"), decimals: 2, percent: false) == nil)
        #expect(ExactDecimal.ratio(ExactDecimal(1), ExactDecimal(8), decimals: 2, percent: false)?.description == "0.13")
        #expect(ExactDecimal.ratio(ExactDecimal(-1), ExactDecimal(8), decimals: 2, percent: false)?.description == "-0.13")
        #expect(ExactDecimal.ratio(ExactDecimal(0), ExactDecimal(-8), decimals: 1, percent: true)?.description == "0.0")
    }

    @Test func descriptionIsTheNumberAsWritten() {
        #expect(d("1.400").description == "1.400" && d("-0.05").description == "-0.05" && "\(d("7"))" == "7")
    }
}
