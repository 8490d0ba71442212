import Foundation
import Testing

/// The bundled log after the 2025 reorganisation (issue 20): it records
/// NQ 1685/NQ-UBTVQH15 as the shared mapping gives it, today's reports show
/// Thành phố Hồ Chí Minh's new wards, and everything about 2017–2018 reads
/// exactly as before the reorganisation was recorded.
///
/// `Fixtures/bundled-2018/` holds antq's outputs on the log as it was before
/// the reorganisation events were added (seq 11612): byte for byte as of
/// 28-03-2019; today's differ only in the two provenance lines (the log's
/// fingerprint and how far it was read).
@Suite struct BundledReorganisationTests {
    static let fixtures = BundledLogTests.repoRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures")

    /// The mapping's rows: (new code, old code, whole).
    static func mapping() throws -> [(new: String, old: String, whole: Bool)] {
        let text = try String(contentsOf: fixtures.appendingPathComponent("reorganisation-2025-mapping.csv"), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return (f[0], f[3], f[5] == "whole")
        }
    }

    static func units(_ d: DataDir, on day: String) throws -> [[String: Any]] {
        let r = try d.antq(["units", "--format", "json", "--date", day])
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    }

    @Test func everyOldUnitOfTheMappingEndsInItsSuccessorsOn1July2025() throws {
        let rows = try Self.mapping()
        #expect(rows.count == 107)
        #expect(Set(rows.map(\.old)).count == 91 && Set(rows.map(\.new)).count == 36)
        let d = try BundledLogTests.copyOfBundledLog()
        defer { d.remove() }
        let byCode = Dictionary(uniqueKeysWithValues: try Self.units(d, on: "2025-07-01").map { ($0["code"] as! String, $0) })
        for old in Set(rows.map(\.old)) {
            let successors = Set(rows.filter { $0.old == old }.map(\.new))
            let u = try #require(byCode[old], "\(old) missing")
            if successors.contains(old) {
                // The code goes on as the new unit; the rest, if any, went to the other successor.
                #expect(u["ended"] == nil, "\(old) ended but its code continues")
                #expect(u["parent"] as? String == "79", "\(old) not under 79")
                let rest = successors.subtracting([old])
                let partTo = (u["continued"] as? [String: Any])?["part_to"] as? String
                #expect(Set(partTo.map { [$0] } ?? []) == rest, "\(old): rest went to \(partTo ?? "nothing"), the mapping says \(rest)")
            } else {
                let ended = try #require(u["ended"] as? [String: Any], "\(old) did not end")
                #expect(ended["on"] as? String == "2025-07-01")
                #expect(Set(ended["successors"] as? [String] ?? []) == successors, "\(old)")
                #expect(ended["type"] as? String == (successors.count == 1 ? "unit.merged" : "unit.split"))
            }
        }
        // The day before, the 91 stood as they were.
        let before = try Self.units(d, on: "2025-06-30")
        #expect(before.filter { ($0["code"] as! String).count == 5 && $0["ended"] == nil }.count == 91)
    }

    @Test func thirtySixUnitsStandUnder79On1July2025AndNoneUnderTheOldDistricts() throws {
        let d = try BundledLogTests.copyOfBundledLog()
        defer { d.remove() }
        let live = try Self.units(d, on: "2025-07-01").filter { $0["ended"] == nil }
        let under79 = live.filter { $0["parent"] as? String == "79" }
        #expect(under79.count == 36)
        #expect(Set(under79.map { $0["code"] as! String }) == Set(try Self.mapping().map(\.new)))
        #expect(!live.contains { (718...726).map(String.init).contains($0["parent"] as? String ?? "") })
        #expect(live.filter { $0["parent"] == nil || $0["parent"] is NSNull }.map { $0["code"] as! String } == ["79"])
        let state = try d.antq(["state", "--depth", "0", "--lang", "vi"])
        #expect(state.stdout.split(separator: "\n").first?.contains("Hồ Chí Minh") == true, "\(state.stdout.prefix(200))")
        let summary = try d.antq(["summary", "2025", "--unit", "79", "--depth", "0", "--format", "json"])
        let figures = try BundledLogTests.figuresOf(summary, unit: "79")
        #expect(figures["communes"] == 36 && figures["cameras"] == 1587)
    }

