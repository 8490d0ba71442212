import ANTQDomain
@testable import ANTQReports
import Foundation
import JSONCodec
import Testing
import TextFormats

@Suite struct SummaryRendererTests {
    @Test func vietnameseTextUsesVietnameseNumbersLabelsAndDates() {
        let out = SummaryRenderer.render(Fixture.summary(), format: .text, lang: .vi)
        #expect(out.contains("Nguồn tin có giá trị"))
        #expect(out.contains("Đối tượng bị bắt"))
        #expect(out.contains("5.000"))
        #expect(out.contains("3.630"))
        #expect(out.contains("01/01/2018 – 31/12/2018"))
        #expect(out.contains(Fixture.fingerprint.description))
        #expect(out.contains("28/03/2019 10:00 (UTC+7)"), "as-of in Vietnam time")
        #expect(!out.contains("5,000"))
    }

    @Test func englishTextUsesEnglishNumbersAndLabels() {
        let out = SummaryRenderer.render(Fixture.summary(), format: .text, lang: .en)
        #expect(out.contains("Valuable tips"))
        #expect(out.contains("5,000"))
        #expect(out.contains("3,630"))
        #expect(out.contains("2018-01-01 – 2018-12-31"))
        #expect(out.contains("Log fingerprint: " + Fixture.fingerprint.description))
        #expect(out.contains("[" + Fixture.asOf.rfc3339 + "]"))
    }

    @Test func textColumnsStayAlignedWithDiacritics() {
        let out = SummaryRenderer.render(Fixture.summary(), format: .text, lang: .vi)
        // Per-unit table: every row's last column ends at the same display column.
        let lines = out.split(separator: "\n").map(String.init)
        let unitLines = lines.filter { $0.contains("Thủ Dầu Một") || $0.contains("Bến Cát") || $0.hasPrefix("Bình Dương") }
        #expect(unitLines.count == 3)
        #expect(Set(unitLines.map { displayWidth($0) }).count == 1, "\(unitLines)")
        let figureLines = lines.filter { $0.contains(" tips.valuable ") || $0.contains(" arrests ") || $0.contains(" cases.high_tech ") }
        #expect(figureLines.count == 3)
        #expect(Set(figureLines.map { displayWidth($0) }).count == 1, "\(figureLines)")
    }

    @Test func compareShowsValueChangeAndPercentInBothLanguages() {
        let vi = SummaryRenderer.render(Fixture.summary(compare: 2017), format: .text, lang: .vi)
        let arrestsVI = vi.split(separator: "\n").first { $0.contains(" arrests ") }.map(String.init) ?? ""
        #expect(arrestsVI.contains("3.630") && arrestsVI.contains("3.000") && arrestsVI.contains("+630") && arrestsVI.contains("+21,0%"), "\(arrestsVI)")
        #expect(vi.contains("So sánh với năm 2017"))
        let en = SummaryRenderer.render(Fixture.summary(compare: 2017), format: .text, lang: .en)
        let casesEN = en.split(separator: "\n").first { $0.contains(" cases ") }.map(String.init) ?? ""
        #expect(casesEN.contains("2,144") && casesEN.contains("2,000") && casesEN.contains("+144") && casesEN.contains("+7.2%"), "\(casesEN)")
        // No ratio against zero: the firearms of 2017 were 0.
        let guns = en.split(separator: "\n").first { $0.contains(" weapons.firearm ") }.map(String.init) ?? ""
        #expect(guns.hasSuffix("—") && guns.contains("+21"), "\(guns)")
    }

    @Test func markdownHasTablesInTheReadersStyle() {
        let vi = SummaryRenderer.render(Fixture.summary(compare: 2017), format: .markdown, lang: .vi)
        #expect(vi.hasPrefix("# Tổng hợp phong trào toàn dân bảo vệ ANTQ năm 2018"))
        #expect(vi.contains("| `arrests` | 3.630 | 3.000 | +630 | +21,0% |"))
        #expect(vi.contains(Fixture.fingerprint.description))
        #expect(vi.contains("| Thủ Dầu Một | 718 |") || vi.contains("| &nbsp;&nbsp;Thủ Dầu Một | 718 |"))
        let en = SummaryRenderer.render(Fixture.summary(), format: .markdown, lang: .en)
        #expect(en.contains("| **Valuable tips** | `tips.valuable` | 5,000 |"))
    }

