import Foundation
import OfficeOpenXML
import SeededRandom
import Testing

/// CRC-32 must be zlib's exactly: every ZIP reader recomputes it and rejects a
/// mismatch.
struct CRC32Tests {
    @Test func knownVectorsMatchThePublishedCheckValues() {
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Array("a".utf8)) == 0xE8B7_BE43)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        #expect(CRC32.checksum([UInt8](repeating: 0, count: 32)) == 0x190A_55AD)
        #expect(CRC32.checksum([UInt8](repeating: 0xFF, count: 32)) == 0xFF6C_AB0B)
    }

    @Test func feedingInPiecesGivesTheSameValueAsFeedingWhole() {
        var rng = SplitMix64(seed: 0xC3C3)
        let data = (0..<5000).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        for _ in 0..<50 {
            var crc = CRC32()
            var start = 0
            while start < data.count {
                let end = min(data.count, start + rng.int(0...700))
                crc.update(data[start..<end])
                start = end
            }
            #expect(crc.value == CRC32.checksum(data))
        }
    }

    @Test(.enabled(if: ExternalTool.python != nil, "python3 is not on PATH: CRC-32 is not compared with zlib"))
    func randomDataMatchesPythonsZlibCrc32() throws {
        var rng = SplitMix64(seed: 0x2B1D)
        let lengths = [0, 1, 2, 3, 4, 7, 8, 15, 16, 255, 256, 1023, 4096, 65_537] + (0..<40).map { _ in rng.int(0...3000) }
        let blobs = lengths.map { n in (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) } }
        let scratch = try ScratchDirectory("crc")
        let paths = try blobs.enumerated().map { try scratch.write("blob\($0.offset)", $0.element) }
        let script = """
        import json, sys, zlib
        print(json.dumps([zlib.crc32(open(p, 'rb').read()) for p in sys.argv[1:]]))
        """
        let expected = try ExternalTool.python(script, paths, as: [UInt32].self)
        #expect(expected.count == blobs.count)
        for (blob, want) in zip(blobs, expected) {
            #expect(CRC32.checksum(blob) == want, "length \(blob.count)")
        }
    }
}
