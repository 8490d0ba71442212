import Decimals
import SeededRandom
import Testing

/// Sums, differences, products, quotients, rounding and formatting checked against
/// Python's `decimal` module (400 digits of precision: exact for everything here).
@Suite(.enabled(if: Python.available, "python3 is not on PATH: the tests against Python's decimal module are skipped"))
struct PythonOracleTests {
    /// Thousands of quantities per province-decade, mixed scales, summed in order; every
    /// 50th running total and the final one must equal Python's digit for digit,
    /// written scale included (Python keeps the larger exponent, as we do).
    @Test func sumsOfRandomQuantitiesEqualPythonsDecimal() throws {
        var rng = SplitMix64(seed: 0xDEC1, stream: "sums")
        let batches: [[String]] = (0..<6).map { batch in
            (0..<rng.int(2000...4000)).map { _ in
                batch < 4 ? rng.quantityText() : rng.decimalText(integerDigits: rng.int(0...15), scale: rng.int(0...18))
            }
        }
        let script = Python.prelude + #"""
out = []
for values in args:
    total, marks = Decimal(0), []
    for i, v in enumerate(values):
        total += Decimal(v)
        if i % 50 == 49 or i == len(values) - 1:
            marks.append(plain(total))
    out.append(marks)
done(out)
"""#
        let expected = try Python.run(script, input: batches, as: [[String]].self)
        for (values, want) in zip(batches, expected) {
            var total = ExactDecimal.zero
            var marks: [String] = []
            for (i, value) in values.enumerated() {
                try total.add(decimal(value))
                if i % 50 == 49 || i == values.count - 1 { marks.append(total.description) }
            }
            #expect(marks == want)
            #expect(try ExactDecimal.sum(of: values.map(decimal)).description == want.last)
        }
    }

    /// One random pair per case over the whole accepted range (up to 38 digits, scale
    /// up to 18, both signs): a + b, a - b and a × n equal Python's, and where the
    /// result cannot be held (Python's coefficient above Int128.max even with trailing
    /// zeros dropped) we throw `Overflow` instead of returning anything.
    @Test func sumsDifferencesAndProductsOfWideValuesEqualPythonsOrOverflowWherePythonsDoNotFit() throws {
        struct Case: Codable { var a: String; var b: String; var n: Int }
        struct Result: Codable, Equatable { var sum: String?; var difference: String?; var product: String? }
        var rng = SplitMix64(seed: 0xDEC1, stream: "pairs")
        let cases = (0..<6000).map { _ in
            var a = rng.wideText(negative: rng.chance(0.5)), b = rng.wideText(negative: rng.chance(0.5))
            switch rng.below(10) {
            case 0: // a value and itself or its negation: large sums at the same scale
                b = rng.chance(0.5) ? a : decimal(a).negated().description
            case 1: // two full 38-digit values one place apart: the scaled one lands near 2^128
                let scale = rng.int(0...17), negative = rng.chance(0.5)
                (a, b) = (rng.fullText(scale: scale, negative: negative), rng.fullText(scale: scale + 1, negative: negative))
                if rng.chance(0.5) { swap(&a, &b) }
            default:
                break
            }
            return Case(a: a, b: b, n: rng.pick([0, 1, -1, 2, 10, -7, 1_000_000, Int.max, Int.min, rng.int(-1_000_000_000...1_000_000_000)]))
        }
        let script = Python.prelude + #"""
def checked(op, a, b):
    r = op(a, b)
    if fits(r): return plain(r)
    r = op(stripped(a), stripped(b) if isinstance(b, Decimal) else b)
    return plain(r) if fits(r) else None
out = []
for c in args:
    a, b, n = Decimal(c["a"]), Decimal(c["b"]), c["n"]
    out.append({"sum": checked(lambda x, y: x + y, a, b), "difference": checked(lambda x, y: x - y, a, b),
                "product": checked(lambda x, y: x * y, a, n)})
done(out)
"""#
        let expected = try Python.run(script, input: cases, as: [Result].self)
        var overflows = 0
        for (c, want) in zip(cases, expected) {
            let a = decimal(c.a), b = decimal(c.b)
            let got = Result(sum: try? a.adding(b).description, difference: try? a.subtracting(b).description,
                             product: try? a.multiplied(by: c.n).description)
            #expect(got == want, "\(c.a) \(c.b) \(c.n)")
            overflows += [got.sum, got.difference, got.product].filter { $0 == nil }.count
        }
        #expect(overflows > 100)   // the overflow side was exercised too
    }

    /// Ratios of sums as reports show them, against Python's quotient rounded with
    /// ROUND_HALF_UP on the absolute value (= half away from zero): clearance rates,
    /// exact ties (divisors made of 2s and 5s), both signs, divisors of 38 digits.
    @Test func ratiosRoundedHalfAwayFromZeroEqualPythonsDecimal() throws {
        struct Case: Codable { var n: String; var d: String; var decimals: Int; var percent: Bool }
        var rng = SplitMix64(seed: 0xDEC1, stream: "ratios")
        var cases = [Case(n: "644", d: "707", decimals: 2, percent: true)]
        for _ in 0..<8000 {
            let n: String, d: String
            switch rng.below(4) {
            case 0: // counts: cleared cases of a total
                let total = rng.int(1...5000)
                (n, d) = (String(rng.int(0...total)), String(total))
            case 1: // ties: a divisor of 2s and 5s gives terminating quotients ending in 5
                (n, d) = (String(rng.int(0...999)), rng.pick(["8", "16", "40", "80", "0.8", "0.016", "200", "2.5", "0.5", "32"]))
            case 2: // quantities with their decimals
                (n, d) = (rng.quantityText(), rng.quantityText())
            default: // anything accepted, both signs
                (n, d) = (rng.wideText(negative: rng.chance(0.5)), rng.wideText(negative: rng.chance(0.5)))
            }
            cases.append(Case(n: n, d: d, decimals: rng.int(0...6), percent: rng.chance(0.5)))
        }
        let script = Python.prelude + #"""
out = []
for c in args:
    n, d = Decimal(c["n"]), Decimal(c["d"])
    if d == 0:
        out.append(None); continue
    r = half_away(n * (100 if c["percent"] else 1) / d, c["decimals"])
    out.append(plain(r) if fits(r) else None)
done(out)
"""#
        let expected = try Python.run(script, input: cases, as: [String?].self)
        #expect(expected.first == "91.09")
        var ties = 0
        for (c, want) in zip(cases, expected) {
            let got = ExactDecimal.ratio(decimal(c.n), decimal(c.d), decimals: c.decimals, percent: c.percent)
            #expect(got?.description == want, "\(c.n) / \(c.d) at \(c.decimals)\(c.percent ? " %" : "")")
            if got?.scale != nil, want != nil { #expect(got!.scale == c.decimals) }
            if ["8", "16", "40", "80", "0.8", "0.016", "200", "2.5", "0.5", "32"].contains(c.d) { ties += 1 }
        }
        #expect(ties > 1000)
    }

    /// `rounded(toDecimals:)` against Python's ROUND_HALF_UP on the absolute value, on
    /// values built to end in 5 one place past the cut half of the time.
    @Test func roundingHalfAwayFromZeroEqualsPythonsRoundHalfUpOnAbsoluteValues() throws {
        struct Case: Codable { var x: String; var decimals: Int }
        var rng = SplitMix64(seed: 0xDEC1, stream: "rounding")
        let cases = (0..<10_000).map { _ in
            var x = rng.wideText(negative: rng.chance(0.5))
            let scale = x.split(separator: ".").dropFirst().first?.count ?? 0
            let places = rng.int(0...18)
            if places < scale, rng.chance(0.5) {   // make it a tie at `places`
                x = String(x.prefix(x.count - (scale - places))) + "5" + String(repeating: "0", count: scale - places - 1)
            }
            return Case(x: x, decimals: places)
        }
        let script = Python.prelude + #"""
done([plain(half_away(Decimal(c["x"]), c["decimals"])) for c in args])
"""#
        let expected = try Python.run(script, input: cases, as: [String].self)
        for (c, want) in zip(cases, expected) {
            let value = decimal(c.x)
            #expect(value.plain(decimals: c.decimals) == want, "\(c.x) at \(c.decimals)")
            // rounded(toDecimals:) cuts to the asked scale and leaves a value already within it as it is.
            let rounded = value.rounded(toDecimals: c.decimals)
            #expect(c.decimals < value.scale ? rounded.description == want : rounded.description == value.description,
                    "\(c.x) at \(c.decimals)")
        }
    }

    /// `plain` and `formatted` in both styles against Python's `format(x, 'f')` and
    /// `format(x, ',f')` (English; Vietnamese swaps the two separators), at a fixed
    /// number of decimals and in the shortest exact form.
    @Test func formattingInBothStylesEqualsPythonsFormat() throws {
        struct Case: Codable { var x: String; var decimals: Int? }
        struct Shown: Codable { var plain: String; var grouped: String }
        var rng = SplitMix64(seed: 0xDEC1, stream: "formatting")
        let cases = (0..<6000).map { _ in
            Case(x: rng.chance(0.5) ? rng.quantityText() : rng.wideText(negative: rng.chance(0.5)),
                 decimals: rng.chance(0.3) ? nil : rng.int(0...8))
        }
        let script = Python.prelude + #"""
out = []
for c in args:
    x = Decimal(c["x"])
    y = stripped(x) if c.get("decimals") is None else half_away(x, c["decimals"])  # JSONEncoder leaves nil out
    if y == 0: y = abs(y)
    out.append({"plain": plain(y), "grouped": format(y, ',f')})
done(out)
"""#
        let expected = try Python.run(script, input: cases, as: [Shown].self)
        for (c, want) in zip(cases, expected) {
            let value = decimal(c.x)
            #expect(value.plain(decimals: c.decimals) == want.plain, "\(c.x) \(String(describing: c.decimals))")
            #expect(value.formatted(decimals: c.decimals, style: .english) == want.grouped)
            let vietnamese = String(want.grouped.map { $0 == "," ? "." : ($0 == "." ? "," : $0) })
            #expect(value.formatted(decimals: c.decimals, style: .vietnamese) == vietnamese)
        }
    }

    /// Reading: every generated JSON number, then Python's `Decimal` of the same text,
    /// printed plainly, must match our description (digits and written scale).
    @Test func parsedValuesEqualPythonsDecimalOfTheSameText() throws {
        var rng = SplitMix64(seed: 0xDEC1, stream: "parse")
        let texts = (0..<10_000).map { _ in rng.chance(0.5) ? rng.quantityText() : rng.wideText(negative: rng.chance(0.5)) }
        let expected = try Python.run(Python.prelude + "done([plain(Decimal(t)) for t in args])\n", input: texts, as: [String].self)
        for (text, want) in zip(texts, expected) {
            #expect(decimal(text).description == want, "\(text)")
        }
    }
}
