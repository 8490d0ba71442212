#if canImport(Glibc)
import Glibc
#endif

/// Finding a byte in memory (`memchr`, vectorised by the C library): how
/// every reader finds its line ends.
public enum ByteSearch {
    /// The index (from `base`) of the first `byte` in `from..<to`, or nil.
    @inline(__always)
    public static func first(_ byte: UInt8, in base: UnsafeRawPointer, from: Int, to: Int) -> Int? {
        guard from < to, let p = memchr(base + from, Int32(byte), to - from) else { return nil }
        return base.distance(to: UnsafeRawPointer(p))
    }
}
