/// A strict (RFC 8259) pull scanner over a borrowed byte buffer.
///
/// Why a pull scanner: replaying millions of log lines must not build a tree or allocate
/// per field. The caller walks the document (`beginObject` / `nextKey` / `readInt64` /
/// `skipValue` ...) and only materialises the strings it asks for. Everything the scanner
/// passes over — including values it skips — is fully validated, so a line that scans
/// cleanly is strict JSON.
///
/// The buffer must outlive the scanner and every `JSONKey` it returns.
///
/// Comma handling needs only one flag: `begin*` sets `afterOpen`; the next `nextKey` /
/// `nextElement` clears it and therefore knows whether a ',' or the first member is due.
public struct JSONScanner {
    @usableFromInline let base: UnsafePointer<UInt8>
    @usableFromInline let count: Int
    @usableFromInline var pos: Int
    @usableFromInline var depth: Int
    @usableFromInline let maxDepth: Int
    @usableFromInline var afterOpen: Bool

    /// - Parameters:
    ///   - buffer: the JSON text (one log line or a whole document). Not copied.
    ///   - maxDepth: maximum container nesting; deeper input fails with `.tooDeep`
    ///     instead of exhausting the stack.
    @inlinable
    public init(_ buffer: UnsafeRawBufferPointer, maxDepth: Int = 64) {
        if let b = buffer.baseAddress {
            base = b.assumingMemoryBound(to: UInt8.self)
        } else {
            base = UnsafePointer<UInt8>(bitPattern: 1)!  // never dereferenced: count == 0
        }
        count = buffer.count
        pos = 0
        depth = 0
        self.maxDepth = maxDepth
        afterOpen = false
    }

    /// Current byte offset (after the last consumed token), for error reporting by callers.
    @inlinable public var offset: Int { pos }

    /// The input between two offsets (say, around a value just skipped, which
    /// is then known to be strict JSON), for a caller with a faster reader
    /// for what it expects there.
    public func bytes(from start: Int, to end: Int) -> UnsafeRawBufferPointer {
        precondition(0 <= start && start <= end && end <= count)
        return UnsafeRawBufferPointer(start: base + start, count: end - start)
    }

    // MARK: - Whitespace and peeking

    @inlinable @inline(__always)
    mutating func skipWhitespace() {
        while pos < count {
            let b = base[pos]
            if b > 0x20 { return }
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { pos += 1 } else { return }
        }
    }

    /// Skips whitespace and returns the next byte without consuming it.
    @inlinable @inline(__always)
    mutating func peekByte(_ what: String) throws(JSONError) -> UInt8 {
        skipWhitespace()
        guard pos < count else { throw endError(what) }
        return base[pos]
    }

    /// Kind of the next value (skips whitespace, consumes nothing).
    @inlinable
    public mutating func peekKind() throws(JSONError) -> JSONKind {
        let b = try peekByte("a value")
        switch b {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: throw unexpected(b, at: pos, expecting: "a value")
        }
    }

    // MARK: - Containers

    /// Consumes '{'. Follow with `nextKey()` until it returns nil.
    @inlinable
    public mutating func beginObject() throws(JSONError) {
        let b = try peekByte("an object")
        guard b == UInt8(ascii: "{") else { throw expectedError("object", b) }
        try open()
    }

    /// Consumes '['. Follow with `nextElement()` until it returns false.
    @inlinable
    public mutating func beginArray() throws(JSONError) {
        let b = try peekByte("an array")
        guard b == UInt8(ascii: "[") else { throw expectedError("array", b) }
        try open()
    }

    @inlinable @inline(__always)
    mutating func open() throws(JSONError) {
        depth += 1
        if depth > maxDepth { throw tooDeepError() }
        pos += 1
        afterOpen = true
    }

    /// Next member key of the current object (the ':' is consumed too), or nil when the
    /// closing '}' is reached (consumed). Rejects missing and trailing commas.
    @inlinable
    public mutating func nextKey() throws(JSONError) -> JSONKey? {
        var b = try peekByte("an object member or '}'")
        if afterOpen {
            afterOpen = false
            if b == UInt8(ascii: "}") { pos += 1; depth -= 1; return nil }
        } else {
            if b == UInt8(ascii: "}") { pos += 1; depth -= 1; return nil }
            guard b == UInt8(ascii: ",") else { throw unexpected(b, at: pos, expecting: "',' or '}' after an object member") }
            pos += 1
            b = try peekByte("an object key")
            if b == UInt8(ascii: "}") { throw trailingCommaError(b) }
        }
        guard b == UInt8(ascii: "\"") else { throw keyExpectedError(b) }
        let s = try scanString()
        let c = try peekByte("':' after an object key")
        guard c == UInt8(ascii: ":") else { throw unexpected(c, at: pos, expecting: "':' after an object key") }
        pos += 1
        return JSONKey(base: base, start: s.start, end: s.end, escaped: s.escaped)
    }

