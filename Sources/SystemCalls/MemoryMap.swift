#if canImport(Glibc)
import Glibc
#endif

/// The process's mappings as `/proc/self/maps` lists them: what
/// `MallocTuning` reads to find the extent of a malloc heap without relying
/// on how glibc lays its heaps out.
public struct MemoryMap: Sendable, Equatable {
    public struct Region: Sendable, Equatable {
        public var start: UInt
        public var end: UInt
        /// `rw-p`, `---p`, `r-xp` …
        public var permissions: String
        public var inode: UInt64
        /// `[heap]`, `[stack]`, a file path, or empty for an anonymous mapping.
        public var path: String

        /// Private memory not backed by a file: a malloc heap (the main one
        /// is `[heap]`; glibc 2.39 can name its arenas `[anon: glibc: malloc
        /// arena]`), a thread stack, an anonymous `mmap`.
        public var isAnonymous: Bool {
            inode == 0 && (path.isEmpty || path == "[heap]" || path.hasPrefix("[anon:")) && permissions.hasSuffix("p")
        }

        public func contains(_ address: UInt) -> Bool { start <= address && address < end }
    }

    public var regions: [Region]

    /// Parses the text of a maps file; a line that does not parse is skipped.
    public init(parsing text: String) {
        regions = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count >= 5 else { continue }
            let range = fields[0].split(separator: "-")
            guard range.count == 2, let start = UInt(range[0], radix: 16), let end = UInt(range[1], radix: 16), start < end,
                  let inode = UInt64(fields[4]) else { continue }
            let path = fields.count > 5 ? String(fields[5].drop { $0 == " " }) : ""
            regions.append(Region(start: start, end: end, permissions: String(fields[1]), inode: inode, path: path))
        }
    }

    /// The calling process's map, read from `/proc/self/maps`.
    public static func current() throws(Errno) -> MemoryMap {
        let fd = try FileDescriptor.open("/proc/self/maps", .readOnly)
        defer { try? fd.close() }
        var bytes: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 16384, alignment: 8)
        defer { chunk.deallocate() }
        while true {
            let n = try fd.read(into: chunk)
            if n == 0 { break }
            bytes += UnsafeRawBufferPointer(rebasing: chunk[..<n])
        }
        return MemoryMap(parsing: String(decoding: bytes, as: UTF8.self))
    }

    /// The anonymous read-write mapping holding `address`, together with
    /// the anonymous reserved (`---p`) mappings right after it: a thread's
    /// malloc arena is a read-write part and a reserve it grows into.
    public func heapExtent(around address: UInt) -> Range<UInt>? {
        guard let i = regions.firstIndex(where: { $0.contains(address) }),
              regions[i].isAnonymous, regions[i].permissions.hasPrefix("rw") else { return nil }
        var end = regions[i].end
        var j = i + 1
        while j < regions.count, regions[j].start == end, regions[j].isAnonymous, regions[j].permissions.hasPrefix("---") {
            end = regions[j].end
            j += 1
        }
        return regions[i].start..<end
    }
}
