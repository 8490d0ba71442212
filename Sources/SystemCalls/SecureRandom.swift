#if canImport(Glibc)
import Glibc
#endif

/// The system's secure random bytes (`getentropy`), for new ids.
public enum SecureRandom {
    /// Fills `buffer` from `getentropy`, at most 256 bytes a call (its
    /// limit); returns how many bytes were filled (fewer only where the
    /// call is missing or fails: the caller tops up from another source).
    public static func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
        var filled = 0
        #if canImport(Glibc)
        while filled < buffer.count {
            let n = min(256, buffer.count - filled)
            if getentropy(buffer.baseAddress! + filled, n) != 0 { break }
            filled += n
        }
        #endif
        return filled
    }
}
