#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file: a thin typed wrapper around a C file descriptor, in the
/// manner of swift-system's `FileDescriptor`, with the calls a durable
/// append-only log needs (`fsync`, `flock`, `ftruncate`) that swift-system
/// does not offer on Linux. Every call retries on `EINTR` and throws `Errno`.
public struct FileDescriptor: Sendable, Hashable {
    public let rawValue: Int32
    /// The path it was opened from, kept for error messages.
    public let path: String

    public init(rawValue: Int32, path: String) {
        self.rawValue = rawValue
        self.path = path
    }

    public struct OpenOptions: OptionSet, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        public static let readOnly = OpenOptions([])
        public static let writeOnly = OpenOptions(rawValue: O_WRONLY)
        public static let readWrite = OpenOptions(rawValue: O_RDWR)
        public static let create = OpenOptions(rawValue: O_CREAT)
        public static let exclusive = OpenOptions(rawValue: O_EXCL)
        public static let append = OpenOptions(rawValue: O_APPEND)
        public static let truncate = OpenOptions(rawValue: O_TRUNC)
        public static let directory = OpenOptions(rawValue: O_DIRECTORY)
    }

    /// Opens `path`. New files get `permissions` (default 0o600: police
    /// records are not for other accounts on the machine). The corresponding
    /// C function is `open`; `O_CLOEXEC` is always added.
    public static func open(_ path: String, _ options: OpenOptions, permissions: mode_t = 0o600) throws(Errno) -> FileDescriptor {
        let fd = try retryingOnInterrupt("open", path: path) {
            Glibc.open(path, options.rawValue | O_CLOEXEC, permissions)
        }
        return FileDescriptor(rawValue: fd, path: path)
    }

    /// The corresponding C function is `close`. `EINTR` is not retried
    /// (on Linux the descriptor is already released).
    public func close() throws(Errno) {
        if Glibc.close(rawValue) == -1 && errno != EINTR {
            throw Errno.current("close", path: path)
        }
    }

    /// Reads up to `buffer.count` bytes at the current position; 0 at end of file.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int {
        try retryingOnInterrupt("read", path: path) { Glibc.read(rawValue, buffer.baseAddress, buffer.count) }
    }

    /// Reads up to `buffer.count` bytes at `offset` without moving the position (`pread`).
    public func read(fromAbsoluteOffset offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int {
        try retryingOnInterrupt("pread", path: path) { Glibc.pread(rawValue, buffer.baseAddress, buffer.count, off_t(offset)) }
    }

    /// Reads exactly `count` bytes at `offset`, or fewer only at end of file.
    /// The array is filled by the reads alone, not zeroed first: for a
    /// piece of a snapshot (megabytes) that was a second pass over memory
    /// touched for the first time.
    public func readAll(fromAbsoluteOffset offset: Int64, count: Int) throws(Errno) -> [UInt8] {
        var failure: Errno?
        let out = [UInt8](unsafeUninitializedCapacity: count) { buf, initialized in
            var done = 0
            while done < count {
                let n: Int
                do throws(Errno) { n = try read(fromAbsoluteOffset: offset + Int64(done), into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buf[done...]))) } catch {
                    failure = error
                    break
                }
                if n == 0 { break }
                done += n
            }
            initialized = done
        }
        if let failure { throw failure }
        return out
    }

    /// Writes every byte, looping over short writes: a partial write is
    /// never reported as success. The corresponding C function is `write`.
    public func writeAll(_ bytes: UnsafeRawBufferPointer) throws(Errno) {
        var done = 0
        while done < bytes.count {
            let n = try retryingOnInterrupt("write", path: path) {
                Glibc.write(rawValue, bytes.baseAddress! + done, bytes.count - done)
            }
            done += n
        }
    }

    public func writeAll(_ bytes: [UInt8]) throws(Errno) {
        try bytes.withUnsafeBytes { b in Result { () throws(Errno) in try writeAll(b) } }.get()
    }

    /// Flushes the file's data and metadata to the device: the only point
    /// after which an appended event may be acknowledged. The corresponding C
    /// function is `fsync`.
    public func sync() throws(Errno) {
        _ = try retryingOnInterrupt("fsync", path: path) { Glibc.fsync(rawValue) }
    }

    /// Asks the kernel to start writing `count` bytes at `offset` to the
    /// device now, without waiting (`sync_file_range` with
    /// `SYNC_FILE_RANGE_WRITE`). It promises nothing: only `sync` (`fsync`)
    /// makes data durable. Why: a long batch that leaves all its megabytes to
    /// the final `fsync` waits for the device at the end, instead of
    /// having it write while the next lines are built. Best effort: where
    /// the call does not apply (a pipe, a file system without it), it does
    /// nothing and returns false.
    @discardableResult
    public func startWriteback(offset: Int64, count: Int64) -> Bool {
        c_sync_file_range(rawValue, offset, count, 2 /* SYNC_FILE_RANGE_WRITE */) == 0
    }

    public enum LockKind: Sendable { case shared, exclusive }

    /// Takes an advisory whole-file lock (`flock`). With `wait: false`,
    /// returns false instead of blocking when another process holds it.
    public func lock(_ kind: LockKind, wait: Bool = true) throws(Errno) -> Bool {
        var op = kind == .shared ? LOCK_SH : LOCK_EX
        if !wait { op |= LOCK_NB }
        while true {
            if cFlock(rawValue, op) == 0 { return true }
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK { return false }
            throw Errno.current("flock", path: path)
        }
    }

    public func unlock() throws(Errno) {
        _ = try retryingOnInterrupt("flock", path: path) { cFlock(rawValue, LOCK_UN) }
    }

    /// Cuts the file to `length` bytes. The corresponding C function is `ftruncate`.
    public func truncate(to length: Int64) throws(Errno) {
        _ = try retryingOnInterrupt("ftruncate", path: path) { Glibc.ftruncate(rawValue, off_t(length)) }
    }

    /// Moves the position; returns the new offset. The corresponding C function is `lseek`.
    @discardableResult
    public func seek(to offset: Int64, fromEnd: Bool = false) throws(Errno) -> Int64 {
        Int64(try retryingOnInterrupt("lseek", path: path) { Glibc.lseek(rawValue, off_t(offset), fromEnd ? SEEK_END : SEEK_SET) })
    }

    /// Size in bytes (`fstat`).
    public func size() throws(Errno) -> Int64 {
        var st = Glibc.stat()
        _ = try retryingOnInterrupt("fstat", path: path) { cFstat(rawValue, &st) }
        return Int64(st.st_size)
    }

    /// Whether it is a regular file (`fstat`, `S_IFREG`): a read from one
    /// always returns, where a read from a pipe or a terminal may wait for
    /// ever. False when `fstat` fails.
    public var isRegularFile: Bool {
        var st = Glibc.stat()
        return cFstat(rawValue, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether it is a terminal (`isatty`): what a person watches, so it
    /// gets progress lines and never a binary file's bytes.
    public var isTerminal: Bool { isatty(rawValue) == 1 }

    /// The process's standard input, output and error (descriptors 0, 1, 2),
    /// named in error messages as `<stdin>`, `<stdout>`, `<stderr>`.
    public static let standardInput = FileDescriptor(rawValue: 0, path: "<stdin>")
    public static let standardOutput = FileDescriptor(rawValue: 1, path: "<stdout>")
    public static let standardError = FileDescriptor(rawValue: 2, path: "<stderr>")

    /// Runs `body` and closes the descriptor afterwards, whatever happens.
    public func closeAfter<R, E: Error>(_ body: (FileDescriptor) throws(E) -> R) throws(E) -> R {
        defer { try? close() }
        return try body(self)
    }
}

/// glibc's `sync_file_range` (declared only under _GNU_SOURCE, which Swift's Glibc module does not set).
@_silgen_name("sync_file_range")
private func c_sync_file_range(_ fd: Int32, _ offset: Int64, _ count: Int64, _ flags: UInt32) -> Int32
