/// Numbers: read as whole numbers where the caller wants them, or kept as their exact text.
extension JSONScanner {
    // MARK: - Numbers

    /// Reads an integer literal into Int64 exactly. Fractions/exponents are rejected with
    /// `.expected("integer")`; literals beyond Int64 with `.numberOutOfRange`.
    @inlinable
    public mutating func readInt64() throws(JSONError) -> Int64 {
        let first = try peekByte("an integer")
        let start = pos
        var i = pos
        let negative = first == UInt8(ascii: "-")
        if negative { i += 1 }
        guard i < count else { throw coldError(.unexpectedEnd, at: count, "input ends inside a number") }
        var b = base[i]
        guard b &- 0x30 < 10 else {
            if negative { throw digitExpectedError(b, at: i, "after '-'") }
            throw expectedError("integer", b)
        }
        // Accumulate negatively so Int64.min is representable.
        var v: Int64 = 0
        var overflow = false
        if b == UInt8(ascii: "0") {
            i += 1
            if i < count && base[i] &- 0x30 < 10 { throw leadingZeroError(at: i - 1) }
        } else {
            while i < count {
                b = base[i]
                let d = b &- 0x30
                if d >= 10 { break }
                let (m, o1) = v.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.subtractingReportingOverflow(Int64(d))
                overflow = overflow || o1 || o2
                v = s
                i += 1
            }
        }
        if i < count {
            b = base[i]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
                _ = try scanNumber()  // report a malformed literal precisely, else:
                throw coldError(.expected("integer"), at: start, "expected an integer, found a number with a fraction or exponent")
            }
        }
        if overflow {
            throw coldError(.numberOutOfRange, at: start, "integer does not fit in 64 bits")
        }
        if !negative {
            if v == Int64.min { throw coldError(.numberOutOfRange, at: start, "integer does not fit in 64 bits") }
            v = -v
        }
        pos = i
        return v
    }

    /// Reads any valid JSON number, keeping its exact text.
    @inlinable
    public mutating func readNumber() throws(JSONError) -> JSONNumber {
        let b = try peekByte("a number")
        guard b == UInt8(ascii: "-") || b &- 0x30 < 10 else { throw expectedError("number", b) }
        let start = pos
        let isInteger = try scanNumber()
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: pos - start), as: UTF8.self)
        return JSONNumber(validatedText: text, isInteger: isInteger)
    }

    /// Validates the number at `pos` (RFC 8259 grammar) and advances past it.
    /// Returns whether it is an integer literal (no fraction, no exponent).
    /// Rejects magnitudes that overflow Double (`.numberOutOfRange`).
    @inlinable
    mutating func scanNumber() throws(JSONError) -> Bool {
        let start = pos
        var i = pos
        if base[i] == UInt8(ascii: "-") { i += 1 }
        guard i < count else { throw JSONError(.unexpectedEnd, at: count, "input ends inside a number") }
        let intStart = i
        var b = base[i]
        if b == UInt8(ascii: "0") {
            i += 1
            if i < count && base[i] &- 0x30 < 10 { throw leadingZeroError(at: i - 1) }
        } else if b &- 0x30 < 10 {
            i += 1
            while i < count && base[i] &- 0x30 < 10 { i += 1 }
        } else {
            throw JSONError(.invalidNumber, at: i, "expected a digit in number, found \(describeByte(b))")
        }
        let intDigits = i - intStart
        var isInteger = true
        var hasExponent = false
        if i < count && base[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            guard i < count else { throw JSONError(.unexpectedEnd, at: count, "input ends after a decimal point") }
            b = base[i]
            guard b &- 0x30 < 10 else { throw JSONError(.invalidNumber, at: i, "expected a digit after the decimal point, found \(describeByte(b))") }
            while i < count && base[i] &- 0x30 < 10 { i += 1 }
        }
        if i < count && (base[i] == UInt8(ascii: "e") || base[i] == UInt8(ascii: "E")) {
            isInteger = false
            hasExponent = true
            i += 1
            if i < count && (base[i] == UInt8(ascii: "+") || base[i] == UInt8(ascii: "-")) { i += 1 }
            guard i < count else { throw JSONError(.unexpectedEnd, at: count, "input ends inside an exponent") }
            b = base[i]
            guard b &- 0x30 < 10 else { throw JSONError(.invalidNumber, at: i, "expected a digit in the exponent, found \(describeByte(b))") }
            while i < count && base[i] &- 0x30 < 10 { i += 1 }
        }
        if hasExponent || intDigits > 300 {
            try checkDoubleRange(start: start, end: i)
        }
        pos = i
        return isInteger
    }

    @usableFromInline @inline(never)
    func checkDoubleRange(start: Int, end: Int) throws(JSONError) {
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
        if let d = Double(text), d.isFinite { return }
        throw JSONError(.numberOutOfRange, at: start, "number \(text.prefix(40)) is too large for a double")
    }
}
