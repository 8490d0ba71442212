import Foundation
import Testing
import Hashing
import SystemCalls
@testable import EventLog

private func scan(_ bytes: [UInt8]) throws -> LogTail {
    let dir = TempDir("logtail")
    defer { dir.cleanup() }
    writeFile(dir.file("log"), bytes)
    return try withFile(dir.file("log")) { fd in try LogTail.scan(fd) }
}

@Test func anEmptyFileHasAnEmptyTail() throws {
    let t = try scan([])
    #expect(t == LogTail(committedEnd: 0, lastSeq: 0, lastHash: .zero, lastLine: [], fileSize: 0, unfinishedLines: 0))
    #expect(!t.hasUncommittedBytes)
}

@Test func aSoundLogEndsAtItsLastLine() throws {
    let lines = chainLines(5)
    let bytes = joined(lines)
    let t = try scan(bytes)
    #expect(t.committedEnd == Int64(bytes.count))
    #expect(t.lastSeq == 5)
    #expect(t.lastHash == SHA256.hash(lines[4]))
    #expect(t.lastLine == lines[4])
    #expect(t.unfinishedLines == 0)
    #expect(!t.hasUncommittedBytes)
}

@Test func aTornLastLineIsNotCommitted() throws {
    let lines = chainLines(3)
    let committed = joined(lines)
    let torn = Array(logLine(seq: 4, prev: SHA256.hash(lines[2])).prefix(17))
    let t = try scan(committed + torn)
    #expect(t.committedEnd == Int64(committed.count))
    #expect(t.lastSeq == 3)
    #expect(t.lastLine == lines[2])
    #expect(t.fileSize == Int64(committed.count + torn.count))
    #expect(t.hasUncommittedBytes)
    #expect(t.unfinishedLines == 0)
}

@Test func aTrailingRunOfMoreLinesIsAnUnfinishedBatch() throws {
    let lines = chainLines(3)
    let committed = joined(lines)
    let l4 = logLine(seq: 4, prev: SHA256.hash(lines[2]), more: true)
    let l5 = logLine(seq: 5, prev: SHA256.hash(l4), more: true)
    let torn = Array(logLine(seq: 6, prev: SHA256.hash(l5)).prefix(30))
    for tail in [l4 + [0x0A], l4 + [0x0A] + l5 + [0x0A], l4 + [0x0A] + l5 + [0x0A] + torn] {
        let t = try scan(committed + tail)
        #expect(t.committedEnd == Int64(committed.count))
        #expect(t.lastSeq == 3)
        #expect(t.lastHash == SHA256.hash(lines[2]))
        #expect(t.unfinishedLines == tail.filter { $0 == 0x0A }.count)
    }
}

@Test func aFinishedBatchEndsWithALineWithoutMore() throws {
    let lines = chainLines(2)
    let l3 = logLine(seq: 3, prev: SHA256.hash(lines[1]), more: true)
    let l4 = logLine(seq: 4, prev: SHA256.hash(l3))
    let bytes = joined(lines + [l3, l4])
    let t = try scan(bytes)
    #expect(t.committedEnd == Int64(bytes.count))
    #expect(t.lastSeq == 4)
}

@Test func aFirstBatchThatNeverFinishedLeavesNothingCommitted() throws {
    let l1 = logLine(seq: 1, prev: .zero, more: true)
    let t = try scan(l1 + [0x0A])
    #expect(t.committedEnd == 0 && t.lastSeq == 0 && t.unfinishedLines == 1 && t.hasUncommittedBytes)
}

@Test func aDamagedLastCompleteLineIsReportedAsDamageNotACrash() throws {
    let lines = chainLines(3)
    let committed = joined(lines)
    #expect {
        _ = try scan(committed + Array("not json at all\n".utf8))
    } throws: { error in
        guard case LogTail.ScanError.damagedLastLine(let offset, _) = error else { return false }
        return offset == Int64(committed.count)
    }
}

@Test func linesLongerThanTheBackwardReadWindowAreFound() throws {
    // The tail reader goes back 64 KiB at a time: lines of 200 KB cross several windows.
    let lines = chainLines(3) { String(repeating: "y", count: 200_000 + $0) }
    let l4 = logLine(seq: 4, prev: SHA256.hash(lines[2]), payload: String(repeating: "z", count: 150_000), more: true)
    let committed = joined(lines)
    let t = try scan(committed + l4 + [0x0A] + Array(repeating: 0x41, count: 70_000))
    #expect(t.committedEnd == Int64(committed.count))
    #expect(t.lastLine == lines[2])
    #expect(t.unfinishedLines == 1)
}
