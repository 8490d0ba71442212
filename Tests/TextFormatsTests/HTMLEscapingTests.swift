import Foundation
import Testing
import TextFormats

struct HTMLEscapingTests {
    @Test func htmlSpecialCharactersAreEscaped() {
        #expect(escapeHTML("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(escapeHTML("Thủ Dầu Một") == "Thủ Dầu Một")
        #expect(escapeHTML("&amp;") == "&amp;amp;")
    }
}
