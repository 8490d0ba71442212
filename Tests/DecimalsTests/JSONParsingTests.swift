import Decimals
import SeededRandom
import Testing

/// Reading the plain decimal form of JSON numbers, as stored log lines and batches carry them.
struct JSONParsingTests {
    /// Text, then the significand and scale it must give.
    static let accepted: [(String, Int128, Int)] = [
        ("0", 0, 0), ("0.0", 0, 1), ("-0", 0, 0), ("-0.0", 0, 1), ("0.000", 0, 3),
        ("1.4", 14, 1), ("1.400", 1400, 3), ("33500000", 33_500_000, 0), ("0.125", 125, 3),
        ("-2.5", -25, 1), ("0.05", 5, 2), ("10.50", 1050, 2),
        ("1000000000000000", 1_000_000_000_000_000, 0),
        ("1000000000000000.000001", 1_000_000_000_000_000_000_001, 6),
        ("1234567890123456789", 1_234_567_890_123_456_789, 0),                      // 19 digits: beyond Int64's comfort, fine here
        ("12345678901234567890123456789012345678", 12_345_678_901_234_567_890_123_456_789_012_345_678, 0), // 38 digits
        ("0.000000000000000001", 1, 18),                                             // the largest scale
        ("1.000000000000000000000", 1_000_000_000_000_000_000, 18),                  // zeros past the 18th place dropped
    ]

    @Test(arguments: accepted)
    func acceptedNumbersKeepTheirDigitsAndWrittenScale(_ text: String, _ significand: Int128, _ scale: Int) throws {
        let value = try ExactDecimal(parsingJSON: text)
        #expect(value.significand == significand && value.scale == scale, "\(text) → \(value.significand) scale \(value.scale)")
        #expect(ExactDecimal(jsonUTF8: Array(text.utf8)) == value)
    }

    /// Text, then why it is refused.
    static let refused: [(String, ExactDecimal.ParseError)] = [
        ("", .empty), ("1e3", .exponent), ("1.5e3", .exponent), ("1E-2", .exponent), ("0e0", .exponent),
        ("1e400", .exponent), ("-1.5E+3", .exponent), ("e3", .notANumber), ("1e", .notANumber), ("1e+", .notANumber), ("1e5.0", .notANumber), ("1.e5", .missingDigits),
        ("01", .leadingZero), ("00", .leadingZero), ("-01.5", .leadingZero), ("007", .leadingZero),
        ("-", .missingDigits), ("1.", .missingDigits), (".5", .missingDigits), ("-.5", .missingDigits),
        ("+1", .notANumber), (" 1", .notANumber), ("1 ", .notANumber), ("1,4", .notANumber), ("1.2.3", .notANumber),
        ("--1", .notANumber), ("NaN", .notANumber), ("Infinity", .notANumber), ("0x10", .notANumber), ("١", .notANumber),
        ("123456789012345678901234567890123456789", .tooManyDigits),               // 39 digits
        ("1234567890123456789012345678901234567.89", .tooManyDigits),
        ("0.0000000000000000001", .tooManyDecimals),                               // a 1 in the 19th place
        ("1.0000000000000000005", .tooManyDecimals),
    ]

    @Test(arguments: refused)
    func refusedNumbersSayWhy(_ text: String, _ reason: ExactDecimal.ParseError) {
        #expect(throws: reason) { try ExactDecimal(parsingJSON: text) }
        #expect(ExactDecimal(json: text) == nil)
    }

    @Test func longFractionsOfZerosAfterTheEighteenthPlaceAreDroppedNotRefused() throws {
        let text = "2.5" + String(repeating: "0", count: 1000)
        let value = try ExactDecimal(parsingJSON: text)
        #expect(value == ExactDecimal(json: "2.5") && value.scale == 18)
        // Leading fractional zeros do not count as digits: 38 significant digits after 18 places is too many decimals, not digits.
        #expect(throws: ExactDecimal.ParseError.tooManyDecimals) {
            try ExactDecimal(parsingJSON: "0." + String(repeating: "0", count: 17) + String(repeating: "7", count: 38))
        }
    }

    @Test func aMegabyteOfDigitsIsRefusedWithoutTrapping() {
        #expect(throws: ExactDecimal.ParseError.tooManyDigits) {
            try ExactDecimal(parsingJSON: String(repeating: "9", count: 1 << 20))
        }
    }

    @Test func negativeZeroIsZeroWithoutSign() throws {
        let z = try ExactDecimal(parsingJSON: "-0.00")
        #expect(z.isZero && !z.isNegative && z == .zero)
        #expect(z.description == "0.00")
    }

    /// The grammar checked against Python's `json` module on short random strings over
    /// the characters that matter: we accept exactly the numbers JSON accepts that
    /// have no exponent, and say "exponent" for exactly those that have one.
    @Test(.enabled(if: Python.available, "python3 is not on PATH: the JSON grammar oracle is skipped"))
    func grammarAgreesWithPythonsJSONReaderOnRandomStrings() throws {
        var rng = SplitMix64(seed: 0xDEC1, stream: "json-grammar")
        let alphabet = Array("0123456789-.eE+ ")
        var texts = Set<String>()
        while texts.count < 20_000 {
            texts.insert(String((0..<rng.int(1...7)).map { _ in alphabet[rng.weightedIndex([3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 1, 1, 1, 0.3])] }))
        }
        let list = texts.sorted()
        let script = Python.prelude + #"""
def kind(text):
    def refuse(name): raise ValueError(name)
    try:
        value = json.loads(text, parse_float=Decimal, parse_int=Decimal, parse_constant=refuse)
    except ValueError:
        return "invalid"
    if not isinstance(value, Decimal) or text != text.strip():
        return "invalid"
    return "exponent" if ('e' in text or 'E' in text) else "number:" + plain(value)
done([kind(t) for t in args])
"""#
        let expected = try Python.run(script, input: list, as: [String].self)
        var accepted = 0
        for (text, want) in zip(list, expected) {
            let ours: String
            do {
                ours = "number:" + (try ExactDecimal(parsingJSON: text)).description
                accepted += 1
            } catch .exponent {
                ours = "exponent"
            } catch {
                ours = "invalid"
            }
            #expect(ours == want, "\(text.debugDescription)")
        }
        #expect(accepted > 500)   // the sample holds enough valid numbers to mean something
    }
}
