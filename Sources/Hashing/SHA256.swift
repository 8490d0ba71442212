/// Streaming SHA-256 (FIPS 180-4).
///
/// antq chains and verifies log entries with SHA-256, hashing every line
/// separately, so this type is tuned for many short messages: the one-shot
/// ``hash(_:)-swift.type.method`` functions never allocate, the partial block
/// lives inline in the struct, and full blocks are compressed straight from
/// the caller's memory. The compression function comes from a
/// ``SHA256Backend``; by default the fastest one available
/// (``SHA256Backend/preferred``).
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update(header)
/// hasher.update(payload)
/// let digest = hasher.finalize()
/// ```
public struct SHA256: Sendable {
    /// The eight 32-bit chaining words H0...H7.
    typealias Words = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    /// Initial hash value H(0), FIPS 180-4 section 5.3.3.
    static let initialWords: Words = (
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
    )

    /// Size of one SHA-256 message block in bytes.
    public static let blockSize = 64
    /// Size of a SHA-256 digest in bytes.
    public static let digestSize = 32

    /// Backends usable on this machine, fastest first (always contains
    /// ``SHA256Backend/portable``). Tests iterate over it to check every
    /// backend against every other.
    public static var availableBackends: [SHA256Backend] { SHA256Backend.available }

    private var state: Words
    /// Pending bytes of an incomplete block; 64 bytes stored inline so the
    /// hasher never touches the heap.
    private var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
    private var bufferCount: Int
    /// Total number of message bytes absorbed so far (including any prefix
    /// already folded into `state`).
    private var byteCount: UInt64

    /// The compression function this hasher uses.
    public let backend: SHA256Backend

    /// Creates a hasher using the fastest backend available on this machine.
    public init() {
        self.init(midstate: SHA256.initialWords, byteCount: 0, backend: .preferred)
    }

    /// Creates a hasher using a specific backend.
    ///
    /// Intended for tests and benchmarks that compare backends.
    /// - Precondition: `backend.isAvailable`.
    public init(backend: SHA256Backend) {
        precondition(backend.isAvailable, "SHA-256 backend \(backend) is not supported on this CPU")
        self.init(midstate: SHA256.initialWords, byteCount: 0, backend: backend)
    }

    /// Resumes from a chaining value that already absorbed `byteCount` bytes
    /// (a multiple of 64). Used by HMAC to start from precomputed pad states.
    init(midstate: Words, byteCount: UInt64, backend: SHA256Backend) {
        self.state = midstate
        self.buffer = (0, 0, 0, 0, 0, 0, 0, 0)
        self.bufferCount = 0
        self.byteCount = byteCount
        self.backend = backend
    }

    // MARK: Streaming

    /// Absorbs the bytes in `bytes`.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var p = bytes.baseAddress, bytes.count > 0 else { return }
        var n = bytes.count
        byteCount &+= UInt64(n)
        let backend = self.backend

        if bufferCount > 0 {
            let take = Swift.min(64 - bufferCount, n)
            let offset = bufferCount
            withUnsafeMutableBytes(of: &buffer) { buf in
                (buf.baseAddress! + offset).copyMemory(from: p, byteCount: take)
            }
            bufferCount += take
            p += take
            n -= take
            if bufferCount < 64 { return }
            var st = state
            withUnsafeBytes(of: &buffer) { buf in
                backend.compress(&st, buf.baseAddress!, 1)
            }
            state = st
            bufferCount = 0
        }

