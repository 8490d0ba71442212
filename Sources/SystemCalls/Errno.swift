#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A POSIX error number with the name of the call that produced it, so an
/// I/O failure can be reported as "fsync failed: No space left on device".
public struct Errno: Error, Equatable, Sendable, CustomStringConvertible {
    public var code: Int32
    /// The C function that failed, e.g. `"write"`.
    public var call: String
    /// The file the call was about, when known.
    public var path: String?

    public init(code: Int32, call: String, path: String? = nil) {
        self.code = code
        self.call = call
        self.path = path
    }

    /// The current `errno`, captured right after a failed call.
    public static func current(_ call: String, path: String? = nil) -> Errno {
        Errno(code: errno, call: call, path: path)
    }

    /// The system's text for the code (`strerror`).
    public var text: String { String(cString: strerror(code)) }

    public var description: String {
        if let path { return "\(call) \(path): \(text)" }
        return "\(call): \(text)"
    }

    // The codes antq tells apart, by name, so no other module needs libc
    // for them (an error message, a retry, "already initialised").
    public static let interrupted = EINTR
    public static let wouldBlock = EWOULDBLOCK
    public static let noSpace = ENOSPC
    public static let fileTooLarge = EFBIG
    public static let readOnlyFileSystem = EROFS
    public static let noEntry = ENOENT
    public static let exists = EEXIST
    public static let accessDenied = EACCES
    /// `EPERM`: the operation is not allowed to this account (unlike
    /// `accessDenied`, not a matter of a file's permission bits).
    public static let notPermitted = EPERM
    /// `EISDIR`: a directory where a file was expected.
    public static let isDirectory = EISDIR
    /// `ENOTDIR`: a part of a path that should be a directory is not one.
    public static let notDirectory = ENOTDIR
    /// `EIO`: an input/output error, for a failure that has no code of its own.
    public static let ioError = EIO
}
