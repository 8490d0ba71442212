import Foundation
import Testing

/// Runs the built `antq` executable, as a user would, on a temporary data
/// directory: found next to the test bundle in the build folder.
struct AntqBinary {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: Data = Data()
    }

    static var url: URL {
        // ANTQ_TEST_BINARY runs these tests against another build, e.g. the
        // statically linked release binary: `ANTQ_TEST_BINARY=.build/release/antq swift test --filter EndToEndTests`.
        if let path = ProcessInfo.processInfo.environment["ANTQ_TEST_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        // .build/<triple>/debug/antqPackageTests.xctest → .build/<triple>/debug/antq
        let bundle = Bundle.main.bundleURL
        var dir = bundle
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("antq")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        // Fall back to the path of this test build's products.
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return products.appendingPathComponent("antq")
    }

    /// Runs antq with `arguments`, feeding `stdin`, in `directory`. The
    /// environment is the test's own minus `ANTQ_DATA`, with `LANG=C` and
    /// `ANTQ_USER=Test Clerk`; `environment` overrides (an empty value is
    /// passed as empty, which antq treats as unset).
    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil, stdin: String? = nil,
                    environment: [String: String] = [:]) throws -> Output {
        try run(arguments, in: directory, stdinData: stdin.map { Data($0.utf8) }, environment: environment)
    }

    /// The same, with raw bytes on standard input (bad-input corpus files).
    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil, stdinData: Data?,
                    environment: [String: String] = [:]) throws -> Output {
        let p = Process()
        p.executableURL = url
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C"
        env["LC_ALL"] = nil
        env["ANTQ_DATA"] = nil
        env["ANTQ_KEY_FILE"] = nil
        env["ANTQ_USER"] = "Test Clerk"
        for (k, v) in environment { env[k] = v }
        p.environment = env
        if let directory { p.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        // Feed stdin and drain both outputs concurrently: a large input or
        // output must not deadlock on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var o = Data(), e = Data()
        let queue = DispatchQueue.global()
        group.enter()
        queue.async { o = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        queue.async { e = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        // antq may refuse before reading its input (a usage error exits at
        // once): the write then fails with EPIPE, which must not kill the
        // test process with SIGPIPE.
        _ = ignoreBrokenPipe
        if let stdinData { try? inp.fileHandleForWriting.write(contentsOf: stdinData) }
        try? inp.fileHandleForWriting.close()
        group.wait()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self), stdoutBytes: o)
    }

    private static let ignoreBrokenPipe: Void = { signal(SIGPIPE, SIG_IGN) }()

    static func temporaryDirectory() throws -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("antq-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }
}
