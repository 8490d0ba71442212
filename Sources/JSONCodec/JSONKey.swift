/// An object key as it appears in the input, borrowed from the scanner's buffer.
///
/// Why: matching the handful of known field names of a log line must not allocate a
/// String per key. `equals` compares raw bytes directly (the common, escape-free case)
/// and decodes escapes on the fly otherwise, so `"\u0073eq"` still equals `"seq"`.
/// Valid only while the scanned buffer is alive.
public struct JSONKey {
    @usableFromInline let base: UnsafePointer<UInt8>
    @usableFromInline let start: Int
    @usableFromInline let end: Int
    /// Whether the raw key contains backslash escapes.
    public let escaped: Bool

    @inlinable
    init(base: UnsafePointer<UInt8>, start: Int, end: Int, escaped: Bool) {
        self.base = base
        self.start = start
        self.end = end
        self.escaped = escaped
    }

    /// Length of the key as it lies in the input (escapes not decoded).
    @inlinable
    public var rawCount: Int { end - start }

    /// The `i`-th byte of the key as it lies in the input; lets a decoder
    /// dispatch on length and first byte before comparing a whole key.
    @inlinable
    public func rawByte(_ i: Int) -> UInt8 { base[start + i] }

    /// The key's first (up to) eight raw bytes as a little-endian integer,
    /// zero-padded: a decoder compares a short key with one instruction.
    @inlinable
    public var rawWord: UInt64 {
        var w: UInt64 = 0
        let n = Swift.min(end - start, 8)
        var i = 0
        while i < n {
            w |= UInt64(base[start + i]) << (8 * UInt64(i))
            i += 1
        }
        return w
    }

    /// Compares the decoded key with an ASCII (or any UTF-8) literal, without allocating.
    @inlinable
    public func equals(_ literal: StaticString) -> Bool {
        if !escaped && literal.hasPointerRepresentation {
            let n = literal.utf8CodeUnitCount
            guard n == end - start else { return false }
            let p = literal.utf8Start
            var k = 0
            while k < n {
                if p[k] != base[start + k] { return false }
                k += 1
            }
            return true
        }
        return slowEquals(literal)
    }

    @usableFromInline
    func slowEquals(_ literal: StaticString) -> Bool {
        literal.withUTF8Buffer { lit in
            var k = 0
            let allMatched = forEachDecodedByte(base: base, start: start, end: end) { b in
                guard k < lit.count, lit[k] == b else { return false }
                k += 1
                return true
            }
            return allMatched && k == lit.count
        }
    }

    /// Raw (still escaped) bytes of the key, as in the input.
    public var rawBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + start, count: end - start)
    }

    /// The decoded key (allocates).
    public var string: String {
        if !escaped { return String(decoding: rawBytes, as: UTF8.self) }
        return decodeEscapedString(base: base, start: start, end: end)
    }

    /// Decoded UTF-8 bytes of the key (allocates).
    public var decodedBytes: [UInt8] {
        if !escaped { return Array(rawBytes) }
        return decodeEscapedBytes(base: base, start: start, end: end)
    }

    /// True if both keys decode to the same bytes (exact, not Unicode-canonical, equality:
    /// NFC and NFD spellings are different keys in JSON).
    public func decodesEqual(_ other: JSONKey) -> Bool {
        if !escaped && !other.escaped {
            let n = end - start
            guard n == other.end - other.start else { return false }
            for k in 0..<n where base[start + k] != other.base[other.start + k] { return false }
            return true
        }
        return decodedBytes == other.decodedBytes
    }
}
