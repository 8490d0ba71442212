import Foundation
import Testing
import TextFormats

struct TextTableTests {
    @Test func tableColumnsAlignWithNFDInput() {
        var table = TextTable(header: ["Đơn vị", "Số vụ"], alignments: [.left, .right])
        table.append(["Thủ Dầu Một".decomposedStringWithCanonicalMapping, "5.000"])
        table.append(["Phú Cường", "12"])
        let expected = """
        Đơn vị       Số vụ
        -----------  -----
        Thủ Dầu Một  5.000
        Phú Cường       12

        """
        #expect(table.render() == expected)   // `==` ignores normalisation; widths below do not
        let widths = table.render().split(separator: "\n").map { displayWidth(String($0)) }
        #expect(widths == [18, 18, 18, 18])
    }

    @Test func tableColumnsAlignWithCJKAndEmoji() {
        let table = TextTable(header: ["name", "n"], alignments: [.left, .right],
                              rows: [["中文名", "1"], ["😀 ok", "22"], ["abc", "333"]])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines.map(displayWidth) == [11, 11, 11, 11, 11])
        #expect(lines[2] == "中文名    1")
    }

    @Test func shortRowsAreFilledAndTrailingSpacesTrimmed() {
        let table = TextTable(header: ["a", "b"], rows: [["x"], ["y", "zz"]])
        #expect(table.render() == "a  b\n-  --\nx\ny  zz\n")
    }

    @Test func lineEndsInCellsBecomeSpaces() {
        let table = TextTable(header: ["note"], rows: [["một\r\nhai\tba"]])
        #expect(table.render() == "note\n----------\nmột hai ba\n")
    }

    @Test func emptyTableRendersNothing() {
        #expect(TextTable(header: []).render() == "")
    }
}
