import ANTQTestSupport
import Foundation

/// Outside programs the tests use as oracles (python3, unzip, soffice), found
/// on PATH; a test that needs one is skipped with a message when it is absent.
enum ExternalTool {
    static func path(_ name: String) -> String? { ProcessRunner.find(name) }

    static let python = path("python3")
    static let unzip = path("unzip")
    static let soffice = path("soffice")
    static let timeout = path("timeout")

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs a program to completion (`ProcessRunner`: output and error go to
    /// files, not pipes, so a chatty program cannot block on a full pipe);
    /// `environment` is added to this process's own.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let r = try ProcessRunner.run(executable: executable, arguments: arguments,
                                      environment: environment.map { ProcessInfo.processInfo.environment.merging($0) { $1 } })
        return Result(status: r.status, output: r.stdoutText, error: r.stderrText)
    }

    /// Runs a Python script on `arguments` and decodes the JSON it prints.
    static func python<Output: Decodable>(_ script: String, _ arguments: [String], as: Output.Type) throws -> Output {
        guard let python else { throw Failure(description: "python3 not found on PATH") }
        let result = try run(python, ["-c", script] + arguments)
        guard result.status == 0 else { throw Failure(description: "python3 failed (\(result.status)): \(result.error)") }
        return try JSONDecoder().decode(Output.self, from: Data(result.output.utf8))
    }
}

/// A temporary directory removed when the test is done with it.
final class ScratchDirectory {
    let url: URL

    init(_ label: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("officeopenxml-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `bytes` to `name` inside the directory and returns its path.
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }
}
