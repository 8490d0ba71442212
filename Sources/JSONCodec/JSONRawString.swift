/// A string value as it lies in the input: validated, but not copied.
///
/// Why: the replay path reads a dozen strings per line (type, dates, hashes,
/// codes) and needs most of them only as bytes to compare or parse. Copying
/// each into a `String` would allocate for every one of them, on every line
/// of every replay.
public struct JSONRawString {
    /// The bytes between the quotes (still escaped if `escaped`). Valid while the scanned buffer is.
    public let bytes: UnsafeBufferPointer<UInt8>
    /// True when the content contains backslash escapes: use `string` then.
    public let escaped: Bool

    @inlinable
    init(bytes: UnsafeBufferPointer<UInt8>, escaped: Bool) {
        self.bytes = bytes
        self.escaped = escaped
    }

    /// The decoded value.
    @inlinable
    public var string: String {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return "" }
        if !escaped {
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                buffer.baseAddress!.update(from: base, count: bytes.count)
                return bytes.count
            }
        }
        return decodeEscapedString(base: base, start: 0, end: bytes.count)
    }

    /// Compares the decoded value with an ASCII literal without allocating (escaped strings decode first).
    @inlinable
    public func equals(_ literal: StaticString) -> Bool {
        if escaped { return string == literal.description }
        guard bytes.count == literal.utf8CodeUnitCount else { return false }
        let other = UnsafeBufferPointer(start: literal.utf8Start, count: bytes.count)
        return bytes.elementsEqual(other)
    }
}

extension JSONScanner {
    /// Reads a string value without copying it (see `JSONRawString`).
    @inlinable
    public mutating func readRawString() throws(JSONError) -> JSONRawString {
        let b = try peekByte("a string")
        guard b == UInt8(ascii: "\"") else { throw expectedError("string", b) }
        let s = try scanString()
        return JSONRawString(bytes: UnsafeBufferPointer(start: base + s.start, count: s.end &- s.start), escaped: s.escaped)
    }
}
