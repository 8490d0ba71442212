import ANTQTestSupport
import Foundation
import JSONCodec
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built `antq` and `antq-torture` products, found next to the test
/// bundle, and a way to run them as a user would (optionally through
/// `/bin/sh -c` for a file-size limit, or as another account).
enum Binaries {
    static func product(_ name: String) -> String {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name).path
    }

    static var antq: String { product("antq") }
    static var torture: String { product("antq-torture") }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        /// First problem line reported by `verify --format json`, if any.
        var firstProblem: (line: Int, message: String)? {
            guard let v = try? JSONValue.parse(stdout), case .array(let ps)? = v["problems"], let p = ps.first,
                  case .number(let n)? = p["line"], let line = n.int64, case .string(let m)? = p["message"] else { return nil }
            return (Int(line), m)
        }
    }

    /// Runs `program arguments` with a clean, C-locale environment.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C"
        env["LC_ALL"] = nil
        env["ANTQ_DATA"] = nil
        env["ANTQ_KEY_FILE"] = nil
        env["ANTQ_USER"] = "Reliability Test"
        for (k, v) in environment { env[k] = v }
        let r = try ProcessRunner.run(executable: program, arguments: arguments, environment: env)
        return Output(status: r.status, stdout: r.stdoutText, stderr: r.stderrText)
    }

    @discardableResult
    static func antq(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        try run(antq, arguments, environment: environment)
    }

    /// Runs antq through `/bin/sh -c` with a shell prefix (e.g. `ulimit -f 8;`).
    static func antqInShell(_ prefix: String, _ arguments: [String]) throws -> Output {
        let quoted = ([antq] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        return try run("/bin/sh", ["-c", prefix + " exec " + quoted])
    }

    static func temporaryDirectory(_ tag: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("antq-rel-\(tag)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func bytes(_ path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    }

    static func mode(_ path: String) -> mode_t {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o7777 : 0o7777
    }
}

/// A small data directory with a province, a city, a ward and some events,
/// appended one by one so each line is its own batch.
func makeLog(_ dir: String, events: Int = 8, keyFile: String? = nil) throws -> String {
    let data = dir + "/data"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let key = keyFile.map { ["--key-file", $0] } ?? []
    let i = try Binaries.antq(["init", data] + (keyFile != nil ? ["--keyed"] : []) + key)
    #expect(i.status == 0, "\(i.stderr)")
    let units = [("74", "Bình Dương", "province", "null"), ("718", "Thủ Dầu Một", "city", "74"), ("25747", "Phú Cường", "ward", "718")]
    for (code, name, kind, parent) in units {
        let r = try Binaries.antq(["append", "unit.registered", "--data", data, "--unit", code, "--occurred", "2013-12-30",
                                   "--name", name, "--kind", kind, "--parent", parent] + key)
        #expect(r.status == 0, "\(r.stderr)")
    }
    for n in 0..<events {
        let r = try Binaries.antq(["append", "arrest.made", "--data", data, "--unit", ["74", "718", "25747"][n % 3],
                                   "--occurred", "2018-0\(1 + n % 9)-1\(n % 10)", "--count", "\(n + 1)", "--caught-in-act", "true"] + key)
        #expect(r.status == 0, "\(r.stderr)")
    }
    return data
}

/// The log's lines (without newlines).
func logLines(_ data: String) -> [[UInt8]] {
    Binaries.bytes(data + "/events/log.jsonl").split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map(Array.init)
}

func writeLog(_ data: String, _ lines: [[UInt8]]) throws {
    var out: [UInt8] = []
    for l in lines { out += l; out.append(0x0A) }
    try Data(out).write(to: URL(fileURLWithPath: data + "/events/log.jsonl"))
}
