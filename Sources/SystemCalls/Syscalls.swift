#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a C call that returns -1 on failure, retrying while it fails with
/// `EINTR`: a signal arriving during a write must not turn into a lost event.
@inline(__always)
func retryingOnInterrupt<T: BinaryInteger>(_ call: String, path: String?, _ body: () -> T) throws(Errno) -> T {
    while true {
        let r = body()
        if r != -1 { return r }
        if errno == EINTR { continue }
        throw Errno.current(call, path: path)
    }
}

// `flock` and `stat` name both a C struct and a C function: called
// unqualified with arguments, Swift picks the function.
@inline(__always) func cFlock(_ fd: Int32, _ op: Int32) -> Int32 { flock(fd, op) }
@inline(__always) func cStat(_ path: String, _ st: inout stat) -> Int32 { stat(path, &st) }
@inline(__always) func cFstat(_ fd: Int32, _ st: inout stat) -> Int32 { fstat(fd, &st) }
