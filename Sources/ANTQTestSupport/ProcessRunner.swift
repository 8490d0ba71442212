import Foundation
import SystemCalls

/// What a program that has ended left behind: its exit status and every
/// byte it wrote to standard output and standard error.
public struct ProcessOutput: Sendable {
    /// The exit code (for a program ended by a signal, the signal's number,
    /// as `Process.terminationStatus` gives it).
    public var status: Int32
    public var stdout: Data
    public var stderr: Data

    public init(status: Int32, stdout: Data, stderr: Data) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }

    /// Standard output as text (invalid UTF-8 repaired, never an error).
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    /// Standard error as text.
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// The one way the tests run another program (antq, antq-demo, antq-bench,
/// python3, unzip, …) and collect what it wrote.
///
/// Standard output and error go to unnamed temporary files, not pipes, and
/// are read back when the program has ended. Why: a program can never block
/// on a full pipe nobody is reading (antq-bench's progress, a large report),
/// and a helper the program leaves running (LibreOffice's) cannot hold a
/// pipe open and keep the test waiting for an end of file after the program
/// itself has exited. Standard input is a pipe fed the given bytes (antq
/// reads a batch from `-` as from a pipe in a shell), or `/dev/null`.
public enum ProcessRunner {
    /// Runs `executable` with `arguments` and waits for it to end.
    /// - Parameters:
    ///   - environment: the program's whole environment; nil: this process's own.
    ///   - stdin: bytes written to its standard input through a pipe, which
    ///     is then closed (empty `Data`: a pipe at its end at once); nil:
    ///     `/dev/null`.
    ///   - currentDirectory: where it runs; nil: this process's directory.
    public static func run(executable: String, arguments: [String], environment: [String: String]? = nil,
                           stdin: Data? = nil, currentDirectory: String? = nil) throws -> ProcessOutput {
        let out = try unnamedFile(), err = try unnamedFile()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        if let environment { p.environment = environment }
        if let currentDirectory { p.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        p.standardOutput = out
        p.standardError = err
        let input = stdin.map { _ in Pipe() }
        p.standardInput = input ?? FileHandle.nullDevice
        try p.run()
        if let input, let stdin {
            // The program may end before reading its input (antq refuses a
            // usage error at once): the write then fails with EPIPE, which
            // must not end the test process with SIGPIPE.
            _ = ignoreBrokenPipe
            try? input.fileHandleForWriting.write(contentsOf: stdin)
            try? input.fileHandleForWriting.close()
        }
        p.waitUntilExit()
        return ProcessOutput(status: p.terminationStatus, stdout: try readBack(out), stderr: try readBack(err))
    }

    /// The first executable file named `name` in the directories of `$PATH`,
    /// or nil: a test that needs an outside program skips without it.
    public static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = String(directory) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    private static let ignoreBrokenPipe: Void = Signals.ignoreBrokenPipe()

    /// A temporary file already removed from its directory: nothing to clean
    /// up, whatever happens to the test. Close-on-exec, so only the program
    /// given it (as its standard output or error) writes to it.
    private static func unnamedFile() throws -> FileHandle {
        let path = FileManager.default.temporaryDirectory.path + "/antq-test-output-\(UUID().uuidString)"
        let file = FileHandle(fileDescriptor: try FileDescriptor.open(path, [.readWrite, .create, .exclusive]).rawValue, closeOnDealloc: true)
        try FileSystem.remove(path)
        return file
    }

    /// Everything written to an unnamed file, from its start.
    private static func readBack(_ file: FileHandle) throws -> Data {
        try file.seek(toOffset: 0)
        return try file.readToEnd() ?? Data()
    }
}
