#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// This process: its id, and how it ends.
public enum CurrentProcess {
    /// The process id (`getpid`): it names temporary files (`….tmp-PID`), so
    /// two processes writing beside each other never share one, and a later
    /// process can tell whether the writer of a leftover is still running
    /// (`ProcessTable.contains`).
    public static var id: Int32 { getpid() }

    /// Ends the process with `status` (the C function `exit`): the exit code
    /// a shell or a calling program sees.
    public static func exit(_ status: Int32) -> Never { cExit(status) }
}

/// The other processes on the machine, known by their ids.
public enum ProcessTable {
    /// Whether a process with id `pid` exists (`kill(pid, 0)`, which sends
    /// nothing). `EPERM` means it exists but belongs to another account: it
    /// still counts, since its files must not be taken for abandoned ones.
    public static func contains(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}

/// Signals whose default action (ending the process) antq turns off, so
/// that the failure comes back from the call as an error instead.
public enum Signals {
    /// Ignores `SIGXFSZ`: a write past the file-size limit (`ulimit -f`) then
    /// fails with `EFBIG`, which is reported, instead of killing the process
    /// halfway through an append.
    public static func ignoreFileSizeLimit() { _ = signal(SIGXFSZ, SIG_IGN) }

    /// Ignores `SIGPIPE`: a write to a pipe whose reader has gone
    /// (`antq log | head`) then fails with `EPIPE` instead of killing the
    /// process.
    public static func ignoreBrokenPipe() { _ = signal(SIGPIPE, SIG_IGN) }
}

// Inside `CurrentProcess`, `exit` names its own method.
@inline(__always) private func cExit(_ status: Int32) -> Never { exit(status) }
