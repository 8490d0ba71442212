import SeededRandom
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

    /// The byte-built rendering against the plain one it replaced: pad each
    /// cell with `pad`, join with two spaces, trim trailing spaces.
    @Test func renderingMatchesPaddingAndJoiningCellByCell() {
        var rng = SplitMix64(seed: 0x7AB1E)
        let pieces = ["a", "Bình", "5.000", " ", "中文", "😀", "Thủ Dầu Một".decomposedStringWithCanonicalMapping, "", "x ", "ệ", "-"]
        for _ in 0..<300 {
            let columns = Int.random(in: 1...5, using: &rng)
            func cell() -> String { (0..<Int.random(in: 0...3, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined() }
            let header = (0..<columns).map { _ in cell() }
            let rows = (0..<Int.random(in: 0...6, using: &rng)).map { _ in (0..<Int.random(in: 0...columns, using: &rng)).map { _ in cell() } }
            let alignments = (0..<Int.random(in: 0...columns, using: &rng)).map { _ in Bool.random(using: &rng) ? TextTable.Alignment.left : .right }
            let table = TextTable(header: header, alignments: alignments, rows: rows)
            let all = [header] + rows.map { $0 + Array(repeating: "", count: columns - $0.count) }
            var widths = Array(repeating: 0, count: columns)
            for row in all { for (i, c) in row.enumerated() { widths[i] = max(widths[i], displayWidth(c)) } }
            func line(_ row: [String]) -> String {
                var l = row.enumerated().map { i, c in pad(c, to: widths[i], alignRight: i < alignments.count && alignments[i] == .right) }
                    .joined(separator: "  ")
                while l.last == " " { l.removeLast() }
                return l + "\n"
            }
            let expected = line(all[0]) + line(widths.map { String(repeating: "-", count: $0) }) + all.dropFirst().map(line).joined()
            #expect(Array(table.render().utf8) == Array(expected.utf8), "\(header) \(rows)")
        }
    }

    @Test func emptyTableRendersNothing() {
        #expect(TextTable(header: []).render() == "")
    }
}
