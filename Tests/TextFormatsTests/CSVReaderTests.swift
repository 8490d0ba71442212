import Foundation
import Testing
import TextFormats

struct CSVReaderTests {
    func fields(_ text: String, _ reader: CSVReader = CSVReader()) throws -> [[String]] {
        try reader.read(text).map(\.fields)
    }

    @Test func semicolonSeparatorIsDetected() throws {
        let text = "Đơn vị;Số vụ;Ghi chú\nThủ Dầu Một;5.000;có, không\n"
        #expect(CSVReader.detectSeparator(Array(text.utf8)) == .semicolon)
        #expect(try fields(text) == [["Đơn vị", "Số vụ", "Ghi chú"], ["Thủ Dầu Một", "5.000", "có, không"]])
    }

    @Test func tabSeparatorIsDetected() throws {
        #expect(try fields("a\tb\tc\n1\t2\t3") == [["a", "b", "c"], ["1", "2", "3"]])
    }

    @Test func separatorsInsideQuotesAreNotCountedForDetection() {
        #expect(CSVReader.detectSeparator(Array("\"a;b;c;d\",x,y\n".utf8)) == .comma)
        #expect(CSVReader.detectSeparator(Array("\n\nsingle column\n".utf8)) == .comma)
    }

    @Test func explicitSeparatorOverridesDetection() throws {
        #expect(try fields("a;b,c", CSVReader(separator: .comma)) == [["a;b", "c"]])
    }

    @Test func bomIsStripped() throws {
        let records = try CSVReader().read([0xEF, 0xBB, 0xBF] + Array("tên,mã\nA,1\n".utf8))
        #expect(records.map(\.fields) == [["tên", "mã"], ["A", "1"]])
        #expect(records[0].fields[0].unicodeScalars.first == "t")
        #expect(try fields("\u{FEFF}x;y") == [["x", "y"]])
    }

    @Test func quotedNewlineStaysInField() throws {
        let records = try CSVReader().read("id,note\r\n1,\"dòng một\r\ndòng hai\nba\"\r\n2,x\r\n")
        #expect(exact(records.map(\.fields)) == exact([["id", "note"], ["1", "dòng một\r\ndòng hai\nba"], ["2", "x"]]))
        #expect(records.map(\.line) == [1, 2, 5])
        #expect(records.map(\.number) == [1, 2, 3])
    }

    @Test func doubledQuotesBecomeOneQuote() throws {
        #expect(try fields("\"say \"\"xin chào\"\"\",b") == [["say \"xin chào\"", "b"]])
    }

    @Test func crlfLfAndCrAllEndRecords() throws {
        let records = try CSVReader().read("a\r\nb\nc\rd")
        #expect(records.map(\.fields) == [["a"], ["b"], ["c"], ["d"]])
        #expect(records.map(\.line) == [1, 2, 3, 4])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let records = try CSVReader().read("\n\na,b\n\n\nc,d\n\n\r\n\r")
        #expect(records.map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(records.map(\.line) == [3, 6])
        #expect(records.map(\.number) == [1, 2])
    }

    @Test func whitespaceOnlyLineIsOneField() throws {
        #expect(try fields("a\n \nb") == [["a"], [" "], ["b"]])
    }

    @Test func emptyFieldsAndTrailingSeparatorAreKept() throws {
        #expect(try fields(",,\na,\n\"\"") == [["", "", ""], ["a", ""], [""]])
    }

    @Test func emptyInputHasNoRecords() throws {
        #expect(try fields("").isEmpty)
        #expect(try CSVReader().read([0xEF, 0xBB, 0xBF]).isEmpty)
    }

    @Test func unclosedQuoteNamesItsLine() {
        #expect(throws: CSVError.unclosedQuote(line: 3)) {
            try CSVReader().read("a,b\n1,2\n3,\"open\nmore\nlines")
        }
        let error = CSVError.unclosedQuote(line: 3)
        #expect(error.line == 3)
        #expect(error.description.hasPrefix("line 3: "))
    }

    @Test func invalidUTF8NamesItsLine() {
        let bytes = Array("a,b\r\nc,d\n".utf8) + [0x78, 0xC3, 0x28] + Array("\n".utf8)
        #expect(throws: CSVError.invalidUTF8(line: 3)) { try CSVReader().read(bytes) }
        // Latin-1 "Hà Nội" saved by an old tool, on line 1.
        #expect(throws: CSVError.invalidUTF8(line: 1)) { try CSVReader().read([0x48, 0xE0, 0x20, 0x4E]) }
    }

    @Test func nulByteIsRejected() {
        #expect(throws: CSVError.nulByte(line: 2)) { try CSVReader().read([0x61, 0x0A, 0x62, 0x00]) }
    }

    @Test func strayQuoteIsKeptLikePython() throws {
        #expect(try fields("màn hình 5\" ,b\n\"ab\"c,d") == [["màn hình 5\" ", "b"], ["abc", "d"]])
    }

    @Test func strictModeRejectsStrayQuotes() {
        let strict = CSVReader(strictQuotes: true)
        #expect(throws: CSVError.strayQuote(line: 2)) { try strict.read("a,b\nx\"y,z") }
        #expect(throws: CSVError.strayQuote(line: 1)) { try strict.read("\"ab\"c,d") }
        #expect(throws: Never.self) { try strict.read("\"a\"\"b\",c\n") }
    }

    @Test func fieldsAreReturnedUnnormalised() throws {
        let decomposed = "Thu\u{309} Dâ\u{300}u Mô\u{323}t"
        let records = try CSVReader().read(decomposed + ", x ")
        #expect(exact(records.map(\.fields)) == exact([[decomposed, " x "]]))
    }

    @Test func stringAndByteInputsAgree() throws {
        let text = "Đơn vị;Số\r\n\"a;b\";1\r\n"
        #expect(try CSVReader().read(text) == CSVReader().read(Array(text.utf8)))
    }
}
