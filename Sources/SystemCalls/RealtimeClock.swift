#if canImport(Glibc)
import Glibc
#endif

/// The wall clock (`clock_gettime(CLOCK_REALTIME)`): the one place antq asks the system for the time.
public enum RealtimeClock {
    public static func microsecondsSinceEpoch() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1_000
    }
}
