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

    /// Sleeps for at least `nanoseconds` (`nanosleep`, which measures the
    /// interval on this clock). A signal that interrupts the sleep does not
    /// shorten it: it resumes for the time left. For a caller that acts at a
    /// chosen instant (the torture harness's kill of a running child).
    public static func sleep(nanoseconds: UInt64) {
        guard nanoseconds > 0 else { return }
        var request = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var left = timespec()
        while nanosleep(&request, &left) == -1 && errno == EINTR { request = left }
    }
}
