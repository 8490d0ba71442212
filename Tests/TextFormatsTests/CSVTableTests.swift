import Foundation
import Testing
import TextFormats

struct CSVTableTests {
    @Test func headerNamesAreTrimmedAndNFC() throws {
        let table = try CSVTable(Array(" Đơn vi\u{323} ;\tSo\u{302}\u{301} vụ\n Thủ Dầu Một ;5.000\n".utf8))
        #expect(exact([table.header]) == exact([["Đơn vị", "Số vụ"]]))
        #expect(table.headerRecord?.line == 1)
        #expect(table.rows.count == 1)
        #expect(table.value("Số vụ", in: table.rows[0]) == "5.000")
        // Rows are not trimmed.
        #expect(table.value("Đơn vị", in: table.rows[0]) == " Thủ Dầu Một ")
        #expect(table.columnIndex("  So\u{302}\u{301} vụ") == 1)
    }

    @Test func valueIsNilForUnknownColumnOrShortRow() throws {
        let table = try CSVTable(Array("a,b,c\n1,2\n".utf8))
        #expect(table.value("c", in: table.rows[0]) == nil)
        #expect(table.value("z", in: table.rows[0]) == nil)
        #expect(table.value("b", in: table.rows[0]) == "2")
    }

    @Test func duplicateHeaderNamesResolveToTheFirst() throws {
        let table = try CSVTable(Array("x,x\n1,2\n".utf8))
        #expect(table.value("x", in: table.rows[0]) == "1")
    }

    @Test func emptyFileGivesEmptyTable() throws {
        let table = try CSVTable([])
        #expect(table.header.isEmpty && table.rows.isEmpty && table.headerRecord == nil)
    }
}
