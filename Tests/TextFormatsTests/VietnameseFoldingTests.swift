import Foundation
import Testing
import TextFormats

struct VietnameseFoldingTests {
    @Test func foldingStripsDiacriticsAndDStroke() {
        #expect(foldVietnamese("Thủ Dầu Một") == "thu dau mot")
        #expect(foldVietnamese("Thủ Dầu Một".decomposedStringWithCanonicalMapping) == "thu dau mot")
        #expect(foldVietnamese("Phú Cường") == "phu cuong")
        #expect(foldVietnamese("Đất Cuốc") == "dat cuoc")
        #expect(foldVietnamese("ĐƯỜNG đi") == "duong di")
    }

    @Test func oldAndNewTonePlacementFoldTheSame() {
        #expect(foldVietnamese("Hoà") == "hoa")
        #expect(foldVietnamese("Hòa") == "hoa")
        #expect(foldVietnamese("Thuỷ") == foldVietnamese("Thủy"))
    }

    @Test func foldingCollapsesAndTrimsWhitespace() {
        #expect(foldVietnamese("  Bàu \t Bàng\n ") == "bau bang")
        #expect(foldVietnamese("\u{00A0}Tân\u{00A0}\u{00A0}Uyên ") == "tan uyen")
        #expect(foldVietnamese("") == "")
    }

    @Test func nfcComposesAndIsNFCDetectsDecomposed() {
        let decomposed = "Thu\u{309} Dâ\u{300}u Mô\u{323}t"
        #expect(!isNFC(decomposed))
        #expect(isNFC(nfc(decomposed)))
        #expect(Array(nfc(decomposed).utf8) == Array("Th\u{1EE7} D\u{1EA7}u M\u{1ED9}t".utf8))
        #expect(isNFC("ascii only"))
    }
}
