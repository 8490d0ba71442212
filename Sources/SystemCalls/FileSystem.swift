#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Path-level calls (rename, directory sync, stat) used to make files
/// appear atomically: write a temporary file, `fsync` it, `rename` it into
/// place, then `fsync` the directory so the rename itself survives a crash.
public enum FileSystem {
    /// The corresponding C function is `rename`: atomic replacement on POSIX.
    public static func rename(_ from: String, to: String) throws(Errno) {
        _ = try retryingOnInterrupt("rename", path: to) { Glibc.rename(from, to) }
    }

    /// Gives `existing` the second name `path`, failing with `EEXIST` if
    /// `path` exists: how a fully written file appears under a name only if
    /// that name is free (`rename` would replace it). The C function is `link`.
    public static func link(_ existing: String, to path: String) throws(Errno) {
        _ = try retryingOnInterrupt("link", path: path) { Glibc.link(existing, path) }
    }

    /// Flushes a directory entry change (a create or a rename) to the device.
    public static func syncDirectory(_ path: String) throws(Errno) {
        let fd = try FileDescriptor.open(path, [.readOnly, .directory])
        defer { try? fd.close() }
        try fd.sync()
    }

    /// Asks the kernel to write every file system's changed data to the
    /// devices (the C function `sync`). Why: one call flushes many files just
    /// written (the pages of a site), where an `fsync` of each would wait
    /// for the device once per file. Linux waits for the writes to finish.
    public static func syncAll() {
        sync()
    }

    public static func exists(_ path: String) -> Bool {
        return access(path, F_OK) == 0
    }

    /// Whether this process may run the file at `path` (`access` with `X_OK`).
    public static func isExecutable(_ path: String) -> Bool {
        access(path, X_OK) == 0
    }

    /// The size in bytes of the file at `path` (`stat`), or nil if it
    /// cannot be read (it does not exist, or a directory on the way is
    /// not searchable).
    public static func size(_ path: String) -> Int64? {
        var st = Glibc.stat()
        guard cStat(path, &st) == 0 else { return nil }
        return Int64(st.st_size)
    }

    public static func isDirectory(_ path: String) -> Bool {
        var st = Glibc.stat()
        return cStat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Permission bits of a file (e.g. 0o600), or nil if it cannot be read.
    public static func permissions(_ path: String) -> mode_t? {
        var st = Glibc.stat()
        guard cStat(path, &st) == 0 else { return nil }
        return st.st_mode & 0o7777
    }

    /// The absolute path with every symbolic link, `.` and `..` resolved
    /// (`realpath`), or nil when it does not exist.
    public static func resolvedPath(_ path: String) -> String? {
        guard let p = Glibc.realpath(path, nil) else { return nil }
        defer { Glibc.free(p) }
        return String(cString: p)
    }

    public static func makeDirectory(_ path: String, permissions: mode_t = 0o700) throws(Errno) {
        if Glibc.mkdir(path, permissions) == -1 && errno != EEXIST {
            throw Errno.current("mkdir", path: path)
        }
    }

    /// Creates a new, empty directory named `prefix` followed by six
    /// characters no other directory has (`mkdtemp`), with mode 0700, and
    /// returns its path: a scratch directory no other process can take.
    public static func makeUniqueDirectory(prefix: String) throws(Errno) -> String {
        var template = Array((prefix + "XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw Errno.current("mkdtemp", path: prefix + "XXXXXX") }
        return String(cString: made)
    }

    /// Opens a new file in `directory` that has no name (made with `mkstemp`,
    /// mode 0600, then unlinked): scratch space that vanishes when it is
    /// closed or the process ends, whatever way it ends.
    public static func makeUnnamedFile(in directory: String) throws(Errno) -> FileDescriptor {
        var template = Array((directory + "/antq-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        let path = String(cString: template)
        guard fd >= 0 else { throw Errno.current("mkstemp", path: path) }
        let file = FileDescriptor(rawValue: fd, path: path)
        if Glibc.unlink(path) == -1 {
            let e = Errno.current("unlink", path: path)
            try? file.close()
            throw e
        }
        return file
    }

    public static func remove(_ path: String) throws(Errno) {
        if Glibc.unlink(path) == -1 && errno != ENOENT {
            throw Errno.current("unlink", path: path)
        }
    }

    /// Removes an empty directory (the C function is `rmdir`); a missing one is not an error.
    public static func removeDirectory(_ path: String) throws(Errno) {
        if Glibc.rmdir(path) == -1 && errno != ENOENT {
            throw Errno.current("rmdir", path: path)
        }
    }

    /// Names in a directory (without "." and ".."), unsorted.
    public static func list(_ path: String) throws(Errno) -> [String] {
        guard let dir = opendir(path) else { throw Errno.current("opendir", path: path) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Writes `bytes` to `path` atomically: temp file in the same directory,
    /// `fsync`, `rename`, `fsync` of the directory. A crash at any instant
    /// leaves either the old file or the new one, never a half-written one.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, directory: String, permissions: mode_t = 0o600) throws(Errno) {
        try writeAtomically([bytes], to: path, directory: directory, permissions: permissions)
    }

    /// The same for content in pieces, written one after the other (a large
    /// file is not first copied into one buffer).
    public static func writeAtomically(_ pieces: [[UInt8]], to path: String, directory: String, permissions: mode_t = 0o600) throws(Errno) {
        let temp = path + ".tmp-\(CurrentProcess.id)"
        let fd = try FileDescriptor.open(temp, [.writeOnly, .create, .truncate], permissions: permissions)
        do {
            for bytes in pieces { try fd.writeAll(bytes) }
            try fd.sync()
            try fd.close()
        } catch {
            try? fd.close()
            try? remove(temp)
            throw error
        }
        try rename(temp, to: path)
        try syncDirectory(directory)
    }

    /// Reads a whole (small) file.
    public static func readFile(_ path: String) throws(Errno) -> [UInt8] {
        let fd = try FileDescriptor.open(path, .readOnly)
        defer { try? fd.close() }
        let size = try fd.size()
        return try fd.readAll(fromAbsoluteOffset: 0, count: Int(size))
    }
}
