import SeededRandom
import Foundation
import Testing
import SystemCalls
@testable import EventLog

/// Collects what a stream yields: line bytes, numbers, offsets and the torn tail.
private struct Collected {
    var lines: [[UInt8]] = []
    var numbers: [Int] = []
    var offsets: [Int64] = []
    var trailing: (Int64, Int)?
    /// Lowest and highest address a line's bytes occupied.
    var low = UInt.max
    var high = UInt.min
}

private func stream(_ bytes: [UInt8], _ s: LineStream, from: Int64 = 0, to: Int64? = nil, firstLine: Int = 1) throws -> Collected {
    let dir = TempDir("linestream")
    defer { dir.cleanup() }
    let path = dir.file("f")
    writeFile(path, bytes)
    var c = Collected()
    try withFile(path) { fd in
        var torn: (Int64, Int)?
        try s.forEachLine(in: fd, from: from, to: to ?? Int64(bytes.count), firstLineNumber: firstLine,
                          trailing: { torn = ($0, $1) }) { (line: LineStream.Line) -> Bool in
            c.lines.append(Array(line.bytes))
            c.numbers.append(line.number)
            c.offsets.append(line.offset)
            if let b = line.bytes.baseAddress {
                c.low = min(c.low, UInt(bitPattern: b))
                c.high = max(c.high, UInt(bitPattern: b) + UInt(line.bytes.count))
            }
            return true
        }
        c.trailing = torn
    }
    return c
}

/// The reference: split on 0x0A, the last piece (if not empty) is the torn tail.
private func split(_ bytes: [UInt8]) -> (lines: [[UInt8]], offsets: [Int64], tail: [UInt8]) {
    var lines: [[UInt8]] = [], offsets: [Int64] = []
    var start = 0
    for (i, b) in bytes.enumerated() where b == 0x0A {
        lines.append(Array(bytes[start..<i])); offsets.append(Int64(start)); start = i + 1
    }
    return (lines, offsets, Array(bytes[start...]))
}

@Test func linesSplitAcrossBufferBoundariesAreReassembled() throws {
    var rng = SplitMix64(seed: 1)
    for bufferSize in [1, 2, 3, 7, 8, 16, 64] {
        for _ in 0..<20 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...30, using: &rng) {
                bytes += (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0x20...0x7E, using: &rng) }
                bytes.append(0x0A)
            }
            let c = try stream(bytes, LineStream(bufferSize: bufferSize, maxLineLength: 1 << 12))
            let ref = split(bytes)
            #expect(c.lines == ref.lines, "buffer \(bufferSize)")
            #expect(c.offsets == ref.offsets)
            #expect(c.numbers == (0..<ref.lines.count).map { $0 + 1 })
            #expect(c.trailing == nil)
        }
    }
}

@Test func aLineLongerThanTheBufferGrowsIt() throws {
    let long = [UInt8](repeating: 0x61, count: 1000)
    let bytes = Array("ab\n".utf8) + long + [0x0A] + Array("cd\n".utf8)
    let c = try stream(bytes, LineStream(bufferSize: 4, maxLineLength: 4096))
    #expect(c.lines == [Array("ab".utf8), long, Array("cd".utf8)])
    #expect(c.offsets == [0, 3, 1004])
}

@Test func aLineOverTheLimitIsAnErrorNamingIt() throws {
    let bytes = Array("ok\nfine\n".utf8) + [UInt8](repeating: 0x62, count: 100) + [0x0A]
    #expect {
        _ = try stream(bytes, LineStream(bufferSize: 4, maxLineLength: 32))
    } throws: { error in
        guard case LineStream.StreamError.lineTooLong(let number, let offset, let limit) = error else { return false }
        return number == 3 && offset == 8 && limit == 32
    }
    // Just under the limit is fine.
    let under = [UInt8](repeating: 0x62, count: 31) + [0x0A]
    #expect(try stream(under, LineStream(bufferSize: 4, maxLineLength: 32)).lines == [Array(under.dropLast())])
}

@Test func aTrailingFragmentWithoutNewlineIsReportedNotYielded() throws {
    let bytes = Array("one\ntwo\nthr".utf8)
    for size in [2, 5, 64] {
        let c = try stream(bytes, LineStream(bufferSize: size, maxLineLength: 64))
        #expect(c.lines == [Array("one".utf8), Array("two".utf8)])
        #expect(c.trailing?.0 == 8 && c.trailing?.1 == 3)
    }
}

@Test func carriageReturnsStayPartOfTheLine() throws {
    let c = try stream(Array("a\r\nb\r\n\r\n".utf8), LineStream(bufferSize: 2, maxLineLength: 64))
    #expect(c.lines == [[0x61, 0x0D], [0x62, 0x0D], [0x0D]])
}

@Test func emptyLinesAndEmptyFilesAreHandled() throws {
    #expect(try stream([], LineStream(bufferSize: 4)).lines.isEmpty)
    #expect(try stream([], LineStream(bufferSize: 4)).trailing == nil)
    #expect(try stream([0x0A, 0x0A], LineStream(bufferSize: 4)).lines == [[], []])
}

@Test func aRangeStartsAtItsOffsetAndNumbersFromTheGivenLine() throws {
    let bytes = Array("aa\nbb\ncc\ndd\n".utf8)
    let c = try stream(bytes, LineStream(bufferSize: 3, maxLineLength: 64), from: 3, to: 9, firstLine: 2)
    #expect(c.lines == [Array("bb".utf8), Array("cc".utf8)])
    #expect(c.numbers == [2, 3])
    #expect(c.offsets == [3, 6])
}

@Test func theBodyCanStopEarly() throws {
    let dir = TempDir("linestream")
    defer { dir.cleanup() }
    writeFile(dir.file("f"), Array("1\n2\n3\n".utf8))
    var seen = 0
    try withFile(dir.file("f")) { fd in
        try LineStream(bufferSize: 2).forEachLine(in: fd, to: 6) { (_: LineStream.Line) -> Bool in
            seen += 1
            return seen < 2
        }
    }
    #expect(seen == 2)
}

@Test func memoryStaysWithinTheBufferForNormalLines() throws {
    // Every line is served out of the one fixed buffer: the span of
    // addresses all lines occupied is never larger than the buffer itself.
    var rng = SplitMix64(seed: 7)
    var bytes: [UInt8] = []
    for _ in 0..<5000 {
        bytes += (0..<Int.random(in: 1...50, using: &rng)).map { _ in UInt8.random(in: 0x61...0x7A, using: &rng) }
        bytes.append(0x0A)
    }
    let c = try stream(bytes, LineStream(bufferSize: 256, maxLineLength: 1 << 20))
    #expect(c.lines.count == 5000)
    #expect(c.high - c.low <= 256)
}
