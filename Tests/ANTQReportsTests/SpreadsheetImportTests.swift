import Foundation
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
    }

    @Test func headerProblemsAreAllReportedTogether() {
        #expect(throws: ImportColumns.HeaderError.self) { try ImportColumns.resolve(header: ["Ngày", "Đơn vị", "Màu"], type: .tipReceived) }
        do {
            _ = try ImportColumns.resolve(header: ["Ngày", "Đơn vị", "Màu"], type: .tipReceived)
        } catch {
            let text = error.problems.map(\.description)
            #expect(text.contains { $0.hasPrefix("column \"Màu\": is not a known column") })
            #expect(text.contains { $0.contains("no column gives channel") })
            #expect(text.contains { $0.contains("no column gives valuable") })
        }
    }

    @Test func twoColumnsForOneFieldAreRefused() {
        #expect(throws: ImportColumns.HeaderError.self) {
            try ImportColumns.resolve(header: ["Ngày", "Mã đơn vị", "Tên đơn vị", "count"], type: .arrestMade)
        }
        #expect(throws: Never.self) {
            try ImportColumns.resolve(header: ["Ngày", "Mã đơn vị", "Tên đơn vị", "count"], type: .arrestMade, overrides: [("Tên đơn vị", "-")])
        }
    }

    @Test func cellsBecomeFlagsDraftsInTheCataloguesSpelling() throws {
        let t = try table("Ngày;Đơn vị;Số lượng;Kênh;Có giá trị\n28/3/2019;phu cuong;5.000;Đường dây nóng;x\n;;;;\n")
        let cols = try ImportColumns.resolve(header: t.header, type: .tipReceived)
        let rows = SpreadsheetImporter.drafts(t, columns: cols)
        #expect(rows.count == 1, "an all-empty row is not an event")
        let d = try rows[0].draft.get()
        #expect(d.occurred == CivilDate(iso: "2019-03-28"))
        #expect(d.unit == "phu cuong")
        #expect(d.fieldMode == .flags)
        #expect(d.fields == [DataField(key: "count", value: .string("5000")), DataField(key: "channel", value: .string("hotline")),
                             DataField(key: "valuable", value: .string("true"))])
    }

    @Test func datesInOfficeFormats() {
        #expect(SpreadsheetImporter.parseDate("14/05/2018") == CivilDate(iso: "2018-05-14"))
        #expect(SpreadsheetImporter.parseDate("14-05-2018") == CivilDate(iso: "2018-05-14"))
        #expect(SpreadsheetImporter.parseDate("14.5.2018") == CivilDate(iso: "2018-05-14"))
        #expect(SpreadsheetImporter.parseDate("2018-05-14 00:00:00") == CivilDate(iso: "2018-05-14"))
        #expect(SpreadsheetImporter.parseDate("31/02/2018") == nil)
        #expect(SpreadsheetImporter.parseDate("05/14/2018") == nil, "month 14 does not exist: no US order guessing")
    }

    @Test func onlyRegularThousandsGroupingIsUngrouped() {
        #expect(SpreadsheetImporter.ungrouped("5.000") == "5000")
        #expect(SpreadsheetImporter.ungrouped("1,234,567") == "1234567")
        #expect(SpreadsheetImporter.ungrouped("12.5") == nil)
        #expect(SpreadsheetImporter.ungrouped("5.00") == nil)
    }

    @Test func rowsWithMissingCellsNameTheirLine() throws {
        let t = try table("date,unit,count\n2018-01-02,\"Phú\nCường\",1\n2018-01-03,74\n")
        let cols = try ImportColumns.resolve(header: t.header, type: .arrestMade)
        let rows = SpreadsheetImporter.drafts(t, columns: cols)
        #expect(rows.map(\.line) == [2, 4])
        guard case .failure(let e) = rows[1].draft else { Issue.record("row 2 should fail"); return }
        #expect(e.problem.contains("2 cell(s) but the header has 3 columns"))
    }
}
