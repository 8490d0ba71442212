import Foundation
import OfficeOpenXML
import SeededRandom
import Testing

/// Workbooks read back by an independent reader (Python's zipfile and
/// ElementTree): every part present, declared and reachable, and every cell
/// holding exactly the value, type and format it was given.
@Suite(.enabled(if: ExternalTool.python != nil, "python3 is not on PATH: workbooks are not read back with zipfile/ElementTree"))
struct WorkbookPythonTests {
    static let requiredParts: Set<String> = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                             "xl/styles.xml", "xl/sharedStrings.xml", "docProps/core.xml", "docProps/app.xml"]

    /// Three sheets: random mixed rows; one row reaching Excel's last column
    /// (XFD); the longest texts Excel holds, with no frozen header.
    static func randomWorkbook(seed: UInt64) -> Workbook {
        var rng = SplitMix64(seed: seed)
        let mixed = Sheet(name: "Tổng hợp & <số liệu>", rows: SampleCells.rows(&rng, count: 120, maxColumns: 40))
        let wide = Sheet(name: "Rộng 'XFD' (cột)", rows: [
            (0..<800).map { Cell.text("Cột \(CellReference.columnName($0))") },
            (0..<CellReference.maximumColumns).map { c in c % 3 == 0 ? .integer(c) : c % 3 == 1 ? .number(SampleCells.decimal(&rng), decimals: 2) : .empty },
        ], frozenHeaderRows: 2)
        let longest = String(repeating: "Đ", count: Cell.maximumTextLength)                     // one UTF-16 unit each
        let longPairs = String(repeating: "😀", count: Cell.maximumTextLength / 2) + "a"         // surrogate pairs
        let long = Sheet(name: "Dài", rows: [
            [.text(longest), .text(longPairs)],
            [.text(Self.cut((0..<6000).map { _ in SampleCells.text(&rng) }.joined(separator: "\n"), to: Cell.maximumTextLength))],
        ], frozenHeaderRows: 0)
        return Workbook(sheets: [mixed, wide, long])
    }

    /// The longest prefix of whole characters within `limit` UTF-16 units.
    static func cut(_ s: String, to limit: Int) -> String {
        var out = "", units = 0
        for ch in s {
            units += ch.utf16.count
            if units > limit { break }
            out.append(ch)
        }
        return out
    }

    @Test func everyCellReadsBackWithItsExactValueTypeAndFormat() throws {
        let book = Self.randomWorkbook(seed: 0x5EED)
        let report = try WorkbookInspector.inspect(try book.bytes())

        #expect(report.testzip == nil)
        #expect(Self.requiredParts.isSubset(of: Set(report.names)), "\(report.names)")
        #expect(Set(report.names).isSuperset(of: (1...3).map { "xl/worksheets/sheet\($0).xml" }))
        #expect(report.undeclared.isEmpty, "parts without a content type: \(report.undeclared)")
        #expect(report.unreachable.isEmpty, "parts no relationship reaches: \(report.unreachable)")
        #expect(report.missingTargets.isEmpty, "relationships to missing parts: \(report.missingTargets)")
        #expect(report.formulaCount == 0)
        #expect(report.nonSharedTextCells == 0)
        #expect(report.sheets.map(\.name) == book.sheets.map(\.name))
        #expect(report.titles == book.sheets.map(\.name))

        var textCells = 0
        var distinct: Set<[UInt8]> = []
        for (sheet, seen) in zip(book.sheets, report.sheets) {
            var expected: [[Int]: Cell] = [:]
            for (r, row) in sheet.rows.enumerated() {
                for (c, cell) in row.enumerated() where cell != .empty { expected[[r, c]] = cell }
            }
            #expect(seen.cells.count == expected.count, "cells in \(sheet.name)")
            for got in seen.cells {
                let cell = try #require(expected[[got.row, got.col]], "unexpected cell \(got.ref) in \(sheet.name)")
                #expect(got.ref == CellReference.name(row: got.row, column: got.col))
                let header = got.row < sheet.frozenHeaderRows
                #expect(got.bold == header, "\(got.ref) bold")
                switch cell {
                case .text(let text):
                    textCells += 1
                    distinct.insert(Array(text.utf8))
                    #expect(got.type == "s", "\(got.ref) in \(sheet.name) is not a shared string")
                    #expect(sameScalars(got.text, text), "\(got.ref) in \(sheet.name): \(String(reflecting: got.text)) != \(String(reflecting: text))")
                    #expect(got.format == "General")
                case .number(let text, let decimals):
                    #expect(got.type == nil && got.value == text, "\(got.ref): \(got.value ?? "nil") != \(text)")
                    #expect(got.format == (decimals.map { $0 == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: $0) } ?? "General"))
                case .integer(let n):
                    #expect(got.type == nil && got.value == String(n))
                    #expect(got.format == "General")
                case .empty:
                    Issue.record("empty cell written at \(got.ref)")
                }
            }
        }
        #expect(report.sharedCount == textCells)
        #expect(report.sharedUniqueCount == distinct.count && report.sharedEntries == distinct.count)
    }

    @Test func theHeaderIsFrozenAndEveryUsedColumnHasAWidth() throws {
        let report = try WorkbookInspector.inspect(try Self.randomWorkbook(seed: 3).bytes())
        let panes = report.sheets.map(\.pane)
        #expect(panes[0] == ["ySplit": "1", "topLeftCell": "A2", "activePane": "bottomLeft", "state": "frozen"])
        #expect(panes[1]?["ySplit"] == "2" && panes[1]?["topLeftCell"] == "A3")
        #expect(panes[2] == nil)
        for sheet in report.sheets {
            let used = Set(sheet.cells.map(\.col))
            let widths = Dictionary(uniqueKeysWithValues: sheet.cols.map { (Int($0[0]) - 1, $0[2]) })
            #expect(sheet.cols.allSatisfy { $0[0] == $0[1] && (9...60).contains($0[2]) })
            #expect(Set(widths.keys) == used, "\(sheet.name)")
        }
        #expect(report.sheets[1].dimension == "A1:XFD2")
        #expect(report.sheets[2].cols.map { $0[2] } == [60, 60])
    }

    @Test func textThatLooksLikeAFormulaStaysText() throws {
        let tricky = ["=1+1", "+1", "-1", "@SUM(A1)", "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\")", "-", "="]
        let book = Workbook(sheets: [Sheet(name: "Injection", rows: [[.text("h")], tricky.map(Cell.text)])])
        let report = try WorkbookInspector.inspect(try book.bytes())
        #expect(report.formulaCount == 0)
        let cells = report.sheets[0].cells.filter { $0.row == 1 }
        #expect(cells.map(\.type) == Array(repeating: "s", count: tricky.count))
        #expect(cells.map { $0.text ?? "" } == tricky)
    }

    @Test func canonicallyEquivalentSpellingsStayDistinct() throws {
        let nfc = "Nguyễn Ánh", nfd = "Nguye\u{0302}\u{0303}n A\u{0301}nh"
        #expect(nfc == nfd)  // Swift's String == would merge them
        let report = try WorkbookInspector.inspect(try Workbook(sheets: [Sheet(name: "A", rows: [[.text(nfc), .text(nfd)]])]).bytes())
        #expect(report.sharedUniqueCount == 2)
        #expect(sameScalars(report.sheets[0].cells[0].text, nfc))
        #expect(sameScalars(report.sheets[0].cells[1].text, nfd))
    }

    @Test func documentPropertiesAreWrittenOnlyWhenGiven() throws {
        let plain = try WorkbookInspector.inspect(try Workbook(sheets: [Sheet(name: "A", rows: [])]).bytes())
        #expect(plain.core.isEmpty)
        #expect(plain.application == nil)
        #expect(plain.sheets[0].cells.isEmpty && plain.sheets[0].dimension == "A1")

        let when = try #require(Timestamp(year: 2025, month: 3, day: 8, hour: 7, minute: 30))
        let props = DocumentProperties(title: "Báo cáo <tháng 3> & \"tổng\"", creator: "Đội 1", application: "antq", created: when)
        let report = try WorkbookInspector.inspect(try Workbook(sheets: [Sheet(name: "A", rows: [[.integer(1)]])], properties: props).bytes())
        #expect(report.core == ["title": "Báo cáo <tháng 3> & \"tổng\"", "creator": "Đội 1",
                                "created": "2025-03-08T07:30:00Z", "modified": "2025-03-08T07:30:00Z"])
        #expect(report.application == "antq")
    }

    @Test func theSameWorkbookGivesTheSameBytes() throws {
        #expect(try Self.randomWorkbook(seed: 11).bytes() == Self.randomWorkbook(seed: 11).bytes())
    }
}
