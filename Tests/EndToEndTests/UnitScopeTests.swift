import Foundation
import Testing

/// A listing filtered by a unit (`export --unit`, `log --unit`) holds the
/// events `summary` sums for that unit: for a year, those of the units under
/// it as the tree stood on the year's last day; without a year, those whose
/// unit was under it on the day they occurred. A commune that moved to
/// another province does not take its history with it, in either direction.
@Suite struct UnitScopeTests {
    /// Two provinces, a district each, a commune that moves from the first
    /// to the second on 2020-07-01, and arrests before and after.
    static func movedCommune() throws -> DataDir {
        let d = try DataDir.initialised()
        for (unit, name, kind, parent) in [("10", "Lào Cai", "tỉnh", nil), ("80", "Hưng Yên", "tỉnh", nil),
                                          ("101", "Bảo Thắng", "huyện", "10"), ("801", "Văn Lâm", "huyện", "80"),
                                          ("10101", "Phố Lu", "xã", "101"), ("10102", "Xuân Quang", "xã", "101"),
                                          ("80101", "Như Quỳnh", "xã", "801")] as [(String, String, String, String?)] {
            try d.ok(["append", "unit.registered", "--unit", unit, "--occurred", "2015-01-01", "--name", name, "--kind", kind]
                     + (parent.map { ["--parent", $0] } ?? []))
        }
        var lines = ""
        for (unit, day, count) in [("10101", "2019-03-01", 4), ("10102", "2019-04-01", 7), ("80101", "2019-05-01", 2),
                                   ("10101", "2020-03-01", 5), ("10102", "2020-09-01", 1), ("80101", "2020-10-01", 3),
                                   ("10101", "2021-02-01", 6), ("80101", "2021-03-01", 8)] {
            lines += #"{"type":"arrest.made","occurred":"\#(day)","unit":"\#(unit)","data":{"count":\#(count)}}"# + "\n"
        }
        try d.ok(["append", "-"], stdin: lines)
        try d.ok(["append", "unit.changed", "--unit", "10101", "--occurred", "2020-07-01", "--parent", "801"])
        return d
    }

    static func summary(_ d: DataDir, _ year: String, _ unit: String) throws -> Int {
        let csv = try d.ok(["summary", year, "--unit", unit, "--format", "csv", "--lang", "en"]).stdout
        let row = csv.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }.first { $0.count >= 5 && $0[1] == unit && $0[3] == "arrests" }
        return Int(try #require(row?[4], "\(csv)"))!
    }

    static func exported(_ d: DataDir, _ args: [String]) throws -> Int {
        let csv = try d.antq(["export", "--type", "arrest.made", "--format", "csv", "--lang", "en"] + args).stdout
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        // An export with no rows has no columns of data to total.
        guard rows.count > 1 else { return 0 }
        let column = try #require(rows.first?.firstIndex(of: "count"), "\(csv)")
        return rows.dropFirst().reduce(0) { $0 + (Int($1[column]) ?? 0) }
    }

    @Test func anExportOfAUnitAndYearTotalsToItsSummaryAcrossAMove() throws {
        let d = try Self.movedCommune()
        defer { d.remove() }
        for year in ["2019", "2020", "2021"] {
            for unit in ["10", "80", "101", "801"] {
                #expect(try Self.exported(d, ["--year", year, "--unit", unit]) == Self.summary(d, year, unit), "\(year) \(unit)")
            }
        }
        // The figures themselves: the commune's 2019 arrests stay with Lào Cai; from 2020 (tree of 31/12) they are Hưng Yên's.
        #expect(try Self.summary(d, "2019", "10") == 11 && Self.summary(d, "2019", "80") == 2)
        #expect(try Self.summary(d, "2021", "10") == 0 && Self.summary(d, "2021", "80") == 14)
    }

    @Test func aLogOfAUnitWithoutAYearFollowsEachEventsDay() throws {
        let d = try Self.movedCommune()
        defer { d.remove() }
        func seqs(_ args: [String]) throws -> [String] {
            try d.ok(["log", "--type", "arrest.made", "--lang", "en"] + args).stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
        }
        let laoCai = try seqs(["--unit", "10"]), hungYen = try seqs(["--unit", "80"])
        // Phố Lu's arrests of 2019 and of 2020-03 were Lào Cai's; its arrest of 2021 is Hưng Yên's.
        #expect(laoCai.count == 4 && hungYen.count == 4, "\(laoCai) \(hungYen)")
        #expect(Set(laoCai).isDisjoint(with: hungYen))
        let all = try seqs([])
        #expect(Set(laoCai).union(hungYen) == Set(all))
        // With --year, the same rows as the export of that year.
        for year in ["2019", "2020", "2021"] {
            let listed = try d.ok(["log", "--type", "arrest.made", "--year", year, "--unit", "80", "--format", "json"]).stdout
            let total = listed.split(separator: "\n").compactMap { line -> Int? in
                let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return (o?["data"] as? [String: Any])?["count"] as? Int
            }.reduce(0, +)
            #expect(total == (try Self.summary(d, year, "80")), "\(year): \(listed)")
        }
        // Without a year an export follows each event's day too.
        #expect(try Self.exported(d, ["--unit", "10"]) == 4 + 7 + 5 + 1)
    }
}
