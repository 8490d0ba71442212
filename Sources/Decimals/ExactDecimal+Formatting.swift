extension ExactDecimal {
    /// The number with `.` as the decimal point and no grouping, for CSV and JSON.
    ///
    /// With `decimals`, exactly that many digits after the point, rounded half away
    /// from zero when fewer than the scale (`1.4` → "1.400" at 3, 91.0891 → "91.09"
    /// at 2, 33500000 → "33500000" at 0). Without, the shortest exact form:
    /// trailing zeros dropped ("1.4", "2"). A value that rounds to zero has no
    /// sign ("0.00", never "-0.00").
    /// - Precondition: `0 ≤ decimals ≤ 18`.
    public func plain(decimals: Int? = nil) -> String {
        let (negative, integer, fraction) = parts(decimals: decimals)
        var out = negative ? "-" : ""
        out += integer
        if !fraction.isEmpty { out += "." + fraction }
        return out
    }

    /// The number as a reader expects it in `style`, thousands grouped:
    /// "1,4", "33.500.000", "1.234.567,25" (Vietnamese); "1.4", "33,500,000",
    /// "1,234,567.25" (English). `decimals` as in `plain(decimals:)`. Fraction
    /// digits are not grouped. The minus sign is ASCII `-`.
    /// - Precondition: `0 ≤ decimals ≤ 18`.
    public func formatted(decimals: Int? = nil, style: Style) -> String {
        let (negative, integer, fraction) = parts(decimals: decimals)
        var out = negative ? "-" : ""
        let separator = style.groupingSeparator
        for (index, digit) in integer.enumerated() {
            if index > 0 && (integer.count - index) % 3 == 0 { out.append(separator) }
            out.append(digit)
        }
        if !fraction.isEmpty {
            out.append(style.decimalSeparator)
            out += fraction
        }
        return out
    }

    /// Sign, integer digits and fraction digits of the value as it will be shown.
    private func parts(decimals: Int?) -> (negative: Bool, integer: String, fraction: String) {
        let shown: ExactDecimal
        let places: Int
        if let decimals {
            shown = rounded(toDecimals: decimals)
            places = decimals
        } else {
            shown = normalized
            places = shown.scale
        }
        var digits = String(shown.significand.magnitude)
        if digits.count <= shown.scale {
            digits = String(repeating: "0", count: shown.scale + 1 - digits.count) + digits
        }
        let split = digits.index(digits.endIndex, offsetBy: -shown.scale)
        let integer = String(digits[..<split])
        let fraction = String(digits[split...]) + String(repeating: "0", count: places - shown.scale)
        return (shown.isNegative, integer, fraction)
    }
}
