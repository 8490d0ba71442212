#if canImport(Glibc)
import Glibc
#endif

/// Output held back until the work behind it is over. A listing that
/// streams a log finds a damaged line only when it reaches it; what it
/// had printed before would be events from a log that does not check out.
/// So nothing is written until the whole read has checked clean: the bytes
/// are kept in memory, and beyond `memoryLimit` in a file with no name
/// (`FileSystem.makeUnnamedFile`) that the system removes however the
/// process ends. Dropped unwritten when the work fails (the scratch file is
/// closed with the holder).
public final class HeldOutput {
    private var memory: [UInt8] = []
    private var spill: FileDescriptor?
    private let memoryLimit: Int
    private let directory: String

    /// - Parameters:
    ///   - memoryLimit: bytes kept in memory before they go to the scratch
    ///     file (a listing of a million events is hundreds of megabytes).
    ///   - directory: where the scratch file goes: `$TMPDIR`, else `/tmp`.
    public init(memoryLimit: Int = 32 << 20, directory: String? = nil) {
        self.memoryLimit = memoryLimit
        self.directory = directory ?? Environment.value("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    /// Bytes held so far, in memory and in the scratch file.
    public private(set) var count = 0

    /// Whether some of it went to the scratch file.
    public var spilled: Bool { spill != nil }

    public func append(_ text: String) throws(Errno) {
        memory.append(contentsOf: text.utf8)
        count += text.utf8.count
        if memory.count >= memoryLimit { try spillMemory() }
    }

    private func spillMemory() throws(Errno) {
        if spill == nil { spill = try FileSystem.makeUnnamedFile(in: directory) }
        try spill!.writeAll(memory)
        memory.removeAll(keepingCapacity: true)
    }

    deinit { try? spill?.close() }

    /// Writes everything held to `out` (standard output by default), in order,
    /// and forgets it. A reader that went away (`antq log | head`: the pipe
    /// is closed) ends the output; that is no error.
    public func release(to out: FileDescriptor = .standardOutput) throws(Errno) {
        defer {
            try? spill?.close()
            spill = nil
            memory = []
            count = 0
        }
        do {
            if let file = spill {
                _ = try file.seek(to: 0)
                let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
                defer { buffer.deallocate() }
                while true {
                    let n = try file.read(into: buffer)
                    if n == 0 { break }
                    try out.writeAll(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
                }
            }
            try out.writeAll(memory)
        } catch where error.code == EPIPE {
            return
        }
    }
}
