extension ExactDecimal {
    /// How a clerk writes numbers: which character groups thousands and which one
    /// starts the decimals. Spaces group thousands in both styles.
    public enum Style: Sendable, Hashable {
        /// `33.500.000`, `1.234,5`, `1,4`.
        case vietnamese
        /// `33,500,000`, `1,234.5`, `1.4`.
        case english

        /// The character between groups of three digits.
        public var groupingSeparator: Character { self == .vietnamese ? "." : "," }
        /// The character between the integer and the fraction.
        public var decimalSeparator: Character { self == .vietnamese ? "," : "." }

        var groupingScalar: Unicode.Scalar { self == .vietnamese ? "." : "," }
        var decimalScalar: Unicode.Scalar { self == .vietnamese ? "," : "." }
    }

    /// Reads a number as a clerk types it in a spreadsheet cell or a command-line flag.
    ///
    /// The rules, chosen so that one text has one reading and a doubtful text is
    /// refused rather than guessed (a misread 1.400 kg is worse than a question):
    ///
    /// 1. Each character has one role, fixed by the style, never guessed from the
    ///    shape. Vietnamese: `.` groups thousands, `,` starts the decimals;
    ///    English: the reverse. So in Vietnamese `1.234` is 1234 and `1,234` is
    ///    1.234; `1,5` is one and a half.
    /// 2. Grouping, when present, must be exact: 1 to 3 digits, then groups of
    ///    exactly 3 digits up to the decimal separator or the end. A group
    ///    separator followed by exactly three digits is therefore always grouping.
    ///    Anything else is `.malformedGrouping`: `1.23.4`, `12.34`, `1234.567`,
    ///    `1.` and — in Vietnamese — `1.4` (the English way to write 1,4: refused,
    ///    not read as 14 nor as 1,4).
    /// 3. Spaces (also no-break, narrow no-break and thin spaces) group thousands
    ///    in both styles (`33 500 000`) under the same rule; one number may not mix
    ///    spaces and the style's grouping character (`33 500.000`).
    /// 4. At most one decimal separator, followed by at least one digit and nothing
    ///    but digits (`1,5,0`, `5,` and `1,234 5` are refused). A missing integer
    ///    part is zero (`,5` is 0,5 in Vietnamese, `.5` is 0.5 in English).
    /// 5. Leading zeros are accepted in an ungrouped integer part (`007` is 7), but a
    ///    grouped number may not start with 0 (`0.500` in Vietnamese is refused as
    ///    `.leadingZero`: it is probably 0.5 typed the English way).
    /// 6. Surrounding spaces are ignored; an optional leading `-` or `−` (U+2212)
    ///    makes the value negative; `+`, units, `%` and letters are `.notANumber`;
    ///    a letter e or E right after a digit is `.exponent`.
    public init(typed text: String, style: Style) throws(ParseError) {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, isBlank(first) { scalars.removeFirst() }
        while let last = scalars.last, isBlank(last) { scalars.removeLast() }
        guard !scalars.isEmpty else { throw .empty }

        var digits = DigitAccumulator()
        if let first = scalars.first, first == "-" || first == "\u{2212}" {
            digits.negative = true
            scalars.removeFirst()
        }
        // The shape of every character first, so that "1.5e3" says exponent, not grouping.
        var previousWasDigit = false
        for s in scalars {
            if (s == "e" || s == "E") && previousWasDigit { throw .exponent }
            guard isDigit(s) || s == style.groupingScalar || s == style.decimalScalar || isGroupingSpace(s) else {
                throw .notANumber
            }
            previousWasDigit = isDigit(s)
        }

        let integerPart: Substring.UnicodeScalarView
        var fractionPart: Substring.UnicodeScalarView? = nil
        if let point = scalars.firstIndex(of: style.decimalScalar) {
            integerPart = scalars[..<point]
            let fraction = scalars[scalars.index(after: point)...]
            guard !fraction.contains(style.decimalScalar) else { throw .malformedGrouping }
            guard !fraction.isEmpty else { throw .missingDigits }
            guard fraction.allSatisfy(isDigit) else { throw .malformedGrouping }
            fractionPart = fraction
        } else {
            integerPart = scalars
        }

        if integerPart.isEmpty {
            guard fractionPart != nil else { throw .missingDigits }
        } else if integerPart.allSatisfy(isDigit) {
            for s in integerPart { digits.append(digitValue(s), afterPoint: false) }
        } else {
            try Self.readGroups(integerPart, style: style, into: &digits)
        }
        for s in fractionPart ?? scalars[scalars.endIndex...] {
            digits.append(digitValue(s), afterPoint: true)
        }
        self = try digits.value()
    }

    /// An integer part with separators: 1–3 digits, then groups of exactly 3,
    /// all split by the same kind of separator (the style's character, or spaces).
    private static func readGroups(_ part: Substring.UnicodeScalarView, style: Style,
                                   into digits: inout DigitAccumulator) throws(ParseError) {
        let byCharacter = part.contains(style.groupingScalar)
        let bySpace = part.contains(where: isGroupingSpace)
        guard !(byCharacter && bySpace) else { throw .malformedGrouping }
        let groups = part.split(omittingEmptySubsequences: false) { !isDigit($0) }
        guard let first = groups.first, (1...3).contains(first.count),
              groups.dropFirst().allSatisfy({ $0.count == 3 }) else { throw .malformedGrouping }
        guard first.first != "0" else { throw .leadingZero }
        for group in groups {
            for s in group { digits.append(digitValue(s), afterPoint: false) }
        }
    }
}

@inline(__always) private func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
@inline(__always) private func digitValue(_ s: Unicode.Scalar) -> UInt8 { UInt8(s.value - 0x30) }

/// Spaces that group thousands: space, no-break space, thin space, narrow no-break space.
private func isGroupingSpace(_ s: Unicode.Scalar) -> Bool {
    s == " " || s == "\u{A0}" || s == "\u{2009}" || s == "\u{202F}"
}

/// What is trimmed around a typed number: the grouping spaces, tabs and line ends.
private func isBlank(_ s: Unicode.Scalar) -> Bool {
    isGroupingSpace(s) || s == "\t" || s == "\n" || s == "\r"
}
