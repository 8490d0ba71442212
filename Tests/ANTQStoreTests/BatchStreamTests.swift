import ANTQCodec
import ANTQTestSupport
import EventLog
import Foundation
import SystemCalls
import Testing
import TextFormats
@testable import ANTQDomain
@testable import ANTQStore

private let province = #"{"type":"unit.registered","occurred":"2000-01-01","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}"#
private func arrest(_ n: Int, day: String = "2018-05-14") -> String {
    #"{"type":"arrest.made","occurred":"\#(day)","unit":"74","by":"Đặng Văn Lâm","data":{"count":\#(n)}}"#
}
private func correct(_ target: Int, count: Int) -> String {
    #"{"type":"event.corrected","data":{"target":\#(target),"reason":"miscounted","data":{"count":\#(count)}}}"#
}

/// Reads `bytes` through a `BatchReader` with the given buffer: each draft's
/// line number and either its count (arrests) or its problem text.
private func readAll(_ bytes: [UInt8], bufferSize: Int, maxLineLength: Int = BatchReader.maxLineLength) throws -> [String] {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("antq-batch-\(UUID().uuidString)").path
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let fd = try FileDescriptor.open(path, .readOnly)
    defer { try? fd.close() }
    let reader = BatchReader(fd: fd, bufferSize: bufferSize, maxLineLength: maxLineLength)
    var out: [String] = []
    while let input = try reader.next() {
        switch input.draft {
        case .success(let d):
            // A fast path hands the data read, the general path as fields.
            var count = "\(d.fields.first { $0.key == "count" }?.value ?? .null)"
            if let n = d.data?.int(ArrestMade.count) { count = "number(\"\(n)\")" }
            out.append("\(input.line): \(d.type.rawValue) \(count)")
        case .failure(let e): out.append("\(input.line): \(e.problem.en)")
        }
    }
    return out
}

@Test func batchReaderGivesTheSameLinesWhateverItsBufferSize() throws {
    var text = (1...40).map { arrest($0) }
    text[3] = ""                    // blank line: skipped, still counted
    text[7] = "   \t "              // blank too
    text[11] = arrest(12) + "\r"    // CR LF
    text[19] = String(repeating: "x", count: 300)  // longer than the 200-byte limit below
    text[23] = "{not json"
    text[27] = arrest(28) + "\u{0}"  // a NUL byte
    let bytes = Array((text.joined(separator: "\n")).utf8)  // the last line has no newline
    let reference = try readAll(bytes, bufferSize: 1 << 16, maxLineLength: 200)
    #expect(reference.count == 38)
    #expect(reference.first == "1: arrest.made number(\"1\")")
    #expect(reference.last == "40: arrest.made number(\"40\")")
    #expect(reference.contains("12: the line ends with CR LF (Windows line end)"))
    #expect(reference.contains("20: the line is 300 bytes long (limit 200)"))
    #expect(reference.contains("28: the line contains a NUL byte"))
    #expect(reference.contains { $0.hasPrefix("24: ") && !$0.contains("arrest.made") })
    #expect(!reference.contains { $0.hasPrefix("4: ") || $0.hasPrefix("8: ") })
    for size in [16, 17, 64, 100, 333] {
        #expect(try readAll(bytes, bufferSize: size, maxLineLength: 200) == reference, "buffer \(size)")
    }
}

@Test func batchReaderRefusesAByteOrderMarkAndReadsNothingElse() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array((arrest(1) + "\n" + arrest(2) + "\n").utf8)
    #expect(try readAll(bytes, bufferSize: 16) == ["1: the file starts with a UTF-8 byte-order mark (BOM)"])
}

@Test func batchReaderHandlesATrailingOverlongLineAndAnEmptyFile() throws {
    #expect(try readAll([], bufferSize: 16).isEmpty)
    #expect(try readAll(Array("\n\n  \n".utf8), bufferSize: 16).isEmpty)
    let bytes = Array((arrest(1) + "\n" + String(repeating: "y", count: 1000)).utf8)
    let got = try readAll(bytes, bufferSize: 16, maxLineLength: 200)
    #expect(got == ["1: arrest.made number(\"1\")", "2: the line is 1000 bytes long (limit 200)"], "\(got)")
}

/// A batch bigger than the sink's 4 MiB write chunk: part of it is in the
/// file (uncommitted) while later lines are validated, and corrections
/// must find their targets there, in the pending chunk, and in the line
/// held back for the `more` decision.
@Test func aBatchLargerThanOneWriteChunkCommitsWholeAndFindsItsOwnEarlierEvents() throws {
    let t = TestStore()
    defer { t.cleanup() }
    try t.append([province])
    let n = 20_000
    var lines = (1...n).map { arrest($0 % 50 + 1) }
    // Seq of batch line i is i + 2. Targets: early (flushed), late (pending), the line just before.
    lines += [correct(3, count: 99), correct(n, count: 98), correct(n + 2, count: 97)]
    let r = try t.append(lines)
    #expect(r.events.count == n + 3)
    #expect(r.fingerprint.seq == n + 5)
    #expect(t.logBytes.count > 5 << 20)
    let stored = t.storedLines()
    #expect(stored.count == n + 5)
    #expect(stored.dropLast().suffix(n + 2).allSatisfy { $0.more })
    #expect(stored.last?.more == false)
    let events = stored.map(\.event)
    for (e, target, was) in [(events[n + 2], 3, 1 % 50 + 1), (events[n + 3], n, (n - 2) % 50 + 1), (events[n + 4], n + 2, n % 50 + 1)] {
        guard let c = e.data.correction else { Issue.record("not a correction: \(e.type)"); continue }
        #expect(c.target == target)
        #expect(c.was.type == .arrestMade && c.was.data.int(ArrestMade.count) == Int64(was))
        #expect(c.was == events[target - 1].fact)
    }
    #expect(try t.store.verify().clean)
}

@Test func aBadLineInTheSecondHalfOfABigBatchLeavesTheLogByteIdentical() throws {
    let t = TestStore()
    defer { t.cleanup() }
    try t.append([province, arrest(1)])
    let before = t.logBytes
    var lines = (1...20_000).map { arrest($0 % 50 + 1) }
    lines[17_000] = arrest(0)
    lines += [correct(19_000, count: 99)]  // targets an event written after the bad line: judged as before, so fine
    do {
        try t.append(lines)
        Issue.record("accepted")
    } catch {
        guard case .rejected(let problems, let total) = error else { Issue.record("\(error)"); return }
        #expect(total == 1)
        #expect(problems.map(\.line) == [17_001])
    }
    #expect(t.logBytes == before)
    #expect(try t.store.verify().clean)
    // And the next append goes on from the old end, with nothing to move aside.
    let r = try t.append([arrest(5)])
    #expect(r.events.map(\.seq) == [4])
    #expect(t.notes.value.isEmpty, "\(t.notes.value)")
}
