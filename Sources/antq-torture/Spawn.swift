import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts `antq` (or any program) with `posix_spawn`, so that the harness
/// controls the exact instant of a `SIGKILL`, with output going to files
/// (a pipe could fill up and block a large receipt).
struct Spawned {
    let pid: pid_t
    let stdoutPath: String
    let stderrPath: String

    enum Ending: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)
        var description: String {
            switch self {
            case .exited(let c): "exit \(c)"
            case .signalled(let s): "signal \(s)"
            }
        }
    }

    /// Starts `program arguments…` with `environment` added to the harness's own.
    static func start(_ program: String, _ arguments: [String], environment: [String: String] = [:],
                      scratch: String, tag: String = "p") throws -> Spawned {
        let stamp = "\(getpid())-\(tag)-\(UInt64.random(in: 0...UInt64.max))"
        let out = scratch + "/out-" + stamp
        let err = scratch + "/err-" + stamp
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C"
        env["LC_ALL"] = nil
        env["ANTQ_DATA"] = nil
        if env["ANTQ_USER"] == nil { env["ANTQ_USER"] = "Torture Harness" }
        for (k, v) in environment { env[k] = v }
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, program, &actions, nil, argv, envp)
        guard rc == 0 else { throw TortureFailure("cannot start \(program): \(String(cString: strerror(rc)))") }
        return Spawned(pid: pid, stdoutPath: out, stderrPath: err)
    }

    /// Waits for the process to end (retrying on EINTR).
    func wait() -> Ending {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        if status & 0x7f == 0 { return .exited((status >> 8) & 0xff) }
        return .signalled(status & 0x7f)
    }

    func kill(_ signal: Int32 = SIGKILL) { _ = Glibc.kill(pid, signal) }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stdoutBytes: [UInt8] { FileManager.default.contents(atPath: stdoutPath).map { [UInt8]($0) } ?? [] }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    func cleanUp() {
        unlink(stdoutPath)
        unlink(stderrPath)
    }

    /// Runs to completion and returns (ending, stdout, stderr).
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:],
                    scratch: String) throws -> (ending: Ending, stdout: String, stderr: String, stdoutBytes: [UInt8]) {
        let p = try start(program, arguments, environment: environment, scratch: scratch)
        let e = p.wait()
        defer { p.cleanUp() }
        return (e, p.stdout, p.stderr, p.stdoutBytes)
    }
}

/// A broken guarantee (or a harness that cannot run): printed, exit 1.
struct TortureFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Monotonic microseconds.
func nowMicros() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Int64(ts.tv_sec) * 1_000_000 + Int64(ts.tv_nsec) / 1000
}

/// Sleeps `micros` microseconds precisely enough for a kill at a random instant.
func sleepMicros(_ micros: Int64) {
    guard micros > 0 else { return }
    var ts = timespec(tv_sec: Int(micros / 1_000_000), tv_nsec: Int(micros % 1_000_000) * 1000)
    var left = timespec()
    while nanosleep(&ts, &left) == -1 && errno == EINTR { ts = left }
}
