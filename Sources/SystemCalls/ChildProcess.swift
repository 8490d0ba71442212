#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Another program, started by this one with `posix_spawn`, its standard
/// input, output and error opened on files, and waited for with `wait4`.
///
/// Why not Foundation's `Process`: the programs that start children (the
/// benchmark and the torture harness) need the exact instant of the start
/// (the benchmark's wall time begins just before the spawn call) and of a
/// `SIGKILL` (the harness kills a child in the middle of a write), and the
/// child's resource usage, which `wait4` gives with its exit status. Why
/// files and not pipes: a child that writes more than a pipe holds would
/// wait for a reader, and these callers read the output after the end.
public struct ChildProcess: Sendable {
    /// The process id.
    public let id: Int32
    /// `MonotonicClock.nanoseconds()` read just before the spawn call.
    public let started: UInt64

    /// How a child ended.
    public enum Ending: Equatable, Sendable, CustomStringConvertible {
        /// It called `exit` with this status (0…255).
        case exited(Int32)
        /// A signal ended it (the signal's number).
        case signalled(Int32)

        /// Ended by `SIGKILL`, as `kill()` ends a child.
        public static var killed: Ending { .signalled(SIGKILL) }

        /// The status as a shell reports it: the exit status, or 128 plus
        /// the signal's number.
        public var shellStatus: Int32 {
            switch self {
            case .exited(let code): code
            case .signalled(let signal): 128 + signal
            }
        }

        public var description: String {
            switch self {
            case .exited(let c): "exit \(c)"
            case .signalled(let s): "signal \(s)"
            }
        }
    }

    /// A child that has ended, as the wait reported it.
    public struct Exit: Sendable {
        public var ending: Ending
        /// From just before the spawn call to just after the wait returned:
        /// what a person at a shell waits for (start-up, dynamic linking,
        /// the work, exit).
        public var wallNanoseconds: UInt64
        /// The child's peak resident set size in bytes (`ru_maxrss`).
        /// - Note: Linux charges a child, at `exec`, with the peak RSS of the
        ///   address space it replaces, which for a spawned child is the
        ///   parent's peak: this is an upper bound of the program's own.
        public var peakResidentBytes: Int
    }

    /// Starts `arguments[0]` with `arguments` as its argument vector and
    /// `environment` as its whole environment. Standard input is read from
    /// the file `standardInput`; standard output and error are written to
    /// files created (or emptied) with mode 0600.
    /// - Parameter searchPath: look a name without a slash up on this
    ///   process's `PATH` (`posix_spawnp`); otherwise it is a path, relative
    ///   to the current directory if it has no slash (`posix_spawn`).
    public static func spawn(_ arguments: [String], environment: [String: String], standardInput: String = "/dev/null",
                             standardOutput: String, standardError: String, searchPath: Bool = false) throws(Errno) -> ChildProcess {
        precondition(!arguments.isEmpty, "a child needs a program to run")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, standardInput, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let started = MonotonicClock.nanoseconds()
        let rc = searchPath ? posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
                            : posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        guard rc == 0 else { throw Errno(code: rc, call: searchPath ? "posix_spawnp" : "posix_spawn", path: arguments[0]) }
        return ChildProcess(id: pid, started: started)
    }

    /// Waits for the child to end (retrying when a signal interrupts the
    /// wait). A child can be waited for once: after that its id is free.
    public func wait() throws(Errno) -> Exit {
        try waitFor(options: 0)!
    }

    /// The child's exit if it has already ended, without waiting (`WNOHANG`);
    /// nil while it runs.
    public func exitIfEnded() throws(Errno) -> Exit? {
        try waitFor(options: WNOHANG)
    }

    /// Sends `SIGKILL`: the child ends at once, wherever it is, without
    /// running any code of its own. Nothing happens if it has already ended
    /// and not yet been waited for.
    public func kill() {
        _ = sendSignal(id, SIGKILL)
    }

    private func waitFor(options: Int32) throws(Errno) -> Exit? {
        var status: Int32 = 0
        var usage = rusage()
        var r: pid_t
        repeat {
            r = wait4(id, &status, options, &usage)
        } while r == -1 && errno == EINTR
        guard r != -1 else { throw Errno.current("wait4") }
        guard r != 0 else { return nil }
        let ended = MonotonicClock.nanoseconds()
        let ending: Ending = status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signalled(status & 0x7F)
        return Exit(ending: ending, wallNanoseconds: ended - started, peakResidentBytes: Int(usage.ru_maxrss) * 1024)
    }
}

// Inside `ChildProcess`, `kill` names its own method.
@inline(__always) private func sendSignal(_ pid: pid_t, _ signal: Int32) -> Int32 { kill(pid, signal) }
