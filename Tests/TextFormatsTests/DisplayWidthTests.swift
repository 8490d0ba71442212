import Foundation
import Testing
import TextFormats

struct DisplayWidthTests {
    @Test func nfdAndNfcHaveSameDisplayWidth() {
        let composed = "Thủ Dầu Một"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(!decomposed.unicodeScalars.elementsEqual(composed.unicodeScalars))
        #expect(displayWidth(composed) == 11)
        #expect(displayWidth(decomposed) == 11)
        #expect(displayWidth("Phường Phú Cường") == displayWidth("Phu\u{31B}o\u{31B}\u{300}ng Phu\u{301} Cu\u{31B}o\u{31B}\u{300}ng"))
    }

    @Test func cjkAndEmojiTakeTwoColumns() {
        #expect(displayWidth("中文") == 4)
        #expect(displayWidth("한국") == 4)
        #expect(displayWidth("ＡＢ") == 4)
        #expect(displayWidth("😀") == 2)
        #expect(displayWidth("👮🏽‍♀️") == 2)
        #expect(displayWidth("🇻🇳") == 2)
        #expect(displayWidth("❤️") == 2)
        #expect(displayWidth("a😀b") == 4)
    }

    @Test func combiningMarksAndZeroWidthTakeNoColumns() {
        #expect(displayWidth("\u{301}") == 0)
        #expect(displayWidth("a\u{200B}b") == 2)
        #expect(displayWidth("") == 0)
        #expect(displayWidth("e\u{301}\u{323}") == 1)
    }

    @Test func padFillsToDisplayWidthAndNeverTruncates() {
        #expect(pad("Một", to: 5, alignRight: false) == "Một  ")
        #expect(pad("Mo\u{323}\u{302}t", to: 5, alignRight: true).hasPrefix("  M"))
        #expect(pad("中文", to: 5, alignRight: true) == " 中文")
        #expect(pad("toolong", to: 3, alignRight: false) == "toolong")
    }
}

