import Foundation
import SystemCalls

/// Starts `antq` (or any program) as a `ChildProcess`, so that the harness
/// controls the exact instant of a `SIGKILL`, with output going to files
/// (a pipe could fill up and block a large receipt).
struct Spawned {
    let process: ChildProcess
    let stdoutPath: String
    let stderrPath: String

    typealias Ending = ChildProcess.Ending

    /// Starts `program arguments…` with `environment` added to the harness's own.
    static func start(_ program: String, _ arguments: [String], environment: [String: String] = [:],
                      scratch: String, tag: String = "p") throws -> Spawned {
        let stamp = "\(CurrentProcess.id)-\(tag)-\(UInt64.random(in: 0...UInt64.max))"
        let out = scratch + "/out-" + stamp
        let err = scratch + "/err-" + stamp
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C"
        env["LC_ALL"] = nil
        env["ANTQ_DATA"] = nil
        if env["ANTQ_USER"] == nil { env["ANTQ_USER"] = "Torture Harness" }
        for (k, v) in environment { env[k] = v }
        do throws(Errno) {
            let process = try ChildProcess.spawn([program] + arguments, environment: env, standardOutput: out, standardError: err)
            return Spawned(process: process, stdoutPath: out, stderrPath: err)
        } catch {
            throw TortureFailure("cannot start \(program): \(error.text)")
        }
    }

    /// Waits for the process to end.
    func wait() throws -> Ending { try process.wait().ending }

    /// How the process ended if it has, without waiting; nil while it runs.
    func endingIfEnded() throws -> Ending? { try process.exitIfEnded()?.ending }

    /// Ends the process with `SIGKILL`, wherever it is.
    func kill() { process.kill() }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stdoutBytes: [UInt8] { FileManager.default.contents(atPath: stdoutPath).map { [UInt8]($0) } ?? [] }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    func cleanUp() {
        try? FileSystem.remove(stdoutPath)
        try? FileSystem.remove(stderrPath)
    }

    /// Runs to completion and returns (ending, stdout, stderr).
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:],
                    scratch: String) throws -> (ending: Ending, stdout: String, stderr: String, stdoutBytes: [UInt8]) {
        let p = try start(program, arguments, environment: environment, scratch: scratch)
        defer { p.cleanUp() }
        let e = try p.wait()
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
    Int64(MonotonicClock.nanoseconds() / 1000)
}

/// Sleeps `micros` microseconds precisely enough for a kill at a random instant.
func sleepMicros(_ micros: Int64) {
    guard micros > 0 else { return }
    MonotonicClock.sleep(nanoseconds: UInt64(micros) * 1000)
}
