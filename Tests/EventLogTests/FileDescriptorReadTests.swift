import Testing
import SystemCalls

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
