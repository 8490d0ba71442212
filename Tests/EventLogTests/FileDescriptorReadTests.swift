import Testing
import SystemCalls
#if canImport(Glibc)
import Glibc
#endif

/// `readAll` fills its array from the reads alone (no zeroing first): it
/// must hold exactly the file's bytes in the range asked, stop short only
/// at the end of the file, and report a failed read as an error.
@Test func readAllGivesTheBytesAskedForAndStopsShortOnlyAtTheEndOfTheFile() throws {
    let dir = TempDir()
    defer { dir.cleanup() }
    let path = dir.file("data")
    let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
    writeFile(path, bytes)
    let fd = try FileDescriptor.open(path, .readOnly)
    defer { try? fd.close() }
    for (offset, count) in [(0, 300_000), (0, 0), (1, 1), (77_777, 150_001), (299_999, 1), (299_990, 100), (300_000, 10), (400_000, 5)] {
        let got = try fd.readAll(fromAbsoluteOffset: Int64(offset), count: count)
        let want = Array(bytes[min(offset, bytes.count)..<min(offset + count, bytes.count)])
        #expect(got == want, "\(count) bytes at \(offset)")
    }
    let writeOnly = try FileDescriptor.open(path, .writeOnly)
    defer { try? writeOnly.close() }
    #expect(throws: Errno.self) { try writeOnly.readAll(fromAbsoluteOffset: 0, count: 10) }
}

/// Starting writeback early is a hint: it must leave the file's bytes and
/// the descriptor's position as they were, and do nothing where the call
/// does not apply (a pipe), rather than fail.
@Test func startingWritebackChangesNothingThatCanBeRead() throws {
    let dir = TempDir()
    defer { dir.cleanup() }
    let path = dir.file("log")
    let fd = try FileDescriptor.open(path, [.readWrite, .create, .append])
    defer { try? fd.close() }
    let chunk = (0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    try fd.writeAll(chunk)
    fd.startWriteback(offset: 0, count: Int64(chunk.count))
    fd.startWriteback(offset: 5_000_000, count: 10)
    #expect(try fd.seek(to: 0, fromEnd: true) == Int64(chunk.count))
    try fd.writeAll(chunk)
    fd.startWriteback(offset: Int64(chunk.count), count: Int64(chunk.count))
    try fd.sync()
    #expect(readFile(path) == chunk + chunk)
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    FileDescriptor(rawValue: ends[1], path: "pipe").startWriteback(offset: 0, count: 4096)
    close(ends[0]); close(ends[1])
}
