import ANTQDomain
import ANTQTestSupport
import Decimals
import Testing
import TextFormats

// Issue 20 in small: two districts whose wards are reorganised on
// 01-07-2024 the way NQ 1685 did it in 2025 (codes continued, in part
// too; a split without shares; a name reused under another code; the
// district level abolished; the province joining 79).

private func arrest(_ unit: String, _ occurred: String, _ n: Int) -> String {
    #"{"type":"arrest.made","occurred":"\#(occurred)","unit":"\#(unit)","data":{"count":\#(n)}}"#
}

private func unit(_ code: String, _ name: String, _ kind: String, _ parent: String?, on d: String = "2010-01-01") -> String {
    #"{"type":"unit.registered","occurred":"\#(d)","unit":"\#(code)","data":{"name":"\#(name)","kind":"\#(kind)","parent":\#(parent.map { "\"\($0)\"" } ?? "null")}}"#
}

/// Arrests in 2023 are powers of two, so every sum names its units.
private func beforeTheChange() throws -> LogBuilder {
    var b = LogBuilder()
    let lines = [
        unit("74", "Bình Dương", "province", nil), unit("718", "Thủ Dầu Một", "city", "74"), unit("719", "Thuận An", "city", "74"),
        unit("25747", "Phú Cường", "ward", "718"), unit("25741", "Hiệp Thành", "ward", "718"), unit("25750", "Phú Hòa", "ward", "718"),
        unit("25969", "Bình Chuẩn", "ward", "719"), unit("25972", "Thuận Giao", "ward", "719"), unit("25975", "An Phú", "ward", "719"),
        unit("79", "Hồ Chí Minh", "city", nil, on: "2024-07-01"),
        arrest("25747", "2023-08-01", 1), arrest("25741", "2023-08-01", 2), arrest("25750", "2023-08-01", 4),
        arrest("25969", "2023-08-01", 8), arrest("25972", "2023-08-01", 16), arrest("25975", "2023-08-01", 32),
    ]
    try b.append(lines.map { try draft($0) })
    return b
}

private let reorganisation = [
    #"{"type":"unit.continued","occurred":"2024-07-01","unit":"25747","data":{"name":"Thủ Dầu Một","kind":"ward","parent":"79"}}"#,
    #"{"type":"unit.continued","occurred":"2024-07-01","unit":"25750","data":{"name":"Phú Lợi","kind":"ward","parent":"79"}}"#,
    #"{"type":"unit.continued","occurred":"2024-07-01","unit":"25969","data":{"name":"Thuận Giao","kind":"ward","parent":"79","partTo":"25975"}}"#,
    #"{"type":"unit.changed","occurred":"2024-07-01","unit":"25975","data":{"parent":"79"}}"#,
    #"{"type":"unit.split","occurred":"2024-07-01","unit":"25741","data":{"into":"25747","alsoInto":"25750"}}"#,
    #"{"type":"unit.merged","occurred":"2024-07-01","unit":"25972","data":{"into":"25969"}}"#,
    #"{"type":"unit.abolished","occurred":"2024-07-01","unit":"718","data":{"into":"79"}}"#,
    #"{"type":"unit.abolished","occurred":"2024-07-01","unit":"719","data":{"into":"79"}}"#,
    #"{"type":"unit.merged","occurred":"2024-07-01","unit":"74","data":{"into":"79"}}"#,
]

private func afterTheChange() throws -> LogBuilder {
    var b = try beforeTheChange()
    try b.append(reorganisation.map { try draft($0) })
    return b
}

private func arrests(_ q: FigureQuery, _ unit: String) -> ExactDecimal? { q.value("arrests", unit: unit) }
private func year2023(_ l: Ledger) -> FigureQuery { FigureQuery(ledger: l, first: day("2023-01-01"), last: day("2023-12-31"), periodStart: .january1) }

