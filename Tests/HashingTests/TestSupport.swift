import Foundation
import Hashing
import SeededRandom

/// Random bytes from the shared seeded generator, so every run hashes the
/// same "random" inputs and failures are reproducible.
extension SplitMix64 {
    mutating func bytes(_ count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var i = 0
        while i < count {
            var word = next()
            for _ in 0..<8 where i < count {
                out[i] = UInt8(truncatingIfNeeded: word)
                word >>= 8
                i += 1
            }
        }
        return out
    }
}

/// Backends usable on this CPU; hardware is absent when SHA-NI is missing.
let testBackends: [SHA256Backend] = SHA256.availableBackends

/// Decodes a hex string written in a test vector.
func hexBytes(_ hex: String) -> [UInt8] {
    var out: [UInt8] = []
    var chars = Array(hex.utf8)[...]
    while chars.count >= 2 {
        out.append(UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16)!)
        chars = chars.dropFirst(2)
    }
    return out
}

/// Locates an executable on PATH (or the usual bin folders), or `nil` if it is not installed.
func executablePath(_ name: String) -> String? {
    let fm = FileManager.default
    var dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
    dirs += ["/usr/bin", "/bin", "/usr/local/bin"]
    for dir in dirs {
        let candidate = dir + "/" + name
        if fm.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

/// The coreutils `sha256sum` binary, or `nil` if it is not installed.
let sha256sumPath: String? = executablePath("sha256sum")

/// The reference xxHash tool (`xxhsum`, Debian package xxhash), or `nil`.
let xxhsumPath: String? = executablePath("xxhsum")

/// Hashes each input with the real `sha256sum` binary and returns the
/// lowercase hex digests in order.
func sha256sumDigests(_ inputs: [[UInt8]]) throws -> [String] {
    guard let tool = sha256sumPath else { throw CocoaError(.fileNoSuchFile) }
    return try oracleDigests(tool, arguments: [], inputs).map { String($0.prefix(64)) }
}

/// Hashes each input with `xxhsum -H1` (XXH64, seed 0) and returns the 16
/// lowercase hex digits of each, in order.
func xxhsumDigests(_ inputs: [[UInt8]]) throws -> [String] {
    guard let tool = xxhsumPath else { throw CocoaError(.fileNoSuchFile) }
    return try oracleDigests(tool, arguments: ["-H1"], inputs).map { String($0.prefix(16)) }
}

/// Runs an outside hashing tool once over all inputs (each written to its own
/// temporary file) and returns its output lines in order.
private func oracleDigests(_ tool: String, arguments: [String], _ inputs: [[UInt8]]) throws -> [Substring] {
    let fm = FileManager.default
    let dir = fm.temporaryDirectory.appendingPathComponent("hashing-tests-\(UUID().uuidString)")
    try fm.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: dir) }

    var paths: [String] = []
    for (i, input) in inputs.enumerated() {
        let url = dir.appendingPathComponent("input-\(i).bin")
        try Data(input).write(to: url)
        paths.append(url.path)
    }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments + paths
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw CocoaError(.executableLoad)
    }
    return String(decoding: output, as: UTF8.self).split(separator: "\n")
}