    /// True if another array element follows (positioned at it); false when the closing
    /// ']' is reached (consumed). Rejects missing and trailing commas.
    @inlinable
    public mutating func nextElement() throws(JSONError) -> Bool {
        let b = try peekByte("an array element or ']'")
        if afterOpen {
            afterOpen = false
            if b == UInt8(ascii: "]") { pos += 1; depth -= 1; return false }
            return true
        }
        if b == UInt8(ascii: "]") { pos += 1; depth -= 1; return false }
        guard b == UInt8(ascii: ",") else { throw unexpected(b, at: pos, expecting: "',' or ']' after an array element") }
        pos += 1
        let c = try peekByte("an array element")
        if c == UInt8(ascii: "]") { throw trailingCommaError(c) }
        return true
    }

    // MARK: - Strings

    /// Reads a string value, decoding escapes. The only allocation is the result.
    @inlinable
    public mutating func readString() throws(JSONError) -> String {
        let b = try peekByte("a string")
        guard b == UInt8(ascii: "\"") else { throw expectedError("string", b) }
        let s = try scanString()
        if !s.escaped {
            let n = s.end &- s.start
            if n == 0 { return "" }
            let src = base + s.start
            // Copying into uninitialised capacity builds small (<= 15 byte) strings inline
            // with a single validation pass.
            return String(unsafeUninitializedCapacity: n) { buffer in
                buffer.baseAddress!.update(from: src, count: n)
                return n
            }
        }
        return decodeEscapedString(base: base, start: s.start, end: s.end)
    }

    /// Validates a string starting at the '"' under `pos`; leaves `pos` after the closing quote.
    /// Returns the raw content range and whether it contains escapes.
    @inlinable @inline(__always)
    mutating func scanString() throws(JSONError) -> (start: Int, end: Int, escaped: Bool) {
        let start = pos &+ 1
        var i = start
        var escaped = false
        let base = self.base, count = self.count
        while true {
            let b: UInt8
            if i &+ 8 <= count {
                // Fast path: 8 bytes at a time; the lowest flagged byte is exactly the
                // first quote/backslash/control/non-ASCII byte. Take it from the word
                // rather than reloading it (saves a dependent load).
                let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let m = specialByteMask(w)
                if m == 0 { i &+= 8; continue }
                let bit = m.trailingZeroBitCount &- 7
                i &+= bit &>> 3
                b = UInt8(truncatingIfNeeded: w &>> UInt64(bit))
            } else {
                while i < count {
                    let c = base[i]
                    if c == 0x22 || c == 0x5C || c &- 0x20 >= 0x60 { break }
                    i &+= 1
                }
                guard i < count else { throw unterminatedStringError() }
                b = base[i]
            }
            if b == 0x22 {
                pos = i &+ 1
                return (start, i, escaped)
            }
            if b == 0x5C {
                escaped = true
                i = try validateEscape(at: i)
            } else if b < 0x20 {
                throw controlCharError(b, at: i)
            } else if b &- 0xC2 < 0x1E && i &+ 1 < count && base[i &+ 1] & 0xC0 == 0x80 {
                i &+= 2  // well-formed 2-byte sequence (Latin, Vietnamese letters)
            } else {
                i = try validateUTF8Sequence(base, at: i, count: count)
            }
        }
    }

    /// Validates the escape whose backslash is at `i`; returns the index after it.
    @inlinable
    func validateEscape(at i: Int) throws(JSONError) -> Int {
        guard i + 1 < count else { throw JSONError(.unexpectedEnd, at: count, "input ends inside an escape sequence") }
        switch base[i + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return i + 2
        case UInt8(ascii: "u"):
            let u = try hex4(at: i + 2)
            if u >= 0xD800 && u <= 0xDBFF {
                guard i + 7 < count, base[i + 6] == 0x5C, base[i + 7] == UInt8(ascii: "u") else {
                    throw JSONError(.invalidUnicodeEscape, at: i, "lone high surrogate \\u\(hexString(u)) not followed by a low surrogate")
                }
                let l = try hex4(at: i + 8)
                guard l >= 0xDC00 && l <= 0xDFFF else {
                    throw JSONError(.invalidUnicodeEscape, at: i, "lone high surrogate \\u\(hexString(u)) not followed by a low surrogate")
                }
                return i + 12
            }
            if u >= 0xDC00 && u <= 0xDFFF {
                throw JSONError(.invalidUnicodeEscape, at: i, "lone low surrogate \\u\(hexString(u))")
            }
            return i + 6
        default:
            throw JSONError(.invalidEscape, at: i + 1, "invalid escape sequence '\\\(Character(Unicode.Scalar(base[i + 1])))'")
        }
    }

