import Foundation
import OfficeOpenXML
import SeededRandom
import Testing

/// The ZIP writer checked by outside readers (Python's `zipfile`, Info-ZIP's
/// `unzip -t`) and for the limits it promises to refuse.
struct ZipWriterTests {
    /// Names with Vietnamese letters, nested folders and the brackets of
    /// `[Content_Types].xml`; contents of assorted sizes, one empty.
    static func sampleEntries(seed: UInt64) -> [(name: String, contents: [UInt8])] {
        var rng = SplitMix64(seed: seed)
        let names = ["[Content_Types].xml", "_rels/.rels", "xl/worksheets/sheet1.xml", "báo cáo/tổng hợp năm 2024.txt",
                     "empty.bin", "Đặc biệt/ĐƯỜNG_số 5.csv", "deep/a/b/c/d/e.xml"]
        return names.enumerated().map { i, name in
            let count = name == "empty.bin" ? 0 : rng.int(1...(i == 2 ? 200_000 : 3_000))
            return (name, (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
        }
    }

    static func archive(_ entries: [(name: String, contents: [UInt8])], modified: Timestamp = .dosEpoch) throws -> [UInt8] {
        var zip = ZipWriter(modified: modified)
        for e in entries { try zip.add(name: e.name, contents: e.contents) }
        return zip.finish()
    }

    struct PythonView: Decodable {
        var testzip: String?
        var names: [String]
        var contents: [String]      // hex
        var flags: [Int]
        var methods: [Int]
        var dates: [[Int]]
    }

    static let readScript = """
    import json, sys, zipfile
    z = zipfile.ZipFile(sys.argv[1])
    infos = z.infolist()
    print(json.dumps({
        "testzip": z.testzip(),
        "names": [i.filename for i in infos],
        "contents": [z.read(i).hex() for i in infos],
        "flags": [i.flag_bits for i in infos],
        "methods": [i.compress_type for i in infos],
        "dates": [list(i.date_time) for i in infos],
    }))
    """

    @Test(.enabled(if: ExternalTool.python != nil, "python3 is not on PATH: the archive is not checked with zipfile"))
    func pythonsZipfileReadsEveryNameAndByteBackWithValidCrcs() throws {
        let entries = Self.sampleEntries(seed: 7)
        let when = try #require(Timestamp(year: 2024, month: 2, day: 29, hour: 13, minute: 45, second: 31))
        let scratch = try ScratchDirectory("zip")
        let path = try scratch.write("a.zip", Self.archive(entries, modified: when))
        let view = try ExternalTool.python(Self.readScript, [path], as: PythonView.self)
        #expect(view.testzip == nil, "zipfile found a bad CRC in \(view.testzip ?? "")")
        #expect(view.names.map { Array($0.unicodeScalars) } == entries.map { Array($0.name.unicodeScalars) })
        for (hex, e) in zip(view.contents, entries) {
            #expect(hex == e.contents.map { String(format: "%02x", $0) }.joined(), "contents of \(e.name)")
        }
        #expect(view.flags.allSatisfy { $0 & 0x800 != 0 }, "UTF-8 name flag (bit 11)")
        #expect(view.methods.allSatisfy { $0 == 0 }, "stored")
        // DOS time has two-second resolution: 31 s is stored as 30.
        #expect(view.dates.allSatisfy { $0 == [2024, 2, 29, 13, 45, 30] })
    }

    @Test(.enabled(if: ExternalTool.unzip != nil, "unzip is not on PATH: the archive is not tested with Info-ZIP"))
    func infoZipTestsTheArchiveWithoutErrors() throws {
        let scratch = try ScratchDirectory("unzip")
        let path = try scratch.write("a.zip", Self.archive(Self.sampleEntries(seed: 8)))
        let result = try ExternalTool.run(ExternalTool.unzip!, ["-t", path])
        #expect(result.status == 0, "unzip -t: \(result.output) \(result.error)")
        #expect(result.output.contains("No errors detected"), "\(result.output)")
    }

    @Test func sameEntriesGiveTheSameBytes() throws {
        let a = try Self.archive(Self.sampleEntries(seed: 9))
        let b = try Self.archive(Self.sampleEntries(seed: 9))
        #expect(a == b)
        // With no time given, every entry carries 1980-01-01 00:00 (date 0x0021, time 0).
        #expect(Array(a[10..<14]) == [0x00, 0x00, 0x21, 0x00])
    }

    @Test func anEmptyArchiveIsJustTheEndRecord() {
        let bytes = ZipWriter().finish()
        #expect(bytes == [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
    }

    @Test func badNamesAreRefusedAndLeaveTheArchiveUnchanged() throws {
        let good = try Self.archive([("a.txt", [1, 2, 3])])
        for bad in ["", "/etc/passwd", "a\\b", "a//b", "a/", "../up", "a/./b", "x/../../y", "nul\u{0}byte",
                    String(repeating: "n", count: 65_536)] {
            var zip = ZipWriter()
            try zip.add(name: "a.txt", contents: [1, 2, 3])
            #expect(throws: ZipError.invalidName(bad)) { try zip.add(name: bad, contents: [9]) }
            #expect(zip.finish() == good, "after refusing \(bad.prefix(20))")
        }
    }

    @Test func aSecondEntryWithTheSameNameIsRefused() throws {
        var zip = ZipWriter()
        try zip.add(name: "xl/workbook.xml", text: "a")
        #expect(throws: ZipError.duplicateName("xl/workbook.xml")) { try zip.add(name: "xl/workbook.xml", text: "b") }
    }

    /// Without ZIP64 an entry must stay below 4 GiB; the size is read before any
    /// byte, so this needs no 4 GiB of memory.
    @Test func entriesOfFourGibibytesAreRefusedBeforeTheirBytesAreRead() throws {
        var zip = ZipWriter()
        let size = Int(UInt32.max)
        #expect(throws: ZipError.entryTooLarge(name: "big", size: size)) {
            try zip.add(name: "big", contents: repeatElement(UInt8(0), count: size))
        }
        // Just under the entry limit, the archive around it would reach 4 GiB.
        #expect(throws: ZipError.archiveTooLarge(name: "big")) {
            try zip.add(name: "big", contents: repeatElement(UInt8(0), count: size - 1))
        }
        #expect(zip.finish().count == 22)
    }

