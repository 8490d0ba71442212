import Foundation

/// Outside programs the tests use as oracles (python3, unzip, soffice), found
/// on PATH; a test that needs one is skipped with a message when it is absent.
enum ExternalTool {
    static func path(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = String(directory) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

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

    /// Runs a program to completion. Output and error go to files, not
    /// pipes, so a chatty program cannot block on a full pipe.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let scratch = try ScratchDirectory("run")
        let outPath = scratch.url.appendingPathComponent("out").path
        let errPath = scratch.url.appendingPathComponent("err").path
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(status: process.terminationStatus,
                      output: String(decoding: try Data(contentsOf: URL(fileURLWithPath: outPath)), as: UTF8.self),
                      error: String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self))
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
