import ANTQTestSupport
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
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C"
        env["LC_ALL"] = nil
        env["ANTQ_DATA"] = nil
        env["ANTQ_KEY_FILE"] = nil
        env["ANTQ_USER"] = "Test Clerk"
        for (k, v) in environment { env[k] = v }
        // Standard input is always a pipe, as in `… | antq append -`; without
        // bytes, one already at its end.
        return Output(try ProcessRunner.run(executable: url.path, arguments: arguments, environment: env,
                                            stdin: stdinData ?? Data(), currentDirectory: directory?.path))
    }

    static func temporaryDirectory() throws -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("antq-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }
}

extension AntqBinary.Output {
    /// What `ProcessRunner` collected, with both outputs also as text.
    init(_ r: ProcessOutput) {
        self.init(status: r.status, stdout: r.stdoutText, stderr: r.stderrText, stdoutBytes: r.stdout)
    }
}
