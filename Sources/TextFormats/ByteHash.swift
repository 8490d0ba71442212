/// A multiply–xorshift hash over 8-byte words, for the project's own hash
/// tables keyed by short texts (ids, names).
///
/// Why not `Hasher`: it runs SipHash, several times the work for a short
/// key, and the tables keep each key's hash anyway (joining two tables, or
/// growing one, never hashes a key again). The seed lets a table whose keys
/// come from users draw a fresh one per process. It is not a keyed
/// cryptographic hash: keys made to collide are harder to prepare than
/// with a fixed hash, not impossible.
public enum ByteHash {
    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ seed ^ UInt64(bytes.count)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n { tail |= UInt64(bytes[i]) << shift; shift += 8; i += 1 }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        // murmur3's finalizer: every input bit reaches every bit of the
        // result, the low bits a table takes its slot from included.
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }
}
