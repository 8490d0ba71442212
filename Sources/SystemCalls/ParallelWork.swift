import Dispatch

/// The worker pool every parallel loop of antq runs on (decoding a log's
/// blocks, a snapshot's pieces): `DispatchQueue.concurrentPerform`, with the
/// process's per-thread tuning applied on each worker — so the code that
/// splits the work never deals with allocators or pages.
public enum ParallelWork {
    public static func perform(iterations: Int, _ work: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: iterations) { i in
            MallocTuning.adviseHugePagesForThisThread()
            work(i)
        }
    }
}

/// Whether the process reports where its time goes (`ANTQ_PROFILE`), set
/// once by the command line's tuning policy; the store only asks.
public enum Profiling {
    nonisolated(unsafe) public private(set) static var isOn = false

    /// Called once, at start-up, before any other thread runs.
    public static func enable() { isOn = true }

    /// Writes one line of profile to standard error (only when on).
    public static func report(_ line: String) {
        guard isOn else { return }
        try? FileDescriptor(rawValue: 2, path: "stderr").writeAll(Array(("profile: " + line + "\n").utf8))
    }
}
