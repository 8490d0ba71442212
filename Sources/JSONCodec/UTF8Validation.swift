/// Strict UTF-8 validation of one multi-byte sequence (RFC 3629).
///
/// Rejects what Unicode forbids: stray continuation bytes, overlong forms (C0, C1,
/// E0 80..9F, F0 80..8F), UTF-16 surrogates encoded in UTF-8 (ED A0..BF), and code points
/// above U+10FFFF (F4 90.., F5..FF). Working on raw pointers keeps the string scanner
/// allocation-free; the error points at the first byte that makes the sequence invalid.
///
/// - Parameters:
///   - base: start of the input.
///   - i: index of a lead byte >= 0x80.
///   - count: input length.
/// - Returns: the index just past the sequence.
@inlinable
func validateUTF8Sequence(_ base: UnsafePointer<UInt8>, at i: Int, count: Int) throws(JSONError) -> Int {
    let b0 = base[i]
    let length: Int
    var lo: UInt8 = 0x80
    var hi: UInt8 = 0xBF
    switch b0 {
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; lo = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: length = 3; hi = 0x9F
    case 0xF0: length = 4; lo = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4: length = 4; hi = 0x8F
    default: throw utf8Error(b0, at: i)
    }
    guard i + 1 < count else { throw utf8Truncated(at: count) }
    let b1 = base[i + 1]
    guard b1 >= lo && b1 <= hi else { throw utf8Error(b1, at: i + 1) }
    var k = 2
    while k < length {
        guard i + k < count else { throw utf8Truncated(at: count) }
        let b = base[i + k]
        guard b & 0xC0 == 0x80 else { throw utf8Error(b, at: i + k) }
        k += 1
    }
    return i + length
}

@usableFromInline @inline(never)
func utf8Error(_ b: UInt8, at offset: Int) -> JSONError {
    let hex = String(b, radix: 16, uppercase: true)
    return JSONError(.invalidUTF8, at: offset, "invalid UTF-8 byte 0x" + (hex.count < 2 ? "0" + hex : hex))
}

@usableFromInline @inline(never)
func utf8Truncated(at offset: Int) -> JSONError {
    JSONError(.unexpectedEnd, at: offset, "input ends inside a UTF-8 sequence")
}

/// Validates a whole byte buffer as strict UTF-8 (used by tests and tools).
public func isValidStrictUTF8(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { isValidStrictUTF8($0) }
}

/// The same, in place: the replay's fast path checks the strings it reads
/// without the JSON scanner.
public func isValidStrictUTF8(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = buf.baseAddress else { return true }
    var i = 0
    while i < buf.count {
        if base[i] < 0x80 { i += 1; continue }
        do { i = try validateUTF8Sequence(base, at: i, count: buf.count) } catch { return false }
    }
    return true
}
