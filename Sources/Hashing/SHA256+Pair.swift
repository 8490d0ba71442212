import CSHA256

extension SHA256 {
    /// The SHA-256 digests of two messages at once.
    ///
    /// Why: a reader checking the hash chain hashes every line of the log.
    /// On the SHA extensions each round of one message waits for the one
    /// before; interleaving two independent messages fills those waits (see
    /// `sha256_ni_x2.c`). Without the extensions it is two `hash` calls.
    public static func hashPair(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer,
                                backend: SHA256Backend = .preferred) -> (SHA256Digest, SHA256Digest) {
        guard backend == .hardware, let pa = a.baseAddress, let pb = b.baseAddress else {
            return (hash(a, backend: backend), hash(b, backend: backend))
        }
        var out: (SHA256Digest, SHA256Digest) = (.zero, .zero)
        withUnsafeMutableBytes(of: &out.0) { da in
            withUnsafeMutableBytes(of: &out.1) { db in
                csha256_hw_hash2(pa.assumingMemoryBound(to: UInt8.self), a.count, pb.assumingMemoryBound(to: UInt8.self), b.count,
                                 da.baseAddress!.assumingMemoryBound(to: UInt8.self), db.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
        // The C side wrote the digests' bytes in order; the words are big-endian reads of them.
        return (SHA256Digest(bigEndianWordsOf: out.0), SHA256Digest(bigEndianWordsOf: out.1))
    }
}

extension SHA256Digest {
    /// The digest whose 32 bytes were written over `raw`'s storage in order.
    init(bigEndianWordsOf raw: SHA256Digest) {
        self.init(w0: UInt64(bigEndian: raw.w0), w1: UInt64(bigEndian: raw.w1), w2: UInt64(bigEndian: raw.w2), w3: UInt64(bigEndian: raw.w3))
    }
}
