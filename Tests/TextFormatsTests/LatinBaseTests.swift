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

/// Text of ASCII and Vietnamese letters (most labels and names) is folded
/// without Unicode property look-ups (`foldLetters`); the result must be
/// the general, scalar-by-scalar folding's, for every ASCII byte, every
/// Vietnamese letter of either case and any mix of them.
struct LetterFoldingTests {
    @Test func theCapitalsFoldToTheirLowercaseBase() {
        #expect(LatinBase.vietnameseAnyCase.count == 2 * LatinBase.vietnamese.count)
        for (letter, base) in LatinBase.vietnameseAnyCase {
            #expect(foldScalars(String(Character(letter))) == String(Character(base)), "\(letter)")
        }
    }

    @Test func everyASCIIByteAndVietnameseLetterFoldsAsTheGeneralPathFoldsIt() {
        let letters = LatinBase.vietnameseAnyCase.keys.map { String(Character($0)) }
        for text in (UInt8(0)...0x7F).map({ String(UnicodeScalar($0)) }) + letters {
            for t in [text, "A\(text)b", " \(text) ", "\(text)\(text)x"] {
                #expect(foldLetters(t) == foldScalars(t), "\(Array(t.unicodeScalars))")
            }
        }
    }

    @Test func randomLettersAndSpacesFoldAsTheGeneralPathFoldsThem() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        // Mostly letters and spaces, as labels are, with any ASCII byte or another script's letter now and then.
        let common = Array("Aa Zz\t\n\r .-_()09HotlineĐường Thủ Dầu Một ẮẰẲẴẶ Ư Ơ ư ơ".unicodeScalars)
        var folded = 0
        for _ in 0..<3_000 {
            let scalars = (0..<Int(next() % 24)).map { _ -> Unicode.Scalar in
                switch next() % 12 {
                case 0: return UnicodeScalar(UInt8(next() % 0x80))
                case 1: return ["\u{0301}", "α", "Σ", "\u{00A0}", "ß", "İ"].map { Unicode.Scalar($0)! }[Int(next() % 6)]
                default: return common[Int(next() % UInt64(common.count))]
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            if let f = foldLetters(text) {
                folded += 1
                #expect(f == foldScalars(text), "\(scalars)")
            }
            #expect(foldVietnamese(text) == foldScalars(text), "\(scalars)")
        }
        #expect(folded > 1_000)
    }
}
