import Decimals
import SeededRandom

/// Decimal texts for the randomized tests: written the way JSON writes them,
/// with the digit counts and scales chosen per test.
extension SplitMix64 {
    /// A plain JSON number with `integerDigits` digits before the point (0 gives "0")
    /// and `scale` digits after it (trailing zeros kept, so written scales vary).
    mutating func decimalText(integerDigits: Int, scale: Int, negative: Bool = false) -> String {
        var text = ""
        if integerDigits == 0 {
            text = "0"
        } else {
            text.append(Character(String(int(1...9))))
            for _ in 1..<integerDigits { text.append(Character(String(below(10)))) }
        }
        if scale > 0 {
            text.append(".")
            for _ in 0..<scale { text.append(Character(String(below(10)))) }
        }
        let isZero = !text.contains { $0 >= "1" && $0 <= "9" }
        return negative && !isZero ? "-" + text : text
    }

    /// A declared quantity as a province would send it: 0 … 10^15 with 0–6 decimals,
    /// mostly small, sometimes at the limit.
    mutating func quantityText() -> String {
        if chance(0.01) { return "1000000000000000" }
        let digits = weighted([(0, 1.0), (int(1...4), 6.0), (int(5...9), 2.0), (int(10...15), 1.0)])
        return decimalText(integerDigits: digits, scale: int(0...6))
    }

    /// A value with all 38 digits at `scale`: the largest the parser accepts there.
    mutating func fullText(scale: Int, negative: Bool) -> String {
        decimalText(integerDigits: 38 - scale, scale: scale, negative: negative)
    }

    /// Any value the parser accepts: up to 38 significant digits, scale up to 18.
    mutating func wideText(negative: Bool) -> String {
        let scale = int(0...18)
        let integerDigits = int(0...(38 - scale))
        return decimalText(integerDigits: integerDigits, scale: scale, negative: negative)
    }
}

/// Parses a text the generators made (always valid JSON numbers).
func decimal(_ text: String) -> ExactDecimal {
    guard let value = ExactDecimal(json: text) else { fatalError("generator made an unreadable \(text)") }
    return value
}
