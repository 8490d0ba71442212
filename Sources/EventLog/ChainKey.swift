import Hashing

/// How `prev` links a line to the one before it. Plain mode uses SHA-256,
/// which anyone can recompute; keyed mode uses HMAC-SHA256 so that only a
/// holder of the key can produce a log that verifies after an edit.
public enum ChainKey: Sendable {
    case plain
    case keyed(HMACSHA256)

    /// The link value for a line (its bytes without the newline).
    @inlinable
    public func link(for line: UnsafeRawBufferPointer) -> SHA256Digest {
        switch self {
        case .plain: return SHA256.hash(line)
        case .keyed(let mac): return mac.authenticate(line)
        }
    }

    public var isKeyed: Bool {
        if case .keyed = self { return true }
        return false
    }
}
