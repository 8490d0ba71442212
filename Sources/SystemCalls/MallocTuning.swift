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
}
