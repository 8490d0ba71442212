#if canImport(Glibc)
import Glibc
#endif

/// glibc's `mallopt`, which Swift's Glibc module does not import (it lives
/// in <malloc.h>).
@_silgen_name("mallopt")
private func c_mallopt(_ parameter: Int32, _ value: Int32) -> Int32

/// Tuning of glibc's allocator for a short-lived command.
public enum MallocTuning {
    /// Makes every heap grow by at least `bytes` beyond what a request needs
    /// (`M_TOP_PAD`). Why: threads that allocate a lot at once (decoding a
    /// snapshot on every core) otherwise grow their arena a little at a time,
    /// one `mprotect` each. Pages not yet touched cost no memory.
    /// Returns false if the allocator refused.
    @discardableResult
    public static func growHeaps(by bytes: Int32) -> Bool {
        c_mallopt(-2 /* M_TOP_PAD */, bytes) == 1
    }

    /// Backs malloc's heaps with transparent huge pages from now on: the main
    /// heap at once, and each other thread's heap when that thread calls
    /// `adviseHugePagesForThisThread()`.
    ///
    /// Why: a summary on a snapshot builds twenty thousand models in fresh
    /// memory on two cores, and faulting it in 4 KB at a time (3,300 page
    /// faults) was a third of its CPU time. With 2 MB pages it takes about
    /// 1,000 faults, and the summary 15% less time. glibc does the same with
    /// `GLIBC_TUNABLES=glibc.malloc.hugetlb=1`, but tunables are read only
    /// when a process starts.
    ///
    /// It also keeps allocations under 32 MB in the heaps (`M_MMAP_THRESHOLD`,
    /// by default 128 KB and growing: a larger block got a mapping of its own,
    /// which this advice would not cover) and grows the main heap 64 MB at a
    /// time (`M_TOP_PAD`). Memory is taken 2 MB at a time where it is touched:
    /// a command's peak RSS grows by a few MB. Where the kernel offers no
    /// huge pages (`/sys/kernel/mm/transparent_hugepage/enabled` is `never`),
    /// the advice changes nothing.
    ///
    /// For commands that build a large state: one `append` stays as it is.
    public static func enableHugePages() {
        state.withLock { s in
            guard !s.enabled else { return }
            s.enabled = true
            _ = c_mallopt(-3 /* M_MMAP_THRESHOLD */, 32 << 20)
            _ = c_mallopt(-2 /* M_TOP_PAD */, 64 << 20)
            // A block larger than what is left of the heap makes it grow by
            // the pad now, so that the advice covers the memory to come.
            // (Its address is kept: a malloc and free with nothing in
            // between is taken out by the optimiser.)
            if let p = malloc(1 << 20) {
                s.grownBy = UInt(bitPattern: p)
                free(p)
            }
            s.advise()
        }
    }

    /// Advises the heap of the calling thread, once per heap, if
    /// `enableHugePages()` was called (otherwise does nothing). For the
    /// worker threads that decode a snapshot's pieces or a log's lines.
    public static func adviseHugePagesForThisThread() {
        state.withLock { s in
            if s.enabled { s.advise() }
        }
    }

    /// Whether the heap of the calling thread has been advised (for tests).
    public static var isThisThreadsHeapAdvised: Bool {
        state.withLock { s in s.advised.contains(State.heapKey()) }
    }

    private static let state = LockedState()

    struct State {
        var enabled = false
        var grownBy: UInt = 0
        /// Heaps advised, by a key of the 64 MB span they start in. The key
        /// only saves reading the map again; what is advised is the mapping
        /// the map shows.
        var advised: Set<UInt> = []

        static func heapKey() -> UInt {
            guard let p = malloc(64) else { return 0 }
            defer { free(p) }
            return UInt(bitPattern: p) >> 26
        }

        mutating func advise() {
            guard let p = malloc(64) else { return }
            defer { free(p) }
            let address = UInt(bitPattern: p)
            let key = address >> 26
            guard !advised.contains(key) else { return }
            advised.insert(key)
            guard let map = try? MemoryMap.current(), let extent = map.heapExtent(around: address) else { return }
            let huge: UInt = 2 << 20
            let start = (extent.lowerBound + huge - 1) & ~(huge - 1)
            let end = extent.upperBound & ~(huge - 1)
            guard end > start, let base = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(base, Int(end - start), 14 /* MADV_HUGEPAGE */)
        }
    }

    /// `State` behind a mutex: worker threads advise their heaps concurrently.
    private final class LockedState: @unchecked Sendable {
        private var value = State()
        private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

        init() { pthread_mutex_init(mutex, nil) }

        func withLock<R>(_ body: (inout State) -> R) -> R {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return body(&value)
        }
    }
}