    @Test func csvKeepsTheDocumentedColumnsWithPlainNumbers() throws {
        let out = SummaryRenderer.render(Fixture.summary(compare: 2017), format: .csv, lang: .vi)
        let table = try CSVTable(Array(out.utf8))
        #expect(table.header == ["period", "unit", "unit_name", "metric", "value", "compare_period", "compare_value", "change", "percent_change"])
        let arrests = try #require(table.rows.first { table.value("unit", in: $0) == "74" && table.value("metric", in: $0) == "arrests" })
        #expect(table.value("value", in: arrests) == "3630", "plain numbers in CSV, whatever the language")
        #expect(table.columnIndex("label") == nil, "labels belong to JSON; the CSV columns are the documented ones")
        #expect(table.value("compare_value", in: arrests) == "3000")
        #expect(table.value("change", in: arrests) == "630")
        #expect(table.value("percent_change", in: arrests) == "21.0")
        let bc = try #require(table.rows.first { table.value("unit", in: $0) == "721" && table.value("metric", in: $0) == "weapons.rudimentary" })
        #expect(table.value("unit_name", in: bc) == "Bến Cát")
        #expect(table.value("value", in: bc) == "501")
        // Units × metrics rows, nothing more.
        #expect(table.rows.count == 3 * Metric.all.count)
    }

    @Test func jsonCarriesFiguresComparisonAndProvenance() throws {
        let out = SummaryRenderer.render(Fixture.summary(compare: 2017), format: .json, lang: .vi)
        let v = try JSONValue.parse(out)
        #expect(v["fingerprint"] == .string(Fixture.fingerprint.description))
        #expect(v["as_of"] == .string(Fixture.asOf.rfc3339))
        #expect(v["compare_year"] == .number(JSONNumber(Int64(2017))))
        #expect(v["labels"]?["tips.valuable"] == .string("Nguồn tin có giá trị"))
        let root = try #require(v["units"]?[0])
        #expect(root["code"] == .string("74"))
        #expect(root["figures"]?["tips.valuable"] == .number(JSONNumber(Int64(5000))))
        #expect(root["figures"]?["communes.with_club"] == .number(JSONNumber(Int64(2))))
        #expect(root["compare"]?["arrests"]?["value"] == .number(JSONNumber(Int64(3000))))
        #expect(root["compare"]?["arrests"]?["change"] == .number(JSONNumber(Int64(630))))
        #expect(root["compare"]?["arrests"]?["percent_change"]?.jsonBytes == Array("21.0".utf8))
        #expect(root["compare"]?["weapons.firearm"]?["percent_change"] == .null)
    }

    @Test func reportWithoutAsOfNamesTheEndOfTheLogAndItsLastRecordedInstant() {
        let out = SummaryRenderer.render(Fixture.summary(asOf: nil), format: .text, lang: .en)
        #expect(out.contains("end of the log (all events up to #42, last recorded 2019-03-20 10:00 (UTC+7) [2019-03-20T03:00:00.000000Z])"))
        let vi = SummaryRenderer.render(Fixture.summary(asOf: nil), format: .text, lang: .vi)
        #expect(vi.contains("cuối sổ (mọi sự kiện đến #42, ghi lần cuối 20/03/2019 10:00 (UTC+7)"))
    }
}

@Suite struct StateRendererTests {
    @Test func textShowsModelsMembersCamerasAndClubCoverage() {
        let vi = StateRenderer.render(Fixture.state(), format: .text, lang: .vi)
        #expect(vi.contains("31/12/2018"))
        #expect(vi.contains(Fixture.fingerprint.description))
        let members = vi.split(separator: "\n").first { $0.contains("models.shock_team.members") }.map(String.init) ?? ""
        #expect(members.hasSuffix("3.359"), "\(members)")
        let cams = vi.split(separator: "\n").first { $0.contains(" cameras ") }.map(String.init) ?? ""
        #expect(cams.hasSuffix("1.600"), "\(cams)")
        let en = StateRenderer.render(Fixture.state(), format: .text, lang: .en)
        #expect(en.contains("Security cameras") && en.contains("1,600"))
    }

    @Test func csvJsonAndMarkdownAgreeOnTheFigures() throws {
        let csv = try CSVTable(Array(StateRenderer.render(Fixture.state(), format: .csv, lang: .en).utf8))
        let club = try #require(csv.rows.first { csv.value("unit", in: $0) == "74" && csv.value("metric", in: $0) == "communes.with_club" })
        #expect(csv.value("value", in: club) == "2")
        #expect(csv.header == ["date", "unit", "unit_name", "metric", "value"])
        let json = try JSONValue.parse(StateRenderer.render(Fixture.state(), format: .json, lang: .vi))
        #expect(json["units"]?[0]?["figures"]?["models.crime_prevention_club.members"] == .number(JSONNumber(Int64(55))))
        #expect(json["fingerprint"] == .string(Fixture.fingerprint.description))
        let md = StateRenderer.render(Fixture.state(), format: .markdown, lang: .vi)
        #expect(md.contains("| `models.shock_team.members` | 3.359 |"))
    }
}