    @Test func theEntryCountStopsBeforeZip64sMarker() throws {
        var zip = ZipWriter()
        for i in 0..<65_534 { try zip.add(name: "f\(i)", contents: [UInt8]()) }
        #expect(throws: ZipError.tooManyEntries) { try zip.add(name: "one more", contents: [UInt8]()) }
        let bytes = zip.finish()
        // The end record's entry counts.
        #expect(Array(bytes[(bytes.count - 14)..<(bytes.count - 10)]) == [0xFE, 0xFF, 0xFE, 0xFF])
    }

    @Test func timestampsOutsideTheDosRangeOrCalendarAreRejected() {
        #expect(Timestamp(year: 1979, month: 12, day: 31) == nil)
        #expect(Timestamp(year: 2108, month: 1, day: 1) == nil)
        #expect(Timestamp(year: 2023, month: 2, day: 29) == nil)
        #expect(Timestamp(year: 2100, month: 2, day: 29) == nil)
        #expect(Timestamp(year: 2000, month: 2, day: 29) != nil)
        #expect(Timestamp(year: 2024, month: 4, day: 31) == nil)
        #expect(Timestamp(year: 2024, month: 1, day: 1, hour: 24) == nil)
        #expect(Timestamp(year: 2024, month: 5, day: 1, hour: 8, minute: 3, second: 9)?.description == "2024-05-01T08:03:09Z")
    }
}
