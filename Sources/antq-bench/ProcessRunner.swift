#if canImport(Glibc)
import Glibc
#endif

/// Runs a whole process as a user would and measures what the user waits
/// for: wall time from just before `posix_spawn` to the return of `wait4`
/// (start-up, dynamic linking, work, exit).
///
/// Peak memory needs care: Linux charges a child, at `exec`, with the peak
/// RSS of the address space it replaces — for a child of `posix_spawn` or
/// `fork`, the *benchmark's* peak (which holds a whole generated log's
/// state). So `ru_maxrss` of a direct child is only an upper bound. The
/// exact figure comes from `peakRSS(_:)`, which runs the command under GNU
/// `/usr/bin/time` (a 1 MB process that forks it, so the floor is ~1 MB).
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
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var env = ProcessRunner.inherited
        for (k, v) in environment { env[k] = v }
        for (k, v) in extraEnvironment { env[k] = v }
        let envStrings = env.map { "\($0.key)=\($0.value)" }

        let cArgs = arguments.map { strdup($0) } + [nil]
        let cEnv = envStrings.map { strdup($0) } + [nil]
        defer {
            for p in cArgs { free(p) }
            for p in cEnv { free(p) }
        }
        var pid: pid_t = 0
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        let rc = posix_spawnp(&pid, arguments[0], &actions, nil, cArgs, cEnv)
        guard rc == 0 else { throw Failure(description: "cannot start \(arguments[0]): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw Failure(description: "wait4 failed: \(String(cString: strerror(errno)))") }
        }
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &end)
        let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        // Exit status, or 128 + signal as a shell reports it.
        let code: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(status: code, seconds: seconds, peakRSS: Int(usage.ru_maxrss) * 1024,
                      stdout: ProcessRunner.read(outPath), stderr: ProcessRunner.read(errPath))
    }

    static let gnuTime = access("/usr/bin/time", X_OK) == 0 ? "/usr/bin/time" : nil

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
        var env: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") { env[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p += 1
        }
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        env["ANTQ_DATA"] = nil
        env["ANTQ_KEY_FILE"] = nil
        return env
    }

    /// Reads at most 64 KB of a captured output.
    static func read(_ path: String) -> String {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
    }

    /// The full path of `name` on PATH, or nil when it is not installed.
    static func which(_ name: String) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        for dir in (inherited["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
