/// Writes a ZIP archive of *stored* (uncompressed, method 0) entries, enough
/// for an Office Open XML package, which is a ZIP whose parts are named by path.
///
/// Why stored: it needs no deflate implementation (antq takes no packages), and
/// every reader of OOXML accepts method 0. The cost is size: an xlsx written here
/// is several times larger than Excel's own, which matters little for reports.
///
/// The output is deterministic: entries appear in the order added, every entry
/// has the one ``Timestamp`` given at ``init(modified:)`` (the MS-DOS epoch by
/// default), and no field depends on the clock, the host or the user.
///
/// Limits, refused with ``ZipError`` rather than written wrong: no ZIP64, so no
/// entry, offset or archive may reach 4 GiB (0xFFFFFFFF is ZIP64's marker), and
/// at most 65,534 entries. Names are UTF-8 with general-purpose bit 11 set, so
/// readers do not decode them as code page 437.
public struct ZipWriter: Sendable {
    /// One central directory record's worth of facts about an entry already written.
    private struct Entry: Sendable {
        var name: [UInt8]
        var crc: UInt32
        var size: UInt32
        var offset: UInt32
    }

    private var output: [UInt8] = []
    private var entries: [Entry] = []
    private var names: Set<[UInt8]> = []
    private var centralSize = 0
    private let date: UInt16
    private let time: UInt16

    /// ZIP 2.0 in "version needed" and "made by" (host 0, MS-DOS: external
    /// attributes are then DOS attributes, and zero means a plain file that
    /// `unzip` extracts with the user's umask).
    private static let version: UInt16 = 20
    /// General purpose bit 11: the name is UTF-8.
    private static let utf8Flag: UInt16 = 0x0800
    private static let localHeaderSize = 30
    private static let centralHeaderSize = 46
    private static let endRecordSize = 22
    /// The largest value a 32-bit field may hold without meaning "see ZIP64".
    static let maximum32 = Int(UInt32.max) - 1
    /// The largest entry count; 0xFFFF would mean "see ZIP64".
    static let maximumEntries = Int(UInt16.max) - 1

    public init(modified: Timestamp = .dosEpoch) {
        date = modified.dosDate
        time = modified.dosTime
    }

    /// Appends one file. `name` is a relative path with `/` separators.
    ///
    /// The checks run before anything is written, so a refused entry leaves the
    /// archive as it was. `contents.count` is read first, so an oversize entry is
    /// refused without reading its bytes.
    public mutating func add(name: String, contents: some Collection<UInt8>) throws(ZipError) {
        let nameBytes = Array(name.utf8)
        try Self.validate(name: name, bytes: nameBytes)
        guard !names.contains(nameBytes) else { throw .duplicateName(name) }
        guard entries.count < Self.maximumEntries else { throw .tooManyEntries }
        let size = contents.count
        guard size <= Self.maximum32 else { throw .entryTooLarge(name: name, size: size) }
        // Everything still to be written for this entry and the archive's end
        // must fit in 32-bit offsets and sizes.
        let localSize = Self.localHeaderSize + nameBytes.count + size
        let central = Self.centralHeaderSize + nameBytes.count
        let projected = output.count + localSize + centralSize + central + Self.endRecordSize
        guard projected <= Self.maximum32 else { throw .archiveTooLarge(name: name) }

        let offset = UInt32(output.count)
        let crc = CRC32.checksum(contents)
        output.reserveCapacity(output.count + localSize)
        output.append32(0x0403_4B50)
        output.append16(Self.version)
        output.append16(Self.utf8Flag)
        output.append16(0)                       // method: stored
        output.append16(time)
        output.append16(date)
        output.append32(crc)
        output.append32(UInt32(size))            // compressed size = size: stored
        output.append32(UInt32(size))
        output.append16(UInt16(nameBytes.count))
        output.append16(0)                       // extra field length
        output.append(contentsOf: nameBytes)
        output.append(contentsOf: contents)

        entries.append(Entry(name: nameBytes, crc: crc, size: UInt32(size), offset: offset))
        names.insert(nameBytes)
        centralSize += central
    }

