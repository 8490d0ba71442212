import Decimals
import SeededRandom
import Testing

/// Reading numbers as clerks type them in spreadsheets and command-line flags.
struct TypedParsingTests {
    /// Vietnamese style: text, then the plain value it must give.
    static let vietnamese: [(String, String)] = [
        ("1,4", "1.4"), ("33.500.000", "33500000"), ("1.234,5", "1234.5"), ("33 500 000", "33500000"),
        ("1.234", "1234"),               // a single '.' followed by exactly three digits is grouping
        ("1,234", "1.234"),              // ',' is always the decimal separator
        ("1,5", "1.5"), ("1.234.567,25", "1234567.25"), ("0,125", "0.125"), ("1,400", "1.400"),
        ("1234", "1234"), ("1234,5", "1234.5"), ("007", "7"), (",5", "0.5"), ("-1,5", "-1.5"),
        ("\u{2212}2", "-2"), ("  12  ", "12"), ("\t33.500\n", "33500"), ("0", "0"), ("0,0", "0.0"),
        ("33\u{A0}500\u{A0}000", "33500000"), ("1\u{202F}234,5", "1234.5"), ("1 234,5", "1234.5"),
        ("1.000.000.000.000.000", "1000000000000000"), ("999", "999"),
    ]

    /// English style: text, then the plain value it must give.
    static let english: [(String, String)] = [
        ("1.4", "1.4"), ("33,500,000", "33500000"), ("1,234.5", "1234.5"), ("33 500 000", "33500000"),
        ("1,234", "1234"), ("1.234", "1.234"), (".5", "0.5"), ("1,234,567.25", "1234567.25"), ("-0.5", "-0.5"),
    ]

    @Test(arguments: vietnamese)
    func vietnameseTextReadsAsAClerkMeansIt(_ text: String, _ plain: String) throws {
        let value = try ExactDecimal(typed: text, style: .vietnamese)
        #expect(value.description == plain, "\(text.debugDescription) → \(value)")
    }

    @Test(arguments: english)
    func englishTextReadsAsAClerkMeansIt(_ text: String, _ plain: String) throws {
        let value = try ExactDecimal(typed: text, style: .english)
        #expect(value.description == plain, "\(text.debugDescription) → \(value)")
    }

    /// Vietnamese style: text, then why it is refused.
    static let vietnameseRefused: [(String, ExactDecimal.ParseError)] = [
        ("1.23.4", .malformedGrouping), ("12.34", .malformedGrouping), ("1234.567", .malformedGrouping),
        ("1.4", .malformedGrouping),        // English decimal point: refused, neither 14 nor 1,4
        ("1,234,567", .malformedGrouping),  // English grouping: two decimal separators
        ("1.", .malformedGrouping), (".234", .malformedGrouping), ("1..234", .malformedGrouping),
        ("33 500.000", .malformedGrouping), ("1,234 5", .malformedGrouping), ("1,2.345", .malformedGrouping),
        ("1  234", .malformedGrouping), ("- 5", .malformedGrouping),
        ("0.500", .leadingZero), ("012.345", .leadingZero),
        ("5,", .missingDigits), ("-", .missingDigits),
        ("", .empty), ("   ", .empty),
        ("1,5e3", .exponent), ("1E5", .exponent),
        ("+5", .notANumber), ("12 kg", .notANumber), ("91,09%", .notANumber), ("--5", .notANumber), ("e5", .notANumber),
        ("1,0000000000000000001", .tooManyDecimals), (String(repeating: "9", count: 39), .tooManyDigits),
    ]

    @Test(arguments: vietnameseRefused)
    func vietnameseTextThatCouldBeMisreadIsRefusedWithItsReason(_ text: String, _ reason: ExactDecimal.ParseError) {
        #expect(throws: reason, "\(text.debugDescription)") { try ExactDecimal(typed: text, style: .vietnamese) }
    }

    static let englishRefused: [(String, ExactDecimal.ParseError)] = [
        ("1,5", .malformedGrouping), ("1,23,4", .malformedGrouping), ("1.234.567", .malformedGrouping),
        ("33 500,000", .malformedGrouping), ("0,500", .leadingZero), ("5.", .missingDigits), ("1.5e3", .exponent),
    ]

    @Test(arguments: englishRefused)
    func englishTextThatCouldBeMisreadIsRefusedWithItsReason(_ text: String, _ reason: ExactDecimal.ParseError) {
        #expect(throws: reason, "\(text.debugDescription)") { try ExactDecimal(typed: text, style: .english) }
    }

    /// The same characters read in the two styles give the two readings the rules promise.
    @Test func theAmbiguousShapesHaveOneReadingPerStyle() throws {
        let cases: [(String, vietnamese: String?, english: String?)] = [
            ("1.234", "1234", "1.234"), ("1,234", "1.234", "1234"),
            ("1.5", nil, "1.5"), ("1,5", "1.5", nil), ("1.234,5", "1234.5", nil), ("1,234.5", nil, "1234.5"),
        ]
        for (text, vi, en) in cases {
            #expect((try? ExactDecimal(typed: text, style: .vietnamese))?.description == vi, "\(text) vi")
            #expect((try? ExactDecimal(typed: text, style: .english))?.description == en, "\(text) en")
        }
    }

    /// What antq shows, a clerk can type back: formatting then reading gives the same
    /// value in both styles, for quantities and for wide values with up to 18 decimals.
    @Test func formattedNumbersReadBackToTheSameValueInBothStyles() throws {
        var rng = SplitMix64(seed: 0xDEC1, stream: "typed-round-trip")
        for _ in 0..<5000 {
            let value = decimal(rng.chance(0.5) ? rng.quantityText() : rng.wideText(negative: rng.chance(0.3)))
            for style in [ExactDecimal.Style.vietnamese, .english] {
                let shown = value.formatted(decimals: nil, style: style)
                #expect(try ExactDecimal(typed: shown, style: style) == value, "\(shown)")
                let spaced = shown.replacingGrouping(style.groupingSeparator, with: " ")
                #expect(try ExactDecimal(typed: spaced, style: style) == value, "\(spaced)")
            }
        }
    }
}

private extension String {
    func replacingGrouping(_ separator: Character, with replacement: Character) -> String {
        String(map { $0 == separator ? replacement : $0 })
    }
}