        let fullBlocks = n / 64
        if fullBlocks > 0 {
            backend.compress(&state, p, fullBlocks)
            p += fullBlocks * 64
            n -= fullBlocks * 64
        }
        if n > 0 {
            withUnsafeMutableBytes(of: &buffer) { buf in
                buf.baseAddress!.copyMemory(from: p, byteCount: n)
            }
            bufferCount = n
        }
    }

    /// Absorbs the bytes of an array.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Absorbs the bytes of an array slice.
    public mutating func update(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Absorbs the UTF-8 encoding of a string.
    public mutating func update(_ string: some StringProtocol) {
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done != nil { return }
        var copy = String(string)
        copy.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// Absorbs any collection of bytes (for example `Data` or a
    /// `Substring.UTF8View`). Contiguous collections are hashed in place;
    /// others are copied through a small stack buffer.
    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done != nil { return }
        var chunk: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &chunk) { buf in
            var i = 0
            for byte in bytes {
                buf[i] = byte
                i += 1
                if i == buf.count {
                    update(UnsafeRawBufferPointer(buf))
                    i = 0
                }
            }
            if i > 0 { update(UnsafeRawBufferPointer(rebasing: buf[..<i])) }
        }
    }

    /// Applies the FIPS 180-4 padding and returns the digest of everything
    /// absorbed so far.
    ///
    /// Afterwards the hasher is reset to the empty-message state (same
    /// backend), so it can be reused for the next message.
    public mutating func finalize() -> SHA256Digest {
        var st = state
        let count = bufferCount
        let total = byteCount
        let backend = self.backend
        withUnsafeBytes(of: &buffer) { buf in
            SHA256.finish(&st, tail: UnsafeRawBufferPointer(rebasing: buf[..<count]), totalBytes: total, backend: backend)
        }
        self = SHA256(midstate: SHA256.initialWords, byteCount: 0, backend: backend)
        return SHA256Digest(words: st)
    }

    // MARK: One-shot

    /// Returns the SHA-256 digest of `bytes` using the preferred backend.
    /// Does not allocate.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest {
        hash(bytes, backend: .preferred)
    }

    /// Returns the SHA-256 digest of `bytes` using the preferred backend.
    /// Does not allocate.
    public static func hash(_ bytes: [UInt8]) -> SHA256Digest {
        bytes.withUnsafeBytes { hash($0, backend: .preferred) }
    }

    /// Returns the SHA-256 digest of the UTF-8 encoding of `string`.
    public static func hash(_ string: some StringProtocol) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update(string)
        return hasher.finalize()
    }

    /// Returns the SHA-256 digest of `bytes` computed with `backend`.
    /// - Precondition: `backend.isAvailable`.
    public static func hash(_ bytes: UnsafeRawBufferPointer, backend: SHA256Backend) -> SHA256Digest {
        precondition(backend.isAvailable, "SHA-256 backend \(backend) is not supported on this CPU")
        var st = initialWords
        absorbAndFinish(&st, bytes, prefixBytes: 0, backend: backend)
        return SHA256Digest(words: st)
    }

    /// Returns the SHA-256 digest of `bytes` computed with `backend`.
    /// - Precondition: `backend.isAvailable`.
    public static func hash(_ bytes: [UInt8], backend: SHA256Backend) -> SHA256Digest {
        bytes.withUnsafeBytes { hash($0, backend: backend) }
    }

    // MARK: Internals shared with HMAC

    /// Compresses all full blocks of `bytes` directly from the caller's
    /// memory, then pads the remainder. `prefixBytes` is the number of bytes
    /// already folded into `state` (64 for HMAC's inner/outer states).
    @inline(__always)
    static func absorbAndFinish(
        _ state: inout Words, _ bytes: UnsafeRawBufferPointer, prefixBytes: UInt64, backend: SHA256Backend
    ) {
        let n = bytes.count
        let fullBlocks = n / 64
        if fullBlocks > 0 {
            backend.compress(&state, bytes.baseAddress!, fullBlocks)
        }
        let tail = UnsafeRawBufferPointer(rebasing: bytes[(fullBlocks * 64)...])
        finish(&state, tail: tail, totalBytes: prefixBytes &+ UInt64(n), backend: backend)
    }

    /// Pads the final partial block `tail` (< 64 bytes) of a message of
    /// `totalBytes` bytes and compresses the one or two resulting blocks.
    /// Uses a 128-byte stack buffer; no heap allocation.
    static func finish(_ state: inout Words, tail: UnsafeRawBufferPointer, totalBytes: UInt64, backend: SHA256Backend) {
        var pad: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                  UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let count = tail.count
        withUnsafeMutableBytes(of: &pad) { buf in
            let base = buf.baseAddress!
            if count > 0 {
                base.copyMemory(from: tail.baseAddress!, byteCount: count)
            }
            base.storeBytes(of: 0x80, toByteOffset: count, as: UInt8.self)
            let blocks = count < 56 ? 1 : 2
            base.storeBytes(of: (totalBytes &* 8).bigEndian, toByteOffset: blocks * 64 - 8, as: UInt64.self)
            backend.compress(&state, UnsafeRawPointer(base), blocks)
        }
    }
}
