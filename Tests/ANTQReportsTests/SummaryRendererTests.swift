import ANTQDomain
@testable import ANTQReports
import Foundation
import JSONCodec
import Testing
import TextFormats

@Suite struct SummaryRendererTests {
    /// A unit named with HTML reaches a Markdown viewer as text, not as HTML.
    @Test func markdownShowsHTMLInANameAsText() {
        let ledger = Fixture.build([Fixture.draft(.unitRegistered, "2013-12-30", "74", ["name": "Phú <b>Lợi</b> & \"Co\"", "kind": "tỉnh", "parent": "null"])])
        let r = SummaryReport.make(ledger: ledger, period: Period(year: 2018, start: .january1), unit: nil, depth: 0, fingerprint: Fixture.fingerprint, asOf: nil)
        let md = SummaryRenderer.render(r, format: .markdown, lang: .vi)
        #expect(md.contains(#"Phú \<b\>Lợi\</b\> \& "Co""#) && !md.contains("<b>"), "\(md.prefix(400))")
    }

    @Test func vietnameseTextUsesVietnameseNumbersLabelsAndDates() {
        let out = SummaryRenderer.render(Fixture.summary(), format: .text, lang: .vi)
        #expect(out.contains("Nguồn tin có giá trị"))
        #expect(out.contains("Đối tượng bị bắt"))
        #expect(row(out, "Nguồn tin có giá trị").hasSuffix(" 5.000"), "\(row(out, "Nguồn tin có giá trị"))")
        #expect(row(out, "Đối tượng bị bắt").hasSuffix(" 3.630"))
        #expect(out.contains("Kỳ báo cáo: năm 2018 (01/01/2018 – 31/12/2018)"))
        #expect(out.contains(Fixture.fingerprint.description))
        #expect(out.contains("28/03/2019 10:00 (UTC+7)"), "as-of in Vietnam time")
        #expect(!out.contains("5,000"))
    }

    @Test func englishTextUsesEnglishNumbersAndLabels() {
        let out = SummaryRenderer.render(Fixture.summary(), format: .text, lang: .en)
        #expect(row(out, "Valuable tips").hasSuffix(" 5,000"))
        #expect(row(out, "Suspects arrested").hasSuffix(" 3,630"))
        #expect(out.contains("Period: 2018 (2018-01-01 – 2018-12-31)"))
        #expect(out.contains("Log fingerprint: " + Fixture.fingerprint.description))
        #expect(out.contains("[" + Fixture.asOf.rfc3339 + "]"))
    }

    @Test func figureCodesAreHiddenUnlessAskedFor() {
        for lang in Language.allCases {
            for format in [ReportFormat.text, .markdown] {
                let plain = SummaryRenderer.render(Fixture.summary(), format: format, lang: lang)
                let coded = SummaryRenderer.render(Fixture.summary(codes: true), format: format, lang: lang)
                #expect(!plain.contains("tips.valuable") && !plain.contains("arrests") && !plain.contains("cases.high_tech"), "\(format) \(lang)")
                #expect(coded.contains("tips.valuable") && coded.contains("arrests") && coded.contains("cases.high_tech"), "\(format) \(lang)")
            }
        }
    }

    @Test func textColumnsStayAlignedWithDiacritics() {
        let out = SummaryRenderer.render(Fixture.summary(codes: true), format: .text, lang: .vi)
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
        let arrestsVI = row(vi, "Đối tượng bị bắt")
        #expect(arrestsVI.contains("3.630") && arrestsVI.contains("3.000") && arrestsVI.contains("+630") && arrestsVI.hasSuffix("+21,0%"), "\(arrestsVI)")
        #expect(vi.contains("So sánh với năm 2017 (01/01/2017 – 31/12/2017)."))
        let en = SummaryRenderer.render(Fixture.summary(compare: 2017), format: .text, lang: .en)
        let casesEN = row(en, "Cases uncovered")
        #expect(casesEN.contains("2,144") && casesEN.contains("2,000") && casesEN.contains("+144") && casesEN.hasSuffix("+7.2%"), "\(casesEN)")
        // No ratio against zero: the firearms of 2017 were 0.
        let guns = row(en, "Guns of all types seized")
        #expect(guns.hasSuffix("—") && guns.contains("+21"), "\(guns)")
    }

    @Test func markdownHasTablesInTheReadersStyle() {
        let vi = SummaryRenderer.render(Fixture.summary(compare: 2017, codes: true), format: .markdown, lang: .vi)
        #expect(vi.hasPrefix("# Tổng hợp phong trào toàn dân bảo vệ ANTQ năm 2018 — tỉnh Bình Dương"))
        #expect(vi.contains("| **Đối tượng bị bắt** | `arrests` | 3.630 | 3.000 | +630 | +21,0% |"))
        #expect(vi.contains(Fixture.fingerprint.description))
        #expect(vi.contains("| &nbsp;&nbsp;Thủ Dầu Một | 718 |"))
        let en = SummaryRenderer.render(Fixture.summary(codes: true), format: .markdown, lang: .en)
        #expect(en.contains("| &nbsp;&nbsp;Valuable tips | `tips.valuable` | 5,000 |"))
        #expect(en.contains("| **Suspects arrested** | `arrests` | 3,630 |"))
        // Text that means something in Markdown is escaped.
        #expect(SummaryRenderer.md("a|b_c*") == "a\\|b\\_c\\*")
    }

