import Foundation
import Testing

/// `--period`, `--compare` and `--columns` through the binary: the thin CLI
/// passes periods to the one parser and prints what the reports make of them.
@Suite struct PeriodCommandTests {
    @Test(arguments: ["2018-Q5", "2018-13", "2018-02-30..2018-03-01", "2018-08..2018-01", "2018-01..2018-Q3", "2018-05-31", "2018.."])
    func anInvalidPeriodExits64ListingTheFormsInTheReadersLanguage(period: String) throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let before = try d.logBytes()
        for args in [["summary", period], ["audit", "tips", "--period", period], ["diff", "--as-of", "2019-01-01", period]] {
            let en = try d.antq(args + ["--lang", "en"])
            #expect(en.status == 64, "\(args)")
            #expect(en.stderr.contains(String(period.prefix(7))) && en.stderr.contains("A period is written in one of these forms") && en.stderr.contains("2018-01-01..today"), "\(args): \(en.stderr)")
            let vi = try d.antq(args + ["--lang", "vi"])
            #expect(vi.status == 64)
            #expect(vi.stderr.contains("Kỳ báo cáo viết theo một trong các cách") && vi.stderr.contains("6 tháng đầu năm"), "\(args): \(vi.stderr)")
        }
        #expect(try d.logBytes() == before)
    }

    @Test func columnsAddUpToTheTotalInCSVAndJSON() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let csv = try d.ok(["summary", "--period", "2018", "--columns", "quarters", "--format", "csv"])
        let rows = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["period", "unit", "unit_name", "metric", "value"])
        #expect(Set(rows.dropFirst().map { $0[0] }) == ["2018-Q1", "2018-Q2", "2018-Q3", "2018-Q4", "2018"])
        func value(_ p: String, _ metric: String) -> Int? { rows.first { $0[0] == p && $0[1] == "74" && $0[3] == metric }.flatMap { Int($0[4]) } }
        #expect(value("2018-Q2", "tips") == 2 && value("2018-Q2", "arrests") == 0 && value("2018-Q3", "cases") == 1)
        #expect(value("2018", "tips") == 2 && value("2018-Q1", "cameras") == 2)
        let json = try d.ok(["summary", "2018-H1", "--columns", "months", "--format", "json", "--lang", "vi"])
        let s = try #require(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any])
        #expect((s["period"] as? [String: Any])?["words"] as? String == "6 tháng đầu năm 2018")
        #expect((s["columns"] as? [[String: Any]])?.map { $0["label"] as? String } == ["2018-01", "2018-02", "2018-03", "2018-04", "2018-05", "2018-06"])
        let root = try #require((s["units"] as? [[String: Any]])?.first)
        let may = try #require((root["columns"] as? [[String: Any]])?[4])
        #expect(may["period"] as? String == "2018-05" && (may["figures"] as? [String: Any])?["tips"] as? Int == 2)
    }

    @Test func theHeaderNamesThePeriodInWordsWithItsDaysAndTheComparisonInWords() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let vi = try d.ok(["summary", "2018-01..2018-08", "--compare", "2016-01..2016-08", "--lang", "vi"]).stdout
        #expect(vi.contains("Kỳ báo cáo: 8 tháng đầu năm 2018 (01/01/2018 – 31/08/2018)"), "\(vi)")
        #expect(vi.contains("Tin báo của quần chúng: 2, tăng 2 tin so với 8 tháng đầu năm 2016."), "\(vi)")
        let en = try d.ok(["summary", "2018-05-01..2018-05-31", "--compare", "same-period", "--lang", "en"]).stdout
        #expect(en.contains("Period: 1 May 2018 – 31 May 2018 (2018-05-01 – 2018-05-31)"), "\(en)")
        #expect(en.contains("up 2 tips on the same period a year earlier."), "\(en)")
        let md = try d.ok(["summary", "2018-Q2", "--compare", "previous", "--lang", "vi", "--format", "markdown"]).stdout
        #expect(md.contains("quý II năm 2018 (01/04/2018 – 30/06/2018)") && md.contains("tăng 2 tin so với kỳ trước"), "\(md)")
    }

    @Test func aPeriodStartOf1215AlignsMonthsAndHalves() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        // Phú Cường's tips of 14/05/2018 are in police month 5 (15/04–14/05); a day later they would be in month 6.
        let out = try d.ok(["summary", "2018-H1", "--period-start", "12-15", "--columns", "months", "--format", "csv", "--lang", "vi"]).stdout
        let rows = out.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(rows.first { $0[0] == "2018-05" && $0[1] == "74" && $0[3] == "tips" }?[4] == "2")
        let text = try d.ok(["summary", "2018-H1", "--period-start", "12-15", "--lang", "vi"]).stdout
        #expect(text.contains("6 tháng đầu năm 2018 (15/12/2017 – 14/06/2018)"))
    }
}