    @inlinable
    func hex4(at i: Int) throws(JSONError) -> UInt32 {
        var v: UInt32 = 0
        for k in 0..<4 {
            guard i + k < count else { throw JSONError(.unexpectedEnd, at: count, "input ends inside a \\u escape") }
            let b = base[i + k]
            guard let d = hexValue(b) else {
                throw JSONError(.invalidUnicodeEscape, at: i + k, "invalid hex digit \(describeByte(b)) in \\u escape")
            }
            v = v << 4 | d
        }
        return v
    }

    // MARK: - Literals

    @inlinable
    public mutating func readBool() throws(JSONError) -> Bool {
        let b = try peekByte("a boolean")
        if b == UInt8(ascii: "t") {
            try literal(0x74_72_75_65, length: 4, name: "true")  // "true"
            return true
        }
        if b == UInt8(ascii: "f") {
            guard pos + 5 <= count, base[pos + 4] == UInt8(ascii: "e") else { throw literalError("false") }
            try literal(0x66_61_6C_73, length: 5, name: "false")  // "fals" + 'e' checked above
            return false
        }
        throw expectedError("boolean", b)
    }

    @inlinable
    public mutating func readNull() throws(JSONError) {
        let b = try peekByte("null")
        guard b == UInt8(ascii: "n") else { throw expectedError("null", b) }
        try literal(0x6E_75_6C_6C, length: 4, name: "null")
    }

    /// Matches a literal whose first four bytes are `word` (big-endian in the constant).
    @inlinable @inline(__always)
    mutating func literal(_ word: UInt32, length: Int, name: StaticString) throws(JSONError) {
        guard pos + length <= count else { throw literalError(name) }
        let w = UnsafeRawPointer(base + pos).loadUnaligned(as: UInt32.self)
        guard UInt32(bigEndian: w) == word else { throw literalError(name) }
        pos += length
    }

    @usableFromInline @inline(never)
    func literalError(_ name: StaticString) -> JSONError {
        // Point at the first mismatching byte.
        var i = pos
        var k = 0
        name.withUTF8Buffer { n in
            while k < n.count && i < count && base[i] == n[k] { i += 1; k += 1 }
        }
        if i >= count { return JSONError(.unexpectedEnd, at: count, "input ends inside literal '\(name)'") }
        return JSONError(.unexpectedByte(base[i]), at: i, "invalid literal: expected '\(name)', found \(describeByte(base[i]))")
    }

    // MARK: - Skipping and end

    /// Skips the next value while fully validating it: string UTF-8 and escapes, number
    /// grammar, nesting depth, and distinct keys in every nested object.
    public mutating func skipValue() throws(JSONError) {
        let b = try peekByte("a value")
        if b == UInt8(ascii: "\"") {
            _ = try scanString()  // the common case, inlined at the call site
            return
        }
        try skipNonString(b)
    }

    @usableFromInline
    mutating func skipNonString(_ b: UInt8) throws(JSONError) {
        switch b {
        case UInt8(ascii: "\""):
            _ = try scanString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            _ = try scanNumber()
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            _ = try readBool()
        case UInt8(ascii: "n"):
            try readNull()
        case UInt8(ascii: "["):
            try beginArray()
            while try nextElement() { try skipValue() }
        case UInt8(ascii: "{"):
            try beginObject()
            var seen = DuplicateKeyTracker()
            while let key = try nextKey() {
                try seen.insert(key)
                try skipValue()
            }
        default:
            throw unexpected(b, at: pos, expecting: "a value")
        }
    }

    /// Succeeds only if nothing but JSON whitespace (space, tab, LF, CR) remains.
    @inlinable
    public mutating func expectEnd() throws(JSONError) {
        skipWhitespace()
        if pos < count {
            let b = base[pos]
            throw JSONError(.trailingData, at: pos, b == 0 ? "NUL byte after the value" : "unexpected \(describeByte(b)) after the value")
        }
    }

}

// MARK: - Byte helpers

/// High bit set in each byte of the (little-endian) word that is '"', '\\', < 0x20 or
/// >= 0x80. Classic SWAR tests: borrows can only create false positives *above* a true
/// one, so the lowest set bit is exact.
@inlinable @inline(__always)
func specialByteMask(_ w: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let quote = w ^ (ones &* 0x22)
    let backslash = w ^ (ones &* 0x5C)
    let hasQuote = (quote &- ones) & ~quote
    let hasBackslash = (backslash &- ones) & ~backslash
    let hasControl = (w &- (ones &* 0x20)) & ~w
    return (hasQuote | hasBackslash | hasControl | w) & high
}

@inlinable @inline(__always)
func hexValue(_ b: UInt8) -> UInt32? {
    switch b {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b &- 0x30)
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b &- 0x57)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b &- 0x37)
    default: return nil
    }
}

@usableFromInline
func hexString(_ v: UInt32, digits: Int = 4) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - s.count)) + s
}
