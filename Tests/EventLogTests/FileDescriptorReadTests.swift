import Testing
@testable import SystemCalls
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
    #expect(fd.startWriteback(offset: 0, count: Int64(chunk.count)), "a regular file takes the hint")
    #expect(fd.startWriteback(offset: 5_000_000, count: 10), "a range past the end is no error")
    #expect(try fd.seek(to: 0, fromEnd: true) == Int64(chunk.count))
    try fd.writeAll(chunk)
    #expect(fd.startWriteback(offset: Int64(chunk.count), count: Int64(chunk.count)))
    try fd.sync()
    #expect(readFile(path) == chunk + chunk)
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    #expect(!FileDescriptor(rawValue: ends[1], path: "pipe").startWriteback(offset: 0, count: 4096), "a pipe does not (ESPIPE)")
    #expect(errno == ESPIPE)
    close(ends[0]); close(ends[1])
}

/// A SIGBUS is turned into a message only for an address inside a range
/// being watched, and only while it is watched; slots are reused.
@Test func aMappedRegionIsWatchedOnlyWhileItIsRead() throws {
    let dir = TempDir()
    defer { dir.cleanup() }
    let path = dir.file("piece")
    writeFile(path, Array(repeating: 0x41, count: 10_000))
    let fd = try FileDescriptor.open(path, .readOnly)
    defer { try? fd.close() }
    let region = try MappedRegion(fd, offset: 5_000, count: 5_000)
    #expect(region.bytes.count == 5_000 && region.bytes.allSatisfy { $0 == 0x41 })
    let start = UInt(bitPattern: region.bytes.baseAddress!)
    var slots: [Int] = []
    for round in 0..<100 {
        let slot = try #require(MappedRegionGuard.watch(region.bytes, message: "cut short \(round)\n"))
        let text = MappedRegionGuard.message(at: start + 4_999).map { String(decoding: $0, as: UTF8.self) }
        #expect(text == "cut short \(round)\n")
        #expect(MappedRegionGuard.message(at: start + 5_000) == nil && MappedRegionGuard.message(at: start - 1) == nil)
        MappedRegionGuard.release(slot)
        #expect(MappedRegionGuard.message(at: start) == nil)
        slots.append(slot)
    }
    #expect(Set(slots).count < 100, "released slots are taken again")
    #expect(try MappedRegion(fd, offset: 0, count: 0).bytes.isEmpty)
}
