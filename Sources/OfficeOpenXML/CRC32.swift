/// CRC-32 as ZIP uses it (IEEE 802.3: reflected polynomial 0xEDB88320, initial
/// value and final XOR 0xFFFFFFFF), the same function as zlib's `crc32`.
///
/// Every ZIP entry carries the CRC of its uncompressed bytes, and readers
/// (Excel, LibreOffice, `unzip -t`, Python's `zipfile`) reject or "repair" a
/// file whose CRC does not match. antq builds without packages and without
/// Foundation, so the checksum is computed here.
///
/// Table-driven, one byte at a time: the workbooks antq writes are small next to
/// the cost of building their XML, so the simplest correct form is used.
public struct CRC32: Sendable, Equatable {
    /// The running register, before the final XOR.
    private var register: UInt32 = 0xFFFF_FFFF

    public init() {}

    /// The checksum of everything passed to ``update(_:)`` so far.
    public var value: UInt32 { register ^ 0xFFFF_FFFF }

    /// Feeds more bytes; feeding a message in pieces gives the same value as
    /// feeding it whole, so an archive can checksum parts as it writes them.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        var r = register
        CRC32.table.withUnsafeBufferPointer { table in
            for byte in bytes {
                r = table[Int((r ^ UInt32(byte)) & 0xFF)] ^ (r >> 8)
            }
        }
        register = r
    }

    /// The checksum of `bytes` in one call.
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }

    /// `table[n]` is the register after shifting the byte `n` through eight
    /// rounds of the reflected polynomial.
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 {
            c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1
        }
        return c
    }
}
