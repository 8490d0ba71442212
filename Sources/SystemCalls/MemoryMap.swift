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

    init(regions: [Region]) { self.regions = regions }

    /// Parses the text of a maps file; a line that does not parse is skipped.
    public init(parsing text: String) {
        var text = text
        regions = text.withUTF8 { Self.regions(in: UnsafeRawBufferPointer($0)) }
    }

    /// The regions of a maps file's bytes, read byte by byte. Why not
    /// `split`: each thread that advises its heap reads the map, and
    /// splitting text by `Character` cost more than the rest of its start.
    static func regions(in bytes: UnsafeRawBufferPointer) -> [Region] {
        var out: [Region] = []
        var i = 0
        while i < bytes.count {
            var end = i
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            if let r = region(UnsafeRawBufferPointer(rebasing: bytes[i..<end])) { out.append(r) }
            i = end + 1
        }
        return out
    }

    /// One line: `start-end perms offset device inode [path]`, fields
    /// apart by spaces; the path is the rest of the line (it may hold spaces).
    private static func region(_ line: UnsafeRawBufferPointer) -> Region? {
        var i = 0
        func skipSpaces() { while i < line.count && line[i] == 0x20 { i += 1 } }
        func field() -> UnsafeRawBufferPointer? {
            skipSpaces()
            let start = i
            while i < line.count && line[i] != 0x20 { i += 1 }
            return i > start ? UnsafeRawBufferPointer(rebasing: line[start..<i]) : nil
        }
        func number(_ digits: UnsafeRawBufferPointer, radix: UInt64) -> UInt64? {
            guard !digits.isEmpty, digits.count <= 20 else { return nil }
            var n: UInt64 = 0
            for b in digits {
                let d: UInt64
                switch b {
                case 0x30...0x39: d = UInt64(b - 0x30)
                case 0x61...0x66 where radix == 16: d = UInt64(b - 0x61 + 10)
                case 0x41...0x46 where radix == 16: d = UInt64(b - 0x41 + 10)
                default: return nil
                }
                let (m, o1) = n.multipliedReportingOverflow(by: radix)
                let (a, o2) = m.addingReportingOverflow(d)
                guard !o1, !o2 else { return nil }
                n = a
            }
            return n
        }
        guard let range = field(), let dash = range.firstIndex(of: 0x2D),
              let start = number(UnsafeRawBufferPointer(rebasing: range[..<dash]), radix: 16),
              let end = number(UnsafeRawBufferPointer(rebasing: range[(dash + 1)...]), radix: 16), start < end,
              let permissions = field(), field() != nil, field() != nil, let inodeText = field(), let inode = number(inodeText, radix: 10)
        else { return nil }
        skipSpaces()
        return Region(start: UInt(start), end: UInt(end), permissions: String(decoding: permissions, as: UTF8.self), inode: inode,
                      path: String(decoding: UnsafeRawBufferPointer(rebasing: line[i...]), as: UTF8.self))
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
        return MemoryMap(regions: bytes.withUnsafeBytes { regions(in: $0) })
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