    /// Convenience for text parts: the string's UTF-8 bytes, no BOM.
    public mutating func add(name: String, text: String) throws(ZipError) {
        try add(name: name, contents: Array(text.utf8))
    }

    /// The finished archive: the entries, the central directory, the end record.
    /// The sizes were checked as entries were added, so this cannot fail.
    public consuming func finish() -> [UInt8] {
        var out = output
        let directoryOffset = UInt32(out.count)
        out.reserveCapacity(out.count + centralSize + Self.endRecordSize)
        for e in entries {
            out.append32(0x0201_4B50)
            out.append16(Self.version)           // made by: ZIP 2.0, MS-DOS
            out.append16(Self.version)           // needed to extract
            out.append16(Self.utf8Flag)
            out.append16(0)                      // method: stored
            out.append16(time)
            out.append16(date)
            out.append32(e.crc)
            out.append32(e.size)
            out.append32(e.size)
            out.append16(UInt16(e.name.count))
            out.append16(0)                      // extra field length
            out.append16(0)                      // comment length
            out.append16(0)                      // disk number start
            out.append16(0)                      // internal attributes
            out.append32(0)                      // external attributes
            out.append32(e.offset)
            out.append(contentsOf: e.name)
        }
        out.append32(0x0605_4B50)
        out.append16(0)                          // this disk
        out.append16(0)                          // disk with the central directory
        out.append16(UInt16(entries.count))
        out.append16(UInt16(entries.count))
        out.append32(UInt32(centralSize))
        out.append32(directoryOffset)
        out.append16(0)                          // comment length
        return out
    }

    /// A name must be a relative path that extracts inside the target folder:
    /// no leading `/`, no `\` (some tools read it as a separator), no empty,
    /// `.` or `..` segment, no NUL, and short enough for the 16-bit length field.
    private static func validate(name: String, bytes: [UInt8]) throws(ZipError) {
        guard !bytes.isEmpty, bytes.count <= Int(UInt16.max) else { throw .invalidName(name) }
        guard !bytes.contains(0), !bytes.contains(UInt8(ascii: "\\")) else { throw .invalidName(name) }
        for segment in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            if segment.isEmpty || segment.elementsEqual([0x2E]) || segment.elementsEqual([0x2E, 0x2E]) {
                throw .invalidName(name)
            }
        }
    }
}

/// Why an entry was refused; the archive is unchanged by a refused entry.
public enum ZipError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Empty, absolute, with `\`, NUL, or an empty, `.` or `..` segment, or over 65,535 bytes.
    case invalidName(String)
    case duplicateName(String)
    /// 4 GiB or more: would need ZIP64, which this writer does not implement.
    case entryTooLarge(name: String, size: Int)
    /// Adding this entry would put an offset or the archive at 4 GiB or more.
    case archiveTooLarge(name: String)
    /// 65,535 entries or more: would need ZIP64.
    case tooManyEntries

    public var description: String {
        switch self {
        case .invalidName(let n): return "invalid ZIP entry name \"\(n)\""
        case .duplicateName(let n): return "duplicate ZIP entry name \"\(n)\""
        case .entryTooLarge(let n, let size): return "ZIP entry \"\(n)\" is \(size) bytes; entries of 4 GiB or more need ZIP64, which is not supported"
        case .archiveTooLarge(let n): return "adding \"\(n)\" would make the archive 4 GiB or more; ZIP64 is not supported"
        case .tooManyEntries: return "a ZIP archive without ZIP64 holds at most 65,534 entries"
        }
    }
}

extension Array where Element == UInt8 {
    /// Little-endian, as every ZIP field is.
    mutating func append16(_ v: UInt16) {
        append(UInt8(truncatingIfNeeded: v))
        append(UInt8(truncatingIfNeeded: v >> 8))
    }

    mutating func append32(_ v: UInt32) {
        append(UInt8(truncatingIfNeeded: v))
        append(UInt8(truncatingIfNeeded: v >> 8))
        append(UInt8(truncatingIfNeeded: v >> 16))
        append(UInt8(truncatingIfNeeded: v >> 24))
    }
}
