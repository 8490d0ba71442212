/// The bytes of a snapshot piece: unsigned LEB128 integers, zigzag for
/// signed ones, and strings interned per piece (the first time a string
/// comes it is written whole, afterwards by its number): a national log's
/// models repeat a few hundred names and reasons tens of thousands of times.
struct ByteWriter {
    var bytes: [UInt8] = []
    private var strings: [String: Int] = [:]

    init(reserving n: Int = 4096) { bytes.reserveCapacity(n) }

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func uint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int(_ v: Int64) { uint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }
    mutating func int(_ v: Int) { int(Int64(v)) }

    mutating func int128(_ v: Int128) {
        let z = UInt128(bitPattern: (v << 1) ^ (v >> 127))
        uint(UInt64(truncatingIfNeeded: z))
        uint(UInt64(truncatingIfNeeded: z >> 64))
    }

    mutating func bool(_ b: Bool) { bytes.append(b ? 1 : 0) }

    mutating func string(_ s: String) {
        if let n = strings[s] {
            uint(UInt64(n + 1))
            return
        }
        strings[s] = strings.count
        uint(0)
        let u = Array(s.utf8)
        uint(UInt64(u.count))
        bytes.append(contentsOf: u)
    }

    mutating func optionalString(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }

    mutating func blob(_ b: [UInt8]) {
        uint(UInt64(b.count))
        bytes.append(contentsOf: b)
    }
}

/// Reads what `ByteWriter` wrote; any inconsistency throws (the snapshot
/// is then refused and the log replayed instead).
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var pos = 0
    private var strings: [String] = []

    struct Malformed: Error, CustomStringConvertible {
        var description: String { "malformed snapshot piece" }
    }

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { pos >= bytes.count }

    mutating func byte() throws(Malformed) -> UInt8 {
        guard pos < bytes.count else { throw Malformed() }
        defer { pos += 1 }
        return bytes[pos]
    }

    /// A LEB128 number. Most are under 128 (slots, counts, string
    /// references, day deltas), so that byte is read here, inline; longer
    /// ones go through the loop.
    @inline(__always)
    mutating func uint() throws(Malformed) -> UInt64 {
        if pos < bytes.count {
            let b = bytes[pos]
            if b < 0x80 {
                pos += 1
                return UInt64(b)
            }
        }
        return try longUInt()
    }

    private mutating func longUInt() throws(Malformed) -> UInt64 {
        var v: UInt64 = 0, shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw Malformed() }
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
    }

    mutating func int() throws(Malformed) -> Int64 {
        let z = try uint()
        return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
    }

    mutating func count() throws(Malformed) -> Int {
        let n = try uint()
        guard n <= UInt64(bytes.count - pos) + 1 << 20 else { throw Malformed() }
        return Int(n)
    }

    mutating func int128() throws(Malformed) -> Int128 {
        let lo = try uint(), hi = try uint()
        let z = UInt128(lo) | UInt128(hi) << 64
        return Int128(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
    }

    mutating func bool() throws(Malformed) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    mutating func string() throws(Malformed) -> String {
        let n = try uint()
        if n > 0 {
            guard n <= UInt64(strings.count) else { throw Malformed() }
            return strings[Int(n - 1)]
        }
        let b = try blobBytes()
        let s = String(decoding: b, as: UTF8.self)
        strings.append(s)
        return s
    }

    mutating func optionalString() throws(Malformed) -> String? {
        try bool() ? try string() : nil
    }

    mutating func blobBytes() throws(Malformed) -> UnsafeRawBufferPointer {
        let n = try count()
        guard n <= bytes.count - pos else { throw Malformed() }
        defer { pos += n }
        return UnsafeRawBufferPointer(rebasing: bytes[pos..<(pos + n)])
    }
}
