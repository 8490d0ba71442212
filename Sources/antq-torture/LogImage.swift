import Foundation
import JSONCodec

/// The log file as the harness reads it, independently of antq's own
/// reader: complete lines parsed as JSON, the committed end being the end
/// of the last complete line without `"more":true`.
struct LogImage {
    var bytes: [UInt8]
    var committedEnd: Int
    /// Parsed committed lines with their byte ranges.
    var lines: [(range: Range<Int>, value: JSONValue)]

    var tail: ArraySlice<UInt8> { bytes[committedEnd...] }

    /// Reads `path`; `from` is a committed offset already parsed (the lines
    /// before it are taken from `previous`, after checking their bytes are unchanged).
    static func read(_ path: String, previous: LogImage?) throws -> LogImage {
        guard let d = FileManager.default.contents(atPath: path) else { throw TortureFailure("cannot read \(path)") }
        let bytes = [UInt8](d)
        var lines: [(range: Range<Int>, value: JSONValue)] = []
        var start = 0
        if let p = previous {
            guard bytes.count >= p.committedEnd, bytes[..<p.committedEnd].elementsEqual(p.bytes[..<p.committedEnd]) else {
                throw TortureFailure("the committed part of the log (first \(p.committedEnd) bytes) changed: an acknowledged or committed event was altered or lost")
            }
            lines = p.lines
            start = p.committedEnd
        }
        var committedEnd = start
        var pending: [(range: Range<Int>, value: JSONValue)] = []
        while start < bytes.count, let nl = bytes[start...].firstIndex(of: 0x0A) {
            let range = start..<nl
            let value: JSONValue
            do { value = try JSONValue.parse(Array(bytes[range])) } catch {
                throw TortureFailure("log line at byte \(start) is a complete line but not JSON (\(error)): a write was not a prefix of a batch")
            }
            pending.append((range, value))
            if case .bool(true)? = value["more"] {} else {
                lines += pending
                pending.removeAll()
                committedEnd = nl + 1
            }
            start = nl + 1
        }
        return LogImage(bytes: bytes, committedEnd: committedEnd, lines: lines)
    }

    /// Whole `more` lines and torn bytes in the uncommitted tail.
    var tailShape: (wholeLines: Int, tornBytes: Int) {
        let t = tail
        let whole = t.filter { $0 == 0x0A }.count
        let lastNL = t.lastIndex(of: 0x0A).map { $0 + 1 } ?? committedEnd
        return (whole, bytes.count - lastNL)
    }
}

/// The quarantine files (`events/log.jsonl.unfinished-*`) and their contents.
func quarantineFiles(_ dataDir: String) -> [String: [UInt8]] {
    let dir = dataDir + "/events"
    var out: [String: [UInt8]] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.hasPrefix("log.jsonl.unfinished-") {
        out[name] = FileManager.default.contents(atPath: dir + "/" + name).map { [UInt8]($0) } ?? []
    }
    return out
}

extension JSONValue {
    var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    var intValue: Int? { if case .number(let n) = self { return n.int64.map(Int.init) }; return nil }
}
