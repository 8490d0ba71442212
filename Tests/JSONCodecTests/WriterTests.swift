import SeededRandom
import Foundation
import XCTest
@testable import JSONCodec

final class WriterTests: XCTestCase {
    func testParseOfWriteIsIdentityOnGeneratedValues() throws {
        var gen = ValueGenerator(rng: SplitMix64(seed: 2024))
        for i in 0..<2000 {
            let v = gen.value(depth: 5)
            let bytes = v.jsonBytes
            XCTAssertEqual(try JSONValue.parse(bytes), v, "case \(i)")
            // Canonical: re-writing the parsed value gives the same bytes.
            XCTAssertEqual(try JSONValue.parse(bytes).jsonBytes, bytes, "case \(i)")
        }
    }

    func testStringsAreEscapedMinimallyWithLowercaseHex() {
        var w = JSONWriter()
        w.string("a\"b\\c/d\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F}é😀\u{2028}")
        XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), #""a\"b\\c/d\n\r\t\b\f\u0001\u001f"# + "\u{7F}é😀\u{2028}\"")
    }

    func testCommasAndNestingAreHandledAutomatically() {
        var w = JSONWriter()
        w.beginObject()
        w.key("seq"); w.int(Int64.min)
        w.key("a"); w.beginArray(); w.int(1); w.bool(true); w.null(); w.beginObject(); w.endObject(); w.beginArray(); w.endArray(); w.endArray()
        w.key("raw"); w.raw(Array(#"{"x":1}"#.utf8))
        w.key("max"); w.int(Int64.max)
        w.key("s"); w.string("")
        w.endObject()
        XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self),
                       #"{"seq":-9223372036854775808,"a":[1,true,null,{},[]],"raw":{"x":1},"max":9223372036854775807,"s":""}"#)
    }

    /// Byte-identical to Python's json.dumps(v, ensure_ascii=False, separators=(',', ':')).
    func testWriterOutputIsByteIdenticalToPythonJSONDumps() throws {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3", "/root/.pyenv/shims/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let python else { throw XCTSkip("python3 not found; skipping the json.dumps comparison") }
        var gen = ValueGenerator(rng: SplitMix64(seed: 31337))
        gen.pythonSafeDoubles = true
        var lines: [[UInt8]] = []
        for _ in 0..<1500 { lines.append(gen.object(depth: 4).jsonBytes) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jsoncodec-py-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.jsonl"), output = dir.appendingPathComponent("out.jsonl")
        try Data(lines.joined(separator: [0x0A])).write(to: input)
        let script = """
        import json, sys
        data = open(sys.argv[1], 'rb').read().split(b'\\n')
        with open(sys.argv[2], 'wb') as out:
            out.write(b'\\n'.join(json.dumps(json.loads(l.decode('utf-8')), ensure_ascii=False, separators=(',', ':')).encode('utf-8') for l in data))
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", script, input.path, output.path]
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw XCTSkip("python3 failed (status \(p.terminationStatus)); skipping") }
        let result = try Data(contentsOf: output).split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        XCTAssertEqual(result.count, lines.count)
        var mismatches = 0
        for (ours, theirs) in zip(lines, result) where ours != theirs {
            mismatches += 1
            if mismatches <= 5 { XCTFail("writer differs from json.dumps:\nours:   \(String(decoding: ours, as: UTF8.self))\npython: \(String(decoding: theirs, as: UTF8.self))") }
        }
        XCTAssertEqual(mismatches, 0)
    }
}