@Test func aUnitThatEndedRefusesLaterEventsSayingWhatBecameOfItInBothLanguages() throws {
    let b = try afterTheChange()
    let split = try #require(b.rejection(arrest("25741", "2024-08-01", 1))?.problems.first)
    #expect(split.problem.en.contains("phường Hiệp Thành was split between phường Thủ Dầu Một (25747) and phường Phú Lợi (25750) on 01/07/2024"), "\(split.problem.en)")
    #expect(split.problem.vi.contains("phường Hiệp Thành đã được chia tách vào phường Thủ Dầu Một (25747) và phường Phú Lợi (25750) từ ngày 01/07/2024"), "\(split.problem.vi)")
    let merged = try #require(b.rejection(arrest("25972", "2024-08-01", 1))?.problems.first)
    #expect(merged.problem.en.contains("phường Thuận Giao became part of phường Thuận Giao (25969) on 01/07/2024"), "\(merged.problem.en)")
    #expect(merged.problem.vi.contains("phường Thuận Giao đã nhập vào phường Thuận Giao (25969) từ ngày 01/07/2024"), "\(merged.problem.vi)")
    let byFormerName = try #require(b.rejection(arrest("Phú Cường", "2024-08-01", 1))?.problems.first)
    #expect(byFormerName.problem.en.contains("phường Phú Cường became part of phường Thủ Dầu Một (25747) on 01/07/2024"), "\(byFormerName.problem.en)")
    #expect(byFormerName.problem.vi.contains("phường Phú Cường đã nhập vào phường Thủ Dầu Một (25747) từ ngày 01/07/2024"), "\(byFormerName.problem.vi)")
    let abolished = try #require(b.rejection(arrest("718", "2024-08-01", 1))?.problems.first)
    #expect(abolished.problem.en.contains("was abolished on 01/07/2024"), "\(abolished.problem.en)")
    // The day before, each was still in force; the continued code takes events after.
    expectAccepted(b, arrest("25741", "2024-06-30", 1))
    expectAccepted(b, arrest("Phú Cường", "2024-06-30", 1))
    expectAccepted(b, arrest("25747", "2024-08-01", 1))
}

@Test func aNameResolvesToTheUnitInForceOnTheEventsOwnDay() throws {
    var b = try afterTheChange()
    #expect(try b.add(arrest("Thuận Giao", "2023-09-01", 1)).unit == "25972")
    #expect(try b.add(arrest("Thuận Giao", "2024-09-01", 1)).unit == "25969")
    #expect(try b.add(arrest("Thủ Dầu Một", "2023-09-01", 1)).unit == "718")
    #expect(try b.add(arrest("Thủ Dầu Một", "2024-09-01", 1)).unit == "25747")
    // A reused code means the unit in force on the day.
    #expect(b.ledger.units.view("25747", on: day("2024-06-30"))?.name == "Phú Cường")
    #expect(b.ledger.units.view("25747", on: day("2024-07-01"))?.name == "Thủ Dầu Một")
}

