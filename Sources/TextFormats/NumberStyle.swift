/// How numbers are written in a report: Vietnamese ("5.000", "12,5") or English ("5,000", "12.5").
///
/// Formatting is done here by hand rather than with `NumberFormatter` so the output does not
/// depend on the machine's locale data (which differs between Linux and macOS builds of
/// Foundation) and is byte-for-byte stable in tests and golden files.
public enum NumberStyle: Sendable, Equatable {
    case vietnamese
    case english

    /// The character between groups of three digits.
    public var groupingSeparator: Character { self == .vietnamese ? "." : "," }
    /// The character between integer and fraction.
    public var decimalSeparator: Character { self == .vietnamese ? "," : "." }

    /// An integer with thousands grouped: "-1.234.567" / "-1,234,567".
    public func format(_ n: Int) -> String {
        let digits = String(n.magnitude)
        return (n < 0 ? "-" : "") + group(digits)
    }

    /// A number with exactly `fractionDigits` digits after the decimal separator.
    ///
    /// - Note: Rounding is half away from zero on the shortest decimal form of `d` (the
    ///   one Swift prints), so 1.005 gives "1,01" as a reader expects, not "1,00" as
    ///   printf gives from the binary value. NaN is "NaN", infinities are "∞" and "-∞".
    public func format(_ d: Double, fractionDigits: Int) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-∞" : "∞" }
        let places = max(0, fractionDigits)
        var (digits, pointPosition) = NumberStyle.decimalDigits(d.magnitude)
        // Round to `places` digits after the point.
        let keep = pointPosition + places
        if keep < 0 {
            digits = []
        } else if keep < digits.count {
            let roundUp = digits[keep] >= 5
            digits.removeSubrange(keep...)
            if roundUp {
                var index = digits.count - 1
                while index >= 0 && digits[index] == 9 { digits[index] = 0; index -= 1 }
                if index >= 0 { digits[index] += 1 } else { digits.insert(1, at: 0); pointPosition += 1 }
            }
        }
        // Integer part: digits before the point, zero-filled.
        var integer = ""
        for index in 0..<max(pointPosition, 0) { integer.append(index < digits.count ? Character(String(digits[index])) : "0") }
        if integer.isEmpty { integer = "0" }
        var fraction = ""
        for index in 0..<places {
            let position = pointPosition + index
            fraction.append(position >= 0 && position < digits.count ? Character(String(digits[position])) : "0")
        }
        let isZero = !digits.contains { $0 != 0 }
        let sign = d < 0 && !isZero ? "-" : ""
        return sign + group(integer) + (places > 0 ? String(decimalSeparator) + fraction : "")
    }

    /// A ratio as a percentage: 0.125 → "12,5%" / "12.5%".
    public func formatPercent(_ ratio: Double, fractionDigits: Int = 1) -> String {
        format(ratio * 100, fractionDigits: fractionDigits) + "%"
    }

    private func group(_ digits: String) -> String {
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(groupingSeparator) }
            out.append(digit)
        }
        return out
    }

    /// Decimal digits of a finite non-negative `d` and where the point goes:
    /// value = 0.d₀d₁d₂… × 10^pointPosition. Taken from Swift's shortest round-trip form.
    static func decimalDigits(_ d: Double) -> (digits: [UInt8], pointPosition: Int) {
        let text = d.description   // "123.45", "1e-05", "1.2345e+20"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits: [UInt8] = []
        var pointPosition = 0
        var seenPoint = false
        for character in mantissa {
            if character == "." { seenPoint = true; continue }
            guard let value = character.wholeNumberValue else { continue }
            digits.append(UInt8(value))
            if !seenPoint { pointPosition += 1 }
        }
        while let first = digits.first, first == 0, digits.count > 1 { digits.removeFirst(); pointPosition -= 1 }
        return (digits, pointPosition + exponent)
    }
}
