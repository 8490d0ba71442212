import Foundation
import XCTest
@testable import JSONCodec

final class ScannerTests: XCTestCase {
    func scan<T>(_ text: String, _ body: (inout JSONScanner) throws(JSONError) -> T) -> Result<T, JSONError> {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { raw in
            var s = JSONScanner(raw)
            do throws(JSONError) { return .success(try body(&s)) } catch { return .failure(error) }
        }
    }

    func int(_ text: String) -> Result<Int64, JSONError> {
        scan(text) { (s: inout JSONScanner) throws(JSONError) -> Int64 in let v = try s.readInt64(); try s.expectEnd(); return v }
    }

    func testReadInt64AcceptsTheExactInt64Boundaries() {
        XCTAssertEqual(try int("9223372036854775807").get(), Int64.max)
        XCTAssertEqual(try int("-9223372036854775808").get(), Int64.min)
        XCTAssertEqual(try int(" 0 ").get(), 0)
        XCTAssertEqual(try int("-0").get(), 0)
        XCTAssertEqual(try int("12345").get(), 12345)
    }

    func testReadInt64RejectsOutOfRangeWithNumberOutOfRange() {
        for t in ["9223372036854775808", "-9223372036854775809", "99999999999999999999999"] {
            guard case .failure(let e) = int(t) else { XCTFail(t); continue }
            XCTAssertEqual(e.kind, .numberOutOfRange, t)
            XCTAssertEqual(e.offset, 0)
        }
    }

    func testReadInt64RejectsFractionsExponentsAndMalformedNumbers() {
        for t in ["1.5", "1e3", "-0.0", "1E+2"] {
            guard case .failure(let e) = int(t) else { XCTFail(t); continue }
            XCTAssertEqual(e.kind, .expected("integer"), t)
        }
        for (t, kind, offset) in [("01", JSONError.Kind.invalidNumber, 0), ("-", .unexpectedEnd, 1), ("-a", .invalidNumber, 1), ("1.", .unexpectedEnd, 2),
                                  ("\"1\"", .expected("integer"), 0), ("+1", .expected("integer"), 0), ("1x", .trailingData, 1)] {
            guard case .failure(let e) = int(t) else { XCTFail(t); continue }
            XCTAssertEqual(e.kind, kind, t)
            XCTAssertEqual(e.offset, offset, t)
        }
    }

    func testNumbersFollowTheRFCGrammarStrictly() {
        for bad in ["01", "+1", ".5", "1.", "1e", "1e+", "-", "NaN", "Infinity", "-Infinity", "0x10", "1.e3", "00", "-01", "1e400", "-1e400"] {
            XCTAssertNotNil(parseError(bad), bad)
        }
        XCTAssertEqual(parseError("1e400")?.kind, .numberOutOfRange)
        for good in ["0", "-0", "1.5", "1e3", "1E-3", "-0.0e+0", "123456789012345678901234567890", "1e-400"] {
            XCTAssertNil(parseError(good), good)
        }
        let n = try! JSONValue.parse("123456789012345678901234567890")
        XCTAssertEqual(n, .number(JSONNumber(text: "123456789012345678901234567890")!))
        XCTAssertNil(JSONNumber(text: "123456789012345678901234567890")!.int64)
    }

    func testNextKeyMatchesEscapedKeysWithoutAllocating() throws {
        let text = #"{"\u0073eq":1,"typ\u0065":"a","un\/it":"b","se":2,"d\u00e9":3,"x":{"\ud83d\ude00":4}}"#
        let r = scan(text) { (s: inout JSONScanner) throws(JSONError) -> [String] in
            var seen: [String] = []
            try s.beginObject()
            while let k = try s.nextKey() {
                if k.equals("seq") { seen.append("seq=\(try s.readInt64())") }
                else if k.equals("type") { seen.append("type=\(try s.readString())") }
                else if k.equals("un/it") { seen.append("unit=\(try s.readString())") }
                else if k.equals("dé") { seen.append("dé=\(try s.readInt64())") }
                else if k.equals("s") || k.equals("sex") { seen.append("wrong") }
                else if k.equals("x") {
                    try s.beginObject()
                    while let inner = try s.nextKey() { XCTAssertTrue(inner.equals("😀")); XCTAssertEqual(inner.string, "😀"); try s.skipValue() }
                } else { seen.append(k.string); try s.skipValue() }
            }
            try s.expectEnd()
            return seen
        }
        XCTAssertEqual(try r.get(), ["seq=1", "type=a", "unit=b", "se", "dé=3"])
    }

