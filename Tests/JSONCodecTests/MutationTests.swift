import SeededRandom
import Foundation
import XCTest
@testable import JSONCodec

/// Single-byte mutations and truncations of valid documents: whenever Foundation rejects,
/// we must reject; where we are deliberately stricter the reason must be a documented one.
final class MutationTests: XCTestCase {
    func testWheneverFoundationRejectsAMutationWeRejectToo() {
        var gen = ValueGenerator(rng: SplitMix64(seed: 7))
        var rng = SplitMix64(seed: 99)
        let interesting: [UInt8] = Array("{}[],:\"\\0123456789-+.eEtfnul /bu".utf8) + [0x00, 0x01, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE0, 0xED, 0xF4, 0xF5, 0xFF, 0x09, 0x0A, 0x0D]
        var total = 0, foundationRejected = 0, weOnlyRejected = 0
        var stricterReasons: [String: Int] = [:]
        for i in 0..<400 {
            let doc = variantBytes(gen.object(depth: 3), &rng)
            for _ in 0..<25 {
                var m = doc
                switch rng.int(4) {
                case 0 where !m.isEmpty: m[rng.int(m.count)] = rng.chance(percent: 70) ? rng.pick(interesting) : UInt8(truncatingIfNeeded: rng.next())
                case 1 where !m.isEmpty: m.remove(at: rng.int(m.count))
                case 2: m.insert(rng.pick(interesting), at: rng.int(m.count + 1))
                default: m = Array(m.prefix(rng.int(m.count + 1)))
                }
                total += 1
                let reference = foundationParse(m)
                let ours = ourParse(m)
                let scanner = scannerValidate(m)
                switch (reference, ours) {
                case (nil, .success):
                    XCTFail("case \(i): Foundation rejects but we accept: \(String(decoding: m, as: UTF8.self))")
                case (nil, .failure):
                    foundationRejected += 1
                case (let r?, .success(let v)):
                    XCTAssertEqual(Common(v), Common(foundation: r), "case \(i)")
                case (_?, .failure(let e)):
                    weOnlyRejected += 1
                    let reason: String
                    switch e.kind {
                    case .duplicateKey: reason = "duplicate key"
                    case .unexpectedByte where e.message.hasPrefix("trailing comma"): reason = "trailing comma"
                    case .unexpectedByte where e.message.contains("BOM"): reason = "BOM"
                    default: reason = "other: \(e)"
                    }
                    stricterReasons[reason, default: 0] += 1
                    XCTAssertFalse(reason.hasPrefix("other"), "case \(i): stricter than Foundation for an undocumented reason \(e): \(String(decoding: m, as: UTF8.self))")
                }
                // Both of our paths agree on acceptance.
                if case .success = ours { XCTAssertNil(scanner, "case \(i)") } else { XCTAssertNotNil(scanner, "case \(i)") }
            }
        }
        print("mutation differential: \(total) mutants, Foundation rejected \(foundationRejected), only we rejected \(weOnlyRejected): \(stricterReasons)")
        XCTAssertGreaterThan(foundationRejected, 1000)
    }

    // Named cases where Foundation (on Linux) is lenient and strict JSON is not.

    func testTrailingCommaInObjectIsRejectedThoughFoundationAcceptsIt() {
        let e = parseError(#"{"a":1,}"#)
        XCTAssertEqual(e?.kind, .unexpectedByte(UInt8(ascii: "}")))
        XCTAssertEqual(e?.offset, 7)
        XCTAssertEqual(e?.message, "trailing comma before '}'")
    }

    func testTrailingCommaInArrayIsRejectedThoughFoundationAcceptsIt() {
        XCTAssertNotNil(foundationParse(Array("[1,]".utf8)), "Foundation is lenient here; if this changes the named case is moot")
        let e = parseError("[1,]")
        XCTAssertEqual(e?.kind, .unexpectedByte(UInt8(ascii: "]")))
        XCTAssertEqual(e?.offset, 3)
        XCTAssertEqual(e?.message, "trailing comma before ']'")
    }

    func testDuplicateKeysAreRejectedThoughFoundationAcceptsThem() {
        XCTAssertNotNil(foundationParse(Array(#"{"unit":1,"unit":2}"#.utf8)))
        let e = parseError(#"{"unit":1,"unit":2}"#)
        XCTAssertEqual(e?.kind, .duplicateKey("unit"))
        XCTAssertEqual(e?.offset, 10)
        XCTAssertEqual(e?.message, "duplicate key \"unit\"")
    }

    func testDuplicateKeysAreComparedAfterDecodingEscapes() {
        XCTAssertEqual(parseError(#"{"seq":1,"\u0073eq":2}"#)?.kind, .duplicateKey("seq"))
        XCTAssertEqual(parseError(#"{"a\/b":1,"a/b":2}"#)?.kind, .duplicateKey("a/b"))
        // NFC and NFD spellings are different keys (byte comparison, not canonical equivalence).
        XCTAssertNil(parseError("{\"\u{e9}\":1,\"e\u{301}\":2}"))
    }

    func testLoneSurrogatesAreRejected() {
        for text in [#"["\uD800"]"#, #"["\uD800x"]"#, #"["\uDC00"]"#, #"["\uD800\u0041"]"#, #"["\uDBFF\uDBFF"]"#, #"["a\uDFFF"]"#] {
            XCTAssertEqual(parseError(text)?.kind, .invalidUnicodeEscape, text)
        }
        XCTAssertNil(parseError(#"["\uD83D\uDE00"]"#))
    }

    func testByteOrderMarkIsRejected() {
        let e = ourParse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8))
        guard case .failure(let err) = e else { return XCTFail("BOM accepted") }
        XCTAssertEqual(err.kind, .unexpectedByte(0xEF))
        XCTAssertEqual(err.offset, 0)
    }
}
