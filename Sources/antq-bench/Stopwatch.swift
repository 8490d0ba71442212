import SystemCalls

/// A stopwatch for the bench's own (untimed-in-the-table) steps.
struct Stopwatch {
    private var start = Stopwatch.now()

    static func now() -> Double {
        Double(MonotonicClock.nanoseconds()) / 1e9
    }

    /// Seconds since the start or the previous lap.
    mutating func lap() -> Double {
        let n = Stopwatch.now()
        defer { start = n }
        return n - start
    }
}
