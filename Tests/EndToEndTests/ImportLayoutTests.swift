import Foundation
import Testing

/// `antq import` on a sheet as clerks keep it: a title row and a blank row
/// above the header, the rows, a blank row and a totals row.
@Suite struct ImportLayoutTests {
    static func report(total: String, separator: String = ";") -> String {
        ["BÁO CÁO BẮT GIỮ THÁNG 12/2019", "",
         ["STT", "Ngày", "Xã, phường", "Số đối tượng"].map { $0.contains(separator) ? "\"\($0)\"" : $0 }.joined(separator: separator),
         ["1", "02/12/2019", "Phú Cường", "2"].joined(separator: separator),
         ["2", "05/12/2019", "25852", "1"].joined(separator: separator),
         "", ["Tổng cộng", "", "", total].joined(separator: separator), ""].joined(separator: "\n")
    }

    func write(_ text: String, in d: DataDir, _ name: String = "bao-cao.csv") throws -> String {
        let url = d.root.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func theHeaderIsFoundBelowATitleAndTheTotalsRowIsNotImported() throws {
        for separator in [";", ",", "\t"] {
            let d = try DataDir.binhDuong()
            defer { d.remove() }
            let path = try write(Self.report(total: "3", separator: separator), in: d)
            let r = try d.antq(["import", path, "--type", "arrest.made"], environment: ["LANG": "vi_VN.UTF-8"])
            #expect(r.status == 0, "\(separator): \(r.stderr)")
            let arrests = try d.events().dropFirst(Fixture.lastSeq).filter { $0["type"] as? String == "arrest.made" }
            #expect(arrests.count == 2, "\(separator)")
            #expect(arrests.compactMap { ($0["data"] as? [String: Any])?["count"] as? Int } == [2, 1])
            #expect(arrests.compactMap { $0["unit"] as? String } == ["25747", "25852"])
        }
    }

    @Test func aTotalsRowThatDisagreesStopsTheImportWithBothNumbersAndItsLine() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let before = try d.logBytes()
        let path = try write(Self.report(total: "4"), in: d)
        let vi = try d.antq(["import", path, "--type", "arrest.made"], environment: ["LANG": "vi_VN.UTF-8"])
        #expect(vi.status == 65)
        #expect(vi.stderr.contains("bao-cao.csv:7: dòng tổng cộng ghi Số đối tượng là 4 nhưng các dòng cộng lại được 3"), "\(vi.stderr)")
        let en = try d.antq(["import", path, "--type", "arrest.made"])
        #expect(en.stderr.contains("bao-cao.csv:7: the totals row gives Số đối tượng as 4 but the rows add up to 3"), "\(en.stderr)")
        #expect(try d.logBytes() == before)
    }

    @Test func headerRowNamesTheHeaderLine() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        // A title that itself names two columns ("Ngày", "Số lượng") would be taken for the header.
        let text = "Ngày;Số lượng\n" + Self.report(total: "3")
        let path = try write(text, in: d)
        #expect(try d.antq(["import", path, "--type", "arrest.made"]).status == 65)
        let r = try d.antq(["import", path, "--type", "arrest.made", "--header-row", "4"])
        #expect(r.status == 0, "\(r.stderr)")
    }
}
