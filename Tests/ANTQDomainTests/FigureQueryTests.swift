import Foundation
import Testing
import TextFormats
@testable import ANTQDomain

private func sum(_ a: [Metric: Int], _ b: [Metric: Int]) -> [Metric: Int] { a.merging(b, uniquingKeysWith: +) }

@Test(arguments: [UInt64(31), 32, 33, 34, 35, 36])
func aUnitsFiguresAreItsOwnPlusItsChildrensAsTheTreeStood(seed: UInt64) {
    let g = RandomLog.make(seed: seed, events: 400)
    let l = g.ledger
    let start = l.log!.periodStart
    var checked = 0
    for year in testYears {
        let q = FigureQuery(ledger: l, year: year, periodStart: start)
        let children = l.units.children(on: q.endDay)
        for v in l.units.views(on: q.endDay) where v.kind != .ward && v.kind != .commune && v.kind != .township {
            let kids = children[v.code] ?? []
            let expected = kids.reduce(q.figures(units: [v.code])) { sum($0, q.figures(unit: $1)) }
            #expect(q.figures(unit: v.code) == expected, "seed \(seed) \(year) \(v.code)")
            checked += 1
        }
        // Province = its own events + its districts'; districts = own + communes'.
        #expect(q.subtree("74").count == l.units.views(on: q.endDay).count)
    }
    #expect(checked > 30)
}

@Test func aMergedCommuneKeepsItsHistoryUnderItsOldDistrict() throws {
    var b = binhDuong()
    try b.add(#"{"type":"arrest.made","occurred":"2018-03-01","unit":"25852","data":{"count":7}}"#)
    // 25852 (Bến Cát) merges into 25747 (Thủ Dầu Một) in 2019.
    try b.add(#"{"type":"unit.merged","occurred":"2019-06-01","unit":"25852","data":{"into":"25747"}}"#)
    let arrests = Metric(name: "arrests")!
    let q2018 = FigureQuery(ledger: b.ledger, year: 2018, periodStart: .january1)
    let q2019 = FigureQuery(ledger: b.ledger, year: 2019, periodStart: .january1)
    #expect(q2018.value(arrests, unit: "721") == 7)
    #expect(q2018.value(arrests, unit: "718") == 0)
    #expect(q2018.value(arrests, unit: "74") == 7)
    #expect(q2018.value(.state(.communes), unit: "721") == 1)
    #expect(q2019.value(.state(.communes), unit: "721") == 0)
    #expect(q2019.value(.state(.communes), unit: "74") == 4)
}

@Test func aCommuneMovedToAnotherDistrictCountsWhereItStoodAtTheYearsEnd() throws {
    var b = binhDuong()
    try b.add(#"{"type":"arrest.made","occurred":"2018-03-01","unit":"25760","data":{"count":2}}"#)
    try b.add(#"{"type":"arrest.made","occurred":"2019-03-01","unit":"25760","data":{"count":5}}"#)
    try b.add(#"{"type":"unit.changed","occurred":"2019-01-01","unit":"25760","data":{"parent":"721"}}"#)
    let arrests = Metric(name: "arrests")!
    let q2018 = FigureQuery(ledger: b.ledger, year: 2018, periodStart: .january1)
    let q2019 = FigureQuery(ledger: b.ledger, year: 2019, periodStart: .january1)
    #expect((q2018.value(arrests, unit: "718"), q2018.value(arrests, unit: "721")) == (2, 0))
    #expect((q2019.value(arrests, unit: "718"), q2019.value(arrests, unit: "721")) == (0, 5))
}
