import SeededRandom
import Foundation
import Testing
import TextFormats

/// antq's product does not link Foundation (it starts in a third of the
/// time); these check its own normalisation, folding and trimming against
/// outside references: Python's `unicodedata` and Foundation itself.
struct FoundationFreeTextTests {
    /// Every precomposed letter of Latin-1, Latin Extended-A/B and Latin
    /// Extended Additional (all Vietnamese letters), plus a few others.
    static let latinLetters: [String] = {
        let ranges: [ClosedRange<UInt32>] = [0xC0...0x24F, 0x1E00...0x1EFF]
        return ranges.flatMap { $0 }.compactMap(Unicode.Scalar.init).filter { $0.properties.isAlphabetic }.map { String($0) }
    }()

    @Test func foldingEveryLatinLetterAgreesWithPythonsDecompositionWithoutMarks() throws {
        try #require(Python.available, "python3 is needed for this oracle")
        let script = """
        import json, sys, unicodedata
        words = json.load(open(sys.argv[1]))
        out = []
        for w in words:
            d = unicodedata.normalize('NFD', w.lower())
            d = ''.join(c for c in d if unicodedata.category(c) not in ('Mn', 'Mc', 'Me'))
            out.append(d.replace('\\u0111', 'd'))
        json.dump(out, open(sys.argv[2], 'w'))
        """
        let expected = try Python.run(script, input: Self.latinLetters, as: [String].self)
        for (letter, want) in zip(Self.latinLetters, expected) where foldVietnamese(letter) != want {
            // Only non-Vietnamese letters may differ: those Python leaves as
            // they are or turns into another non-ASCII letter (ø, ł, ǣ → æ, ẛ → ſ);
            // antq then keeps the letter or takes the ASCII base letter of its name.
            let base = foldVietnamese(letter)
            let pythonKeepsNonASCII = !want.allSatisfy(\.isASCII)
            #expect(pythonKeepsNonASCII && (base == letter.lowercased() || (base.count == 1 && base.allSatisfy(\.isASCII))),
                    "\(letter) U+\(String(letter.unicodeScalars.first!.value, radix: 16)): \(base) vs \(want)")
        }
        // Every Vietnamese letter folds exactly as Python says.
        let vietnamese = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
        for c in vietnamese + vietnamese.uppercased() {
            let i = Self.latinLetters.firstIndex(of: String(c))
            #expect(i != nil && foldVietnamese(String(c)) == expected[i!], "\(c)")
        }
    }

    @Test func nfcAgreesWithPythonOnDecomposedAndMixedText() throws {
        try #require(Python.available, "python3 is needed for this oracle")
        var g = SplitMix64(seed: 91)
        let pieces = ["a", "e", "o", "u", "y", "A", "Đ", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}", "\u{302}", "\u{306}", "\u{31B}",
                      " ", "Thủ", "Dầu", "ñ", "Å", "\u{212B}", "\u{1100}\u{1161}", "ǅ", "ﬁ", "x"]
        var samples: [String] = Self.latinLetters.map { $0.decomposedStringWithCanonicalMapping }
        for _ in 0..<400 {
            samples.append((0..<Int(g.next() % 8 + 1)).map { _ in pieces[Int(g.next() % UInt64(pieces.count))] }.joined())
        }
        let expected = try Python.run("""
        import json, sys, unicodedata
        json.dump([unicodedata.normalize('NFC', s) for s in json.load(open(sys.argv[1]))], open(sys.argv[2], 'w'))
        """, input: samples, as: [String].self)
        for (s, want) in zip(samples, expected) {
            #expect(Array(nfc(s).utf8) == Array(want.utf8), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(isNFC(s) == (Array(s.utf8) == Array(want.utf8)))
        }
    }

    @Test func trimmingAgreesWithFoundationsWhitespaceSets() {
        var g = SplitMix64(seed: 92)
        let pieces = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{2028}", "\u{200B}",
                      "a", "Tân", "Uyên", "\u{301}", "-"]
        for _ in 0..<2000 {
            let s = (0..<Int(g.next() % 7)).map { _ in pieces[Int(g.next() % UInt64(pieces.count))] }.joined()
            #expect(Array(s.trimmingSpaces().unicodeScalars) == Array(s.trimmingCharacters(in: .whitespaces).unicodeScalars))
            #expect(Array(s.trimmingSpacesAndNewlines().unicodeScalars) == Array(s.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars))
        }
    }
}