@Test func aLevelIsAbolishedOnlyOnceNothingIsLeftUnderIt() throws {
    let b = try beforeTheChange()
    expectRefused(b, #"{"type":"unit.abolished","occurred":"2024-07-01","unit":"718","data":{"into":"79"}}"#, field: "unit", "still has 3 unit(s) under it")
    expectRefused(b, #"{"type":"unit.split","occurred":"2024-07-01","unit":"25741","data":{"into":"25747","alsoInto":"25747"}}"#, field: "data.alsoInto", "successors must differ")
    expectRefused(b, #"{"type":"unit.split","occurred":"2024-07-01","unit":"25741","data":{"into":"25741","alsoInto":"25747"}}"#, field: "data.into", "cannot succeed itself")
}

@Test func afterTheChangeTheTreeIsTheNewWardsUnder79AndNoDistricts() throws {
    let units = try afterTheChange().ledger.units
    let d = day("2024-07-01")
    #expect(units.roots(on: d) == ["79"])
    #expect(Set(units.listedChildren(on: d)["79"] ?? []) == ["25747", "25750", "25969", "25975"])
    #expect(units.listedChildren(on: d)["718"] == nil && units.listedChildren(on: d)["719"] == nil)
    #expect(units.roots(on: day("2024-06-30")) == ["74"])
}

@Test func aRestatedFigureIsTheSumOfItsPredecessorsAndHistoricalBoundariesKeepTheReportOfThatTime() throws {
    let before = try beforeTheChange().ledger, after = try afterTheChange().ledger
    let restated = year2023(after).onBoundaries(of: day("2024-12-31"))
    #expect(arrests(restated, "25747") == ExactDecimal(1 + 2))      // Phú Cường, and Hiệp Thành whole (split: counted in its first successor)
    #expect(arrests(restated, "25750") == ExactDecimal(4))          // Phú Hòa; none of Hiệp Thành
    #expect(arrests(restated, "25969") == ExactDecimal(8 + 16))     // Bình Chuẩn (the code, in part) and the old Thuận Giao
    #expect(arrests(restated, "25975") == ExactDecimal(32))
    #expect(arrests(restated, "79") == ExactDecimal(63))
    for code in ["74", "718", "719", "25741", "25747", "25750", "25969", "25972", "25975"] {
        #expect(year2023(after).values(unit: code) == year2023(before).values(unit: code), "\(code)")
    }
}

@Test func aRestatedFigureNamesTheSplitUnitsItHoldsWhole() throws {
    let units = try afterTheChange().ledger.units
    let d = day("2024-12-31")
    #expect(units.splitParts(under: "25750", on: d).map(\.code) == ["25741"])
    #expect(units.splitParts(under: "25750", on: d).first?.countedIn == "25747")
    #expect(units.splitParts(under: "25975", on: d).map { "\($0.code) \($0.name)" } == ["25969 Bình Chuẩn"])
    #expect(units.splitParts(under: "79", on: d).count == 2)
    #expect(units.splitParts(under: "74", on: day("2023-12-31")).isEmpty)
}

/// On generated logs with mergers, splits, continued codes and abolished
/// districts: every flow read on later boundaries equals the naive sum over
/// the facts, each counted under its unit's successor as the facts say.
@Test(arguments: Array(UInt64(1)...6))
func restatedFlowsOfGeneratedLogsEqualTheNaiveSumOverSuccessors(seed: UInt64) {
    let g = RandomLog.make(seed: seed, events: 400)
    let reference = Reference(g.events)
    let start = g.ledger.log?.periodStart ?? .january1
    let flows = g.ledger.figures.definitions.filter { if case .flow = $0.kind { true } else { false } }.map(\.name)
    var out: [String] = []
    for year in 2015...2023 {
        let p = Period(year: year, start: start)
        let q = FigureQuery(ledger: g.ledger, first: p.firstDay, last: p.lastDay, periodStart: start).onBoundaries(of: testToday)
        let table = reference.table(first: p.firstDay, last: p.lastDay, metrics: flows, boundaries: testToday)
        for (unit, row) in table {
            let values = q.values(unit: unit)
            for m in flows where (values[m] ?? nil) != (row[m] ?? nil) { out.append("\(year) \(unit) \(m): \(String(describing: values[m])) vs \(String(describing: row[m]))") }
        }
    }
    #expect(out.isEmpty, "seed \(seed): \(out.prefix(10).joined(separator: "\n"))")
}

/// A unit named only as a split's second successor or a continuation's
/// `partTo` is still needed: its registration cannot be retracted.
@Test func aUnitThatReceivedPartOfAnotherCannotBeUnregistered() throws {
    var b = LogBuilder()
    let lines = [unit("74", "Bình Dương", "province", nil), unit("701", "Dĩ An", "district", "74"),
                 unit("26001", "A", "ward", "701"), unit("26002", "B", "ward", "701"), unit("26003", "C", "ward", "701"),
                 unit("26004", "D", "ward", "701"), unit("26005", "E", "ward", "701")]
    let registered = try b.append(lines.map { try draft($0) })
    let seq = { (code: String) in registered.first { $0.unit == code }!.seq }
    try b.add(#"{"type":"unit.split","occurred":"2020-01-01","unit":"26001","data":{"into":"26002","alsoInto":"26003"}}"#)
    try b.add(#"{"type":"unit.continued","occurred":"2020-01-01","unit":"26004","data":{"name":"F","kind":"ward","parent":"701","partTo":"26005"}}"#)
    expectRefused(b, #"{"type":"event.retracted","data":{"target":\#(seq("26003")),"reason":"x"}}"#, field: "data.target", "is used by other events")
    expectRefused(b, #"{"type":"event.retracted","data":{"target":\#(seq("26005")),"reason":"x"}}"#, field: "data.target", "is used by other events")
}

/// On generated logs: every unit that ended (merged, split, abolished)
/// refuses an event dated after its end, naming where it went, in both
/// languages; the day it ended it still takes one; its successor takes one
/// dated after.
@Test func aCeasedUnitOfAGeneratedLogRefusesLaterEventsNamingItsSuccessor() throws {
    var checked = 0
    for seed in UInt64(1)...8 {
        let g = RandomLog.make(seed: seed, events: 400)
        let units = g.ledger.units
        for v in units.views() {
            guard let end = v.ending, let next = end.successors.first, let nv = units.view(next), nv.ending == nil,
                  end.on < testToday else { continue }
            let after = CivilDate(dayNumber: end.on.dayNumber + 1).iso
            let refused = try #require(g.b.rejection(#"{"type":"arrest.made","occurred":"\#(after)","unit":"\#(v.code)","data":{"count":1}}"#)?.problems.first,
                                       "\(v.code) ended \(end.on.iso), accepted on \(after)")
            #expect(refused.problem.en.contains("(\(next))") && refused.problem.vi.contains("(\(next))"), "\(refused.problem.en)")
            expectAccepted(g.b, #"{"type":"arrest.made","occurred":"\#(after)","unit":"\#(next)","data":{"count":1}}"#)
            checked += 1
        }
    }
    #expect(checked >= 8)
}
