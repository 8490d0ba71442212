/// HMAC-SHA256 (RFC 2104 / FIPS 198-1) with precomputed pad states.
///
/// antq authenticates every log line with the same key, so the keyed
/// `ipad`/`opad` blocks are compressed once in ``init(key:backend:)`` and
/// the resulting chaining values are kept. Each ``authenticate(_:)-(UnsafeRawBufferPointer)``
/// call then costs only the message blocks (plus padding) and one extra
/// compression for the outer hash, and never allocates.
public struct HMACSHA256: Sendable {
    /// Chaining value after compressing `key XOR ipad`.
    private let innerState: SHA256.Words
    /// Chaining value after compressing `key XOR opad`.
    private let outerState: SHA256.Words

    /// The SHA-256 compression function used for every message.
    public let backend: SHA256Backend

    /// Prepares an authenticator for `key` using the preferred backend.
    /// Keys longer than 64 bytes are first hashed, as RFC 2104 requires.
    public init(key: [UInt8]) {
        self.init(key: key, backend: .preferred)
    }

    /// Prepares an authenticator for `key` using a specific backend.
    /// - Precondition: `backend.isAvailable`.
    public init(key: [UInt8], backend: SHA256Backend) {
        precondition(backend.isAvailable, "SHA-256 backend \(backend) is not supported on this CPU")
        self.backend = backend
        var block: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &block) { buf in
            if key.count > 64 {
                SHA256.hash(key, backend: backend).withUnsafeBytes { digest in
                    buf.baseAddress!.copyMemory(from: digest.baseAddress!, byteCount: 32)
                }
            } else {
                key.withUnsafeBytes { k in
                    if k.count > 0 { buf.baseAddress!.copyMemory(from: k.baseAddress!, byteCount: k.count) }
                }
            }
        }
        var inner = SHA256.initialWords
        var outer = SHA256.initialWords
        withUnsafeMutableBytes(of: &block) { buf in
            for i in 0..<64 { buf[i] ^= 0x36 }
            backend.compress(&inner, UnsafeRawPointer(buf.baseAddress!), 1)
            for i in 0..<64 { buf[i] ^= 0x36 ^ 0x5c }
            backend.compress(&outer, UnsafeRawPointer(buf.baseAddress!), 1)
            for i in 0..<64 { buf[i] = 0 }  // don't leave key material on the stack
        }
        self.innerState = inner
        self.outerState = outer
    }

    /// Returns the HMAC-SHA256 tag of `message`. Does not allocate.
    public func authenticate(_ message: UnsafeRawBufferPointer) -> SHA256Digest {
        var inner = innerState
        SHA256.absorbAndFinish(&inner, message, prefixBytes: 64, backend: backend)
        // Outer hash: H((K ^ opad) || innerDigest) -- exactly one more block
        // (32 digest bytes + padding) on top of the precomputed opad state.
        let innerDigest = SHA256Digest(words: inner)
        var outer = outerState
        innerDigest.withUnsafeBytes { digest in
            SHA256.finish(&outer, tail: digest, totalBytes: 64 + 32, backend: backend)
        }
        return SHA256Digest(words: outer)
    }

    /// Returns the HMAC-SHA256 tag of `message`.
    public func authenticate(_ message: [UInt8]) -> SHA256Digest {
        message.withUnsafeBytes { authenticate($0) }
    }

    /// Returns the HMAC-SHA256 tag of the UTF-8 encoding of `message`.
    public func authenticate(_ message: some StringProtocol) -> SHA256Digest {
        if let tag = message.utf8.withContiguousStorageIfAvailable({ authenticate(UnsafeRawBufferPointer($0)) }) {
            return tag
        }
        var copy = String(message)
        return copy.withUTF8 { authenticate(UnsafeRawBufferPointer($0)) }
    }

    /// One-shot HMAC-SHA256 of `message` under `key` (preferred backend).
    /// For many messages under one key, create an `HMACSHA256` once instead.
    public static func authenticate(_ message: UnsafeRawBufferPointer, key: [UInt8]) -> SHA256Digest {
        HMACSHA256(key: key).authenticate(message)
    }

    /// One-shot HMAC-SHA256 of `message` under `key` (preferred backend).
    /// For many messages under one key, create an `HMACSHA256` once instead.
    public static func authenticate(_ message: [UInt8], key: [UInt8]) -> SHA256Digest {
        HMACSHA256(key: key).authenticate(message)
    }
}
