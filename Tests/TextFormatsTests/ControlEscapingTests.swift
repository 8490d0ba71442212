import Testing
import TextFormats

/// A line shown on a terminal never sends it a control character.
@Suite struct ControlEscapingTests {
    @Test func controlCharactersAreShownAndOtherTextIsKept() {
        #expect(ControlEscaping.visible("Nguyễn\u{1B}[31mAn\u{7F}\u{85}\n") == "Nguyễn\\u{1b}[31mAn\\u{7f}\\u{85}\\u{a}")
        let plain = "Phường Phú Cường — 25747 «ok» \u{A0}"
        #expect(ControlEscaping.visible(plain) == plain)
        // Every C0, DEL and C1 scalar is escaped, and nothing else below U+0100 is.
        for v in UInt32(0)..<0x100 {
            let s = String(Unicode.Scalar(v)!)
            let escaped = ControlEscaping.visible(s) != s
            #expect(escaped == (v < 0x20 || (0x7F...0x9F).contains(v)), "U+\(String(v, radix: 16))")
        }
    }
}
