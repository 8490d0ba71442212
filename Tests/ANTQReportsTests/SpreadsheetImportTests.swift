import ANTQTestSupport
import Decimals
@testable import ANTQDomain
import Testing
import TextFormats

/// The CSV → draft mapping (ANTQDomain/Spreadsheet) without the binary.
@Suite struct SpreadsheetImportTests {
    func table(_ csv: String) throws -> CSVTable { try CSVTable(Array(csv.utf8)) }

    @Test func vietnameseHeadersMapToFieldsByType() throws {
        let header = ["STT", "Ngày xảy ra", "Xã, phường", "Số lượng", "Loại"]
        let weapons = try ImportColumns.resolve(header: header, type: .weaponSeized)
        #expect(weapons.targets == [.ignored, .envelope("occurred"), .envelope("unit"), .data("quantity"), .data("kind")])
        let cases = try ImportColumns.resolve(header: header, type: .caseSolved)
        #expect(cases.targets.suffix(2) == [.data("count"), .data("category")])
        #expect(cases.column(for: "data.count") == "Số lượng")
        // A field's name and its labels are headers too, with or without diacritics.
        let tips = try ImportColumns.resolve(header: ["occurred", "unit", "kenh tiep nhan", "Có giá trị", "number of tips"], type: .tipReceived)
        #expect(tips.targets.suffix(3) == [.data("channel"), .data("valuable"), .data("count")])
    }

    @Test func headerProblemsAreAllReportedTogether() {
        #expect(throws: ImportColumns.HeaderError.self) { try ImportColumns.resolve(header: ["Ngày", "Đơn vị", "Màu"], type: .tipReceived) }
        do {
            _ = try ImportColumns.resolve(header: ["Ngày", "Đơn vị", "Màu"], type: .caseSolved)
            Issue.record("accepted")
        } catch {
            let text = error.problems.map { $0.message(vietnamese: false) }
            #expect(text.contains { $0.hasPrefix("column \"Màu\": is not a known column for case.solved") }, "\(text)")
            #expect(text.contains { $0.contains("no column gives category") }, "\(text)")
            #expect(text.count == 2, "count has a default and case is optional: \(text)")
            #expect(error.problems.allSatisfy { !$0.problem.vi.isEmpty && $0.problem.vi != $0.problem.en })
        }
        // `valuable` may be left out: a sheet of tips without that column is fine.
        #expect(throws: Never.self) { try ImportColumns.resolve(header: ["Ngày", "Đơn vị", "Kênh"], type: .tipReceived) }
    }