    @Test func namesOfTheBundledLogResolveOnTheEventsDay() throws {
        let d = try BundledLogTests.copyOfBundledLog()
        defer { d.remove() }
        let old = try d.antq(["append", "arrest.made", "--unit", "Thuận Giao", "--occurred", "2024-08-01", "--count", "1"])
        #expect(old.status == 0 && old.stdout.contains("unit 25972"), "\(old.stdout)\(old.stderr)")
        let new = try d.antq(["append", "arrest.made", "--unit", "Thuận Giao", "--occurred", "2025-08-01", "--count", "1"])
        #expect(new.status == 0 && new.stdout.contains("unit 25969"), "\(new.stdout)\(new.stderr)")
        let before = try Data(contentsOf: d.logURL)
        let gone = try d.antq(["append", "arrest.made", "--unit", "Phú Cường", "--occurred", "2025-08-01", "--count", "1", "--lang", "en"])
        #expect(gone.status == 65)
        #expect(gone.stderr.contains("phường Phú Cường became part of phường Thủ Dầu Một (25747) on 01/07/2025"), "\(gone.stderr)")
        let vi = try d.antq(["append", "arrest.made", "--unit", "Phú Cường", "--occurred", "2025-08-01", "--count", "1", "--lang", "vi"])
        #expect(vi.stderr.contains("phường Phú Cường đã nhập vào phường Thủ Dầu Một (25747) từ ngày 01/07/2025"), "\(vi.stderr)")
        #expect(try Data(contentsOf: d.logURL) == before)
        // import: each row's name on its own day.
        let csv = d.root.appendingPathComponent("arrests.csv")
        try "Ngày,Đơn vị,Số đối tượng\n01/08/2024,Thuận Giao,3\n01/08/2025,Thuận Giao,4\n".write(to: csv, atomically: true, encoding: .utf8)
        let imported = try d.antq(["import", "--type", "arrest.made", csv.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let lines = try String(contentsOf: d.logURL, encoding: .utf8).split(separator: "\n").suffix(2)
        #expect(lines.first?.contains(#""unit":"25972""#) == true && lines.last?.contains(#""unit":"25969""#) == true, "\(lines)")
    }

    /// Removes the provenance lines (fingerprint; how far the log was read).
    static func withoutProvenance(_ s: String) -> String {
        let prefixes = ["Log fingerprint:", "Dấu vân tay sổ:", "As known on:", "Theo dữ liệu đến:"]
        return s.split(separator: "\n", omittingEmptySubsequences: false).filter { l in !prefixes.contains { l.hasPrefix($0) } }.joined(separator: "\n")
    }

    @Test(arguments: ["en", "vi"])
    func the2018OutputsReadAsBeforeTheReorganisationWasRecorded(lang: String) throws {
        let d = try BundledLogTests.copyOfBundledLog()
        defer { d.remove() }
        func fixture(_ name: String) throws -> String {
            try String(contentsOf: Self.fixtures.appendingPathComponent("bundled-2018/\(name)-\(lang).txt"), encoding: .utf8)
        }
        let asOf = ["--as-of", BundledLogTests.conferenceDay, "--lang", lang]
        #expect(try d.antq(["summary", "2018"] + asOf).stdout == fixture("summary-asof"))
        #expect(try d.antq(["state"] + asOf).stdout == fixture("state-asof"))
        #expect(try d.antq(["audit", "arrests", "--year", "2018"] + asOf).stdout == fixture("audit-asof"))
        let today = try d.antq(["summary", "2018", "--lang", lang]).stdout
        #expect(today != (try fixture("summary-today")), "the fingerprint line should differ")
        #expect(Self.withoutProvenance(today) == Self.withoutProvenance(try fixture("summary-today")))
        let audit = try d.antq(["audit", "arrests", "--year", "2018", "--lang", lang]).stdout
        #expect(Self.withoutProvenance(audit) == Self.withoutProvenance(try fixture("audit-today")))
    }

    @Test func aNewWardComparedWithTheSamePeriodBeforeTheChangeSumsItsPredecessorsAndSaysWhatIsEstimated() throws {
        let d = try BundledLogTests.copyOfBundledLog()
        defer { d.remove() }
        // 2018 arrests of the old Thuận Giao (25972) and of Bình Chuẩn (25969), split between the new Thuận Giao and An Phú.
        let old = try BundledLogTests.figuresOf(try d.antq(["summary", "2018", "--unit", "25972", "--depth", "0", "--format", "json"]), unit: "25972")
        let binhChuan = try BundledLogTests.figuresOf(try d.antq(["summary", "2018", "--unit", "25969", "--depth", "0", "--format", "json"]), unit: "25969")
        let r = try d.antq(["summary", "2025-H2", "--unit", "25969", "--depth", "0", "--compare", "2018-H2", "--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((root["estimates"] as? [String: Any])?["25969"] != nil, "\(r.stdout.prefix(400))")
        let text = try d.antq(["summary", "2025-H2", "--unit", "25969", "--depth", "0", "--compare", "2018", "--lang", "en"]).stdout
        #expect(text.contains("Estimate: includes units only partly merged") && text.contains("Bình Chuẩn (25969) counted whole in 25969, none in 25975"), "\(text.prefix(800))")
        let vi = try d.antq(["summary", "2025-H2", "--unit", "25969", "--depth", "0", "--compare", "2018", "--lang", "vi", "--format", "markdown"]).stdout
        #expect(vi.contains("Ước tính: có đơn vị chỉ nhập một phần") && vi.contains("Bình Chuẩn (25969)"), "\(vi.prefix(800))")
        let html = try d.antq(["summary", "2025-H2", "--unit", "25969", "--depth", "0", "--compare", "2018", "--format", "html"]).stdout
        #expect(html.contains(#"<p class="estimate">"#) && html.contains("Bình Chuẩn (25969)"))
        // Nothing of 2018 on its own boundaries is an estimate.
        let plain = try d.antq(["summary", "2018", "--format", "json"]).stdout
        #expect(!plain.contains("estimate"))
        let year = try d.antq(["summary", "2025", "--unit", "25969", "--depth", "0", "--compare", "2018", "--format", "csv"]).stdout
        let arrests = try #require(year.split(separator: "\n").first { $0.contains(",arrests,") })
        #expect(arrests.split(separator: ",")[6] == Substring(String(old["arrests"]! + binhChuan["arrests"]!)), "\(arrests)")
        // The second half of 2025 lies after the change: the compared year on the units as they were.
        let historical = try d.antq(["summary", "2025-H2", "--unit", "25969", "--depth", "0", "--compare", "2018", "--boundaries", "historical", "--format", "csv"]).stdout
        let h = try #require(historical.split(separator: "\n").first { $0.contains(",arrests,") })
        #expect(h.split(separator: ",")[6] == Substring(String(binhChuan["arrests"]!)), "\(h)")
    }

    /// `--boundaries historical` on a period across 01-07-2025 shows each
    /// part on the units of its time: the first half under Bình Dương and
    /// its districts, the second under Thành phố Hồ Chí Minh and its 36
    /// wards; each part reads as the report of its days alone, in every format.
    @Test func aPeriodAcrossTheChangeIsShownInPartsOnTheUnitsOfTheirTime() throws {
        let d = try BundledLogTests.copyOfBundledLog()
        defer { d.remove() }
        let log = try Data(contentsOf: d.url.appendingPathComponent("events/log.jsonl"))
        let json = try d.antq(["summary", "2025", "--boundaries", "historical", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let parts = try #require(root["parts"] as? [[String: Any]])
        #expect(root["boundaries"] as? String == "historical" && root["units"] == nil && parts.count == 2)
        let units = parts.map { ($0["units"] as? [[String: Any]] ?? []).map { $0["code"] as! String } }
        #expect(units[0].first == "74" && Set(units[0].dropFirst()) == Set((718...726).map(String.init)), "\(units[0])")
        let wards = Set(try Self.mapping().map(\.new))
        #expect(units[1].first == "79" && Set(units[1].dropFirst()) == wards, "\(units[1].prefix(5))")
        // Each part is the report of its own days.
        let csv = try d.antq(["summary", "2025", "--boundaries", "historical", "--format", "csv"]).stdout
        let first = try d.antq(["summary", "2025-01-01..2025-06-30", "--format", "csv"]).stdout
        let second = try d.antq(["summary", "2025-07-01..2025-12-31", "--format", "csv"]).stdout
        #expect(csv == first + second.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n"))
        #expect(csv.contains("2025-01-01..2025-06-30,74,Bình Dương,models.crime_prevention_club,91") && csv.contains("2025-07-01..2025-12-31,79,"))
        let vi = try d.antq(["summary", "2025", "--boundaries", "historical", "--lang", "vi"]).stdout
        #expect(vi.contains("địa giới hành chính thay đổi ngày 01/07/2025") && vi.contains("tỉnh Bình Dương") && vi.contains("thành phố Hồ Chí Minh"), "\(vi.prefix(600))")
        let html = try d.antq(["summary", "2025", "--boundaries", "historical", "--format", "html"]).stdout
        #expect(html.components(separatedBy: "<h2>").count == 3 && html.contains("Bình Dương (province)</h2>"))
        // A unit registered at the change did not exist in the first part: no row stands for it there.
        let city = try d.antq(["summary", "2025", "--boundaries", "historical", "--unit", "79", "--format", "json"]).stdout
        let cityParts = try #require((try JSONSerialization.jsonObject(with: Data(city.utf8)) as? [String: Any])?["parts"] as? [[String: Any]])
        #expect(cityParts.map { ($0["units"] as? [Any])?.count ?? -1 } == [0, 37], "\(city.prefix(300))")
        #expect(try d.antq(["summary", "2025", "--boundaries", "historical", "--unit", "79"]).stdout.contains("the unit did not exist yet"))
        // Not split when nothing changed within the period; the default reads it all on the last day's units.
        #expect(!(try d.antq(["summary", "2024", "--boundaries", "historical"]).stdout.contains("parts")))
        #expect(try d.antq(["summary", "2025", "--format", "json"]).stdout.contains("\"units\""))
        // One set of units for a comparison: refused, saying why, the log untouched.
        let refused = try d.antq(["summary", "2025", "--compare", "2018", "--boundaries", "historical"])
        #expect(refused.status == 64 && refused.stderr.contains("2025-07-01") && refused.stdout.isEmpty, "\(refused.stderr)")
        #expect(try Data(contentsOf: d.url.appendingPathComponent("events/log.jsonl")) == log)
    }
}

extension BundledReorganisationTests {
    /// A summary restated on a ward the change made carries the estimate
    /// column; with columns, every row has it, as wide as the header.
    @Test func everyRowOfARestatedSummaryIsAsWideAsItsHeader() throws {
        let d = try BundledLogTests.copyOfBundledLog()
        defer { d.remove() }
        for extra in [["--columns", "halves"], ["--columns", "quarters"], []] {
            let r = try d.antq(["summary", "2025", "--unit", "25747", "--format", "csv"] + extra)
            let rows = r.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).count }
            #expect(r.status == 0 && rows.count > 2, "\(extra): \(r.stderr)")
            #expect(Set(rows).count == 1, "\(extra): field counts \(Set(rows)) in \(r.stdout.prefix(500))")
        }
    }
}

extension BundledLogTests {
    /// The figures of `unit` in a report printed as JSON.
    static func figuresOf(_ r: AntqBinary.Output, unit: String) throws -> [String: Int] {
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let units = try #require(root["units"] as? [[String: Any]])
        let row = try #require(units.first { $0["code"] as? String == unit })
        return try #require(row["figures"] as? [String: Int])
    }
}
