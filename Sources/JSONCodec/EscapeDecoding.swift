/// Decoding of already-validated string content (escapes → UTF-8 bytes).
///
/// Validation happens once, in `JSONScanner.scanString`; these helpers then decode
/// without re-checking, so they must only be given ranges the scanner accepted.

/// Calls `emit` with each decoded UTF-8 byte of the raw string content `base[start..<end]`.
/// Stops early (returning false) if `emit` returns false — lets key comparison bail out
/// on the first mismatch without allocating.
@inlinable
func forEachDecodedByte(base: UnsafePointer<UInt8>, start: Int, end: Int, _ emit: (UInt8) -> Bool) -> Bool {
    var i = start
    while i < end {
        let b = base[i]
        if b != 0x5C {
            if !emit(b) { return false }
            i += 1
            continue
        }
        let e = base[i + 1]
        var out: UInt8
        switch e {
        case UInt8(ascii: "b"): out = 0x08
        case UInt8(ascii: "f"): out = 0x0C
        case UInt8(ascii: "n"): out = 0x0A
        case UInt8(ascii: "r"): out = 0x0D
        case UInt8(ascii: "t"): out = 0x09
        case UInt8(ascii: "u"):
            var scalar = rawHex4(base + i + 2)
            i += 6
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                let low = rawHex4(base + i + 2)
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                i += 6
            }
            for byte in UTF8.encode(Unicode.Scalar(scalar)!)! {
                if !emit(byte) { return false }
            }
            continue
        default: out = e  // '"', '\\', '/'
        }
        if !emit(out) { return false }
        i += 2
    }
    return true
}

@inlinable @inline(__always)
func rawHex4(_ p: UnsafePointer<UInt8>) -> UInt32 {
    var v: UInt32 = 0
    for k in 0..<4 { v = v << 4 | (hexValue(p[k]) ?? 0) }
    return v
}

/// Builds a String from validated raw content with escapes. Decoded text is never longer
/// than its escaped form, so the raw length is a safe capacity.
@usableFromInline
func decodeEscapedString(base: UnsafePointer<UInt8>, start: Int, end: Int) -> String {
    String(unsafeUninitializedCapacity: end - start) { buffer in
        var n = 0
        _ = forEachDecodedByte(base: base, start: start, end: end) { b in
            buffer[n] = b
            n += 1
            return true
        }
        return n
    }
}

/// Decoded UTF-8 bytes of validated raw content (used for duplicate-key detection).
@usableFromInline
func decodeEscapedBytes(base: UnsafePointer<UInt8>, start: Int, end: Int) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(end - start)
    _ = forEachDecodedByte(base: base, start: start, end: end) { out.append($0); return true }
    return out
}
