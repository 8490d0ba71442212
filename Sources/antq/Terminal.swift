import SystemCalls

/// Standard output and error through file descriptors: Swift 6 rejects the
/// global `stderr` as not concurrency-safe, and this also gives us `isatty`.
enum Terminal {
    static func out(_ s: String) {
        var s = s
        s.withUTF8 { try? FileDescriptor.standardOutput.writeAll(UnsafeRawBufferPointer($0)) }
    }

    static func err(_ s: String) {
        var s = s
        s.withUTF8 { try? FileDescriptor.standardError.writeAll(UnsafeRawBufferPointer($0)) }
    }

    static var stderrIsTerminal: Bool { FileDescriptor.standardError.isTerminal }

    /// Reads all of standard input (a batch given as `-`).
    static func readStandardInput() throws(Errno) -> [UInt8] {
        var out: [UInt8] = []
        let fd = FileDescriptor.standardInput
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try buf.withUnsafeMutableBytes { b in Result { () throws(Errno) -> Int in try fd.read(into: b) } }.get()
            if n == 0 { break }
            out += buf[..<n]
        }
        return out
    }
}
