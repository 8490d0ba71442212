import ANTQCodec
import ANTQDomain
import EventLog
import Hashing
import JSONCodec
import SystemCalls

/// Writes what the generator produces: a data directory exactly as antq
/// would have written it (through the library's own `LogWriter`, so the
/// chain, `more` markers and fsync are antq's), and batch files of drafts.
enum GeneratedData {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a call into the system, reporting its failure as `what` and the
    /// system's text ("cannot create X: No space left on device").
    static func system<T>(_ what: @autoclosure () -> String, _ body: () throws(Errno) -> T) throws(Failure) -> T {
        do throws(Errno) { return try body() } catch { throw Failure(description: "\(what()): \(error.text)") }
    }

    struct LogInfo {
        var lines: Int
        var bytes: Int64
        var fingerprint: Fingerprint
        /// Byte offset and seq of the last batch end at or before the requested cut.
        var cutOffset: Int64
        var cutSeq: Int
    }

    /// Creates `dir/events/log.jsonl` and `dir/snapshots/` and appends
    /// `count` generated events as antq would; remembers where the last
    /// batch ending at or before seq `cutAt` ends, for the snapshot scenario.
    static func writeLog(_ dir: String, generator: inout LogGenerator, count: Int, cutAt: Int = 0) throws -> LogInfo {
        let layout = LogLayout(root: dir)
        for d in [layout.root, layout.eventsDirectory, layout.snapshotsDirectory] {
            try system("cannot create \(d)") { () throws(Errno) in try FileSystem.makeDirectory(d) }
        }
        try system("cannot create \(layout.logPath)") { () throws(Errno) in
            try FileDescriptor.open(layout.logPath, [.writeOnly, .create, .exclusive]).close()
        }
        var bytes: Int64 = 0
        var cutOffset: Int64 = 0
        var cutSeq = 0
        let writer = LogWriter(layout: layout, key: .plain)
        let receipt = try writer.append { (_: LogTail, sink: inout BatchSink) throws in
            for _ in 0..<count {
                let (e, more) = generator.next()
                precondition(e.seq == sink.nextSeq, "generator and log disagree on seq")
                let line = LineWriter.encode(e, prev: sink.nextPrev, more: more)
                try sink.add(line)
                bytes += Int64(line.count + 1)
                if !more && e.seq <= cutAt {
                    cutOffset = bytes
                    cutSeq = e.seq
                }
            }
        }
        return LogInfo(lines: receipt.lastSeq, bytes: bytes, fingerprint: receipt.fingerprint, cutOffset: cutOffset, cutSeq: cutSeq)
    }

    /// Writes the generator's next `count` events as batch lines for
    /// `antq append --file`: the envelope without seq, id, recorded and
    /// prev, and for amendments only what a clerk gives (target, reason,
    /// the corrected fields) — antq fills in `was`.
    /// - Parameter ids: give every line its own `id`, as a system exporting into antq would (an idempotency key).
    static func writeDrafts(_ path: String, generator: inout LogGenerator, count: Int, ids: Bool = false) throws {
        var out = try BufferedFile(path)
        for _ in 0..<count {
            let e = generator.next().event
            var w = JSONWriter(reserving: 256)
            w.beginObject()
            if ids { w.key("id"); w.string(e.id) }
            w.key("type"); w.string(e.type.rawValue)
            w.key("occurred"); w.string(e.occurred.iso)
            if let c = e.data.correction {
                w.key("data"); w.beginObject()
                w.key("target"); w.int(Int64(c.target))
                w.key("reason"); w.string(c.reason)
                if c.replacement.unit != c.was.unit, let u = c.replacement.unit { w.key("unit"); w.string(u) }
                w.key("data"); w.raw(LineWriter.encodeData(c.replacement.data))
                w.endObject()
            } else if let r = e.data.retraction {
                w.key("data"); w.beginObject()
                w.key("target"); w.int(Int64(r.target))
                w.key("reason"); w.string(r.reason)
                w.endObject()
            } else {
                if let u = e.unit { w.key("unit"); w.string(u) }
                w.key("by"); w.string(e.by)
                w.key("data"); w.raw(LineWriter.encodeData(e.data))
            }
            w.endObject()
            try out.write(w.bytes)
            try out.write([0x0A])
        }
        try out.close()
    }

    /// Copies the first `length` bytes of `from` to a new file `to`.
    static func copyPrefix(_ from: String, to: String, length: Int64) throws {
        let input = try system("cannot open \(from)") { () throws(Errno) in try FileDescriptor.open(from, .readOnly) }
        defer { try? input.close() }
        var out = try BufferedFile(to)
        var left = length
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
        defer { buffer.deallocate() }
        while left > 0 {
            let want = Int(min(Int64(buffer.count), left))
            let n = try system("cannot read \(from)") { () throws(Errno) in try input.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want])) }
            guard n > 0 else { throw Failure(description: "\(from) is shorter than \(length) bytes") }
            try out.write(Array(buffer[0..<n]))
            left -= Int64(n)
        }
        try out.close()
    }

    /// Appends the bytes of `from` after `offset` to the existing file `to`.
    static func appendRest(of from: String, after offset: Int64, to: String) throws {
        let input = try system("cannot open \(from)") { () throws(Errno) in try FileDescriptor.open(from, .readOnly) }
        defer { try? input.close() }
        var out = try BufferedFile(to, append: true)
        var position = offset
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let n = try system("cannot read \(from)") { () throws(Errno) in try input.read(fromAbsoluteOffset: position, into: buffer) }
            if n <= 0 { break }
            try out.write(Array(buffer[0..<n]))
            position += Int64(n)
        }
        try out.close()
    }

    /// Copies a data directory's log (snapshots are not copied).
    static func copyDataDirectory(_ from: String, to: String) throws {
        for d in [to, to + "/events", to + "/snapshots"] {
            try system("cannot create \(d)") { () throws(Errno) in try FileSystem.makeDirectory(d) }
        }
        guard let size = FileSystem.size(from + "/events/log.jsonl") else { throw Failure(description: "cannot stat \(from)/events/log.jsonl") }
        try copyPrefix(from + "/events/log.jsonl", to: to + "/events/log.jsonl", length: size)
    }
}

/// A write-only file with a large buffer (the bench writes hundreds of MB).
struct BufferedFile {
    let file: FileDescriptor
    private var buffer: [UInt8] = []

    init(_ path: String, append: Bool = false) throws {
        file = try GeneratedData.system("cannot create \(path)") { () throws(Errno) in
            try FileDescriptor.open(path, [.writeOnly, .create, append ? .append : .truncate])
        }
        buffer.reserveCapacity(4 << 20)
    }

    mutating func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 4 << 20 { try flush() }
    }

    mutating func flush() throws {
        try GeneratedData.system("cannot write \(file.path)") { () throws(Errno) in try file.writeAll(buffer) }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws {
        try flush()
        do { try file.close() } catch { throw GeneratedData.Failure(description: "cannot close \(file.path)") }
    }
}