    @Test func csvKeepsTheDocumentedColumnsWithPlainNumbers() throws {
        let report = Fixture.summary(compare: 2017)
        let out = SummaryRenderer.render(report, format: .csv, lang: .vi)
        let table = try CSVTable(Array(out.utf8))
        #expect(table.header == ["period", "unit", "unit_name", "metric", "value", "compare_period", "compare_value", "change", "percent_change"])
        let arrests = try #require(table.rows.first { table.value("unit", in: $0) == "74" && table.value("metric", in: $0) == "arrests" })
        #expect(table.value("period", in: arrests) == "2018")
        #expect(table.value("value", in: arrests) == "3630", "plain numbers in CSV, whatever the language")
        #expect(table.columnIndex("label") == nil, "labels belong to JSON; the CSV columns are the documented ones")
        #expect(table.value("compare_period", in: arrests) == "2017")
        #expect(table.value("compare_value", in: arrests) == "3000")
        #expect(table.value("change", in: arrests) == "630")
        #expect(table.value("percent_change", in: arrests) == "21.0")
        let guns = try #require(table.rows.first { table.value("unit", in: $0) == "74" && table.value("metric", in: $0) == "weapons.firearm" })
        #expect(table.value("percent_change", in: guns) == "", "no percentage against 0")
        let bc = try #require(table.rows.first { table.value("unit", in: $0) == "721" && table.value("metric", in: $0) == "weapons.rudimentary" })
        #expect(table.value("unit_name", in: bc) == "Bến Cát")
        #expect(table.value("value", in: bc) == "501")
        // Units × figures rows, nothing more; the same in English.
        #expect(table.rows.count == 3 * report.figures.count)
        #expect(report.figures.map(\.name) == Fixture.ledger.figures.names, "a log without declarations shows every built-in figure")
        #expect(SummaryRenderer.render(report, format: .csv, lang: .en) == out)
    }

    @Test func jsonCarriesFiguresComparisonAndProvenance() throws {
        let out = SummaryRenderer.render(Fixture.summary(compare: 2017), format: .json, lang: .vi)
        let v = try JSONValue.parse(out)
        #expect(v["fingerprint"] == .string(Fixture.fingerprint.description))
        #expect(v["as_of"] == .string(Fixture.asOf.rfc3339))
        #expect(v["year"] == .number(JSONNumber(Int64(2018))))
        #expect(v["period"]?["start"] == .string("2018-01-01") && v["period"]?["end"] == .string("2018-12-31"))
        #expect(v["compare_period"]?["label"] == .string("2017"))
        guard case .array(let figures)? = v["figures"] else { Issue.record("no figures"); return }
        let valuable = try #require(figures.first { $0["name"] == .string("tips.valuable") })
        #expect(valuable["label"] == .string("Nguồn tin có giá trị"))
        #expect(valuable["parent"] == .string("tips") && valuable["kind"] == .string("flow") && valuable["decimals"] == .number(JSONNumber(Int64(0))))
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
        let vi = StateRenderer.render(Fixture.state(codes: true), format: .text, lang: .vi)
        #expect(vi.contains("31/12/2018"))
        #expect(vi.contains(Fixture.fingerprint.description))
        let members = vi.split(separator: "\n").first { $0.contains("models.shock_team.members") }.map(String.init) ?? ""
        #expect(members.hasSuffix("3.359"), "\(members)")
        let cams = vi.split(separator: "\n").first { $0.contains(" cameras ") }.map(String.init) ?? ""
        #expect(cams.hasSuffix("1.600"), "\(cams)")
        let en = StateRenderer.render(Fixture.state(), format: .text, lang: .en)
        #expect(row(en, "Security cameras").hasSuffix(" 1,600"))
        #expect(!en.contains("models.shock_team"), "codes only with --codes")
    }

    @Test func csvJsonAndMarkdownAgreeOnTheFigures() throws {
        let csv = try CSVTable(Array(StateRenderer.render(Fixture.state(), format: .csv, lang: .en).utf8))
        let club = try #require(csv.rows.first { csv.value("unit", in: $0) == "74" && csv.value("metric", in: $0) == "communes.with_club" })
        #expect(csv.value("value", in: club) == "2")
        #expect(csv.header == ["date", "unit", "unit_name", "metric", "value"])
        let json = try JSONValue.parse(StateRenderer.render(Fixture.state(), format: .json, lang: .vi))
        #expect(json["units"]?[0]?["figures"]?["models.crime_prevention_club.members"] == .number(JSONNumber(Int64(55))))
        #expect(json["fingerprint"] == .string(Fixture.fingerprint.description))
        #expect(json["models"]?[0]?["model"] == .string("club-1"))
        let md = StateRenderer.render(Fixture.state(codes: true), format: .markdown, lang: .vi)
        #expect(md.contains("| `models.shock_team.members` | 3.359 |"))
    }

    @Test func theModelListNamesEachActiveModel() {
        let out = StateRenderer.render(Fixture.state(), format: .text, lang: .vi, listModels: true)
        let team = out.split(separator: "\n").first { $0.hasPrefix("team-1") }.map(String.init) ?? ""
        #expect(team.contains("Đội xung kích") && team.contains("25750 Tân Định") && team.contains("3.359") && team.contains("01/01/2016"), "\(team)")
    }
}
