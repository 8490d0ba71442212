import ANTQDomain
import Testing
import TextFormats

/// Only "d.ddd" / "d,ddd" with one separator reads as two numbers a thousand
/// times apart; the import names such cells of decimal columns, never of
/// whole-number columns (which group in either style).
@Suite struct AmbiguousNumbersTests {
    @Test func onlyOneSeparatorBeforeExactlyThreeDigitsIsAmbiguous() {
        for t in ["1.400", "1,400", "12.500", "999,000"] { #expect(AmbiguousNumbers.isAmbiguous(t), "\(t)") }
        for t in ["1.4", "1,45", "1.4000", "1.400.000", "1,400,000", "1400", "1.400,5", "1234.567", ".400", "1.40a", ""] {
            #expect(!AmbiguousNumbers.isAmbiguous(t), "\(t)")
        }
    }

    @Test func theCellsOfDecimalColumnsAreNamedWithTheirLineAndColumn() throws {
        let csv = "Ngày,Đơn vị,Giá trị\n02/03/2018,74,\"1.400\"\n03/03/2018,74,\"2,5\"\n04/03/2018,74,\" 3,250 \"\n"
        let table = try CSVTable(Array(csv.utf8))
        let columns = try ImportColumns.resolve(header: table.header, type: .indicatorRecorded, declared: [], fixed: ["indicator"])
        #expect(AmbiguousNumbers.cells(table, columns: columns) == [.init(line: 2, column: "Giá trị", text: "1.400"), .init(line: 4, column: "Giá trị", text: "3,250")])
        let counts = try CSVTable(Array("Ngày,Đơn vị,Số đối tượng\n02/03/2018,74,1.400\n".utf8))
        #expect(AmbiguousNumbers.cells(counts, columns: try ImportColumns.resolve(header: counts.header, type: .arrestMade)).isEmpty,
                "a count reads a separator as grouping in either style")
    }
}
