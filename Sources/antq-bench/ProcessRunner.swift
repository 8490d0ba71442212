import SystemCalls

/// Runs a whole process as a user would and measures what the user waits
/// for: wall time from just before the spawn to the return of the wait
/// (`ChildProcess`: start-up, dynamic linking, work, exit).
///
/// Peak memory needs care: Linux charges a child, at `exec`, with the peak
/// RSS of the address space it replaces — for a spawned child, the
/// *benchmark's* peak (which holds a whole generated log's state). So the
/// peak RSS of a direct child is only an upper bound. The exact figure
/// comes from `peakRSS(_:)`, which runs the command under GNU
/// `/usr/bin/time` (a small process that forks it, so no figure is below
/// GNU time's own).
struct ProcessRunner {
    struct Result {
        var status: Int32
        var seconds: Double
        /// Peak resident set size in bytes: an upper bound (see the type's note).
        var peakRSS: Int
        var stdout: String
        var stderr: String

        var succeeded: Bool { status == 0 }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Scratch directory for captured output.
    let scratch: String
    /// Extra environment variables for every child.
    var environment: [String: String] = [:]

    /// Runs `arguments[0]` (a path, or a name looked up on PATH) with
    /// standard input from `stdin` (a file path) or /dev/null. Output is
    /// captured in files, so a large output never blocks the child.
    func run(_ arguments: [String], stdin: String? = nil, extraEnvironment: [String: String] = [:]) throws -> Result {
        let outPath = scratch + "/stdout.txt", errPath = scratch + "/stderr.txt"
        var env = ProcessRunner.inherited
        for (k, v) in environment { env[k] = v }
        for (k, v) in extraEnvironment { env[k] = v }
        let child: ChildProcess
        do throws(Errno) {
            child = try ChildProcess.spawn(arguments, environment: env, standardInput: stdin ?? "/dev/null",
                                           standardOutput: outPath, standardError: errPath, searchPath: true)
        } catch { throw Failure(description: "cannot start \(arguments[0]): \(error.text)") }
        let exit: ChildProcess.Exit
        do throws(Errno) { exit = try child.wait() } catch { throw Failure(description: "wait4 failed: \(error.text)") }
        return Result(status: exit.ending.shellStatus, seconds: Double(exit.wallNanoseconds) / 1e9, peakRSS: exit.peakResidentBytes,
                      stdout: ProcessRunner.read(outPath), stderr: ProcessRunner.read(errPath))
    }

    static let gnuTime = FileSystem.isExecutable("/usr/bin/time") ? "/usr/bin/time" : nil

    /// The command's own peak RSS in bytes, measured by GNU time (nil when
    /// it is not installed, or the command failed).
    func peakRSS(_ arguments: [String], extraEnvironment: [String: String] = [:]) throws -> Int? {
        guard let time = ProcessRunner.gnuTime else { return nil }
        let report = scratch + "/maxrss.txt"
        let r = try run([time, "-f", "%M", "-o", report] + arguments, extraEnvironment: extraEnvironment)
        guard r.succeeded, let kb = Int(ProcessRunner.read(report).trimmingWhitespace) else { return nil }
        return kb * 1024
    }

    /// The benchmark's own environment, with the locale pinned so every
    /// program prints the same way.
    static var inherited: [String: String] {
        var env = Environment.variables()
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        env["ANTQ_DATA"] = nil
        env["ANTQ_KEY_FILE"] = nil
        return env
    }

    /// Reads at most 64 KB of a captured output.
    static func read(_ path: String) -> String {
        guard let file = try? FileDescriptor.open(path, .readOnly) else { return "" }
        defer { try? file.close() }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = buffer.withUnsafeMutableBytes { (try? file.read(into: $0)) ?? 0 }
        return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
    }

    /// The full path of `name` on PATH, or nil when it is not installed.
    static func which(_ name: String) -> String? {
        if name.contains("/") { return FileSystem.isExecutable(name) ? name : nil }
        for dir in (inherited["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileSystem.isExecutable(candidate) { return candidate }
        }
        return nil
    }
}
