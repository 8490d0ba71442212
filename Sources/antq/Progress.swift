import Synchronization
import SystemCalls

/// A one-line progress indicator on stderr for work that takes more than about a
/// second (replaying a large log without a snapshot).
///
/// It draws nothing for the first second, so quick commands stay silent, and
/// nothing at all unless stderr is a terminal, so pipes, files and tests see
/// only the real output. The store reports (done, total) bytes through
/// `DataStore.progress`; the domain and the store know nothing of terminals.
final class Progress: @unchecked Sendable {
    let label: String
    let write: (String) -> Void
    private let lock = Mutex(())
    private let started: UInt64
    private var lastDraw: UInt64 = 0
    private var drawn = false
    /// Quiet period before the first draw, and the shortest interval between draws.
    static let delay: UInt64 = 1_000_000_000
    static let interval: UInt64 = 100_000_000

    init(label: String, write: @escaping (String) -> Void = Terminal.err) {
        self.label = label
        self.write = write
        self.started = Progress.monotonicNanoseconds()
    }

    /// A progress reporter for the store, or nil when stderr is not a terminal.
    static func forTerminal(_ label: String) -> (@Sendable (Int64, Int64) -> Void)? {
        guard Terminal.stderrIsTerminal else { return nil }
        let p = Progress(label: label)
        return { done, total in p.update(done: done, total: total) }
    }

    func update(done: Int64, total: Int64, now: UInt64 = Progress.monotonicNanoseconds()) {
        lock.withLock { _ in draw(done: done, total: total, now: now) }
    }

    private func draw(done: Int64, total: Int64, now: UInt64) {
        if done >= total {
            if drawn { write("\r\u{1B}[K"); drawn = false }
            return
        }
        guard now - started >= Progress.delay, now - lastDraw >= Progress.interval else { return }
        lastDraw = now
        drawn = true
        let pct = total > 0 ? Int(done * 100 / total) : 0
        write("\r\u{1B}[K\(label): \(pct)% (\(Progress.megabytes(done)) of \(Progress.megabytes(total)) MB)")
    }

    static func megabytes(_ n: Int64) -> String {
        let tenths = (n * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func monotonicNanoseconds() -> UInt64 { MonotonicClock.nanoseconds() }
}
