extension ExactDecimal {
    /// Why a text was refused, so that callers can word their own message
    /// (in Vietnamese or English) and point at the fix.
    public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// Nothing (or only spaces) to read.
        case empty
        /// A character that has no place in a number ("12 kg", "+5", "NaN", "1.5.3").
        case notANumber
        /// An exponent ("1.5e3"): antq wants the number written out ("1500"), so that
        /// what a clerk reads in the log is what was declared.
        case exponent
        /// A leading zero before other digits ("007" in JSON, "0.500" grouped).
        case leadingZero
        /// A sign or separator with no digits where digits must be ("-", "1.", ".5" in JSON, "5,").
        case missingDigits
        /// More than `maxDigits` (38) digits from the first non-zero one.
        case tooManyDigits
        /// A non-zero digit more than `maxScale` (18) places after the point.
        case tooManyDecimals
        /// Typed text whose separators are not where the style puts them
        /// ("1.23.4", "1.4" or "1,234,567" in Vietnamese style, "1,5" in English style).
        case malformedGrouping

        public var description: String {
            switch self {
            case .empty: "no number"
            case .notANumber: "not a number"
            case .exponent: "an exponent is not accepted: write the number out (1500, not 1.5e3)"
            case .leadingZero: "a leading zero is not accepted"
            case .missingDigits: "digits are missing"
            case .tooManyDigits: "more than \(ExactDecimal.maxDigits) digits"
            case .tooManyDecimals: "more than \(ExactDecimal.maxScale) digits after the point"
            case .malformedGrouping: "separators are not where the number style puts them"
            }
        }
    }

    /// The plain decimal form of a JSON number ("1.4", "33500000", "-0.125"); nil when refused.
    /// Use `init(parsingJSON:)` to learn why.
    public init?(json text: some StringProtocol) {
        var s = String(text)
        guard let value = s.withUTF8({ try? ExactDecimal(parsingJSONBytes: $0) }) else { return nil }
        self = value
    }

    /// The plain decimal form of a JSON number, from UTF-8 bytes; nil when refused.
    public init?(jsonUTF8 bytes: some Sequence<UInt8>) {
        guard let value = try? ExactDecimal(parsingJSONUTF8: bytes) else { return nil }
        self = value
    }

    /// Reads a JSON number in plain decimal form, saying why when it cannot.
    public init(parsingJSON text: some StringProtocol) throws(ParseError) {
        try self.init(parsingJSONUTF8: text.utf8)
    }

    /// Reads a JSON number in plain decimal form from UTF-8 bytes: an optional `-`,
    /// digits with no leading zero (except a lone `0`), an optional `.` and digits.
    ///
    /// Refused, each with its own reason: a well-formed exponent (`1e3`, `1.5E-2`),
    /// which JSON allows but antq does not, so a stored figure reads as written
    /// (a malformed one, `1e`, `1e5.0`, is `.notANumber`); leading zeros
    /// (`01`); a missing side of the point (`1.`, `.5`); `+`, spaces, `NaN`.
    /// The shape is checked before the size, so `1e400` is refused as an exponent.
    ///
    /// Accepted with a note: `-0` and `-0.0` are zero (there is no negative zero);
    /// zeros written beyond the 18th place after the point are dropped (the value
    /// is unchanged, the scale is 18), while a non-zero digit there is refused.
    /// Signs are accepted: whether a negative value is allowed is the caller's
    /// rule (see `quantityProblem(decimals:)`).
    public init(parsingJSONUTF8 bytes: some Sequence<UInt8>) throws(ParseError) {
        self = try Array(bytes).withUnsafeBufferPointer { b throws(ParseError) in try ExactDecimal(parsingJSONBytes: b) }
    }

    /// `init(parsingJSONUTF8:)` on bytes in memory (a line being read, a
    /// string's UTF-8): the one reader, walked as concrete bytes rather
    /// than through a generic sequence, which cost more than the reading.
    public init(parsingJSONBytes bytes: UnsafeBufferPointer<UInt8>) throws(ParseError) {
        var state = JSONNumberState.start
        var digits = DigitAccumulator()
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let d = byte &- UInt8(ascii: "0")
                switch state {
                case .start, .afterSign: state = d == 0 ? .loneZero : .integer
                case .loneZero: throw .leadingZero
                case .integer: break
                case .afterPoint, .fraction: state = .fraction
                }
                digits.append(d, afterPoint: state == .fraction)
            case UInt8(ascii: "-"):
                guard state == .start else { throw .notANumber }
                digits.negative = true
                state = .afterSign
            case UInt8(ascii: "."):
                switch state {
                case .loneZero, .integer: state = .afterPoint
                case .start, .afterSign: throw .missingDigits
                case .afterPoint, .fraction: throw .notANumber
                }
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                switch state {
                case .start, .afterSign: throw .notANumber
                case .afterPoint: throw .missingDigits
                case .loneZero, .integer, .fraction:
                    // Only a well-formed exponent is called one, so the hint "write it out" is never wrong.
                    throw isExponentTail(&iterator) ? .exponent : .notANumber
                }
            default:
                throw .notANumber
            }
        }
        switch state {
        case .start: throw .empty
        case .afterSign, .afterPoint: throw .missingDigits
        case .loneZero, .integer, .fraction: self = try digits.value()
        }
    }
}

/// True when the bytes after an `e` are a JSON exponent to the end: `[+-]?[0-9]+`.
private func isExponentTail(_ iterator: inout some IteratorProtocol<UInt8>) -> Bool {
    var digits = 0, first = true
    while let byte = iterator.next() {
        defer { first = false }
        if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { digits += 1; continue }
        if first && (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")) { continue }
        return false
    }
    return digits > 0
}

/// Where the JSON reader is in `-?(0|[1-9][0-9]*)(\.[0-9]+)?`.
private enum JSONNumberState { case start, afterSign, loneZero, integer, afterPoint, fraction }

/// Builds a value digit by digit, for both the JSON and the typed readers.
/// Size problems are remembered, not thrown, so that a reader can finish checking
/// the shape first and report the more useful reason.
struct DigitAccumulator {
    var negative = false
    private var magnitude: UInt128 = 0
    private var significantDigits = 0
    private var scale = 0
    private var nonZeroBeyondMaxScale = false

    /// One decimal digit (0…9), before or after the point.
    mutating func append(_ d: UInt8, afterPoint: Bool) {
        if afterPoint {
            if scale == ExactDecimal.maxScale {
                if d != 0 { nonZeroBeyondMaxScale = true }
                return
            }
            scale += 1
        }
        if significantDigits == 0 && d == 0 { return }
        significantDigits += 1
        if significantDigits <= ExactDecimal.maxDigits {
            magnitude = magnitude * 10 + UInt128(d)
        }
    }

    func value() throws(ExactDecimal.ParseError) -> ExactDecimal {
        if significantDigits > ExactDecimal.maxDigits { throw .tooManyDigits }
        if nonZeroBeyondMaxScale { throw .tooManyDecimals }
        let s = Int128(magnitude)   // < 10^38 < Int128.max
        return ExactDecimal(unchecked: negative ? -s : s, scale: scale)
    }
}
