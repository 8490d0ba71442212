/// A 32-byte SHA-256 digest.
///
/// Stored inline as four big-endian-ordered `UInt64` words so that digests
/// can be compared, hashed and kept in dictionaries (the log verifier keeps
/// one per entry) without any heap allocation.
public struct SHA256Digest: Hashable, Sendable, CustomStringConvertible {
    /// Bytes 0..<8, 8..<16, 16..<24, 24..<32 of the digest, each read as a
    /// big-endian integer (so byte 0 is the most significant byte of `w0`).
    @usableFromInline var w0: UInt64
    @usableFromInline var w1: UInt64
    @usableFromInline var w2: UInt64
    @usableFromInline var w3: UInt64

    /// The digest whose 32 bytes are all zero (hex: 64 `0`s). Used as the
    /// "previous hash" of the first entry in a chain.
    public static let zero = SHA256Digest(w0: 0, w1: 0, w2: 0, w3: 0)

    init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
        self.w0 = w0
        self.w1 = w1
        self.w2 = w2
        self.w3 = w3
    }

    /// Builds the digest from the final chaining value H0...H7.
    init(words s: SHA256.Words) {
        self.init(
            w0: UInt64(s.0) << 32 | UInt64(s.1),
            w1: UInt64(s.2) << 32 | UInt64(s.3),
            w2: UInt64(s.4) << 32 | UInt64(s.5),
            w3: UInt64(s.6) << 32 | UInt64(s.7)
        )
    }

    /// Creates a digest from exactly 32 bytes; returns `nil` for any other count.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { buf in
            var i = 0
            for byte in bytes {
                buf[i] = byte
                i += 1
            }
        }
        self.init(w0: UInt64(bigEndian: words.0), w1: UInt64(bigEndian: words.1),
                  w2: UInt64(bigEndian: words.2), w3: UInt64(bigEndian: words.3))
    }

    /// Parses 64 hexadecimal digits (either case). Returns `nil` if the
    /// string has any other length or a non-hex character. Accepting only
    /// the exact form keeps log parsing strict.
    /// The hot path (every `prev` of a replayed log): a concrete `String`
    /// walked as contiguous UTF-8, no generic dispatch.
    public init?(hex: String) {
        var h = hex
        guard let v = h.withUTF8({ SHA256Digest(hexBytes: $0) }) else { return nil }
        self = v
    }

    /// Parses 64 hex digits from raw UTF-8 bytes.
    public init?(hexBytes b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 64, let p = b.baseAddress else { return nil }
        // Branch-free per digit: a nibble value, or 0xFF (bad) folded into `bad`.
        @inline(__always) func word(_ o: Int) -> UInt64? {
            var w: UInt64 = 0
            var bad: UInt8 = 0
            for i in o..<(o + 16) {
                let c = p[i]
                let d = c &- 0x30
                let l = (c | 0x20) &- 0x61
                let v: UInt8 = d < 10 ? d : (l < 6 ? l &+ 10 : 0xFF)
                bad |= v & 0xF0
                w = w << 4 | UInt64(v & 0x0F)
            }
            return bad == 0 ? w : nil
        }
        guard let w0 = word(0), let w1 = word(16), let w2 = word(32), let w3 = word(48) else { return nil }
        self.init(w0: w0, w1: w1, w2: w2, w3: w3)
    }

    /// Parses 64 lowercase hex digits already known to be valid (a stored
    /// `prev`, checked by the decoder): eight digits at a time, no branch.
    ///
    /// Why: a reader checks every line's `prev` against the line before, and
    /// the digit-by-digit parse was a tenth of a rebuild.
    @inline(__always)
    public init(validatedLowercaseHex p: UnsafePointer<UInt8>) {
        @inline(__always) func eight(_ o: Int) -> UInt64 {
            UInt64(HexDigits.value(UInt64(littleEndian: UnsafeRawPointer(p + o).loadUnaligned(as: UInt64.self))))
        }
        self.init(w0: eight(0) << 32 | eight(8), w1: eight(16) << 32 | eight(24),
                  w2: eight(32) << 32 | eight(40), w3: eight(48) << 32 | eight(56))
    }

    public init?(hex: some StringProtocol) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var count = 0
        for c in hex.utf8 {
            guard count < 64 else { return nil }
            let v: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = c &- UInt8(ascii: "a") &+ 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = c &- UInt8(ascii: "A") &+ 10
            default: return nil
            }
            let nibble = UInt64(v)
            switch count >> 4 {
            case 0: words.0 = words.0 << 4 | nibble
            case 1: words.1 = words.1 << 4 | nibble
            case 2: words.2 = words.2 << 4 | nibble
            default: words.3 = words.3 << 4 | nibble
            }
            count += 1
        }
        guard count == 64 else { return nil }
        self.init(w0: words.0, w1: words.1, w2: words.2, w3: words.3)
    }

    /// The 32 digest bytes in order.
    public var bytes: [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    /// Calls `body` with the 32 digest bytes in order, without allocating.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var be = (w0.bigEndian, w1.bigEndian, w2.bigEndian, w3.bigEndian)
        return try Swift.withUnsafeBytes(of: &be) { try body($0) }
    }

    /// Lowercase hexadecimal form, always 64 characters (the format written
    /// to the log and printed by `sha256sum`).
    public var hex: String {
        String(unsafeUninitializedCapacity: 64) { out in
            var words = hexWords
            return Swift.withUnsafeBytes(of: &words) { raw in
                for k in 0..<64 { out[k] = raw[k] }
                return 64
            }
        }
    }

    /// Appends the same 64 characters as `hex` to `out`, without making a
    /// string (a line writer appends one per line).
    public func appendHex(to out: inout [UInt8]) {
        var words = hexWords
        Swift.withUnsafeBytes(of: &words) { out.append(contentsOf: $0) }
    }

    /// The 64 hex characters as eight words, in memory order. Why not a
    /// digit at a time: every line written carries one (`prev`), and a
    /// loop of 64 appends cost more than hashing the line.
    private var hexWords: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) {
        (HexDigits.word(UInt32(truncatingIfNeeded: w0 >> 32)), HexDigits.word(UInt32(truncatingIfNeeded: w0)),
         HexDigits.word(UInt32(truncatingIfNeeded: w1 >> 32)), HexDigits.word(UInt32(truncatingIfNeeded: w1)),
         HexDigits.word(UInt32(truncatingIfNeeded: w2 >> 32)), HexDigits.word(UInt32(truncatingIfNeeded: w2)),
         HexDigits.word(UInt32(truncatingIfNeeded: w3 >> 32)), HexDigits.word(UInt32(truncatingIfNeeded: w3)))
    }

    public var description: String { hex }
}

