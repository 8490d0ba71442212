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

    /// Backs malloc's heaps with transparent huge pages from now on: the
    /// calling thread's heap at once (in antq, the main thread's), and each
    /// other thread's heap when that thread calls
    /// `adviseHugePagesForThisThread()`.
    ///
    /// Why: a summary on a snapshot builds tens of thousands of models in
    /// fresh memory on every core, and each 4 KB page of it costs a page
    /// fault; a 2 MB page costs one fault for 512 of them, so a command that
    /// builds a large state spends much less time in the kernel. glibc's
    /// `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` advises its heaps in the same
    /// way, but tunables are read only when a process starts.
    ///
    /// It also keeps allocations under 32 MB in the heaps (`M_MMAP_THRESHOLD`,
    /// by default 128 KB and growing: a larger block got a mapping of its own,
    /// which this advice would not cover) and grows the heaps 64 MB at a time
    /// (`M_TOP_PAD`); glibc's tunable changes neither. Memory is taken 2 MB at
    /// a time where it is touched: a command's peak RSS grows by a few MB.
    /// What the main heap gets beyond its first 64 MB is not advised (the
    /// kernel keeps it apart from the advised part). With the kernel's
    /// default `defrag` setting, a fault in advised memory may compact memory
    /// to find a huge page: on a host short of free memory a command can
    /// wait for that. Where the kernel offers no huge pages
    /// (`/sys/kernel/mm/transparent_hugepage/enabled` is not `[always]` or
    /// `[madvise]`), nothing is changed.
    ///
    /// For commands that build a large state: one `append` stays as it is.
    public static func enableHugePages() {
        state.withLock { s in
            guard !s.enabled, kernelOffersHugePages() else { return }
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
    /// `enableHugePages()` took effect (otherwise does nothing). For the
    /// worker threads that decode a snapshot's pieces or a log's lines.
    public static func adviseHugePagesForThisThread() {
        state.withLock { s in
            if s.enabled { s.advise() }
        }
    }

    /// Whether the kernel would take the advice at all.
    static func kernelOffersHugePages() -> Bool {
        guard let fd = try? FileDescriptor.open("/sys/kernel/mm/transparent_hugepage/enabled", .readOnly) else { return false }
        defer { try? fd.close() }
        guard let bytes = try? fd.readAll(fromAbsoluteOffset: 0, count: 256) else { return false }
        let setting = String(decoding: bytes, as: UTF8.self)
        return setting.contains("[always]") || setting.contains("[madvise]")
    }

    private static let state = LockedState()

    struct State {
        var enabled = false
        var grownBy: UInt = 0
        /// Heaps advised, by a key of the 64 MB span they start in. The key
        /// only saves reading the map again; what is advised is the mapping
        /// the map shows.
        var advised: Set<UInt> = []

        /// Advises the mapping that holds a block of the calling thread's
        /// heap. The probe is larger than glibc's per-thread cache holds
        /// (1 KB), so it comes from this thread's own arena, not from a
        /// block another thread freed here.
        mutating func advise() {
            guard let p = malloc(4096) else { return }
            defer { free(p) }
            let address = UInt(bitPattern: p)
            let key = address >> 26
            guard !advised.contains(key) else { return }
            guard let map = try? MemoryMap.current(), let extent = map.heapExtent(around: address) else { return }
            let huge: UInt = 2 << 20
            let start = (extent.lowerBound + huge - 1) & ~(huge - 1)
            let end = extent.upperBound & ~(huge - 1)
            guard end > start, let base = UnsafeMutableRawPointer(bitPattern: start),
                  madvise(base, Int(end - start), 14 /* MADV_HUGEPAGE */) == 0 else { return }
            advised.insert(key)
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
