@testable import OfficeOpenXML
import Testing

/// The exact bytes written for text, the part of the format most easily got
/// subtly wrong: what XML cannot hold, and Excel's `_xHHHH_` escape.
struct TextEscapingTests {
    static func cellText(_ s: String) -> String {
        var out: [UInt8] = []
        XMLEscaping.append(s, to: &out, excelEscapes: true)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func xmlSpecialCharactersBecomeEntities() {
        #expect(Self.cellText(#"a&b<c>d"e'f]]>"#) == "a&amp;b&lt;c&gt;d&quot;e&apos;f]]&gt;")
    }

    @Test func controlCharactersUseExcelsEscapeAndTabAndLineFeedStay() {
        #expect(Self.cellText("a\u{0B}b\u{00}c\u{1F}d") == "a_x000B_b_x0000_c_x001F_d")
        #expect(Self.cellText("a\tb\nc") == "a\tb\nc")
        // A literal CR would be read back as LF by every XML parser.
        #expect(Self.cellText("a\r\nb") == "a_x000D_\nb")
        #expect(Self.cellText("\u{FFFE}\u{FFFF}\u{FFFD}") == "_xFFFE__xFFFF_\u{FFFD}")
    }

    @Test func aLiteralEscapeSequenceHasItsUnderscoreEscaped() {
        #expect(Self.cellText("_x0041_") == "_x005F_x0041_")
        #expect(Self.cellText("_X00e9_") == "_x005F_X00e9_")
        #expect(Self.cellText("_x005F_") == "_x005F_x005F_")
        // LibreOffice decodes one or two digits too (`_x12_` is U+0012).
        #expect(Self.cellText("_x1_ _x12_ _X123_") == "_x005F_x1_ _x005F_x12_ _x005F_X123_")
        // The `_` that would close `_x12` may come from the next escape.
        #expect(Self.cellText("_x12\u{0B}") == "_x005F_x12_x000B_")
        #expect(Self.cellText("_x1\r") == "_x005F_x1_x000D_")
        // Not the start of an escape in any reader: left alone.
        #expect(Self.cellText("_xg_ _x_ _x x_ __ _ _\u{0B}") == "_xg_ _x_ _x x_ __ _ __x000B_")
    }

    @Test func vietnameseTextAndAstralCharactersAreCopiedByteForByte() {
        let nfd = "Nguye\u{0302}\u{0303}n Thi\u{0323} A\u{0301}nh 😀"
        #expect(Array(Self.cellText(nfd).utf8) == Array(nfd.utf8))
        #expect(Self.cellText("Công an tỉnh Bình Dương") == "Công an tỉnh Bình Dương")
    }

    @Test func attributesKeepTabsAndLineBreaksAsReferences() {
        var out: [UInt8] = []
        XMLEscaping.append("a\tb\nc\rd\u{01}", to: &out, excelEscapes: false, attribute: true)
        #expect(String(decoding: out, as: UTF8.self) == "a&#9;b&#10;c&#13;d ")
    }

    @Test func sharedStringsPreserveSpaceOnlyWhereReadersWouldTrimOrFold() {
        var table = SharedStrings()
        for s in ["plain", " lead", "trail ", "in\nside", "tab\t", "mid dle"] { _ = table.index(of: s) }
        let xml = String(decoding: table.xml(), as: UTF8.self)
        #expect(xml.contains("<si><t>plain</t></si>"))
        #expect(xml.contains(#"<si><t xml:space="preserve"> lead</t></si>"#))
        #expect(xml.contains(#"<si><t xml:space="preserve">trail </t></si>"#))
        #expect(xml.contains(#"<si><t xml:space="preserve">in"# + "\n" + "side</t></si>"))
        #expect(xml.contains(#"<si><t xml:space="preserve">tab"# + "\t</t></si>"))
        #expect(xml.contains("<si><t>mid dle</t></si>"))
    }
}
