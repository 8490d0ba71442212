#if canImport(Glibc)
import Glibc
#endif

/// Hands out one shared `String` for each distinct byte sequence it is given.
///
/// Why: a file read into memory often holds the same texts many times over
/// (a snapshot of tens of thousands of records whose names mostly repeat).
/// Making a new `String` for each is a heap allocation and a UTF-8 check
/// per text; with the interner each distinct text is checked and allocated
/// once, and the copies share its storage.
///
/// The table is keyed by bytes, so a text already seen costs a hash and a
/// comparison, not a `String`.
public struct TextInterner {
    private var strings: [String] = []
    /// The bytes of every string, one after another (`ends[i]` closes string `i`).
    private var arena: [UInt8] = []
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// Open addressing, linear probing: an index into `strings`, or -1.
    private var slots: [Int32]
    private var mask: Int

    public init() {
        slots = Array(repeating: -1, count: 256)
        mask = 255
    }

    /// Distinct texts held.
    public var count: Int { strings.count }

    /// The shared string for `bytes`. The first time a byte sequence is
    /// seen, `make` turns it into a string (or refuses it with nil, say for
    /// invalid UTF-8: then nothing is kept and nil is returned).
    public mutating func string(_ bytes: UnsafeRawBufferPointer, make: (UnsafeRawBufferPointer) -> String?) -> String? {
        let h = TextInterner.hash(bytes)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = Int(slots[i])
            if s < 0 { break }
            if hashes[s] == h && matches(s, bytes) { return strings[s] }
            i = (i + 1) & mask
        }
        guard let made = make(bytes) else { return nil }
        slots[i] = Int32(strings.count)
        strings.append(made)
        hashes.append(h)
        arena.append(contentsOf: bytes)
        ends.append(arena.count)
        if strings.count * 2 > slots.count { grow() }
        return made
    }

    private func matches(_ s: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let start = s == 0 ? 0 : ends[s - 1]
        guard ends[s] - start == bytes.count else { return false }
        return arena.withUnsafeBytes { a in
            bytes.count == 0 || memcmp(a.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
        }
    }

    private mutating func grow() {
        (slots, mask) = OpenAddressing.slots(for: hashes, capacity: slots.count * 2)
    }

    /// Filled from antq's own snapshots: spread is all it needs (`ByteHash`, unseeded).
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 { ByteHash.hash(bytes, seed: 0) }
}