/// Lowercase hexadecimal digits written eight at a time (a digest's `prev`,
/// a new event's id): one word of ASCII for 32 bits, no loop per digit.
public enum HexDigits {
    /// The value of eight lowercase hex digits already known to be valid,
    /// given as the word they make in memory (the first digit the lowest byte).
    @inline(__always)
    public static func value(_ x: UInt64) -> UInt32 {
        // '0'…'9' → 0…9 (bit 6 clear), 'a'…'f' → 1…6 + 9 (bit 6 set).
        var v = (x & 0x0F0F_0F0F_0F0F_0F0F) &+ 9 &* ((x >> 6) & 0x0101_0101_0101_0101)
        v = v.byteSwapped   // the first digit is the most significant
        v = ((v & 0xFF00_FF00_FF00_FF00) >> 4) | (v & 0x00FF_00FF_00FF_00FF)
        v = ((v & 0xFFFF_0000_FFFF_0000) >> 8) | (v & 0x0000_FFFF_0000_FFFF)
        return UInt32(truncatingIfNeeded: ((v & 0xFFFF_FFFF_0000_0000) >> 16) | (v & 0x0000_0000_FFFF_FFFF))
    }

    /// Eight lowercase hex digits of `x`, the most significant first in memory.
    @inline(__always)
    public static func word(_ x: UInt32) -> UInt64 {
        // One nibble per byte, the least significant nibble in the most significant byte.
        var v = UInt64(x)
        v = (v | v << 16) & 0x0000_FFFF_0000_FFFF
        v = (v | v << 8) & 0x00FF_00FF_00FF_00FF
        v = (v | v << 4) & 0x0F0F_0F0F_0F0F_0F0F
        v = v.byteSwapped
        // '0'…'9' for 0…9; a nibble of 10 or more carries into its byte's top bit and takes 'a'…'f'.
        let letters = ((v &+ 0x7676_7676_7676_7676) >> 7) & 0x0101_0101_0101_0101
        return (v &+ 0x3030_3030_3030_3030 &+ letters &* 0x27).littleEndian
    }
}
