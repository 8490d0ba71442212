import OfficeOpenXML
import Testing

/// What Excel would refuse or repair is refused before a byte is written.
struct WorkbookRulesTests {
    static func book(_ rows: [[Cell]], name: String = "A") -> Workbook { Workbook(sheets: [Sheet(name: name, rows: rows)]) }

    @Test func aWorkbookNeedsASheet() {
        #expect(throws: SpreadsheetError.noSheets) { try Workbook(sheets: []).bytes() }
    }

    @Test func numbersMustBePlainDecimalText() throws {
        for good in ["0", "-0", "1.400", "33500000", "91.09", "-12.5", "007"] {
            _ = try Self.book([[.number(good)]]).bytes()
        }
        for bad in ["", "-", "1.", ".5", "1e3", "1,400", "1 400", "+1", "--1", "1.2.3", "NaN", "inf", "٣", "1.4\n"] {
            #expect(throws: SpreadsheetError.invalidNumber(sheet: "A", cell: "B2", text: bad)) {
                try Self.book([[], [.empty, .number(bad)]]).bytes()
            }
        }
    }

    @Test func displayDecimalsStayWithinExcelsThirty() throws {
        _ = try Self.book([[.number("1", decimals: 30)]]).bytes()
        #expect(throws: SpreadsheetError.invalidDecimals(sheet: "A", cell: "A1", decimals: 31)) { try Self.book([[.number("1", decimals: 31)]]).bytes() }
        #expect(throws: SpreadsheetError.invalidDecimals(sheet: "A", cell: "A1", decimals: -1)) { try Self.book([[.number("1", decimals: -1)]]).bytes() }
    }

    @Test func textLongerThanAnExcelCellIsRefused() throws {
        _ = try Self.book([[.text(String(repeating: "a", count: 32_767))]]).bytes()
        #expect(throws: SpreadsheetError.textTooLong(sheet: "A", cell: "A1", length: 32_768)) {
            try Self.book([[.text(String(repeating: "ệ", count: 32_768))]]).bytes()
        }
        // Counted in UTF-16 units, as Excel counts: an emoji is two.
        #expect(throws: SpreadsheetError.textTooLong(sheet: "A", cell: "A1", length: 32_768)) {
            try Self.book([[.text(String(repeating: "😀", count: 16_384))]]).bytes()
        }
    }

    @Test func rowsAndColumnsStopAtExcelsLastCell() {
        let tooWide = [[Cell]](repeating: [], count: 1) + [Array(repeating: Cell.empty, count: 16_385)]
        #expect(throws: SpreadsheetError.tooManyColumns(sheet: "A", row: 2, count: 16_385)) { try Self.book(tooWide).bytes() }
        #expect(throws: SpreadsheetError.tooManyRows(sheet: "A", count: 1_048_577)) {
            try Self.book([[Cell]](repeating: [], count: 1_048_577)).bytes()
        }
        #expect(throws: SpreadsheetError.invalidHeaderRows(sheet: "A", count: -1)) {
            try Workbook(sheets: [Sheet(name: "A", rows: [], frozenHeaderRows: -1)]).bytes()
        }
    }

    @Test func sheetNamesFollowExcelsRules() {
        for ok in ["Tổng hợp", "A & B <1>", "It's", String(repeating: "Đ", count: 31), "Historyx"] {
            #expect(Sheet.nameProblem(ok) == nil, "\(ok)")
        }
        for bad in ["", String(repeating: "a", count: 32), "a[1]", "a:b", "a*", "a?", "a/b", "a\\b", "'quoted'", "x'", "HISTORY",
                    "tab\tname", String(repeating: "😀", count: 16)] {
            #expect(Sheet.nameProblem(bad) != nil, "\(bad)")
            #expect(throws: SpreadsheetError.self) { try Self.book([], name: bad).bytes() }
        }
    }

    @Test func duplicateSheetNamesAreComparedWithoutCase() {
        let book = Workbook(sheets: [Sheet(name: "Tổng hợp", rows: []), Sheet(name: "TỔNG HỢP", rows: [])])
        #expect(throws: SpreadsheetError.duplicateSheetName("TỔNG HỢP")) { try book.bytes() }
    }

    @Test func legalNameRepairsAnyTextIntoAnAcceptedName() {
        #expect(Sheet.legalName("Tháng 5/2024: [tổng] *?\\") == "Tháng 5_2024_ _tổng_ ___")
        #expect(Sheet.legalName("''quoted''") == "quoted")
        #expect(Sheet.legalName("") == "Sheet")
        #expect(Sheet.legalName("'''") == "Sheet")
        #expect(Sheet.legalName("history") == "history_")
        #expect(Sheet.legalName("a\u{0}b\nc") == "a_b_c")
        #expect(Sheet.legalName(String(repeating: "ệ", count: 40)) == String(repeating: "ệ", count: 31))
        #expect(Sheet.legalName("ab" + String(repeating: "😀", count: 20)).utf16.count == 30)
        #expect(Sheet.legalNames(["Đội 1", "ĐỘI 1", "Đội 1", String(repeating: "x", count: 31), String(repeating: "X", count: 31)])
                == ["Đội 1", "ĐỘI 1 (2)", "Đội 1 (3)", String(repeating: "x", count: 31), String(repeating: "X", count: 27) + " (2)"])
        for raw in ["", "a/b", "'x'", "History", String(repeating: "?", count: 50)] {
            #expect(Sheet.nameProblem(Sheet.legalName(raw)) == nil, "\(raw)")
        }
    }
}
