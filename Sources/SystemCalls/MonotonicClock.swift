#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A clock that only moves forward (`clock_gettime(CLOCK_MONOTONIC)`), for
/// measuring how long something has taken: the wall clock (`RealtimeClock`)
/// can be set back or forward while a command runs.
public enum MonotonicClock {
    /// Nanoseconds since an unspecified start (boot, on Linux): meaningful
    /// only as the difference between two readings in one process.
    public static func nanoseconds() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }
}