    @Test func twoColumnsForOneFieldAreRefused() {
        #expect(throws: ImportColumns.HeaderError.self) {
            try ImportColumns.resolve(header: ["Ngày", "Mã đơn vị", "Xã, phường", "count"], type: .arrestMade)
        }
        #expect(throws: Never.self) {
            try ImportColumns.resolve(header: ["Ngày", "Mã đơn vị", "Xã, phường", "count"], type: .arrestMade, overrides: [("Xã, phường", "-")])
        }
        // The unit name column of an export is bookkeeping, not a second unit.
        #expect(throws: Never.self) { try ImportColumns.resolve(header: ["Ngày", "Mã đơn vị", "Tên đơn vị", "count"], type: .arrestMade) }
    }

    @Test func mapOverridesAreChecked() {
        do {
            _ = try ImportColumns.resolve(header: ["Ngày", "Đơn vị", "X"], type: .arrestMade, overrides: [("X", "colour"), ("Y", "count")])
            Issue.record("accepted")
        } catch {
            let text = error.problems.map { $0.message(vietnamese: false) }
            #expect(text.contains { $0.contains("\"colour\" is not a field of arrest.made") }, "\(text)")
            #expect(text.contains { $0.hasPrefix("column \"Y\": --map names a column the file does not have") }, "\(text)")
        }
    }

    @Test func cellsBecomeTypedDraftsReadAsAClerkTypedThem() throws {
        let t = try table("Ngày;Đơn vị;Số lượng;Kênh;Có giá trị\n28/3/2019;phu cuong;5.000;Đường dây nóng;x\n;;;;\n")
        let cols = try ImportColumns.resolve(header: t.header, type: .tipReceived)
        let rows = SpreadsheetImporter.drafts(t, columns: cols)
        #expect(rows.count == 1, "an all-empty row is not an event")
        let d = try rows[0].draft.get()
        #expect(d.occurred == CivilDate(iso: "2019-03-28"))
        #expect(d.unit == "phu cuong")
        #expect(d.fieldMode == .typed(vietnameseNumbers: true))
        #expect(d.fields == [InputField("count", .string("5.000")), InputField("channel", .string("Đường dây nóng")), InputField("valuable", .string("x"))])
        var builder = RecordBuilder(mode: d.fieldMode, vocabularies: .builtIn)
        #expect(builder.data(d.type, d.fields) == EventData(.tipReceived, ["count": .int(5000), "channel": .text("hotline"), "valuable": .bool(true)]))
        // Through the validator the unit name is resolved on the row's day.
        var b = binhDuong()
        let e = try b.append([d])[0]
        #expect(e.unit == "25747" && e.data.int(TipReceived.count) == 5000)
    }

    @Test func numbersAreReadInTheSheetsStyle() throws {
        let t = try table("Ngày,Đơn vị,Chỉ tiêu,Số liệu,substance\n2018-03-02,25747,drugs.seized,\"1,4\",heroin\n")
        let cols = try ImportColumns.resolve(header: t.header, type: .indicatorRecorded, declared: ["substance"])
        #expect(cols.targets == [.envelope("occurred"), .envelope("unit"), .data("indicator"), .data("value"), .data("substance")])
        let vi = try SpreadsheetImporter.drafts(t, columns: cols)[0].draft.get()
        let en = try SpreadsheetImporter.drafts(t, columns: cols, vietnameseNumbers: false)[0].draft.get()
        var bv = RecordBuilder(mode: vi.fieldMode, vocabularies: .builtIn), be = RecordBuilder(mode: en.fieldMode, vocabularies: .builtIn)
        #expect(bv.data(vi.type, vi.fields)?.decimal(IndicatorRecorded.value) == ExactDecimal(json: "1.4"))
        #expect(be.data(en.type, en.fields) == nil, "\"1,4\" in an English sheet is not 1.4 nor 14")
    }

    @Test func theRecorderComesFromItsColumnElseFromTheCommandLine() throws {
        let t = try table("Ngày,Đơn vị,Số lượng,Kênh,Người nhập\n2018-05-14,25747,3,hotline,Lê Văn Tám\n2018-05-15,25747,2,hotline,\n")
        let cols = try ImportColumns.resolve(header: t.header, type: .tipReceived)
        let rows = SpreadsheetImporter.drafts(t, columns: cols, by: "Nguyễn Văn An")
        let d0 = try rows[0].draft.get(), d1 = try rows[1].draft.get()
        #expect(d0.by == "Lê Văn Tám" && d1.by == "Nguyễn Văn An")
    }

    /// `antq import --type indicator.recorded --indicator NAME`: every row is a
    /// record of NAME (given to the importer as a fixed field), so the sheet
    /// needs no indicator column, only the value and the dimensions.
    @Test func aSheetOfOneDeclaredIndicatorNeedsNoIndicatorColumn() throws {
        let t = try table("Ngày,Đơn vị,Số liệu,substance\n02/03/2018,25747,\"1,4\",heroin\n")
        let cols = try ImportColumns.resolve(header: t.header, type: .indicatorRecorded, declared: ["substance"], fixed: ["indicator"])
        let d = try SpreadsheetImporter.drafts(t, columns: cols, fixed: [InputField("indicator", .string("drugs.seized"))])[0].draft.get()
        #expect(d.fields == [InputField("indicator", .string("drugs.seized")), InputField("value", .string("1,4")), InputField("substance", .string("heroin"))])
    }

    @Test func datesInOfficeFormats() {
        #expect(RecordBuilder.typedDay("14/05/2018") == CivilDate(iso: "2018-05-14"))
        #expect(RecordBuilder.typedDay("14-05-2018") == CivilDate(iso: "2018-05-14"))
        #expect(RecordBuilder.typedDay("14.5.2018") == CivilDate(iso: "2018-05-14"))
        #expect(RecordBuilder.typedDay("2018-05-14 00:00:00") == CivilDate(iso: "2018-05-14"))
        #expect(RecordBuilder.typedDay("31/02/2018") == nil)
        #expect(RecordBuilder.typedDay("05/14/2018") == nil, "month 14 does not exist: no US order guessing")
    }

    @Test func aNumberThatReadsOneWayOnlyIsTold() {
        for t in ["1,4", "12,50", "1.234.567", "1.234,5", ",5"] { #expect(SheetNumberStyle.onlyReading(t) == true, "\(t)") }
        for t in ["1.4", "12.50", "1,234,567", "1,234.5", ".5"] { #expect(SheetNumberStyle.onlyReading(t) == false, "\(t)") }
        for t in ["1.400", "1,400", "12", "", "x", "1 400"] { #expect(SheetNumberStyle.onlyReading(t) == nil, "\(t)") }
    }

    @Test func aWholeNumberIsGroupedOnlyInTheReadersStyle() {
        #expect(RecordBuilder.typedWholeNumber("5.000", vietnamese: true) == 5000)
        #expect(RecordBuilder.typedWholeNumber("1,234,567", vietnamese: false) == 1_234_567)
        #expect(RecordBuilder.typedWholeNumber("5 000", vietnamese: false) == 5000)
        #expect(RecordBuilder.typedWholeNumber("1,234,567", vietnamese: true) == nil, "a comma starts decimals in Vietnamese")
        #expect(RecordBuilder.typedWholeNumber("1.000", vietnamese: false) == nil, "a point starts decimals in English")
        #expect(RecordBuilder.typedWholeNumber("12.5", vietnamese: true) == nil)
        #expect(RecordBuilder.typedWholeNumber("5.00", vietnamese: true) == nil)
    }

    @Test func rowsWithMissingCellsNameTheirLine() throws {
        let t = try table("date,unit,count\n2018-01-02,\"Phú\nCường\",1\n2018-01-03,74\n")
        let cols = try ImportColumns.resolve(header: t.header, type: .arrestMade)
        let rows = SpreadsheetImporter.drafts(t, columns: cols)
        #expect(rows.map(\.line) == [2, 4])
        guard case .failure(let e) = rows[1].draft else { Issue.record("row 2 should fail"); return }
        #expect(e.problem.en.contains("2 cell(s) but the header has 3 columns"))
    }

    @Test func aRowOfAnotherTypeIsRefused() throws {
        let t = try table("type,occurred,unit,count\narrest.made,2018-01-02,74,1\ntip.received,2018-01-02,74,1\n")
        let rows = SpreadsheetImporter.drafts(t, columns: try ImportColumns.resolve(header: t.header, type: .arrestMade))
        #expect((try? rows[0].draft.get()) != nil)
        guard case .failure(let e) = rows[1].draft else { Issue.record("a tip imported as an arrest"); return }
        #expect(e.field == "type")
        #expect(throws: ImportColumns.HeaderError.self) { try ImportColumns.resolve(header: t.header, type: .eventRetracted) }
    }
}
