import Testing
import TextFormats

/// A line shown on a terminal never sends it a control character.
@Suite struct ControlEscapingTests {
    @Test func controlCharactersAreShownAndOtherTextIsKept() {
        #expect(ControlEscaping.visible("Nguyễn\u{1B}[31mAn\u{7F}\u{85}\n") == "Nguyễn\\u{1b}[31mAn\\u{7f}\\u{85}\\u{a}")
        let plain = "Phường Phú Cường — 25747 «ok» \u{A0}"
        #expect(ControlEscaping.visible(plain) == plain)
        // Text-direction marks are shown too (a reference holding U+202E would read reversed).
        #expect(ControlEscaping.visible("VA\u{202E}21-ab\u{2066}") == "VA\\u{202e}21-ab\\u{2066}")
        #expect(ControlEscaping.visible("\u{200D}\u{2028}") == "\u{200D}\\u{2028}", "a zero-width joiner is kept, a line separator shown")
        // Every C0, DEL and C1 scalar is escaped, and nothing else below U+0100 is.
        for v in UInt32(0)..<0x100 {
            let s = String(Unicode.Scalar(v)!)
            let escaped = ControlEscaping.visible(s) != s
            #expect(escaped == (v < 0x20 || (0x7F...0x9F).contains(v)), "U+\(String(v, radix: 16))")
        }
    }
}
