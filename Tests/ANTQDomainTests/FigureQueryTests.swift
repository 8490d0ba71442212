import Decimals
import Testing
import TextFormats
import ANTQTestSupport
@testable import ANTQDomain

/// What `unit` itself holds, without the units below it: flows of its own
/// facts, its own models, cameras and communes, its own level records.
private func own(_ q: FigureQuery, _ unit: String) -> [String: ExactDecimal] {
    let flows = q.flowTotals([unit]), state = q.stateTotals([unit])
    var out: [String: ExactDecimal] = [:]
    for d in q.figures.definitions {
        switch d.kind {
        case .flow: out[d.name] = .of(units: flows[d.name] ?? 0, decimals: d.decimals)
        case .state: out[d.name] = ExactDecimal(state[d.name] ?? 0)
        case .level: out[d.name] = q.level(d.name, units: [unit])
        case .ratio: continue
        }
    }
    return out
}

private func sum(_ a: [String: ExactDecimal], _ b: [String: ExactDecimal?]) -> [String: ExactDecimal] {
    var out = a
    for (k, v) in a { out[k] = v + ((b[k] ?? nil) ?? .zero) }
    return out
}

/// Every figure but the ratios (a ratio is not a sum over units).
private func additive(_ q: FigureQuery, _ values: [String: ExactDecimal?]) -> [String: ExactDecimal] {
    var out: [String: ExactDecimal] = [:]
    for d in q.figures.definitions where !d.isRatio { out[d.name] = (values[d.name] ?? nil) ?? .zero }
    return out
}

@Test(arguments: [UInt64(31), 32, 33, 34, 35, 36])
func aUnitsFiguresAreItsOwnPlusItsChildrensAsTheTreeStood(seed: UInt64) {
    let g = RandomLog.make(seed: seed, events: 400)
    let l = g.ledger
    let start = l.log!.periodStart
    var checked = 0
    for year in testYears {
        let q = query(l, year: year, periodStart: start)
        let children = l.units.children(on: q.last)
        for v in l.units.views(on: q.last) where !Vocabulary.communeLevelKinds.contains(v.kind) {
            let kids = children[v.code] ?? []
            let expected = kids.reduce(own(q, v.code)) { sum($0, q.values(unit: $1)) }
            #expect(additive(q, q.values(unit: v.code)) == expected, "seed \(seed) \(year) \(v.code)")
            checked += 1
        }
        // Province = its own events + its districts'; districts = own + communes'.
        #expect(q.subtree("74").count == l.units.views(on: q.last).count)
    }
    #expect(checked > 30)
}

@Test func aMergedCommuneKeepsItsHistoryUnderItsOldDistrict() throws {
    var b = binhDuong()
    try b.add(#"{"type":"arrest.made","occurred":"2018-03-01","unit":"25852","data":{"count":7}}"#)
    // 25852 (Bến Cát) merges into 25747 (Thủ Dầu Một) in 2019.
    try b.add(#"{"type":"unit.merged","occurred":"2019-06-01","unit":"25852","data":{"into":"25747"}}"#)
    let q2018 = query(b.ledger, year: 2018), q2019 = query(b.ledger, year: 2019)
    #expect(q2018.value("arrests", unit: "721") == dec(7))
    #expect(q2018.value("arrests", unit: "718") == dec(0))
    #expect(q2018.value("arrests", unit: "74") == dec(7))
    #expect(q2018.value("communes", unit: "721") == dec(1))
    #expect(q2019.value("communes", unit: "721") == dec(0))
    #expect(q2019.value("communes", unit: "74") == dec(4))
}

@Test func aCommuneMovedToAnotherDistrictCountsWhereItStoodAtTheYearsEnd() throws {
    var b = binhDuong()
    try b.add(#"{"type":"arrest.made","occurred":"2018-03-01","unit":"25760","data":{"count":2}}"#)
    try b.add(#"{"type":"arrest.made","occurred":"2019-03-01","unit":"25760","data":{"count":5}}"#)
    try b.add(#"{"type":"unit.changed","occurred":"2019-01-01","unit":"25760","data":{"parent":"721"}}"#)
    let q2018 = query(b.ledger, year: 2018), q2019 = query(b.ledger, year: 2019)
    #expect(q2018.value("arrests", unit: "718") == dec(2) && q2018.value("arrests", unit: "721") == dec(0))
    #expect(q2019.value("arrests", unit: "718") == dec(0) && q2019.value("arrests", unit: "721") == dec(5))
}

@Test func valuesAndValueAgreeForEveryFigureAndAnUnknownNameHasNone() {
    let g = RandomLog.make(seed: 37, events: 400)
    let q = query(g.ledger, year: 2020, periodStart: g.ledger.log!.periodStart)
    let all = q.values(unit: "74")
    #expect(Set(all.keys) == Set(g.ledger.figures.names))
    for name in g.ledger.figures.names { #expect(all[name] ?? nil == q.value(name, unit: "74"), "\(name)") }
    #expect(q.value("tips.unknown", unit: "74") == nil)
    #expect(q.value("models.shock_team.size", unit: "74") == nil)
}
