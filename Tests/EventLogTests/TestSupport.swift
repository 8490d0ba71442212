import Foundation
import Hashing
import SystemCalls
import SeededRandom
@testable import EventLog

/// A fresh directory under /tmp, removed by the caller with `cleanup()`.
struct TempDir {
    let path: String
    init(_ label: String = "eventlog") {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { path + "/" + name }
    func cleanup() { try? FileManager.default.removeItem(atPath: path) }
}

func writeFile(_ path: String, _ bytes: [UInt8]) {
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
}

func readFile(_ path: String) -> [UInt8] {
    Array(FileManager.default.contents(atPath: path) ?? Data())
}

/// One log line as the core sees it: seq, prev, an opaque payload, `more`.
func logLine(seq: Int, prev: SHA256Digest, payload: String = "x", more: Bool = false) -> [UInt8] {
    var s = "{\"seq\":\(seq),\"payload\":\"\(payload)\",\"prev\":\"\(prev.hex)\""
    if more { s += ",\"more\":true" }
    s += "}"
    return Array(s.utf8)
}

/// A sound chain of `count` lines (plain SHA-256 or keyed), without newlines.
func chainLines(_ count: Int, key: ChainKey = .plain, payload: (Int) -> String = { "line \($0)" }) -> [[UInt8]] {
    var lines: [[UInt8]] = []
    var link = SHA256Digest.zero
    for seq in 1...max(count, 1) where count > 0 {
        let l = logLine(seq: seq, prev: link, payload: payload(seq))
        link = l.withUnsafeBytes { key.link(for: $0) }
        lines.append(l)
    }
    return lines
}

func joined(_ lines: [[UInt8]]) -> [UInt8] { lines.flatMap { $0 + [0x0A] } }

/// A data directory layout with `events/log.jsonl` holding `bytes`.
func makeLog(_ dir: TempDir, _ bytes: [UInt8]) -> LogLayout {
    let layout = LogLayout(root: dir.path)
    try! FileManager.default.createDirectory(atPath: layout.eventsDirectory, withIntermediateDirectories: true)
    writeFile(layout.logPath, bytes)
    return layout
}

func withFile<R>(_ path: String, _ body: (FileDescriptor) throws -> R) throws -> R {
    let fd = try FileDescriptor.open(path, .readOnly)
    defer { try? fd.close() }
    return try body(fd)
}
