import Foundation
import Testing
@testable import SystemCalls
#if canImport(Glibc)
import Glibc
#endif

/// `MemoryMap` reads `/proc/self/maps`; `MallocTuning.enableHugePages`
/// uses it to advise malloc's heaps. The kernel's own `smaps` is the oracle
/// for what the advice did.
struct MemoryMapTests {
    static let sample = """
    55d0c0a00000-55d0c0a21000 rw-p 00000000 00:00 0                          [heap]
    7f3a40000000-7f3a40021000 rw-p 00000000 00:00 0 
    7f3a40021000-7f3a44000000 ---p 00000000 00:00 0 
    7f3a44000000-7f3a44001000 r--p 00000000 fe:00 1234                       /usr/lib/x86_64-linux-gnu/with space.so
    7f3a44001000-7f3a44002000 rw-p 00000000 00:00 0                          [stack]
    7f3a48000000-7f3a48021000 rw-p 00000000 00:00 0                          [anon: glibc: malloc arena]
    not a line
    7ffd1000-7ffd0000 rw-p 00000000 00:00 0
    """

    @Test func parsesEveryWellFormedLineAndSkipsTheRest() {
        let map = MemoryMap(parsing: MemoryMapTests.sample)
        #expect(map.regions.count == 6)
        #expect(map.regions[0] == .init(start: 0x55d0_c0a0_0000, end: 0x55d0_c0a2_1000, permissions: "rw-p", inode: 0, path: "[heap]"))
        #expect(map.regions[2].permissions == "---p" && map.regions[2].path.isEmpty)
        #expect(map.regions[3].path == "/usr/lib/x86_64-linux-gnu/with space.so" && map.regions[3].inode == 1234)
        #expect(map.regions.map(\.isAnonymous) == [true, true, true, false, false, true])
        #expect(map.regions[5].path == "[anon: glibc: malloc arena]")
    }

    @Test func aHeapExtendsOverTheReserveRightAfterItAndNoFurther() {
        let map = MemoryMap(parsing: MemoryMapTests.sample)
        // A thread's arena: the read-write part and its reserve.
        #expect(map.heapExtent(around: 0x7f3a_4000_0010) == 0x7f3a_4000_0000..<0x7f3a_4400_0000)
        // The main heap has no reserve.
        #expect(map.heapExtent(around: 0x55d0_c0a2_0fff) == 0x55d0_c0a0_0000..<0x55d0_c0a2_1000)
        // Not a heap: a reserve itself, a file, a stack, nothing mapped.
        for address: UInt in [0x7f3a_4002_2000, 0x7f3a_4400_0000, 0x7f3a_4400_1000, 0x55d0_c0a2_1000, 0x10] {
            #expect(map.heapExtent(around: address) == nil, "\(String(address, radix: 16))")
        }
    }

    @Test func theCurrentMapIsWhatTheKernelPrintsAndHoldsThisThreadsHeap() throws {
        let map = try MemoryMap.current()
        let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/maps"))
        defer { try? handle.close() }
        let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        try #require(!text.isEmpty)
        // Mappings come and go as other tests run: compare the first lines,
        // the executable's own, which stay.
        let firstLines = text.split(separator: "\n").prefix(3).joined(separator: "\n")
        #expect(Array(map.regions.prefix(3)) == MemoryMap(parsing: firstLines).regions)
        #expect(map.regions.count > 10)
        let p = malloc(64)!
        defer { free(p) }
        #expect(map.heapExtent(around: UInt(bitPattern: p)) != nil, "a malloc'd block lies in a heap")
    }
}

/// What the kernel says of the mapping holding `address`: whether its
/// `VmFlags` line in `/proc/self/smaps` has `hg` (advised for huge pages).
private func advisedForHugePages(_ address: UInt) throws -> Bool? {
    // Read whole: Foundation's file reading takes a /proc file's size (0) at its word.
    let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/smaps"))
    defer { try? handle.close() }
    let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
    var inside = false
    for line in text.split(separator: "\n") {
        if let dash = line.firstIndex(of: "-"), let space = line.firstIndex(of: " "), dash < space,
           let start = UInt(line[..<dash], radix: 16), let end = UInt(line[line.index(after: dash)..<space], radix: 16) {
            inside = start <= address && address < end
        } else if inside, line.hasPrefix("VmFlags:") {
            return line.split(separator: " ").contains("hg")
        }
    }
    return nil
}

/// Where the kernel offers huge pages: the heap of the thread that enables
/// them, and the arena of a thread antq starts afterwards, are advised (the
/// kernel's own `smaps` says so).
@Test(.enabled(if: MallocTuning.kernelOffersHugePages(), "the kernel offers no transparent huge pages here"))
func enablingHugePagesAdvisesTheCallersHeapAndTheArenasOfThreadsStartedLater() throws {
    MallocTuning.enableHugePages()
    MallocTuning.enableHugePages()   // once is enough; again changes nothing
    let here = malloc(4096)!
    defer { free(here) }
    #expect(try advisedForHugePages(UInt(bitPattern: here)) == true)
    let result = LockedResult()
    let thread = PosixThread.start {
        let p = malloc(4096)!
        result.set(UInt(bitPattern: p))
        free(p)
    }
    try #require(thread != nil)
    thread!.join()
    let address = try #require(result.value)
    #expect(try advisedForHugePages(address) == true)
}

private final class LockedResult: @unchecked Sendable {
    private var stored: UInt?
    private let lock = NSLock()
    var value: UInt? { lock.lock(); defer { lock.unlock() }; return stored }
    func set(_ v: UInt) { lock.lock(); stored = v; lock.unlock() }
}
