#if canImport(Glibc)
import Glibc
#endif

/// Part of a file, mapped read-only from the page cache (`mmap` with
/// `MAP_POPULATE`) for as long as the value lives.
///
/// Why: a snapshot's pieces are megabytes that are read once. Reading a
/// piece into an array spends most of its time faulting in fresh memory
/// for the copy; mapping it copies nothing.
///
/// Only for files that are never changed in place, and only within the
/// file's size when mapped: reading a mapped page past the end of a file
/// that another program cut short raises SIGBUS (see `SnapshotStore`).
public final class MappedRegion: @unchecked Sendable {
    public let bytes: UnsafeRawBufferPointer
    private let base: UnsafeMutableRawPointer?
    private let length: Int

    /// Maps `count` bytes at `offset`; the caller has checked that the
    /// file holds them.
    public init(_ fd: FileDescriptor, offset: Int64, count: Int) throws(Errno) {
        precondition(offset >= 0 && count >= 0)
        guard count > 0 else {
            base = nil
            length = 0
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        let page = Int64(sysconf(Int32(_SC_PAGESIZE)))
        let start = offset / page * page
        let length = Int(offset - start) + count
        guard let p = mmap(nil, length, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd.rawValue, off_t(start)),
              p != UnsafeMutableRawPointer(bitPattern: -1) else {
            throw Errno.current("mmap", path: fd.path)
        }
        base = p
        self.length = length
        bytes = UnsafeRawBufferPointer(start: p + Int(offset - start), count: count)
    }

    deinit {
        if let base { munmap(base, length) }
    }
}
