import Foundation
import JSONCodec

/// What every torture mode shares: the antq binary, a fresh data directory
/// and a scratch directory for batch files and captured output.
struct Harness {
    let antq: String
    let data: String
    let scratch: String
    var environment: [String: String] = [:]

    init(antq: String, data: String) throws {
        self.antq = antq
        self.data = data
        self.scratch = data + ".scratch"
        let fm = FileManager.default
        guard fm.isExecutableFile(atPath: antq) else { throw TortureFailure("--antq \(antq) is not an executable") }
        if fm.fileExists(atPath: data) {
            throw TortureFailure("--data \(data) already exists; give a path to a directory the harness may create")
        }
        try fm.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    /// Runs antq to completion.
    func run(_ arguments: [String], env: [String: String] = [:]) throws -> (ending: Spawned.Ending, stdout: String, stderr: String, stdoutBytes: [UInt8]) {
        try Spawned.run(antq, arguments, environment: environment.merging(env) { $1 }, scratch: scratch)
    }

    /// Runs antq and requires exit 0.
    @discardableResult
    func ok(_ arguments: [String], env: [String: String] = [:]) throws -> String {
        let r = try run(arguments, env: env)
        guard r.ending == .exited(0) else {
            throw TortureFailure("antq \(arguments.joined(separator: " ")) ended with \(r.ending): \(r.stderr)")
        }
        return r.stdout
    }

    /// `antq init` and the units the workload uses.
    func setUp() throws {
        try ok(["init", data])
        let file = scratch + "/setup.jsonl"
        try (Workload.setUpLines.joined(separator: "\n") + "\n").write(toFile: file, atomically: false, encoding: .utf8)
        try ok(["append", "--file", file, "--data", data])
    }

    /// `antq verify --format json` must exit 0 with `"clean":true`.
    func verifyClean(_ context: String) throws {
        let r = try run(["verify", "--data", data, "--format", "json"])
        guard r.ending == .exited(0), let v = try? JSONValue.parse(r.stdoutBytes), case .bool(true)? = v["clean"] else {
            throw TortureFailure("\(context): antq verify is not clean (\(r.ending)):\n\(r.stdout)\(r.stderr)")
        }
    }

    func writeBatch(_ lines: [String], name: String) throws -> String {
        let path = scratch + "/" + name
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }
}

/// Parses `{"appended":[…],"fingerprint":"…"}`, the receipt of `append --format json`.
func appendedSeqs(_ stdout: [UInt8]) -> [Int]? {
    let line = stdout.split(separator: 0x0A).first.map(Array.init) ?? []
    guard let v = try? JSONValue.parse(line), case .array(let a)? = v["appended"] else { return nil }
    let seqs = a.compactMap(\.intValue)
    return seqs.count == a.count ? seqs : nil
}

/// Minimal `--name value` option reading for the subcommands.
struct Options {
    var values: [String: String] = [:]
    var flags: Set<String> = []

    init(_ args: ArraySlice<String>) throws {
        var i = args.startIndex
        while i < args.endIndex {
            let a = args[i]
            guard a.hasPrefix("--") else { throw TortureFailure("unexpected argument \(a)") }
            let name = String(a.dropFirst(2))
            if i + 1 < args.endIndex, !args[i + 1].hasPrefix("--") {
                values[name] = args[i + 1]
                i += 2
            } else {
                flags.insert(name)
                i += 1
            }
        }
    }

    func string(_ name: String) throws -> String {
        guard let v = values[name] else { throw TortureFailure("--\(name) is required") }
        return v
    }

    func int(_ name: String, default d: Int) throws -> Int {
        guard let v = values[name] else { return d }
        guard let i = Int(v), i >= 0 else { throw TortureFailure("--\(name) takes a whole number, not \(v)") }
        return i
    }
}
