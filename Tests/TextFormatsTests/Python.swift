import Foundation

/// Runs python3 for the differential CSV tests.
enum Python {
    /// Path of python3 on PATH, nil if there is none.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = String(directory) + "/python3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    static var available: Bool { executable != nil }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `script` with the JSON encoding of `input`, returns the JSON it writes decoded as `Output`.
    static func run<Input: Encodable, Output: Decodable>(_ script: String, input: Input, as: Output.Type) throws -> Output {
        guard let executable else { throw Failure(description: "python3 not found on PATH") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("textformats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inURL = directory.appendingPathComponent("in.json")
        let outURL = directory.appendingPathComponent("out.json")
        let scriptURL = directory.appendingPathComponent("script.py")
        try JSONEncoder().encode(input).write(to: inURL)
        try Data(script.utf8).write(to: scriptURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [scriptURL.path, inURL.path, outURL.path]
        let errorPipe = Pipe()
        process.standardError = errorPipe
        try process.run()
        let errorData = errorPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python3 failed: \(String(decoding: errorData, as: UTF8.self))")
        }
        return try JSONDecoder().decode(Output.self, from: Data(contentsOf: outURL))
    }
}
