import Foundation
import Testing
@testable import TextFormats

/// Vietnamese letters are folded through a table (`LatinBase.vietnamese`)
/// before the Unicode names are read: the table must give what the names
/// give for every letter, and what Foundation's canonical decomposition
/// gives as the base letter.
struct LatinBaseTests {
    @Test func everyLatinLetterFoldsAsItsUnicodeNameSays() {
        var checked = 0
        for v in Array(0xC0...0x24F) + Array(0x1E00...0x1EFF) {
            guard let c = Unicode.Scalar(UInt32(v)) else { continue }
            #expect(LatinBase.letter(of: c) == LatinBase.byName(c), "U+\(String(v, radix: 16, uppercase: true))")
            checked += 1
        }
        #expect(checked == 0x24F - 0xC0 + 1 + 0x100)
    }

    @Test func theTableHoldsEveryVietnameseLowercaseLetterAndItsDecomposedBase() {
        // 12 vowels with 6 tones each, less the 6 plain ASCII ones; and đ.
        #expect(LatinBase.vietnamese.count == 67)
        for (letter, base) in LatinBase.vietnamese where letter != "đ" {
            let decomposed = String(Character(letter)).decomposedStringWithCanonicalMapping.unicodeScalars
            #expect(decomposed.first == base && decomposed.count > 1, "\(letter)")
            #expect(letter.properties.isLowercase)
        }
        #expect(LatinBase.vietnamese["đ"] == "d")
    }
}

/// ASCII text is folded byte by byte; the result must be the general,
/// scalar-by-scalar folding's, for every ASCII byte and any mix of them.
struct ASCIIFoldingTests {
    @Test func everyASCIIByteFoldsAsTheGeneralPathFoldsIt() {
        for b in UInt8(0)...0x7F {
            for text in [String(UnicodeScalar(b)), "A\(UnicodeScalar(b))b", " \(UnicodeScalar(b)) ", "\(UnicodeScalar(b))\(UnicodeScalar(b))x"] {
                #expect(foldASCII(text) == foldScalars(text), "byte \(b): \(Array(text.utf8))")
            }
        }
    }

    @Test func randomASCIITextFoldsAsTheGeneralPathFoldsIt() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        // Mostly letters and spaces, as labels are, with any other byte now and then.
        let common = Array("Aa Zz\t\n\r .-_()0123456789HotlineCrime".utf8)
        for _ in 0..<2_000 {
            let bytes = (0..<Int(next() % 24)).map { _ in next() % 5 == 0 ? UInt8(next() % 0x80) : common[Int(next() % UInt64(common.count))] }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(foldASCII(text) == foldScalars(text), "\(bytes)")
            #expect(foldVietnamese(text) == foldScalars(text), "\(bytes)")
        }
    }
}
