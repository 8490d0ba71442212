import ANTQDomain
import Foundation
import Testing
import TextFormats
@testable import ANTQReports

/// `summary --format html --layout official`: the blocks of an administrative document.
@Suite struct OfficialLayoutTests {
    @Test func theOfficialPageHasEveryBlockOfTheDecreeInOrder() throws {
        var r = Fixture.summary(compare: 2017)
        r.official = OfficialDocument(number: "12/BC-CAT", date: CivilDate(iso: "2019-02-05")!, signer: "Nguyễn Văn A",
                                      signerTitle: "Phó Giám đốc", recipients: ["Bộ Công an <V05>", "Lưu: VT"])
        let html = SummaryRenderer.render(r, format: .html, lang: .vi)
        let probe = PageProbe.parse(html)
        #expect(probe.error == nil)
        let text = probe.text
        let blocks = ["CÔNG AN TỈNH BÌNH DƯƠNG", "Số: 12/BC-CAT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                      "Bình Dương, ngày 05 tháng 02 năm 2019", "BÁO CÁO", "Kết quả nổi bật", "Nơi nhận:", "Bộ Công an <V05>",
                      "PHÓ GIÁM ĐỐC", "Nguyễn Văn A", "antq verify --fingerprint \(Fixture.fingerprint)"]
        var last = text.startIndex
        for b in blocks {
            let found = try #require(text.range(of: b, range: last..<text.endIndex), "\(b) missing or out of order")
            last = found.upperBound
        }
        #expect(html.contains("counter(page)"), "page numbers when printed")
        #expect(!SummaryRenderer.render(Fixture.summary(), format: .html, lang: .vi).contains("CỘNG HÒA"), "the standard layout has no motto")
    }

    @Test func theDateLineWritesSmallDaysAndTheFirstTwoMonthsWithALeadingZero() {
        #expect(OfficialDocument.placeAndDate("Bình Dương", CivilDate(iso: "2019-03-28")!, .vi) == "Bình Dương, ngày 28 tháng 3 năm 2019")
        #expect(OfficialDocument.placeAndDate("Bình Dương", CivilDate(iso: "2019-01-09")!, .vi) == "Bình Dương, ngày 09 tháng 01 năm 2019")
        #expect(OfficialDocument.placeAndDate("Bình Dương", CivilDate(iso: "2019-12-10")!, .vi) == "Bình Dương, ngày 10 tháng 12 năm 2019")
    }
}