    func testTrailingCommasAreErrorsAtTheClosingByte() {
        for (t, off, msg) in [(#"{"a":1,}"#, 7, "trailing comma before '}'"), ("[1,2,]", 5, "trailing comma before ']'"), ("[1, ]", 4, "trailing comma before ']'"), (#"{"a":[1,],"b":2}"#, 8, "trailing comma before ']'")] {
            let e = parseError(t)
            XCTAssertEqual(e?.offset, off, t)
            XCTAssertEqual(e?.message, msg, t)
            XCTAssertEqual(scannerValidate(Array(t.utf8))?.offset, off, t)
        }
        XCTAssertEqual(parseError("[,1]")?.offset, 1)
        XCTAssertEqual(parseError(#"{,"a":1}"#)?.kind, .expected("string"))
    }

    func testErrorOffsetsPointAtTheOffendingByte() {
        let cases: [(String, JSONError.Kind, Int)] = [
            (#"{"a":1 "b":2}"#, .unexpectedByte(UInt8(ascii: "\"")), 7),
            (#"{"a" 1}"#, .unexpectedByte(UInt8(ascii: "1")), 5),
            (#"{"a":tru}"#, .unexpectedByte(UInt8(ascii: "}")), 8),
            ("[\"ab\u{01}\"]", .controlCharacterInString, 4),
            (#"["a\x"]"#, .invalidEscape, 4),
            (#"["\u12G4"]"#, .invalidUnicodeEscape, 6),
            (#"["\uD800"]"#, .invalidUnicodeEscape, 2),
            ("[1] x", .trailingData, 4),
            ("[1]\u{0}", .trailingData, 3),
            ("[\u{0}]", .unexpectedByte(0), 1),
            ("[01]", .invalidNumber, 1),
            ("", .unexpectedEnd, 0),
            ("[1", .unexpectedEnd, 2),
            (#"{"a":{"b":1,"b":2}}"#, .duplicateKey("b"), 12),
            ("{\"a\":\"x\"", .unexpectedEnd, 8),
        ]
        for (t, kind, off) in cases {
            let e = parseError(t)
            XCTAssertEqual(e?.kind, kind, t)
            XCTAssertEqual(e?.offset, off, t)
        }
        // Invalid UTF-8: points at the bad byte, names it.
        for (bytes, off, byte) in [([0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D], 3, "0x28"), ([0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D], 2, "0xC0"),
                                   ([0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D], 3, "0xA0"), ([0x5B, 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22, 0x5D], 3, "0x90"),
                                   ([0x5B, 0x22, 0x80, 0x22, 0x5D], 2, "0x80"), ([0x5B, 0x22, 0xFF, 0x22, 0x5D], 2, "0xFF")] as [([UInt8], Int, String)] {
            guard case .failure(let e) = ourParse(bytes) else { XCTFail("\(bytes)"); continue }
            XCTAssertEqual(e.kind, .invalidUTF8)
            XCTAssertEqual(e.offset, off)
            XCTAssertEqual(e.message, "invalid UTF-8 byte \(byte)")
        }
    }

    func testSkipValueValidatesEverythingItSkips() {
        for bad in [#"{"x":{"a":1,"a":2}}"#, #"{"x":["\uDC00"]}"#, #"{"x":[01]}"#, "{\"x\":\"\u{01}\"}", #"{"x":[1,]}"#, #"{"x":tru}"#, #"{"x":1e999}"#] {
            XCTAssertNotNil(scannerValidate(Array(bad.utf8)), bad)
        }
        // Strings with invalid UTF-8 in skipped values.
        XCTAssertEqual(scannerValidate([0x5B, 0x22, 0xC3, 0x22, 0x5D])?.kind, .invalidUTF8)
    }

    func testManyKeysSwitchToHashedDuplicateDetection() {
        let keys = (0..<200).map { "\"k\($0)\":\($0)" }
        XCTAssertNil(parseError("{" + keys.joined(separator: ",") + "}"))
        XCTAssertEqual(parseError("{" + keys.joined(separator: ",") + ",\"k\\u0031\":0}")?.kind, .duplicateKey("k1"))
    }

    func testHundredThousandOpeningBracketsFailWithTooDeepAndNoCrash() {
        let deep = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        guard case .failure(let e) = ourParse(deep) else { return XCTFail() }
        XCTAssertEqual(e.kind, .tooDeep)
        XCTAssertEqual(e.offset, 64)
        XCTAssertEqual(scannerValidate(deep)?.kind, .tooDeep)
        let objects = Array(String(repeating: #"{"a":"#, count: 100_000).utf8)
        XCTAssertEqual(scannerValidate(objects)?.kind, .tooDeep)
        // Exactly at the limit is fine.
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        XCTAssertNil(parseError(ok))
        XCTAssertEqual(parseError("[" + ok + "]")?.kind, .tooDeep)
    }

    func testStringDecodingHandlesAllEscapes() throws {
        let v = try JSONValue.parse(#"["\"\\\/\b\f\n\r\t\u0000\u00e9\uD83D\uDE00 Th\u1EE7"]"#)
        XCTAssertEqual(v[0], .string("\"\\/\u{8}\u{C}\n\r\t\u{0}é😀 Thủ"))
        XCTAssertEqual(try JSONValue.parse("\"Thủ Dầu Một\""), .string("Thủ Dầu Một"))
        // NFC and NFD are different values.
        XCTAssertNotEqual(JSONValue.string("é"), JSONValue.string("e\u{301}"))
    }

    func testZeroWidthNoBreakSpaceIsPreservedInStrings() throws {
        XCTAssertEqual(try JSONValue.parse("[\"\u{FEFF}a\u{FEFF}\"]")[0], .string("\u{FEFF}a\u{FEFF}"))
        XCTAssertEqual(try JSONValue.parse(#"["\uFEFFa"]"#)[0], .string("\u{FEFF}a"))
    }

    func testTopLevelAcceptsAnyValueAndWhitespaceOnly() {
        for good in ["1", " \"s\" ", "null", "true\n", "\t[]\r\n", "{}"] { XCTAssertNil(parseError(good), good) }
        for bad in ["", " ", "1 2", "[] []", "nul", "True", "\u{0C}[]", "[]\u{0C}"] { XCTAssertNotNil(parseError(bad), bad) }
    }

    func testPeekKindAndSubscript() throws {
        let v = try JSONValue.parse(#"{"seq":3,"data":{"count":2}}"#)
        XCTAssertEqual(v["data"]?["count"], .number(JSONNumber(Int64(2))))
        XCTAssertNil(v["nope"])
        let kinds = scan(#" [{},[],"",0,true,null]"#) { (s: inout JSONScanner) throws(JSONError) -> [JSONKind] in
            var out: [JSONKind] = []
            try s.beginArray()
            while try s.nextElement() { out.append(try s.peekKind()); try s.skipValue() }
            return out
        }
        XCTAssertEqual(try kinds.get(), [.object, .array, .string, .number, .bool, .null])
    }
}
